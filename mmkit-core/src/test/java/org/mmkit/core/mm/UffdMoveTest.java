package org.mmkit.core.mm;

import org.mmkit.core.UserStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.UserStrings;
import org.mmkit.core.SimProcess;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;

/**
 * {@code move_pages} (mm/userfaultfd.c): the same frame moves, its rmap follows, and every rule of
 * kernel-spec.md §4.6 answers as the kernel does (scenarios/uffd/move-*.mms compare them).
 * Destination VMAs count as registered with the calling context when flagged VM_UFFD_MISSING.
 */
class UffdMoveTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final Task task = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private long anon(long pages, long prot) {
        return task.mmap(0, pages * PAGE_SIZE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    private void register(long a) {
        task.call(() -> task.mm.vmaAt(a).flags |= VmFlags.UFFD_MISSING);
    }

    private long move(long dst, long src, long len, long mode) {
        return task.call(() -> UffdMove.movePages(task.mm, vma -> vma.has(VmFlags.UFFD_MISSING), dst, src, len, mode));
    }

    private long pte(long va) {
        return task.call(() -> task.mm.pte(va));
    }

    private void assertErrno(Runnable call, Errno errno) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }

    /** A source VMA and a registered destination VMA of {@code pages} each, a hole apart. */
    private long[] srcAndDst(long pages) {
        long src = anon(2 * pages + 1, PROT_READ | PROT_WRITE);
        long dst = src + (pages + 1) * PAGE_SIZE;
        task.munmap(src + pages * PAGE_SIZE, PAGE_SIZE);
        register(dst);
        return new long[] {src, dst};
    }

    @Test
    void theSameFrameMovesAndTheRmapFindsItAtTheDestination() {
        long[] r = srcAndDst(2);
        task.storeLong(r[0], 0x1111);
        task.storeLong(r[0] + PAGE_SIZE, 0x2222);
        long pfn = PteLayout.pfn(pte(r[0] + PAGE_SIZE));

        assertThat(move(r[1], r[0], 2 * PAGE_SIZE, 0)).isEqualTo(2 * PAGE_SIZE);

        assertThat(pte(r[0])).isZero();
        assertThat(pte(r[0] + PAGE_SIZE)).isZero();
        long moved = pte(r[1] + PAGE_SIZE);
        assertThat(PteLayout.pfn(moved)).isEqualTo(pfn);
        assertThat(PteLayout.isWritable(moved) && PteLayout.isDirty(moved)).isTrue();
        assertThat(task.loadLong(r[1] + PAGE_SIZE)).isEqualTo(0x2222);
        List<Rmap.Mapping> mappings = task.call(() -> Rmap.walk(task.mm.memory, (int) pfn));
        assertThat(mappings).extracting(Rmap.Mapping::address).containsExactly(r[1] + PAGE_SIZE);
        kernel.checkInvariants();
    }

    /**
     * {@code move_zeropage_pte}: a zero-page PTE moves as the zero page with dst's protection
     * (the reference machine maps no zero page, so only this test shows it).
     */
    @Test
    void theZeroPageMovesAsTheZeroPage() {
        long[] r = srcAndDst(1);
        assertThat(task.loadLong(r[0])).isZero();
        assertThat(PteLayout.pfn(pte(r[0]))).isEqualTo(PhysicalMemory.ZERO_PFN);

        move(r[1], r[0], PAGE_SIZE, 0);

        assertThat(pte(r[0])).isZero();
        long moved = pte(r[1]);
        assertThat(PteLayout.pfn(moved)).isEqualTo(PhysicalMemory.ZERO_PFN);
        assertThat(PteLayout.isSpecial(moved) && !PteLayout.isWritable(moved)).isTrue();
        task.storeLong(r[1], 4);
        assertThat(task.loadLong(r[1])).isEqualTo(4);
        kernel.checkInvariants();
    }

    @Test
    void aMovedUffdWpPageArrivesUnprotectedAndWritable() {
        long[] r = srcAndDst(1);
        task.storeLong(r[0], 3);
        task.call(() -> {
            long pte = task.mm.pte(r[0]);
            task.mm.updatePte(r[0], (pte | PteLayout.UFFD_WP) & ~PteLayout.RW);
            return null;
        });

        move(r[1], r[0], PAGE_SIZE, 0);

        assertThat(PteLayout.isUffdWp(pte(r[1]))).isFalse();
        assertThat(PteLayout.isWritable(pte(r[1]))).isTrue();
        kernel.checkInvariants();
    }

    @Test
    void aPageSharedWithAChildIsBusyUntilItIsExclusiveAgain() {
        long[] r = srcAndDst(2);
        task.storeLong(r[0], 1);
        task.storeLong(r[0] + PAGE_SIZE, 2);
        SimProcess child = task.fork();

        assertErrno(() -> move(r[1], r[0], 2 * PAGE_SIZE, 0), Errno.EBUSY);
        child.exit();
        task.storeLong(r[0], 3);

        assertThat(move(r[1], r[0], 2 * PAGE_SIZE, 0)).as("the second page is still not AnonExclusive").isEqualTo(PAGE_SIZE);
        assertThat(task.loadLong(r[1])).isEqualTo(3);
        kernel.checkInvariants();
    }

    @Test
    void holesAreEnoentUnlessAllowedAndThenCountAsMoved() {
        long[] r = srcAndDst(3);
        task.storeLong(r[0] + 2 * PAGE_SIZE, 5);

        assertErrno(() -> move(r[1], r[0], 3 * PAGE_SIZE, 0), Errno.ENOENT);
        assertThat(move(r[1], r[0], 3 * PAGE_SIZE, UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES)).isEqualTo(3 * PAGE_SIZE);
        assertThat(pte(r[1])).isZero();
        assertThat(task.loadLong(r[1] + 2 * PAGE_SIZE)).isEqualTo(5);
        kernel.checkInvariants();
    }

    @Test
    void anOccupiedDestinationIsEexistAfterTheBytesAlreadyMoved() {
        long[] r = srcAndDst(2);
        task.storeLong(r[0], 1);
        task.storeLong(r[0] + PAGE_SIZE, 2);
        task.call(() -> {
            task.mm.updatePte(r[1] + PAGE_SIZE, PteMarkerLayout.make(PteMarkerLayout.UFFD_WP));
            return null;
        });

        assertThat(move(r[1], r[0], 2 * PAGE_SIZE, 0)).isEqualTo(PAGE_SIZE);
        assertErrno(() -> move(r[1] + PAGE_SIZE, r[0] + PAGE_SIZE, PAGE_SIZE, 0), Errno.EEXIST);
        assertErrno(() -> move(r[1], r[0] + PAGE_SIZE, PAGE_SIZE, 0), Errno.EEXIST);
    }

    @Test
    void aMarkerAtTheSourceIsEfault() {
        long[] r = srcAndDst(1);
        task.madvise(r[0], PAGE_SIZE, MADV_GUARD_INSTALL);

        assertErrno(() -> move(r[1], r[0], PAGE_SIZE, UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES), Errno.EFAULT);
    }

    @Test
    void vmasTheMoveMayNotUseAreEinvalAndMissingOnesEnoent() {
        long[] r = srcAndDst(2);
        long readOnly = anon(2, PROT_READ);
        register(readOnly);
        int fd = UserStrings.memfd(task, "m", 0);
        task.ftruncate(fd, 2 * PAGE_SIZE);
        long shared = task.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        long unregistered = anon(2, PROT_READ | PROT_WRITE | PROT_EXEC);
        long unregisteredToo = anon(2, PROT_READ | PROT_WRITE);
        task.storeLong(r[0], 1);

        assertErrno(() -> move(unregisteredToo, r[0], PAGE_SIZE, 0), Errno.EINVAL);
        assertErrno(() -> move(r[1], shared, PAGE_SIZE, 0), Errno.EINVAL);
        assertErrno(() -> move(readOnly, r[0], PAGE_SIZE, 0), Errno.EINVAL);
        assertErrno(() -> move(r[1], unregistered, PAGE_SIZE, 0), Errno.EINVAL);
        assertErrno(() -> move(r[1], r[0], 3 * PAGE_SIZE, 0), Errno.EINVAL);
        task.munmap(unregistered, 2 * PAGE_SIZE);
        assertErrno(() -> move(unregistered, r[0], PAGE_SIZE, 0), Errno.ENOENT);
        assertErrno(() -> move(r[1], unregistered, PAGE_SIZE, 0), Errno.ENOENT);
        assertThat(task.loadLong(r[0])).isEqualTo(1);
        assertThat(task.call(() -> task.mm.vmaAt(r[1]).anonVma)).as("find_vma_and_prepare_anon").isNotNull();
        assertThat(task.call(() -> task.mm.memory.test((int) PteLayout.pfn(task.mm.pte(r[0])), PhysicalMemory.PG_ANON_EXCLUSIVE))).isTrue();
    }
}
