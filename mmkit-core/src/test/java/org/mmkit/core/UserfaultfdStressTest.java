package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmkit.core.abi.UffdMsgLayout;
import org.mmkit.core.abi.UffdioCopyLayout;

/**
 * A randomized soak in the style of the kernel's uffd-stress (selftests-catalog §2): in each
 * bounce a destination region is registered for missing faults; faulting threads read and write
 * its pages in a seeded random order while handler threads read the messages and answer each
 * with UFFDIO_COPY from a source region (EEXIST, for a page two threads faulted on, is answered
 * with WAKE), and the main thread forks meanwhile. In the second test the context also asks for
 * EVENT_FORK and EVENT_REMAP: the third party forks (a handler reads the FORK event and hands the
 * child's context over; the third party serves the child's missing fault through it) and moves
 * another registered region back and forth (REMAP), while the handlers' COPYs meet EAGAIN
 * whenever an event is in flight and retry. Every byte is checked after each bounce, the
 * machine's invariants hold, nothing deadlocks. The seed is printed; rerun one with
 * {@code -Dmmkit.seed=N}, and soak longer with {@code -Dmmkit.uffdStress.bounces=N}.
 */
@Timeout(120)
class UserfaultfdStressTest {
    private static final int PAGES = 48;
    private static final int FAULTERS = 3;
    private static final int HANDLERS = 2;

    @Test
    void faultersAndHandlersBounceARegionWithEveryByteChecked() throws Exception {
        soak(0);
    }

    @Test
    void aThirdPartyForksWithEventForkAndRemapsMeanwhile() throws Exception {
        soak(UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_EVENT_REMAP);
    }

    /** The bounces, with a context set up with {@code features}; with events, the third party is {@link EventParty}. */
    private static void soak(long features) throws Exception {
        long seed = Long.getLong("mmkit.seed", System.nanoTime());
        int bounces = Integer.getInteger("mmkit.uffdStress.bounces", 4);
        System.out.println("UserfaultfdStressTest seed " + seed + ", " + bounces + " bounces, features 0x"
                + Long.toHexString(features));
        Random random = new Random(seed);
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(true);
            int fd = p.userfaultfd(O_CLOEXEC | O_NONBLOCK);
            long scratch = Syscalls.anon(p, 2 + HANDLERS);
            p.store(scratch, Uffd.longs(UFFD_API, features, 0));
            p.ioctl(fd, UFFDIO_API, scratch);
            long src = Syscalls.anon(p, PAGES);
            long dst = Syscalls.anon(p, PAGES);
            EventParty party = features == 0 ? null : new EventParty(p, fd, scratch + (1 + HANDLERS) * PAGE_SIZE, src);
            for (int bounce = 0; bounce < bounces; bounce++) {
                long salt = random.nextLong();
                for (int page = 0; page < PAGES; page++) {
                    for (int word = 0; word < PAGE_SIZE / 8; word++) {
                        p.storeLong(src + page * PAGE_SIZE + word * 8L, pattern(salt, page, word));
                    }
                }
                p.madvise(dst, PAGES * PAGE_SIZE, MADV_DONTNEED);
                p.store(scratch, Uffd.longs(dst, PAGES * PAGE_SIZE, UFFDIO_REGISTER_MODE_MISSING, 0));
                p.ioctl(fd, UFFDIO_REGISTER, scratch);
                bounce(p, fd, scratch, src, dst, salt, random, party);
                p.store(scratch, Uffd.longs(dst, PAGES * PAGE_SIZE));
                p.ioctl(fd, UFFDIO_UNREGISTER, scratch);
                kernel.checkInvariants();
            }
        }
    }

    /** The value of word {@code word} of page {@code page} in a bounce with {@code salt}. */
    private static long pattern(long salt, int page, int word) {
        return salt ^ ((long) page << 32) ^ word;
    }

    /** The word faulter {@code id} stores into each page it touches (words 0..FAULTERS-1 belong to the faulters). */
    private static long mark(long salt, int id, int page) {
        return ~pattern(salt, page, id);
    }

    private static void bounce(SimProcess p, int fd, long scratch, long src, long dst, long salt,
            Random random, EventParty party) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Handled handled = new Handled();
        List<CompletableFuture<Void>> handlers = new ArrayList<>();
        for (int h = 0; h < HANDLERS; h++) {
            long buf = scratch + (1 + h) * PAGE_SIZE;
            handlers.add(async(() -> handle(p, fd, buf, src, dst, stop, handled)));
        }
        List<CompletableFuture<Void>> faulters = new ArrayList<>();
        boolean[][] wrote = new boolean[FAULTERS][PAGES];
        for (int f = 0; f < FAULTERS; f++) {
            int id = f;
            Random own = new Random(random.nextLong());
            SimThread thread = p.newThread();
            faulters.add(async(() -> {
                for (int step = 0; step < PAGES; step++) {
                    int page = own.nextInt(PAGES);
                    long at = dst + page * PAGE_SIZE;
                    if (own.nextBoolean()) {
                        thread.storeLong(at + id * 8L, mark(salt, id, page));
                        wrote[id][page] = true;
                    } else {
                        int word = FAULTERS + own.nextInt((int) (PAGE_SIZE / 8) - FAULTERS);
                        long got = thread.loadLong(at + word * 8L);
                        if (got != pattern(salt, page, word)) {
                            throw new AssertionError("page " + page + " word " + word + ": " + Long.toHexString(got));
                        }
                    }
                }
            }));
        }
        while (!faulters.stream().allMatch(CompletableFuture::isDone)) {
            if (party == null) {
                p.fork().exit(); // a third party: fork copies the registered range's page tables meanwhile
            } else {
                party.round(dst, salt, random, handled);
            }
            Thread.yield();
        }
        for (CompletableFuture<Void> faulter : faulters) {
            faulter.get(60, TimeUnit.SECONDS);
        }
        stop.set(true);
        for (CompletableFuture<Void> handler : handlers) {
            handler.get(60, TimeUnit.SECONDS);
        }
        assertThat(handled.faults.get()).isPositive();
        if (party != null) {
            assertThat(handled.events.get()).as("FORK and REMAP events were read").isPositive();
        }
        for (int page = 0; page < PAGES; page++) {
            if (!resident(p, dst, page)) {
                for (int id = 0; id < FAULTERS; id++) {
                    assertThat(wrote[id][page]).as("page %d was written", page).isFalse();
                }
                continue; // never faulted: a load would wait for a handler
            }
            byte[] bytes = new byte[(int) PAGE_SIZE];
            p.load(dst + page * PAGE_SIZE, bytes);
            ByteBuffer words = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int word = 0; word < PAGE_SIZE / 8; word++) {
                long expected = word < FAULTERS && wrote[word][page] ? mark(salt, word, page) : pattern(salt, page, word);
                assertThat(words.getLong(word * 8)).as("page %d word %d", page, word).isEqualTo(expected);
            }
        }
    }

    /** Whether page {@code page} of the region is mapped ({@code mincore}): it was faulted and filled in this bounce. */
    private static boolean resident(SimProcess p, long dst, int page) {
        byte[] vec = p.mincore(dst + page * PAGE_SIZE, PAGE_SIZE);
        return (vec[0] & 1) != 0;
    }

    /**
     * What the handlers share: counts, the pages whose COPY met EAGAIN while an event was in
     * flight (to be tried again), and the descriptors FORK events brought.
     */
    private static final class Handled {
        final AtomicLong faults = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final ConcurrentLinkedQueue<Long> retries = new ConcurrentLinkedQueue<>();
        final LinkedBlockingQueue<Integer> forkedFds = new LinkedBlockingQueue<>();
    }

    /**
     * A handler: reads messages without blocking and answers each fault with COPY, or WAKE after
     * EEXIST; a COPY that is EAGAIN because an event is in flight is tried again later. A FORK
     * event's descriptor goes to the third party; other events are counted.
     */
    private static void handle(SimProcess p, int fd, long buf, long src, long dst, AtomicBoolean stop, Handled handled) {
        long msg = buf;
        long copy = buf + UffdMsgLayout.SIZE;
        while (!stop.get()) {
            long n;
            try {
                n = p.read(fd, msg, UffdMsgLayout.SIZE);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EAGAIN) {
                    throw e;
                }
                Long retry = handled.retries.poll();
                if (retry != null) {
                    resolve(p, fd, copy, retry, src, dst, handled);
                }
                Thread.yield();
                continue;
            }
            assertThat(n).isEqualTo(UffdMsgLayout.SIZE);
            int event = (int) (p.loadLong(msg) & 0xff);
            long arg = msg + UffdMsgLayout.ARG_OFFSET;
            if (event == UFFD_EVENT_FORK) {
                handled.events.incrementAndGet();
                handled.forkedFds.add((int) p.loadLong(arg + UffdMsgLayout.FORK_UFD_OFFSET));
            } else if (event != UFFD_EVENT_PAGEFAULT) {
                handled.events.incrementAndGet();
            } else {
                handled.faults.incrementAndGet();
                resolve(p, fd, copy, p.loadLong(arg + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET), src, dst, handled);
            }
        }
    }

    /** COPY of the faulting page from its source page; WAKE after EEXIST; EAGAIN queues a retry. */
    private static void resolve(SimProcess p, int fd, long copy, long address, long src, long dst, Handled handled) {
        p.store(copy, Uffd.longs(address, src + (address - dst), PAGE_SIZE, 0, 0));
        try {
            p.ioctl(fd, UFFDIO_COPY, copy);
        } catch (ErrnoException e) {
            long result = p.loadLong(copy + UffdioCopyLayout.COPY_OFFSET);
            if (e.errno() == Errno.EAGAIN && result == -Errno.EAGAIN.number()) {
                handled.retries.add(address); // mmap_changing: an event is in flight
                return;
            }
            if (e.errno() != Errno.EEXIST || result != -Errno.EEXIST.number()) {
                throw e;
            }
            p.store(copy, Uffd.longs(address, PAGE_SIZE));
            p.ioctl(fd, UFFDIO_WAKE, copy);
        }
    }

    /**
     * The third party of the events soak, on a thread of its own: each round forks (a handler
     * reads the FORK event), makes the child load a word of a random page of the region through
     * the child's context, which it serves itself with COPY from the source, checks the word, and
     * ends the child; then it moves a second registered region to the other of two places (a
     * handler reads the REMAP event).
     */
    private static final class EventParty {
        private final SimProcess p;
        private final SimThread thread;
        private final long io;
        private final long src;
        /** The moving region's two places; it is at {@link #here}. */
        private final long[] places = new long[2];
        private int here;

        EventParty(SimProcess p, int fd, long io, long src) {
            this.p = p;
            this.thread = p.newThread();
            this.io = io;
            this.src = src;
            long both = Syscalls.anon(p, 5);
            places[0] = both;
            places[1] = both + 3 * PAGE_SIZE;
            p.munmap(both + 2 * PAGE_SIZE, PAGE_SIZE); // a hole between, so the two never merge
            p.munmap(places[1], 2 * PAGE_SIZE);
            p.store(io, Uffd.longs(places[0], 2 * PAGE_SIZE, UFFDIO_REGISTER_MODE_MISSING, 0));
            p.ioctl(fd, UFFDIO_REGISTER, io);
        }

        void round(long dst, long salt, Random random, Handled handled) throws Exception {
            SimProcess child = thread.call(p::fork);
            int childFd = handled.forkedFds.poll(60, TimeUnit.SECONDS);
            int page = random.nextInt(PAGES);
            int word = FAULTERS + random.nextInt((int) (PAGE_SIZE / 8) - FAULTERS);
            SimThread reader = child.newThread();
            CompletableFuture<Long> load = CompletableFuture.supplyAsync(
                    () -> reader.loadLong(dst + page * PAGE_SIZE + word * 8L), r -> Thread.ofPlatform().start(r));
            long msg = io + 64;
            while (!load.isDone()) {
                try {
                    thread.call(() -> p.read(childFd, msg, UffdMsgLayout.SIZE));
                } catch (ErrnoException e) {
                    if (e.errno() != Errno.EAGAIN) {
                        throw e;
                    }
                    Thread.yield();
                    continue;
                }
                long address = p.loadLong(msg + UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET);
                assertThat(address).isEqualTo(dst + page * PAGE_SIZE);
                p.store(io, Uffd.longs(address, src + (address - dst), PAGE_SIZE, 0, 0));
                thread.call(() -> p.ioctl(childFd, UFFDIO_COPY, io));
            }
            assertThat(load.get(60, TimeUnit.SECONDS)).as("the child's page %d word %d", page, word)
                    .isEqualTo(pattern(salt, page, word));
            p.close(childFd);
            child.exit();
            long to = places[1 - here];
            assertThat(thread.call(() -> p.mremap(places[here], 2 * PAGE_SIZE, 2 * PAGE_SIZE,
                    MREMAP_MAYMOVE | MREMAP_FIXED, to))).isEqualTo(to);
            here = 1 - here;
        }
    }

    private static CompletableFuture<Void> async(Runnable body) {
        return CompletableFuture.runAsync(body, r -> Thread.ofPlatform().start(r));
    }
}
