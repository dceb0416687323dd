package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * A kernel that forbids the shared zero page ({@code mm_forbids_zeropage}; this project's reference
 * machine boots with it): {@code do_anonymous_page} gives a read fault a private zeroed page, mapped
 * writable and dirty when the VMA is writable, so the first write needs no fault and no copy.
 */
class NoZeroPageTest {
    private static final long PRESENT = PagemapEntryLayout.PRESENT;
    private static final long EXCLUSIVE = PagemapEntryLayout.MMAP_EXCLUSIVE;
    private static final long PFN_MASK = (1L << 55) - 1;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().sharedZeroPage(false).build());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private long pagemap(SimProcess process, long addr) {
        byte[] buf = new byte[8];
        assertThat(process.pagemapRead(addr / PAGE_SIZE * 8, buf)).isEqualTo(8);
        return ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void aReadFaultMapsAPrivatePageThatTheFirstWriteKeeps() {
        long a = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assertThat(p.loadLong(a)).isZero();
        assertThat(p.loadLong(a + PAGE_SIZE)).isZero();
        long first = pagemap(p, a);
        long second = pagemap(p, a + PAGE_SIZE);
        assertThat(first & ~PFN_MASK).isEqualTo(PRESENT | EXCLUSIVE);
        assertThat(first & PFN_MASK).isNotEqualTo(second & PFN_MASK);
        p.storeLong(a, 42);
        assertThat(pagemap(p, a)).isEqualTo(first);
        assertThat(p.smaps()).contains("Private_Dirty:         8 kB");
        kernel.checkInvariants();
    }

    @Test
    void aReadOnlyMappingGetsACleanPageThatAWriteReusesAfterMprotect() {
        long a = p.mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assertThat(p.loadLong(a)).isZero();
        long entry = pagemap(p, a);
        assertThat(entry & ~PFN_MASK).isEqualTo(PRESENT | EXCLUSIVE);
        assertThat(p.smaps()).contains("Private_Clean:         4 kB");
        p.mprotect(a, PAGE_SIZE, PROT_READ | PROT_WRITE);
        p.storeLong(a, 7);
        assertThat(pagemap(p, a)).isEqualTo(entry);
        kernel.checkInvariants();
    }

    @Test
    void theReferenceProfileStillMapsTheZeroPage() {
        try (Kernel upstream = Kernel.create(KernelConfig.linux618())) {
            SimProcess q = upstream.newProcess(true);
            long a = q.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            q.loadLong(a);
            q.loadLong(a + PAGE_SIZE);
            assertThat(pagemap(q, a)).isEqualTo(pagemap(q, a + PAGE_SIZE)).isEqualTo(pagemap(q, a) & ~EXCLUSIVE);
        }
    }
}
