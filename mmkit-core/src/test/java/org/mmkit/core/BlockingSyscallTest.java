package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Syscalls.assertErrno;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.PollfdLayout;
import org.mmkit.core.abi.Scalars;

/**
 * System calls that sleep until another thread wakes them ({@code wait_event_interruptible}),
 * made as a spawned thread through {@link SimThread#call}: pipe reads and writes and poll. The
 * same cases run on the kernel as scenarios/threads/pipe-*.mms under {@code mmkit diff}.
 */
class BlockingSyscallTest {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    private final long buf = anon(p, 64);
    private final int readEnd;
    private final int writeEnd;

    BlockingSyscallTest() {
        p.pipe2(buf, 0);
        byte[] fds = new byte[8];
        p.load(buf, fds);
        readEnd = (int) Scalars.INT.read(fds, 0);
        writeEnd = (int) Scalars.INT.read(fds, 4);
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    /** Runs {@code call} as a new thread of {@code p} on a Java thread of its own. */
    static <T> CompletableFuture<T> spawn(SimThread thread, Supplier<T> call) {
        return CompletableFuture.supplyAsync(() -> thread.call(call), r -> Thread.ofPlatform().daemon().start(r));
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

    static <T> T result(CompletableFuture<T> call) throws Exception {
        return call.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aReadOfAnEmptyPipeSleepsUntilAWriteThenHasItsBytes() throws Exception {
        SimThread reader = p.newThread();
        CompletableFuture<Long> read = spawn(reader, () -> p.read(readEnd, buf + PAGE_SIZE, PAGE_SIZE));
        await(reader::blocked);
        assertThat(p.mainThread().blocked()).isFalse();
        p.store(buf + 2 * PAGE_SIZE, "woken".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.write(writeEnd, buf + 2 * PAGE_SIZE, 5)).isEqualTo(5);
        assertThat(result(read)).isEqualTo(5);
        assertThat(reader.blocked()).isFalse();
        byte[] got = new byte[6];
        p.load(buf + PAGE_SIZE, got);
        assertThat(got).isEqualTo("woken\0".getBytes(StandardCharsets.US_ASCII));
        kernel.checkInvariants();
    }

    /**
     * Readers woken together go on in the order they were woken, whatever order their Java
     * threads take the machine lock again in (it is not fair): every write wakes all sleeping
     * readers, the one that has waited longest takes the byte, and the others sleep again in the
     * same order. So reader {@code i} gets byte {@code i}, as scenarios/threads/
     * pipe-readers-woken-oldest-first.mms shows for two readers on the kernel.
     */
    @Test
    void readersWokenTogetherGoOnInTheOrderTheyWereWoken() throws Exception {
        int readers = 8;
        List<SimThread> threads = new ArrayList<>();
        List<CompletableFuture<Long>> reads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            SimThread reader = p.newThread();
            long into = buf + PAGE_SIZE + i;
            reads.add(spawn(reader, () -> p.read(readEnd, into, 1)));
            await(reader::blocked);
            threads.add(reader);
        }
        for (int i = 0; i < readers; i++) {
            p.store(buf, new byte[] {(byte) (i + 1)});
            assertThat(p.write(writeEnd, buf, 1)).isEqualTo(1);
            int done = i + 1;
            // one more read ended, and every other reader is asleep again
            await(() -> reads.stream().filter(CompletableFuture::isDone).count() == done
                    && threads.stream().filter(SimThread::blocked).count() == readers - done);
            assertThat(reads.get(i)).as("the reader that waited longest").isDone();
            assertThat(result(reads.get(i))).isEqualTo(1);
        }
        byte[] got = new byte[readers];
        p.load(buf + PAGE_SIZE, got);
        assertThat(got).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        kernel.checkInvariants();
    }

    /** What a watched sleep's watcher throws when told to stop it. */
    private static final class NothingCanWake extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A call made on the calling Java thread with its sleeps watched: the watcher runs as the
     * read is about to sleep and then while it sleeps; what it throws ends the sleep and comes out
     * of the call, and the pipe is left as a fatal signal would leave it: not held, the reader off
     * its queue, so a later write and read work.
     */
    @Test
    void aWatchedSleepEndsWithWhatTheWatcherThrowsAndLeavesThePipeUsable() {
        int[] looks = new int[1];
        assertThatThrownBy(() -> p.mainThread().call(() -> p.read(readEnd, buf + PAGE_SIZE, 1), () -> {
            if (++looks[0] == 3) {
                throw new NothingCanWake();
            }
        })).isInstanceOf(NothingCanWake.class);
        assertThat(looks[0]).isEqualTo(3);
        assertThat(p.mainThread().blocked()).isFalse();
        p.store(buf + 2 * PAGE_SIZE, new byte[] {42});
        assertThat(p.write(writeEnd, buf + 2 * PAGE_SIZE, 1)).isEqualTo(1);
        assertThat(p.mainThread().call(() -> p.read(readEnd, buf + PAGE_SIZE, 1), () -> {
            throw new AssertionError("a read with bytes waiting does not sleep");
        })).isEqualTo(1);
        kernel.checkInvariants();
    }

    /** A watched sleep that another thread ends runs its watcher meanwhile and returns the call's result. */
    @Test
    void aWatchedSleepWokenByAnotherThreadReturnsItsResult() throws Exception {
        SimThread writer = p.newThread();
        CompletableFuture<Long> write = new CompletableFuture<>();
        int[] looks = new int[1];
        p.store(buf + 2 * PAGE_SIZE, new byte[] {7});
        long read = p.mainThread().call(() -> p.read(readEnd, buf + PAGE_SIZE, 1), () -> {
            if (looks[0]++ == 0) {
                // the first look, as the read goes to sleep: a thread that will write starts
                write.completeAsync(() -> writer.call(() -> p.write(writeEnd, buf + 2 * PAGE_SIZE, 1)),
                        r -> Thread.ofPlatform().daemon().start(r));
            }
        });
        assertThat(read).isEqualTo(1);
        assertThat(result(write)).isEqualTo(1);
        assertThat(looks[0]).isPositive();
        byte[] got = new byte[1];
        p.load(buf + PAGE_SIZE, got);
        assertThat(got).containsExactly(7);
        kernel.checkInvariants();
    }

    @Test
    void theLastWriterClosingEndsASleepingReadWithZero() throws Exception {
        SimThread reader = p.newThread();
        CompletableFuture<Long> read = spawn(reader, () -> p.read(readEnd, buf, 1));
        await(reader::blocked);
        SimProcess child = p.fork(); // the child's copy of the write end keeps the pipe open
        p.close(writeEnd);
        assertThat(reader.blocked()).isTrue();
        child.exit();
        assertThat(result(read)).isZero();
    }

    @Test
    void aWriteToAFullPipeSleepsUntilAReadMakesRoom() throws Exception {
        long total = 16 * PAGE_SIZE + 10;
        SimThread writer = p.newThread();
        CompletableFuture<Long> write = spawn(writer, () -> p.write(writeEnd, buf, total));
        await(writer::blocked);
        // a slot frees only when its page is read out: a shorter read leaves the writer asleep
        assertThat(p.read(readEnd, buf + 32 * PAGE_SIZE, 100)).isEqualTo(100);
        await(writer::blocked); // woken, it found no free slot and sleeps again
        assertThat(write).isNotDone();
        assertThat(p.read(readEnd, buf + 32 * PAGE_SIZE, PAGE_SIZE - 100)).isEqualTo(PAGE_SIZE - 100);
        assertThat(result(write)).isEqualTo(total);
        p.ioctl(readEnd, FIONREAD, buf + 40 * PAGE_SIZE);
        byte[] waiting = new byte[4];
        p.load(buf + 40 * PAGE_SIZE, waiting);
        assertThat(Scalars.INT.read(waiting, 0)).isEqualTo(total - PAGE_SIZE);
    }

    @Test
    void theLastReaderClosingEndsASleepingWriteWithItsCountOrEpipe() throws Exception {
        SimThread writer = p.newThread();
        CompletableFuture<Long> partial = spawn(writer, () -> p.write(writeEnd, buf, 17 * PAGE_SIZE));
        await(writer::blocked);
        SimThread second = p.newThread();
        CompletableFuture<Long> none = spawn(second, () -> p.write(writeEnd, buf, 1));
        await(second::blocked);
        p.close(readEnd);
        assertThat(result(partial)).as("the pages written before it slept").isEqualTo(16 * PAGE_SIZE);
        assertThatThrownBy(() -> result(none)).cause().isInstanceOf(ErrnoException.class)
                .hasFieldOrPropertyWithValue("errno", Errno.EPIPE);
    }

    @Test
    void anExitEndsTheSleepOfItsThreadsAsAFatalSignal() throws Exception {
        SimThread reader = p.newThread();
        CompletableFuture<Long> read = spawn(reader, () -> p.read(readEnd, buf, 1));
        await(reader::blocked);
        p.exit();
        assertThatThrownBy(() -> result(read)).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("process " + p.pid() + " has exited");
        assertThat(reader.blocked()).isFalse();
        kernel.checkInvariants();
    }

    @Test
    void closingTheKernelEndsASleep() throws Exception {
        SimThread writer = p.newThread();
        CompletableFuture<Long> write = spawn(writer, () -> p.write(writeEnd, buf, 17 * PAGE_SIZE));
        await(writer::blocked);
        kernel.close();
        assertThatThrownBy(() -> result(write)).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("kernel is closed");
    }

    @Test
    void aNonBlockingEndStillSaysEagain() {
        p.fcntl(readEnd, F_SETFL, O_NONBLOCK);
        assertErrno(Errno.EAGAIN, () -> p.read(readEnd, buf, 1));
    }

    @Test
    void pollWithoutTimeoutSleepsUntilAFileIsReadyAndAFiniteOneDoesNot() throws Exception {
        long fds = buf + PAGE_SIZE;
        byte[] pollfd = new byte[PollfdLayout.SIZE];
        Scalars.INT.write(pollfd, PollfdLayout.FD_OFFSET, readEnd);
        Scalars.SHORT_FLAGS.write(pollfd, PollfdLayout.EVENTS_OFFSET, POLLIN);
        p.store(fds, pollfd);
        assertThat(p.poll(fds, 1, 10)).isZero();
        SimThread poller = p.newThread();
        CompletableFuture<Long> poll = spawn(poller, () -> p.poll(fds, 1, -1));
        await(poller::blocked);
        assertThat(p.write(writeEnd, buf, 1)).isEqualTo(1);
        assertThat(result(poll)).isEqualTo(1);
        p.load(fds, pollfd);
        assertThat(Scalars.SHORT_FLAGS.read(pollfd, PollfdLayout.REVENTS_OFFSET)).isEqualTo(POLLIN);
    }

    @Test
    void aCallOutsideAnyThreadIsTheMainThreads() throws Exception {
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> p.read(readEnd, buf, 1),
                r -> Thread.ofPlatform().daemon().start(r));
        await(p.mainThread()::blocked);
        p.newThread().call(() -> p.write(writeEnd, buf, 1));
        assertThat(result(read)).isEqualTo(1);
        assertThat(p.mainThread().blocked()).isFalse();
    }
}
