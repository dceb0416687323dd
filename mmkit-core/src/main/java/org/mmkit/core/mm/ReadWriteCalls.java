package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * {@code read}, {@code write}, their positional and vector forms, and {@code lseek}
 * ({@code fs/read_write.c}): the checks every file gets, then the file type's own operation at
 * the open file's position (or the caller's offset). The descriptor must be open and not O_PATH
 * (EBADF), and open for reading or writing as the call needs (EBADF).
 */
final class ReadWriteCalls {
    private ReadWriteCalls() {
    }

    /** {@code MAX_RW_COUNT}: one call moves at most this many bytes. */
    static final long MAX_RW_COUNT = Integer.MAX_VALUE & -PAGE_SIZE;

    /** {@code ksys_read} → {@code vfs_read}. */
    static long read(Task task, int fd, long addr, long len) {
        OpenFile file = task.file(fd);
        return transfer(task, file, false, null, addr, len);
    }

    /** {@code ksys_write} → {@code vfs_write}. */
    static long write(Task task, int fd, long addr, long len) {
        OpenFile file = task.file(fd);
        return transfer(task, file, true, null, addr, len);
    }

    /** {@code ksys_pread64}: a negative offset is EINVAL before the descriptor is looked up; a stream is ESPIPE. */
    static long pread(Task task, int fd, long addr, long len, long offset) {
        return transfer(task, positional(task, fd, offset), false, offset, addr, len);
    }

    /** {@code ksys_pwrite64}, as {@link #pread}. */
    static long pwrite(Task task, int fd, long addr, long len, long offset) {
        return transfer(task, positional(task, fd, offset), true, offset, addr, len);
    }

    /** {@code do_readv} → {@code vfs_readv}. */
    static long readv(Task task, int fd, long iov, long count) {
        return vector(task, task.file(fd), false, null, iov, count);
    }

    /** {@code do_writev} → {@code vfs_writev}. */
    static long writev(Task task, int fd, long iov, long count) {
        return vector(task, task.file(fd), true, null, iov, count);
    }

    /** {@code do_preadv}: offset checks as {@link #pread}. */
    static long preadv(Task task, int fd, long iov, long count, long offset) {
        return vector(task, positional(task, fd, offset), false, offset, iov, count);
    }

    /** {@code do_pwritev}: offset checks as {@link #pread}. */
    static long pwritev(Task task, int fd, long iov, long count, long offset) {
        return vector(task, positional(task, fd, offset), true, offset, iov, count);
    }

    /** The file of a positional call: EINVAL for a negative offset, EBADF, then ESPIPE for a stream. */
    private static OpenFile positional(Task task, int fd, long offset) {
        if (offset < 0) {
            throw Errno.EINVAL.exception();
        }
        OpenFile file = task.file(fd);
        if (file.ops.isStream()) {
            throw Errno.ESPIPE.exception();
        }
        return file;
    }

    /**
     * {@code vfs_read}/{@code vfs_write}: the access mode (EBADF), {@code access_ok} (EFAULT when
     * the buffer wraps or ends above the task size), {@code rw_verify_area} (EINVAL when the
     * position would overflow); the count is clamped to {@link #MAX_RW_COUNT}.
     */
    private static long transfer(Task task, OpenFile file, boolean write, Long offset, long addr, long len) {
        checkMode(file, write);
        if (!accessOk(task, addr, len)) {
            throw Errno.EFAULT.exception();
        }
        verifyArea(file, offset, len);
        return perform(task, file, write, offset, IoVector.single(task, addr, Math.min(len, MAX_RW_COUNT)));
    }

    /**
     * {@code vfs_readv}/{@code vfs_writev}: the access mode (EBADF), then the iovecs
     * ({@link IoVector#fromUser}); nothing to move returns 0 before {@code rw_verify_area}.
     */
    private static long vector(Task task, OpenFile file, boolean write, Long offset, long iov, long count) {
        checkMode(file, write);
        IoVector buffers = IoVector.fromUser(task, iov, count);
        if (buffers.count() == 0) {
            return 0;
        }
        verifyArea(file, offset, buffers.count());
        return perform(task, file, write, offset, buffers);
    }

    private static void checkMode(OpenFile file, boolean write) {
        if (write ? !file.writable() : !file.readable()) {
            throw Errno.EBADF.exception();
        }
    }

    /** {@code rw_verify_area}: a count negative as {@code ssize_t}, or a position that would overflow, is EINVAL. */
    private static void verifyArea(OpenFile file, Long offset, long count) {
        if (file.ops.isStream()) {
            return;
        }
        long pos = offset != null ? offset : file.pos;
        if (count < 0 || pos + count < 0) {
            throw Errno.EINVAL.exception();
        }
    }

    /** The file type's read or write at the file's position (then moved) or at {@code offset}. */
    private static long perform(Task task, OpenFile file, boolean write, Long offset, IoVector buffers) {
        Kiocb kiocb = new Kiocb(offset != null ? offset : file.pos, (file.flags & O_APPEND) != 0);
        long done = write ? file.ops.write(task, file, kiocb, buffers) : file.ops.read(task, file, kiocb, buffers);
        if (offset == null && !file.ops.isStream()) {
            file.pos = kiocb.pos;
        }
        return done;
    }

    /** {@code access_ok}: the range neither wraps nor ends above the task size. */
    static boolean accessOk(Task task, long addr, long len) {
        long end = addr + len;
        return Long.compareUnsigned(end, addr) >= 0 && Long.compareUnsigned(end, task.machine.config.taskSize()) <= 0;
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
