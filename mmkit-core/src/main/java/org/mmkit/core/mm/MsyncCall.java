package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * {@code msync} ({@code mm/msync.c}). Every file the model maps is shmem, whose {@code fsync} does
 * nothing ({@code noop_fsync}: there is no writeback, so PTE and page dirty bits stay as they
 * are); what remains observable are the argument checks, EBUSY for MS_INVALIDATE on a locked VMA,
 * and ENOMEM for holes.
 */
final class MsyncCall {
    private MsyncCall() {
    }

    /** The flags msync knows. */
    private static final int KNOWN_FLAGS = MS_ASYNC | MS_INVALIDATE | MS_SYNC;

    /**
     * The msync system call. The flags are the kernel's {@code int}; the length is rounded up to
     * pages, wrapping as the kernel's unsigned arithmetic does. A hole in the range is ENOMEM: at
     * once for plain MS_ASYNC, otherwise after the VMAs beyond it were done, unless a later VMA
     * gives its own error (EBUSY) first.
     */
    static void msync(Mm mm, long start, long len, int flags) {
        if ((flags & ~KNOWN_FLAGS) != 0 || (start & (PAGE_SIZE - 1)) != 0
                || ((flags & MS_ASYNC) != 0 && (flags & MS_SYNC) != 0)) {
            throw Errno.EINVAL.exception();
        }
        long end = start + MmapCall.pageAlign(len);
        if (Long.compareUnsigned(end, start) < 0) {
            throw Errno.ENOMEM.exception();
        }
        boolean unmapped = false;
        while (start != end) {
            Vma vma = mm.findVma(start);
            if (vma == null) {
                throw Errno.ENOMEM.exception();
            }
            if (start < vma.start) {
                if (flags == MS_ASYNC || Long.compareUnsigned(vma.start, end) >= 0) {
                    throw Errno.ENOMEM.exception();
                }
                start = vma.start;
                unmapped = true;
            }
            if ((flags & MS_INVALIDATE) != 0 && vma.has(VmFlags.LOCKED)) {
                throw Errno.EBUSY.exception();
            }
            // MS_SYNC of a shared file mapping is vfs_fsync_range, which shmem answers with 0
            start = MmapCall.minAddress(vma.end, end);
        }
        if (unmapped) {
            throw Errno.ENOMEM.exception();
        }
    }
}
