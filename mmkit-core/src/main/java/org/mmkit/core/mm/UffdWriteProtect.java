package org.mmkit.core.mm;

import org.mmkit.core.Errno;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioWriteprotectLayout;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * Userfaultfd write protection: {@code UFFDIO_WRITEPROTECT} ({@code mwriteprotect_range},
 * {@code uffd_wp_range} in {@code mm/userfaultfd.c}) and the rules that keep or drop the uffd-wp
 * state of PTEs when other operations touch them: zap ({@code zap_install_uffd_wp_if_needed}),
 * fork ({@code copy_present_pte}, {@code copy_pte_marker}), mremap ({@code move_ptes}). The
 * entries themselves change in {@link ProtectCall#changeProtection}; the write fault that hits a
 * protected PTE is {@code Fault.doWpPage}. Every method requires the machine lock.
 *
 * <p>A PTE is write-protected in one of three forms: a present PTE with {@link PteLayout#UFFD_WP}
 * (and without {@link PteLayout#RW}), a swap entry with {@link SwapEntryLayout#UFFD_WP}, or a
 * {@link PteMarkerLayout#UFFD_WP} marker where nothing is mapped.
 */
final class UffdWriteProtect {
    private UffdWriteProtect() {
    }

    /**
     * {@code userfaultfd_writeprotect}: EAGAIN while an event is in flight (before the struct
     * is read); the range as {@code validate_range} wants it, then the
     * mode; ESRCH once the address space is gone; {@link #mwriteprotectRange}; an unprotect
     * wakes the faults of the range unless DONTWAKE.
     */
    static long ioctl(UserfaultfdCtx ctx, Task task, long arg) {
        if (ctx.mmapChanging > 0) {
            throw Errno.EAGAIN.exception(); // userfaultfd_writeprotect: no result field to fill
        }
        byte[] wp = UserfaultfdCalls.readStruct(task, arg, UffdioWriteprotectLayout.SIZE);
        long start = Scalars.U64.read(wp, UffdioWriteprotectLayout.RANGE_OFFSET + UffdioRangeLayout.START_OFFSET);
        long len = Scalars.U64.read(wp, UffdioWriteprotectLayout.RANGE_OFFSET + UffdioRangeLayout.LEN_OFFSET);
        long mode = Scalars.U64.read(wp, UffdioWriteprotectLayout.MODE_OFFSET);
        UserfaultfdCalls.validateRange(task.machine, start, len);
        boolean enable = enables(mode);
        if (!ctx.mmAlive()) {
            throw Errno.ESRCH.exception();
        }
        mwriteprotectRange(ctx.mm, start, start + len, enable);
        if (!enable && (mode & Uapi.UFFDIO_WRITEPROTECT_MODE_DONTWAKE) == 0) {
            ctx.wakeLocked(start, len);
        }
        return 0;
    }

    /**
     * {@code userfaultfd_writeprotect}'s mode check: WP and DONTWAKE only, not both. Returns
     * whether the range is to be protected.
     *
     * @throws org.mmkit.core.ErrnoException EINVAL for other bits or WP|DONTWAKE
     */
    static boolean enables(long mode) {
        long wp = Uapi.UFFDIO_WRITEPROTECT_MODE_WP;
        long dontWake = Uapi.UFFDIO_WRITEPROTECT_MODE_DONTWAKE;
        if ((mode & ~(wp | dontWake)) != 0 || mode == (wp | dontWake)) {
            throw Errno.EINVAL.exception();
        }
        return (mode & wp) != 0;
    }

    /**
     * {@code mwriteprotect_range} on a validated range: each VMA in [start, end) in turn must be
     * registered in WP mode, else ENOENT, by which time the VMAs before it have been changed
     * already (as 6.18 does); holes are skipped; a range without a VMA is ENOENT.
     */
    static void mwriteprotectRange(Mm mm, long start, long end, boolean enable) {
        boolean found = false;
        for (Vma vma = mm.findVma(start); vma != null && vma.start < end; vma = mm.next(vma)) {
            if (!vma.has(VmFlags.UFFD_WP)) {
                throw Errno.ENOENT.exception();
            }
            uffdWpRange(mm, vma, Math.max(vma.start, start), Math.min(vma.end, end), enable);
            found = true;
        }
        if (!found) {
            throw Errno.ENOENT.exception();
        }
    }

    /**
     * {@code uffd_wp_range}: {@code change_protection} of [start, end) within {@code vma} with
     * MM_CP_UFFD_WP or MM_CP_UFFD_WP_RESOLVE; unprotecting may make PTEs writable at once
     * ({@code MM_CP_TRY_CHANGE_WRITABLE} where {@code vma_wants_manual_pte_write_upgrade}).
     * UFFDIO_UNREGISTER calls it to drop the protection of a range it unregisters.
     */
    static void uffdWpRange(Mm mm, Vma vma, long start, long end, boolean enable) {
        ProtectCall.changeProtection(mm, vma, start, end,
                enable ? ProtectCall.CP_UFFD_WP : ProtectCall.CP_UFFD_WP_RESOLVE);
    }

    /**
     * {@code userfaultfd_wp_use_markers}: whether protecting a none PTE of {@code vma} installs a
     * uffd-wp marker — always for file-backed memory (the page cache outlives the PTE), for
     * anonymous memory only with {@code UFFD_FEATURE_WP_UNPOPULATED}.
     */
    static boolean usesMarkers(Vma vma) {
        return vma.has(VmFlags.UFFD_WP) && (!vma.isAnonymous() || hasFeature(vma, Uapi.UFFD_FEATURE_WP_UNPOPULATED));
    }

    /** {@code userfaultfd_wp_async}: write faults on protected PTEs of {@code vma} resolve themselves. */
    static boolean isAsync(Vma vma) {
        return vma.has(VmFlags.UFFD_WP) && hasFeature(vma, Uapi.UFFD_FEATURE_WP_ASYNC);
    }

    /**
     * Whether the entry is write-protected in any form: {@code pte_uffd_wp} of a present PTE,
     * {@code pte_swp_uffd_wp_any} of another (the swap bit, or a uffd-wp marker). Pagemap's bit 57.
     */
    static boolean isProtected(long pte) {
        if (PteLayout.isPresent(pte)) {
            return PteLayout.isUffdWp(pte);
        }
        return (pte & SwapEntryLayout.UFFD_WP) != 0 || (PteMarkerLayout.bits(pte) & PteMarkerLayout.UFFD_WP) != 0;
    }

    /**
     * {@code pte_install_uffd_wp_if_needed} after a zap that keeps markers (madvise, hole punch,
     * truncation; not munmap or exit): where a file-backed VMA still registered in WP mode lost a
     * protected entry, a uffd-wp marker keeps the protection for the page the file still holds.
     * Anonymous memory drops everything with the page.
     */
    static void afterZap(Mm mm, Vma vma, int table, int index, long zapped) {
        if (!vma.isAnonymous() && vma.has(VmFlags.UFFD_WP) && isProtected(zapped)) {
            mm.updatePte(table, index, 0, PteMarkerLayout.make(PteMarkerLayout.UFFD_WP));
        }
    }

    /**
     * The uffd-wp part of {@code copy_present_pte} / {@code copy_nonpresent_pte} in fork: the
     * child's entry keeps the protection only if the child's VMA is still registered in WP mode
     * (the parent's context has {@code UFFD_FEATURE_EVENT_FORK}); a marker keeps its poison and
     * guard bits regardless ({@code copy_pte_marker}) and is not copied when nothing is left.
     */
    static long forkEntry(Vma child, long pte) {
        if (child.has(VmFlags.UFFD_WP)) {
            return pte;
        }
        if (PteLayout.isPresent(pte)) {
            return pte & ~PteLayout.UFFD_WP;
        }
        if (SwapEntryLayout.isMarker(pte)) {
            long bits = PteMarkerLayout.bits(pte) & ~PteMarkerLayout.UFFD_WP;
            return bits == 0 ? 0 : PteMarkerLayout.make(bits);
        }
        return pte & ~SwapEntryLayout.UFFD_WP;
    }

    /**
     * {@code vma_has_uffd_without_event_remap}: whether mremap of {@code vma} clears the uffd-wp
     * state of the entries it moves, because the context cannot follow the move.
     */
    static boolean clearsOnRemap(Vma vma) {
        return (vma.flags & (VmFlags.UFFD_MISSING | VmFlags.UFFD_WP | VmFlags.UFFD_MINOR)) != 0
                && !hasFeature(vma, Uapi.UFFD_FEATURE_EVENT_REMAP);
    }

    /**
     * {@code move_ptes} for a VMA that {@link #clearsOnRemap}: the entry moved in place of
     * {@code pte}, without uffd-wp; 0 for a uffd-wp marker, which is dropped.
     */
    static long remapEntry(long pte) {
        if (PteLayout.isPresent(pte)) {
            return pte & ~PteLayout.UFFD_WP;
        }
        if (SwapEntryLayout.isMarker(pte)) {
            return (PteMarkerLayout.bits(pte) & PteMarkerLayout.UFFD_WP) != 0 ? 0 : pte;
        }
        return pte & ~SwapEntryLayout.UFFD_WP;
    }

    /** Whether the userfaultfd context {@code vma} is registered with enabled {@code feature}. */
    private static boolean hasFeature(Vma vma, long feature) {
        return vma.uffdCtx != null && vma.uffdCtx.has(feature);
    }
}
