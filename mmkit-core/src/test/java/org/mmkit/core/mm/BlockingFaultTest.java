package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;

/**
 * A fault that waits for another thread ({@link FaultGate} standing in for userfaultfd): it
 * releases the machine lock while parked, is woken in FIFO order, and retries with
 * {@code FAULT_FLAG_TRIED}, as the kernel re-faults after {@code handle_userfault} returns
 * {@code VM_FAULT_RETRY}.
 */
class BlockingFaultTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final Task task = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private long anon(long pages) {
        return task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    static FaultGate gate(Task task, long start, long end) {
        FaultGate gate = new FaultGate(task.machine, start, end);
        locked(task.machine, () -> task.machine.faultGate = gate);
        return gate;
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private int sleepers(FaultGate gate) {
        int[] size = new int[1];
        locked(task.machine, () -> size[0] = gate.queue.sizeLocked());
        return size[0];
    }

    private static CompletableFuture<Void> storeAsync(SimThread thread, long addr, long value) {
        return CompletableFuture.runAsync(() -> thread.storeLong(addr, value), r -> Thread.ofPlatform().start(r));
    }

    @Test
    void aBlockedFaultLetsOthersMapUnmapAndForkThenRetriesAfterTheWake() throws Exception {
        long a = anon(4);
        FaultGate gate = gate(task, a, a + PAGE_SIZE);
        SimThread thread = task.newThread();
        CompletableFuture<Void> store = storeAsync(thread, a + 8, 42);
        await(thread::blocked);
        assertThat(sleepers(gate)).isEqualTo(1);

        // the machine lock is free: the main thread maps, writes, forks and unmaps meanwhile
        long b = anon(2);
        task.storeLong(b, 7);
        SimProcess child = task.fork();
        assertThat(child.loadLong(b)).isEqualTo(7);
        child.exit();
        task.munmap(b, 2 * PAGE_SIZE);
        task.storeLong(a + PAGE_SIZE, 1);
        kernel.checkInvariants();
        assertThat(task.call(() -> task.mm.pte(a))).as("the blocked fault mapped nothing").isZero();

        // woken while the gate still holds: the retry (FAULT_FLAG_TRIED) blocks again
        task.run(() -> gate.queue.wakeAllLocked());
        await(() -> sleepers(gate) == 1 && thread.blocked());
        assertThat(store).isNotDone();

        task.run(() -> {
            gate.armed = false;
            gate.queue.wakeAllLocked();
        });
        store.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(thread.blocked()).isFalse();
        assertThat(task.loadLong(a + 8)).isEqualTo(42);
        kernel.checkInvariants();
    }

    @Test
    void sleepersAreWokenOneAtATimeInTheOrderTheyCame() throws Exception {
        long a = anon(3);
        FaultGate gate = gate(task, a, a + 3 * PAGE_SIZE);
        SimThread[] threads = new SimThread[3];
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] stores = (CompletableFuture<Void>[]) new CompletableFuture<?>[3];
        for (int i = 0; i < 3; i++) {
            threads[i] = task.newThread();
            stores[i] = storeAsync(threads[i], a + i * PAGE_SIZE, i + 1);
            SimThread t = threads[i];
            await(t::blocked);
        }
        task.run(() -> gate.armed = false);
        for (int i = 0; i < 3; i++) {
            task.run(() -> gate.queue.wakeOneLocked());
            stores[i].get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (int j = i + 1; j < 3; j++) {
                assertThat(stores[j]).as("thread %d still waits", j).isNotDone();
                assertThat(threads[j].blocked()).isTrue();
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(task.loadLong(a + i * PAGE_SIZE)).isEqualTo(i + 1);
        }
    }

    @Test
    void aFaultThatMayNotRetryGetsSigbusInsteadOfWaiting() {
        long a = anon(1);
        gate(task, a, a + PAGE_SIZE);
        assertThatThrownBy(() -> task.call(() -> Gup.getUserPages(task.mm, a, 1, 0, null, null)))
                .hasFieldOrPropertyWithValue("errno", Errno.EFAULT);
    }

    @Test
    void exitWakesTheProcessesBlockedThreadsWhichReportTheExit() throws Exception {
        long a = anon(1);
        FaultGate gate = gate(task, a, a + PAGE_SIZE);
        SimThread thread = task.newThread();
        CompletableFuture<Void> store = storeAsync(thread, a, 1);
        await(thread::blocked);
        task.exit();
        assertThat(sleepers(gate)).as("the exit took it off the queue").isZero();
        assertThatThrownBy(() -> store.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class).cause().hasMessage("process " + task.pid() + " has exited");
        kernel.checkInvariants();
    }

    @Test
    void closeWakesBlockedThreadsWhichSayTheKernelIsClosed() throws Exception {
        long a = anon(1);
        gate(task, a, a + PAGE_SIZE);
        SimThread thread = task.newThread();
        CompletableFuture<Void> store = storeAsync(thread, a, 1);
        await(thread::blocked);
        kernel.close();
        assertThatThrownBy(() -> store.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class).cause().hasMessage("kernel is closed");
    }

    @Test
    void aCopyOfASystemCallThatWaitsBlocksTheThreadWhoseCallItIsAndHoldsThePipe() throws Exception {
        long fds = anon(1);
        task.pipe2(fds, 0);
        byte[] pair = new byte[8];
        task.load(fds, pair);
        int readEnd = pair[0];
        int writeEnd = pair[4];
        task.store(fds + 64, new byte[] {1, 2, 3});
        assertThat(task.write(writeEnd, fds + 64, 3)).isEqualTo(3);
        long a = anon(1);
        FaultGate gate = gate(task, a, a + PAGE_SIZE);
        SimThread thread = task.newThread();
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> thread.call(() -> task.read(readEnd, a, 3)),
                r -> Thread.ofPlatform().start(r));
        await(thread::blocked);
        assertThat(task.mainThread().blocked()).as("the copy's fault is the spawned thread's").isFalse();
        assertThat(sleepers(gate)).isEqualTo(1);

        // the sleeping copy holds the pipe (pipe->mutex): a writer waits until the read is done
        SimThread writer = task.newThread();
        CompletableFuture<Long> write = CompletableFuture.supplyAsync(() -> writer.call(() -> task.write(writeEnd, fds + 64, 2)),
                r -> Thread.ofPlatform().start(r));
        await(writer::blocked);

        task.run(() -> {
            gate.armed = false;
            gate.queue.wakeAllLocked();
        });
        assertThat(read.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(write.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(2);
        byte[] got = new byte[3];
        task.load(a, got);
        assertThat(got).containsExactly(1, 2, 3);
        assertThat(task.read(readEnd, a, 10)).as("the writer's bytes came after the read").isEqualTo(2);
    }

    /** Runs {@code body} under the machine lock without going through a process. */
    static void locked(Machine machine, Runnable body) {
        machine.lock.lock();
        try {
            body.run();
        } finally {
            machine.lock.unlock();
        }
    }
}
