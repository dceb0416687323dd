package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Syscalls.assertErrno;
import static org.mmkit.core.Uapi.*;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmkit.core.abi.UffdMsgLayout;

/**
 * userfaultfd's non-cooperative events (kernel-spec §4.7; {@code fs/userfaultfd.c}:
 * {@code dup_userfaultfd}, {@code mremap_userfaultfd_prep}, {@code userfaultfd_remove},
 * {@code userfaultfd_unmap_prep} and their completions): the causing thread sleeps until its event
 * is read, {@code mmap_changing} makes the fill ioctls EAGAIN meanwhile, and a close of the
 * context lets the caller go on. The scenarios events-*.mms check the same against the kernel.
 */
@Timeout(60)
class UffdEventsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long MISSING = UFFDIO_REGISTER_MODE_MISSING;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().sharedZeroPage(false).build());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    /** Runs the system call on a new thread of {@code process} and waits until it sleeps in the kernel. */
    private static <T> CompletableFuture<T> blockedCall(SimProcess process, Supplier<T> call) {
        SimThread thread = process.newThread();
        CompletableFuture<T> outcome = CompletableFuture.supplyAsync(() -> thread.call(call),
                r -> Thread.ofPlatform().start(r));
        UserfaultfdFaultTest.await(() -> thread.blocked() || outcome.isDone());
        assertThat(outcome).as("the call waits for its event to be read").isNotDone();
        return outcome;
    }

    private static <T> T done(CompletableFuture<T> outcome) throws Exception {
        return outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The raw message read into the context's scratch page. */
    private static long[] readWords(Uffd uffd) {
        uffd.read();
        long at = uffd.scratch + PAGE_SIZE;
        return new long[] {uffd.p.loadLong(at) & 0xff, uffd.p.loadLong(at + UffdMsgLayout.ARG_OFFSET),
            uffd.p.loadLong(at + UffdMsgLayout.ARG_OFFSET + 8), uffd.p.loadLong(at + UffdMsgLayout.ARG_OFFSET + 16)};
    }

    @Test
    void forkEventHandsTheChildsContextToTheReader() throws Exception {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_EVENT_FORK);
        long a = anon(p, 2);
        long src = anon(p, 1);
        p.storeLong(src, 0x4646);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        CompletableFuture<SimProcess> fork = blockedCall(p, p::fork);
        assertThat(uffd.poll()).isEqualTo(POLLIN);
        long[] message = readWords(uffd);
        assertThat(message[0]).isEqualTo(UFFD_EVENT_FORK);
        int childFd = (int) message[1];
        assertThat(childFd).as("the lowest free descriptor of the reader").isEqualTo(uffd.fd + 1);
        SimProcess child = done(fork);
        assertThat(child.smaps()).contains(" um ");
        assertErrno(Errno.EBADF, () -> child.fcntl(childFd, F_GETFD, 0));

        Uffd childUffd = Uffd.of(p, childFd);
        SimThread faulting = child.newThread();
        CompletableFuture<Long> load = CompletableFuture.supplyAsync(() -> faulting.loadLong(a + PAGE_SIZE),
                r -> Thread.ofPlatform().start(r));
        UserfaultfdFaultTest.await(faulting::blocked);
        assertErrno(Errno.EAGAIN, uffd::read);
        assertThat(childUffd.read()).isEqualTo(Uffd.fault(0, a + PAGE_SIZE));
        assertThat(childUffd.copy(a + PAGE_SIZE, src, PAGE_SIZE, 0)).isEqualTo(new Uffd.Filled(PAGE_SIZE, null));
        assertThat(done(load)).isEqualTo(0x4646);
        assertThat(p.smaps()).as("the parent's registration stays").contains(" um ");
        kernel.checkInvariants();
    }

    /**
     * The child holds the context too (copy_files comes before dup_mmap), so closing the parent's
     * descriptor cannot release the FORK event: only a reader, or the parent's death, ends the wait.
     */
    @Test
    void aForkWaitsThroughTheParentsCloseAndEndsWithTheParent() throws Exception {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_EVENT_FORK);
        long a = anon(p, 2);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        CompletableFuture<SimProcess> fork = blockedCall(p, p::fork);
        p.close(uffd.fd);
        assertThat(fork).as("the child's copy of the descriptor keeps the context").isNotDone();
        p.exit();
        assertThat(fork).failsWithin(TIMEOUT);
        kernel.checkInvariants();
    }

    @Test
    void withoutEventForkTheForkSendsNothing() {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_EVENT_REMAP);
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        SimProcess child = p.fork();
        assertErrno(Errno.EAGAIN, uffd::read);
        assertThat(child.smaps()).doesNotContain(" um ");
    }

    @Test
    void remapMovesTheRegistrationAndUnmapFollows() throws Exception {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_EVENT_REMAP | UFFD_FEATURE_EVENT_UNMAP);
        long a = anon(p, 2);
        long b = anon(p, 4);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        CompletableFuture<Long> remap = blockedCall(p,
                () -> p.mremap(a, 2 * PAGE_SIZE, 2 * PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED, b));
        assertThat(readWords(uffd)).containsExactly(UFFD_EVENT_REMAP, a, b, 2 * PAGE_SIZE);
        assertThat(remap).as("the UNMAP is still to be read").isNotDone();
        UserfaultfdFaultTest.await(() -> uffd.poll() == POLLIN); // queued once the woken caller runs on
        assertThat(readWords(uffd)).containsExactly(UFFD_EVENT_UNMAP, a, a + 2 * PAGE_SIZE, 0);
        assertThat(done(remap)).isEqualTo(b);
        assertErrno(Errno.EAGAIN, uffd::read);
        assertThat(p.smaps()).contains(" um ");
    }

    @Test
    void removeIsSentBeforeThePagesGoAndUnmapAfter() throws Exception {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_EVENT_REMOVE | UFFD_FEATURE_EVENT_UNMAP);
        long a = anon(p, 2);
        long src = anon(p, 1);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        uffd.copy(a, src, 2 * PAGE_SIZE, 0);
        CompletableFuture<Void> dontneed = blockedCall(p, () -> {
            p.madvise(a, 2 * PAGE_SIZE, MADV_DONTNEED);
            return null;
        });
        assertThat(p.mincore(a, PAGE_SIZE)[0]).as("userfaultfd_remove comes before the zap").isEqualTo((byte) 1);
        assertThat(readWords(uffd)).containsExactly(UFFD_EVENT_REMOVE, a, a + 2 * PAGE_SIZE, 0);
        done(dontneed);
        assertThat(p.mincore(a, PAGE_SIZE)[0]).isZero();

        CompletableFuture<Void> munmap = blockedCall(p, () -> {
            p.munmap(a, PAGE_SIZE);
            return null;
        });
        assertThat(p.maps()).as("userfaultfd_unmap_complete comes after the unmap")
                .doesNotContain(Long.toHexString(a) + "-");
        assertThat(readWords(uffd)).containsExactly(UFFD_EVENT_UNMAP, a, a + PAGE_SIZE, 0);
        done(munmap);
        kernel.checkInvariants();
    }

    @Test
    void fillsAreEagainWhileAnEventIsInFlightAndFaultsAreReadFirst() throws Exception {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_EVENT_UNMAP);
        long a = anon(p, 4);
        long src = anon(p, 1);
        uffd.register(a, 4 * PAGE_SIZE, MISSING | UFFDIO_REGISTER_MODE_WP);
        CompletableFuture<Void> munmap = blockedCall(p, () -> {
            p.munmap(a + 3 * PAGE_SIZE, PAGE_SIZE);
            return null;
        });
        assertThat(uffd.copy(a, src, PAGE_SIZE, 0)).isEqualTo(new Uffd.Filled(-Errno.EAGAIN.number(), Errno.EAGAIN));
        assertThat(uffd.fill(UFFDIO_ZEROPAGE, a, PAGE_SIZE, 0))
                .isEqualTo(new Uffd.Filled(-Errno.EAGAIN.number(), Errno.EAGAIN));
        uffd.wake(a, PAGE_SIZE); // WAKE does not look at mmap_changing

        SimThread faulting = p.newThread();
        CompletableFuture<Long> load = CompletableFuture.supplyAsync(() -> faulting.loadLong(a),
                r -> Thread.ofPlatform().start(r));
        UserfaultfdFaultTest.await(faulting::blocked);
        assertThat(uffd.read()).as("the fault, queued later, is read first").isEqualTo(Uffd.fault(0, a));
        assertThat(readWords(uffd)[0]).isEqualTo(UFFD_EVENT_UNMAP);
        done(munmap);
        assertThat(uffd.fill(UFFDIO_ZEROPAGE, a, PAGE_SIZE, 0)).isEqualTo(new Uffd.Filled(PAGE_SIZE, null));
        assertThat(done(load)).isZero();
    }

    @Test
    void anExitWhileWaitingDropsTheEvent() throws Exception {
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_EVENT_UNMAP);
        SimProcess child = p.fork();
        Uffd childUffd = Uffd.of(child, uffd.fd); // the same context: it serves the parent's address space
        long a = anon(p, 2);
        long src = anon(p, 1);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        CompletableFuture<Void> munmap = CompletableFuture.runAsync(() -> p.newThread().call(() -> {
            p.munmap(a + PAGE_SIZE, PAGE_SIZE);
            return null;
        }), r -> Thread.ofPlatform().start(r));
        UserfaultfdFaultTest.await(() -> childUffd.poll() == POLLIN);
        assertThat(childUffd.copy(a, src, PAGE_SIZE, 0).errno()).isEqualTo(Errno.EAGAIN);
        p.exit();
        assertThat(munmap).failsWithin(TIMEOUT);
        assertErrno(Errno.EAGAIN, childUffd::read);
        assertThat(childUffd.copy(a, src, PAGE_SIZE, 0).errno()).as("the address space is gone, not changing")
                .isEqualTo(Errno.ESRCH);
    }
}
