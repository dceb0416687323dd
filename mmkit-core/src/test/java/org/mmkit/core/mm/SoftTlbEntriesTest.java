package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.mem.PhysicalMemory;

/**
 * The software TLB on its own: lookups, eviction, flushes by epoch and the epoch's wrap, resizing,
 * the sequence lock a hit validates, and the store gate a shootdown waits on.
 */
class SoftTlbEntriesTest {
    private final PhysicalMemory memory = new PhysicalMemory(PhysicalMemory.MIN_FRAMES);
    private final SoftTlb tlb = new SoftTlb(memory);

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void aFilledPageHitsForAccessesWithinItAndMissesAcrossItsEnd() {
        long va = 0x7000_0000L;
        assertThat(tlb.hit(va, 8, false)).isNegative();
        tlb.fillLocked(va >>> PAGE_SHIFT, 3, false);
        assertThat(tlb.hit(va + 16, 8, false)).isEqualTo(3);
        assertThat(tlb.block(3)).as("contents not made yet").isNull();
        MemorySegment block = memory.block(3);
        assertThat(tlb.block(3)).isSameAs(block);
        assertThat(tlb.hit(va + PAGE_SIZE - 8, 8, false)).as("last 8 bytes").isEqualTo(3);
        assertThat(tlb.hit(va + PAGE_SIZE - 7, 8, false)).as("across the page end").isNegative();
        assertThat(tlb.hit(va, 0, false)).as("an empty access takes the miss path").isNegative();
        assertThat(tlb.hit(va + PAGE_SIZE, 8, false)).as("the next page").isNegative();
    }

    @Test
    void onlyWritableEntriesServeStores() {
        long va = 0x1000L;
        tlb.fillLocked(va >>> PAGE_SHIFT, 2, false);
        assertThat(tlb.hit(va, 8, true)).isNegative();
        tlb.fillLocked(va >>> PAGE_SHIFT, 2, true);
        assertThat(tlb.hit(va, 8, true)).isEqualTo(2);
    }

    @Test
    void pagesThatShareASlotEvictEachOtherWithoutGrowingTheTable() {
        long va = 0x40_0000L;
        long alias = va + SoftTlb.MIN_ENTRIES * PAGE_SIZE;
        for (int i = 0; i < 10 * SoftTlb.MIN_ENTRIES; i++) {
            fillAfterLocklessWalk(va >>> PAGE_SHIFT, 2, true);
            fillAfterLocklessWalk(alias >>> PAGE_SHIFT, 3, true);
        }
        assertThat(tlb.hit(va, 8, false)).isNegative();
        assertThat(tlb.hit(alias, 8, false)).isEqualTo(3);
        assertThat(tlb.entries()).as("a table of one used slot is not too small").isEqualTo(SoftTlb.MIN_ENTRIES);
    }

    @Test
    void addressesOutsideTheUserRangeNeverHit() {
        tlb.fillLocked(5, 2, true);
        assertThat(tlb.hit(-PAGE_SIZE, 8, false)).as("a negative address").isNegative();
        // page 5 plus a bit where the tag keeps its epoch: without the range check it would match
        for (int bit = 48; bit < 64; bit++) {
            assertThat(tlb.hit((5L << PAGE_SHIFT) | 1L << bit, 8, false)).as("bit %d", bit).isNegative();
        }
        assertThat(tlb.hit(5L << PAGE_SHIFT, 8, false)).isEqualTo(2);
    }

    @Test
    void aFlushDropsEveryEntryOnceAndInvalidatesReadsInFlight() {
        assertThat(tlb.flushLocked()).as("nothing cached").isFalse();
        tlb.fillLocked(1, 2, true);
        tlb.fillLocked(2, 3, true);
        long version = tlb.beginRead();
        assertThat(tlb.validate(version)).isTrue();
        assertThat(tlb.flushLocked()).isTrue();
        assertThat(tlb.validate(version)).as("a read that overlapped the flush").isFalse();
        assertThat(tlb.hit(1L << PAGE_SHIFT, 8, false)).isNegative();
        assertThat(tlb.hit(2L << PAGE_SHIFT, 8, false)).isNegative();
        assertThat(tlb.isEmpty()).isTrue();
        assertThat(tlb.flushLocked()).as("already empty").isFalse();
        tlb.fillLocked(1, 4, true);
        assertThat(tlb.hit(1L << PAGE_SHIFT, 8, false)).as("filled again after the flush").isEqualTo(4);
    }

    /** Fails if the wrap does not clear the words: the entry filled in epoch 1 would match in epoch 1 again. */
    @Test
    void noEntrySurvivesTheEpochsWrap() {
        int epochs = 4;
        SoftTlb small = new SoftTlb(memory, epochs);
        small.fillLocked(7, 2, true); // epoch 1
        for (int flush = 1; flush < epochs; flush++) {
            small.fillLocked(100 + flush, 3, true); // so that there is something to flush
            assertThat(small.flushLocked()).isTrue();
            assertThat(small.hit(7L << PAGE_SHIFT, 8, false)).as("after flush %d", flush).isNegative();
        }
        // the epoch is 1 again: only a cleared table keeps page 7 out
        assertThat(small.hit(7L << PAGE_SHIFT, 8, false)).isNegative();
        assertThat(small.hit(101L << PAGE_SHIFT, 8, false)).isNegative();
        small.fillLocked(8, 4, false);
        assertThat(small.hit(8L << PAGE_SHIFT, 8, false)).isEqualTo(4);
    }

    @Test
    void aWorkingSetLargerThanTheTableGrowsItKeepingItsEntries() {
        int pages = 60_000;
        for (int round = 0; round < 3; round++) {
            for (int vpn = 0; vpn < pages; vpn++) {
                if (tlb.hit((long) vpn << PAGE_SHIFT, 8, false) < 0) {
                    fillAfterLocklessWalk(vpn, 2 + vpn % 8, vpn % 2 == 0);
                }
            }
        }
        assertThat(tlb.entries()).isEqualTo(SoftTlb.MAX_ENTRIES);
        for (int vpn = 0; vpn < pages; vpn++) {
            assertThat(tlb.hit((long) vpn << PAGE_SHIFT, 8, vpn % 2 == 0)).as("page %d", vpn).isEqualTo(2 + vpn % 8);
        }
        // and no further than its bound
        for (int vpn = pages; vpn < 4 * SoftTlb.MAX_ENTRIES; vpn++) {
            fillAfterLocklessWalk(vpn, 2, false);
        }
        assertThat(tlb.entries()).isEqualTo(SoftTlb.MAX_ENTRIES);
    }

    /** A thread that faults in many pages and touches each once (the fault path's fills) keeps the small table. */
    @Test
    void firstTouchesNeverGrowTheTable() {
        for (int round = 0; round < 3; round++) {
            for (int vpn = 0; vpn < 8 * SoftTlb.MIN_ENTRIES; vpn++) {
                tlb.fillLocked(vpn, 2, false);
            }
        }
        assertThat(tlb.entries()).isEqualTo(SoftTlb.MIN_ENTRIES);
    }

    @Test
    void aTableFlushedWhileMostlyUnusedShrinksAtTheEndOfAWindow() {
        for (int round = 0; round < 2; round++) {
            for (int vpn = 0; vpn < 8 * SoftTlb.MIN_ENTRIES; vpn++) {
                fillAfterLocklessWalk(vpn, 2, false);
            }
        }
        int grown = tlb.entries();
        assertThat(grown).isGreaterThan(SoftTlb.MIN_ENTRIES);
        tlb.flushLocked(); // a well-used table: this window keeps its size
        for (int flush = 1; flush < SoftTlb.SHRINK_WINDOW; flush++) {
            tlb.fillLocked(flush, 2, false);
            tlb.flushLocked();
        }
        assertThat(tlb.entries()).as("after a window with one full flush").isEqualTo(grown);
        for (int flush = 1; flush < SoftTlb.SHRINK_WINDOW; flush++) {
            tlb.fillLocked(flush, 2, false);
            tlb.flushLocked();
            assertThat(tlb.entries()).as("before the window's end").isEqualTo(grown);
        }
        tlb.fillLocked(1, 2, false);
        tlb.flushLocked();
        assertThat(tlb.entries()).isEqualTo(SoftTlb.MIN_ENTRIES);
        assertThat(tlb.hit(1L << PAGE_SHIFT, 8, false)).isNegative();
    }

    /** A fill as {@link CpuThread}'s lockless miss makes it, with nothing racing. */
    private void fillAfterLocklessWalk(long vpn, int pfn, boolean canWrite) {
        long version = tlb.beginRead();
        assertThat(tlb.tryBeginFill(version)).isTrue();
        tlb.endFill(version, vpn, pfn, canWrite);
    }

    @Test
    void aFillInvalidatesReadsInFlight() {
        long version = tlb.beginRead();
        tlb.fillLocked(5, 2, false);
        assertThat(tlb.validate(version)).isFalse();
        assertThat(tlb.validate(tlb.beginRead())).isTrue();
    }

    @Test
    void oneStoreHitAtATimeAndAShootdownWaitsForIt() throws Exception {
        long gate = tlb.enterStore();
        assertThat(gate).isNotNegative();
        assertThat(tlb.enterStore()).as("a second Java thread on the same CPU").isNegative();
        CompletableFuture<Void> shootdown = CompletableFuture.runAsync(tlb::awaitStoresLocked);
        Thread.sleep(200);
        assertThat(shootdown).as("waits while the store is in flight").isNotDone();
        tlb.leaveStore(gate);
        shootdown.get(10, TimeUnit.SECONDS);
        long next = tlb.enterStore();
        assertThat(next).isNotNegative();
        tlb.leaveStore(next);
        tlb.awaitStoresLocked(); // nothing in flight: returns at once
    }
}
