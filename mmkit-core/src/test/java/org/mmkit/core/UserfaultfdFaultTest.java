package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Syscalls.assertErrno;
import static org.mmkit.core.Uapi.*;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmkit.core.abi.UffdMsgLayout;

/**
 * Faults handed to userfaultfd and their messages (kernel-spec §4.3, §4.5; {@code handle_userfault},
 * {@code userfaultfd_read_iter}, {@code userfaultfd_poll}): a faulting thread blocks until a
 * resolving ioctl, WAKE, UNREGISTER or close wakes it, while other threads go on.
 */
@Timeout(60)
class UserfaultfdFaultTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long MISSING = UFFDIO_REGISTER_MODE_MISSING;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().sharedZeroPage(false).build());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
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

    /** Runs {@code access} on a new thread of the process and waits until it blocks in the kernel. */
    private <T> CompletableFuture<T> blocked(SimThread thread, Supplier<T> access) {
        CompletableFuture<T> outcome = CompletableFuture.supplyAsync(access, r -> Thread.ofPlatform().start(r));
        await(() -> thread.blocked() || outcome.isDone());
        assertThat(outcome).as("the access blocked").isNotDone();
        return outcome;
    }

    private static <T> T done(CompletableFuture<T> outcome) throws Exception {
        return outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void missingFaultsQueueOneMessageEachAndFillsWakeThem() throws Exception {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 4);
        long src = anon(p, 1);
        p.storeLong(src, 0x5555);
        uffd.register(a, 4 * PAGE_SIZE, MISSING);
        SimThread reader = p.newThread();
        SimThread writer = p.newThread();
        CompletableFuture<Long> load = blocked(reader, () -> reader.loadLong(a + PAGE_SIZE));
        CompletableFuture<Void> store = blocked(writer, () -> {
            writer.storeLong(a + 2 * PAGE_SIZE + 8, 7);
            return null;
        });
        assertThat(uffd.poll()).isEqualTo(POLLIN);
        assertThat(uffd.read()).isEqualTo(Uffd.fault(0, a + PAGE_SIZE));
        assertThat(uffd.read()).isEqualTo(Uffd.fault(UFFD_PAGEFAULT_FLAG_WRITE, a + 2 * PAGE_SIZE));
        assertErrno(Errno.EAGAIN, uffd::read);
        assertThat(uffd.poll()).as("read faults still wait but are not pending").isZero();
        p.storeLong(anon(p, 1), 1); // faults elsewhere do not wait

        assertThat(uffd.copy(a + PAGE_SIZE, src, PAGE_SIZE, 0)).isEqualTo(new Uffd.Filled(PAGE_SIZE, null));
        assertThat(done(load)).isEqualTo(0x5555);
        assertThat(store).isNotDone();
        assertThat(uffd.fill(UFFDIO_ZEROPAGE, a + 2 * PAGE_SIZE, PAGE_SIZE, 0).errno()).isNull();
        done(store);
        assertThat(p.loadLong(a + 2 * PAGE_SIZE + 8)).as("the store, retried, broke COW of the zero page").isEqualTo(7);
        kernel.checkInvariants();
    }

    /** README's example: a handler thread restores a snapshot page by page as a vCPU faults. */
    @Test
    void snapshotRestoreAsInTheReadme() {
        long guest = p.mmap(0, 16 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        long snapshot = p.mmap(0, 16 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        long io = p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        p.storeLong(snapshot + 5 * PAGE_SIZE, 42);
        int uffd = p.userfaultfd(O_CLOEXEC);
        p.store(io, Uffd.longs(UFFD_API, 0, 0));
        p.ioctl(uffd, UFFDIO_API, io);
        p.store(io, Uffd.longs(guest, 16 * PAGE_SIZE, UFFDIO_REGISTER_MODE_MISSING, 0));
        p.ioctl(uffd, UFFDIO_REGISTER, io);

        SimThread vcpu = p.newThread();
        CompletableFuture<Long> guestRun = CompletableFuture.supplyAsync(() -> vcpu.loadLong(guest + 5 * PAGE_SIZE));
        SimThread handler = p.newThread();
        handler.call(() -> p.read(uffd, io + 64, UffdMsgLayout.SIZE));
        long addr = p.loadLong(io + 64 + UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET);
        p.store(io, Uffd.longs(addr, snapshot + (addr - guest), PAGE_SIZE, 0, 0));
        p.ioctl(uffd, UFFDIO_COPY, io);
        assertThat(guestRun.join()).isEqualTo(42);
    }

    @Test
    void readReturnsWholeMessagesAndBlocksOnlyForTheFirst() throws Exception {
        Uffd uffd = Uffd.create(p, 0);
        uffd.api(UFFD_API, 0);
        int blockingFd = uffd.fd;
        assertThat(uffd.poll()).as("poll cannot promise a blocking read will not block").isEqualTo(POLLERR);
        long a = anon(p, 2);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        SimThread handler = p.newThread();
        long at = uffd.scratch + PAGE_SIZE;
        CompletableFuture<Long> read = blocked(handler, () -> handler.call(() -> p.read(blockingFd, at, 100)));
        SimThread t1 = p.newThread();
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> t1.loadLong(a), r -> Thread.ofPlatform().start(r));
        assertThat(done(read)).as("one message woke the reader").isEqualTo(32);
        assertThat(uffd.msgAt(at)).isEqualTo(Uffd.fault(0, a));
        SimThread t2 = p.newThread();
        CompletableFuture<Long> second = blocked(t2, () -> t2.loadLong(a + PAGE_SIZE));
        await(t1::blocked);
        assertErrno(Errno.EINVAL, () -> p.read(uffd.fd, at, 31));
        assertThat(p.read(uffd.fd, at, 70)).isEqualTo(32);
        assertThat(uffd.msgAt(at)).isEqualTo(Uffd.fault(0, a + PAGE_SIZE));
        p.close(uffd.fd);
        assertThat(done(first)).as("close wakes, and the retry faults without userfaultfd").isZero();
        assertThat(done(second)).isZero();
    }

    @Test
    void aPollWithoutTimeoutWakesWhenAFaultQueuesItsMessage() throws Exception {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        long fds = anon(p, 1);
        p.store(fds, java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(uffd.fd)
                .putShort((short) POLLIN).array());
        SimThread poller = p.newThread();
        CompletableFuture<Long> poll = blocked(poller, () -> poller.call(() -> p.poll(fds, 1, -1)));
        SimThread faulter = p.newThread();
        CompletableFuture<Long> load = CompletableFuture.supplyAsync(() -> faulter.loadLong(a), r -> Thread.ofPlatform().start(r));
        assertThat(done(poll)).isEqualTo(1);
        assertThat(uffd.read()).isEqualTo(Uffd.fault(0, a));
        uffd.fill(UFFDIO_ZEROPAGE, a, PAGE_SIZE, 0);
        assertThat(done(load)).isZero();
    }

    @Test
    void exactAddressAndThreadIdShowInTheMessage() throws Exception {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_EXACT_ADDRESS | UFFD_FEATURE_THREAD_ID);
        long a = anon(p, 2);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        SimThread thread = p.newThread();
        CompletableFuture<Void> store = blocked(thread, () -> {
            thread.store(a + PAGE_SIZE + 0x123, new byte[] {1});
            return null;
        });
        assertThat(uffd.read()).isEqualTo(new Uffd.Msg(UFFD_EVENT_PAGEFAULT, UFFD_PAGEFAULT_FLAG_WRITE,
                a + PAGE_SIZE + 0x123, thread.tid()));
        assertThat(thread.tid()).isNotEqualTo(p.mainThread().tid()).isNotEqualTo(p.pid());
        assertThat(p.mainThread().tid()).isEqualTo(p.pid());
        uffd.wake(a + PAGE_SIZE, PAGE_SIZE);
        assertThat(uffd.read()).as("a spurious wake re-faults and queues a new message")
                .isEqualTo(new Uffd.Msg(UFFD_EVENT_PAGEFAULT, UFFD_PAGEFAULT_FLAG_WRITE, a + PAGE_SIZE + 0x123, thread.tid()));
        uffd.wake(a, PAGE_SIZE);
        assertThat(thread.blocked()).as("a wake of another range").isTrue();
        assertThat(uffd.fill(UFFDIO_ZEROPAGE, a + PAGE_SIZE, PAGE_SIZE, UFFDIO_ZEROPAGE_MODE_DONTWAKE).errno()).isNull();
        assertThat(thread.blocked()).isTrue();
        uffd.wake(a + PAGE_SIZE, PAGE_SIZE);
        done(store);
    }

    @Test
    void aWakeBeforeTheReadLeavesNoMessageBehind() throws Exception {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        SimThread thread = p.newThread();
        CompletableFuture<Long> load = blocked(thread, () -> thread.loadLong(a));
        uffd.wake(a, PAGE_SIZE);
        await(thread::blocked);
        assertThat(uffd.read()).isEqualTo(Uffd.fault(0, a));
        assertErrno(Errno.EAGAIN, uffd::read);
        uffd.unregister(a, PAGE_SIZE);
        assertThat(done(load)).as("UNREGISTER wakes missing faults").isZero();
    }

    @Test
    void theSigbusFeatureRaisesSigbusWithoutAMessage() {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_SIGBUS);
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        assertThatThrownBy(() -> p.loadLong(a)).isInstanceOfSatisfying(MemoryFault.class,
                f -> assertThat(f.signal()).isEqualTo(Signal.SIGBUS));
        assertErrno(Errno.EAGAIN, uffd::read);
    }

    @Test
    void userModeOnlyLetsKernelAccessesFailWithEfault() throws Exception {
        Uffd uffd = Uffd.create(p, UFFD_USER_MODE_ONLY | O_NONBLOCK);
        uffd.api(UFFD_API, 0);
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        int memfd = UserStrings.memfd(p, "data", 0);
        p.ftruncate(memfd, PAGE_SIZE);
        assertErrno(Errno.EFAULT, () -> p.read(memfd, a, 8));
        assertErrno(Errno.EAGAIN, uffd::read);
        SimThread thread = p.newThread();
        CompletableFuture<Long> load = blocked(thread, () -> thread.loadLong(a));
        assertThat(uffd.read()).isEqualTo(Uffd.fault(0, a));
        p.close(uffd.fd);
        done(load);
    }

    @Test
    void writeProtectFaultsAreHandedOverBeforeCow() throws Exception {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 1);
        long src = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING | UFFDIO_REGISTER_MODE_WP);
        assertThat(uffd.copy(a, src, PAGE_SIZE, UFFDIO_COPY_MODE_WP).errno()).isNull();
        assertThat(p.loadLong(a)).isZero();
        SimThread thread = p.newThread();
        CompletableFuture<Void> store = blocked(thread, () -> {
            thread.storeLong(a, 9);
            return null;
        });
        assertThat(uffd.read()).isEqualTo(Uffd.fault(UFFD_PAGEFAULT_FLAG_WRITE | UFFD_PAGEFAULT_FLAG_WP, a));
        uffd.unregister(a, PAGE_SIZE);
        done(store);
        assertThat(p.loadLong(a)).isEqualTo(9);
        kernel.checkInvariants();
    }

    @Test
    void minorFaultsComeForPagesInTheCacheAndMissingOnesForTheRest() throws Exception {
        Uffd uffd = Uffd.open(p, 0);
        int memfd = UserStrings.memfd(p, "m", 0);
        p.ftruncate(memfd, 2 * PAGE_SIZE);
        long alias = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
        long a = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
        p.storeLong(alias, 0x77);
        uffd.register(a, 2 * PAGE_SIZE, MISSING | UFFDIO_REGISTER_MODE_MINOR);
        SimThread thread = p.newThread();
        CompletableFuture<Long> minor = blocked(thread, () -> thread.loadLong(a));
        assertThat(uffd.read()).isEqualTo(Uffd.fault(UFFD_PAGEFAULT_FLAG_MINOR, a));
        assertThat(uffd.fill(UFFDIO_CONTINUE, a, PAGE_SIZE, 0).errno()).isNull();
        assertThat(done(minor)).isEqualTo(0x77);
        CompletableFuture<Void> missing = blocked(thread, () -> {
            thread.storeLong(a + PAGE_SIZE, 5);
            return null;
        });
        assertThat(uffd.read()).isEqualTo(Uffd.fault(UFFD_PAGEFAULT_FLAG_WRITE, a + PAGE_SIZE));
        long src = anon(p, 1);
        p.storeLong(src, 4);
        assertThat(uffd.copy(a + PAGE_SIZE, src, PAGE_SIZE, 0).errno()).isNull();
        done(missing);
        assertThat(p.loadLong(alias + PAGE_SIZE)).as("COPY filled the page cache").isEqualTo(5);
        kernel.checkInvariants();
    }

    @Test
    void guardMarkersWinOverUserfaultfd() {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        p.madvise(a, PAGE_SIZE, MADV_GUARD_INSTALL);
        assertThatThrownBy(() -> p.loadLong(a)).isInstanceOfSatisfying(MemoryFault.class,
                f -> assertThat(f.signal()).isEqualTo(Signal.SIGSEGV));
        assertErrno(Errno.EAGAIN, uffd::read);
    }

    @Test
    void anExitWakesItsBlockedThreadsAndDropsTheirMessages() throws Exception {
        SimProcess child = p.fork();
        Uffd uffd = Uffd.open(child, 0);
        long a = anon(child, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        SimThread thread = child.newThread();
        CompletableFuture<Long> load = blocked(thread, () -> thread.loadLong(a));
        child.exit();
        assertThatThrownBy(() -> done(load)).hasCauseInstanceOf(IllegalStateException.class);
        kernel.checkInvariants();
    }
}
