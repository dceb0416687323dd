package org.mmkit.fuzz;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.mmkit.backend.Access;
import org.mmkit.backend.Backend;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Result;
import org.mmkit.backend.Syscall;
import org.mmkit.backend.ThreadOutcome;
import org.mmkit.core.Errno;
import org.mmkit.core.Uapi;
import org.mmkit.scenario.FakeBackend;

/**
 * The fake backend with one honest difference, as a kernel with a stricter security policy would
 * have: {@code mprotect} that asks for {@code PROT_EXEC} fails with EACCES. Everything else is the
 * fake's, so a scenario differs from the plain fake exactly at such an mprotect.
 */
public final class RefusesExecBackend implements Backend {
    private final FakeBackend fake = new FakeBackend();
    private final BooleanSupplier refuses;

    /** Refuses every such mprotect. */
    public RefusesExecBackend() {
        this(() -> true);
    }

    /** Refuses such an mprotect when {@code refuses} says so: a difference that may not come back. */
    public RefusesExecBackend(BooleanSupplier refuses) {
        this.refuses = refuses;
    }

    @Override
    public String name() {
        return "refuses-exec";
    }

    @Override
    public String workingDirectory() {
        return fake.workingDirectory();
    }

    @Override
    public String unsupported(Requirement requirement) {
        return fake.unsupported(requirement);
    }

    @Override
    public int newProcess(boolean privileged) {
        return fake.newProcess(privileged);
    }

    @Override
    public long syscall(int pid, Syscall call, long... args) {
        if (call == Syscall.MPROTECT && (args[2] & Uapi.PROT_EXEC) != 0 && refuses.getAsBoolean()) {
            return -Errno.EACCES.number();
        }
        return fake.syscall(pid, call, args);
    }

    @Override
    public Result<byte[]> mincore(int pid, long addr, long len) {
        return fake.mincore(pid, addr, len);
    }

    @Override
    public int pid(int handle) {
        return fake.pid(handle);
    }

    @Override
    public int fork(int pid) {
        return fake.fork(pid);
    }

    @Override
    public void exit(int pid) {
        fake.exit(pid);
    }

    @Override
    public Access load(int pid, long addr, int len) {
        return fake.load(pid, addr, len);
    }

    @Override
    public Access store(int pid, long addr, byte[] data) {
        return fake.store(pid, addr, data);
    }

    @Override
    public int startLoad(int pid, long addr, int len) {
        return fake.startLoad(pid, addr, len);
    }

    @Override
    public int startStore(int pid, long addr, byte[] data) {
        return fake.startStore(pid, addr, data);
    }

    @Override
    public int startSyscall(int pid, Syscall call, long... args) {
        return fake.startSyscall(pid, call, args);
    }

    @Override
    public ThreadOutcome awaitThread(int pid, int thread, Duration timeout) {
        return fake.awaitThread(pid, thread, timeout);
    }

    @Override
    public long threadId(int pid, int thread) {
        return fake.threadId(pid, thread);
    }

    @Override
    public Result<byte[]> pagemapRead(int pid, long offset, int count) {
        return fake.pagemapRead(pid, offset, count);
    }

    @Override
    public String procText(int pid, ProcFile file) {
        return fake.procText(pid, file);
    }

    @Override
    public long switchLentSwap(boolean on) {
        return fake.switchLentSwap(on);
    }

    @Override
    public void reclaim() {
        fake.reclaim();
    }

    @Override
    public void close() {
        fake.close();
    }
}
