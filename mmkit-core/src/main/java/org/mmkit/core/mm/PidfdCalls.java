package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * {@code pidfd_open} and {@code pidfd_getfd} ({@code kernel/pid.c}), and {@code process_mrelease}
 * ({@code mm/oom_kill.c}).
 */
final class PidfdCalls {
    private PidfdCalls() {
    }

    /** {@code pidfd_open}: a close-on-exec, read-write descriptor of the process {@code pid}. */
    static int pidfdOpen(Task task, long pid, long flags) {
        if ((flags & ~(long) (PIDFD_NONBLOCK | PIDFD_THREAD)) != 0) {
            throw Errno.EINVAL.exception();
        }
        if ((int) pid <= 0) {
            throw Errno.EINVAL.exception(); // pid_t: the upper half of the register is not looked at
        }
        Task target = task.machine.findTask((int) pid);
        if (target == null) {
            throw Errno.ESRCH.exception();
        }
        OpenFile file = new OpenFile(new PidfdFileOperations(target), O_RDWR | (int) (flags & PIDFD_NONBLOCK));
        return task.files.install(file, true);
    }

    /**
     * {@code pidfd_getfd} ({@code kernel/pid.c}): a close-on-exec descriptor of {@code task} for
     * the file that descriptor {@code fd} of the process {@code pidfd} refers to has open, the
     * same open file (its mode, position and opener stay what they were). EINVAL for flags,
     * EBADF unless {@code pidfd} is a pidfd, ESRCH once the process is gone, EPERM unless the
     * caller may ptrace it ({@code PTRACE_MODE_ATTACH_REALCREDS}, {@link Task#ptraceMayAccess}),
     * EBADF for a descriptor it has not open.
     */
    static int pidfdGetfd(Task task, int pidfd, int fd, long flags) {
        if ((int) flags != 0) {
            throw Errno.EINVAL.exception(); // unsigned int: the upper half is not looked at
        }
        PidfdFileOperations process = pidfd(task, pidfd);
        if (!process.alive()) {
            throw Errno.ESRCH.exception();
        }
        if (!task.ptraceMayAccess(process.task)) {
            throw Errno.EPERM.exception();
        }
        OpenFile file = process.task.files.find(fd);
        if (file == null || file.isPath()) {
            throw Errno.EBADF.exception(); // fget_task takes no O_PATH file
        }
        return task.files.install(file.get(), true);
    }

    /**
     * {@code process_mrelease}: reaps the memory of a process that is exiting. No model process
     * is ever caught between its kill and its exit, so a live process is EINVAL (its memory will
     * not be freed) and an exited one ESRCH (pidfd_get_task finds no task).
     */
    static void processMrelease(Task task, int pidfd, long flags) {
        if (flags != 0) {
            throw Errno.EINVAL.exception();
        }
        throw (pidfd(task, pidfd).alive() ? Errno.EINVAL : Errno.ESRCH).exception();
    }

    /** The process a descriptor refers to ({@code pidfd_get_task}): EBADF unless it is an open pidfd. */
    static PidfdFileOperations pidfd(Task task, int pidfd) {
        if (!(task.file(pidfd).ops instanceof PidfdFileOperations process)) {
            throw Errno.EBADF.exception();
        }
        return process;
    }
}
