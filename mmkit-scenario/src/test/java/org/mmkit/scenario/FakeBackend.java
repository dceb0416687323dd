package org.mmkit.scenario;

import static org.mmkit.core.Uapi.PAGE_SIZE;
import static org.mmkit.core.abi.PagemapEntryLayout.ENTRY_BYTES;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mmkit.backend.Access;
import org.mmkit.backend.Backend;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Result;
import org.mmkit.backend.Syscall;
import org.mmkit.backend.SyscallReturn;
import org.mmkit.backend.ThreadOutcome;
import org.mmkit.core.Signal;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * A small but honest backend for testing the runner: anonymous memory (memfds can be mapped,
 * shared or not, but their pages behave as private anonymous ones), VMAs that split (never merge), pages allocated on first write, the zero page on first read, copy-on-write
 * after fork, pagemap with present/exclusive bits and PFNs, maps and a minimal smaps. Each process
 * also has one mapping the scenario did not create, as the real executor has its libc.
 */
public final class FakeBackend implements Backend {
    static final long ZERO_PFN = 0x77;
    private static final long FOREIGN_START = 0x7f0000000000L;
    private static final long FIRST_PFN = 0x1000;

    private static final class Frame {
        final long pfn;
        final byte[] data = new byte[(int) PAGE_SIZE];
        int mapcount = 1;

        Frame(long pfn) {
            this.pfn = pfn;
        }
    }

    /** {@code path} is empty for anonymous memory; {@code offset} is the file offset of {@code start}. */
    private record Vma(long start, long end, long prot, boolean shared, String path, long offset) {
        Vma(long start, long end, long prot) {
            this(start, end, prot, false, "", 0);
        }

        Vma slice(long from, long to) {
            return new Vma(from, to, prot, shared, path, offset + (from - start));
        }

        Vma withProt(long newProt) {
            return new Vma(start, end, newProt, shared, path, offset);
        }
    }

    private static final class Proc {
        final boolean privileged;
        final TreeMap<Long, Vma> vmas = new TreeMap<>();
        final Map<Long, Frame> pages = new HashMap<>();
        long nextPlacement = 0x7e0000000000L;
        int lastThread;
        /** Outcomes of spawned threads not awaited yet, by thread handle; null while blocked. */
        final Map<Integer, ThreadOutcome> threads = new HashMap<>();
        /** The "OOM killer" ended the process: it has exited, but its threads' outcomes can be awaited. */
        boolean killed;

        Proc(boolean privileged) {
            this.privileged = privileged;
            vmas.put(FOREIGN_START, new Vma(FOREIGN_START, FOREIGN_START + 4 * PAGE_SIZE, 5, false, "/usr/lib/libc.so.6", 0));
        }
    }

    private final Map<Integer, Proc> procs = new HashMap<>();
    private final Map<Long, String> memfdNames = new HashMap<>();
    private final List<String> unsupported = new ArrayList<>();
    private int nextPid = 1;
    private long nextPfn = FIRST_PFN;
    private boolean exclusiveBit = true;
    /** Page frames the fake may ever allocate before its "OOM killer" ends the faulting process. */
    private long ramPages = Long.MAX_VALUE;
    /** How many accesses spawned threads made; tests check that spawn uses a thread. */
    int threadAccesses;
    /** How many processes exited; tests check the runner cleans up. */
    int exits;
    /** Whether spawned accesses block for good, as a fault nobody resolves would. */
    private boolean threadsBlock;

    /** This backend cannot satisfy requirements of {@code kind}. */
    public FakeBackend lacking(Requirement.Kind kind) {
        unsupported.add(kind.name());
        return this;
    }

    /**
     * Only {@code pages} page frames can ever be allocated: a store that needs one more ends as the
     * OOM killer ends it, with SIGKILL, and the process is gone.
     */
    public FakeBackend withRamPages(long pages) {
        ramPages = pages;
        return this;
    }

    /** Every spawned access blocks and never ends. */
    public FakeBackend withBlockingThreads() {
        threadsBlock = true;
        return this;
    }

    /** Pagemap never reports bit 56, as kernels before 4.2 did: a backend that differs. */
    public FakeBackend withoutExclusiveBit() {
        exclusiveBit = false;
        return this;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String workingDirectory() {
        return "/fake";
    }

    @Override
    public String unsupported(Requirement requirement) {
        return unsupported.contains(requirement.kind().name()) ? "the fake has no " + requirement.kind() : null;
    }

    @Override
    public int newProcess(boolean privileged) {
        procs.put(nextPid, new Proc(privileged));
        return nextPid++;
    }

    @Override
    public long syscall(int pid, Syscall call, long... a) {
        Proc p = proc(pid);
        return switch (call) {
            case MMAP -> mmap(p, a[0], a[1], a[2], a[3], a[4], a[5]);
            case MUNMAP -> (a[0] % PAGE_SIZE != 0 || a[1] == 0) ? -22 : unmap(p, a[0], a[0] + align(a[1]));
            case MPROTECT -> mprotect(p, a[0], a[0] + align(a[1]), a[2]);
            case MADVISE -> {
                if (a[2] == 4) {
                    dropPages(p, a[0], a[0] + align(a[1]));
                }
                yield 0;
            }
            case FTRUNCATE, FALLOCATE, CLOSE, MLOCK, MUNLOCK, MLOCK2, MLOCKALL, MUNLOCKALL, MSYNC, LSEEK, IOCTL, FCNTL, POLL,
                 GETRLIMIT, SETRLIMIT, PRLIMIT64, MSEAL, PRCTL,
                    REMAP_FILE_PAGES, PIDFD_OPEN, PIDFD_GETFD, PROCESS_MRELEASE, PROCESS_VM_READV, PROCESS_VM_WRITEV, PROCESS_MADVISE,
                    USERFAULTFD -> 0;
            case BRK -> a[0];
            case READ, WRITE -> a[2];
            case OPEN, OPENAT, CREAT, UNLINK, UNLINKAT, DUP, DUP2, DUP3, FSTAT, READV, WRITEV, PREADV, PWRITEV, PIPE, PIPE2 -> 0;
            case PREAD, PWRITE -> a[2];
            case MEMFD_CREATE -> memfdCreate(pid, a[0]);
            case MREMAP -> mremap(p, a[0], align(a[1]), align(a[2]), a[3]);
        };
    }

    /** A memfd of the name at {@code nameAddr}, read up to its NUL; EFAULT if a byte before it cannot be read. */
    private long memfdCreate(int pid, long nameAddr) {
        StringBuilder name = new StringBuilder();
        for (long at = nameAddr; ; at++) {
            Access byteRead = load(pid, at, 1);
            if (!byteRead.ok()) {
                return -14;
            }
            byte b = byteRead.data()[0];
            if (b == 0) {
                break;
            }
            name.append((char) (b & 0xff));
        }
        long fd = 3 + memfdNames.size();
        memfdNames.put(fd, name.toString());
        return fd;
    }

    @Override
    public Result<byte[]> mincore(int pid, long addr, long len) {
        Proc p = proc(pid);
        byte[] v = new byte[(int) (align(len) / PAGE_SIZE)];
        for (int i = 0; i < v.length; i++) {
            long page = addr + i * PAGE_SIZE;
            if (vmaAt(p, page) == null) {
                return Result.error(12);
            }
            v[i] = (byte) (p.pages.containsKey(page) ? 1 : 0);
        }
        return Result.of(v);
    }

    @Override
    public int pid(int handle) {
        proc(handle);
        return 1000 + handle; // any number, but another one than the handle
    }

    @Override
    public int fork(int pid) {
        Proc parent = proc(pid);
        Proc child = new Proc(parent.privileged);
        child.vmas.putAll(parent.vmas);
        child.nextPlacement = parent.nextPlacement;
        parent.pages.forEach((addr, f) -> {
            child.pages.put(addr, f);
            f.mapcount++;
        });
        procs.put(nextPid, child);
        return nextPid++;
    }

    @Override
    public void exit(int pid) {
        Proc p = proc(pid);
        dropPages(p, 0, Long.MAX_VALUE);
        procs.remove(pid);
        exits++;
    }

    @Override
    public Access load(int pid, long addr, int len) {
        Proc p = proc(pid);
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            long at = addr + i;
            Vma v = vmaAt(p, at);
            if (v == null || (v.prot & 1) == 0) {
                return Access.signalled(11, v == null ? 1 : 2, at);
            }
            Frame f = p.pages.get(at - at % PAGE_SIZE);
            out[i] = f == null ? 0 : f.data[(int) (at % PAGE_SIZE)];
            if (f == null) {
                p.pages.put(at - at % PAGE_SIZE, new Frame(ZERO_PFN));
            }
        }
        return Access.loaded(out);
    }

    /** The fake has no TLBs: a thread accesses memory exactly as its process does, when it starts. */
    @Override
    public int startLoad(int pid, long addr, int len) {
        return started(proc(pid), threadsBlock ? null : load(pid, addr, len));
    }

    @Override
    public int startStore(int pid, long addr, byte[] data) {
        return started(proc(pid), threadsBlock ? null : store(pid, addr, data));
    }

    @Override
    public int startSyscall(int pid, Syscall call, long... args) {
        Proc p = proc(pid);
        return started(p, threadsBlock ? null : new SyscallReturn(syscall(pid, call, args)));
    }

    /** Records the outcome of a thread's operation; {@code p} was looked up before, as the operation may kill it. */
    private int started(Proc p, ThreadOutcome outcome) {
        p.threads.put(++p.lastThread, outcome);
        threadAccesses++;
        return p.lastThread;
    }

    /** Thread ids the real kernel would not give: the process's id times 100 plus the handle. */
    @Override
    public long threadId(int pid, int thread) {
        return pid(pid) * 100L + thread;
    }

    @Override
    public ThreadOutcome awaitThread(int pid, int thread, Duration timeout) {
        Proc p = procs.get(pid);
        if (p == null) {
            throw new IllegalArgumentException("no process " + pid);
        }
        if (!p.threads.containsKey(thread)) {
            throw new IllegalArgumentException("no running thread " + thread + " in process " + pid);
        }
        ThreadOutcome outcome = p.threads.get(thread);
        if (outcome != null) {
            p.threads.remove(thread);
        }
        return outcome;
    }

    @Override
    public Access store(int pid, long addr, byte[] data) {
        Proc p = proc(pid);
        for (int i = 0; i < data.length; i++) {
            long at = addr + i;
            Vma v = vmaAt(p, at);
            if (v == null || (v.prot & 2) == 0) {
                return Access.signalled(11, v == null ? 1 : 2, at);
            }
            long page = at - at % PAGE_SIZE;
            Frame f = p.pages.get(page);
            if (f == null || f.pfn == ZERO_PFN || f.mapcount > 1) {
                if (nextPfn - FIRST_PFN == ramPages) {
                    dropPages(p, 0, Long.MAX_VALUE);
                    p.killed = true;
                    exits++;
                    return Access.signalled(Signal.SIGKILL.number(), 0, at);
                }
                Frame copy = new Frame(nextPfn++);
                if (f != null && f.pfn != ZERO_PFN) {
                    System.arraycopy(f.data, 0, copy.data, 0, (int) PAGE_SIZE);
                    f.mapcount--;
                }
                p.pages.put(page, copy);
                f = copy;
            }
            f.data[(int) (at % PAGE_SIZE)] = data[i];
        }
        return Access.stored();
    }

    @Override
    public Result<byte[]> pagemapRead(int pid, long offset, int count) {
        Proc p = proc(pid);
        byte[] out = new byte[count];
        for (int i = 0; i < count / ENTRY_BYTES; i++) {
            long page = (offset / ENTRY_BYTES + i) * PAGE_SIZE;
            Frame f = p.pages.get(page);
            long entry = 0;
            if (f != null) {
                entry = PagemapEntryLayout.PRESENT | (p.privileged ? f.pfn : 0);
                if (exclusiveBit && f.pfn != ZERO_PFN && f.mapcount == 1) {
                    entry |= PagemapEntryLayout.MMAP_EXCLUSIVE;
                }
            }
            for (int b = 0; b < ENTRY_BYTES; b++) {
                out[i * ENTRY_BYTES + b] = (byte) (entry >>> (8 * b));
            }
        }
        return Result.of(out);
    }

    @Override
    public String procText(int pid, ProcFile file) {
        Proc p = proc(pid);
        long sizeKb = p.vmas.values().stream().mapToLong(v -> (v.end - v.start) / 1024).sum();
        long rssKb = p.pages.values().stream().filter(f -> f.pfn != ZERO_PFN).count() * 4;
        switch (file) {
            case STATUS -> {
                return "Name:\tfake\nVmSize:\t" + String.format("%8d", sizeKb) + " kB\nVmRSS:\t"
                        + String.format("%8d", rssKb) + " kB\n";
            }
            case STATM -> {
                return sizeKb / 4 + " " + rssKb / 4 + " 0 0 0 0 0\n";
            }
            case SMAPS_ROLLUP -> {
                return "00000000-00000000 ---p 00000000 00:00 0 [rollup]\nRss:            " + String.format("%8d", rssKb)
                        + " kB\n";
            }
            default -> {
            }
        }
        StringBuilder s = new StringBuilder();
        for (Vma v : proc(pid).vmas.values()) {
            String perms = ((v.prot & 1) != 0 ? "r" : "-") + ((v.prot & 2) != 0 ? "w" : "-")
                    + ((v.prot & 4) != 0 ? "x" : "-") + (v.shared ? "s" : "p");
            s.append(String.format("%08x-%08x %s %08x 00:01 %d", v.start, v.end, perms, v.offset, v.path.isEmpty() ? 0 : 42))
                    .append(v.path.isEmpty() ? "" : "                          " + v.path).append('\n');
            if (file == ProcFile.SMAPS) {
                long rss = proc(pid).pages.entrySet().stream()
                        .filter(e -> e.getKey() >= v.start && e.getKey() < v.end && e.getValue().pfn != ZERO_PFN).count();
                s.append("Size:               ").append((v.end - v.start) / 1024).append(" kB\n");
                s.append("Rss:                ").append(rss * 4).append(" kB\n");
                s.append("THPeligible:    0\n");
                s.append("VmFlags: rd wr mr mw me ac \n");
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        procs.clear();
    }

    private long mmap(Proc p, long addr, long len, long prot, long flags, long fd, long offset) {
        if (len == 0) {
            return -22;
        }
        boolean anonymous = (flags & 0x20) != 0;
        if (!anonymous && !memfdNames.containsKey(fd)) {
            return -9;
        }
        len = align(len);
        long start;
        if ((flags & (0x10 | 0x100000)) != 0) { // MAP_FIXED, MAP_FIXED_NOREPLACE
            start = addr;
            unmap(p, start, start + len);
        } else {
            p.nextPlacement -= len + PAGE_SIZE;
            start = p.nextPlacement;
        }
        p.vmas.put(start, anonymous ? new Vma(start, start + len, prot)
                : new Vma(start, start + len, prot, (flags & 0xf) == 1, "/memfd:" + memfdNames.get(fd) + " (deleted)", offset));
        return start;
    }

    /** Grows or shrinks in place when the space is free, else moves if MREMAP_MAYMOVE (1) allows. */
    private long mremap(Proc p, long old, long oldLen, long newLen, long flags) {
        Vma v = vmaAt(p, old);
        if (v == null || old + oldLen > v.end) {
            return -14;
        }
        long end = old + newLen;
        boolean free = newLen <= oldLen || p.vmas.subMap(old + oldLen, end).isEmpty() && vmaAt(p, old + oldLen) == null;
        if (free) {
            split(p, old);
            unmap(p, Math.min(end, old + oldLen), old + oldLen);
            p.vmas.put(old, new Vma(old, end, v.prot, v.shared, v.path, v.offset));
            return old;
        }
        if ((flags & 1) == 0) {
            return -12;
        }
        long to = mmap(p, 0, newLen, v.prot, 0x22, -1, 0);
        for (long off = 0; off < oldLen; off += PAGE_SIZE) {
            Frame f = p.pages.remove(old + off);
            if (f != null) {
                p.pages.put(to + off, f);
            }
        }
        unmap(p, old, old + oldLen);
        return to;
    }

    private long unmap(Proc p, long start, long end) {
        split(p, start);
        split(p, end);
        p.vmas.subMap(start, end).clear();
        dropPages(p, start, end);
        return 0;
    }

    private long mprotect(Proc p, long start, long end, long prot) {
        for (long at = start; at < end; at += PAGE_SIZE) {
            if (vmaAt(p, at) == null) {
                return -12;
            }
        }
        split(p, start);
        split(p, end);
        for (Vma v : new ArrayList<>(p.vmas.subMap(start, end).values())) {
            p.vmas.put(v.start, v.withProt(prot));
        }
        return 0;
    }

    private void split(Proc p, long at) {
        Vma v = vmaAt(p, at);
        if (v != null && v.start != at) {
            p.vmas.put(v.start, v.slice(v.start, at));
            p.vmas.put(at, v.slice(at, v.end));
        }
    }

    private void dropPages(Proc p, long start, long end) {
        p.pages.entrySet().removeIf(e -> {
            boolean in = e.getKey() >= start && e.getKey() < end;
            if (in) {
                e.getValue().mapcount--;
            }
            return in;
        });
    }

    private static Vma vmaAt(Proc p, long addr) {
        var e = p.vmas.floorEntry(addr);
        return e != null && addr < e.getValue().end ? e.getValue() : null;
    }

    private Proc proc(int pid) {
        Proc p = procs.get(pid);
        if (p == null || p.killed) {
            throw new IllegalArgumentException("no process " + pid + " (live: " + Arrays.toString(procs.keySet().toArray()) + ")");
        }
        return p;
    }

    private static long align(long len) {
        return (len + PAGE_SIZE - 1) & -PAGE_SIZE;
    }
}
