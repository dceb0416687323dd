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
     * {@code do_fcntl} for the descriptor and status-flag queries (F_GETFD, F_SETFD, F_GETFL) and
     * the seals (F_ADD_SEALS, F_GET_SEALS: {@link Seals}). Other commands (F_DUPFD, F_SETFL,
     * locks…) are not modelled and give EINVAL, as unknown commands do.
     */
    static long fcntl(Task task, int fd, int cmd, long arg) {
        OpenFile file = task.file(fd);
        return switch (cmd) {
            case F_GETFD -> task.files.closeOnExec(fd) ? FD_CLOEXEC : 0;
            case F_SETFD -> {
                task.files.setCloseOnExec(fd, (arg & FD_CLOEXEC) != 0);
                yield 0;
            }
            case F_GETFL -> file.flags;
            case F_ADD_SEALS, F_GET_SEALS -> Seals.fcntl(file, cmd, arg);
            default -> throw Errno.EINVAL.exception();
        };
    }
}
