package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.PAGE_SHIFT;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.mmkit.core.mem.PhysicalMemory;

/**
 * A TLB that grows in its fills and shrinks in its flushes, with fills on one Java thread and
 * shootdowns on another (racing with them in one phase, between few fills in the other): no
 * entry filled before a flush began hits after it returned, and every entry that hits is the one
 * filled for its page, through every resize. The fill's frame number
 * is its sequence number, so a hit tells when its entry was filled.
 */
class SoftTlbResizeRaceTest {
    /** Pages the filler cycles through: more than the smallest table holds, so it grows. */
    private static final int PAGES = 6 * SoftTlb.MIN_ENTRIES;
    private static final int FLUSHES = 400;

    @Test
    void noEntryFilledBeforeAFlushHitsAfterItThroughGrowthAndShrinking() throws Exception {
        long seed = System.nanoTime();
        System.out.println("SoftTlbResizeRaceTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        try (PhysicalMemory memory = new PhysicalMemory(PhysicalMemory.MIN_FRAMES)) {
            SoftTlb tlb = new SoftTlb(memory, 64); // the epoch wraps too
            AtomicLong fillsDone = new AtomicLong();
            AtomicLong fillsAllowed = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> filler = CompletableFuture.runAsync(() -> {
                for (int fill = 1; !stop.get(); fill++) {
                    while (fill > fillsAllowed.get() && !stop.get()) {
                        Thread.onSpinWait();
                    }
                    // a fill as the lockless miss takes the TLB, retried while a flush holds it
                    long version;
                    do {
                        version = tlb.beginRead();
                    } while (!tlb.tryBeginFill(version));
                    tlb.endFill(version, fill % PAGES, fill, false);
                    fillsDone.set(fill);
                }
            });
            int largest = 0;
            int smallest = Integer.MAX_VALUE;
            try {
                for (int flush = 0; flush < FLUSHES; flush++) {
                    // phases of rare flushes racing with fills (the table grows) and of frequent
                    // ones between few fills (it shrinks)
                    boolean frequent = flush % 40 < 30;
                    long until = fillsDone.get() + (frequent ? 1 + random.nextInt(200) : 4 * PAGES + random.nextInt(4 * PAGES));
                    fillsAllowed.set(frequent ? until : Long.MAX_VALUE);
                    while (fillsDone.get() < until && !filler.isDone()) {
                        Thread.onSpinWait();
                    }
                    long filledBefore = fillsDone.get();
                    tlb.flushLocked();
                    for (int vpn = 0; vpn < PAGES; vpn++) {
                        long version = tlb.beginRead();
                        int frame = tlb.hit((long) vpn << PAGE_SHIFT, 8, false);
                        int entries = tlb.entries();
                        if (tlb.validate(version)) {
                            largest = Math.max(largest, entries);
                            smallest = Math.min(smallest, entries);
                            if (frame >= 0) {
                                assertThat(frame % PAGES).as("the entry of page %d (seed %d)", vpn, seed).isEqualTo(vpn);
                                assertThat((long) frame).as("page %d filled before the flush (seed %d)", vpn, seed)
                                        .isGreaterThan(filledBefore);
                            }
                        }
                    }
                }
            } finally {
                stop.set(true);
                filler.get(30, TimeUnit.SECONDS);
            }
            assertThat(largest).as("grew (seed %d)", seed).isGreaterThan(SoftTlb.MIN_ENTRIES);
            assertThat(smallest).as("shrank back (seed %d)", seed).isEqualTo(SoftTlb.MIN_ENTRIES);
        }
    }
}
