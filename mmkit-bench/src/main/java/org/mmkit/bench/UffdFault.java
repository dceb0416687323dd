package org.mmkit.bench;

import org.mmkit.core.SimThread;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.UffdMsgLayout;
import org.mmkit.core.abi.UffdioApiLayout;
import org.mmkit.core.abi.UffdioCopyLayout;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;
import org.mmkit.core.abi.UffdioWriteprotectLayout;

/**
 * {@code uffd-missing}, {@code uffd-wp} and {@code uffd-wp-async}: one userfaultfd fault per page of
 * a fresh mapping, written by a thread of the process. For the two round trips a handler on
 * another Java thread (the process's main thread, in a blocking {@code read} of the uffd) answers
 * each message: MISSING with {@code UFFDIO_COPY} of a source page, WP with {@code UFFDIO_WRITEPROTECT}
 * un-protecting the page, either of which wakes the writer. WP_ASYNC has no handler: the kernel
 * resolves the write itself. Registration, populating and protecting are outside the time.
 */
final class UffdFault extends FreshMapping {
    /** What a sample's faults are. */
    enum Kind {
        /** Writes to registered missing pages, answered by COPY. */
        MISSING(Uapi.UFFDIO_REGISTER_MODE_MISSING, 0),
        /** Writes to write-protected resident pages, answered by un-protecting. */
        WP(Uapi.UFFDIO_REGISTER_MODE_WP, 0),
        /** Writes to write-protected resident pages of a WP_ASYNC context: no message. */
        WP_ASYNC(Uapi.UFFDIO_REGISTER_MODE_WP, Uapi.UFFD_FEATURE_WP_ASYNC);

        final long registerMode;
        final long features;

        Kind(long registerMode, long features) {
            this.registerMode = registerMode;
            this.features = features;
        }
    }

    private final Kind kind;
    private final int uffd;
    private final SimThread writer;
    /** The handler's page: the message read at 0, its ioctl's struct after it. */
    private final long handlerPage;
    /** The main thread's page for the untimed set-up ioctls; then COPY's source page. */
    private final long setupPage;
    private Thread handler;
    private volatile RuntimeException handlerFailure;

    UffdFault(Kind kind) {
        super(ModelSetup.kernel(false));
        this.kind = kind;
        this.writer = process.newThread();
        this.handlerPage = ModelSetup.mapAnon(process, Uapi.PAGE_SIZE);
        this.setupPage = ModelSetup.mapAnon(process, Uapi.PAGE_SIZE);
        ModelSetup.touch(process, handlerPage, 1);
        ModelSetup.touch(process, setupPage, 1);
        this.uffd = process.userfaultfd(Uapi.O_CLOEXEC);
        process.storeLong(setupPage + UffdioApiLayout.API_OFFSET, Uapi.UFFD_API);
        process.storeLong(setupPage + UffdioApiLayout.FEATURES_OFFSET, kind.features);
        process.ioctl(uffd, Uapi.UFFDIO_API, setupPage);
    }

    @Override
    public void prepare(int ops) {
        super.prepare(ops);
        long bytes = ops * Uapi.PAGE_SIZE;
        if (kind != Kind.MISSING) {
            ModelSetup.touch(process, start, ops);
        }
        setRange(setupPage + UffdioRegisterLayout.RANGE_OFFSET, start, bytes);
        process.storeLong(setupPage + UffdioRegisterLayout.MODE_OFFSET, kind.registerMode);
        process.ioctl(uffd, Uapi.UFFDIO_REGISTER, setupPage);
        if (kind != Kind.MISSING) {
            writeProtect(setupPage, start, bytes, Uapi.UFFDIO_WRITEPROTECT_MODE_WP);
        }
        process.storeLong(setupPage, 0x5a5a5a5a5a5a5a5aL); // COPY's source: any contents
        if (kind != Kind.WP_ASYNC) {
            handlerFailure = null;
            handler = Thread.ofPlatform().name("uffd-handler").start(() -> handle(ops));
        }
    }

    @Override
    public void run(int ops) {
        for (long i = 0; i < ops; i++) {
            writer.storeLong(start + i * Uapi.PAGE_SIZE + 8, i);
        }
    }

    @Override
    public void finish() {
        if (handler != null) {
            try {
                handler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the uffd handler ended", e);
            }
            handler = null;
            if (handlerFailure != null) {
                throw handlerFailure;
            }
        }
        super.finish(); // munmap unregisters the range
    }

    /** The handler: answers {@code ops} fault messages, each with the ioctl that wakes the writer. */
    private void handle(int ops) {
        long msg = handlerPage;
        long arg = handlerPage + UffdMsgLayout.SIZE;
        try {
            for (int i = 0; i < ops; i++) {
                process.read(uffd, msg, UffdMsgLayout.SIZE);
                long address = process.loadLong(msg + UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET)
                        & -Uapi.PAGE_SIZE;
                if (kind == Kind.MISSING) {
                    process.storeLong(arg + UffdioCopyLayout.DST_OFFSET, address);
                    process.storeLong(arg + UffdioCopyLayout.SRC_OFFSET, setupPage);
                    process.storeLong(arg + UffdioCopyLayout.LEN_OFFSET, Uapi.PAGE_SIZE);
                    process.storeLong(arg + UffdioCopyLayout.MODE_OFFSET, 0);
                    process.ioctl(uffd, Uapi.UFFDIO_COPY, arg);
                } else {
                    writeProtect(arg, address, Uapi.PAGE_SIZE, 0);
                }
            }
        } catch (RuntimeException e) {
            handlerFailure = e;
        }
    }

    /** {@code UFFDIO_WRITEPROTECT} of a range with {@code mode}, its struct at {@code arg}. */
    private void writeProtect(long arg, long addr, long len, long mode) {
        setRange(arg + UffdioWriteprotectLayout.RANGE_OFFSET, addr, len);
        process.storeLong(arg + UffdioWriteprotectLayout.MODE_OFFSET, mode);
        process.ioctl(uffd, Uapi.UFFDIO_WRITEPROTECT, arg);
    }

    /** A {@code struct uffdio_range} at {@code at}. */
    private void setRange(long at, long addr, long len) {
        process.storeLong(at + UffdioRangeLayout.START_OFFSET, addr);
        process.storeLong(at + UffdioRangeLayout.LEN_OFFSET, len);
    }
}
