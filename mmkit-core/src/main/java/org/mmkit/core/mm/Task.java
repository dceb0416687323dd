package org.mmkit.core.mm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.mmkit.core.Errno;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.Signal;
import org.mmkit.core.SimProcess;
import org.mmkit.core.pgtable.PteLayout;

/**
 * A simulated process ({@code task_struct} with its {@code mm_struct} and file table) and its main
 * thread's view of memory. Every method takes the machine lock; the system calls themselves live
 * in one class per concern ({@link MmapCall}, {@link ProtectCall}, {@link RemapCall},
 * {@link AdviseCall}, {@link LockCall}, {@link FileCalls}, {@link Lifecycle}, {@link ProcFiles}).
 */
public final class Task implements SimProcess {
    final Machine machine;
    final int pid;
    final boolean privileged;
    /** Null once the process has exited. */
    Mm mm;
    /** Open descriptors: fd → shmem file (memfds are the only files a scenario opens). */
    final TreeMap<Integer, ShmemFile> files = new TreeMap<>();
    private final SoftTlb tlb = new SoftTlb();

    Task(Machine machine, boolean privileged, Mm mm) {
        this.machine = machine;
        this.pid = machine.allocatePid();
        this.privileged = privileged;
        this.mm = mm;
        machine.tasks.add(this);
    }

    /** A new process with an empty address space. */
    public static Task create(Machine machine, boolean privileged) {
        synchronized (machine.lock) {
            return new Task(machine, privileged, new Mm(machine));
        }
    }

    private <T> T call(Supplier<T> body) {
        synchronized (machine.lock) {
            if (mm == null) {
                throw new IllegalStateException("process " + pid + " has exited");
            }
            return body.get();
        }
    }

    private void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public boolean privileged() {
        return privileged;
    }

    @Override
    public long mmap(long addr, long len, long prot, long flags, int fd, long offset) {
        return call(() -> MmapCall.mmap(this, addr, len, prot, flags, fd, offset));
    }

    @Override
    public void munmap(long addr, long len) {
        run(() -> MmapCall.munmap(mm, addr, len));
    }

    @Override
    public void mprotect(long addr, long len, long prot) {
        run(() -> ProtectCall.mprotect(mm, addr, len, prot));
    }

    @Override
    public long mremap(long oldAddr, long oldLen, long newLen, long flags, long newAddr) {
        return call(() -> RemapCall.mremap(mm, oldAddr, oldLen, newLen, flags, newAddr));
    }

    @Override
    public void madvise(long addr, long len, int advice) {
        run(() -> AdviseCall.madvise(mm, addr, len, advice));
    }

    @Override
    public void mlock(long addr, long len) {
        run(() -> LockCall.mlock(mm, addr, len, 0));
    }

    @Override
    public void mlock2(long addr, long len, long flags) {
        run(() -> LockCall.mlock2(mm, addr, len, flags));
    }

    @Override
    public void munlock(long addr, long len) {
        run(() -> LockCall.munlock(mm, addr, len));
    }

    @Override
    public byte[] mincore(long addr, long len) {
        return call(() -> LockCall.mincore(mm, addr, len));
    }

    @Override
    public int memfdCreate(String name, long flags) {
        return call(() -> FileCalls.memfdCreate(this, name, flags));
    }

    @Override
    public void ftruncate(int fd, long length) {
        run(() -> FileCalls.ftruncate(this, fd, length));
    }

    @Override
    public void fallocate(int fd, int mode, long offset, long len) {
        run(() -> FileCalls.fallocate(this, fd, mode, offset, len));
    }

    @Override
    public void close(int fd) {
        run(() -> FileCalls.close(this, fd));
    }

    @Override
    public SimProcess fork() {
        return call(() -> Lifecycle.fork(this));
    }

    @Override
    public void exit() {
        run(() -> Lifecycle.exit(this));
    }

    @Override
    public String maps() {
        return call(() -> ProcFiles.maps(mm));
    }

    @Override
    public String smaps() {
        return call(() -> ProcFiles.smaps(mm));
    }

    @Override
    public int pagemapRead(long offset, byte[] buf) {
        return call(() -> ProcFiles.pagemapRead(mm, privileged, offset, buf));
    }

    @Override
    public void load(long addr, byte[] dst) {
        run(() -> copy(addr, MemorySegment.ofArray(dst), false));
    }

    @Override
    public void store(long addr, byte[] src) {
        run(() -> copy(addr, MemorySegment.ofArray(src), true));
    }

    @Override
    public long loadLong(long addr) {
        byte[] b = new byte[8];
        load(addr, b);
        return MemorySegment.ofArray(b).get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 0);
    }

    @Override
    public void storeLong(long addr, long value) {
        byte[] b = new byte[8];
        MemorySegment.ofArray(b).set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 0, value);
        store(addr, b);
    }

    /** Copies between {@code buffer} and user memory at {@code addr}, page by page, as the CPU would. */
    private void copy(long addr, MemorySegment buffer, boolean write) {
        long done = 0;
        long size = buffer.byteSize();
        while (done < size) {
            long va = addr + done;
            int offset = (int) (va & 0xfff);
            long chunk = Math.min(size - done, 4096 - offset);
            MemorySegment page = machine.memory.contents(translate(va, write));
            if (write) {
                MemorySegment.copy(buffer, done, page, offset, chunk);
            } else {
                MemorySegment.copy(page, offset, buffer, done, chunk);
            }
            done += chunk;
        }
    }

    /** The frame behind {@code va} for this access: TLB, then page walk, then the fault path. */
    private int translate(long va, boolean write) {
        if (va < 0 || va >= machine.config.taskSize()) {
            throw new MemoryFault(Signal.SIGSEGV, Signal.SEGV_MAPERR, va);
        }
        long vpn = va >>> 12;
        int pfn = tlb.lookup(mm, vpn, write);
        if (pfn >= 0) {
            return pfn;
        }
        for (int attempt = 0; ; attempt++) {
            long pageVa = vpn << 12;
            long pte = mm.pte(pageVa);
            if (Fault.satisfies(pte, write)) {
                long updated = pte | PteLayout.ACCESSED | (write ? PteLayout.DIRTY : 0);
                if (updated != pte) {
                    mm.pageTables.set(pageVa, updated);
                }
                pfn = (int) PteLayout.pfn(updated);
                tlb.fill(vpn, pfn, PteLayout.isWritable(updated) && PteLayout.isDirty(updated));
                return pfn;
            }
            if (attempt > 0) {
                throw new IllegalStateException("fault at 0x" + Long.toHexString(va) + " did not resolve");
            }
            switch (Fault.handle(mm, va, write)) {
                case DONE -> { }
                case NO_VMA, GUARD -> throw new MemoryFault(Signal.SIGSEGV, Signal.SEGV_MAPERR, va);
                case ACCESS -> throw new MemoryFault(Signal.SIGSEGV, Signal.SEGV_ACCERR, va);
                case SIGBUS -> throw new MemoryFault(Signal.SIGBUS, Signal.BUS_ADRERR, va);
                case OOM -> throw new MemoryFault(Signal.SIGKILL, 0, va);
            }
        }
    }

    /** Looks up an open descriptor ({@code fdget}); EBADF if it is not open. */
    ShmemFile file(int fd) {
        ShmemFile file = files.get(fd);
        if (file == null) {
            throw Errno.EBADF.exception();
        }
        return file;
    }
}
