package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read rules of /proc/PID/pagemap (kernel-spec §1.2), which scenarios cannot express. */
class PagemapReadTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    private final long endOffset = kernel.config().taskSize() / PAGE_SIZE * 8;

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void offsetAndCountMustBeMultiplesOfEight() {
        assertThatThrownBy(() -> p.pagemapRead(4, new byte[8])).hasFieldOrPropertyWithValue("errno", Errno.EINVAL);
        assertThatThrownBy(() -> p.pagemapRead(8, new byte[12])).hasFieldOrPropertyWithValue("errno", Errno.EINVAL);
        assertThat(p.pagemapRead(8, new byte[0])).isZero();
    }

    @Test
    void readsStopAtTheTaskSize() {
        assertThat(p.pagemapRead(endOffset, new byte[8])).as("EOF").isZero();
        assertThat(p.pagemapRead(endOffset + (1L << 40), new byte[8])).isZero();
        assertThat(p.pagemapRead(endOffset - 16, new byte[64])).as("short read").isEqualTo(16);
    }

    @Test
    void unmappedAndUntouchedPagesReadZero() {
        long a = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        byte[] entries = new byte[32];
        assertThat(p.pagemapRead((a / PAGE_SIZE - 1) * 8, entries)).isEqualTo(32);
        assertThat(entries).containsOnly(0);
    }

    /**
     * One read across two mappings 1 GiB apart, the gap between them, their untouched pages and
     * their missing page tables (skipped a table at a time): exactly the touched pages read as
     * present, and a buffer filled with garbage is overwritten everywhere.
     */
    @Test
    void oneReadAcrossGapsAndMissingTablesFillsEveryEntry() {
        long gap = 1L << 30;
        long low = p.mmap(0x100000000L, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        long high = p.mmap(low + gap, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        p.mainThread().store(low + PAGE_SIZE, new byte[] {1});
        p.mainThread().store(high + 3 * PAGE_SIZE, new byte[] {1});
        long first = low / PAGE_SIZE - 600;
        int pages = (int) (gap / PAGE_SIZE) + 1200;
        byte[] entries = new byte[pages * 8];
        java.util.Arrays.fill(entries, (byte) 0x5a);
        assertThat(p.pagemapRead(first * 8, entries)).isEqualTo(entries.length);
        java.nio.LongBuffer read = java.nio.ByteBuffer.wrap(entries).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        for (int i = 0; i < pages; i++) {
            long va = (first + i) * PAGE_SIZE;
            boolean touched = va == low + PAGE_SIZE || va == high + 3 * PAGE_SIZE;
            long entry = read.get(i);
            assertThat(entry < 0).as("present bit at 0x%x", va).isEqualTo(touched);
            if (!touched) {
                assertThat(entry).as("entry at 0x%x", va).isZero();
            }
        }
    }

    /**
     * A read of a whole range, which walks it a page table at a time, agrees entry for entry with
     * reads of one entry each, over random layouts of anonymous, shared and file mappings with
     * holes, forks (shared pages), read-only and soft-dirty VMAs, guard markers and untouched pages,
     * and reads starting and ending anywhere.
     */
    @Test
    void aRangeReadAgreesWithReadsOfOneEntryEach() {
        long seed = System.nanoTime();
        System.out.println("PagemapReadTest seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        long base = 0x200000000L;
        int span = 3 * 512 + 100;
        int fd = UserStrings.memfd(p, "pm", 0);
        p.ftruncate(fd, span * PAGE_SIZE);
        for (int i = 0; i < 40; i++) {
            int first = random.nextInt(span - 1);
            int pages = 1 + random.nextInt(Math.min(600, span - first));
            long addr = base + first * PAGE_SIZE;
            long len = pages * PAGE_SIZE;
            int op = random.nextInt(6);
            try {
                switch (op) {
                    case 0 -> p.mmap(addr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
                    case 1 -> p.mmap(addr, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, first * PAGE_SIZE);
                    case 2 -> p.munmap(addr, len);
                    case 3 -> p.madvise(addr, len, MADV_GUARD_INSTALL);
                    case 4 -> p.mprotect(addr, len, PROT_READ);
                    default -> { }
                }
            } catch (ErrnoException partlyUnmapped) {
                // ENOMEM where the range has holes: what was done stays
            }
            if (op == 5) {
                {
                    for (int page = 0; page < pages; page += 1 + random.nextInt(4)) {
                        try {
                            p.storeLong(addr + page * PAGE_SIZE, page);
                        } catch (RuntimeException unmappedOrReadOnly) {
                            // a hole, a guard or a read-only page stays as it is
                        }
                    }
                }
            }
            if (random.nextInt(8) == 0) {
                p.fork();
            }
        }
        long firstEntry = base / PAGE_SIZE - 7;
        int entries = span + 14;
        byte[] whole = new byte[entries * 8];
        assertThat(p.pagemapRead(firstEntry * 8, whole)).isEqualTo(whole.length);
        byte[] one = new byte[8];
        for (int i = 0; i < entries; i++) {
            p.pagemapRead((firstEntry + i) * 8, one);
            assertThat(java.util.Arrays.copyOfRange(whole, i * 8, i * 8 + 8)).as("entry %d, seed %d", i, seed).isEqualTo(one);
        }
        for (int i = 0; i < 50; i++) {
            int from = random.nextInt(entries);
            int to = from + random.nextInt(entries - from + 1);
            byte[] part = new byte[(to - from) * 8];
            p.pagemapRead((firstEntry + from) * 8, part);
            assertThat(part).as("entries [%d, %d), seed %d", from, to, seed)
                    .isEqualTo(java.util.Arrays.copyOfRange(whole, from * 8, to * 8));
        }
    }
}
