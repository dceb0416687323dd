package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.PollfdLayout;
import org.mmkit.core.abi.Scalars;

/**
 * {@code poll} ({@code fs/select.c: do_sys_poll}): asks each file of an array of
 * {@code struct pollfd} in user memory which events are ready. With none ready, a negative
 * timeout sleeps until one is ({@link Machine#pollWait}, woken by every change of a pipe and by
 * every exit); a positive one returns 0 at once, as the kernel does when the time passes: the
 * model has no clock, so a file that becomes ready within the time is not seen.
 */
final class PollCall {
    private PollCall() {
    }

    /** {@code RLIMIT_NOFILE}: more entries than this are EINVAL. */
    static final long MAX_FDS = 1024;

    static long poll(Task task, long addr, long nfds, int timeoutMs) {
        if (Long.compareUnsigned(nfds, MAX_FDS) > 0) {
            throw Errno.EINVAL.exception();
        }
        byte[] fds = new byte[(int) nfds * PollfdLayout.SIZE];
        UserCopy.copyFromUserOrFault(task, addr, fds);
        if (scan(task, fds) == 0 && timeoutMs < 0) {
            task.machine.pollWait.waitEventLocked(task, () -> scan(task, fds) > 0);
        }
        int ready = scan(task, fds);
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

    /** {@code do_poll}'s pass over the files: sets each revents in {@code fds}; returns how many are nonzero. */
    private static int scan(Task task, byte[] fds) {
        int ready = 0;
        for (int at = 0; at < fds.length; at += PollfdLayout.SIZE) {
            int revents = revents(task, (int) Scalars.INT.read(fds, at + PollfdLayout.FD_OFFSET),
                    (int) Scalars.SHORT_FLAGS.read(fds, at + PollfdLayout.EVENTS_OFFSET) & 0xffff);
            Scalars.SHORT_FLAGS.write(fds, at + PollfdLayout.REVENTS_OFFSET, revents);
            if (revents != 0) {
                ready++;
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
