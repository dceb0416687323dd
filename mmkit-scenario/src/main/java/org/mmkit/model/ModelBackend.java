package org.mmkit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.mmkit.core.MemoryFault;
import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;

/**
 * The model as a scenario backend: one simulated machine ({@link Kernel}) per backend instance,
 * its processes addressed by handles. Translates the model's exceptions into the raw kernel
 * convention of {@link Backend}: {@link ErrnoException} becomes {@code -errno}, {@link MemoryFault}
 * a signalled {@link Access}.
 */
public final class ModelBackend implements Backend {
    private final Kernel kernel;
    private final Map<Integer, SimProcess> processes = new HashMap<>();
    /** The spawned threads of each process; a forked child starts with none, as after fork(2). */
    private final Map<Integer, List<SimThread>> threads = new HashMap<>();
    private int nextHandle = 1;

    public ModelBackend(KernelConfig config) {
        this.kernel = Kernel.create(config);
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
            case ROOT -> null;
            case SOFT_DIRTY -> config.softDirty() ? null : "soft-dirty is off in this kernel configuration";
            case ZERO_PAGE -> config.sharedZeroPage() ? null : "this kernel configuration maps no shared zero page";
            case KERNEL -> {
                int wanted = KernelVersion.parse(requirement.argument());
                yield config.kernelVersion() >= wanted ? null
                        : "models kernel " + KernelVersion.format(config.kernelVersion()) + ", needs " + requirement.argument();
            }
            case UFFD, SWAP, HUGETLB, THP -> requirement.kind().name().toLowerCase() + " is not modelled yet";
        };
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
                case FTRUNCATE -> done(() -> p.ftruncate((int) args[0], args[1]));
                case FALLOCATE -> done(() -> p.fallocate((int) args[0], (int) args[1], args[2], args[3]));
                case CLOSE -> done(() -> p.close((int) args[0]));
            };
        } catch (ErrnoException e) {
            return -e.errno().number();
        }
    }

    @Override
    public long memfdCreate(int pid, String name, long flags) {
        try {
            return process(pid).memfdCreate(name, flags);
        } catch (ErrnoException e) {
            return -e.errno().number();
        }
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
        threads.remove(pid);
    }

    @Override
    public Access load(int pid, long addr, int len) {
        return load(process(pid).mainThread(), addr, len);
    }

    @Override
    public Access store(int pid, long addr, byte[] data) {
        return store(process(pid).mainThread(), addr, data);
    }

    /** Thread handles are 1, 2, 3... in each process, in the order its threads were spawned. */
    @Override
    public int spawnThread(int pid) {
        SimThread thread = process(pid).newThread();
        List<SimThread> spawned = threads.computeIfAbsent(pid, p -> new ArrayList<>());
        spawned.add(thread);
        return spawned.size();
    }

    @Override
    public Access threadLoad(int pid, int thread, long addr, int len) {
        return load(thread(pid, thread), addr, len);
    }

    @Override
    public Access threadStore(int pid, int thread, long addr, byte[] data) {
        return store(thread(pid, thread), addr, data);
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

    private SimThread thread(int pid, int thread) {
        List<SimThread> spawned = threads.getOrDefault(pid, List.of());
        if (thread < 1 || thread > spawned.size()) {
            throw new IllegalArgumentException("no thread " + thread + " in process " + pid);
        }
        return spawned.get(thread - 1);
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
        };
    }

    @Override
    public void close() {
        processes.clear();
        threads.clear();
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
