package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.Scalars;

/**
 * An anonymous pipe ({@code fs/pipe.c}, {@code struct pipe_inode_info}): a ring of at most 16
 * page-sized buffers between a read end and a write end, each end a {@link FileOperations}
 * ({@link End}). Reads and writes copy through {@link IoVector}, so their buffers may fault: a
 * read that faults leaves the bytes in the pipe, a write that faults adds none of the page it was
 * filling. Without {@code O_NONBLOCK}, a read of an empty pipe that still has writers sleeps
 * until bytes arrive or the last writer closes, and a write to a full pipe sleeps until a slot is
 * free or the last reader closes ({@link WaitQueue#waitEventLocked}, as {@code pipe_read} and
 * {@code pipe_write} wait on {@code rd_wait} and {@code wr_wait}); every change wakes every
 * sleeper of the pipe, which checks again (the kernel wakes exclusive waiters one at a time,
 * oldest first; the first woken here has the lock first, so the same thread goes on). A write with
 * no reader left fails with EPIPE; the process does not get SIGPIPE, because the kernel backend's
 * executor ignores it and the model's processes are taken to do the same. Guarded by the machine
 * lock, which a copy whose fault sleeps releases; a read or write also holds the pipe's own mutex
 * ({@code pipe->mutex}) from start to end except while it waits for bytes or room, so such a copy
 * keeps the other readers and writers out, as in the kernel.
 */
final class Pipe {
    /** {@code PIPE_DEF_BUFFERS}: the ring's slots. */
    private static final int SLOTS = 16;
    private static final int PIPE_FLAGS = O_CLOEXEC | O_NONBLOCK;

    /** One slot of the ring ({@code struct pipe_buffer}): bytes [offset, offset + len) of a page. */
    private static final class Buffer {
        final byte[] page = new byte[(int) PAGE_SIZE];
        int offset;
        int len;
    }

    /** The ring ({@code bufs}, {@code head}, {@code tail}): the oldest buffer first. */
    private final ArrayDeque<Buffer> ring = new ArrayDeque<>();
    /** Open read ends and write ends ({@code readers}, {@code writers}). */
    private int readers = 1;
    private int writers = 1;
    private final long inode;
    private final int owner;
    /** {@code rd_wait}: readers waiting for bytes or for the last writer to close. */
    private final WaitQueue readWait;
    /** {@code wr_wait}: writers waiting for a free slot or for the last reader to close. */
    private final WaitQueue writeWait;
    /** Where {@code poll} sleeps ({@link Machine#pollWait}), woken by every change too. */
    private final WaitQueue pollWait;
    /** {@code pipe->mutex}: the thread whose read or write holds the pipe, or null. */
    private CpuThread holder;
    /** Readers and writers waiting for {@link #holder} to let go. */
    private final WaitQueue mutexWait;

    private Pipe(Machine machine, int owner) {
        this.inode = machine.allocateInode();
        this.owner = owner;
        this.readWait = new WaitQueue(machine);
        this.writeWait = new WaitQueue(machine);
        this.pollWait = machine.pollWait;
        this.mutexWait = new WaitQueue(machine);
    }

    /**
     * {@code do_pipe2}: flags beyond O_CLOEXEC and O_NONBLOCK are EINVAL (O_DIRECT's packet mode
     * and notification pipes are not modelled); the two descriptors, read end first, are written
     * as two {@code int} at {@code fds}; if that faults they are not installed (EFAULT).
     */
    static void pipe2(Task task, long fds, int flags) {
        if ((flags & ~PIPE_FLAGS) != 0) {
            if ((flags & ~(PIPE_FLAGS | O_DIRECT | O_NOTIFICATION_PIPE)) == 0) {
                throw new UnsupportedOperationException("pipe2 with O_DIRECT or O_NOTIFICATION_PIPE is not modelled");
            }
            throw Errno.EINVAL.exception();
        }
        Pipe pipe = new Pipe(task.machine, task.fsuid());
        OpenFile read = new OpenFile(pipe.new End(true, false), O_RDONLY | (flags & O_NONBLOCK));
        OpenFile write = new OpenFile(pipe.new End(false, true), O_WRONLY | (flags & O_NONBLOCK));
        boolean cloexec = (flags & O_CLOEXEC) != 0;
        int readFd = task.files.install(read, cloexec);
        int writeFd;
        try {
            writeFd = task.files.install(write, cloexec);
        } catch (RuntimeException e) {
            task.files.close(readFd); // EMFILE for the second descriptor: neither is installed
            throw e;
        }
        byte[] pair = new byte[8];
        Scalars.INT.write(pair, 0, readFd);
        Scalars.INT.write(pair, 4, writeFd);
        if (UserCopy.copyToUser(task, fds, pair, 0, pair.length) != 0) {
            task.files.close(writeFd);
            task.files.close(readFd);
            throw Errno.EFAULT.exception();
        }
    }

    /**
     * {@code fifo_open} of the pipe through the magic link {@code /proc/PID/fd/N} to one of its
     * ends: a new end reading, writing or both as {@code flags}' access mode says, counted as a
     * reader and/or a writer (EINVAL for access mode 3, which does neither). An anonymous pipe never
     * waits for its partner, as a named FIFO would. An O_PATH open only names the pipe.
     */
    OpenFile open(int flags) {
        OpenFile file;
        if ((flags & O_PATH) != 0) {
            file = new OpenFile(new End(false, false), flags);
        } else {
            file = new OpenFile(new End((flags & O_ACCMODE) != O_WRONLY, (flags & O_ACCMODE) != O_RDONLY), flags);
            if (!file.readable() && !file.writable()) {
                throw Errno.EINVAL.exception();
            }
            readers += file.readable() ? 1 : 0;
            writers += file.writable() ? 1 : 0;
        }
        return file;
    }

    private boolean full() {
        return ring.size() >= SLOTS;
    }

    /** {@code __pipe_lock}: waits until no other call holds the pipe, then holds it as the calling thread. */
    private void lock(Task task) {
        mutexWait.waitEventLocked(task, () -> holder == null);
        holder = task.currentThread();
    }

    /** {@code __pipe_unlock}, if the calling thread holds the pipe (a sleep its exit ended does not). */
    private void unlock(Task task) {
        if (holder == task.currentThread()) {
            holder = null;
            mutexWait.wakeAllLocked();
        }
    }

    /** Lets go of the pipe while the call waits for {@code condition}, as pipe_read and pipe_write do. */
    private void waitUnlocked(Task task, WaitQueue queue, BooleanSupplier condition) {
        unlock(task);
        queue.waitEventLocked(task, condition);
        lock(task);
    }

    /** Wakes every thread that waits on the pipe: its ring or its ends changed. */
    private void changed() {
        readWait.wakeAllLocked();
        writeWait.wakeAllLocked();
        pollWait.wakeAllLocked();
    }

    /**
     * {@code pipe_read}: bytes from the oldest buffers; 0 at EOF (empty and no writer left). An
     * empty pipe with writers makes the read sleep until either changes ({@code pipe_readable}).
     */
    private long read(Task task, OpenFile file, IoVector to) {
        if (to.count() == 0) {
            return 0;
        }
        long done = 0;
        lock(task);
        try {
            while (to.count() > 0) {
                Buffer buf = ring.peekFirst();
                if (buf == null) {
                    if (done > 0 || writers == 0) {
                        return done;
                    }
                    if ((file.flags & O_NONBLOCK) != 0) {
                        throw Errno.EAGAIN.exception();
                    }
                    waitUnlocked(task, readWait, () -> !ring.isEmpty() || writers == 0);
                    continue;
                }
                int chars = (int) Math.min(buf.len, to.count());
                if (to.copyTo(buf.page, buf.offset, chars) < chars) {
                    if (done == 0) {
                        throw Errno.EFAULT.exception(); // the bytes stay in the pipe
                    }
                    return done;
                }
                done += chars;
                buf.offset += chars;
                buf.len -= chars;
                if (buf.len == 0) {
                    ring.pollFirst();
                }
            }
            return done;
        } finally {
            unlock(task);
            changed(); // room for writers; bytes left for the next reader
        }
    }

    /**
     * {@code pipe_write}: the part of the count beyond whole pages first goes into the last
     * buffer if it fits there; then each new buffer takes up to a page. A copy that faults keeps
     * the bytes merged or written before it (EFAULT for none); the buffer it was filling stays,
     * empty, in the ring. A full ring makes the write sleep until a slot is free or no reader is
     * left ({@code pipe_writable}); with no reader left it returns what it wrote, EPIPE for none.
     */
    private long write(Task task, OpenFile file, IoVector from) {
        long total = from.count();
        if (total == 0) {
            return 0;
        }
        lock(task);
        try {
            if (readers == 0) {
                throw Errno.EPIPE.exception();
            }
            return fill(task, file, from);
        } finally {
            unlock(task);
            changed();
        }
    }

    /** {@link #write} once it has a reader. */
    private long fill(Task task, OpenFile file, IoVector from) {
        long total = from.count();
        long done = 0;
        int chars = (int) (total & (PAGE_SIZE - 1));
        Buffer last = ring.peekLast();
        if (chars != 0 && last != null && last.offset + last.len + chars <= PAGE_SIZE) {
            byte[] bytes = new byte[chars];
            if (from.copyFrom(bytes, 0, chars) < chars) {
                throw Errno.EFAULT.exception();
            }
            System.arraycopy(bytes, 0, last.page, last.offset + last.len, chars);
            last.len += chars;
            done = chars;
            if (from.count() == 0) {
                return done;
            }
        }
        while (true) {
            if (readers == 0) {
                if (done == 0) {
                    throw Errno.EPIPE.exception();
                }
                return done;
            }
            if (!full()) {
                Buffer buf = new Buffer();
                ring.addLast(buf);
                int want = (int) Math.min(PAGE_SIZE, from.count());
                int copied = from.copyFrom(buf.page, 0, want);
                if (copied < want) {
                    Arrays.fill(buf.page, (byte) 0);
                    if (done == 0) {
                        throw Errno.EFAULT.exception();
                    }
                    return done;
                }
                buf.len = copied;
                done += copied;
                if (from.count() == 0) {
                    return done;
                }
                continue;
            }
            if ((file.flags & O_NONBLOCK) != 0) {
                if (done == 0) {
                    throw Errno.EAGAIN.exception();
                }
                return done;
            }
            changed(); // readers may take what is written before this writer sleeps
            waitUnlocked(task, writeWait, () -> !full() || readers == 0);
        }
    }

    /** Bytes waiting in the pipe ({@code FIONREAD}). */
    private int available() {
        return ring.stream().mapToInt(b -> b.len).sum();
    }

    /** One end of the pipe ({@code pipefifo_fops} on a file open for reading, writing or both). */
    final class End implements FileOperations {
        /** Whether this end counts as one of the pipe's readers, and as one of its writers. */
        private final boolean reader;
        private final boolean writer;

        private End(boolean reader, boolean writer) {
            this.reader = reader;
            this.writer = writer;
        }

        /** The pipe this is an end of. */
        Pipe pipe() {
            return Pipe.this;
        }

        @Override
        public long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
            return Pipe.this.read(task, file, buffer);
        }

        @Override
        public long write(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
            return Pipe.this.write(task, file, buffer);
        }

        @Override
        public boolean isStream() {
            return true;
        }

        /** pipefs is {@code SB_I_NOEXEC}: an executable mapping is EPERM before the missing mmap is ENODEV. */
        @Override
        public boolean noexec() {
            return true;
        }

        /** {@code pipe_fasync}: pipes can signal readiness. */
        @Override
        public boolean hasFasync() {
            return true;
        }

        /** {@code pipe_ioctl}: FIONREAD, the bytes waiting, as an {@code int}. */
        @Override
        public long ioctl(Task task, OpenFile file, int cmd, long arg) {
            if (cmd != FIONREAD) {
                throw Errno.ENOTTY.exception();
            }
            UserCopy.copyToUserOrFault(task, arg, Scalars.INT.bytes(available()));
            return 0;
        }

        /**
         * {@code pipe_poll}: the read end is readable with bytes waiting and hung up without
         * writers; the write end is writable with a free slot and in error without readers.
         */
        @Override
        public int poll(OpenFile file) {
            int mask = 0;
            if (file.readable()) {
                mask |= ring.isEmpty() ? 0 : POLLIN | POLLRDNORM;
                mask |= writers == 0 ? POLLHUP : 0;
            }
            if (file.writable()) {
                mask |= full() ? 0 : POLLOUT | POLLWRNORM;
                mask |= readers == 0 ? POLLERR : 0;
            }
            return mask;
        }

        /** {@code pipe_release}: the other end's sleepers wake and find EOF or EPIPE once none of this end is left. */
        @Override
        public void release() {
            writers -= writer ? 1 : 0;
            readers -= reader ? 1 : 0;
            changed();
        }

        @Override
        public StatCall.Attributes attributes() {
            return new StatCall.Attributes(inode, S_IFIFO | 0600, 1, owner, 0, 0);
        }
    }
}
