package org.mmkit.linux;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.mmkit.backend.Access;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Result;
import org.mmkit.backend.SyscallReturn;
import org.mmkit.backend.ThreadOutcome;
import org.mmkit.core.Uapi;

/**
 * One scenario process: a native executor driven over its {@link FrameChannel}. Requests larger
 * than one {@link LinuxProtocol#MAX_TRANSFER} are split here. Each request must be answered
 * within the timeout, else the executor and its descendants are killed and the request throws
 * {@link ExecutorFailure}; so does every later request. A spawned thread's access is not a
 * request: its replies, tagged with its id, may come at any time and are kept until it is awaited.
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
    /** Spawned threads not awaited yet, by id. Guarded by this. */
    private final Map<Integer, Spawned> running = new HashMap<>();
    /** The last reply of each thread that has ended and is not awaited yet, by id. Guarded by this. */
    private final Map<Integer, FrameChannel.Frame> ended = new HashMap<>();
    /** The MORE chunks of each thread's reply in progress, by thread id. Guarded by this. */
    private final Map<Integer, ByteArrayOutputStream> chunks = new HashMap<>();

    /** What a spawned thread does: its op (load, store, system call or stall) and how messages describe it. */
    private record Spawned(int op, String description) {
    }

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
        return call(LinuxProtocol.OP_SYSCALL, syscallPayload(number, args), () -> name + "(" + hex(args) + ")").getLong();
    }

    /** The number and six arguments of a system call, missing ones 0. */
    private static ByteBuffer syscallPayload(long number, long[] args) {
        if (args.length > 6) {
            throw new IllegalArgumentException("a system call takes at most 6 arguments, not " + args.length);
        }
        ByteBuffer payload = payload(56).putLong(number);
        for (int i = 0; i < 6; i++) {
            payload.putLong(i < args.length ? args[i] : 0);
        }
        return payload;
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

    /** A load by the serving thread; the executor sends a long one in chunks. */
    Access load(long addr, int len) {
        FrameChannel.Frame reply = request(LinuxProtocol.OP_LOAD, loadPayload(addr, len), () -> "load(" + hex(addr) + ", " + len + ")");
        return outcome(LinuxProtocol.OP_LOAD, reply);
    }

    /** Stores in ascending pieces, so a fault leaves the prefix before it written, as one store would. */
    Access store(long addr, byte[] data) {
        int done = 0;
        do {
            int length = Math.min(data.length - done, LinuxProtocol.MAX_TRANSFER);
            long start = addr + done;
            FrameChannel.Frame reply = request(LinuxProtocol.OP_STORE, storePayload(start, data, done, length),
                    () -> "store(" + hex(start) + ", " + length + " bytes)");
            if (reply.code() == LinuxProtocol.STATUS_SIGNAL) {
                return signalled(reply.payload());
            }
            done += length;
        } while (done < data.length);
        return Access.stored();
    }

    /** Starts a thread that performs the load: its id (1, 2, 3... in spawn order), or -errno. */
    long spawnLoad(long addr, int len) {
        return spawn(LinuxProtocol.OP_LOAD, loadPayload(addr, len), "load(" + hex(addr) + ", " + len + ")");
    }

    /** Starts a thread that performs the store, of at most one transfer: its id, or -errno. */
    long spawnStore(long addr, byte[] data) {
        if (data.length > LinuxProtocol.MAX_TRANSFER) {
            throw new IllegalArgumentException("a spawned thread stores at most " + LinuxProtocol.MAX_TRANSFER
                    + " bytes on the linux backend, not " + data.length);
        }
        return spawn(LinuxProtocol.OP_STORE, storePayload(addr, data, 0, data.length),
                "store(" + hex(addr) + ", " + data.length + " bytes)");
    }

    /** Starts a thread that makes a raw system call and replies with its result: its id, or -errno. */
    long spawnSyscall(String name, long number, long... args) {
        return spawn(LinuxProtocol.OP_SYSCALL, syscallPayload(number, args), name + "(" + hex(args) + ")");
    }

    /** Starts a thread that sleeps in the kernel, then replies: lets tests block a thread. */
    long spawnStall(Duration duration) {
        return spawn(LinuxProtocol.OP_STALL, stallPayload(duration), "stall(" + duration.toMillis() + " ms)");
    }

    private synchronized long spawn(int op, ByteBuffer access, String description) {
        ByteBuffer payload = payload(4 + access.capacity()).putInt(op).put(access.flip());
        long thread = call(LinuxProtocol.OP_SPAWN, payload, () -> "spawn " + description).getLong();
        if (thread > 0) {
            running.put((int) thread, new Spawned(op, description + " in thread " + thread));
        }
        return thread;
    }

    /**
     * Waits at most {@code wait} for the operation of a spawned thread to end: its outcome, or
     * null when it has not ended by then. Serves as well the replies of other threads that arrive.
     */
    synchronized ThreadOutcome await(int thread, Duration wait) {
        Spawned spawned = running.get(thread);
        if (spawned == null) {
            throw new IllegalArgumentException("no running thread " + thread + " in " + label);
        }
        usable(spawned::description);
        long waitDeadline = System.nanoTime() + wait.toNanos();
        try {
            while (!ended.containsKey(thread)) {
                if (!channel.awaitFrame(waitDeadline)) {
                    return null;
                }
                FrameChannel.Frame frame = whole(channel.read(System.nanoTime() + timeout.toNanos()));
                if (frame != null && frame.thread() == LinuxProtocol.SERVING_THREAD) {
                    throw protocolError(spawned.description(), "the serving thread replied to no request");
                }
            }
        } catch (IOException e) {
            throw lost(spawned.description(), e);
        }
        running.remove(thread);
        FrameChannel.Frame reply = ended.remove(thread);
        if (spawned.op() == LinuxProtocol.OP_SYSCALL) {
            if (reply.code() != LinuxProtocol.STATUS_OK) {
                throw protocolError(spawned.description(), "reply status " + reply.code());
            }
            return new SyscallReturn(reply.payload().getLong());
        }
        return outcome(spawned.op(), reply);
    }

    /**
     * The reply a frame completes, with the MORE chunks before it joined, or null when more
     * follow. A spawned thread's completed reply is kept in {@link #ended} as well.
     */
    private FrameChannel.Frame whole(FrameChannel.Frame frame) {
        ByteArrayOutputStream before = chunks.get(frame.thread());
        ByteBuffer reply = frame.payload();
        if (frame.code() == LinuxProtocol.STATUS_MORE) {
            chunks.computeIfAbsent(frame.thread(), t -> new ByteArrayOutputStream()).write(reply.array(), 0, reply.limit());
            return null;
        }
        chunks.remove(frame.thread());
        FrameChannel.Frame complete = frame;
        if (before != null && frame.code() == LinuxProtocol.STATUS_OK) {
            before.write(reply.array(), 0, reply.limit());
            complete = new FrameChannel.Frame(frame.code(), frame.thread(),
                    ByteBuffer.wrap(before.toByteArray()).order(ByteOrder.LITTLE_ENDIAN));
        }
        if (complete.thread() != LinuxProtocol.SERVING_THREAD) {
            ended.put(complete.thread(), complete);
        }
        return complete;
    }

    /** The outcome of a load, store or stall from its reply. */
    private Access outcome(int op, FrameChannel.Frame reply) {
        ByteBuffer payload = reply.payload();
        return switch (reply.code()) {
            case LinuxProtocol.STATUS_SIGNAL -> signalled(payload);
            case LinuxProtocol.STATUS_OK -> {
                if (op != LinuxProtocol.OP_LOAD) {
                    yield Access.stored();
                }
                byte[] data = new byte[payload.remaining()];
                payload.get(data);
                yield Access.loaded(data);
            }
            default -> throw protocolError("an access", "reply status " + reply.code());
        };
    }

    private static ByteBuffer loadPayload(long addr, int len) {
        return payload(12).putLong(addr).putInt(len);
    }

    private static ByteBuffer storePayload(long addr, byte[] data, int from, int length) {
        return payload(8 + length).putLong(addr).put(data, from, length);
    }

    private static ByteBuffer stallPayload(Duration duration) {
        return payload(4).putInt(Math.toIntExact(duration.toMillis()));
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

    /** The Linux tid of a spawned thread not yet joined by the executor, or -ESRCH. */
    long threadId(int thread) {
        return call(LinuxProtocol.OP_THREAD_ID, payload(4).putInt(thread), () -> "thread id of thread " + thread).getLong();
    }

    /** fork(): the child's Linux pid, or -errno. The child connects to the driver by itself. */
    long fork() {
        return call(LinuxProtocol.OP_FORK, payload(0), () -> "fork()").getLong();
    }

    /**
     * Reads back in every page of the executor's own memory that reclaim sent to swap, so that
     * the process's swap counters show the scenario's pages only; returns how many there were.
     */
    long unswapOwn() {
        return call(LinuxProtocol.OP_UNSWAP_OWN, payload(0), () -> "unswap own pages").getLong();
    }

    /** Sleeps in the executor before answering: lets tests exercise the timeout. */
    void stall(Duration duration) {
        call(LinuxProtocol.OP_STALL, stallPayload(duration), () -> "stall(" + duration.toMillis() + " ms)");
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
            // spawned threads may reply until the process is gone; their outcomes go with it
            while (true) {
                FrameChannel.Frame frame = channel.read(deadline);
                if (frame.thread() == LinuxProtocol.SERVING_THREAD) {
                    throw new IOException("unexpected reply " + frame.code() + " from an exiting executor");
                }
            }
        } catch (EOFException end) {
            // the executor has exited
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

    /**
     * Sends one request and returns the serving thread's reply, with the chunks of a long reply
     * joined; replies of spawned threads that arrive meanwhile are kept for {@link #await}.
     */
    private synchronized FrameChannel.Frame request(int op, ByteBuffer payload, Supplier<String> description) {
        usable(description);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            channel.write(op, payload.flip(), deadline);
            while (true) {
                FrameChannel.Frame reply = whole(channel.read(deadline));
                if (reply == null || reply.thread() != LinuxProtocol.SERVING_THREAD) {
                    continue;
                }
                if (reply.code() == LinuxProtocol.STATUS_FAILED) {
                    throw protocolError(description.get(), StandardCharsets.UTF_8.decode(reply.payload()).toString());
                }
                return reply;
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
