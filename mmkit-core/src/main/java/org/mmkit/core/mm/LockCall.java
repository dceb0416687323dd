package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.util.Arrays;
import java.util.function.LongPredicate;

import org.mmkit.core.Errno;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;

/**
 * {@code mlock}, {@code mlock2}, {@code munlock}, {@code mlockall}, {@code munlockall} with their
 * limits ({@code mm/mlock.c}) and
 * {@code mincore} ({@code mm/mincore.c}).
 */
final class LockCall {
    private LockCall() {
    }

    /**
     * {@code do_mlock}: an unprivileged process needs a non-zero RLIMIT_MEMLOCK
     * ({@code can_do_mlock}, else EPERM) and may lock no more than it in all (ENOMEM), counting
     * pages of the range that are already locked only once; CAP_IPC_LOCK lifts both limits.
     */
    static void mlock(Task task, long start, long len, long lockFlags) {
        Mm mm = task.mm;
        if (!canDoMlock(task)) {
            throw Errno.EPERM.exception();
        }
        long first = start & ~(PAGE_SIZE - 1);
        long size = MmapCall.pageAlign(len + (start & (PAGE_SIZE - 1)));
        long lockLimit = lockLimitPages(task);
        long locked = (size >>> PAGE_SHIFT) + lockedPages(mm, 0, -1L);
        if (locked > lockLimit && !task.privileged) {
            locked -= lockedPages(mm, first, first + size);
        }
        if (locked > lockLimit && !task.privileged) {
            throw Errno.ENOMEM.exception();
        }
        long end = applyLockFlags(mm, start, len, VmFlags.LOCKED | lockFlags);
        if (end > 0) {
            Errno error = Gup.mmPopulate(mm, first, end, false);
            if (error != null) {
                // __mlock_posix_error_return: a failed fault (EFAULT) is ENOMEM, ENOMEM is EAGAIN
                throw (error == Errno.EFAULT ? Errno.ENOMEM : error == Errno.ENOMEM ? Errno.EAGAIN : error).exception();
            }
        }
    }

    static void mlock2(Task task, long start, long len, long flags) {
        if ((flags & ~MLOCK_ONFAULT) != 0) {
            throw Errno.EINVAL.exception();
        }
        mlock(task, start, len, (flags & MLOCK_ONFAULT) != 0 ? VmFlags.LOCKONFAULT : 0);
    }

    static void munlock(Mm mm, long start, long len) {
        applyLockFlags(mm, start, len, 0);
    }

    /** The flags mlockall knows. */
    private static final int MCL_FLAGS = MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT;

    /**
     * {@code mlockall}: MCL_CURRENT needs an unprivileged process's whole address space
     * ({@code total_vm}, locked or not) within RLIMIT_MEMLOCK, then locks every VMA and faults
     * them in, ignoring failures as {@code mm_populate} does.
     */
    static void mlockall(Task task, int flags) {
        if (flags == 0 || (flags & ~MCL_FLAGS) != 0 || flags == MCL_ONFAULT) {
            throw Errno.EINVAL.exception();
        }
        if (!canDoMlock(task)) {
            throw Errno.EPERM.exception();
        }
        Mm mm = task.mm;
        boolean current = (flags & MCL_CURRENT) != 0;
        if (current && !task.privileged && mappedPages(mm) > lockLimitPages(task)) {
            throw Errno.ENOMEM.exception();
        }
        applyMlockallFlags(mm, flags);
        if (current) {
            Gup.mmPopulate(mm, 0, mm.machine.config.taskSize(), true);
        }
    }

    /** {@code munlockall}: clears the lock flags of every VMA and of later mappings. */
    static void munlockall(Mm mm) {
        applyMlockallFlags(mm, 0);
    }

    /**
     * {@code apply_mlockall_flags}: MCL_FUTURE (with MCL_ONFAULT) sets {@link Mm#defFlags}, any
     * other call clears them; MCL_CURRENT (with MCL_ONFAULT) sets the lock flags of every VMA,
     * munlockall (flags 0) clears them.
     */
    private static void applyMlockallFlags(Mm mm, int flags) {
        long onFault = (flags & MCL_ONFAULT) != 0 ? VmFlags.LOCKONFAULT : 0;
        mm.defFlags = (flags & MCL_FUTURE) != 0 ? VmFlags.LOCKED | onFault : 0;
        if (flags != 0 && (flags & MCL_CURRENT) == 0) {
            return;
        }
        long lockFlags = flags != 0 ? VmFlags.LOCKED | onFault : 0;
        for (Vma vma = mm.findVma(0); vma != null; ) {
            long end = vma.end;
            mlockFixup(mm, vma, vma.start, end, lockFlags);
            vma = mm.findVma(end);
        }
    }

    /** {@code mm->total_vm}: pages of every VMA. */
    static long mappedPages(Mm mm) {
        return pages(mm, 0, -1L, flags -> true);
    }

    /** {@code can_do_mlock}: a non-zero RLIMIT_MEMLOCK, or CAP_IPC_LOCK (which privileged processes hold). */
    static boolean canDoMlock(Task task) {
        return task.limits.soft(RLIMIT_MEMLOCK) != 0 || task.privileged;
    }

    /** {@code rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT}. */
    private static long lockLimitPages(Task task) {
        return task.limits.soft(RLIMIT_MEMLOCK) >>> PAGE_SHIFT;
    }

    /**
     * {@code mlock_future_ok}: whether {@code bytes} more of locked memory (for a VM_LOCKED
     * {@code vmFlags}) stay within RLIMIT_MEMLOCK; always for CAP_IPC_LOCK.
     */
    static boolean mlockFutureOk(Task task, long vmFlags, long bytes) {
        if ((vmFlags & VmFlags.LOCKED) == 0 || task.privileged) {
            return true;
        }
        return (bytes >>> PAGE_SHIFT) + lockedPages(task.mm, 0, -1L) <= lockLimitPages(task);
    }

    /**
     * Pages of VM_LOCKED VMAs within [start, end) (end -1: to the top): {@code mm->locked_vm}
     * over the whole space, {@code count_mm_mlocked_page_nr} over a range.
     */
    private static long lockedPages(Mm mm, long start, long end) {
        return pages(mm, start, end, flags -> (flags & VmFlags.LOCKED) != 0);
    }

    /**
     * Pages within [start, end) (end -1: to the top) of the VMAs whose flags {@code counted}
     * accepts. The model counts the kernel's per-mm counters ({@code total_vm}, {@code locked_vm},
     * {@code data_vm}) from the VMAs rather than keeping them, as the kernel changes them exactly
     * where VMAs appear, grow, shrink, change flags and go.
     */
    static long pages(Mm mm, long start, long end, LongPredicate counted) {
        long pages = 0;
        for (Vma vma = mm.findVma(start); vma != null && Long.compareUnsigned(vma.start, end) < 0; vma = mm.next(vma)) {
            if (counted.test(vma.flags)) {
                long from = Math.max(start, vma.start);
                long to = MmapCall.minAddress(end, vma.end);
                pages += (to - from) >>> PAGE_SHIFT;
            }
        }
        return pages;
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
        mm.forEachPart(start, end, (vma, from, to) -> mlockFixup(mm, vma, from, to, lockFlags));
        return end;
    }

    /**
     * {@code mlock_fixup}: gives [from, to) of {@code vma} the lock flags {@code lockFlags},
     * unless the VMA cannot be locked.
     */
    private static void mlockFixup(Mm mm, Vma vma, long from, long to, long lockFlags) {
        long oldFlags = vma.flags;
        long newFlags = (oldFlags & ~VmFlags.LOCKED_MASK) | lockFlags;
        if (supportsMlock(oldFlags) && newFlags != oldFlags) {
            mm.modify(vma, from, to, newFlags);
            if (((oldFlags ^ newFlags) & VmFlags.LOCKED) != 0) {
                long pages = (to - from) >>> PAGE_SHIFT;
                mm.lockedVm += (newFlags & VmFlags.LOCKED) != 0 ? pages : -pages;
            }
        }
    }

    /** {@code vma_supports_mlock}: special, hugetlb and droppable VMAs are never locked. */
    static boolean supportsMlock(long vmFlags) {
        return (vmFlags & (VmFlags.SPECIAL | VmFlags.HUGETLB | VmFlags.DROPPABLE)) == 0;
    }

    /**
     * Pages of the vector {@link #mincore(Task, long, long)} can return: the longest Java array
     * ({@code ArrayList}'s soft limit), about 8 TiB of address space.
     */
    static final long MAX_VECTOR = Integer.MAX_VALUE - 8;
    /** Pages {@code mincore} looks at between copies to user memory: one page of vector. */
    private static final int CHUNK_PAGES = (int) PAGE_SIZE;

    /**
     * {@code mincore} returning the vector: bit 0 of each byte says whether the page is resident.
     * The kernel's checks come first; a range of more than {@link #MAX_VECTOR} pages, which the
     * kernel could do into a large enough user buffer, is an {@link IllegalArgumentException}
     * pointing to {@link #mincore(Task, long, long, long)}.
     */
    static byte[] mincore(Task task, long start, long len) {
        long pages = mincorePages(task.mm, start, len);
        if (pages > MAX_VECTOR) {
            throw new IllegalArgumentException("mincore of " + pages + " pages: a byte[] vector holds at most "
                    + MAX_VECTOR + "; use mincore(addr, len, vec) to write the vector into process memory");
        }
        byte[] vec = new byte[(int) pages];
        for (int done = 0; done < pages; ) {
            done += doMincore(task, start + ((long) done << PAGE_SHIFT), (int) pages - done, vec, done);
        }
        return vec;
    }

    /**
     * The {@code mincore} system call: writes the vector to user address {@code vec} of
     * {@code task}, one chunk at a time, so a hole (ENOMEM) or an unwritable vector (EFAULT) found
     * midway leaves the chunks before it written.
     */
    static void mincore(Task task, long start, long len, long vec) {
        Mm mm = task.mm;
        long pages = mincorePages(mm, start, len);
        long taskSize = mm.machine.config.taskSize();
        if (Long.compareUnsigned(vec, taskSize) > 0 || Long.compareUnsigned(pages, taskSize - vec) > 0) {
            throw Errno.EFAULT.exception();
        }
        byte[] chunk = new byte[CHUNK_PAGES];
        while (pages > 0) {
            int done = doMincore(task, start, (int) Math.min(pages, CHUNK_PAGES), chunk, 0);
            if (UserCopy.copyToUser(task, vec, chunk, 0, done) != 0) {
                throw Errno.EFAULT.exception();
            }
            pages -= done;
            vec += done;
            start += (long) done << PAGE_SHIFT;
        }
    }

    /** The checks of the {@code mincore} system call; returns the pages of the range. */
    private static long mincorePages(Mm mm, long start, long len) {
        if ((start & (PAGE_SIZE - 1)) != 0) {
            throw Errno.EINVAL.exception();
        }
        // access_ok: the range, its length taken unsigned, must end within the user address space
        long taskSize = mm.machine.config.taskSize();
        if (Long.compareUnsigned(start, taskSize) > 0 || Long.compareUnsigned(len, taskSize - start) > 0) {
            throw Errno.ENOMEM.exception();
        }
        return MmapCall.pageAlign(len) >>> PAGE_SHIFT;
    }

    /**
     * {@code do_mincore}: the residency of up to {@code pages} pages from {@code start}, within
     * the one VMA there, into {@code vec} from {@code off}; returns how many it did. ENOMEM if no
     * VMA is at {@code start}. A file the caller neither owns nor may write shows every page
     * resident ({@code can_do_mincore}).
     */
    private static int doMincore(Task task, long start, int pages, byte[] vec, int off) {
        Mm mm = task.mm;
        Vma vma = mm.vmaAt(start);
        if (vma == null) {
            throw Errno.ENOMEM.exception();
        }
        int count = (int) Math.min(pages, (vma.end - start) >>> PAGE_SHIFT);
        if (!OpenCalls.ownsOrMayWrite(task, vma)) {
            Arrays.fill(vec, off, off + count, (byte) 1);
            return count;
        }
        for (int i = 0; i < count; i++) {
            long va = start + ((long) i << PAGE_SHIFT);
            long pte = mm.pte(va);
            // pte_none_mostly: a PTE marker (guard, uffd-wp) is looked up in the page cache as an empty PTE is
            boolean empty = pte == 0 || PteMarkerLayout.bits(pte) != 0;
            // a swap entry counts when the swap cache holds its page (mincore_swap)
            boolean resident = PteLayout.isPresent(pte) || (Mm.isSwapEntry(pte) && mm.machine.swap.lookup(pte) != 0)
                    || (empty && vma.file != null && vma.file.isIncore(vma.pageIndex(va)));
            vec[off + i] = (byte) (resident ? 1 : 0);
        }
        return count;
    }
}
