package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * {@code read}, {@code write} and {@code lseek} ({@code fs/read_write.c}): the checks every file
 * gets, then the file type's own operation at the open file's position. Every file the model
 * opens is read-write, so the access-mode checks ({@code FMODE_READ}/{@code FMODE_WRITE}, EBADF)
 * come with the first file type that is not.
 */
final class ReadWriteCalls {
    private ReadWriteCalls() {
    }

    /** {@code MAX_RW_COUNT}: one call moves at most this many bytes. */
    static final long MAX_RW_COUNT = Integer.MAX_VALUE & -PAGE_SIZE;

    /** {@code ksys_read} → {@code vfs_read}. */
    static long read(Task task, int fd, long addr, long len) {
        OpenFile file = task.file(fd);
        long count = checkTransfer(task, file, addr, len);
        return file.ops.read(task, file, addr, count);
    }

    /** {@code ksys_write} → {@code vfs_write}. */
    static long write(Task task, int fd, long addr, long len) {
        OpenFile file = task.file(fd);
        long count = checkTransfer(task, file, addr, len);
        return file.ops.write(task, file, addr, count);
    }

    /**
     * {@code access_ok} (EFAULT when the buffer wraps or ends above the task size), then
     * {@code rw_verify_area} (EINVAL when the position would overflow); returns the count clamped
     * to {@link #MAX_RW_COUNT}.
     */
    private static long checkTransfer(Task task, OpenFile file, long addr, long len) {
        long end = addr + len;
        if (Long.compareUnsigned(end, addr) < 0 || Long.compareUnsigned(end, task.machine.config.taskSize()) > 0) {
            throw Errno.EFAULT.exception();
        }
        if (file.pos + len < 0) {
            throw Errno.EINVAL.exception();
        }
        return Math.min(len, MAX_RW_COUNT);
    }

    /** {@code ksys_lseek}: whence beyond SEEK_HOLE is EINVAL before the file type sees it. */
    static long lseek(Task task, int fd, long offset, int whence) {
        OpenFile file = task.file(fd);
        if (Integer.compareUnsigned(whence, SEEK_HOLE) > 0) {
            throw Errno.EINVAL.exception();
        }
        return file.ops.llseek(file, offset, whence);
    }
}
