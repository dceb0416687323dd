package org.mmkit.core.mm;

import org.mmkit.core.UserStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.UserStrings;
import org.mmkit.core.SimProcess;
import org.mmkit.core.abi.PagemapEntryLayout;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;

/**
 * The page-table side of userfaultfd write protection ({@code mwriteprotect_range},
 * {@code uffd_wp_range}, {@code change_pte_range}) and the uffd-wp state across zap, fork,
 * mremap and mprotect, on VMAs flagged VM_UFFD_WP directly. Each rule is also a scenario under
 * scenarios/uffd/ compared with the kernel (writeprotect-*.mms, wp-state-*.mms).
 */
class UffdWriteProtectTest {
    private static final long WP = PagemapEntryLayout.UFFD_WP;
    private static final long PRESENT = PagemapEntryLayout.PRESENT;
    private static final long SWAPPED = PagemapEntryLayout.SWAP;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final Task task = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private long anon(long pages) {
        return task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    private long shmem(long pages) {
        int fd = UserStrings.memfd(task, "wp", 0);
        task.ftruncate(fd, pages * PAGE_SIZE);
        return task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }

    /** Registers the VMA at {@code a} in WP mode, as UFFDIO_REGISTER leaves it. */
    private void register(long a) {
        task.call(() -> task.mm.vmaAt(a).flags |= VmFlags.UFFD_WP);
    }

    private void writeprotect(long start, long len, long mode) {
        task.call(() -> {
            boolean enable = UffdWriteProtect.enables(mode);
            UffdWriteProtect.mwriteprotectRange(task.mm, start, start + len, enable);
            return null;
        });
    }

    private long pte(SimProcess p, long va) {
        Task t = (Task) p;
        return t.call(() -> t.mm.pte(va));
    }

    private static long pagemap(SimProcess p, long va) {
        byte[] buf = new byte[8];
        assertThat(p.pagemapRead(va / PAGE_SIZE * 8, buf)).isEqualTo(8);
        return ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static long flags(long entry) {
        return entry & PagemapEntryLayout.FLAG_MASK & ~PagemapEntryLayout.MMAP_EXCLUSIVE & ~PagemapEntryLayout.FILE;
    }

    private static void assertErrno(Runnable call, Errno errno) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @Test
    void modeBitsOtherThanWpOrDontwakeAloneAreEinval() {
        assertThat(UffdWriteProtect.enables(UFFDIO_WRITEPROTECT_MODE_WP)).isTrue();
        assertThat(UffdWriteProtect.enables(0)).isFalse();
        assertThat(UffdWriteProtect.enables(UFFDIO_WRITEPROTECT_MODE_DONTWAKE)).isFalse();
        assertErrno(() -> UffdWriteProtect.enables(UFFDIO_WRITEPROTECT_MODE_WP | UFFDIO_WRITEPROTECT_MODE_DONTWAKE), Errno.EINVAL);
        assertErrno(() -> UffdWriteProtect.enables(4), Errno.EINVAL);
    }

    @Test
    void protectingMarksPresentPagesReadOnlyAndUnprotectingMakesExclusiveOnesWritableAgain() {
        long a = anon(3);
        task.storeLong(a, 1);
        task.storeLong(a + PAGE_SIZE, 2);
        register(a);

        writeprotect(a, 3 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        assertThat(PteLayout.isUffdWp(pte(task, a))).isTrue();
        assertThat(PteLayout.isWritable(pte(task, a))).isFalse();
        assertThat(flags(pagemap(task, a))).isEqualTo(PRESENT | WP);
        assertThat(pte(task, a + 2 * PAGE_SIZE)).as("no marker on anonymous memory without WP_UNPOPULATED").isZero();
        assertThat(task.loadLong(a + PAGE_SIZE)).isEqualTo(2);

        writeprotect(a, PAGE_SIZE, 0);

        long pte = pte(task, a);
        assertThat(PteLayout.isUffdWp(pte)).isFalse();
        assertThat(PteLayout.isWritable(pte)).as("can_change_pte_writable: exclusive anonymous page").isTrue();
        assertThat(PteLayout.isUffdWp(pte(task, a + PAGE_SIZE))).isTrue();
        kernel.checkInvariants();
    }

    @Test
    void unprotectingAPageSharedWithAChildLeavesItReadOnlyForCow() {
        long a = anon(1);
        task.storeLong(a, 7);
        register(a);
        writeprotect(a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);
        SimProcess child = task.fork();

        writeprotect(a, PAGE_SIZE, 0);

        assertThat(PteLayout.isUffdWp(pte(task, a))).isFalse();
        assertThat(PteLayout.isWritable(pte(task, a))).isFalse();
        task.storeLong(a, 8);
        assertThat(child.loadLong(a)).isEqualTo(7);
        kernel.checkInvariants();
    }

    @Test
    void aRangeRunningIntoAnUnregisteredVmaIsEnoentAfterProtectingTheFirst() {
        long a = anon(4);
        task.mprotect(a + 2 * PAGE_SIZE, 2 * PAGE_SIZE, PROT_READ);
        task.storeLong(a, 1);
        register(a);

        assertErrno(() -> writeprotect(a, 4 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP), Errno.ENOENT);

        assertThat(PteLayout.isUffdWp(pte(task, a))).isTrue();
        assertErrno(() -> writeprotect(a + 2 * PAGE_SIZE, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP), Errno.ENOENT);
    }

    @Test
    void aRangeWithoutVmasIsEnoentAndHolesBetweenVmasAreSkipped() {
        long a = anon(3);
        task.munmap(a, PAGE_SIZE);
        task.storeLong(a + PAGE_SIZE, 1);
        register(a + PAGE_SIZE);

        assertErrno(() -> writeprotect(a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP), Errno.ENOENT);
        writeprotect(a, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        assertThat(PteLayout.isUffdWp(pte(task, a + PAGE_SIZE))).isTrue();
    }

    @Test
    void fileBackedMemoryGetsMarkersOnEmptyPtesEvenWithoutPageTables() {
        long a = shmem(1024);
        task.storeLong(a, 1);
        register(a);

        writeprotect(a, 1024 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        assertThat(flags(pagemap(task, a))).isEqualTo(PRESENT | WP);
        assertThat(flags(pagemap(task, a + 1000 * PAGE_SIZE))).as("a marker in a table the walk allocated").isEqualTo(SWAPPED | WP);

        writeprotect(a, 1024 * PAGE_SIZE, 0);

        assertThat(pte(task, a + 1000 * PAGE_SIZE)).isZero();
        assertThat(flags(pagemap(task, a))).isEqualTo(PRESENT);
        assertThat(PteLayout.isWritable(pte(task, a))).as("a dirty shared page is made writable").isTrue();
        kernel.checkInvariants();
    }

    @Test
    void aReadOfAShmemMarkerMapsOnlyThatPageKeepingTheProtection() {
        long a = shmem(4);
        long other = task.mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, 3, 0);
        for (int i = 0; i < 4; i++) {
            task.storeLong(other + i * PAGE_SIZE, 0x10 + i);
        }
        register(a);
        writeprotect(a, 4 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        assertThat(task.loadLong(a + PAGE_SIZE)).isEqualTo(0x11);

        long pte = pte(task, a + PAGE_SIZE);
        assertThat(PteLayout.isPresent(pte) && PteLayout.isUffdWp(pte) && !PteLayout.isWritable(pte)).isTrue();
        assertThat(PteMarkerLayout.bits(pte(task, a + 2 * PAGE_SIZE))).as("no fault-around in a uffd-wp VMA").isEqualTo(PteMarkerLayout.UFFD_WP);
        kernel.checkInvariants();
    }

    @Test
    void aSharedVmaRegisteredForWpMapsItsPagesReadOnlyAndTheFirstWriteMakesThemWritable() {
        long a = shmem(2);
        register(a);

        assertThat(task.loadLong(a)).isZero();
        assertThat(PteLayout.isWritable(pte(task, a))).as("vma_wants_writenotify").isFalse();
        task.storeLong(a, 5);
        assertThat(PteLayout.isWritable(pte(task, a))).isTrue();
        kernel.checkInvariants();
    }

    @Test
    void guardAndPoisonMarkersAreLeftAlone() {
        long a = shmem(2);
        task.madvise(a, PAGE_SIZE, MADV_GUARD_INSTALL);
        register(a);

        writeprotect(a, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);
        assertThat(PteMarkerLayout.bits(pte(task, a))).isEqualTo(PteMarkerLayout.GUARD);
        writeprotect(a, 2 * PAGE_SIZE, 0);
        assertThat(PteMarkerLayout.bits(pte(task, a))).isEqualTo(PteMarkerLayout.GUARD);
        assertThat(pte(task, a + PAGE_SIZE)).isZero();
    }

    @Test
    void dontneedDropsTheProtectionOfAnonymousMemoryAndLeavesMarkersInFileMemory() {
        long a = anon(1);
        long s = shmem(3);
        task.storeLong(a, 1);
        task.storeLong(s, 2);
        task.storeLong(s + 2 * PAGE_SIZE, 3);
        register(a);
        register(s);
        writeprotect(a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);
        writeprotect(s, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        task.madvise(a, PAGE_SIZE, MADV_DONTNEED);
        task.madvise(s, 3 * PAGE_SIZE, MADV_DONTNEED);

        assertThat(pte(task, a)).isZero();
        assertThat(PteMarkerLayout.bits(pte(task, s))).as("a protected page leaves a marker").isEqualTo(PteMarkerLayout.UFFD_WP);
        assertThat(PteMarkerLayout.bits(pte(task, s + PAGE_SIZE))).as("a marker stays").isEqualTo(PteMarkerLayout.UFFD_WP);
        assertThat(pte(task, s + 2 * PAGE_SIZE)).as("an unprotected page leaves nothing").isZero();
        assertThat(task.loadLong(s)).isEqualTo(2);
        assertThat(PteLayout.isUffdWp(pte(task, s))).isTrue();
        kernel.checkInvariants();
    }

    @Test
    void aHolePunchLeavesMarkersAndMunmapDropsThem() {
        long s = shmem(2);
        task.storeLong(s, 2);
        register(s);
        writeprotect(s, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        task.madvise(s, 2 * PAGE_SIZE, MADV_REMOVE);

        assertThat(PteMarkerLayout.bits(pte(task, s))).isEqualTo(PteMarkerLayout.UFFD_WP);
        assertThat(task.loadLong(s)).isZero();
        task.munmap(s, 2 * PAGE_SIZE);
        assertThat(pte(task, s + PAGE_SIZE)).isZero();
        kernel.checkInvariants();
    }

    @Test
    void mprotectKeepsTheProtection() {
        long a = anon(1);
        task.storeLong(a, 1);
        register(a);
        writeprotect(a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        task.mprotect(a, PAGE_SIZE, PROT_READ);
        task.mprotect(a, PAGE_SIZE, PROT_READ | PROT_WRITE);

        assertThat(PteLayout.isUffdWp(pte(task, a))).isTrue();
        assertThat(PteLayout.isWritable(pte(task, a))).isFalse();
    }

    @Test
    void forkKeepsTheProtectionExactlyWhereTheChildsVmaStaysRegistered() {
        long a = anon(2);
        long s = shmem(2);
        task.storeLong(a, 1);
        task.storeLong(s, 2);
        register(a);
        register(s);
        writeprotect(a, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);
        writeprotect(s, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        SimProcess kept = task.fork();
        assertThat(PteLayout.isUffdWp(pte(kept, a))).isTrue();
        assertThat(PteMarkerLayout.bits(pte(kept, s + PAGE_SIZE))).as("vma_needs_copy: the child's VMA is uffd-wp").isEqualTo(PteMarkerLayout.UFFD_WP);
        kept.exit();

        // a child whose VMAs lose the registration (no UFFD_FEATURE_EVENT_FORK)
        assertThat(UffdWriteProtect.forkEntry(unregisteredCopy(a), pte(task, a)) & PteLayout.UFFD_WP).isZero();
        assertThat(UffdWriteProtect.forkEntry(unregisteredCopy(a), pte(task, a + PAGE_SIZE))).isZero();
        long guardAndWp = PteMarkerLayout.make(PteMarkerLayout.GUARD | PteMarkerLayout.UFFD_WP);
        assertThat(UffdWriteProtect.forkEntry(unregisteredCopy(a), guardAndWp)).isEqualTo(PteMarkerLayout.make(PteMarkerLayout.GUARD));
        kernel.checkInvariants();
    }

    private Vma unregisteredCopy(long a) {
        Vma vma = task.call(() -> task.mm.vmaAt(a));
        return new Vma(vma.mm, vma.start, vma.end, vma.flags & ~VmFlags.UFFD_WP, vma.pgoff, vma.file);
    }

    @Test
    void mremapWithoutRemapEventsClearsTheProtectionOfTheMovedEntries() {
        long a = anon(2);
        long target = anon(4);
        task.storeLong(a, 1);
        register(a);
        writeprotect(a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);
        task.call(() -> {
            task.mm.updatePte(a + PAGE_SIZE, PteMarkerLayout.make(PteMarkerLayout.UFFD_WP)); // as WP_UNPOPULATED installs
            return null;
        });

        long moved = task.mremap(a, 2 * PAGE_SIZE, 2 * PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED, target);

        assertThat(PteLayout.isUffdWp(pte(task, moved))).isFalse();
        assertThat(task.loadLong(moved)).isEqualTo(1);
        assertThat(pte(task, moved + PAGE_SIZE)).as("the marker is dropped").isZero();
        kernel.checkInvariants();
    }
}
