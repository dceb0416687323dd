package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

/**
 * A pidfd ({@code fs/pidfs.c}): a file that refers to a process. It has no read, write or mmap;
 * poll reports the process's exit ({@code pidfd_poll}).
 */
final class PidfdFileOperations implements FileOperations {
    /** The process the descriptor refers to; it may have exited since. */
    final Task task;

    PidfdFileOperations(Task task) {
        this.task = task;
    }

    /** Whether the process still exists: the model reaps at exit, so an exited process has no task. */
    boolean alive() {
        return task.machine.tasks.contains(task);
    }

    /** pidfs is {@code SB_I_NOEXEC}: an executable mapping is EPERM before the missing mmap is ENODEV. */
    @Override
    public boolean noexec() {
        return true;
    }

    /** {@code pidfd_poll}: nothing while the process runs; readable and hung up once it is gone. */
    @Override
    public int poll(OpenFile file) {
        return alive() ? 0 : POLLIN | POLLRDNORM | POLLHUP;
    }
}
