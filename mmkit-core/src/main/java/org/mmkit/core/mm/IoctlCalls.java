package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.Scalars;

/**
 * {@code ioctl} ({@code fs/ioctl.c}) and {@code fcntl} ({@code fs/fcntl.c}) on descriptors and
 * open files: the generic commands every file takes, then the file type's own ioctls.
 */
final class IoctlCalls {
    private IoctlCalls() {
    }

    /** {@code SYSCALL_DEFINE3(ioctl)} → {@code do_vfs_ioctl}, then {@code vfs_ioctl} for what it leaves. */
    static long ioctl(Task task, int fd, int cmd, long arg) {
        OpenFile file = task.file(fd);
        FileOperations ops = file.ops;
        switch (cmd) {
            case FIOCLEX, FIONCLEX -> task.files.setCloseOnExec(fd, cmd == FIOCLEX);
            case FIONBIO -> {
                // ioctl_fionbio
                boolean on = readInt(task, arg) != 0;
                file.flags = on ? file.flags | O_NONBLOCK : file.flags & ~O_NONBLOCK;
            }
            case FIOASYNC -> {
                // ioctl_fioasync: only a change of the flag needs ->fasync
                boolean on = readInt(task, arg) != 0;
                if (on != ((file.flags & O_ASYNC) != 0)) {
                    if (!ops.hasFasync()) {
                        throw Errno.ENOTTY.exception();
                    }
                    file.flags ^= O_ASYNC;
                }
            }
            case FIOQSIZE -> {
                if (!ops.isRegular()) {
                    throw Errno.ENOTTY.exception();
                }
                UserCopy.copyToUserOrFault(task, arg, Scalars.LOFF_T.bytes(ops.allocatedBytes()));
            }
            case FIONREAD -> {
                if (!ops.isRegular()) {
                    return ops.ioctl(task, file, cmd, arg);
                }
                // put_user of an int: the difference is truncated to 32 bits
                UserCopy.copyToUserOrFault(task, arg, Scalars.INT.bytes(ops.size() - file.pos));
            }
            default -> {
                return ops.ioctl(task, file, cmd, arg);
            }
        }
        return 0;
    }

    /** {@code get_user} of an int argument. */
    private static int readInt(Task task, long addr) {
        byte[] bytes = new byte[Scalars.INT.size()];
        UserCopy.copyFromUserOrFault(task, addr, bytes);
        return (int) Scalars.INT.read(bytes, 0);
    }

    /**
     * {@code do_fcntl} for the descriptor and status-flag queries (F_GETFD, F_SETFD, F_GETFL),
     * duplication (F_DUPFD, F_DUPFD_CLOEXEC: the lowest free descriptor at or above the argument,
     * EINVAL at or past RLIMIT_NOFILE) and the seals (F_ADD_SEALS, F_GET_SEALS: {@link Seals}).
     * An O_PATH descriptor takes only F_DUPFD*, F_GETFD, F_SETFD and F_GETFL ({@code check_fcntl_cmd}),
     * else EBADF. Other commands (locks…) are not modelled and give EINVAL, as unknown commands do.
     */
    static long fcntl(Task task, int fd, int cmd, long arg) {
        OpenFile file = task.files.getRaw(fd);
        boolean pathAllowed = cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD || cmd == F_SETFD || cmd == F_GETFL;
        if (file.isPath() && !pathAllowed) {
            throw Errno.EBADF.exception();
        }
        return switch (cmd) {
            case F_GETFD -> task.files.closeOnExec(fd) ? FD_CLOEXEC : 0;
            case F_SETFD -> {
                task.files.setCloseOnExec(fd, (arg & FD_CLOEXEC) != 0);
                yield 0;
            }
            case F_GETFL -> file.flags;
            case F_SETFL -> {
                setStatusFlags(file, (int) arg);
                yield 0;
            }
            case F_DUPFD, F_DUPFD_CLOEXEC -> {
                int from = (int) arg;
                if (arg < 0 || arg >= task.files.limit()) {
                    throw Errno.EINVAL.exception();
                }
                yield task.files.installFrom(from, file.get(), cmd == F_DUPFD_CLOEXEC);
            }
            case F_ADD_SEALS, F_GET_SEALS -> Seals.fcntl(file, cmd, arg);
            default -> throw Errno.EINVAL.exception();
        };
    }

    /** The status flags F_SETFL may change ({@code SETFL_MASK}); FASYNC changes through {@code ->fasync}. */
    private static final int SETFL_MASK = O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME;

    /**
     * {@code setfl}: O_DIRECT needs {@code FMODE_CAN_ODIRECT} (EINVAL) except on a pipe, where it
     * would switch packet mode; O_ASYNC changes only where the file has {@code ->fasync}, and is
     * silently kept otherwise; other bits than {@link #SETFL_MASK} are ignored.
     */
    private static void setStatusFlags(OpenFile file, int arg) {
        if ((arg & O_NOATIME) != 0 && (file.flags & O_NOATIME) == 0) {
            // inode_owner_or_capable: the model keeps no file owners
            throw new UnsupportedOperationException("setting O_NOATIME is not modelled (file owners are not)");
        }
        FileOperations ops = file.ops;
        if (ops.isStream()) {
            if (((arg ^ file.flags) & O_DIRECT) != 0) {
                throw new UnsupportedOperationException("pipe packet mode (O_DIRECT) is not modelled");
            }
        } else if ((arg & O_DIRECT) != 0 && !ops.canDirectIo()) {
            throw Errno.EINVAL.exception();
        }
        if (((arg ^ file.flags) & O_ASYNC) != 0 && ops.hasFasync()) {
            file.flags ^= O_ASYNC;
        }
        file.flags = (arg & SETFL_MASK) | (file.flags & ~SETFL_MASK);
    }
}
