package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** smaps accounting against the values observed on Linux 6.18 (kernel-spec §10). */
class SmapsTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    /** The numeric fields of the smaps block of the VMA starting at {@code start}. */
    static Map<String, Long> smapsOf(SimProcess process, long start) {
        Map<String, Long> fields = new HashMap<>();
        String header = String.format("%08x-", start);
        boolean inBlock = false;
        for (String line : process.smaps().lines().toList()) {
            if (Character.isDigit(line.charAt(0)) || (line.charAt(0) >= 'a' && line.charAt(0) <= 'f' && line.contains("-"))) {
                inBlock = line.startsWith(header);
            } else if (inBlock && line.startsWith("VmFlags:")) {
                fields.put("VmFlags:" + line.substring(8).trim(), 0L);
            } else if (inBlock) {
                String[] parts = line.split("\\s+");
                fields.put(parts[0].replace(":", ""), Long.parseLong(parts[1]));
            }
        }
        return fields;
    }

    @Test
    void privateAnonymousPagesBeforeAndAfterFork() {
        long a = p.mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        p.store(a, new byte[(int) (3 * PAGE_SIZE)]);
        p.load(a + 3 * PAGE_SIZE, new byte[1]);
        Map<String, Long> before = smapsOf(p, a);
        assertThat(before).containsEntry("Size", 16L).containsEntry("Rss", 12L).containsEntry("Pss", 12L)
                .containsEntry("Private_Dirty", 12L).containsEntry("Anonymous", 12L)
                .containsKey("VmFlags:rd wr mr mw me ac");
        SimProcess child = p.fork();
        Map<String, Long> shared = smapsOf(p, a);
        assertThat(shared).containsEntry("Pss", 6L).containsEntry("Shared_Dirty", 12L).containsEntry("Private_Dirty", 0L);
        p.store(a, new byte[1]);
        Map<String, Long> afterWrite = smapsOf(p, a);
        assertThat(afterWrite).containsEntry("Pss", 8L).containsEntry("Shared_Dirty", 8L).containsEntry("Private_Dirty", 4L);
        child.exit();
        assertThat(smapsOf(p, a)).containsEntry("Pss", 12L).containsEntry("Private_Dirty", 12L);
    }

    @Test
    void readFaultedSharedAnonymousPageIsClean() {
        long a = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        p.store(a, new byte[] {1});
        p.load(a + PAGE_SIZE, new byte[1]);
        SimProcess child = p.fork();
        child.load(a, new byte[2]);
        child.load(a + PAGE_SIZE, new byte[1]);
        assertThat(smapsOf(p, a)).containsEntry("Rss", 8L).containsEntry("Pss", 4L)
                .containsEntry("Shared_Dirty", 4L).containsEntry("Shared_Clean", 4L).containsEntry("Anonymous", 0L)
                .containsKey("VmFlags:rd wr sh mr mw me ms");
    }

    @Test
    void lockedFollowsMlockAndOnfaultDoesNotPopulate() {
        long a = p.mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        p.mlock2(a, 4 * PAGE_SIZE, MLOCK_ONFAULT);
        assertThat(smapsOf(p, a)).containsEntry("Rss", 0L).containsEntry("Locked", 0L)
                .containsKey("VmFlags:rd wr mr mw me lo lf ac");
        p.store(a, new byte[1]);
        assertThat(smapsOf(p, a)).containsEntry("Rss", 4L).containsEntry("Locked", 4L);
        p.munlock(a, 4 * PAGE_SIZE);
        p.mlock(a, 4 * PAGE_SIZE);
        assertThat(smapsOf(p, a)).containsEntry("Rss", 16L).containsEntry("Locked", 16L)
                .containsKey("VmFlags:rd wr mr mw me lo ac");
    }
}
