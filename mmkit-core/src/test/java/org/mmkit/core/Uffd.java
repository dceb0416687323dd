package org.mmkit.core;

import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.mmkit.core.abi.UffdMsgLayout;
import org.mmkit.core.abi.UffdioApiLayout;
import org.mmkit.core.abi.UffdioCopyLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;
import org.mmkit.core.abi.UffdioZeropageLayout;

/**
 * A userfaultfd of a process for tests, through the public API only: each ioctl's struct is
 * written into a scratch mapping of the process, passed by address, and its result read back.
 */
final class Uffd {
    /** The fill ioctls' results: the struct's result field, and the errno of the call (null for 0). */
    record Filled(long result, Errno errno) {
    }

    /** A {@code struct uffd_msg} as read. */
    record Msg(int event, long flags, long address, int ptid) {
    }

    final SimProcess p;
    final int fd;
    /** Two pages of the process: the ioctl structs at the start, messages read into the second page. */
    final long scratch;

    private Uffd(SimProcess p, int fd) {
        this.p = p;
        this.fd = fd;
        this.scratch = Syscalls.anon(p, 2);
    }

    /** The context {@code fd} of {@code p} (inherited, say). */
    static Uffd of(SimProcess p, int fd) {
        return new Uffd(p, fd);
    }

    /** A new context with these flags, not set up yet. */
    static Uffd create(SimProcess p, int flags) {
        return new Uffd(p, p.userfaultfd(flags));
    }

    /** A new non-blocking context set up with {@code features}. */
    static Uffd open(SimProcess p, long features) {
        Uffd uffd = create(p, O_CLOEXEC | O_NONBLOCK);
        uffd.api(UFFD_API, features);
        return uffd;
    }

    /** {@code UFFDIO_API}; returns the struct as the kernel left it: api, features, ioctls. */
    long[] api(long api, long features) {
        p.store(scratch, longs(api, features, 0));
        try {
            p.ioctl(fd, UFFDIO_API, scratch);
        } finally {
            lastApi = new long[] {p.loadLong(scratch), p.loadLong(scratch + UffdioApiLayout.FEATURES_OFFSET),
                p.loadLong(scratch + UffdioApiLayout.IOCTLS_OFFSET)};
        }
        return lastApi;
    }

    /** The struct after the last {@link #api} call, failed or not. */
    long[] lastApi;

    /** {@code UFFDIO_REGISTER}; returns the ioctls mask. */
    long register(long start, long len, long mode) {
        p.store(scratch, longs(start, len, mode, -1));
        p.ioctl(fd, UFFDIO_REGISTER, scratch);
        return p.loadLong(scratch + UffdioRegisterLayout.IOCTLS_OFFSET);
    }

    void unregister(long start, long len) {
        p.store(scratch, longs(start, len));
        p.ioctl(fd, UFFDIO_UNREGISTER, scratch);
    }

    void wake(long start, long len) {
        p.store(scratch, longs(start, len));
        p.ioctl(fd, UFFDIO_WAKE, scratch);
    }

    /** {@code UFFDIO_COPY}. */
    Filled copy(long dst, long src, long len, long mode) {
        p.store(scratch, longs(dst, src, len, mode, 0x5a5a));
        return filled(UFFDIO_COPY, scratch + UffdioCopyLayout.COPY_OFFSET);
    }

    /** {@code UFFDIO_ZEROPAGE}, {@code UFFDIO_CONTINUE} or {@code UFFDIO_POISON}, which share a layout. */
    Filled fill(int cmd, long start, long len, long mode) {
        p.store(scratch, longs(start, len, mode, 0x5a5a));
        return filled(cmd, scratch + UffdioZeropageLayout.ZEROPAGE_OFFSET);
    }

    private Filled filled(int cmd, long resultAddr) {
        Errno errno = Syscalls.errnoOf(() -> p.ioctl(fd, cmd, scratch));
        return new Filled(p.loadLong(resultAddr), errno);
    }

    /** Reads one message; the errno propagates. */
    Msg read() {
        long at = scratch + PAGE_SIZE;
        long n = p.read(fd, at, UffdMsgLayout.SIZE);
        if (n != UffdMsgLayout.SIZE) {
            throw new AssertionError("read returned " + n);
        }
        return msgAt(at);
    }

    /** The message stored at {@code at}. */
    Msg msgAt(long at) {
        byte[] raw = new byte[UffdMsgLayout.SIZE];
        p.load(at, raw);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int arg = UffdMsgLayout.ARG_OFFSET;
        return new Msg(raw[0] & 0xff, b.getLong(arg + UffdMsgLayout.PAGEFAULT_FLAGS_OFFSET),
                b.getLong(arg + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET), b.getInt(arg + UffdMsgLayout.PAGEFAULT_FEAT_OFFSET));
    }

    /** A page-fault message as the kernel writes it without THREAD_ID. */
    static Msg fault(long flags, long address) {
        return new Msg(UFFD_EVENT_PAGEFAULT, flags, address, 0);
    }

    /** {@code poll} of the descriptor for POLLIN: the revents. */
    int poll() {
        long at = scratch + PAGE_SIZE;
        p.store(at, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(fd).putShort((short) POLLIN).array());
        p.poll(at, 1, 0);
        byte[] revents = new byte[2];
        p.load(at + 6, revents);
        return (revents[0] & 0xff) | (revents[1] & 0xff) << 8;
    }

    static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }
}
