package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.pgtable.PageWalk;

/**
 * {@code mremap} ({@code mm/mremap.c}, Linux 6.17+ semantics).
 *
 * <pre>
 *  request                                  action
 *  same length, no FIXED/DONTUNMAP          return old address (only its VMA is looked up)
 *  FIXED|MAYMOVE, same length               move every VMA of the range, gaps kept (multi-VMA move)
 *  FIXED or DONTUNMAP                       move to new_addr (FIXED) or a free area; DONTUNMAP keeps the old VMA, empty
 *  shrink                                   unmap the tail, in place
 *  grow, room after the VMA                 extend in place (may merge with the next VMA)
 *  grow, no room, MAYMOVE                   move to a free area
 *  grow, no room, no MAYMOVE                ENOMEM
 * </pre>
 */
final class RemapCall {
    private RemapCall() {
    }

    /**
     * {@code do_mremap}, then the userfaultfd events it prepared ({@link UffdEvents#complete}),
     * sent whether it succeeded or not, as the kernel sends them after dropping the mmap lock.
     */
    static long mremap(Task task, long addr, long oldLen, long newLen, long flags, long newAddr) {
        UffdEvents events = new UffdEvents();
        Mm mm = task.mm;
        try {
            return mremap(task, events, addr, oldLen, newLen, flags, newAddr);
        } finally {
            events.complete(mm);
        }
    }

    private static long mremap(Task task, UffdEvents events, long addr, long oldLen, long newLen, long flags,
            long newAddr) {
        Mm mm = task.mm;
        long taskSize = mm.machine.config.taskSize();
        if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) != 0 || (addr & (PAGE_SIZE - 1)) != 0) {
            throw Errno.EINVAL.exception();
        }
        oldLen = MmapCall.pageAlign(oldLen);
        newLen = MmapCall.pageAlign(newLen);
        if (newLen == 0 || newLen > taskSize) {
            throw Errno.EINVAL.exception();
        }
        boolean fixed = (flags & MREMAP_FIXED) != 0;
        boolean dontUnmap = (flags & MREMAP_DONTUNMAP) != 0;
        boolean mayMove = (flags & MREMAP_MAYMOVE) != 0;
        if (fixed || dontUnmap) {
            if (newAddr > taskSize - newLen || (newAddr & (PAGE_SIZE - 1)) != 0 || !mayMove
                    || (dontUnmap && oldLen != newLen)) {
                throw Errno.EINVAL.exception();
            }
            // vrm_overlaps: checked for a DONTUNMAP hint too, not only a FIXED target
            if (addr < newAddr + newLen && newAddr < addr + oldLen) {
                throw Errno.EINVAL.exception();
            }
        }
        if (fixed && oldLen == newLen) {
            return moveRange(events, mm, addr, oldLen, newAddr, dontUnmap);
        }
        Vma vma = mm.vmaAt(addr);
        if (vma == null) {
            throw Errno.EFAULT.exception();
        }
        MsealCall.checkUnsealed(vma); // check_prep_vma
        if (oldLen == newLen && !fixed && !dontUnmap) {
            return addr;
        }
        boolean grows = newLen > oldLen;
        if (fixed || dontUnmap || grows) {
            checkMovable(vma, addr, oldLen, newLen, dontUnmap);
        }
        // resize_is_valid: growing a locked VMA must stay within RLIMIT_MEMLOCK
        if (grows && !LockCall.mlockFutureOk(task, vma.flags, newLen - oldLen)) {
            throw Errno.EAGAIN.exception();
        }
        if (grows && !ResourceLimits.mayExpandVm(task, vma.flags, (newLen - oldLen) >>> PAGE_SHIFT)) {
            throw Errno.ENOMEM.exception();
        }
        if (fixed || dontUnmap) {
            if (fixed) {
                events.unmapEarlyPrep(mm, newAddr, newAddr + newLen);
                mm.unmapRange(newAddr, newAddr + newLen);
            }
            if (oldLen > newLen) {
                events.unmapPrep(mm, addr + newLen, addr + oldLen);
                mm.unmapRange(addr + newLen, addr + oldLen);
                oldLen = newLen;
            }
            vma = mm.vmaAt(addr);
            if (vma == null) {
                // mremap_to: clearing the destination may unmap the source itself (old_len 0)
                throw Errno.EFAULT.exception();
            }
            // mremap_to: the old range stays mapped, so DONTUNMAP maps old_len more
            if (dontUnmap && !ResourceLimits.mayExpandVm(task, vma.flags, oldLen >>> PAGE_SHIFT)) {
                throw Errno.ENOMEM.exception();
            }
            long target = fixed ? newAddr : MmapCall.topDown(mm, newAddr, newLen);
            return moveVma(events, mm, vma, addr, oldLen, newLen, target, dontUnmap);
        }
        if (!grows) {
            events.unmapPrep(mm, addr + newLen, addr + oldLen);
            mm.unmapRange(addr + newLen, addr + oldLen);
            return addr;
        }
        long delta = newLen - oldLen;
        if (addr + oldLen == vma.end && expandable(mm, vma, delta)) {
            long oldEnd = vma.end;
            if (mm.mergeNew(oldEnd, oldEnd + delta, vma.flags, vma.file, vma.pageIndex(oldEnd), vma) == null) {
                throw new IllegalStateException("a VMA always merges with its own extension");
            }
            mm.accountMapping(vma.flags, delta >>> PAGE_SHIFT); // vrm_stat_account
            if (vma.has(VmFlags.LOCKED)) {
                Gup.mmPopulate(mm, oldEnd, oldEnd + delta, true);
            }
            return addr;
        }
        if (!mayMove) {
            throw Errno.ENOMEM.exception();
        }
        return moveVma(events, mm, vma, addr, oldLen, newLen, MmapCall.topDown(mm, 0, newLen), false);
    }

    /**
     * {@code check_prep_vma} for a call that maps new address space (a move or a growth):
     * [addr, addr+oldLen) must lie in {@code vma}, except that a shrink may unmap past its end.
     */
    private static void checkMovable(Vma vma, long addr, long oldLen, long newLen, boolean dontUnmap) {
        if (oldLen == 0 && !vma.has(VmFlags.SHARED | VmFlags.MAYSHARE)) {
            throw Errno.EINVAL.exception();
        }
        if (dontUnmap && (vma.flags & (VmFlags.DONTEXPAND | VmFlags.PFNMAP)) != 0) {
            throw Errno.EINVAL.exception();
        }
        if (Math.min(oldLen, newLen) > vma.end - addr) {
            throw Errno.EFAULT.exception();
        }
        if (newLen > oldLen && (vma.flags & (VmFlags.DONTEXPAND | VmFlags.PFNMAP)) != 0) {
            throw Errno.EFAULT.exception();
        }
    }

    /** {@code vma_expandable}: nothing mapped in the {@code delta} bytes after the VMA, still below the task size. */
    private static boolean expandable(Mm mm, Vma vma, long delta) {
        long end = vma.end + delta;
        if (end > mm.machine.config.taskSize() || end < vma.end) {
            return false;
        }
        Vma next = mm.findVma(vma.end);
        return next == null || next.start >= end;
    }

    /**
     * {@code remap_move}: moves each VMA of [addr, addr+len) by the same offset, keeping gaps.
     * Each VMA clears only its own destination, so mappings facing the source's gaps survive.
     * A range that starts in a gap (or holds no VMA) gives EFAULT. A userfaultfd-registered VMA
     * moves only when the range lies within it ({@code vma_multi_allowed}: its events would need
     * the mmap lock dropped): otherwise it is EFAULT, the VMAs before it staying moved (observed
     * on 6.18: a range past its end, even into a gap, moves nothing). Every file the model maps is
     * shmem, which is always allowed.
     */
    private static long moveRange(UffdEvents events, Mm mm, long addr, long len, long newAddr, boolean dontUnmap) {
        Vma first = mm.findVma(addr);
        if (first == null || first.start > addr) {
            throw Errno.EFAULT.exception();
        }
        long delta = newAddr - addr;
        for (long cursor = addr; cursor < addr + len; ) {
            Vma vma = mm.findVma(cursor);
            if (vma == null || vma.start >= addr + len) {
                break;
            }
            if (vma.has(VmFlags.UFFD_FLAGS) && (cursor != addr || vma.end < addr + len)) { // userfaultfd_armed
                throw Errno.EFAULT.exception();
            }
            MsealCall.checkUnsealed(vma);
            long from = Math.max(cursor, vma.start);
            long to = Math.min(addr + len, vma.end);
            checkMovable(vma, from, to - from, to - from, dontUnmap);
            events.unmapEarlyPrep(mm, from + delta, to + delta);
            mm.unmapRange(from + delta, to + delta);
            // unmapping a destination inside the same VMA splits it: look the source up again
            moveVma(events, mm, mm.vmaAt(from), from, to - from, to - from, from + delta, dontUnmap);
            cursor = to;
        }
        return newAddr;
    }

    /**
     * {@code move_vma}: maps [addr, addr+oldLen) of {@code vma} at {@code target} with
     * {@code newLen} bytes, moving the page-table entries; the old range is unmapped, or kept
     * empty with DONTUNMAP.
     */
    private static long moveVma(UffdEvents events, Mm mm, Vma vma, long addr, long oldLen, long newLen, long target,
            boolean dontUnmap) {
        if (mm.mapCount() >= mm.machine.config.maxMapCount() - 3) {
            throw Errno.ENOMEM.exception();
        }
        long pgoff = vma.pageIndex(addr);
        if (vma.isAnonymous() && !vma.has(VmFlags.SHARED) && vma.anonVma == null) {
            pgoff = target >>> PAGE_SHIFT; // copy_vma: an unfaulted anonymous VMA is relocated
        }
        Vma moved = mm.mergeCopy(vma, target, target + newLen, pgoff);
        if (moved == null) {
            moved = vma.copy(mm, target, target + newLen, pgoff);
            mm.link(moved);
        }
        // vrm_stat_account: the new range counts with the old VMA's flags; the old range stops
        // counting when it is unmapped, and with DONTUNMAP not at all, though it loses VM_LOCKED
        mm.accountMapping(vma.flags, newLen >>> PAGE_SHIFT);
        long delta = target - addr;
        boolean clearUffdWp = UffdWriteProtect.clearsOnRemap(vma);
        PageWalk.walk(mm.pageTables, addr, addr + oldLen, (va, pte, table, index) -> {
            // move_soft_dirty_pte: what moves is soft-dirty, so that user space sees the move
            long moving = SoftDirty.moved(mm, pte != 0 && clearUffdWp ? UffdWriteProtect.remapEntry(pte) : pte);
            if (moving != pte) {
                mm.updatePte(table, index, pte, moving);
            }
            if (moving != 0) {
                mm.movePte(table, index, moving, va + delta);
            }
        });
        events.remapPrep(moved, addr, target, oldLen);
        if (dontUnmap) {
            // dontunmap_complete: the whole old VMA loses VM_LOCKED, without a split
            Vma old = mm.vmaAt(addr);
            old.flags &= ~VmFlags.LOCKED_MASK;
            if (old.start == addr && old.end == addr + oldLen) {
                old.unlinkAnonVmas();
            }
        } else if (oldLen > 0) {
            // unmap_source_vma: do_vmi_munmap of an empty range (old_len 0) fails, splitting nothing
            events.unmapPrep(mm, addr, addr + oldLen);
            mm.unmapRange(addr, addr + oldLen);
        }
        if (moved.has(VmFlags.LOCKED) && newLen > oldLen) {
            Gup.mmPopulate(mm, target + oldLen, target + newLen, true);
        }
        return target;
    }
}
