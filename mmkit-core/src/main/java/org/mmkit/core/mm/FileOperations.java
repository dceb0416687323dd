package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * What one kind of file does ({@code struct file_operations}, plus the few inode facts the
 * generic VFS code asks for): shmem today; userfaultfd, the pagemap file, pidfds and hugetlbfs
 * files next. Each default is what the VFS answers when a file type leaves the operation out.
 * Called with the machine lock held.
 */
interface FileOperations {
    /** {@code DEFAULT_POLLMASK}: a file without {@code ->poll} is always ready to read and write. */
    int DEFAULT_POLLMASK = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;

    /**
     * {@code ->read_iter}: reads at most {@code buffer.count()} bytes at {@code kiocb.pos} into
     * the user buffers and advances the position. Returns the bytes read; throws EFAULT when the
     * buffer took none. A type without read: EINVAL ({@code FMODE_CAN_READ} unset).
     */
    default long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        throw Errno.EINVAL.exception();
    }

    /** {@code ->write_iter}, as {@link #read} the other way. */
    default long write(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        throw Errno.EINVAL.exception();
    }

    /**
     * Whether the file is a stream ({@code stream_open}: no {@code FMODE_PREAD}/{@code FMODE_PWRITE}):
     * {@code pread}, {@code pwrite}, {@code preadv} and {@code pwritev} give ESPIPE, and
     * {@code read}/{@code write} use no position.
     */
    default boolean isStream() {
        return false;
    }

    /**
     * {@code ->unlocked_ioctl}, for commands the generic {@code do_vfs_ioctl} does not take;
     * {@code -ENOIOCTLCMD} (ENOTTY to the caller) when the type has none.
     */
    default long ioctl(Task task, OpenFile file, int cmd, long arg) {
        throw Errno.ENOTTY.exception();
    }

    /** {@code ->poll}: the events ready now ({@code POLL*} bits). */
    default int poll(OpenFile file) {
        return DEFAULT_POLLMASK;
    }

    /** {@code ->llseek}; a type that cannot seek has no {@code FMODE_LSEEK}: ESPIPE. */
    default long llseek(OpenFile file, long offset, int whence) {
        throw Errno.ESPIPE.exception();
    }

    /** {@code ->fasync}: whether the type can signal I/O readiness (FIOASYNC, F_SETFL). */
    default boolean hasFasync() {
        return false;
    }

    /** {@code FMODE_CAN_ODIRECT}: the open file may take {@code O_DIRECT}. */
    default boolean canDirectIo() {
        return false;
    }

    /** {@code ->release}: the last reference to the open file is gone. */
    default void release() {
    }

    /** {@code path_noexec}: the file lies on a mount that forbids exec ({@code SB_I_NOEXEC}: procfs, pipefs, pidfs). */
    default boolean noexec() {
        return false;
    }

    /** {@code S_ISREG} and not an anonymous inode: FIONREAD, FIOQSIZE and ftruncate apply. */
    default boolean isRegular() {
        return false;
    }

    /**
     * {@code ->setattr} with {@code ATTR_SIZE}: ftruncate of a regular file opened for writing.
     * Only files that are {@link #isRegular} are asked.
     */
    default void truncate(long length) {
        throw new IllegalStateException("ftruncate reached a file that is not regular");
    }

    /** {@code i_size_read}. */
    default long size() {
        return 0;
    }

    /** {@code inode_get_bytes}: the bytes the file's blocks take. */
    default long allocatedBytes() {
        return 0;
    }

    /** {@code st_blksize}: the block size of the file's super block; a page (tmpfs, pipefs) by default. */
    default long blockSize() {
        return PAGE_SIZE;
    }

    /** {@code getattr}: what {@code fstat} reports of the file's inode; an anonymous inode by default. */
    default StatCall.Attributes attributes() {
        return new StatCall.Attributes(0, 0600, 1, 0, size(), allocatedBytes());
    }
}
