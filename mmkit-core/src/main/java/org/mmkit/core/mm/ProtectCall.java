package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/** {@code mprotect} ({@code mm/mprotect.c: do_mprotect_pkey, mprotect_fixup, change_protection}). */
final class ProtectCall {
    private ProtectCall() {
    }

    static void mprotect(Task task, long start, long len, long prot) {
        Mm mm = task.mm;
        if ((start & (PAGE_SIZE - 1)) != 0) {
            throw Errno.EINVAL.exception();
        }
        if (len == 0) {
            return;
        }
        long end = start + MmapCall.pageAlign(len);
        if (Long.compareUnsigned(end, start) <= 0) {
            throw Errno.ENOMEM.exception();
        }
        long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
        prot &= ~grows;
        if (grows == (PROT_GROWSDOWN | PROT_GROWSUP) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)) != 0) {
            throw Errno.EINVAL.exception();
        }
        Vma vma = mm.findVma(start);
        if (vma == null) {
            throw Errno.ENOMEM.exception();
        }
        if ((grows & PROT_GROWSDOWN) != 0) {
            if (Long.compareUnsigned(vma.start, end) >= 0) {
                throw Errno.ENOMEM.exception();
            }
            if (!vma.has(VmFlags.GROWSDOWN)) {
                throw Errno.EINVAL.exception();
            }
            start = vma.start;
        } else if (vma.start > start) {
            throw Errno.ENOMEM.exception();
        } else if ((grows & PROT_GROWSUP) != 0) {
            throw Errno.EINVAL.exception(); // no VM_GROWSUP on x86
        }
        long access = VmFlags.fromProt(prot);
        mm.forEachPart(start, end, (part, from, to) -> {
            long newFlags = access | (part.flags & ~VmFlags.ACCESS);
            if ((newFlags & ~(newFlags >>> 4) & VmFlags.ACCESS) != 0) {
                throw Errno.EACCES.exception();
            }
            fixup(task, part, from, to, newFlags);
        });
    }

    /** {@code mprotect_fixup}: new flags on [start, end) of {@code vma}, then its PTEs. */
    private static void fixup(Task task, Vma vma, long start, long end, long newFlags) {
        Mm mm = task.mm;
        MsealCall.checkUnsealed(vma);
        long oldFlags = vma.flags;
        if (newFlags == oldFlags) {
            return;
        }
        if ((newFlags & VmFlags.WRITE) != 0) {
            // a range turning into data must fit RLIMIT_DATA (unless it already did not fit before)
            long pages = (end - start) >>> PAGE_SHIFT;
            if (!ResourceLimits.mayExpandVm(task, newFlags, pages) && ResourceLimits.mayExpandVm(task, oldFlags, pages)) {
                throw Errno.ENOMEM.exception();
            }
            if ((oldFlags & (VmFlags.ACCOUNT | VmFlags.WRITE | VmFlags.HUGETLB | VmFlags.SHARED | VmFlags.NORESERVE)) == 0) {
                newFlags |= VmFlags.ACCOUNT;
            }
        } else if ((oldFlags & VmFlags.ACCOUNT) != 0 && vma.isAnonymous() && vma.anonVma == null) {
            newFlags &= ~VmFlags.ACCOUNT;
        }
        Vma target = mm.modify(vma, start, end, newFlags);
        // a merged neighbour's sticky flags (VM_STICKY) stay
        target.flags = newFlags | (target.flags & VmFlags.STICKY);
        changeProtection(mm, target, start, end);
        long pages = (end - start) >>> PAGE_SHIFT;
        mm.vmStatAccount(oldFlags, -pages);
        mm.vmStatAccount(newFlags, pages);
        // populate_vma_page_range breaks COW up front in a locked VMA, but not for lock-on-fault
        if ((oldFlags & (VmFlags.WRITE | VmFlags.SHARED | VmFlags.LOCKED)) == VmFlags.LOCKED
                && (newFlags & (VmFlags.WRITE | VmFlags.LOCKONFAULT)) == VmFlags.WRITE) {
            Gup.populateVmaRange(mm, target, start, end, null);
        }
    }

    /** {@code MM_CP_UFFD_WP}: {@link #changeProtection} also write-protects for userfaultfd. */
    static final int CP_UFFD_WP = 1;
    /** {@code MM_CP_UFFD_WP_RESOLVE}: {@link #changeProtection} also removes userfaultfd's write protection. */
    static final int CP_UFFD_WP_RESOLVE = 2;

    /** {@code change_protection} as mprotect calls it: the VMA's protection, no userfaultfd change. */
    static void changeProtection(Mm mm, Vma vma, long start, long end) {
        changeProtection(mm, vma, start, end, 0);
    }

    /**
     * {@code change_protection} / {@code change_pte_range}: applies the VMA's page protection to
     * its present PTEs, making them writable right away where a write fault would only do that
     * ({@code can_change_pte_writable}; {@code MM_CP_TRY_CHANGE_WRITABLE}, which mprotect and an
     * unprotect ask for in a VM_WRITE VMA, {@code vma_wants_manual_pte_write_upgrade}).
     * {@link #CP_UFFD_WP} marks present PTEs uffd-wp and read-only, sets the swap entry bit, and
     * installs uffd-wp markers on none PTEs where {@link UffdWriteProtect#usesMarkers} (allocating
     * page tables to reach them, {@code pgtable_populate_needed}); {@link #CP_UFFD_WP_RESOLVE}
     * clears the bits and removes uffd-wp markers. Poison and guard markers are never touched.
     */
    static void changeProtection(Mm mm, Vma vma, long start, long end, int cpFlags) {
        long prot = Fault.pageProt(vma);
        boolean protect = (cpFlags & CP_UFFD_WP) != 0;
        boolean markers = protect && UffdWriteProtect.usesMarkers(vma);
        PageWalk.Visitor visitor = (va, pte, table, index) ->
                mm.updatePte(table, index, pte, changedPte(mm, vma, pte, prot, cpFlags, markers));
        // one shootdown for the range, after the walk (flush_tlb_range)
        mm.batchFlushes(() -> {
            if (markers) {
                PageWalk.install(mm.pageTables, start, end, visitor);
            } else {
                PageWalk.walk(mm.pageTables, start, end, visitor);
            }
        });
    }

    /**
     * {@code change_pte_range} for one entry: what {@link #changeProtection} stores for {@code pte}
     * with the VMA's protection {@code prot}; {@code markers} whether a none PTE gets a uffd-wp marker.
     */
    static long changedPte(Mm mm, Vma vma, long pte, long prot, int cpFlags, boolean markers) {
        boolean protect = (cpFlags & CP_UFFD_WP) != 0;
        boolean resolve = (cpFlags & CP_UFFD_WP_RESOLVE) != 0;
        if (PteLayout.isPresent(pte)) {
            long updated = PteLayout.modify(pte, prot);
            if (protect) {
                updated = (updated | PteLayout.UFFD_WP) & ~PteLayout.RW;
            } else if (resolve) {
                updated &= ~PteLayout.UFFD_WP;
            }
            // MM_CP_TRY_CHANGE_WRITABLE
            if (vma.has(VmFlags.WRITE) && !protect && !PteLayout.isWritable(updated) && canMakeWritable(mm, vma, updated)) {
                updated |= PteLayout.RW;
            }
            return updated;
        }
        if (pte == 0) {
            return markers ? PteMarkerLayout.make(PteMarkerLayout.UFFD_WP) : 0;
        }
        if (SwapEntryLayout.isMarker(pte)) {
            boolean uffdWpOnly = PteMarkerLayout.bits(pte) == PteMarkerLayout.UFFD_WP;
            return resolve && uffdWpOnly ? 0 : pte;
        }
        return protect ? pte | SwapEntryLayout.UFFD_WP : resolve ? pte & ~SwapEntryLayout.UFFD_WP : pte;
    }

    /**
     * {@code can_change_pte_writable}: not a PROT_NONE PTE, not one whose next write soft-dirty
     * tracking or uffd-wp needs to see, then an exclusive anonymous page, or a dirty shared one.
     */
    private static boolean canMakeWritable(Mm mm, Vma vma, long pte) {
        if (PteLayout.isProtNone(pte) || SoftDirty.needsWriteFault(vma, pte) || PteLayout.isUffdWp(pte)) {
            return false;
        }
        if (!vma.has(VmFlags.SHARED)) {
            int pfn = (int) PteLayout.pfn(pte);
            return !PteLayout.isSpecial(pte) && mm.memory.test(pfn, PhysicalMemory.PG_ANON)
                    && mm.memory.test(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
        }
        return PteLayout.isDirty(pte);
    }
}
