package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;

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

    /**
     * {@code change_protection}: applies the VMA's page protection to its present PTEs, making
     * them writable right away where a write fault would only do that ({@code can_change_pte_writable}).
     */
    static void changeProtection(Mm mm, Vma vma, long start, long end) {
        long prot = Fault.pageProt(vma.flags);
        boolean tryWritable = vma.has(VmFlags.WRITE);
        PageWalk.walk(mm.pageTables, start, end, (va, pte, table, index) -> {
            if (!PteLayout.isPresent(pte)) {
                return;
            }
            long updated = PteLayout.modify(pte, prot);
            if (tryWritable && !PteLayout.isWritable(updated) && canMakeWritable(mm, vma, updated)) {
                updated |= PteLayout.RW;
            }
            mm.updatePte(table, index, pte, updated);
        });
    }

    private static boolean canMakeWritable(Mm mm, Vma vma, long pte) {
        if (PteLayout.isProtNone(pte) || PteLayout.isUffdWp(pte)) {
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
