package org.mmkit.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.mmkit.backend.Access;
import org.mmkit.backend.Backend;
import org.mmkit.backend.KernelVersion;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Result;
import org.mmkit.backend.Syscall;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.Uapi;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;
import org.mmkit.core.Uapi;

/**
 * The model as a scenario backend: one simulated machine ({@link Kernel}) per backend instance,
 * its processes addressed by handles. Translates the model's exceptions into the raw kernel
 * convention of {@link Backend}: {@link ErrnoException} becomes {@code -errno}, {@link MemoryFault}
 * a signalled {@link Access}.
 */
public final class ModelBackend implements Backend {
    /** How long a model access may run without ending or blocking before it counts as a model bug. */
    private static final Duration RUNAWAY_LIMIT = Duration.ofSeconds(10);

    private final Kernel kernel;
    private final Map<Integer, SimProcess> processes = new HashMap<>();
    /** The spawned threads of each process; a forked child starts with none, as after fork(2). */
    private final Map<Integer, Threads> threads = new HashMap<>();
    private int nextHandle = 1;
    private boolean closed;

    /** Where a spawned access stands: ended, parked in the kernel waiting for another thread, or neither yet. */
    private enum Progress {
        ENDED, BLOCKED, RUNNING
    }

    /** How often a wait for a spawned access looks whether its thread has blocked in the kernel. */
    private static final Duration SETTLE_POLL = Duration.ofMillis(1);

    /** A spawned thread and the outcome of its one access, completed by the Java thread that runs it. */
    private record Spawned(SimThread thread, CompletableFuture<Access> outcome) {
    }

    /** The threads of one process: handles 1, 2, 3... in spawn order; those not awaited yet by handle. */
    private static final class Threads {
        int last;
        final Map<Integer, Spawned> running = new HashMap<>();
    }

    public ModelBackend(KernelConfig config) {
        this(Kernel.create(config));
    }

    /** A backend on {@code kernel}, which it closes when it is closed. */
    ModelBackend(Kernel kernel) {
        this.kernel = kernel;
    }

    /** The model configured as the reference kernel ({@link KernelConfig#linux618()}). */
    public ModelBackend() {
        this(KernelConfig.linux618());
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public String unsupported(Requirement requirement) {
        KernelConfig config = kernel.config();
        return switch (requirement.kind()) {
            case ROOT, OOM -> null;
            case SOFT_DIRTY -> config.softDirty() ? null : "soft-dirty is off in this kernel configuration";
            case ZERO_PAGE -> config.sharedZeroPage() ? null : "this kernel configuration maps no shared zero page";
            case NO_ZERO_PAGE -> config.sharedZeroPage() ? "this kernel configuration maps the shared zero page" : null;
            case ANON_VMA_NAME -> config.anonVmaName() ? null : "this kernel configuration has no anonymous VMA names";
            case NO_ANON_VMA_NAME -> config.anonVmaName() ? "this kernel configuration names anonymous VMAs" : null;
            case KERNEL -> {
                int wanted = KernelVersion.parse(requirement.argument());
                yield config.kernelVersion() >= wanted ? null
                        : "models kernel " + KernelVersion.format(config.kernelVersion()) + ", needs " + requirement.argument();
            }
            case UFFD, SWAP, HUGETLB, THP -> requirement.kind().scenarioName() + " is not modelled yet";
        };
    }

    @Override
    public String workingDirectory() {
        return SimProcess.WORKING_DIRECTORY;
    }

    @Override
    public int newProcess(boolean privileged) {
        return register(kernel.newProcess(privileged));
    }

    @Override
    public long syscall(int pid, Syscall call, long... args) {
        SimProcess p = process(pid);
        try {
            return switch (call) {
                case MMAP -> p.mmap(args[0], args[1], args[2], args[3], (int) args[4], args[5]);
                case MUNMAP -> done(() -> p.munmap(args[0], args[1]));
                case MPROTECT -> done(() -> p.mprotect(args[0], args[1], args[2]));
                case MREMAP -> p.mremap(args[0], args[1], args[2], args[3], args[4]);
                case MADVISE -> done(() -> p.madvise(args[0], args[1], (int) args[2]));
                case MLOCK -> done(() -> p.mlock(args[0], args[1]));
                case MUNLOCK -> done(() -> p.munlock(args[0], args[1]));
                case MLOCK2 -> done(() -> p.mlock2(args[0], args[1], args[2]));
                case MLOCKALL -> done(() -> p.mlockall(args[0]));
                case MUNLOCKALL -> done(p::munlockall);
                case MSYNC -> done(() -> p.msync(args[0], args[1], args[2]));
                case FTRUNCATE -> done(() -> p.ftruncate((int) args[0], args[1]));
                case FALLOCATE -> done(() -> p.fallocate((int) args[0], (int) args[1], args[2], args[3]));
                case CLOSE -> done(() -> p.close((int) args[0]));
                case READ -> p.read((int) args[0], args[1], args[2]);
                case WRITE -> p.write((int) args[0], args[1], args[2]);
                case LSEEK -> p.lseek((int) args[0], args[1], (int) args[2]);
                case IOCTL -> p.ioctl((int) args[0], (int) args[1], args[2]);
                case FCNTL -> p.fcntl((int) args[0], (int) args[1], args[2]);
                case POLL -> p.poll(args[0], args[1], (int) args[2]);
                case OPEN -> p.openat(Uapi.AT_FDCWD, args[0], (int) args[1], (int) args[2]);
                case OPENAT -> p.openat((int) args[0], args[1], (int) args[2], (int) args[3]);
                case CREAT -> p.openat(Uapi.AT_FDCWD, args[0], Uapi.O_CREAT | Uapi.O_WRONLY | Uapi.O_TRUNC, (int) args[1]);
                case UNLINK -> done(() -> p.unlinkat(Uapi.AT_FDCWD, args[0], 0));
                case UNLINKAT -> done(() -> p.unlinkat((int) args[0], args[1], (int) args[2]));
                case DUP -> p.dup((int) args[0]);
                case DUP2 -> p.dup2((int) args[0], (int) args[1]);
                case DUP3 -> p.dup3((int) args[0], (int) args[1], (int) args[2]);
                case FSTAT -> done(() -> p.fstat((int) args[0], args[1]));
                case PREAD -> p.pread((int) args[0], args[1], args[2], args[3]);
                case PWRITE -> p.pwrite((int) args[0], args[1], args[2], args[3]);
                case READV -> p.readv((int) args[0], args[1], args[2]);
                case WRITEV -> p.writev((int) args[0], args[1], args[2]);
                case PREADV -> p.preadv((int) args[0], args[1], args[2], args[3]);
                case PWRITEV -> p.pwritev((int) args[0], args[1], args[2], args[3]);
                case PIPE -> done(() -> p.pipe2(args[0], 0));
                case PIPE2 -> done(() -> p.pipe2(args[0], (int) args[1]));
                case MEMFD_CREATE -> p.memfdCreate(args[0], args[1]);
                case GETRLIMIT -> done(() -> p.getrlimit(args[0], args[1]));
                case SETRLIMIT -> done(() -> p.setrlimit(args[0], args[1]));
                case PRLIMIT64 -> done(() -> p.prlimit64((int) args[0], args[1], args[2], args[3]));
                case BRK -> p.brk(args[0]);
                case MSEAL -> done(() -> p.mseal(args[0], args[1], args[2]));
                case PRCTL -> prctl(p, args);
                case REMAP_FILE_PAGES -> done(() -> p.remapFilePages(args[0], args[1], args[2], args[3], args[4]));
                case PIDFD_OPEN -> p.pidfdOpen(args[0], args[1]);
                case PROCESS_MRELEASE -> done(() -> p.processMrelease((int) args[0], args[1]));
                case PROCESS_VM_READV -> p.processVmReadv(args[0], args[1], args[2], args[3], args[4], args[5]);
                case PROCESS_VM_WRITEV -> p.processVmWritev(args[0], args[1], args[2], args[3], args[4], args[5]);
                case PROCESS_MADVISE -> p.processMadvise((int) args[0], args[1], args[2], (int) args[3], args[4]);
                case USERFAULTFD -> throw new UnsupportedOperationException("userfaultfd is not modelled yet");
            };
        } catch (ErrnoException e) {
            return -e.errno().number();
        }
    }

    /** {@code prctl}: the model has only PR_SET_VMA; its option is the kernel's {@code int}. */
    private static long prctl(SimProcess p, long[] args) {
        if ((int) args[0] != Uapi.PR_SET_VMA) {
            throw new UnsupportedOperationException("prctl option " + (int) args[0] + " is not modelled (only PR_SET_VMA is)");
        }
        return done(() -> p.prctlSetVma(args[1], args[2], args[3], args[4]));
    }

    @Override
    public Result<byte[]> mincore(int pid, long addr, long len) {
        try {
            return Result.of(process(pid).mincore(addr, len));
        } catch (ErrnoException e) {
            return Result.error(e.errno().number());
        }
    }

    @Override
    public int pid(int handle) {
        return process(handle).pid();
    }

    @Override
    public int fork(int pid) {
        try {
            return register(process(pid).fork());
        } catch (ErrnoException e) {
            return -e.errno().number();
        }
    }

    @Override
    public void exit(int pid) {
        process(pid).exit();
        processes.remove(pid);
        Threads ended = threads.remove(pid);
        if (ended != null) {
            // exit_group kills the threads; their Java threads end once their access returns
            ended.running.values().forEach(t -> settle(t, RUNAWAY_LIMIT));
        }
    }

    @Override
    public Access load(int pid, long addr, int len) {
        return load(process(pid).mainThread(), addr, len);
    }

    @Override
    public Access store(int pid, long addr, byte[] data) {
        return store(process(pid).mainThread(), addr, data);
    }

    @Override
    public int startLoad(int pid, long addr, int len) {
        return start(pid, thread -> load(thread, addr, len));
    }

    @Override
    public int startStore(int pid, long addr, byte[] data) {
        return start(pid, thread -> store(thread, addr, data));
    }

    /**
     * Runs the access on a Java thread of its own and returns once it has ended or is blocked in
     * the kernel, so the scenario's next step sees the same machine on every run.
     */
    private int start(int pid, Function<SimThread, Access> access) {
        SimThread thread = process(pid).newThread();
        Threads spawned = threads.computeIfAbsent(pid, p -> new Threads());
        int handle = ++spawned.last;
        CompletableFuture<Access> outcome = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("model process " + pid + " thread " + handle).start(() -> {
            try {
                outcome.complete(access.apply(thread));
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
        Spawned started = new Spawned(thread, outcome);
        spawned.running.put(handle, started);
        if (settle(started, RUNAWAY_LIMIT) == Progress.RUNNING) {
            throw new IllegalStateException("thread " + handle + " of process " + pid
                    + " neither ended nor blocked within " + RUNAWAY_LIMIT.toSeconds() + " s: a model bug");
        }
        return handle;
    }

    /**
     * A blocked thread is not waited for: in the model only the scenario's next steps could wake
     * it, and they wait for this call, so it returns {@code null} at once.
     */
    @Override
    public Access awaitAccess(int pid, int thread, Duration timeout) {
        Threads spawned = threads.get(pid);
        Spawned awaited = spawned == null ? null : spawned.running.get(thread);
        if (awaited == null) {
            throw new IllegalArgumentException("no running thread " + thread + " in process " + pid);
        }
        if (settle(awaited, timeout) != Progress.ENDED) {
            return null;
        }
        spawned.running.remove(thread);
        try {
            return awaited.outcome().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Waits at most {@code limit} until the thread's access has ended or the thread is parked in
     * the kernel waiting for another thread. Nothing in the model blocks yet (the core API cannot
     * tell a parked thread yet), so today this waits for the end.
     */
    private static Progress settle(Spawned spawned, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                spawned.outcome().get(SETTLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
                return Progress.ENDED;
            } catch (TimeoutException e) {
                if (spawned.thread().blocked()) {
                    return Progress.BLOCKED;
                }
                if (System.nanoTime() - deadline > 0) {
                    return Progress.RUNNING;
                }
            } catch (ExecutionException e) {
                return Progress.ENDED;   // ended by an exception, which awaitAccess rethrows
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a model thread", e);
            }
        }
    }

    private static Access load(SimThread thread, long addr, int len) {
        byte[] data = new byte[len];
        try {
            thread.load(addr, data);
            return Access.loaded(data);
        } catch (MemoryFault f) {
            return signalled(f);
        }
    }

    private static Access store(SimThread thread, long addr, byte[] data) {
        try {
            thread.store(addr, data);
            return Access.stored();
        } catch (MemoryFault f) {
            return signalled(f);
        }
    }

    private static Access signalled(MemoryFault f) {
        return Access.signalled(f.signal().number(), f.code(), f.address());
    }

    @Override
    public Result<byte[]> pagemapRead(int pid, long offset, int count) {
        byte[] buf = new byte[count];
        try {
            int n = process(pid).pagemapRead(offset, buf);
            return Result.of(Arrays.copyOf(buf, n));
        } catch (ErrnoException e) {
            return Result.error(e.errno().number());
        }
    }

    @Override
    public String procText(int pid, ProcFile file) {
        SimProcess p = process(pid);
        return switch (file) {
            case MAPS -> p.maps();
            case SMAPS -> p.smaps();
            case STATUS -> p.status();
            case STATM -> p.statm();
            case SMAPS_ROLLUP -> p.smapsRollup();
        };
    }

    /** Releases the machine's off-heap memory; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        processes.clear();
        threads.clear();
        kernel.close();
    }

    private int register(SimProcess p) {
        int handle = nextHandle++;
        processes.put(handle, p);
        return handle;
    }

    private SimProcess process(int pid) {
        SimProcess p = processes.get(pid);
        if (p == null) {
            throw new IllegalArgumentException("no live process with handle " + pid);
        }
        return p;
    }

    /** Runs a system call that returns nothing on success; its raw result is then 0. */
    private static long done(Runnable call) {
        call.run();
        return 0;
    }
}
