package org.mmkit.core.mm;

import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * Soft-dirty tracking ({@code CONFIG_MEM_SOFT_DIRTY}, {@code Documentation/admin-guide/mm/soft-dirty.rst}),
 * the rules the fault, mprotect, mremap and swap paths ask: on x86-64 {@code pte_mkdirty} sets the
 * software bit 11 with the hardware dirty bit, so every path that makes a PTE dirty in software
 * marks it soft-dirty, while the CPU's own dirty bit (a write through a writable PTE) does not.
 * {@code /proc/PID/clear_refs} "4" ({@link ClearRefsFileOperations}) clears the bits and the VMAs'
 * {@link VmFlags#SOFTDIRTY} and write-protects, so the next write faults and sets the bit again.
 * With the option off ({@link org.mmkit.core.KernelConfig#softDirty}, the reference kernel) the bit
 * and the flag are 0 and every rule here is a no-op. Callers hold the machine lock.
 */
final class SoftDirty {
    private SoftDirty() {
    }

    /** Whether the kernel is built with {@code CONFIG_MEM_SOFT_DIRTY}. */
    static boolean configured(Mm mm) {
        return mm.machine.config.softDirty();
    }

    /** {@code pte_mkdirty}: dirty, and soft-dirty where the option is built in. */
    static long mkDirty(Mm mm, long pte) {
        return pte | PteLayout.DIRTY | (configured(mm) ? PteLayout.SOFT_DIRTY : 0);
    }

    /**
     * {@code vma_soft_dirty_enabled}: tracking is armed in {@code vma} (clear_refs cleared its
     * {@link VmFlags#SOFTDIRTY}, which a VMA has while every page of it counts as soft-dirty anyway).
     */
    static boolean tracking(Vma vma) {
        return configured(vma.mm) && !vma.has(VmFlags.SOFTDIRTY);
    }

    /** {@code pte_needs_soft_dirty_wp}: a clean PTE of a tracked VMA must stay read-only so that a write faults. */
    static boolean needsWriteFault(Vma vma, long pte) {
        return tracking(vma) && !PteLayout.isSoftDirty(pte);
    }

    /** The VM_SOFTDIRTY a new or grown VMA gets ({@code __mmap_complete}, {@code do_brk_flags}). */
    static long newVmaFlag(Mm mm) {
        return configured(mm) ? VmFlags.SOFTDIRTY : 0;
    }

    /**
     * {@code move_soft_dirty_pte} (mremap) and UFFDIO_MOVE's swap-entry move: an entry that moves
     * is soft-dirty, present ones by the PTE bit, swap entries and PTE markers by the swap bit.
     */
    static long moved(Mm mm, long pte) {
        if (!configured(mm) || pte == 0) {
            return pte;
        }
        return pte | (PteLayout.isPresent(pte) ? PteLayout.SOFT_DIRTY : SwapEntryLayout.SOFT_DIRTY);
    }
}
