package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.IovecLayout;
import org.mmkit.core.abi.Scalars;

/**
 * The user buffers of one read or write ({@code struct iov_iter} over user iovecs,
 * {@code lib/iov_iter.c}): segments copied in order, each through {@link UserCopy}, so a fault
 * stops the copy at the first byte it could not move and later segments are not touched.
 * Guarded by the machine lock (used inside one system call).
 */
final class IoVector {
    private final Task task;
    private final long[] bases;
    private final long[] lengths;
    /** The segment the next byte goes to or comes from, and the offset in it. */
    private int segment;
    private long offset;
    /** Bytes not yet copied. */
    private long remaining;

    private IoVector(Task task, long[] bases, long[] lengths) {
        this.task = task;
        this.bases = bases;
        this.lengths = lengths;
        for (long length : lengths) {
            remaining += length;
        }
    }

    /** {@code import_ubuf}: one buffer, already checked ({@code access_ok}) and clamped by the caller. */
    static IoVector single(Task task, long addr, long len) {
        return new IoVector(task, new long[] {addr}, new long[] {len});
    }

    /**
     * {@code import_iovec}: reads {@code count} {@code struct iovec} at {@code addr}. More than
     * {@link org.mmkit.core.Uapi#UIO_MAXIOV} is EINVAL, an array that cannot be read EFAULT, a
     * length negative as {@code ssize_t} EINVAL; then each buffer must lie below the task size
     * (EFAULT), and lengths past {@link ReadWriteCalls#MAX_RW_COUNT} in total are cut there.
     */
    static IoVector fromUser(Task task, long addr, long count) {
        IoVector vector = iovecFromUser(task, addr, count);
        long[] bases = vector.bases;
        long[] lengths = vector.lengths;
        long total = 0;
        for (int i = 0; i < bases.length; i++) {
            if (!ReadWriteCalls.accessOk(task, bases[i], lengths[i])) {
                throw Errno.EFAULT.exception();
            }
            lengths[i] = Math.min(lengths[i], ReadWriteCalls.MAX_RW_COUNT - total);
            total += lengths[i];
        }
        return new IoVector(task, bases, lengths);
    }

    /**
     * {@code iovec_from_user}: the {@code count} {@code struct iovec} at {@code addr}, as they
     * are. More than {@link org.mmkit.core.Uapi#UIO_MAXIOV} is EINVAL, an array that cannot be
     * read EFAULT, a length negative as {@code ssize_t} EINVAL; the buffers are not checked.
     */
    static IoVector iovecFromUser(Task task, long addr, long count) {
        if (Long.compareUnsigned(count, UIO_MAXIOV) > 0) {
            throw Errno.EINVAL.exception();
        }
        int n = (int) count;
        byte[] array = new byte[n * IovecLayout.SIZE];
        UserCopy.copyFromUserOrFault(task, addr, array);
        long[] bases = new long[n];
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) {
            bases[i] = Scalars.U64.read(array, i * IovecLayout.SIZE + IovecLayout.BASE_OFFSET);
            lengths[i] = Scalars.U64.read(array, i * IovecLayout.SIZE + IovecLayout.LEN_OFFSET);
            if (lengths[i] < 0) {
                throw Errno.EINVAL.exception(); // copy_iovec_from_user
            }
        }
        return new IoVector(task, bases, lengths);
    }

    /** How many segments the vector has. */
    int segments() {
        return bases.length;
    }

    /** The start address of segment {@code i}. */
    long base(int i) {
        return bases[i];
    }

    /** The length of segment {@code i}. */
    long length(int i) {
        return lengths[i];
    }

    /** {@code iov_iter_count}: the bytes left to copy. */
    long count() {
        return remaining;
    }

    /** {@code copy_to_iter}: copies {@code n} bytes of {@code src} from {@code off} out; returns the bytes copied. */
    int copyTo(byte[] src, int off, int n) {
        return copy(src, off, n, true);
    }

    /** {@code copy_from_iter}: copies up to {@code n} bytes into {@code dst} from {@code off}; returns the bytes copied. */
    int copyFrom(byte[] dst, int off, int n) {
        return copy(dst, off, n, false);
    }

    private int copy(byte[] buffer, int off, int n, boolean toUser) {
        int done = 0;
        while (done < n && remaining > 0) {
            if (offset == lengths[segment]) {
                segment++;
                offset = 0;
                continue;
            }
            int chunk = (int) Math.min(n - done, lengths[segment] - offset);
            long at = bases[segment] + offset;
            int missed = toUser ? UserCopy.copyToUser(task, at, buffer, off + done, chunk)
                    : UserCopy.copyFromUser(task, at, buffer, off + done, chunk);
            int moved = chunk - missed;
            done += moved;
            offset += moved;
            remaining -= moved;
            if (missed > 0) {
                break;
            }
        }
        return done;
    }
}
