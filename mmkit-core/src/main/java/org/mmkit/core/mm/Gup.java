package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SHIFT;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * The kernel's own accesses to pages of an address space ({@code mm/gup.c}): {@link #getUserPages}
 * and the populate paths built on it — {@code mm_populate} for MAP_POPULATE, MAP_LOCKED, mlock
 * and mremap growth, {@code populate_vma_page_range} for mprotect of a locked VMA, and
 * {@code faultin_page_range} for MADV_POPULATE_(READ|WRITE). Each page that does not yet allow
 * the access goes through {@link Fault#resolve} without {@link FaultFlags#USER}; failures become
 * errnos through {@link VmFault#errno}. Every method requires the machine lock.
 */
final class Gup {
    private Gup() {
    }

    /** {@code FOLL_WRITE}: the pages will be written. */
    static final int FOLL_WRITE = 1;
    /**
     * {@code FOLL_FORCE}: read where the VMA lacks VM_READ but may have it; write where it lacks
     * VM_WRITE if it is a private VMA with VM_MAYWRITE (COW breaks, the PTE stays read-only).
     */
    static final int FOLL_FORCE = 1 << 3;
    /** {@code FOLL_HWPOISON}: a poisoned page gives EHWPOISON rather than EFAULT. */
    static final int FOLL_HWPOISON = 1 << 6;
    /** {@code FOLL_REMOTE}: the address space is not the caller's. */
    static final int FOLL_REMOTE = 1 << 18;
    /**
     * {@code FOLL_PIN} ({@code pin_user_pages}): the pages stay in use, as DMA or a pipe holds
     * them; a read-only pin first unshares an anonymous page COW may still share
     * ({@code gup_must_unshare}), so a later COW cannot leave the pin on a page the process no
     * longer maps.
     */
    static final int FOLL_PIN = 1 << 19;
    /** {@code FOLL_UNLOCKABLE}: the caller lets the fault drop the lock and block. */
    static final int FOLL_UNLOCKABLE = 1 << 21;
    /** {@code FOLL_MADV_POPULATE}: no VMA gives ENOMEM and an unsuitable one EINVAL, as madvise reports them. */
    static final int FOLL_MADV_POPULATE = 1 << 22;

    /**
     * {@code __get_user_pages} with {@code FOLL_TOUCH}: faults in the {@code nrPages} pages from
     * {@code start} and stores their frames in {@code pages} (when not null; no reference is
     * taken, so they are valid while the lock is held). Returns how many pages were done before
     * the first failure; throws the failure's errno if it is the first page.
     *
     * @param waiter the caller's wait entry; required with {@link #FOLL_UNLOCKABLE}
     */
    static int getUserPages(Mm mm, long start, int nrPages, int foll, int[] pages, WaitQueue.Entry waiter) {
        int faultFlags = faultFlags(foll);
        boolean write = (foll & FOLL_WRITE) != 0;
        for (int i = 0; i < nrPages; i++) {
            long va = start + ((long) i << PAGE_SHIFT);
            Errno error = checkVma(mm.vmaAt(va), foll);
            if (error == null) {
                VmFault outcome = Fault.resolve(mm, va, faultFlags, waiter, true);
                error = outcome.isError() ? outcome.errno(foll) : null;
            }
            if (error != null) {
                if (i == 0) {
                    throw error.exception();
                }
                return i;
            }
            long pte = mm.pte(va);
            touch(mm, pte, write);
            if (pages != null) {
                pages[i] = (int) PteLayout.pfn(pte);
            }
        }
        return nrPages;
    }

    /** {@code gup_vma_lookup} + {@code check_vma_flags}: null if GUP may fault in the VMA's pages. */
    private static Errno checkVma(Vma vma, int foll) {
        boolean madvise = (foll & FOLL_MADV_POPULATE) != 0;
        if (vma == null) {
            return madvise ? Errno.ENOMEM : Errno.EFAULT;
        }
        boolean ok = (vma.flags & (VmFlags.IO | VmFlags.PFNMAP)) == 0;
        if ((foll & FOLL_WRITE) != 0) {
            ok &= vma.has(VmFlags.WRITE) || (foll & FOLL_FORCE) != 0 && !vma.has(VmFlags.HUGETLB)
                    && (vma.flags & (VmFlags.SHARED | VmFlags.MAYWRITE)) == VmFlags.MAYWRITE; // is_cow_mapping
        } else if (!vma.has(VmFlags.READ)) {
            ok &= (foll & FOLL_FORCE) != 0 && vma.has(VmFlags.MAYREAD);
        }
        return ok ? null : madvise ? Errno.EINVAL : Errno.EFAULT;
    }

    /**
     * The fault flags of a GUP fault ({@code faultin_page}): never {@code FAULT_FLAG_USER}; a
     * read-only pin asks for an unshare, which the fault path performs only where
     * {@link Fault#mustUnshare} holds (the kernel sets it after {@code follow_page_pte} said so).
     */
    private static int faultFlags(int foll) {
        boolean write = (foll & FOLL_WRITE) != 0;
        return (write ? FaultFlags.WRITE : 0)
                | ((foll & FOLL_PIN) != 0 && !write ? FaultFlags.UNSHARE : 0)
                | ((foll & FOLL_UNLOCKABLE) != 0 ? FaultFlags.ALLOW_RETRY : 0)
                | ((foll & FOLL_REMOTE) != 0 ? FaultFlags.REMOTE : 0);
    }

    /**
     * {@code follow_page_pte} with {@code FOLL_TOUCH}, once for every page GUP returns, also right
     * after faulting it in: GUP for write dirties the page it finds even where the PTE already
     * allowed the write without a fault (a read-faulted shared page), and every touch marks the
     * page accessed. The PTE's young bit stays as it is.
     */
    private static void touch(Mm mm, long pte, boolean write) {
        if (PteLayout.isSpecial(pte)) {
            return;
        }
        int pfn = (int) PteLayout.pfn(pte);
        if (write && !PteLayout.isDirty(pte)) {
            mm.memory.set(pfn, PhysicalMemory.PG_DIRTY);
        }
        Vmscan.markAccessed(mm.memory, pfn);
    }

    /**
     * {@code populate_vma_page_range}: faults in [start, end) of {@code vma} as mlock wants it —
     * write faults for private writable VMAs (breaking COW up front), read faults otherwise, forced
     * reads so that any accessible VMA populates; lock-on-fault VMAs are left alone. Returns the
     * errno of the first failure, or null.
     *
     * @param waiter a wait entry if the caller may block ({@code FOLL_UNLOCKABLE}), else null
     */
    static Errno populateVmaRange(Mm mm, Vma vma, long start, long end, WaitQueue.Entry waiter) {
        if (vma.has(VmFlags.LOCKONFAULT)) {
            return null;
        }
        int foll = (vma.flags & (VmFlags.WRITE | VmFlags.SHARED)) == VmFlags.WRITE ? FOLL_WRITE : 0;
        if ((vma.flags & VmFlags.ACCESS) != 0) {
            foll |= FOLL_FORCE;
        }
        if (waiter != null) {
            foll |= FOLL_UNLOCKABLE;
        }
        return forRange(mm, start, end, foll, waiter);
    }

    /**
     * {@code __mm_populate}: {@link #populateVmaRange} over every VMA in [start, end), skipping
     * holes and I/O or PFN map VMAs. Returns the first errno (mlock turns it into its own), or
     * null; with {@code ignoreErrors} (MAP_POPULATE, MAP_LOCKED, mremap growth) it goes on past
     * failures and returns null.
     */
    static Errno mmPopulate(Mm mm, long start, long end, boolean ignoreErrors) {
        WaitQueue.Entry waiter = Task.waiterOf(mm);
        for (Vma vma = mm.findVma(start); vma != null && vma.start < end; vma = mm.next(vma)) {
            if ((vma.flags & (VmFlags.IO | VmFlags.PFNMAP)) != 0) {
                continue;
            }
            Errno error = populateVmaRange(mm, vma, Math.max(start, vma.start), Math.min(end, vma.end), waiter);
            if (error != null && !ignoreErrors) {
                return error;
            }
        }
        return null;
    }

    /**
     * {@code faultin_page_range} as {@code madvise_populate} calls it: read or write faults over
     * [start, end); a hole is ENOMEM, a VMA that cannot be populated so EINVAL, a fault that
     * raised SIGBUS or SIGSEGV EFAULT, poison EHWPOISON, lack of memory ENOMEM.
     */
    static void faultinRange(Mm mm, long start, long end, boolean write) {
        int foll = FOLL_HWPOISON | FOLL_UNLOCKABLE | FOLL_MADV_POPULATE | (write ? FOLL_WRITE : 0);
        Errno error = forRange(mm, start, end, foll, Task.waiterOf(mm));
        if (error != null) {
            throw error.exception();
        }
    }

    /** {@link #getUserPages} over [start, end) until done or failed; returns the errno or null. */
    private static Errno forRange(Mm mm, long start, long end, int foll, WaitQueue.Entry waiter) {
        for (long va = start; Long.compareUnsigned(va, end) < 0; ) {
            int pages = (int) Math.min((end - va) >>> PAGE_SHIFT, Integer.MAX_VALUE);
            try {
                va += (long) getUserPages(mm, va, pages, foll, null, waiter) << PAGE_SHIFT;
            } catch (ErrnoException e) {
                return e.errno();
            }
        }
        return null;
    }
}
