package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.lang.foreign.MemorySegment;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.mem.PhysicalMemory;

/**
 * {@code process_vm_readv} and {@code process_vm_writev} ({@code mm/process_vm_access.c}): bytes
 * move between iovecs of the caller and iovecs of another address space. The remote side is
 * pinned through GUP ({@code pin_user_pages_remote}: {@code FOLL_PIN|FOLL_REMOTE}, plus
 * {@code FOLL_WRITE} for a write, never {@code FOLL_FORCE}) up to {@link #MAX_PAGES_PER_LOOP}
 * pages at a time, then copied page by page to or from the local iovecs. The first failure ends
 * the call: the bytes moved before it are returned, or its errno when there were none.
 */
final class ProcessVmCalls {
    private ProcessVmCalls() {
    }

    /** {@code PVM_MAX_KMALLOC_PAGES / sizeof(struct page *)}: the most remote pages pinned at once. */
    static final int MAX_PAGES_PER_LOOP = (int) (2 * PAGE_SIZE / Long.BYTES);

    /**
     * {@code process_vm_rw}: flags first (EINVAL), then the local iovecs ({@code import_iovec});
     * nothing to move returns 0 before the remote iovecs are read; then the remote iovecs
     * ({@code iovec_from_user}), and only when they span a page the pid (ESRCH) and the access
     * rule (EPERM).
     */
    static long processVmRw(Task task, long pid, long localIov, long localCount, long remoteIov,
            long remoteCount, long flags, boolean write) {
        if (flags != 0) {
            throw Errno.EINVAL.exception();
        }
        IoVector local = IoVector.fromUser(task, localIov, localCount);
        if (local.count() == 0) {
            return 0;
        }
        IoVector remote = IoVector.iovecFromUser(task, remoteIov, remoteCount);
        if (!spansAPage(remote)) {
            return 0; // process_vm_rw_core: nr_pages == 0
        }
        Task target = task.machine.findTask((int) pid);
        if (target == null || target.mm == null) {
            throw Errno.ESRCH.exception(); // no such task, or mm_access of an exited one gives no mm
        }
        if (!task.ptraceMayAccess(target)) {
            throw Errno.EPERM.exception(); // mm_access's EACCES, turned into EPERM
        }
        long total = local.count();
        Errno error = null;
        for (int i = 0; i < remote.segments() && local.count() > 0 && error == null; i++) {
            error = singleVec(target.mm, remote.base(i), remote.length(i), local, write);
        }
        long copied = total - local.count();
        if (copied == 0 && error != null) {
            throw error.exception();
        }
        return copied;
    }

    /** Whether some remote iovec has a length ({@code nr_pages} of {@code process_vm_rw_core}). */
    private static boolean spansAPage(IoVector remote) {
        for (int i = 0; i < remote.segments(); i++) {
            if (remote.length(i) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code process_vm_rw_single_vec}: pins the pages of one remote iovec in batches and copies
     * each batch; returns the errno that ended it (EFAULT when no page of a batch could be pinned
     * or a local copy fell short), or null.
     */
    private static Errno singleVec(Mm mm, long addr, long len, IoVector local, boolean write) {
        if (len == 0) {
            return null;
        }
        long pageAddr = addr & PAGE_MASK;
        int offset = (int) (addr - pageAddr);
        long nrPages = Long.divideUnsigned(addr + len - 1, PAGE_SIZE) - Long.divideUnsigned(addr, PAGE_SIZE) + 1;
        int foll = Gup.FOLL_PIN | Gup.FOLL_REMOTE | (write ? Gup.FOLL_WRITE : 0);
        int[] pages = new int[MAX_PAGES_PER_LOOP];
        while (nrPages > 0 && local.count() > 0) {
            int pinned;
            try {
                pinned = Gup.getUserPages(mm, pageAddr, (int) Math.min(nrPages, MAX_PAGES_PER_LOOP), foll, pages, null);
            } catch (ErrnoException e) {
                return Errno.EFAULT;
            }
            long bytes = Math.min(pinned * PAGE_SIZE - offset, len);
            if (!copyPages(mm.memory, pages, offset, bytes, local, write)) {
                return Errno.EFAULT;
            }
            len -= bytes;
            offset = 0;
            nrPages -= pinned;
            pageAddr += pinned * PAGE_SIZE;
            if (write) {
                for (int i = 0; i < pinned; i++) {
                    mm.memory.set(pages[i], PhysicalMemory.PG_DIRTY); // unpin_user_pages_dirty_lock
                }
            }
        }
        return null;
    }

    /**
     * {@code process_vm_rw_pages}: copies {@code len} bytes from {@code offset} of the pinned
     * pages to or from the local iovecs; false when a local copy fell short with bytes still to
     * move.
     */
    private static boolean copyPages(PhysicalMemory memory, int[] pages, int offset, long len,
            IoVector local, boolean write) {
        byte[] chunk = new byte[(int) PAGE_SIZE];
        for (int i = 0; len > 0 && local.count() > 0; i++) {
            int length = (int) Math.min(PAGE_SIZE - offset, len);
            MemorySegment page = memory.contents(pages[i]);
            int copied;
            if (write) {
                copied = local.copyFrom(chunk, 0, length);
                MemorySegment.copy(MemorySegment.ofArray(chunk), 0, page, offset, copied);
            } else {
                MemorySegment.copy(page, offset, MemorySegment.ofArray(chunk), 0, length);
                copied = local.copyTo(chunk, 0, length);
            }
            len -= copied;
            if (copied < length && local.count() > 0) {
                return false;
            }
            offset = 0;
        }
        return true;
    }
}
