package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;

/**
 * {@code mlock}, {@code mlock2}, {@code munlock} ({@code mm/mlock.c}), populating
 * ({@code mm/gup.c: __mm_populate}) and {@code mincore} ({@code mm/mincore.c}).
 */
final class LockCall {
    private LockCall() {
    }

    static void mlock(Mm mm, long start, long len, long lockFlags) {
        long end = applyLockFlags(mm, start, len, VmFlags.LOCKED | lockFlags);
        if (end > 0) {
            switch (populate(mm, start & ~(PAGE_SIZE - 1), end, false)) {
                case DONE -> { }
                // __mlock_posix_error_return: a failed fault (EFAULT) is ENOMEM, ENOMEM is EAGAIN
                case OOM -> throw Errno.EAGAIN.exception();
                default -> throw Errno.ENOMEM.exception();
            }
        }
    }

    static void mlock2(Mm mm, long start, long len, long flags) {
        if ((flags & ~MLOCK_ONFAULT) != 0) {
            throw Errno.EINVAL.exception();
        }
        mlock(mm, start, len, (flags & MLOCK_ONFAULT) != 0 ? VmFlags.LOCKONFAULT : 0);
    }

    static void munlock(Mm mm, long start, long len) {
        applyLockFlags(mm, start, len, 0);
    }

    /**
     * {@code apply_vma_lock_flags}: sets the lock flags of every VMA in the page-rounded range;
     * returns the range end, or 0 for an empty range.
     */
    private static long applyLockFlags(Mm mm, long start, long len, long lockFlags) {
        long end = MmapCall.pageAlign(len + (start & (PAGE_SIZE - 1)));
        start &= ~(PAGE_SIZE - 1);
        end += start;
        if (Long.compareUnsigned(end, start) < 0) {
            throw Errno.EINVAL.exception();
        }
        if (end == start) {
            return 0;
        }
        mm.forEachPart(start, end, (vma, from, to) -> {
            // mlock_fixup leaves special, hugetlb and droppable VMAs unlocked
            if ((vma.flags & (VmFlags.SPECIAL | VmFlags.HUGETLB | VmFlags.DROPPABLE)) == 0) {
                mm.modify(vma, from, to, (vma.flags & ~VmFlags.LOCKED_MASK) | lockFlags);
            }
        });
        return end;
    }

    /** {@code mm_populate}: {@link #populate} with errors ignored, as MAP_POPULATE and MAP_LOCKED do. */
    static void populateRange(Mm mm, long start, long end) {
        populate(mm, start, end, true);
    }

    /**
     * {@code __mm_populate}: faults in [start, end) of every VMA — write faults for private
     * writable VMAs (breaking COW up front), read faults otherwise; VM_LOCKONFAULT, I/O and PFN
     * map VMAs are skipped. An inaccessible VMA fails as GUP does ({@code ACCESS}) unless errors
     * are ignored, and so does any fault that fails.
     */
    private static Fault.Result populate(Mm mm, long start, long end, boolean ignoreErrors) {
        for (Vma vma = mm.findVma(start); vma != null && vma.start < end; vma = mm.next(vma)) {
            if (vma.has(VmFlags.LOCKONFAULT) || (vma.flags & (VmFlags.IO | VmFlags.PFNMAP)) != 0) {
                continue;
            }
            Fault.Result result = (vma.flags & VmFlags.ACCESS) == 0 ? Fault.Result.ACCESS
                    : Fault.populate(mm, Math.max(start, vma.start), Math.min(end, vma.end),
                            (vma.flags & (VmFlags.WRITE | VmFlags.SHARED)) == VmFlags.WRITE);
            if (result != Fault.Result.DONE && !ignoreErrors) {
                return result;
            }
        }
        return Fault.Result.DONE;
    }

    /** {@code mincore}: bit 0 of each byte says whether the page is resident. */
    static byte[] mincore(Mm mm, long start, long len) {
        if ((start & (PAGE_SIZE - 1)) != 0) {
            throw Errno.EINVAL.exception();
        }
        // access_ok: the range, its length taken unsigned, must end within the user address space
        long taskSize = mm.machine.config.taskSize();
        if (Long.compareUnsigned(start, taskSize) > 0 || Long.compareUnsigned(len, taskSize - start) > 0) {
            throw Errno.ENOMEM.exception();
        }
        long pages = MmapCall.pageAlign(len) >>> PAGE_SHIFT;
        byte[] vec = new byte[(int) pages];
        for (int i = 0; i < pages; i++) {
            long va = start + ((long) i << PAGE_SHIFT);
            Vma vma = mm.vmaAt(va);
            if (vma == null) {
                throw Errno.ENOMEM.exception();
            }
            long pte = mm.pte(va);
            // pte_none_mostly: a PTE marker (guard, uffd-wp) is looked up in the page cache as an empty PTE is
            boolean empty = pte == 0 || PteMarkerLayout.bits(pte) != 0;
            boolean resident = PteLayout.isPresent(pte)
                    || (empty && vma.file != null && vma.file.isUptodate(vma.pageIndex(va)));
            vec[i] = (byte) (resident ? 1 : 0);
        }
        return vec;
    }
}
