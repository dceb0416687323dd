package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.WriteTracker.Range;

/**
 * pagemap_ioctl.c's transact_test: threads of the process write while another Java thread scans
 * with WP_MATCHING, and every write is observed, none lost between a scan's report and its
 * re-protection. Each write increments the counter in the writer's slot of a page it owns; the
 * writer goes on only once the scanner has seen that value, so a write whose page stayed
 * protected without being reported would stall its writer and fail the test within its time.
 * A report that finds no new value is allowed (a write retried after the scan protected its page
 * again, as on a real CPU) and counted.
 */
class PagemapScanTransactTest {
    private static final int WRITERS = 4;
    private static final int PAGES_PER_WRITER = 8;
    private static final int WRITES = 300;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void everyWriteIsObservedOnce() throws InterruptedException {
        for (long seed : new long[] {1, 2, 3}) {
            System.out.println("PagemapScanTransactTest seed " + seed);
            run(seed);
        }
    }

    private void run(long seed) throws InterruptedException {
        int pages = WRITERS * PAGES_PER_WRITER;
        long a = Syscalls.anon(p, pages);
        long end = a + pages * PAGE_SIZE;
        /** Per page: the last counter value the scanner saw. */
        AtomicLongArray seen = new AtomicLongArray(pages);
        long started = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        try (WriteTracker tracker = WriteTracker.open(p)) {
            tracker.track(a, pages * PAGE_SIZE);
            for (int w = 0; w < WRITERS; w++) {
                SimThread thread = p.newThread();
                Random random = new Random(seed * 31 + w);
                int first = w * PAGES_PER_WRITER;
                Thread writer = Thread.ofPlatform().start(() -> {
                    long[] counters = new long[PAGES_PER_WRITER];
                    for (int i = 0; i < WRITES; i++) {
                        int slot = random.nextInt(PAGES_PER_WRITER);
                        long value = ++counters[slot];
                        int page = first + slot;
                        thread.storeLong(a + page * PAGE_SIZE + 8L * page, value);
                        while (seen.get(page) < value) {
                            if (System.nanoTime() - started > DEADLINE_NANOS) {
                                synchronized (failures) {
                                    failures.add(new AssertionError("seed " + seed + ": write " + value + " of page "
                                            + page + " never reported"));
                                }
                                return;
                            }
                            LockSupport.parkNanos(20_000);
                        }
                    }
                });
                writers.add(writer);
            }
            long reports = 0;
            long empty = 0;
            while (writers.stream().anyMatch(Thread::isAlive)) {
                for (Range range : tracker.collect(a, end)) {
                    for (long at = range.start(); at < range.end(); at += PAGE_SIZE) {
                        int page = (int) ((at - a) / PAGE_SIZE);
                        long value = p.loadLong(at + 8L * page);
                        long last = seen.get(page);
                        assertThat(value).as("seed %d page %d: one write at a time", seed, page).isBetween(last, last + 1);
                        if (value == last) {
                            empty++;
                        }
                        reports++;
                        seen.set(page, value);
                    }
                }
                Thread.onSpinWait();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(failures).isEmpty();
            long total = 0;
            for (int page = 0; page < pages; page++) {
                total += seen.get(page);
                assertThat(p.loadLong(a + page * PAGE_SIZE + 8L * page)).isEqualTo(seen.get(page));
            }
            assertThat(total).as("seed %d: every write seen", seed).isEqualTo((long) WRITERS * WRITES);
            assertThat(reports - empty).isEqualTo(total);
            assertThat(tracker.collect(a, end)).isEmpty();
            System.out.printf("seed %d: %d writes, %d reports without a new value%n", seed, total, empty);
        }
        p.munmap(a, pages * PAGE_SIZE);
    }
}
