package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * {@code FAULT_FLAG_UNSHARE}: a read-only pin ({@code FOLL_PIN} without {@code FOLL_WRITE}) of an
 * anonymous page that COW may still share gets an exclusive page first, mapped read-only, so a
 * later write in either process cannot leave the pin on a page this process no longer maps.
 * No system call of the model pins pages yet (vmsplice, O_DIRECT and io_uring do in the kernel),
 * so this follows Linux 6.18 {@code gup_must_unshare} (mm/internal.h), {@code faultin_page}
 * (mm/gup.c) and the {@code unshare} paths of {@code do_wp_page} / {@code wp_page_copy}
 * (mm/memory.c), called through {@link Gup#getUserPages}.
 */
class UnshareTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final Task parent = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private static long pte(Task task, long va) {
        return task.call(() -> task.mm.pte(va));
    }

    private static int pin(Task task, long va, int foll) {
        int[] frames = new int[1];
        task.call(() -> Gup.getUserPages(task.mm, va, 1, Gup.FOLL_PIN | foll, frames, null));
        return frames[0];
    }

    private boolean exclusive(int pfn) {
        return parent.call(() -> parent.machine.memory.test(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE));
    }

    @Test
    void aReadPinOfAPageSharedAfterForkCopiesItAndKeepsItReadOnly() {
        long a = parent.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        parent.storeLong(a, 42);
        Task child = (Task) parent.fork();
        long shared = pte(parent, a);
        assertThat(PteLayout.pfn(pte(child, a))).isEqualTo(PteLayout.pfn(shared));

        int pinned = pin(parent, a, 0);

        long after = pte(parent, a);
        assertThat(pinned).isNotEqualTo((int) PteLayout.pfn(shared)).isEqualTo((int) PteLayout.pfn(after));
        assertThat(PteLayout.isWritable(after)).isFalse();
        assertThat(PteLayout.isDirty(after)).isFalse();
        assertThat(exclusive(pinned)).isTrue();
        assertThat(parent.loadLong(a)).isEqualTo(42);
        assertThat(PteLayout.pfn(pte(child, a))).isEqualTo(PteLayout.pfn(shared));
        // the child's write now reuses the page it alone maps; the pinned copy keeps the parent's data
        child.storeLong(a, 7);
        assertThat(PteLayout.pfn(pte(child, a))).isEqualTo(PteLayout.pfn(shared));
        assertThat(parent.loadLong(a)).isEqualTo(42);
        kernel.checkInvariants();
    }

    @Test
    void aReadPinOfAnExclusivePageOrAWritePinChangesNothingMore() {
        long a = parent.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        parent.storeLong(a, 1);
        long before = pte(parent, a);
        assertThat(pin(parent, a, 0)).isEqualTo((int) PteLayout.pfn(before));
        assertThat(pte(parent, a)).isEqualTo(before);

        // a write pin of a page shared after fork breaks COW as a write fault does: writable and dirty
        Task child = (Task) parent.fork();
        int written = pin(parent, a, Gup.FOLL_WRITE);
        assertThat(written).isNotEqualTo((int) PteLayout.pfn(before));
        assertThat(PteLayout.isWritable(pte(parent, a))).isTrue();
        assertThat(PteLayout.pfn(pte(child, a))).isEqualTo(PteLayout.pfn(before));
        kernel.checkInvariants();
    }

    @Test
    void theZeroPageAndSharedMappingsNeedNoUnshare() {
        long zero = parent.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        parent.loadLong(zero);
        long zeroPte = pte(parent, zero);
        assertThat(pin(parent, zero, 0)).isEqualTo(PhysicalMemory.ZERO_PFN);
        assertThat(pte(parent, zero)).isEqualTo(zeroPte);

        long shared = parent.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        parent.storeLong(shared, 5);
        Task child = (Task) parent.fork();
        child.loadLong(shared);
        long sharedPte = pte(parent, shared);
        assertThat(pin(parent, shared, 0)).isEqualTo((int) PteLayout.pfn(sharedPte));
        assertThat(pte(parent, shared)).isEqualTo(sharedPte);
        assertThat(PteLayout.pfn(pte(child, shared))).isEqualTo(PteLayout.pfn(sharedPte));
        kernel.checkInvariants();
    }
}
