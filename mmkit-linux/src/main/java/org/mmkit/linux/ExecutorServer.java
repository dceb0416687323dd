package org.mmkit.linux;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Starts executors and accepts their connections. Owns a private temporary directory holding the
 * Unix-domain socket every executor process connects to (the first of each supervisor and each
 * forked one) and the executors' stderr logs. An executor proves the driver started it by
 * repeating a random token it got in its environment.
 */
final class ExecutorServer implements AutoCloseable {
    /** What an executor says first on its connection. */
    private record Hello(long pid, long parentPid, FrameChannel channel) {
    }

    /** A tmpfs every Linux system mounts, where the working directories are made. */
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    /** How often a wait for a hello checks whether its executor is still alive. */
    private static final long LIVENESS_CHECK_MILLIS = 100;

    private final Path executable;
    private final Duration timeout;
    private final Path directory;
    private final Path socket;
    /**
     * The scenario processes' working directory: a private directory on the tmpfs of /dev/shm, so
     * that files created by path are shmem files as in the model; writable by all, since
     * unprivileged executors (uid 65534) create files too.
     */
    private final Path workingDirectory;
    private final ServerSocketChannel server;
    private final Selector acceptor;
    private final String token;
    /** Connections that announced themselves but were not claimed yet. Guarded by this. */
    private final List<Hello> unclaimed = new ArrayList<>();
    /** Every supervisor started, to kill on close. Guarded by this. */
    private final List<Process> supervisors = new ArrayList<>();
    /** How many supervisors were started, to name their logs. Guarded by this. */
    private int started;
    /** Guarded by this. */
    private boolean closed;
    /** Closes this server if the JVM exits without doing so: no executor or file outlives the driver. */
    private final Thread closeAtExit = new Thread(this::close, "mmkit executor cleanup");

    ExecutorServer(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
        byte[] secret = new byte[LinuxProtocol.TOKEN_CHARS / 2];
        new SecureRandom().nextBytes(secret);
        token = HexFormat.of().formatHex(secret);
        try {
            // Search permission for all: unprivileged executors (uid 65534) connect here too.
            directory = Files.createTempDirectory("mmkit-linux-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
            socket = directory.resolve("executors.sock");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            server.configureBlocking(false);
            acceptor = Selector.open();
            server.register(acceptor, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new ExecutorFailure("cannot open the socket for executors: " + e.getMessage(), e);
        }
        try {
            workingDirectory = Files.createTempDirectory(SHARED_MEMORY, "mmkit-files-");
            Files.setPosixFilePermissions(workingDirectory, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new ExecutorFailure("cannot make the scenarios' working directory in " + SHARED_MEMORY
                    + " (a tmpfs is needed there): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(closeAtExit);
    }

    /** Starts a supervisor and returns the first scenario process it forks, once that has connected. */
    ExecutorProcess start(boolean privileged, String label) {
        Path log;
        Process supervisor;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the linux backend is closed");
            }
            supervisors.removeIf(process -> !process.isAlive());
            log = directory.resolve("executor-" + ++started + ".log");
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), socket.toString(),
                    privileged ? "privileged" : "unprivileged", workingDirectory.toString());
            builder.environment().put("MMKIT_EXECUTOR_TOKEN", token);
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            try {
                supervisor = builder.start();
            } catch (IOException e) {
                throw new ExecutorFailure("cannot start " + executable + ": " + e.getMessage(), e);
            }
            supervisors.add(supervisor);
        }
        long supervisorPid = supervisor.pid();
        try {
            Hello hello = awaitHello(candidate -> candidate.parentPid() == supervisorPid, supervisor::isAlive,
                    "the executor for " + label + " (supervisor pid " + supervisorPid + ")", log);
            return new ExecutorProcess(label, hello.pid(), hello.channel(), timeout, log);
        } catch (ExecutorFailure e) {
            ExecutorProcess.killTree(supervisor.toHandle());
            throw e;
        }
    }

    /** The process a scenario process forked, once it has connected. */
    ExecutorProcess forked(long pid, String label, Path log) {
        Hello hello = awaitHello(candidate -> candidate.pid() == pid,
                () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "the forked executor for " + label + " (pid " + pid + ")", log);
        return new ExecutorProcess(label, pid, hello.channel(), timeout, log);
    }

    private synchronized Hello awaitHello(Predicate<Hello> wanted, BooleanSupplier alive, String who, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                for (Iterator<Hello> i = unclaimed.iterator(); i.hasNext(); ) {
                    Hello hello = i.next();
                    if (wanted.test(hello)) {
                        i.remove();
                        return hello;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ExecutorFailure(who + " did not connect within " + ExecutorProcess.seconds(timeout) + ExecutorProcess.logTail(log));
                }
                if (!alive.getAsBoolean()) {
                    throw new ExecutorFailure(who + " ended before connecting" + ExecutorProcess.logTail(log));
                }
                acceptor.select(Math.max(1, Math.min(LIVENESS_CHECK_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
                acceptor.selectedKeys().clear();
                SocketChannel connection;
                while ((connection = server.accept()) != null) {
                    receiveHello(connection, deadline);
                }
            }
        } catch (IOException e) {
            throw new ExecutorFailure("cannot accept executor connections: " + e.getMessage(), e);
        }
    }

    /** Reads a new connection's hello; a connection that does not prove itself is dropped. */
    private void receiveHello(SocketChannel connection, long deadline) throws IOException {
        FrameChannel channel = new FrameChannel(connection);
        try {
            FrameChannel.Frame frame = channel.read(deadline);
            ByteBuffer payload = frame.payload();
            if (frame.code() == LinuxProtocol.STATUS_HELLO && payload.remaining() == 16 + LinuxProtocol.TOKEN_CHARS) {
                long pid = payload.getLong();
                long parentPid = payload.getLong();
                if (StandardCharsets.US_ASCII.decode(payload).toString().equals(token)) {
                    unclaimed.add(new Hello(pid, parentPid, channel));
                    return;
                }
            }
        } catch (IOException e) {
            // a connection that fails before saying hello is dropped like any stranger
        }
        channel.close();
    }

    /** Kills every executor started here, waits for the supervisors, removes the directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != closeAtExit) {
            Runtime.getRuntime().removeShutdownHook(closeAtExit);
        }
        // Scenario processes first, so that their supervisor reaps them and then exits by itself.
        for (Process supervisor : supervisors) {
            supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        for (Process supervisor : supervisors) {
            try {
                if (!supervisor.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    supervisor.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        unclaimed.forEach(hello -> hello.channel().close());
        try {
            acceptor.close();
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the socket in " + directory, e);
        }
        removeTree(workingDirectory);
        removeTree(directory);
    }

    /** The working directory of the scenario processes. */
    Path workingDirectory() {
        return workingDirectory;
    }

    private static void removeTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
