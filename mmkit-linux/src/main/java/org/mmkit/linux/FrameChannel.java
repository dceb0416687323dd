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
    /** One received frame; {@code payload} is little-endian and positioned at its start. */
    record Frame(int code, ByteBuffer payload) {
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
        ByteBuffer header = ByteBuffer.allocate(LinuxProtocol.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(code).putInt(payload.remaining()).flip();
        ByteBuffer[] frame = {header, payload};
        while (header.hasRemaining() || payload.hasRemaining()) {
            if (channel.write(frame) == 0) {
                await(SelectionKey.OP_WRITE, deadlineNanos);
            }
        }
    }

    Frame read(long deadlineNanos) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(LinuxProtocol.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(header, deadlineNanos);
        int code = header.getInt(0);
        int length = header.getInt(4);
        if (length < 0 || length > LinuxProtocol.MAX_REPLY_PAYLOAD) {
            throw new IOException("malformed frame from the executor: payload length " + Integer.toUnsignedString(length));
        }
        ByteBuffer payload = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(payload, deadlineNanos);
        return new Frame(code, payload.flip());
    }

    /** Waits until the executor closes the connection; any frame before that is a protocol error. */
    void awaitEnd(long deadlineNanos) throws IOException {
        try {
            Frame frame = read(deadlineNanos);
            throw new IOException("unexpected frame " + frame.code() + " from an exiting executor");
        } catch (EOFException expected) {
            // the executor has exited
        }
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
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        key.interestOps(operation);
        // select(0) would wait forever, so wait at least a millisecond.
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        selector.selectedKeys().clear();
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
