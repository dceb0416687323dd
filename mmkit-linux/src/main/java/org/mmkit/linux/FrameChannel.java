package org.mmkit.linux;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * One connection to an executor process, moving {@link LinuxProtocol} frames with a deadline.
 * The channel is non-blocking and waits in a selector, so no read or write can outlive its
 * deadline: it throws {@link SocketTimeoutException} instead, {@link EOFException} when the
 * executor closed the connection (which it does only by exiting), and another
 * {@link InterruptedIOException} or a {@link java.nio.channels.ClosedByInterruptException} when
 * the waiting thread is interrupted.
 */
final class FrameChannel implements AutoCloseable {
    /** One received reply: its status, the thread that sent it; {@code payload} is little-endian and positioned at its start. */
    record Frame(int code, int thread, ByteBuffer payload) {
    }

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;

    FrameChannel(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        selector = Selector.open();
        key = channel.register(selector, 0);
    }

    void write(int code, ByteBuffer payload, long deadlineNanos) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(LinuxProtocol.REQUEST_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(code).putInt(payload.remaining()).flip();
        ByteBuffer[] frame = {header, payload};
        while (header.hasRemaining() || payload.hasRemaining()) {
            if (channel.write(frame) == 0) {
                await(SelectionKey.OP_WRITE, deadlineNanos);
            }
        }
    }

    Frame read(long deadlineNanos) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(LinuxProtocol.REPLY_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(header, deadlineNanos);
        int code = header.getInt(0);
        int thread = header.getInt(4);
        int length = header.getInt(8);
        if (length < 0 || length > LinuxProtocol.MAX_REPLY_PAYLOAD) {
            throw new IOException("malformed frame from the executor: payload length " + Integer.toUnsignedString(length));
        }
        ByteBuffer payload = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(payload, deadlineNanos);
        return new Frame(code, thread, payload.flip());
    }

    /**
     * Waits until the next frame has begun to arrive, or the connection has ended; false when
     * neither happened by the deadline. Frames are read whole, so none is ever half read here.
     */
    boolean awaitFrame(long deadlineNanos) throws IOException {
        return ready(SelectionKey.OP_READ, deadlineNanos);
    }

    private void readFully(ByteBuffer buffer, long deadlineNanos) throws IOException {
        while (buffer.hasRemaining()) {
            int got = channel.read(buffer);
            if (got < 0) {
                throw new EOFException("the executor closed the connection");
            }
            if (got == 0) {
                await(SelectionKey.OP_READ, deadlineNanos);
            }
        }
    }

    private void await(int operation, long deadlineNanos) throws IOException {
        if (!ready(operation, deadlineNanos)) {
            throw new SocketTimeoutException("deadline passed");
        }
    }

    /** Waits until the channel is ready for the operation; false when it was not by the deadline. */
    private boolean ready(int operation, long deadlineNanos) throws IOException {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted");
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            key.interestOps(operation);
            // select(0) would wait forever, so wait at least a millisecond.
            int selected = selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            selector.selectedKeys().clear();
            if (selected > 0) {
                return true;
            }
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // closing a Unix-domain socket does not fail in a way that matters to the driver
        }
    }
}
