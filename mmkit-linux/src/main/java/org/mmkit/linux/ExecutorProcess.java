package org.mmkit.linux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.mmkit.backend.Access;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Result;
import org.mmkit.core.Uapi;

/**
 * One scenario process: a native executor driven over its {@link FrameChannel}. Requests larger
 * than one {@link LinuxProtocol#MAX_TRANSFER} are split here. Each request must be answered
 * within the timeout, else the executor and its descendants are killed and the request throws
 * {@link ExecutorFailure}; so does every later request.
 */
final class ExecutorProcess {
    private static final int LOG_LINES_SHOWN = 5;

    private final String label;
    private final long pid;
    /** Taken while the executor is known to live: a handle keeps its start time, so a reused pid is never killed. */
    private final ProcessHandle process;
    private final FrameChannel channel;
    private final Duration timeout;
    private final Path log;
    /** Why this process can no longer be used, or null while it can. Guarded by this. */
    private String gone;

    /**
     * @param label   how messages name the process, e.g. {@code process 2}
     * @param log     the executor's stderr, quoted when it ends unexpectedly
     */
    ExecutorProcess(String label, long pid, FrameChannel channel, Duration timeout, Path log) {
        this.label = label;
        this.pid = pid;
        this.process = ProcessHandle.of(pid).orElse(null);
        this.channel = channel;
        this.timeout = timeout;
        this.log = log;
    }

    /** The Linux pid of the executor. */
    long pid() {
        return pid;
    }

    /** The executor's stderr, shared with the processes it forks. */
    Path log() {
        return log;
    }

    /** A raw system call: its result, or -errno. Missing arguments are 0; {@code name} is for messages. */
    long syscall(String name, long number, long... args) {
        if (args.length > 6) {
            throw new IllegalArgumentException("a system call takes at most 6 arguments, not " + args.length);
        }
        ByteBuffer payload = payload(56).putLong(number);
        for (int i = 0; i < 6; i++) {
            payload.putLong(i < args.length ? args[i] : 0);
        }
        return call(LinuxProtocol.OP_SYSCALL, payload, () -> name + "(" + hex(args) + ")").getLong();
    }

    long memfdCreate(String name, long flags) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > LinuxProtocol.MAX_TRANSFER) {
            throw new IllegalArgumentException("memfd name of " + bytes.length + " bytes is too long to send");
        }
        ByteBuffer payload = payload(8 + bytes.length).putLong(flags).put(bytes);
        return call(LinuxProtocol.OP_MEMFD_CREATE, payload, () -> "memfd_create(\"" + name + "\", " + hex(flags) + ")").getLong();
    }

    /**
     * mincore in pieces whose vectors fit one transfer. The kernel's mincore itself walks the range
     * in pieces and stops at the first bad one, so the outcome is that of one call.
     */
    Result<byte[]> mincore(long addr, long len) {
        long piece = Uapi.PAGE_SIZE * LinuxProtocol.MAX_TRANSFER;
        ByteArrayOutputStream vector = new ByteArrayOutputStream();
        long start = addr;
        long left = len;
        do {
            long length = Long.compareUnsigned(left, piece) > 0 ? piece : left;
            long pieceStart = start;
            ByteBuffer reply = call(LinuxProtocol.OP_MINCORE, payload(16).putLong(start).putLong(length),
                    () -> "mincore(" + hex(pieceStart) + ", " + hex(length) + ")");
            long result = reply.getLong();
            if (result < 0) {
                return Result.error((int) -result);
            }
            if (vector.size() > Integer.MAX_VALUE - 2 * LinuxProtocol.MAX_TRANSFER) {
                throw new IllegalArgumentException("the mincore vector for " + hex(len) + " bytes does not fit a Java array");
            }
            vector.write(reply.array(), reply.position(), reply.remaining());
            start += length;
            left -= length;
        } while (left != 0);
        return Result.of(vector.toByteArray());
    }

    /** Starts a thread in the executor; its id (1, 2, 3...) names it in {@link #load} and {@link #store}. */
    long spawnThread() {
        return call(LinuxProtocol.OP_SPAWN_THREAD, payload(0), () -> "spawn thread").getLong();
    }

    /** A load by {@code thread}: {@link LinuxProtocol#SERVING_THREAD} or an id from {@link #spawnThread}. */
    Access load(int thread, long addr, int len) {
        byte[] data = new byte[len];
        int done = 0;
        do {
            int length = Math.min(len - done, LinuxProtocol.MAX_TRANSFER);
            long start = addr + done;
            FrameChannel.Frame reply = request(LinuxProtocol.OP_LOAD, payload(16).putInt(thread).putLong(start).putInt(length),
                    () -> "load(" + hex(start) + ", " + length + ") in thread " + thread);
            if (reply.code() == LinuxProtocol.STATUS_SIGNAL) {
                return signalled(reply.payload());
            }
            reply.payload().get(data, done, length);
            done += length;
        } while (done < len);
        return Access.loaded(data);
    }

    /** Stores in ascending pieces, so a fault leaves the prefix before it written, as one store would. */
    Access store(int thread, long addr, byte[] data) {
        int done = 0;
        do {
            int length = Math.min(data.length - done, LinuxProtocol.MAX_TRANSFER);
            long start = addr + done;
            FrameChannel.Frame reply = request(LinuxProtocol.OP_STORE,
                    payload(12 + length).putInt(thread).putLong(start).put(data, done, length),
                    () -> "store(" + hex(start) + ", " + length + " bytes) in thread " + thread);
            if (reply.code() == LinuxProtocol.STATUS_SIGNAL) {
                return signalled(reply.payload());
            }
            done += length;
        } while (done < data.length);
        return Access.stored();
    }

    /**
     * pread of this process's pagemap, in pieces of at most one transfer. The first piece takes the
     * odd remainder, so a count the kernel rejects (not a multiple of 8) fails at once as in one
     * pread. Stops at a short read; an error after some bytes were read ends the read there, as
     * read(2) reports progress before an error.
     */
    Result<byte[]> pagemapRead(long offset, int count) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int remainder = count % LinuxProtocol.MAX_TRANSFER;
        int length = remainder != 0 || count == 0 ? remainder : LinuxProtocol.MAX_TRANSFER;
        long position = offset;
        while (true) {
            long start = position;
            int size = length;
            ByteBuffer reply = call(LinuxProtocol.OP_PAGEMAP_READ, payload(12).putLong(start).putInt(size),
                    () -> "pread(pagemap, " + size + ", " + hex(start) + ")");
            long result = reply.getLong();
            if (result < 0) {
                return bytes.size() == 0 ? Result.error((int) -result) : Result.of(bytes.toByteArray());
            }
            bytes.write(reply.array(), reply.position(), reply.remaining());
            position += result;
            if (result < size || bytes.size() == count) {
                return Result.of(bytes.toByteArray());
            }
            length = LinuxProtocol.MAX_TRANSFER;
        }
    }

    String procText(ProcFile file) {
        ByteBuffer reply = call(LinuxProtocol.OP_PROC_TEXT, payload(4).putInt(file.ordinal()),
                () -> "read(/proc/self/" + file.fileName() + ")");
        return StandardCharsets.UTF_8.decode(reply).toString();
    }

    /** fork(): the child's Linux pid, or -errno. The child connects to the driver by itself. */
    long fork() {
        return call(LinuxProtocol.OP_FORK, payload(0), () -> "fork()").getLong();
    }

    /** Sleeps in the executor before answering: lets tests exercise the timeout. */
    void stall(int thread, Duration duration) {
        call(LinuxProtocol.OP_STALL, payload(8).putInt(thread).putInt(Math.toIntExact(duration.toMillis())),
                () -> "stall(" + duration.toMillis() + " ms) in thread " + thread);
    }

    /**
     * The process exits with status 0. Returns once its connection is closed: Linux closes files
     * (exit_files) after releasing the address space (exit_mm), so its pages are unmapped by then.
     */
    synchronized void exit() {
        usable(() -> "exit()");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            channel.write(LinuxProtocol.OP_EXIT, payload(0).flip(), deadline);
            channel.awaitEnd(deadline);
        } catch (IOException e) {
            throw lost("exit()", e);
        }
        disconnect("it has exited");
    }

    /** Kills the executor and every descendant with SIGKILL; later requests fail with the reason. */
    synchronized void kill(String reason) {
        disconnect(reason);
        if (process != null) {
            killTree(process);
        }
    }

    /** Closes the connection without killing; later requests fail with the reason. */
    synchronized void disconnect(String reason) {
        if (gone == null) {
            gone = reason;
        }
        channel.close();
    }

    /** SIGKILL to a process and all its descendants (children first, so none escapes by reparenting). */
    static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private ByteBuffer call(int op, ByteBuffer payload, Supplier<String> description) {
        FrameChannel.Frame reply = request(op, payload, description);
        if (reply.code() != LinuxProtocol.STATUS_OK) {
            throw protocolError(description.get(), "reply status " + reply.code());
        }
        return reply.payload();
    }

    /** Sends one request and returns its last reply frame, with the chunks of a long reply joined. */
    private synchronized FrameChannel.Frame request(int op, ByteBuffer payload, Supplier<String> description) {
        usable(description);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            channel.write(op, payload.flip(), deadline);
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            while (true) {
                FrameChannel.Frame frame = channel.read(deadline);
                ByteBuffer reply = frame.payload();
                switch (frame.code()) {
                    case LinuxProtocol.STATUS_MORE -> chunks.write(reply.array(), 0, reply.limit());
                    case LinuxProtocol.STATUS_FAILED -> throw protocolError(description.get(),
                            StandardCharsets.UTF_8.decode(reply).toString());
                    default -> {
                        if (chunks.size() == 0) {
                            return frame;
                        }
                        chunks.write(reply.array(), 0, reply.limit());
                        return new FrameChannel.Frame(frame.code(),
                                ByteBuffer.wrap(chunks.toByteArray()).order(ByteOrder.LITTLE_ENDIAN));
                    }
                }
            }
        } catch (IOException e) {
            throw lost(description.get(), e);
        }
    }

    private void usable(Supplier<String> description) {
        if (gone != null) {
            throw new ExecutorFailure(label + " cannot " + description.get() + ": " + gone);
        }
    }

    /** The executor is dead or stuck: kill what is left of it and describe what happened. */
    private ExecutorFailure lost(String description, IOException cause) {
        if (cause instanceof SocketTimeoutException) {
            String message = "executor for " + label + " did not answer " + description + " within "
                    + seconds(timeout) + "; killed (pid " + pid + ")";
            kill("its executor was killed after not answering " + description + " within " + seconds(timeout));
            return new ExecutorFailure(message, cause);
        }
        if (cause instanceof InterruptedIOException || cause instanceof ClosedByInterruptException) {
            kill("its executor was killed when the driver was interrupted during " + description);
            return new ExecutorFailure("interrupted while waiting for " + label + " to answer " + description
                    + "; killed its executor (pid " + pid + ")", cause);
        }
        kill("its executor ended while handling " + description);
        return new ExecutorFailure("executor for " + label + " (pid " + pid + ") ended while handling "
                + description + " (" + cause.getMessage() + ")" + logTail(log), cause);
    }

    /** The executor rejected a request: a bug of the driver; the process is killed, as its state is unknown. */
    private ExecutorFailure protocolError(String description, String why) {
        kill("its executor rejected " + description);
        return new ExecutorFailure("executor for " + label + " rejected " + description + ": " + why);
    }

    private static Access signalled(ByteBuffer fault) {
        return Access.signalled(fault.getInt(), fault.getInt(), fault.getLong());
    }

    /** The last lines an executor wrote to its stderr, for a failure message. */
    static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            if (lines.isEmpty()) {
                return "";
            }
            return "; executor log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "; executor log unreadable: " + e.getMessage();
        }
    }

    private static ByteBuffer payload(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static String hex(long[] values) {
        return LongStream.of(values).mapToObj(ExecutorProcess::hex).collect(Collectors.joining(", "));
    }
}
