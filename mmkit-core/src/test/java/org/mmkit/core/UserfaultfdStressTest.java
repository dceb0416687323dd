package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
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
 * with WAKE), and the main thread forks meanwhile. Every byte is checked after each bounce, the
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
        long seed = Long.getLong("mmkit.seed", System.nanoTime());
        int bounces = Integer.getInteger("mmkit.uffdStress.bounces", 4);
        System.out.println("UserfaultfdStressTest seed " + seed + ", " + bounces + " bounces");
        Random random = new Random(seed);
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(true);
            int fd = p.userfaultfd(O_CLOEXEC | O_NONBLOCK);
            long scratch = Syscalls.anon(p, 1 + HANDLERS);
            p.store(scratch, Uffd.longs(UFFD_API, 0, 0));
            p.ioctl(fd, UFFDIO_API, scratch);
            long src = Syscalls.anon(p, PAGES);
            long dst = Syscalls.anon(p, PAGES);
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
                bounce(kernel, p, fd, scratch, src, dst, salt, random);
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

    private static void bounce(Kernel kernel, SimProcess p, int fd, long scratch, long src, long dst, long salt,
            Random random) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong faults = new AtomicLong();
        List<CompletableFuture<Void>> handlers = new ArrayList<>();
        for (int h = 0; h < HANDLERS; h++) {
            long buf = scratch + (1 + h) * PAGE_SIZE;
            handlers.add(async(() -> handle(p, fd, buf, src, dst, stop, faults)));
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
            p.fork().exit(); // a third party: fork copies the registered range's page tables meanwhile
            Thread.yield();
        }
        for (CompletableFuture<Void> faulter : faulters) {
            faulter.get(60, TimeUnit.SECONDS);
        }
        stop.set(true);
        for (CompletableFuture<Void> handler : handlers) {
            handler.get(60, TimeUnit.SECONDS);
        }
        assertThat(faults.get()).isPositive();
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

    /** A handler: reads messages without blocking and answers each with COPY, or WAKE after EEXIST. */
    private static void handle(SimProcess p, int fd, long buf, long src, long dst, AtomicBoolean stop, AtomicLong faults) {
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
                Thread.yield();
                continue;
            }
            assertThat(n).isEqualTo(UffdMsgLayout.SIZE);
            long address = p.loadLong(msg + UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET);
            faults.incrementAndGet();
            p.store(copy, Uffd.longs(address, src + (address - dst), PAGE_SIZE, 0, 0));
            try {
                p.ioctl(fd, UFFDIO_COPY, copy);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EEXIST || p.loadLong(copy + UffdioCopyLayout.COPY_OFFSET) != -Errno.EEXIST.number()) {
                    throw e;
                }
                p.store(copy, Uffd.longs(address, PAGE_SIZE));
                p.ioctl(fd, UFFDIO_WAKE, copy);
            }
        }
    }

    private static CompletableFuture<Void> async(Runnable body) {
        return CompletableFuture.runAsync(body, r -> Thread.ofPlatform().start(r));
    }
}
