package org.mmkit.core.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;

/**
 * A simulated process ({@code task_struct} with its {@code mm_struct} and file table) and its main
 * thread's view of memory. Every method takes the machine lock ({@link #call}) and throws
 * {@link IllegalStateException} once the kernel is closed or the process has exited or was
 * killed; the system calls themselves live
 * in one class per concern ({@link MmapCall}, {@link ProtectCall}, {@link RemapCall},
 * {@link AdviseCall}, {@link LockCall}, {@link MsyncCall}, {@link FileCalls}, {@link Lifecycle}, {@link ProcFiles}).
 */
public final class Task implements SimProcess {
    final Machine machine;
    final int pid;
    final boolean privileged;
    /** Null once the process has exited. Guarded by the machine lock. */
    Mm mm;
    /** Whether the OOM killer ended the process (then {@link #mm} is null). Guarded by the machine lock. */
    private boolean oomKilled;
    /** {@code signal->rlim}: the resource limits; a forked child gets a copy. */
    final ResourceLimits limits;
    /** The descriptor table, bounded by {@link #limits}' RLIMIT_NOFILE; a forked child gets a copy sharing the open files. */
    final FdTable files;
    private final CpuThread mainThread;
    /** Every thread of the process, the main one first. Guarded by the machine lock. */
    private final List<CpuThread> threads = new ArrayList<>();

    Task(Machine machine, boolean privileged, Mm mm, ResourceLimits limits) {
        this.machine = machine;
        this.limits = limits;
        this.files = new FdTable(limits);
        this.pid = machine.allocatePid();
        this.privileged = privileged;
        this.mm = mm;
        this.mainThread = new CpuThread(this, pid);
        threads.add(mainThread);
        machine.tasks.add(this);
    }

    /** A new process with an empty address space. */
    public static Task create(Machine machine, boolean privileged) {
        machine.lock.lock();
        try {
            machine.checkOpenLocked();
            return new Task(machine, privileged, new Mm(machine), new ResourceLimits());
        } finally {
            machine.lock.unlock();
        }
    }

    /**
     * Runs a system call or access of this process under the machine lock, after checking that
     * the kernel is open and the process alive.
     */
    <T> T call(Supplier<T> body) {
        lockAlive();
        try {
            return body.get();
        } finally {
            machine.lock.unlock();
        }
    }

    /**
     * Takes the machine lock for an operation of this process, after checking that the kernel is
     * open and the process alive; the caller unlocks. Throws, not holding the lock, if not.
     */
    void lockAlive() {
        machine.lock.lock();
        try {
            machine.checkOpenLocked();
            checkAliveLocked();
        } catch (RuntimeException e) {
            machine.lock.unlock();
            throw e;
        }
    }

    /** Throws if the process has exited or was killed. Preconditions: the machine lock is held. */
    void checkAliveLocked() {
        machine.assertLocked();
        if (mm == null) {
            throw new IllegalStateException("process " + pid
                    + (oomKilled ? " was killed by SIGKILL (out of memory)" : " has exited"));
        }
    }

    /**
     * The OOM killer's SIGKILL ({@code oom_kill_process}), aimed at the faulting process: the
     * model kills the process whose fault ran out of memory, where the kernel picks the process
     * with the highest badness, usually the same one. It exits as {@code exit} would.
     * Preconditions: the machine lock is held; the process is alive.
     */
    void oomKillLocked() {
        exitLocked();
        oomKilled = true;
    }

    /**
     * {@code do_exit}: frees the address space and files; threads blocked in a fault wake up and
     * find the process gone. Preconditions: the machine lock is held; the process is alive.
     */
    private void exitLocked() {
        Lifecycle.exit(this);
        interruptSleepersLocked();
        machine.pollWait.wakeAllLocked(); // its pidfds are readable now
    }

    /** Wakes every thread of the process that sleeps in a fault or a system call. Preconditions: the machine lock is held. */
    void interruptSleepersLocked() {
        threads.forEach(CpuThread::interruptLocked);
    }

    /**
     * The kernel's {@code current} for a call of this process: the thread of this process whose
     * {@link SimThread#call} runs on this Java thread, else the main thread. Its wait entry is
     * where the call sleeps, in a fault of a user-memory copy or waiting for another thread.
     */
    CpuThread currentThread() {
        CpuThread current = machine.current.get();
        return current != null && current.task() == this ? current : mainThread;
    }

    /**
     * Where a fault on {@code mm} made by the running call waits: the entry of the calling
     * thread of the process that owns {@code mm} ({@link #currentThread}). For the calls that
     * know only the address space (populate, {@code MADV_POPULATE_*}). Preconditions: the machine
     * lock is held; {@code mm} belongs to a live process.
     */
    static WaitQueue.Entry waiterOf(Mm mm) {
        return owning(mm).currentThread().waiter();
    }

    /** The live process whose address space is {@code mm}. Preconditions: the machine lock is held. */
    static Task owning(Mm mm) {
        for (Task task : mm.machine.tasks) {
            if (task.mm == mm) {
                return task;
            }
        }
        throw new IllegalStateException("no live process has this address space");
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
        run(() -> ProtectCall.mprotect(this, addr, len, prot));
    }

    @Override
    public long mremap(long oldAddr, long oldLen, long newLen, long flags, long newAddr) {
        return call(() -> RemapCall.mremap(this, oldAddr, oldLen, newLen, flags, newAddr));
    }

    @Override
    public void madvise(long addr, long len, int advice) {
        run(() -> AdviseCall.madvise(mm, addr, len, advice));
    }

    @Override
    public void mlock(long addr, long len) {
        run(() -> LockCall.mlock(this, addr, len, 0));
    }

    @Override
    public void mlock2(long addr, long len, long flags) {
        run(() -> LockCall.mlock2(this, addr, len, flags));
    }

    @Override
    public void munlock(long addr, long len) {
        run(() -> LockCall.munlock(mm, addr, len));
    }

    @Override
    public void mlockall(long flags) {
        run(() -> LockCall.mlockall(this, (int) flags));
    }

    @Override
    public void munlockall() {
        run(() -> LockCall.munlockall(mm));
    }

    @Override
    public void msync(long addr, long len, long flags) {
        run(() -> MsyncCall.msync(mm, addr, len, (int) flags));
    }

    @Override
    public int pidfdOpen(long pid, long flags) {
        return call(() -> PidfdCalls.pidfdOpen(this, pid, flags));
    }

    @Override
    public int pidfdGetfd(int pidfd, int targetFd, long flags) {
        return call(() -> PidfdCalls.pidfdGetfd(this, pidfd, targetFd, flags));
    }

    @Override
    public void processMrelease(int pidfd, long flags) {
        run(() -> PidfdCalls.processMrelease(this, pidfd, flags));
    }

    @Override
    public long processVmReadv(long pid, long localIov, long localCount, long remoteIov, long remoteCount, long flags) {
        return call(() -> ProcessVmCalls.processVmRw(this, pid, localIov, localCount, remoteIov, remoteCount, flags, false));
    }

    @Override
    public long processVmWritev(long pid, long localIov, long localCount, long remoteIov, long remoteCount, long flags) {
        return call(() -> ProcessVmCalls.processVmRw(this, pid, localIov, localCount, remoteIov, remoteCount, flags, true));
    }

    @Override
    public long processMadvise(int pidfd, long vec, long vlen, int advice, long flags) {
        return call(() -> ProcessMadviseCall.processMadvise(this, pidfd, vec, vlen, advice, flags));
    }

    /**
     * {@code ptrace_may_access} in either mode ({@code PTRACE_MODE_ATTACH} or {@code _READ}, which
     * differ only under a security module), as the model's credentials allow:
     * its own process, a privileged caller (CAP_SYS_PTRACE), or a target that is not privileged
     * (the same uid, and every process is dumpable); never Yama.
     */
    boolean ptraceMayAccess(Task target) {
        return target == this || privileged || !target.privileged;
    }

    @Override
    public void remapFilePages(long start, long size, long prot, long pgoff, long flags) {
        run(() -> RemapFilePagesCall.remapFilePages(this, start, size, prot, pgoff, flags));
    }

    @Override
    public byte[] mincore(long addr, long len) {
        return call(() -> LockCall.mincore(mm, addr, len));
    }

    @Override
    public void mincore(long addr, long len, long vec) {
        run(() -> LockCall.mincore(this, addr, len, vec));
    }

    @Override
    public int memfdCreate(long name, long flags) {
        return call(() -> FileCalls.memfdCreate(this, name, flags));
    }

    @Override
    public int userfaultfd(int flags) {
        return call(() -> UserfaultfdCalls.userfaultfd(this, flags));
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
        return call(() -> PollCall.poll(this, fds, nfds, timeoutMs));
    }

    @Override
    public void getrlimit(long resource, long addr) {
        run(() -> ResourceLimits.getrlimit(this, resource, addr));
    }

    @Override
    public void setrlimit(long resource, long addr) {
        run(() -> ResourceLimits.setrlimit(this, resource, addr));
    }

    @Override
    public void prlimit64(int pid, long resource, long newLimits, long oldLimits) {
        run(() -> ResourceLimits.prlimit64(this, pid, resource, newLimits, oldLimits));
    }

    @Override
    public long brk(long addr) {
        return call(() -> BrkCall.brk(this, addr));
    }

    @Override
    public void mseal(long addr, long len, long flags) {
        run(() -> MsealCall.mseal(mm, addr, len, flags));
    }

    @Override
    public void prctlSetVma(long operation, long addr, long len, long name) {
        run(() -> AnonNames.setVma(this, operation, addr, len, name));
    }

    @Override
    public int openat(int dirfd, long path, int flags, int mode) {
        return call(() -> OpenCalls.openat(this, dirfd, path, flags, mode));
    }

    @Override
    public void unlinkat(int dirfd, long path, int flags) {
        run(() -> OpenCalls.unlinkat(this, dirfd, path, flags));
    }

    @Override
    public int dup(int fd) {
        return call(() -> OpenCalls.dup(this, fd));
    }

    @Override
    public int dup2(int oldfd, int newfd) {
        return call(() -> OpenCalls.dup2(this, oldfd, newfd));
    }

    @Override
    public int dup3(int oldfd, int newfd, int flags) {
        return call(() -> OpenCalls.dup3(this, oldfd, newfd, flags));
    }

    @Override
    public void fstat(int fd, long buf) {
        run(() -> StatCall.fstat(this, fd, buf));
    }

    @Override
    public long pread(int fd, long addr, long len, long offset) {
        return call(() -> ReadWriteCalls.pread(this, fd, addr, len, offset));
    }

    @Override
    public long pwrite(int fd, long addr, long len, long offset) {
        return call(() -> ReadWriteCalls.pwrite(this, fd, addr, len, offset));
    }

    @Override
    public long readv(int fd, long iov, long count) {
        return call(() -> ReadWriteCalls.readv(this, fd, iov, count));
    }

    @Override
    public long writev(int fd, long iov, long count) {
        return call(() -> ReadWriteCalls.writev(this, fd, iov, count));
    }

    @Override
    public long preadv(int fd, long iov, long count, long offset) {
        return call(() -> ReadWriteCalls.preadv(this, fd, iov, count, offset));
    }

    @Override
    public long pwritev(int fd, long iov, long count, long offset) {
        return call(() -> ReadWriteCalls.pwritev(this, fd, iov, count, offset));
    }

    @Override
    public void pipe2(long fds, int flags) {
        run(() -> Pipe.pipe2(this, fds, flags));
    }

    @Override
    public SimProcess fork() {
        return call(() -> Lifecycle.fork(this));
    }

    @Override
    public void exit() {
        run(this::exitLocked);
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
    public String status() {
        return call(() -> ProcStatus.status(mm));
    }

    @Override
    public String statm() {
        return call(() -> ProcStatus.statm(mm));
    }

    @Override
    public String smapsRollup() {
        return call(() -> ProcStatus.smapsRollup(mm));
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
        return call(() -> {
            CpuThread thread = new CpuThread(this, machine.allocatePid());
            threads.add(thread);
            return thread;
        });
    }

    /**
     * The owner of the files the process creates ({@code current_fsuid}): root for a privileged
     * process, else the overflow uid 65534, as the kernel backend's unprivileged executors run.
     */
    int fsuid() {
        return privileged ? 0 : 65534;
    }

    /** Looks up an open descriptor ({@code fdget}); EBADF if it is not open or O_PATH. */
    OpenFile file(int fd) {
        return files.get(fd);
    }
}
