package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmkit.core.abi.UffdMsgLayout;

/**
 * Userfaultfd write protection under concurrency, in the style of uffd-stress
 * (selftests-catalog.md §2): writer threads store into a WP-registered region while a controller
 * protects random ranges, a handler thread answers every WP fault by unprotecting its page, and
 * between rounds the region is mprotected read-only and back, or forked (the child must see
 * exactly the parent's bytes, without protection). Every byte is checked after every round, and
 * the invariants hold. Each writer owns every third 8-byte slot, so the expected bytes are
 * exact. The seed's two low bits choose the memory (anonymous or a shared memfd) and whether
 * WP_UNPOPULATED is on.
 */
class UffdWriteProtectRandomizedTest {
    private static final int PAGES = 8;
    private static final int WRITERS = 3;
    private static final int ROUNDS = 12;
    private static final int STORES_PER_ROUND = 40;
    private static final long SLOTS = PAGES * PAGE_SIZE / Long.BYTES;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyByteSurvivesProtectionFaultsForksAndMprotect(long seed) throws Exception {
        System.out.println(getClass().getSimpleName() + " seed " + seed);
        Random random = new Random(seed);
        ExecutorService pool = Executors.newCachedThreadPool();
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(4096).build())) {
            SimProcess p = kernel.newProcess(true);
            boolean shmem = (seed & 1) == 0;
            long features = (seed & 2) != 0 ? UFFD_FEATURE_WP_UNPOPULATED : 0;
            long region = shmem ? memfd(p) : Syscalls.anon(p, PAGES);
            Uffd uffd = Uffd.open(p, features);
            uffd.register(region, PAGES * PAGE_SIZE, UFFDIO_REGISTER_MODE_WP);
            long[] expected = new long[(int) SLOTS];
            ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger handled = new AtomicInteger();
            long handlerScratch = Syscalls.anon(p, 1);
            Future<?> handler = pool.submit(() -> handle(p, uffd.fd, handlerScratch, region, stop, handled, bad));
            long controllerScratch = Syscalls.anon(p, 1);
            List<SimThread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(p.newThread());
            }
            List<String> log = new ArrayList<>();
            log.add((shmem ? "shared memfd" : "anonymous") + ", features 0x" + Long.toHexString(features));
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    long[] values = new long[STORES_PER_ROUND];
                    int[] slots = new int[STORES_PER_ROUND];
                    for (int i = 0; i < STORES_PER_ROUND; i++) {
                        slots[i] = random.nextInt((int) SLOTS / WRITERS) * WRITERS + w;
                        values[i] = random.nextLong();
                        expected[slots[i]] = values[i];
                    }
                    SimThread writer = writers.get(w);
                    running.add(pool.submit(() -> {
                        for (int i = 0; i < slots.length; i++) {
                            writer.storeLong(region + (long) slots[i] * Long.BYTES, values[i]);
                        }
                    }));
                }
                for (int i = 0; i < 4; i++) {
                    long first = random.nextInt(PAGES);
                    long pages = 1 + random.nextInt((int) (PAGES - first));
                    log.add("round " + round + ": protect pages " + first + "+" + pages);
                    writeprotect(p, uffd.fd, controllerScratch, region + first * PAGE_SIZE, pages * PAGE_SIZE, true);
                }
                for (Future<?> writer : running) {
                    writer.get(30, TimeUnit.SECONDS);
                }
                String between = between(random, p, region, expected);
                log.add("round " + round + ": " + between);
                check(seed, log, p, region, expected);
                try {
                    kernel.checkInvariants();
                } catch (IllegalStateException e) {
                    fail("seed " + seed + " after " + log + ": " + e.getMessage());
                }
            }
            stop.set(true);
            handler.get(30, TimeUnit.SECONDS);
            assertThat(bad).as("seed %d: unexpected messages", seed).isEmpty();
            assertThat(handled.get()).as("seed %d: WP faults answered", seed).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    private static long memfd(SimProcess p) {
        int fd = UserStrings.memfd(p, "wp", 0);
        p.ftruncate(fd, PAGES * PAGE_SIZE);
        return p.mmap(0, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }

    /** Between rounds: nothing, a whole-region unprotect, an mprotect round trip, or a fork checked byte for byte. */
    private static String between(Random random, SimProcess p, long region, long[] expected) {
        switch (random.nextInt(4)) {
            case 0 -> {
                p.mprotect(region, PAGES * PAGE_SIZE, PROT_READ);
                p.mprotect(region, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
                return "mprotect read-only and back";
            }
            case 1 -> {
                SimProcess child = p.fork();
                for (int slot = 0; slot < SLOTS; slot++) {
                    assertThat(child.loadLong(region + (long) slot * Long.BYTES)).as("child slot %d", slot).isEqualTo(expected[slot]);
                }
                // the child is not registered: its write reaches no handler (and a shared page keeps its bytes)
                child.storeLong(region, expected[0]);
                child.exit();
                return "fork";
            }
            default -> {
                return "nothing";
            }
        }
    }

    private static void check(long seed, List<String> log, SimProcess p, long region, long[] expected) {
        byte[] bytes = new byte[(int) (PAGES * PAGE_SIZE)];
        p.load(region, bytes);
        java.nio.LongBuffer words = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        for (int slot = 0; slot < SLOTS; slot++) {
            if (words.get(slot) != expected[slot]) {
                fail("seed " + seed + " (" + log.get(0) + "): slot " + slot + " is " + words.get(slot) + ", expected "
                        + expected[slot] + " after " + log.subList(Math.max(1, log.size() - 6), log.size()));
            }
        }
    }

    /** UFFDIO_WRITEPROTECT of [start, start+len) through the struct at {@code scratch}. */
    private static void writeprotect(SimProcess p, int fd, long scratch, long start, long len, boolean protect) {
        p.store(scratch, Uffd.longs(start, len, protect ? UFFDIO_WRITEPROTECT_MODE_WP : 0));
        p.ioctl(fd, UFFDIO_WRITEPROTECT, scratch);
    }

    /**
     * The handler thread: reads messages until told to stop; each must be a write fault on a
     * protected page of the region, answered by unprotecting the page (which wakes the writer).
     */
    private static void handle(SimProcess p, int fd, long scratch, long region, AtomicBoolean stop,
            AtomicInteger handled, ConcurrentLinkedQueue<String> bad) {
        long msg = scratch + PAGE_SIZE / 2;
        while (!stop.get()) {
            if (Syscalls.errnoOf(() -> p.read(fd, msg, UffdMsgLayout.SIZE)) != null) {
                Thread.yield();
                continue;
            }
            byte[] raw = new byte[UffdMsgLayout.SIZE];
            p.load(msg, raw);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long flags = b.getLong(UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_FLAGS_OFFSET);
            long address = b.getLong(UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET);
            if ((raw[0] & 0xff) != UFFD_EVENT_PAGEFAULT || flags != (UFFD_PAGEFAULT_FLAG_WRITE | UFFD_PAGEFAULT_FLAG_WP)
                    || address < region || address >= region + PAGES * PAGE_SIZE || (address & (PAGE_SIZE - 1)) != 0) {
                bad.add("event " + raw[0] + " flags " + flags + " at 0x" + Long.toHexString(address));
            }
            writeprotect(p, fd, scratch, address, PAGE_SIZE, false);
            handled.incrementAndGet();
        }
    }
}
