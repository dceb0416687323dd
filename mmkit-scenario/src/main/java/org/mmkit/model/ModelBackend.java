package org.mmkit.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mmkit.backend.Access;
import org.mmkit.backend.Backend;
import org.mmkit.backend.KernelVersion;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Result;
import org.mmkit.backend.Syscall;
import org.mmkit.backend.SyscallReturn;
import org.mmkit.backend.ThreadOutcome;
import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
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

    /** The model; replaced once, before the first process, by a {@code soft-dirty} requirement. */
    private Kernel kernel;
    /** Whether a {@code swap} requirement made this backend switch on a swap area of its own. */
    private boolean swapLent;
    /** The swap type of the lent area while it is on ({@link #switchLentSwap}), else -1. */
    private int lentSwapType = -1;
    private final Map<Integer, SimProcess> processes = new HashMap<>();
    /** The spawned threads of each process; a forked child starts with none, as after fork(2). */
    private final Map<Integer, Threads> threads = new HashMap<>();
    private int nextHandle = 1;
    private boolean closed;

    /** Where a thread's operation stands: ended, parked in the kernel waiting for another thread, or neither yet. */
    private enum Progress {
        ENDED, BLOCKED, RUNNING
    }

    /** How often a wait for a thread's operation looks whether the thread has blocked in the kernel. */
    private static final Duration SETTLE_POLL = Duration.ofMillis(1);

    /** A spawned thread running one operation, and its outcome, completed by the Java thread that runs it. */
    private record Spawned<T>(SimThread thread, CompletableFuture<T> outcome) {
        /** Runs {@code operation} on a new Java thread named {@code name}. */
        static <T> Spawned<T> run(SimThread thread, String name, Supplier<T> operation) {
            CompletableFuture<T> outcome = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name(name).start(() -> {
                try {
                    outcome.complete(operation.get());
                } catch (Throwable t) {
                    outcome.completeExceptionally(t);
                }
            });
            return new Spawned<>(thread, outcome);
        }

        /** Neither ended nor asleep in the kernel: it may still wake another thread. */
        boolean running() {
            return !outcome.isDone() && !thread.blocked();
        }

        /** The outcome of an operation that has ended; what it threw is rethrown. */
        T ended() {
            try {
                return outcome.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /** The threads of one process: handles 1, 2, 3... in spawn order; those not awaited yet by handle. */
    private static final class Threads {
        int last;
        final Map<Integer, Spawned<ThreadOutcome>> running = new HashMap<>();
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

    /**
     * The answer to a {@code soft-dirty} requirement: the kernel backend lacks the option here, so
     * the model builds itself with it ({@code CONFIG_MEM_SOFT_DIRTY}) if no process runs yet,
     * keeping a swap area it lent itself.
     */
    private String switchOnSoftDirty() {
        KernelConfig config = kernel.config();
        if (config.softDirty()) {
            return null;
        }
        if (!processes.isEmpty()) {
            return "soft-dirty is off in this kernel configuration, and processes run already";
        }
        kernel.close();
        kernel = Kernel.create(config.toBuilder().softDirty(true).build());
        if (swapLent) {
            kernel.swapon(Requirement.LENT_SWAP_BYTES / Uapi.PAGE_SIZE, Requirement.LENT_SWAP_PRIORITY);
        }
        return null;
    }

    @Override
    public String unsupported(Requirement requirement) {
        KernelConfig config = kernel.config();
        return switch (requirement.kind()) {
            case ROOT, OOM -> null;
            case SOFT_DIRTY -> switchOnSoftDirty();
            case NO_SOFT_DIRTY -> kernel.config().softDirty() ? "this kernel configuration tracks soft-dirty pages" : null;
            case ZERO_PAGE -> config.sharedZeroPage() ? null : "this kernel configuration maps no shared zero page";
            case NO_ZERO_PAGE -> config.sharedZeroPage() ? "this kernel configuration maps the shared zero page" : null;
            case ANON_VMA_NAME -> config.anonVmaName() ? null : "this kernel configuration has no anonymous VMA names";
            case NO_ANON_VMA_NAME -> config.anonVmaName() ? "this kernel configuration names anonymous VMAs" : null;
            case KERNEL -> {
                int wanted = KernelVersion.parse(requirement.argument());
                yield config.kernelVersion() >= wanted ? null
                        : "models kernel " + KernelVersion.format(config.kernelVersion()) + ", needs " + requirement.argument();
            }
            case UFFD, UFFD_EVENTS, MEMCG -> null;
            case SWAP -> {
                // as the kernel backend lends its machine a swap area, the model switches one on
                if (config.swapAreas().isEmpty() && !swapLent) {
                    lentSwapType = kernel.swapon(Requirement.LENT_SWAP_BYTES / Uapi.PAGE_SIZE, Requirement.LENT_SWAP_PRIORITY);
                    swapLent = true;
                }
                yield null;
            }
            case HUGETLB, THP -> requirement.kind().scenarioName() + " is not modelled yet";
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

    /**
     * Makes the call as the main thread, on the calling Java thread. A call that sleeps until
     * another thread wakes it is waited for while threads of the scenario that could still wake
     * it run; once every spawned thread has ended or sleeps too, nothing can wake it (the
     * scenario's next step waits for this one), so it is an error, where the kernel backend's
     * executor would wait for ever and be killed at its timeout. (Before, every call ran on a
     * virtual thread of its own so that its sleep could be seen from here, about 19 µs a call.)
     */
    @Override
    public long syscall(int pid, Syscall call, long... args) {
        SimProcess p = process(pid);
        String name = call.name().toLowerCase(Locale.ROOT) + " of process " + pid;
        long raw = p.mainThread().call(() -> invoke(p, call, args), new SleepWatch(name));
        settleSpawned(); // threads it woke end or sleep again before the next step
        return raw;
    }

    /**
     * Watches a sleep of a main-thread call ({@link SimThread#call(Supplier, Runnable)}): it ends
     * the sleep with an error once no spawned thread runs that could wake it, or once they have
     * run for {@link #RUNAWAY_LIMIT} without ending or sleeping (a model bug).
     */
    private final class SleepWatch implements Runnable {
        private final String call;
        /** When the sleep began, from the first look. */
        private long since;
        private boolean asleep;

        SleepWatch(String call) {
            this.call = call;
        }

        @Override
        public void run() {
            if (!asleep) {
                asleep = true;
                since = System.nanoTime();
            }
            boolean othersRun = threads.values().stream().flatMap(t -> t.running.values().stream()).anyMatch(Spawned::running);
            if (!othersRun) {
                throw new IllegalStateException(call
                        + " sleeps until another thread wakes it, and no thread of the scenario can: it would wait for ever");
            }
            if (System.nanoTime() - since > RUNAWAY_LIMIT.toNanos()) {
                throw new IllegalStateException("while " + call + " sleeps, a spawned thread neither ended nor blocked within "
                        + RUNAWAY_LIMIT.toSeconds() + " s: a model bug");
            }
        }
    }

    /**
     * Waits until every spawned thread's operation has ended or sleeps in the kernel, looking
     * again at all of them after any had to be waited for, since that one may have woken one
     * looked at before. Throws if one neither ends nor sleeps within {@link #RUNAWAY_LIMIT}.
     */
    private void settleSpawned() {
        boolean waited = true;
        while (waited) {
            waited = false;
            for (Threads spawned : threads.values()) {
                for (Spawned<ThreadOutcome> thread : spawned.running.values()) {
                    if (!thread.running()) {
                        continue;
                    }
                    waited = true;
                    if (settle(thread, RUNAWAY_LIMIT) == Progress.RUNNING) {
                        throw new IllegalStateException("a spawned thread neither ended nor blocked within "
                                + RUNAWAY_LIMIT.toSeconds() + " s: a model bug");
                    }
                }
            }
        }
    }

    /** The call on the model's API; an errno becomes {@code -errno}. */
    private static long invoke(SimProcess p, Syscall call, long... args) {
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
                case PIDFD_GETFD -> p.pidfdGetfd((int) args[0], (int) args[1], args[2]);
                case PROCESS_MRELEASE -> done(() -> p.processMrelease((int) args[0], args[1]));
                case PROCESS_VM_READV -> p.processVmReadv(args[0], args[1], args[2], args[3], args[4], args[5]);
                case PROCESS_VM_WRITEV -> p.processVmWritev(args[0], args[1], args[2], args[3], args[4], args[5]);
                case PROCESS_MADVISE -> p.processMadvise((int) args[0], args[1], args[2], (int) args[3], args[4]);
                case USERFAULTFD -> p.userfaultfd((int) args[0]);
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
    public long switchLentSwap(boolean on) {
        if (!swapLent) {
            throw new UnsupportedOperationException("swapoff() and swapon() act on the swap area lent for 'requires: swap', "
                    + "and the model lent none (a scenario without the requirement, or a configuration with swap of its own)");
        }
        if (on == (lentSwapType >= 0)) {
            return -(on ? Errno.EBUSY : Errno.EINVAL).number();
        }
        if (on) {
            lentSwapType = kernel.swapon(Requirement.LENT_SWAP_BYTES / Uapi.PAGE_SIZE, Requirement.LENT_SWAP_PRIORITY);
            return 0;
        }
        try {
            kernel.swapoff(lentSwapType);
            lentSwapType = -1;
            return 0;
        } catch (ErrnoException e) {
            return -e.errno().number();
        }
    }

    /** The model's machine holds only the scenario's processes: everything reclaimable goes. */
    @Override
    public void reclaim() {
        kernel.reclaim(Long.MAX_VALUE);
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

    /**
     * {@code fork()} as a system call of the main thread ({@link #syscall}): with userfaultfd's
     * EVENT_FORK it sleeps until another thread reads the FORK event.
     */
    @Override
    public int fork(int pid) {
        SimProcess p = process(pid);
        try {
            SimProcess child = p.mainThread().call(p::fork, new SleepWatch("fork of process " + pid));
            settleSpawned(); // the reader it woke ends or sleeps again before the next step
            return register(child);
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
        settleSpawned(); // its files closed: readers or writers of its pipes in other processes woke
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
     * The call as the new thread's; a {@code poll} with a finite positive timeout is refused, as
     * whether a file becomes ready before the time passes depends on the kernel's clock, which
     * the model does not have (with nothing ready it returns 0 at once).
     */
    @Override
    public int startSyscall(int pid, Syscall call, long... args) {
        if (call == Syscall.POLL && (int) args[2] > 0) {
            throw new UnsupportedOperationException("poll with a timeout of " + (int) args[2]
                    + " ms on a spawned thread is not modelled: whether a file becomes ready in time depends on the clock");
        }
        SimProcess p = process(pid);
        return start(pid, thread -> new SyscallReturn(thread.call(() -> invoke(p, call, args))));
    }

    /**
     * Runs the operation on a Java thread of its own and returns once it has ended or is blocked
     * in the kernel, so the scenario's next step sees the same machine on every run.
     */
    private int start(int pid, Function<SimThread, ThreadOutcome> operation) {
        SimThread thread = process(pid).newThread();
        Threads spawned = threads.computeIfAbsent(pid, p -> new Threads());
        int handle = ++spawned.last;
        Spawned<ThreadOutcome> started = Spawned.run(thread, "model process " + pid + " thread " + handle,
                () -> operation.apply(thread));
        spawned.running.put(handle, started);
        if (settle(started, RUNAWAY_LIMIT) == Progress.RUNNING) {
            throw new IllegalStateException("thread " + handle + " of process " + pid
                    + " neither ended nor blocked within " + RUNAWAY_LIMIT.toSeconds() + " s: a model bug");
        }
        return handle;
    }

    @Override
    public long threadId(int pid, int thread) {
        Threads spawned = threads.get(pid);
        Spawned<?> running = spawned == null ? null : spawned.running.get(thread);
        if (running == null) {
            throw new IllegalArgumentException("no running thread " + thread + " in process " + pid);
        }
        return running.thread().tid();
    }

    /**
     * A blocked thread is not waited for: in the model only the scenario's next steps could wake
     * it, and they wait for this call, so it returns {@code null} at once.
     */
    @Override
    public ThreadOutcome awaitThread(int pid, int thread, Duration timeout) {
        Threads spawned = threads.get(pid);
        Spawned<ThreadOutcome> awaited = spawned == null ? null : spawned.running.get(thread);
        if (awaited == null) {
            throw new IllegalArgumentException("no running thread " + thread + " in process " + pid);
        }
        if (settle(awaited, timeout) != Progress.ENDED) {
            return null;
        }
        spawned.running.remove(thread);
        return awaited.ended();
    }

    /**
     * Waits at most {@code limit} until the thread's operation has ended or the thread is parked
     * in the kernel waiting for another thread ({@link SimThread#blocked}).
     */
    private static Progress settle(Spawned<?> spawned, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (spawned.outcome().isDone()) {
                return Progress.ENDED;
            }
            if (spawned.thread().blocked()) {
                return Progress.BLOCKED;
            }
            if (System.nanoTime() - deadline > 0) {
                return Progress.RUNNING;
            }
            try {
                spawned.outcome().get(SETTLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // looked at again above; an exception it ended with is rethrown by awaitThread
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
