package org.mmkit.core.mm;

import java.util.function.Supplier;

import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;

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
    /** The descriptor table; a forked child gets a copy sharing the open files. */
    final FdTable files = new FdTable();
    private final CpuThread mainThread = new CpuThread(this);

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

    /** Runs a system call or access of this process under the machine lock. */
    <T> T call(Supplier<T> body) {
        synchronized (machine.lock) {
            if (mm == null) {
                throw new IllegalStateException("process " + pid + " has exited");
            }
            return body.get();
        }
    }

    void run(Runnable body) {
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
    public long read(int fd, long addr, long len) {
        return call(() -> ReadWriteCalls.read(this, fd, addr, len));
    }

    @Override
    public long write(int fd, long addr, long len) {
        return call(() -> ReadWriteCalls.write(this, fd, addr, len));
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        return call(() -> ReadWriteCalls.lseek(this, fd, offset, whence));
    }

    @Override
    public long ioctl(int fd, int cmd, long arg) {
        return call(() -> IoctlCalls.ioctl(this, fd, cmd, arg));
    }

    @Override
    public long fcntl(int fd, int cmd, long arg) {
        return call(() -> IoctlCalls.fcntl(this, fd, cmd, arg));
    }

    @Override
    public long poll(long fds, long nfds, int timeoutMs) {
        return call(() -> PollCall.poll(this, fds, nfds));
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
    public SimThread mainThread() {
        return mainThread;
    }

    @Override
    public SimThread newThread() {
        return call(() -> new CpuThread(this));
    }

    /** Looks up an open descriptor ({@code fdget}); EBADF if it is not open. */
    OpenFile file(int fd) {
        return files.get(fd);
    }
}
