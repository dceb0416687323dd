package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/PID/status}, {@code statm} and {@code smaps_rollup} (fs/proc/task_mmu.c) and the mm
 * counters behind them, which {@link Kernel#checkInvariants} recounts after every step.
 */
class ProcStatusTest {
    private static final long RW = PROT_READ | PROT_WRITE;
    private static final long ANON = MAP_PRIVATE | MAP_ANONYMOUS;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(8192).build());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    /** The {@code Name: value kB} lines of a status or smaps_rollup text, by name. */
    static Map<String, Long> kb(String text) {
        Map<String, Long> fields = new HashMap<>();
        for (String line : text.lines().toList()) {
            String[] parts = line.split("\\s+");
            if (parts.length == 3 && parts[2].equals("kB")) {
                fields.put(parts[0].replace(":", ""), Long.parseLong(parts[1]));
            }
        }
        return fields;
    }

    @Test
    void statusHasTheKernelsLinesAndFormat() {
        long a = p.mmap(0, 4 * PAGE_SIZE, RW, ANON, -1, 0);
        p.store(a, new byte[(int) PAGE_SIZE]);
        // SEQ_PUT_DEC: a tab, then the value right-aligned in 8 columns
        assertThat(p.status()).isEqualTo("""
                VmPeak:\t      16 kB
                VmSize:\t      16 kB
                VmLck:\t       0 kB
                VmPin:\t       0 kB
                VmHWM:\t       4 kB
                VmRSS:\t       4 kB
                RssAnon:\t       4 kB
                RssFile:\t       0 kB
                RssShmem:\t       0 kB
                VmData:\t      16 kB
                VmStk:\t       0 kB
                VmExe:\t       0 kB
                VmLib:\t       0 kB
                VmPTE:\t      12 kB
                VmSwap:\t       0 kB
                HugetlbPages:\t       0 kB
                """);
        assertThat(p.statm()).isEqualTo("4 1 0 0 0 4 0\n");
    }

    @Test
    void highWaterMarksKeepThePeak() {
        long a = p.mmap(0, 8 * PAGE_SIZE, RW, ANON, -1, 0);
        p.store(a, new byte[(int) (8 * PAGE_SIZE)]);
        p.munmap(a, 6 * PAGE_SIZE);
        Map<String, Long> status = kb(p.status());
        assertThat(status).containsEntry("VmPeak", 32L).containsEntry("VmSize", 8L)
                .containsEntry("VmHWM", 32L).containsEntry("VmRSS", 8L);
        // dup_mm: a child's marks start at what it holds
        SimProcess child = p.fork();
        assertThat(kb(child.status())).containsEntry("VmPeak", 8L).containsEntry("VmHWM", 8L);
    }

    @Test
    void aGrowingRssRaisesNoMarkUntilItDrops() {
        long a = p.mmap(0, 4 * PAGE_SIZE, RW, ANON, -1, 0);
        p.store(a, new byte[(int) (4 * PAGE_SIZE)]);
        p.madvise(a, PAGE_SIZE, MADV_DONTNEED);
        p.store(a, new byte[1]);
        assertThat(kb(p.status())).containsEntry("VmHWM", 16L).containsEntry("VmRSS", 16L);
    }

    @Test
    void rollupSumsPssBeforeShifting() {
        // six VMAs of one page each, each page mapped by three processes: every smaps block shows
        // 1 kB (1365.3 bytes), the rollup adds the fixed-point fractions first: 8191.9 bytes, 7 kB
        long a = p.mmap(0, 6 * PAGE_SIZE, RW, ANON, -1, 0);
        p.store(a, new byte[(int) (6 * PAGE_SIZE)]);
        for (int i = 0; i < 6; i += 2) {
            p.mprotect(a + i * PAGE_SIZE, PAGE_SIZE, PROT_READ);
        }
        SimProcess c1 = p.fork();
        SimProcess c2 = p.fork();
        long sumOfBlocks = p.smaps().lines().filter(l -> l.startsWith("Pss:"))
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[1])).sum();
        assertThat(sumOfBlocks).isEqualTo(6);
        Map<String, Long> rollup = kb(p.smapsRollup());
        assertThat(rollup).containsEntry("Pss", 7L).containsEntry("Pss_Anon", 7L).containsEntry("Pss_Shmem", 0L)
                .containsEntry("Rss", 24L).containsEntry("Shared_Dirty", 24L);
        assertThat(p.smapsRollup().lines().findFirst().orElseThrow())
                .startsWith(String.format("%08x-%08x ---p 00000000 00:00 0 ", a, a + 6 * PAGE_SIZE))
                .endsWith(" [rollup]").hasSize(73 + "[rollup]".length());
        c1.exit();
        c2.exit();
    }

    @Test
    void rollupOfAnEmptyProcess() {
        assertThat(p.smapsRollup().lines().findFirst().orElseThrow())
                .startsWith("00000000-00000000 ---p 00000000 00:00 0 ").endsWith("[rollup]");
    }

    /**
     * Random system calls in a parent and its children; after each, the counters kept where the
     * kernel changes them must equal a recount of page tables and VMAs (checkInvariants).
     */
    @Test
    void countersMatchARecountAfterRandomCalls() {
        long seed = System.nanoTime();
        System.out.println("ProcStatusTest seed " + seed);
        Random random = new Random(seed);
        List<SimProcess> processes = new ArrayList<>(List.of(p));
        int fd = UserStrings.memfd(p, "counters", 0);
        p.ftruncate(fd, 16 * PAGE_SIZE);
        // an empty stretch of address space the calls place their mappings in, leaving holes
        long base = p.mmap(0, 64 * PAGE_SIZE, PROT_NONE, ANON, -1, 0);
        p.munmap(base, 64 * PAGE_SIZE);
        for (int step = 0; step < 300; step++) {
            SimProcess q = processes.get(random.nextInt(processes.size()));
            long addr = base + random.nextInt(60) * PAGE_SIZE;
            long len = (1 + random.nextInt(4)) * PAGE_SIZE;
            try {
                switch (random.nextInt(11)) {
                    case 0 -> q.mmap(addr, len, random.nextBoolean() ? RW : PROT_READ | PROT_EXEC,
                            ANON | MAP_FIXED | (random.nextInt(4) == 0 ? MAP_LOCKED : 0), -1, 0);
                    case 1 -> q.mmap(addr, len, RW, MAP_SHARED | MAP_FIXED, fd, random.nextInt(12) * PAGE_SIZE);
                    case 2 -> q.munmap(addr, len);
                    case 3 -> q.mprotect(addr, len, random.nextBoolean() ? RW : PROT_READ);
                    case 4 -> q.mlock(addr, len);
                    case 5 -> q.munlock(addr, len);
                    case 6 -> {
                        // a whole VMA, so that it may grow in place, move or shrink
                        List<String> vmas = q.maps().lines().toList();
                        if (!vmas.isEmpty()) {
                            String[] range = vmas.get(random.nextInt(vmas.size())).split("[- ]");
                            long start = Long.parseUnsignedLong(range[0], 16);
                            long size = Long.parseUnsignedLong(range[1], 16) - start;
                            switch (random.nextInt(3)) {
                                case 0 -> q.mremap(start, size, size + PAGE_SIZE * (random.nextInt(4) - 1), 0, 0);
                                case 1 -> q.mremap(start, size, size + PAGE_SIZE * (random.nextInt(4) - 1),
                                        MREMAP_MAYMOVE, 0);
                                default -> q.mremap(start, size, size, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
                            }
                        }
                    }
                    case 7 -> q.store(addr, new byte[(int) len]);
                    case 8 -> q.madvise(addr, len, MADV_DONTNEED);
                    case 9 -> q.remapFilePages(addr, len, 0, random.nextInt(20), random.nextBoolean() ? MAP_NONBLOCK : 0);
                    default -> {
                        if (processes.size() < 4) {
                            processes.add(q.fork());
                        } else if (q != p) {
                            q.exit();
                            processes.remove(q);
                        }
                    }
                }
            } catch (ErrnoException | MemoryFault expected) {
                // failed calls and faulting accesses change nothing the recount would miss
            }
            kernel.checkInvariants();
        }
    }

    @Test
    void remapFilePagesRemapsARangeOfItsFile() {
        int fd = UserStrings.memfd(p, "rfp", 0);
        p.ftruncate(fd, 4 * PAGE_SIZE);
        long m = p.mmap(0, 4 * PAGE_SIZE, RW, MAP_SHARED, fd, 0);
        for (int i = 0; i < 4; i++) {
            p.store(m + i * PAGE_SIZE, new byte[] {(byte) (0xa + i)});
        }
        p.remapFilePages(m + PAGE_SIZE, PAGE_SIZE, 0, 3, 0);
        byte[] first = new byte[1];
        p.load(m + PAGE_SIZE, first);
        assertThat(first[0]).isEqualTo((byte) 0xd);
        assertThat(p.maps().lines().map(l -> l.split("\\s+")[2]).toList()).containsExactly("00000000", "00003000", "00002000");
        p.remapFilePages(m + PAGE_SIZE, PAGE_SIZE, 0, 1, 0);
        assertThat(p.maps().lines()).hasSize(1);
        kernel.checkInvariants();
    }

    @Test
    void remapFilePagesRefusals() {
        int fd = UserStrings.memfd(p, "rfp", 0);
        p.ftruncate(fd, 4 * PAGE_SIZE);
        long m = p.mmap(0, 4 * PAGE_SIZE, RW, MAP_SHARED, fd, 0);
        long priv = p.mmap(0, 2 * PAGE_SIZE, RW, MAP_PRIVATE, fd, 0);
        assertEinval(() -> p.remapFilePages(m, PAGE_SIZE, PROT_READ, 1, 0));
        assertEinval(() -> p.remapFilePages(m, PAGE_SIZE - 1, 0, 1, 0));
        assertEinval(() -> p.remapFilePages(m, PAGE_SIZE, 0, -1L, 0));
        assertEinval(() -> p.remapFilePages(priv, PAGE_SIZE, 0, 1, 0));
        assertEinval(() -> p.remapFilePages(m + 3 * PAGE_SIZE, 2 * PAGE_SIZE, 0, 1, 0));
        // a page offset the mmap it performs cannot reach (file_mmap_ok)
        assertThatThrownBy(() -> p.remapFilePages(m, PAGE_SIZE, 0, 1L << 60, 0)).isInstanceOf(ErrnoException.class)
                .hasFieldOrPropertyWithValue("errno", Errno.EOVERFLOW);
    }

    private static void assertEinval(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ErrnoException.class).hasFieldOrPropertyWithValue("errno", Errno.EINVAL);
    }
}
