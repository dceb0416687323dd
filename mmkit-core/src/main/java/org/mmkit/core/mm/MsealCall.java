package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * {@code mseal} ({@code mm/mseal.c}, 64-bit kernels): seals every VMA of a range, for good. A
 * sealed VMA ({@link VmFlags#SEALED}, {@code sl} in smaps) refuses with EPERM whatever would
 * change its range or protection: munmap, mmap MAP_FIXED over it, mremap from it or onto it,
 * mprotect, brk shrinking it, and the madvise advices that discard the contents of a read-only
 * private anonymous mapping ({@link #checkMadvise}). The flag splits and merges like any other,
 * and fork copies it.
 */
final class MsealCall {
    private MsealCall() {
    }

    /**
     * {@code do_mseal}: EINVAL for flags, an unaligned start or a wrapping range; nothing for an
     * empty one; ENOMEM, sealing nothing, if any part of the range is unmapped.
     */
    static void mseal(Mm mm, long start, long len, long flags) {
        if (flags != 0) {
            throw Errno.EINVAL.exception();
        }
        long end = MmapCall.rangeEnd(start, len);
        if (end == start) {
            return;
        }
        if (containsUnmapped(mm, start, end)) {
            throw Errno.ENOMEM.exception();
        }
        mm.forEachPart(start, end, (vma, from, to) -> mm.modify(vma, from, to, vma.flags | VmFlags.SEALED));
    }

    /** {@code range_contains_unmapped}: a gap at the start, between VMAs or at the end. */
    private static boolean containsUnmapped(Mm mm, long start, long end) {
        long covered = start;
        for (Vma vma = mm.findVma(start); vma != null && Long.compareUnsigned(vma.start, end) < 0; vma = mm.next(vma)) {
            if (vma.start > covered) {
                return true;
            }
            covered = vma.end;
        }
        return Long.compareUnsigned(covered, end) < 0;
    }

    /** {@code vma_is_sealed}: EPERM for a sealed VMA (mprotect_fixup, mremap's check_prep_vma). */
    static void checkUnsealed(Vma vma) {
        if (vma.has(VmFlags.SEALED)) {
            throw Errno.EPERM.exception();
        }
    }

    /**
     * {@code vms_gather_munmap_vmas}: unmapping [start, end), for munmap, mmap MAP_FIXED,
     * mremap and brk, is EPERM before anything is unmapped if a VMA there is sealed.
     */
    static void checkUnsealed(Mm mm, long start, long end) {
        for (Vma vma = mm.findVma(start); vma != null && Long.compareUnsigned(vma.start, end) < 0; vma = mm.next(vma)) {
            checkUnsealed(vma);
        }
    }

    /**
     * {@code can_madvise_modify}: in a sealed VMA, an advice that discards data
     * ({@code is_discard}) is EPERM on private anonymous memory the process cannot write; file
     * and shared mappings keep their data in the page cache and are let through.
     */
    static void checkMadvise(Vma vma, int advice) {
        if (vma.has(VmFlags.SEALED) && isDiscard(advice) && vma.isAnonymous() && !vma.has(VmFlags.WRITE)) {
            throw Errno.EPERM.exception();
        }
    }

    private static boolean isDiscard(int advice) {
        return switch (advice) {
            case MADV_FREE, MADV_DONTNEED, MADV_DONTNEED_LOCKED,
                 MADV_REMOVE, MADV_DONTFORK, MADV_WIPEONFORK,
                 MADV_GUARD_INSTALL -> true;
            default -> false;
        };
    }
}
