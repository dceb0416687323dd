package org.mmkit.linux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.mmkit.backend.Access;
import org.mmkit.backend.Backend;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Result;
import org.mmkit.backend.Syscall;
import org.mmkit.backend.ThreadOutcome;
import org.mmkit.core.Errno;

/**
 * The real Linux kernel of this machine as a {@link Backend}: every scenario process is a native
 * executor process ({@code mmkit-executor}) that performs the system calls and memory accesses,
 * so faults, fork and /proc files are the kernel's own. Process handles are 1, 2, 3... in the
 * order processes are created. A request that gets no answer within the timeout kills its
 * executor and throws {@link ExecutorFailure}; so does a request to an executor that died.
 * Thread-safe; requests to one process are served one at a time.
 *
 * <p>Run as root, the backend gives the machine swap or huge pages when a scenario requires them
 * and the machine has none ({@link MachineSetup}), and restores the machine on {@link #close};
 * for a {@code memcg} scenario it runs the processes in a memory cgroup of their own
 * ({@link MemoryGroup}), removed on close.
 */
public final class LinuxBackend implements Backend {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorServer server;
    private final KernelRequirements requirements;
    private final MachineSetup machineSetup = new MachineSetup();
    private final MemoryGroup memoryGroup = new MemoryGroup();
    private final Map<Integer, ExecutorProcess> processes = new ConcurrentHashMap<>();
    private final AtomicInteger lastHandle = new AtomicInteger();

    /** A backend with the executor the build made and the default timeout. */
    public LinuxBackend() {
        this(DEFAULT_TIMEOUT);
    }

    public LinuxBackend(Duration timeout) {
        this(ExecutorBinary.locate(), timeout);
    }

    /**
     * @param executor the {@code mmkit-executor} binary
     * @param timeout  how long any request may take before its executor is killed
     */
    public LinuxBackend(Path executor, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        server = new ExecutorServer(executor, timeout);
        requirements = new KernelRequirements(privileged -> server.start(privileged, "requirement probe"));
    }

    @Override
    public long switchLentSwap(boolean on) {
        return machineSetup.switchAddedSwap(on);
    }

    /**
     * {@code memory.force_empty} of the scenario's memory cgroup, then every process reads back
     * the pages of its own executor that went too, so that only the scenario's pages stay out.
     */
    @Override
    public void reclaim() {
        memoryGroup.forceEmpty();
        processes.values().forEach(ExecutorProcess::unswapOwn);
    }

    @Override
    public String name() {
        return "linux";
    }

    @Override
    public String workingDirectory() {
        return server.workingDirectory().toString();
    }

    @Override
    public String unsupported(Requirement requirement) {
        return switch (requirement.kind()) {
            case SWAP, HUGETLB -> machineSetup.ensure(requirement);
            case MEMCG -> memoryGroup.ensure();
            default -> requirements.unsupported(requirement);
        };
    }

    /** @throws IllegalStateException for a privileged process when the JVM does not run as root */
    @Override
    public int newProcess(boolean privileged) {
        if (privileged && !KernelRequirements.root()) {
            throw new IllegalStateException("a privileged process needs root; the effective uid is "
                    + KernelRequirements.effectiveUid() + " (check unsupported(ROOT) first)");
        }
        int handle = lastHandle.incrementAndGet();
        ExecutorProcess process = server.start(privileged, label(handle));
        processes.put(handle, process);
        memoryGroup.join(process.pid());
        return handle;
    }

    /** Arguments beyond those given are 0. */
    @Override
    public long syscall(int pid, Syscall call, long... args) {
        return process(pid).syscall(name(call, args), call.number(), args);
    }

    /** How messages name the call; checks its arguments' count. */
    private static String name(Syscall call, long[] args) {
        if (args.length > call.arity()) {
            throw new IllegalArgumentException(call + " takes " + call.arity() + " arguments, not " + args.length);
        }
        return call.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Result<byte[]> mincore(int pid, long addr, long len) {
        return process(pid).mincore(addr, len);
    }

    @Override
    public int fork(int pid) {
        ExecutorProcess parent = process(pid);
        long child = parent.fork();
        if (child < 0) {
            return (int) child;
        }
        int handle = lastHandle.incrementAndGet();
        try {
            processes.put(handle, server.forked(child, label(handle), parent.log()));
        } catch (ExecutorFailure e) {
            ProcessHandle.of(child).ifPresent(ExecutorProcess::killTree);
            throw e;
        }
        return handle;
    }

    /** Returns once the process is gone, its address space released. */
    @Override
    public void exit(int pid) {
        process(pid).exit();
        processes.remove(pid);
    }

    @Override
    public Access load(int pid, long addr, int len) {
        return process(pid).load(addr, length(len));
    }

    @Override
    public Access store(int pid, long addr, byte[] data) {
        return process(pid).store(addr, data);
    }

    /**
     * A pthread of the process's executor that performs the load; thread handles are the
     * executor's own ids, 1, 2, 3...
     *
     * @throws ExecutorFailure when the executor cannot start another thread
     */
    @Override
    public int startLoad(int pid, long addr, int len) {
        return started(pid, process(pid).spawnLoad(addr, length(len)));
    }

    /** @throws IllegalArgumentException for more than {@link LinuxProtocol#MAX_TRANSFER} bytes */
    @Override
    public int startStore(int pid, long addr, byte[] data) {
        return started(pid, process(pid).spawnStore(addr, data));
    }

    /** A pthread of the process's executor that makes the call by its number; arguments beyond those given are 0. */
    @Override
    public int startSyscall(int pid, Syscall call, long... args) {
        return started(pid, process(pid).spawnSyscall(name(call, args), call.number(), args));
    }

    @Override
    public ThreadOutcome awaitThread(int pid, int thread, Duration timeout) {
        return process(pid).await(thread, timeout);
    }

    /** @throws IllegalArgumentException when the executor no longer knows the thread */
    @Override
    public long threadId(int pid, int thread) {
        long tid = process(pid).threadId(thread);
        if (tid <= 0) {
            throw new IllegalArgumentException("thread " + thread + " of process " + pid + " has ended");
        }
        return tid;
    }

    private static int started(int pid, long thread) {
        if (thread == -Errno.EAGAIN.number()) {
            throw new ExecutorFailure("process " + pid + " cannot start another thread: EAGAIN, at most "
                    + LinuxProtocol.MAX_THREADS + " spawned threads of a process may be alive at once");
        }
        if (thread <= 0) {
            throw new ExecutorFailure("process " + pid + " could not start a thread: pthread_create error " + -thread);
        }
        return (int) thread;
    }

    private static int length(int len) {
        if (len < 0) {
            throw new IllegalArgumentException("negative load length " + len);
        }
        return len;
    }

    @Override
    public Result<byte[]> pagemapRead(int pid, long offset, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative pagemap read count " + count);
        }
        return process(pid).pagemapRead(offset, count);
    }

    /** The text includes the executor's own mappings (its binary, libc, stack, vdso). */
    @Override
    public String procText(int pid, ProcFile file) {
        return process(pid).procText(file);
    }

    /**
     * Kills every executor, removes the backend's temporary files and its memory cgroup, then
     * restores the machine's swap and huge pages: last, so that no scenario process still uses them.
     */
    @Override
    public void close() {
        try {
            server.close();
            processes.values().forEach(process -> process.disconnect("the linux backend is closed"));
            processes.clear();
        } finally {
            try {
                memoryGroup.close();
            } finally {
                machineSetup.close();
            }
        }
    }

    /** The Linux pid of the process's executor. */
    @Override
    public int pid(int handle) {
        return Math.toIntExact(process(handle).pid());
    }

    /** Makes the process's executor sleep before answering, to test timeouts. */
    void stall(int pid, Duration duration) {
        process(pid).stall(duration);
    }

    /** Starts a thread of the process's executor that sleeps in the kernel, then ends: a blocked thread for tests. */
    int startStall(int pid, Duration duration) {
        return started(pid, process(pid).spawnStall(duration));
    }

    private ExecutorProcess process(int pid) {
        ExecutorProcess process = processes.get(pid);
        if (process == null) {
            throw new IllegalArgumentException("no process " + pid + " in the linux backend");
        }
        return process;
    }

    private static String label(int handle) {
        return "process " + handle;
    }
}
