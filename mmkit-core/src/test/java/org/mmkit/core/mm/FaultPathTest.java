package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.Signal;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * The fault path's branches for non-present PTEs, set directly in the page tables because no
 * system call of the model makes them yet (poison: {@code UFFDIO_POISON} or memory failure;
 * uffd-wp markers: userfaultfd). Expected outcomes follow {@code handle_pte_marker},
 * {@code pte_marker_handle_uffd_wp} and {@code do_wp_page} in Linux 6.18 {@code mm/memory.c}.
 */
class FaultPathTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final Task task = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private long anon(int prot) {
        return task.mmap(0, 4 * PAGE_SIZE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    private void setPte(long va, long pte) {
        task.run(() -> task.mm.updatePte(va, pte));
    }

    private long pte(long va) {
        return task.call(() -> task.mm.pte(va));
    }

    private static void assertSignal(Runnable access, Signal signal, int code, long address) {
        assertThatThrownBy(access::run).isInstanceOfSatisfying(MemoryFault.class, f -> {
            assertThat(f.signal()).isEqualTo(signal);
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.address()).isEqualTo(address);
        });
    }

    private static void assertErrno(Runnable call, Errno errno) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @Test
    void poisonMarkerIsSigbusAdrerrForTheCpuAndEhwpoisonForMadvisePopulate() {
        long a = anon(PROT_READ | PROT_WRITE);
        setPte(a + PAGE_SIZE, PteMarkerLayout.make(PteMarkerLayout.POISONED | PteMarkerLayout.GUARD));
        assertSignal(() -> task.load(a + PAGE_SIZE + 8, new byte[1]), Signal.SIGBUS, Signal.BUS_ADRERR, a + PAGE_SIZE + 8);
        assertSignal(() -> task.store(a + PAGE_SIZE, new byte[1]), Signal.SIGBUS, Signal.BUS_ADRERR, a + PAGE_SIZE);
        // faultin_page_range asks for FOLL_HWPOISON; mlock's populate does not, and gets EFAULT → ENOMEM
        assertErrno(() -> task.madvise(a, 2 * PAGE_SIZE, MADV_POPULATE_READ), Errno.EHWPOISON);
        assertErrno(() -> task.mlock(a, 2 * PAGE_SIZE), Errno.ENOMEM);
        assertThat(pte(a)).as("populate did the page before the poison").matches(PteLayout::isPresent);
        assertThat(task.call(() -> UserCopy.copyFromUser(task, a + PAGE_SIZE - 2, new byte[4], 0, 4))).isEqualTo(2);
    }

    @Test
    void guardMarkerIsSigsegvMaperrAndEfaultForGup() {
        long a = anon(PROT_READ | PROT_WRITE);
        setPte(a, PteMarkerLayout.make(PteMarkerLayout.GUARD));
        assertSignal(() -> task.load(a, new byte[1]), Signal.SIGSEGV, Signal.SEGV_MAPERR, a);
        assertErrno(() -> task.madvise(a, PAGE_SIZE, MADV_POPULATE_WRITE), Errno.EFAULT);
        assertErrno(() -> task.call(() -> Gup.getUserPages(task.mm, a, 1, 0, null, null)), Errno.EFAULT);
        assertThat(pte(a)).isEqualTo(PteMarkerLayout.make(PteMarkerLayout.GUARD));
    }

    @Test
    void uffdWpMarkerOfAnUnregisteredVmaIsClearedAndFaultedAsEmpty() {
        long a = anon(PROT_READ | PROT_WRITE);
        setPte(a, PteMarkerLayout.make(PteMarkerLayout.UFFD_WP));
        assertThat(task.loadLong(a)).isZero();
        long pte = pte(a);
        assertThat(PteLayout.pfn(pte)).as("the read maps the zero page").isEqualTo(PhysicalMemory.ZERO_PFN);
        setPte(a + PAGE_SIZE, PteMarkerLayout.make(PteMarkerLayout.UFFD_WP));
        task.storeLong(a + PAGE_SIZE, 7);
        assertThat(PteLayout.isWritable(pte(a + PAGE_SIZE))).isTrue();
        assertThat(task.loadLong(a + PAGE_SIZE)).isEqualTo(7);
        kernel.checkInvariants();
    }

    @Test
    void uffdWpMarkerOfARegisteredVmaIsAMissingFaultWhosePageKeepsTheProtection() {
        long a = anon(PROT_READ | PROT_WRITE);
        task.run(() -> task.mm.vmaAt(a).flags |= VmFlags.UFFD_WP);
        setPte(a, PteMarkerLayout.make(PteMarkerLayout.UFFD_WP));
        assertThat(task.loadLong(a)).isZero();
        long pte = pte(a);
        assertThat(PteLayout.isPresent(pte) && PteLayout.isUffdWp(pte) && !PteLayout.isWritable(pte))
                .as("do_anonymous_page: vmf_orig_pte_uffd_wp").isTrue();
        // a write is then a WP fault for userfaultfd: SIGBUS with no context registered
        assertSignal(() -> task.storeLong(a, 9), Signal.SIGBUS, Signal.BUS_ADRERR, a);
    }

    @Test
    void writeToAUffdWpPteOfARegisteredVmaGoesToUserfaultfdBeforeCow() {
        long a = anon(PROT_READ | PROT_WRITE);
        task.storeLong(a, 5);
        task.run(() -> task.mm.vmaAt(a).flags |= VmFlags.UFFD_WP);
        long wp = (pte(a) & ~PteLayout.RW) | PteLayout.UFFD_WP;
        setPte(a, wp);
        // no userfaultfd context can be registered yet: handle_userfault without one is SIGBUS
        assertSignal(() -> task.storeLong(a, 6), Signal.SIGBUS, Signal.BUS_ADRERR, a);
        assertThat(pte(a)).as("neither reused nor copied").isEqualTo(wp);
        assertThat(task.loadLong(a)).isEqualTo(5);
        // the same PTE in a VMA that is not registered is simply reused
        task.run(() -> task.mm.vmaAt(a).flags &= ~VmFlags.UFFD_WP);
        task.storeLong(a, 6);
        assertThat(task.loadLong(a)).isEqualTo(6);
    }

    @Test
    void aSwapEntryOfNoActiveSwapAreaIsAModelDefect() {
        long a = anon(PROT_READ | PROT_WRITE);
        setPte(a, SwapEntryLayout.make(0, 42));
        assertThatThrownBy(() -> task.load(a, new byte[1])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("swap entry of type 0").hasMessageContaining("no swap area");
    }

    @Test
    void theOneTableGivesEachFailureItsSignalAndErrno() {
        assertThat(VmFault.MAPERR.signal(1).code()).isEqualTo(Signal.SEGV_MAPERR);
        assertThat(VmFault.ACCERR.signal(1).code()).isEqualTo(Signal.SEGV_ACCERR);
        assertThat(VmFault.SIGSEGV.signal(1).code()).isEqualTo(Signal.SEGV_MAPERR);
        assertThat(VmFault.SIGBUS.signal(1).code()).isEqualTo(Signal.BUS_ADRERR);
        assertThat(VmFault.HWPOISON.signal(1).signal()).isEqualTo(Signal.SIGBUS);
        assertThat(VmFault.OOM.signal(1).signal()).isEqualTo(Signal.SIGKILL);
        for (VmFault failure : new VmFault[] {VmFault.MAPERR, VmFault.ACCERR, VmFault.SIGSEGV, VmFault.SIGBUS, VmFault.HWPOISON}) {
            assertThat(failure.errno(0)).as(failure.name()).isEqualTo(Errno.EFAULT);
        }
        assertThat(VmFault.HWPOISON.errno(Gup.FOLL_HWPOISON)).isEqualTo(Errno.EHWPOISON);
        assertThat(VmFault.OOM.errno(0)).isEqualTo(Errno.ENOMEM);
        for (VmFault notFailed : new VmFault[] {VmFault.DONE, VmFault.RETRY, VmFault.BLOCKED}) {
            assertThat(notFailed.isError()).isFalse();
            assertThatThrownBy(() -> notFailed.errno(0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void gupReturnsTheFramesAndStopsAtTheFirstFailure() {
        long a = anon(PROT_READ | PROT_WRITE);
        task.munmap(a + 2 * PAGE_SIZE, PAGE_SIZE);
        int[] frames = new int[3];
        assertThat(task.call(() -> Gup.getUserPages(task.mm, a, 3, Gup.FOLL_WRITE, frames, null))).isEqualTo(2);
        assertThat(frames[0]).isEqualTo((int) PteLayout.pfn(pte(a)));
        assertThat(frames[1]).isEqualTo((int) PteLayout.pfn(pte(a + PAGE_SIZE)));
        assertThat(PteLayout.isDirty(pte(a))).as("GUP faults for write as a write").isTrue();
    }
}
