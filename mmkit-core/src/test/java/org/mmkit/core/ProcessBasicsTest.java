package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.PagemapEntryLayout;

/** End-to-end behaviour of one or two processes through the public API (kernel-spec §1, §9, §10). */
class ProcessBasicsTest {
    private static final long PRESENT = PagemapEntryLayout.PRESENT;
    private static final long FILE = PagemapEntryLayout.FILE;
    private static final long EXCLUSIVE = PagemapEntryLayout.MMAP_EXCLUSIVE;
    private static final long FLAGS = 0xff80000000000000L;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private static long pagemap(SimProcess process, long addr) {
        byte[] buf = new byte[8];
        assertThat(process.pagemapRead(addr / PAGE_SIZE * 8, buf)).isEqualTo(8);
        return ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private long anon(long pages) {
        return p.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    @Test
    void firstTouchReadMapsZeroPageAndWriteMapsExclusivePage() {
        long a = anon(2);
        assertThat(pagemap(p, a)).isZero();
        p.load(a, new byte[1]);
        long zero = pagemap(p, a);
        assertThat(zero & FLAGS).isEqualTo(PRESENT);
        p.store(a, new byte[] {42});
        long written = pagemap(p, a);
        assertThat(written & FLAGS).isEqualTo(PRESENT | EXCLUSIVE);
        assertThat(written & ~FLAGS).isNotEqualTo(zero & ~FLAGS);
        byte[] back = new byte[1];
        p.load(a, back);
        assertThat(back[0]).isEqualTo((byte) 42);
    }

    @Test
    void forkSharesPagesUntilWriteThenCopies() {
        long a = anon(1);
        p.store(a, new byte[] {1});
        SimProcess child = p.fork();
        assertThat(pagemap(p, a) & FLAGS).isEqualTo(PRESENT);
        assertThat(pagemap(child, a)).isEqualTo(pagemap(p, a));
        child.store(a, new byte[] {2});
        assertThat(pagemap(child, a) & FLAGS).isEqualTo(PRESENT | EXCLUSIVE);
        assertThat(pagemap(child, a)).isNotEqualTo(pagemap(p, a));
        assertThat(pagemap(p, a) & FLAGS).isEqualTo(PRESENT | EXCLUSIVE);
        byte[] b = new byte[1];
        p.load(a, b);
        assertThat(b[0]).isEqualTo((byte) 1);
        child.load(a, b);
        assertThat(b[0]).isEqualTo((byte) 2);
    }

    @Test
    void exclusiveBitReturnsWhenChildExits() {
        long a = anon(1);
        p.store(a, new byte[] {1});
        SimProcess child = p.fork();
        assertThat(pagemap(p, a) & EXCLUSIVE).isZero();
        child.exit();
        assertThat(pagemap(p, a) & FLAGS).isEqualTo(PRESENT | EXCLUSIVE);
    }

    @Test
    void mprotectOfMiddlePageSplitsAndRestoringMerges() {
        long a = anon(3);
        p.mprotect(a + PAGE_SIZE, PAGE_SIZE, PROT_READ);
        assertThat(p.maps().lines()).hasSize(3);
        assertThatThrownBy(() -> p.store(a + PAGE_SIZE, new byte[1]))
                .isInstanceOfSatisfying(MemoryFault.class, f -> {
                    assertThat(f.signal()).isEqualTo(Signal.SIGSEGV);
                    assertThat(f.code()).isEqualTo(Signal.SEGV_ACCERR);
                    assertThat(f.address()).isEqualTo(a + PAGE_SIZE);
                });
        p.mprotect(a + PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE);
        assertThat(p.maps()).isEqualTo(String.format("%x-%x rw-p 00000000 00:00 0 %n", a, a + 3 * PAGE_SIZE));
    }

    /**
     * The maps line of {@code show_map_vma}, digit for digit: addresses below 2^32 padded to 8 hex
     * digits and longer ones in full, the offset in hex, the file's name from column 73.
     */
    @Test
    void mapsLinesPadAsTheKernelDoes() {
        int fd = UserStrings.memfd(p, "pad", 0);
        p.ftruncate(fd, 0x20000 * PAGE_SIZE);
        long low = p.mmap(0x10000, PAGE_SIZE, PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        long file = p.mmap(0x7fffaa000000L, 2 * PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0x1fffeL * PAGE_SIZE);
        String fileLine = String.format("%08x-%08x r--s %08x 00:01 %d ", file, file + 2 * PAGE_SIZE, 0x1fffeL * PAGE_SIZE,
                inode(p.maps().lines().toList().get(1)));
        assertThat(p.maps()).isEqualTo(String.format("%08x-%08x --xp 00000000 00:00 0 %n", low, low + PAGE_SIZE)
                + String.format("%-73s/memfd:pad (deleted)%n", fileLine));
    }

    private static long inode(String mapsLine) {
        return Long.parseLong(mapsLine.trim().split(" +")[4]);
    }

    @Test
    void unmappedAccessIsMapErr() {
        long a = anon(1);
        p.munmap(a, PAGE_SIZE);
        assertThatThrownBy(() -> p.load(a, new byte[1]))
                .isInstanceOfSatisfying(MemoryFault.class, f -> assertThat(f.code()).isEqualTo(Signal.SEGV_MAPERR));
    }

    @Test
    void memfdSharedMappingIsFilePageAndSigbusPastEof() {
        int fd = UserStrings.memfd(p, "x", 0);
        p.ftruncate(fd, PAGE_SIZE);
        long m = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        p.store(m, new byte[] {7});
        assertThat(pagemap(p, m) & FLAGS).isEqualTo(PRESENT | FILE | EXCLUSIVE);
        assertThatThrownBy(() -> p.load(m + PAGE_SIZE, new byte[1]))
                .isInstanceOfSatisfying(MemoryFault.class, f -> {
                    assertThat(f.signal()).isEqualTo(Signal.SIGBUS);
                    assertThat(f.code()).isEqualTo(Signal.BUS_ADRERR);
                });
        assertThat(p.maps()).contains("/memfd:x (deleted)");
    }

    @Test
    void errnoRulesOfMunmapAndMmap() {
        assertThatThrownBy(() -> p.munmap(1, PAGE_SIZE)).hasFieldOrPropertyWithValue("errno", Errno.EINVAL);
        assertThatThrownBy(() -> p.mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
                .hasFieldOrPropertyWithValue("errno", Errno.EINVAL);
        long a = anon(2);
        assertThatThrownBy(() -> p.mmap(a + PAGE_SIZE, PAGE_SIZE, PROT_READ,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0))
                .hasFieldOrPropertyWithValue("errno", Errno.EEXIST);
    }
}
