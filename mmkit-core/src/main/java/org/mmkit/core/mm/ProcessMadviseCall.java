package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;

/**
 * {@code process_madvise} ({@code mm/madvise.c}): {@link AdviseCall#madvise} over the ranges of
 * an iovec array, in the address space of the process a pidfd refers to.
 */
final class ProcessMadviseCall {
    private ProcessMadviseCall() {
    }

    /**
     * {@code process_madvise}: flags (EINVAL), the iovecs ({@code import_iovec}), the pidfd
     * (EBADF, ESRCH), {@code mm_access} with {@code PTRACE_MODE_READ} (EACCES); for another
     * address space only {@link #remoteValid} advice (EINVAL) and only with CAP_SYS_NICE, which
     * privileged processes hold (EPERM). Then {@code vector_madvise}: the ranges in order while bytes are left (the first, and every
     * non-empty one), each as madvise would take it; the first failure ends the call, which returns the bytes of the
     * ranges before it, or its errno when there were none.
     */
    static long processMadvise(Task task, int pidfd, long vec, long vlen, int advice, long flags) {
        if ((int) flags != 0) {
            throw Errno.EINVAL.exception(); // unsigned int: the upper half of the register is not looked at
        }
        IoVector ranges = IoVector.fromUser(task, vec, vlen);
        PidfdFileOperations process = PidfdCalls.pidfd(task, pidfd);
        Task target = process.task;
        if (target.mm == null || !process.alive()) {
            throw Errno.ESRCH.exception();
        }
        if (!task.ptraceMayAccess(target)) {
            throw Errno.EACCES.exception();
        }
        if (target.mm != task.mm) {
            if (!remoteValid(advice)) {
                throw Errno.EINVAL.exception();
            }
            if (!task.privileged) {
                throw Errno.EPERM.exception();
            }
        }
        long advised = 0;
        for (int i = 0; i < ranges.segments() && advised < ranges.count(); i++) {
            if (i > 0 && ranges.length(i) == 0) {
                continue; // iov_iter_advance steps over empty iovecs after the first
            }
            try {
                AdviseCall.madvise(task, target.mm, ranges.base(i), ranges.length(i), advice);
            } catch (ErrnoException e) {
                if (advised == 0) {
                    throw e;
                }
                break;
            }
            advised += ranges.length(i);
        }
        return advised;
    }

    /** {@code process_madvise_remote_valid}: the advice one process may give about another's memory. */
    private static boolean remoteValid(int advice) {
        return switch (advice) {
            case MADV_COLD, MADV_PAGEOUT, MADV_WILLNEED, MADV_COLLAPSE -> true;
            default -> false;
        };
    }
}
