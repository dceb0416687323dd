package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SIZE;
import static org.mmkit.core.Uapi.UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES;
import static org.mmkit.core.Uapi.UFFDIO_MOVE_MODE_DONTWAKE;

import java.util.function.Predicate;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdioMoveLayout;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageTables;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * {@code UFFDIO_MOVE} ({@code move_pages} in {@code mm/userfaultfd.c}): moves the pages
 * themselves, page by page, from one private anonymous range of the context's address space to
 * another whose VMA is registered with the context. The frame stays the same: its PTE moves, and
 * its anon_vma and index follow it to the destination ({@code folio_move_anon_rmap}), so the
 * reverse map finds it there. Requires the machine lock.
 */
final class UffdMove {
    private UffdMove() {
    }

    /**
     * {@code userfaultfd_move}: EAGAIN while an event is in flight, as for COPY; then only from
     * the context's own address space (EINVAL otherwise),
     * both ranges as {@code validate_range} wants them, modes DONTWAKE and ALLOW_SRC_HOLES;
     * ESRCH once the address space is gone. The bytes moved or -errno go to {@code move}; the
     * moved part of dst is woken unless DONTWAKE; a partial move is EAGAIN.
     */
    static long ioctl(UserfaultfdCtx ctx, Task task, long arg) {
        ctx.refuseWhileChanging(task, arg + UffdioMoveLayout.MOVE_OFFSET);
        byte[] move = UserfaultfdCalls.readStruct(task, arg, UffdioMoveLayout.MOVE_OFFSET);
        if (task.mm != ctx.mm) {
            throw Errno.EINVAL.exception();
        }
        long dst = Scalars.U64.read(move, UffdioMoveLayout.DST_OFFSET);
        long src = Scalars.U64.read(move, UffdioMoveLayout.SRC_OFFSET);
        long len = Scalars.U64.read(move, UffdioMoveLayout.LEN_OFFSET);
        long mode = Scalars.U64.read(move, UffdioMoveLayout.MODE_OFFSET);
        UserfaultfdCalls.validateRange(task.machine, dst, len);
        UserfaultfdCalls.validateRange(task.machine, src, len);
        if ((mode & ~(UFFDIO_MOVE_MODE_DONTWAKE | UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES)) != 0) {
            throw Errno.EINVAL.exception();
        }
        if (!ctx.mmAlive()) {
            throw Errno.ESRCH.exception();
        }
        long moved;
        try {
            moved = movePages(ctx.mm, vma -> vma.uffdCtx == ctx, dst, src, len, mode);
        } catch (ErrnoException e) {
            UserfaultfdCalls.putU64(task, arg + UffdioMoveLayout.MOVE_OFFSET, -e.errno().number());
            throw e;
        }
        UserfaultfdCalls.putU64(task, arg + UffdioMoveLayout.MOVE_OFFSET, moved);
        if ((mode & UFFDIO_MOVE_MODE_DONTWAKE) == 0) {
            ctx.wakeLocked(dst, moved);
        }
        if (moved != len) {
            throw Errno.EAGAIN.exception();
        }
        return 0;
    }

    /**
     * {@code move_pages} over page-aligned, non-empty [dst, dst+len) and [src, src+len) of
     * {@code mm}, the context's address space: the bytes moved before the first error (a source
     * hole with {@code ALLOW_SRC_HOLES} counts as moved); with nothing moved, the error.
     * {@code registeredHere} says whether a VMA is registered with the calling context.
     *
     * @throws ErrnoException when nothing was moved: ENOENT for a start with no VMA or a source
     *         hole, EINVAL for VMAs the move may not use, EEXIST for a destination page already
     *         there, EBUSY for a page shared with another process, EFAULT for a source marker
     */
    static long movePages(Mm mm, Predicate<Vma> registeredHere, long dst, long src, long len, long mode) {
        Vma dstVma = mm.vmaAt(dst);
        if (dstVma == null) {
            throw Errno.ENOENT.exception();
        }
        if (!dstVma.has(VmFlags.SHARED)) {
            mm.anonVma(dstVma); // find_vma_and_prepare_anon
        }
        Vma srcVma = dstVma.start <= src && src < dstVma.end ? dstVma : mm.vmaAt(src);
        if (srcVma == null) {
            throw Errno.ENOENT.exception();
        }
        if (srcVma.has(VmFlags.SHARED) || src + len > srcVma.end || dstVma.has(VmFlags.SHARED) || dst + len > dstVma.end) {
            throw Errno.EINVAL.exception();
        }
        validateAreas(registeredHere, srcVma, dstVma);
        long moved = 0;
        for (; moved < len; moved += PAGE_SIZE) {
            Errno error = movePte(mm, dstVma, srcVma, dst + moved, src + moved, mode);
            if (error != null) {
                if (moved == 0) {
                    throw error.exception();
                }
                break;
            }
        }
        return moved;
    }

    /** {@code validate_move_areas}. */
    private static void validateAreas(Predicate<Vma> registeredHere, Vma src, Vma dst) {
        boolean sameAccess = ((src.flags ^ dst.flags) & VmFlags.ACCESS) == 0
                && Fault.pageProt(src) == Fault.pageProt(dst);
        boolean sameLock = ((src.flags ^ dst.flags) & VmFlags.LOCKED) == 0;
        long incompatible = VmFlags.PFNMAP | VmFlags.IO | VmFlags.HUGETLB | VmFlags.MIXEDMAP;
        if (!sameAccess || !sameLock || !src.has(VmFlags.WRITE) || (src.flags & incompatible) != 0
                || (dst.flags & incompatible) != 0 || !registeredHere.test(dst)
                || !src.isAnonymous() || !dst.isAnonymous()) {
            throw Errno.EINVAL.exception();
        }
    }

    /**
     * {@code move_pages_pte} for one page: null once moved (or a hole skipped), else the error.
     * The source PTE table must exist unless holes are allowed; the destination must be
     * {@code pte_none} (a marker there is EEXIST too); a source marker is EFAULT
     * ({@code non_swap_entry} that is not a migration entry).
     */
    private static Errno movePte(Mm mm, Vma dstVma, Vma srcVma, long dst, long src, long mode) {
        boolean holes = (mode & UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES) != 0;
        if (mm.pageTables.pteTableId(src) < 0 && !holes) {
            return Errno.ENOENT;
        }
        if (mm.pte(dst) != 0) {
            return Errno.EEXIST;
        }
        long pte = mm.pte(src);
        if (pte == 0) {
            return holes ? null : Errno.ENOENT;
        }
        int table = mm.pageTables.pteTableId(src);
        int index = PageTables.pteIndex(src);
        if (PteLayout.isSwapFormat(pte)) {
            if (SwapEntryLayout.isMarker(pte)) {
                return Errno.EFAULT;
            }
            if ((pte & SwapEntryLayout.EXCLUSIVE) == 0) {
                return Errno.EBUSY; // move_swap_pte
            }
            mm.movePte(table, index, SoftDirty.moved(mm, pte), dst); // move_swap_pte marks it soft-dirty
            return null;
        }
        long prot = Fault.pageProt(dstVma);
        int pfn = (int) PteLayout.pfn(pte);
        if (pfn == PhysicalMemory.ZERO_PFN) {
            // move_zeropage_pte: dst maps the zero page with its own protection
            mm.movePte(table, index, PteLayout.make(pfn, prot) | PteLayout.SPECIAL, dst);
            return null;
        }
        PhysicalMemory memory = mm.memory;
        if (PteLayout.isSpecial(pte) || !memory.test(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE)) {
            return Errno.EBUSY;
        }
        // move_present_ptes: folio_move_anon_rmap and the new index, then a writable PTE built
        // from dst's protection, dirty only if src was (a clean lazily freed page stays droppable),
        // soft-dirty so that user space sees the move: uffd-wp does not follow the page
        memory.setOwner(pfn, dstVma.anonVma, dstVma.pageIndex(dst));
        long moved = SoftDirty.moved(mm, PteLayout.make(pfn, prot) | (pte & PteLayout.DIRTY) | PteLayout.RW);
        mm.movePte(table, index, moved, dst);
        return null;
    }
}
