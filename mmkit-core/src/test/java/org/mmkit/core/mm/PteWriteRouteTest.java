package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.pgtable.PteLayout;

/**
 * Mm's one route for writing PTEs: which changes flush the TLB (everything but adding A, D or
 * RW to the same frame), and that a route refuses a change that would break page counts.
 */
class PteWriteRouteTest {
    private Kernel kernel;
    private Task task;
    private Mm mm;
    private long a;

    @BeforeEach
    void mapOnePage() {
        kernel = Kernel.create(KernelConfig.linux618());
        task = (Task) kernel.newProcess(true);
        a = task.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        task.mainThread().store(a, new byte[] {1});
        mm = task.mm;
    }

    @Test
    void upgradesDoNotFlushAndEverythingElseDoes() {
        long pte = mm.pte(a);
        long clean = pte & ~(PteLayout.DIRTY | PteLayout.ACCESSED | PteLayout.RW);
        SoftTlb tlb = cachedTlb();
        mm.updatePte(a, clean);
        assertThat(tlb.isEmpty()).as("losing A, D and RW flushes").isTrue();
        tlb = cachedTlb();
        mm.updatePte(a, clean | PteLayout.ACCESSED);
        mm.updatePte(a, clean | PteLayout.ACCESSED | PteLayout.DIRTY);
        mm.updatePte(a, pte);
        assertThat(tlb.isEmpty()).as("adding A, D, RW does not").isFalse();
        mm.updatePte(a, pte ^ PteLayout.SOFT_DIRTY);
        assertThat(tlb.isEmpty()).as("any other bit does").isTrue();
        kernel.checkInvariants();
    }

    /** A TLB of the address space with one entry cached. */
    private SoftTlb cachedTlb() {
        SoftTlb tlb = new SoftTlb(task.machine.memory);
        mm.tlbs.addLocked(tlb);
        tlb.fillLocked(a >>> PAGE_SHIFT, 2, false);
        return tlb;
    }

    @Test
    void aStoreAfterMadvFreeDirtiesThePageAgain() {
        task.madvise(a, PAGE_SIZE, MADV_FREE);
        assertThat(PteLayout.isDirty(mm.pte(a))).isFalse();
        task.mainThread().store(a, new byte[] {2});
        assertThat(PteLayout.isDirty(mm.pte(a))).as("the cleaned PTE was flushed from the TLB").isTrue();
    }

    @Test
    void countsAreKeptByRefusingWritesThatWouldBreakThem() {
        long pte = mm.pte(a);
        assertThatThrownBy(() -> mm.updatePte(a, PteLayout.make(PteLayout.pfn(pte) + 1, PteLayout.PAGE_SHARED)))
                .hasMessageContaining("updatePte would map or unmap");
        assertThatThrownBy(() -> mm.updatePte(a, 0)).hasMessageContaining("updatePte would map or unmap");
        assertThatThrownBy(() -> mm.mapPage(a, (int) PteLayout.pfn(pte), pte)).hasMessageContaining("mapping over a present PTE");
        kernel.checkInvariants();
    }
}
