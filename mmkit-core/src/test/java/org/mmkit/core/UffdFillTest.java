package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * The fill ioctls (kernel-spec §4.6 with the 6.18.44 corrections; {@code mfill_atomic} in
 * {@code mm/userfaultfd.c}): COPY, ZEROPAGE, CONTINUE and POISON, their errors, the result field
 * and partial fills.
 */
class UffdFillTest {
    private static final long MISSING = UFFDIO_REGISTER_MODE_MISSING;
    private static final long UNTOUCHED = 0x5a5a;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().sharedZeroPage(false).build());
    private final SimProcess p = kernel.newProcess(true);
    private final Uffd uffd = Uffd.open(p, UFFD_FEATURE_POISON);

    @AfterEach
    void close() {
        kernel.checkInvariants();
        kernel.close();
    }

    private static Uffd.Filled ok(long bytes) {
        return new Uffd.Filled(bytes, null);
    }

    private static Uffd.Filled failed(Errno errno, long result) {
        return new Uffd.Filled(result, errno);
    }

    private long pagemap(long addr) {
        byte[] entry = new byte[8];
        p.pagemapRead(addr / PAGE_SIZE * 8, entry);
        return ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void copyChecksItsArgumentsBeforeTouchingTheResult() {
        long a = anon(p, 4);
        long src = anon(p, 1);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        assertThat(uffd.copy(a + 1, src, PAGE_SIZE, 0)).isEqualTo(failed(Errno.EINVAL, UNTOUCHED));
        assertThat(uffd.copy(a, src, 0, 0)).isEqualTo(failed(Errno.EINVAL, UNTOUCHED));
        assertThat(uffd.copy(a, src, PAGE_SIZE + 1, 0)).isEqualTo(failed(Errno.EINVAL, UNTOUCHED));
        assertThat(uffd.copy(a, src, PAGE_SIZE, 4)).isEqualTo(failed(Errno.EINVAL, UNTOUCHED));
        assertThat(uffd.copy(a, 0, PAGE_SIZE, 0)).as("src below mmap_min_addr").isEqualTo(failed(Errno.EINVAL, UNTOUCHED));
        assertThat(uffd.copy(a + 2 * PAGE_SIZE, src, PAGE_SIZE, 0)).as("unregistered").isEqualTo(failed(Errno.ENOENT, -2));
        assertThat(uffd.copy(a + PAGE_SIZE, src, 2 * PAGE_SIZE, 0)).as("past the VMA").isEqualTo(failed(Errno.ENOENT, -2));
        assertThat(uffd.copy(a, src, PAGE_SIZE, UFFDIO_COPY_MODE_WP)).as("WP without WP registration")
                .isEqualTo(failed(Errno.EINVAL, -22));
        p.munmap(src, PAGE_SIZE);
        assertThat(uffd.copy(a, src, PAGE_SIZE, 0)).as("unreadable src").isEqualTo(failed(Errno.EFAULT, -14));
    }

    @Test
    void copyFromAnUnalignedSourceMakesDirtyWritableExclusivePages() {
        long a = anon(p, 2);
        long src = anon(p, 2);
        byte[] bytes = new byte[(int) PAGE_SIZE];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        p.store(src + 3, bytes);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        assertThat(uffd.copy(a, src + 3, PAGE_SIZE, 0)).isEqualTo(ok(PAGE_SIZE));
        byte[] read = new byte[(int) PAGE_SIZE];
        p.load(a, read);
        assertThat(read).isEqualTo(bytes);
        assertThat(pagemap(a) & (PagemapEntryLayout.PRESENT | PagemapEntryLayout.MMAP_EXCLUSIVE))
                .isEqualTo(PagemapEntryLayout.PRESENT | PagemapEntryLayout.MMAP_EXCLUSIVE);
        p.storeLong(a, 1); // writable: no fault reaches userfaultfd
        assertThat(uffd.copy(a, src, PAGE_SIZE, 0)).isEqualTo(failed(Errno.EEXIST, -17));
    }

    @Test
    void aPartialCopyIsEagainWithTheBytesDone() {
        long a = anon(p, 3);
        long src = anon(p, 3);
        uffd.register(a, 3 * PAGE_SIZE, MISSING);
        assertThat(uffd.copy(a + PAGE_SIZE, src, PAGE_SIZE, 0)).isEqualTo(ok(PAGE_SIZE));
        assertThat(uffd.copy(a, src, 3 * PAGE_SIZE, 0)).isEqualTo(failed(Errno.EAGAIN, PAGE_SIZE));
        assertThat(pagemap(a + 2 * PAGE_SIZE)).as("the fill stopped at the present page").isZero();
    }

    @Test
    void copyOverwritesMarkersButZeropageAndPoisonNeedAnEmptyEntry() {
        long a = anon(p, 3);
        long src = anon(p, 1);
        uffd.register(a, 3 * PAGE_SIZE, MISSING);
        assertThat(uffd.fill(UFFDIO_POISON, a, 2 * PAGE_SIZE, 0)).isEqualTo(ok(2 * PAGE_SIZE));
        assertThat(pagemap(a)).isEqualTo(0x400000000000005fL);
        assertThatThrownBy(() -> p.loadLong(a)).isInstanceOfSatisfying(MemoryFault.class, f -> {
            assertThat(f.signal()).isEqualTo(Signal.SIGBUS);
            assertThat(f.code()).isEqualTo(Signal.BUS_ADRERR);
        });
        assertThat(uffd.fill(UFFDIO_POISON, a, PAGE_SIZE, 0)).isEqualTo(failed(Errno.EEXIST, -17));
        assertThat(uffd.fill(UFFDIO_ZEROPAGE, a, PAGE_SIZE, 0)).isEqualTo(failed(Errno.EEXIST, -17));
        assertThat(uffd.copy(a, src, PAGE_SIZE, 0)).isEqualTo(ok(PAGE_SIZE));
        p.madvise(a + 2 * PAGE_SIZE, PAGE_SIZE, MADV_GUARD_INSTALL);
        assertThat(uffd.copy(a + 2 * PAGE_SIZE, src, PAGE_SIZE, 0)).as("a guard marker too").isEqualTo(ok(PAGE_SIZE));
        p.madvise(a + PAGE_SIZE, PAGE_SIZE, MADV_DONTNEED);
        assertThat(pagemap(a + PAGE_SIZE)).as("DONTNEED drops poison").isZero();
        assertThat(uffd.fill(UFFDIO_POISON, a, PAGE_SIZE, 3)).isEqualTo(failed(Errno.EINVAL, UNTOUCHED));
    }

    /**
     * A poison marker in a private mapping of a file is zapped as a private copy is
     * ({@code zap_nonpresent_ptes}: {@code should_zap_cows}): a hole punch keeps it, a truncation
     * (even_cows) removes it. Found by the fuzzer against the kernel: the child's O_TRUNC open of
     * the memfd cleared the parent's markers.
     */
    @Test
    void poisonInAPrivateFileMappingGoesWithTruncationNotWithAPunch() {
        int fd = UserStrings.memfd(p, "poisoned", 0);
        p.ftruncate(fd, 2 * PAGE_SIZE);
        long a = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        uffd.register(a, 2 * PAGE_SIZE, UFFDIO_REGISTER_MODE_MINOR);
        assertThat(uffd.fill(UFFDIO_POISON, a, 2 * PAGE_SIZE, 0)).isEqualTo(ok(2 * PAGE_SIZE));
        p.fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 2 * PAGE_SIZE);
        assertThat(pagemap(a)).as("a punch leaves private copies, markers too").isEqualTo(0x400000000000005fL);
        p.ftruncate(fd, 0);
        assertThat(pagemap(a)).as("truncation zaps even the copies").isZero();
        assertThat(pagemap(a + PAGE_SIZE)).isZero();
    }

    @Test
    void zeropageMapsTheSharedZeroPage() {
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        assertThat(uffd.fill(UFFDIO_ZEROPAGE, a, PAGE_SIZE, 2)).isEqualTo(failed(Errno.EINVAL, UNTOUCHED));
        assertThat(uffd.fill(UFFDIO_ZEROPAGE, a, PAGE_SIZE, UFFDIO_ZEROPAGE_MODE_DONTWAKE)).isEqualTo(ok(PAGE_SIZE));
        assertThat(pagemap(a) & (PagemapEntryLayout.PRESENT | PagemapEntryLayout.MMAP_EXCLUSIVE)).isEqualTo(PagemapEntryLayout.PRESENT);
        assertThat(p.loadLong(a)).isZero();
        long first = pagemap(a);
        p.storeLong(a, 3);
        assertThat(pagemap(a)).as("a write breaks COW of the zero page").isNotEqualTo(first);
    }

    private long memfd(long pages, int[] fd) {
        fd[0] = UserStrings.memfd(p, "fill", 0);
        p.ftruncate(fd[0], pages * PAGE_SIZE);
        return p.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd[0], 0);
    }

    @Test
    void sharedShmemFillsThePageCacheOnce() {
        int[] fd = new int[1];
        long a = memfd(3, fd);
        long alias = p.mmap(0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd[0], 0);
        long src = anon(p, 1);
        p.storeLong(src, 0x42);
        p.storeLong(alias + PAGE_SIZE, 1); // in the cache, not mapped at a
        uffd.register(a, 3 * PAGE_SIZE, MISSING);
        assertThat(uffd.copy(a, src, PAGE_SIZE, 0)).isEqualTo(ok(PAGE_SIZE));
        assertThat(p.loadLong(alias)).isEqualTo(0x42);
        assertThat(uffd.copy(a + PAGE_SIZE, src, PAGE_SIZE, 0)).isEqualTo(failed(Errno.EEXIST, -17));
        assertThat(uffd.fill(UFFDIO_POISON, a + 2 * PAGE_SIZE, PAGE_SIZE, 0)).isEqualTo(ok(PAGE_SIZE));
        assertThat(uffd.copy(a + 2 * PAGE_SIZE, src, PAGE_SIZE, 0)).as("over a poison marker").isEqualTo(ok(PAGE_SIZE));
        p.madvise(a + 2 * PAGE_SIZE, PAGE_SIZE, MADV_REMOVE);
        p.ftruncate(fd[0], 2 * PAGE_SIZE + 1);
        assertThat(uffd.fill(UFFDIO_ZEROPAGE, a + 2 * PAGE_SIZE, PAGE_SIZE, 0)).isEqualTo(ok(PAGE_SIZE));
        p.ftruncate(fd[0], 2 * PAGE_SIZE);
        assertThat(uffd.copy(a + 2 * PAGE_SIZE, src, PAGE_SIZE, 0)).as("past EOF").isEqualTo(failed(Errno.EFAULT, -14));
    }

    @Test
    void continueMapsWhatTheCacheHoldsInAnyShmemRegistration() {
        int[] fd = new int[1];
        long a = memfd(3, fd);
        long alias = p.mmap(0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd[0], 0);
        p.storeLong(alias, 0x99);
        uffd.register(a, 3 * PAGE_SIZE, MISSING);
        assertThat(uffd.fill(UFFDIO_CONTINUE, a, PAGE_SIZE, 4)).isEqualTo(failed(Errno.EINVAL, UNTOUCHED));
        assertThat(uffd.fill(UFFDIO_CONTINUE, a, PAGE_SIZE, 0)).as("a MISSING-only shmem registration")
                .isEqualTo(ok(PAGE_SIZE));
        assertThat(p.loadLong(a)).isEqualTo(0x99);
        assertThat(uffd.fill(UFFDIO_CONTINUE, a, PAGE_SIZE, 0)).isEqualTo(failed(Errno.EEXIST, -17));
        assertThat(uffd.fill(UFFDIO_CONTINUE, a + PAGE_SIZE, PAGE_SIZE, 0)).isEqualTo(failed(Errno.EFAULT, -14));
        p.ftruncate(fd[0], PAGE_SIZE);
        assertThat(uffd.fill(UFFDIO_CONTINUE, a + PAGE_SIZE, PAGE_SIZE, 0)).isEqualTo(failed(Errno.EINVAL, -22));
        long b = anon(p, 1);
        uffd.register(b, PAGE_SIZE, MISSING);
        assertThat(uffd.fill(UFFDIO_CONTINUE, b, PAGE_SIZE, 0)).as("anonymous memory").isEqualTo(failed(Errno.EINVAL, -22));
    }

    @Test
    void theFillsFailWithEsrchOnceTheAddressSpaceIsGone() {
        SimProcess child = p.fork();
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        p.exit();
        Uffd inChild = Uffd.of(child, uffd.fd);
        assertThat(inChild.copy(a, inChild.scratch, PAGE_SIZE, 0)).isEqualTo(failed(Errno.ESRCH, UNTOUCHED));
        Syscalls.assertErrno(Errno.ENOMEM, () -> inChild.register(inChild.scratch, PAGE_SIZE, MISSING));
    }
}
