package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.ErrnoException;

/**
 * {@code brk} ({@code mm/mmap.c}): moves the program break and grows or shrinks the heap VMA
 * ({@code [heap]} in maps) with it. It never fails with an errno: a refused move returns the
 * old break. The model's process has no executable image, so its heap starts empty at
 * {@link #START_BRK}; a real process's heap follows its program's data (docs/architecture.md,
 * "Process image", says what of it a scenario can compare).
 */
final class BrkCall {
    private BrkCall() {
    }

    /**
     * Where the model's heap begins ({@code mm->start_brk}): 16 MiB, low in the address space as
     * after a non-PIE executable without randomisation, far below where mmap places mappings.
     */
    static final long START_BRK = 0x0100_0000L;
    /** {@code stack_guard_gap}: the default 256 pages kept free below a VM_GROWSDOWN mapping. */
    private static final long STACK_GUARD_GAP = 256L << PAGE_SHIFT;

    /**
     * {@code brk}: the new break below {@code start_brk}, past RLIMIT_DATA (the heap plus the
     * data segment, which the model's process does not have), shrinking a sealed heap, growing
     * to within a page of another mapping, or past RLIMIT_AS, RLIMIT_DATA or, after
     * mlockall(MCL_FUTURE), RLIMIT_MEMLOCK, leaves the break where it was. Growth is one
     * anonymous private VMA ({@code do_brk_flags}) that extends the heap, faulted in at once after
     * mlockall(MCL_FUTURE).
     */
    static long brk(Task task, long brk) {
        Mm mm = task.mm;
        long oldBrk = mm.brk;
        if (Long.compareUnsigned(brk, mm.startBrk) < 0) {
            return oldBrk;
        }
        // check_data_rlimit: the heap with the data segment (of size 0 here) must fit
        long dataLimit = task.limits.soft(RLIMIT_DATA);
        if (dataLimit != RLIM_INFINITY && Long.compareUnsigned(brk - mm.startBrk, dataLimit) > 0) {
            return oldBrk;
        }
        long newEnd = MmapCall.pageAlign(brk);
        long oldEnd = MmapCall.pageAlign(oldBrk);
        if (newEnd == oldEnd) {
            mm.brk = brk;
            return brk;
        }
        if (Long.compareUnsigned(brk, oldBrk) <= 0) {
            // shrinking is always allowed, unless a VMA other than the heap is in the way or sealed
            Vma heap = mm.findVma(newEnd);
            if (heap == null || heap.start >= oldEnd) {
                return oldBrk;
            }
            // do_vmi_align_munmap with the uf list, then userfaultfd_unmap_complete, as munmap
            UffdEvents events = new UffdEvents();
            try {
                mm.gatherUnmap(newEnd, oldEnd);
                events.unmapPrep(mm, newEnd, oldEnd);
                mm.unmapRange(newEnd, oldEnd);
                mm.brk = brk;
            } catch (ErrnoException e) {
                return oldBrk;
            } finally {
                events.complete(mm);
            }
            return brk;
        }
        long size = newEnd - oldEnd;
        // check_brk_limits: get_unmapped_area with MAP_FIXED, then the lock limit of MCL_FUTURE
        if (Long.compareUnsigned(size, mm.machine.config.taskSize()) > 0
                || Long.compareUnsigned(oldEnd, mm.machine.config.taskSize() - size) > 0
                || !LockCall.mlockFutureOk(task, mm.defFlags, size)) {
            return oldBrk;
        }
        Vma next = mm.findVma(oldEnd);
        if (next != null && Long.compareUnsigned(newEnd + PAGE_SIZE, startGap(next)) > 0) {
            return oldBrk;
        }
        if (!doBrkFlags(task, oldEnd, newEnd)) {
            return oldBrk;
        }
        mm.brk = brk;
        if ((mm.defFlags & VmFlags.LOCKED) != 0) {
            Gup.mmPopulate(mm, oldEnd, newEnd, true);
        }
        return brk;
    }

    /** {@code vm_start_gap}: a stack's start less its guard gap. */
    private static long startGap(Vma vma) {
        if (!vma.has(VmFlags.GROWSDOWN)) {
            return vma.start;
        }
        long gap = vma.start - STACK_GUARD_GAP;
        return Long.compareUnsigned(gap, vma.start) > 0 ? 0 : gap;
    }

    /**
     * {@code do_brk_flags}: [start, end) becomes heap, extending the heap VMA that ends at
     * {@code start} or as a new one; false past RLIMIT_AS or RLIMIT_DATA, the map count or the
     * memory the machine can commit.
     */
    private static boolean doBrkFlags(Task task, long start, long end) {
        Mm mm = task.mm;
        // VM_DATA_DEFAULT_FLAGS on x86-64 (no READ_IMPLIES_EXEC personality)
        long flags = VmFlags.READ | VmFlags.WRITE | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYEXEC
                | VmFlags.ACCOUNT | mm.defFlags;
        long pages = (end - start) >>> PAGE_SHIFT;
        if (!ResourceLimits.mayExpandVm(task, flags, pages) || mm.mapCount() > mm.machine.config.maxMapCount()
                || pages > mm.machine.overcommitLimitPages()) {
            return false;
        }
        flags |= SoftDirty.newVmaFlag(mm);
        Vma heap = mm.vmaBefore(start);
        if (!(heap != null && heap.end == start && Long.compareUnsigned(heap.start, mm.startBrk) >= 0
                && mm.mergeNew(start, end, flags, null, start >>> PAGE_SHIFT, null) != null)) {
            mm.link(new Vma(mm, start, end, flags, start >>> PAGE_SHIFT, null));
        }
        mm.accountMapping(flags, pages); // do_brk_flags: total_vm, data_vm, locked_vm
        return true;
    }

    /** {@code vma_is_initial_heap}: the VMA overlaps [start_brk, brk]. */
    static boolean isInitialHeap(Vma vma) {
        Mm mm = vma.mm;
        return Long.compareUnsigned(vma.start, mm.brk) <= 0 && Long.compareUnsigned(vma.end, mm.startBrk) >= 0;
    }
}
