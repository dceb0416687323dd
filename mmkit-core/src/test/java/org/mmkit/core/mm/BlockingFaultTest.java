package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;

/**
 * A fault that waits for another thread (a userfaultfd missing fault): it releases the machine
 * lock while parked, and a spurious wake makes it retry with {@code FAULT_FLAG_TRIED} and wait
 * again, as the kernel re-faults after {@code handle_userfault} returns {@code VM_FAULT_RETRY}.
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

    /**
     * [start, end) of {@code task} registered for missing faults with a userfaultfd of its own:
     * a fault there waits until the range is woken, filled or unregistered.
     */
    static final class Gate {
        private final Task task;
        private final int fd;
        private final long io;
        private final long start;
        private final long end;

        Gate(Task task, long start, long end) {
            this.task = task;
            this.start = start;
            this.end = end;
            this.fd = task.userfaultfd(O_CLOEXEC | O_NONBLOCK);
            this.io = task.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            ioctl(UFFDIO_API, UFFD_API, 0, 0);
            ioctl(UFFDIO_REGISTER, start, end - start, UFFDIO_REGISTER_MODE_MISSING, 0);
        }

        private void ioctl(int cmd, long... words) {
            ByteBuffer b = ByteBuffer.allocate(words.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (long w : words) {
                b.putLong(w);
            }
            task.store(io, b.array());
            task.ioctl(fd, cmd, io);
        }

        /** UFFDIO_WAKE of one page without filling it: its faults retry and wait again. */
        void wake(long page) {
            ioctl(UFFDIO_WAKE, page, PAGE_SIZE);
        }

        /** UFFDIO_ZEROPAGE of one page: its faults retry and find the page. */
        void fill(long page) {
            ioctl(UFFDIO_ZEROPAGE, page, PAGE_SIZE, 0, 0);
        }

        /** UFFDIO_UNREGISTER of the whole range: its faults retry as ordinary ones. */
        void open() {
            ioctl(UFFDIO_UNREGISTER, start, end - start);
        }
    }

    static Gate gate(Task task, long start, long end) {
        return new Gate(task, start, end);
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

    private static CompletableFuture<Void> storeAsync(SimThread thread, long addr, long value) {
        return CompletableFuture.runAsync(() -> thread.storeLong(addr, value), r -> Thread.ofPlatform().start(r));
    }

    @Test
    void aBlockedFaultLetsOthersMapUnmapAndForkThenRetriesAfterTheWake() throws Exception {
        long a = anon(4);
        Gate gate = gate(task, a, a + PAGE_SIZE);
        SimThread thread = task.newThread();
        CompletableFuture<Void> store = storeAsync(thread, a + 8, 42);
        await(thread::blocked);

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

        // woken while the range is still registered and empty: the retry (FAULT_FLAG_TRIED) blocks again
        gate.wake(a);
        await(thread::blocked);
        assertThat(store).isNotDone();

        gate.open();
        store.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(thread.blocked()).isFalse();
        assertThat(task.loadLong(a + 8)).isEqualTo(42);
        kernel.checkInvariants();
    }

    @Test
    void aFillWakesOnlyTheFaultsOfItsPage() throws Exception {
        long a = anon(3);
        Gate gate = gate(task, a, a + 3 * PAGE_SIZE);
        SimThread[] threads = new SimThread[3];
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] stores = (CompletableFuture<Void>[]) new CompletableFuture<?>[3];
        for (int i = 0; i < 3; i++) {
            threads[i] = task.newThread();
            stores[i] = storeAsync(threads[i], a + i * PAGE_SIZE, i + 1);
            SimThread t = threads[i];
            await(t::blocked);
        }
        for (int i = 0; i < 3; i++) {
            gate.fill(a + i * PAGE_SIZE);
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
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EFAULT));
    }

    @Test
    void exitWakesTheProcessesBlockedThreadsWhichReportTheExit() throws Exception {
        long a = anon(1);
        gate(task, a, a + PAGE_SIZE);
        SimThread thread = task.newThread();
        CompletableFuture<Void> store = storeAsync(thread, a, 1);
        await(thread::blocked);
        task.exit();
        assertThat(thread.blocked()).as("the exit woke it").isFalse();
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
        Gate gate = gate(task, a, a + PAGE_SIZE);
        SimThread thread = task.newThread();
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> thread.call(() -> task.read(readEnd, a, 3)),
                r -> Thread.ofPlatform().start(r));
        await(thread::blocked);
        assertThat(task.mainThread().blocked()).as("the copy's fault is the spawned thread's").isFalse();

        // the sleeping copy holds the pipe (pipe->mutex): a writer waits until the read is done
        SimThread writer = task.newThread();
        CompletableFuture<Long> write = CompletableFuture.supplyAsync(() -> writer.call(() -> task.write(writeEnd, fds + 64, 2)),
                r -> Thread.ofPlatform().start(r));
        await(writer::blocked);

        gate.open();
        assertThat(read.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(write.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(2);
        byte[] got = new byte[3];
        task.load(a, got);
        assertThat(got).containsExactly(1, 2, 3);
        assertThat(task.read(readEnd, a, 10)).as("the writer's bytes came after the read").isEqualTo(2);
    }

}
