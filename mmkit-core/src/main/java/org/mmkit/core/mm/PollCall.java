package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.PollfdLayout;
import org.mmkit.core.abi.Scalars;

/**
 * {@code poll} ({@code fs/select.c: do_sys_poll}): asks each file of an array of
 * {@code struct pollfd} in user memory which events are ready. The model never waits: no file of
 * the model becomes ready later, so where the kernel would sleep for the timeout and return 0,
 * the model returns 0 at once (a timeout of -1 would block the kernel forever).
 */
final class PollCall {
    private PollCall() {
    }

    /** {@code RLIMIT_NOFILE}: more entries than this are EINVAL. */
    static final long MAX_FDS = 1024;

    static long poll(Task task, long addr, long nfds) {
        if (Long.compareUnsigned(nfds, MAX_FDS) > 0) {
            throw Errno.EINVAL.exception();
        }
        byte[] fds = new byte[(int) nfds * PollfdLayout.SIZE];
        UserCopy.copyFromUserOrFault(task, addr, fds);
        int ready = 0;
        for (int at = 0; at < fds.length; at += PollfdLayout.SIZE) {
            int revents = revents(task, (int) Scalars.INT.read(fds, at + PollfdLayout.FD_OFFSET),
                    (int) Scalars.SHORT_FLAGS.read(fds, at + PollfdLayout.EVENTS_OFFSET) & 0xffff);
            Scalars.SHORT_FLAGS.write(fds, at + PollfdLayout.REVENTS_OFFSET, revents);
            if (revents != 0) {
                ready++;
            }
        }
        // the kernel writes back each revents; the rest of the array is unchanged
        for (int at = 0; at < fds.length; at += PollfdLayout.SIZE) {
            int left = UserCopy.copyToUser(task, addr + at + PollfdLayout.REVENTS_OFFSET, fds,
                    at + PollfdLayout.REVENTS_OFFSET, Scalars.SHORT_FLAGS.size());
            if (left != 0) {
                throw Errno.EFAULT.exception();
            }
        }
        return ready;
    }

    /** {@code do_pollfd}: a negative fd is skipped, a closed or O_PATH one ({@code fdget}) is POLLNVAL; errors and hang-ups are always reported. */
    private static int revents(Task task, int fd, int events) {
        if (fd < 0) {
            return 0;
        }
        OpenFile file = task.files.find(fd);
        return file == null || file.isPath() ? POLLNVAL : file.ops.poll(file) & (events | POLLERR | POLLHUP);
    }
}
