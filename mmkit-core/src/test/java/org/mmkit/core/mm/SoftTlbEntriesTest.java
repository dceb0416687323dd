package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The software TLB on its own: lookups, eviction, the sequence lock a hit validates, and the store gate a shootdown waits on. */
class SoftTlbEntriesTest {
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment block = arena.allocate(16 * PAGE_SIZE);
    private final SoftTlb tlb = new SoftTlb();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void aFilledPageHitsForAccessesWithinItAndMissesAcrossItsEnd() {
        long va = 0x7000_0000L;
        assertThat(tlb.hit(va, 8, false)).isNegative();
        tlb.fillLocked(va >>> PAGE_SHIFT, block, 3 * PAGE_SIZE, false);
        int slot = tlb.hit(va + 16, 8, false);
        assertThat(slot).isNotNegative();
        assertThat(tlb.block(slot)).isSameAs(block);
        assertThat(tlb.offset(slot)).isEqualTo(3 * PAGE_SIZE);
        assertThat(tlb.hit(va + PAGE_SIZE - 8, 8, false)).as("last 8 bytes").isEqualTo(slot);
        assertThat(tlb.hit(va + PAGE_SIZE - 7, 8, false)).as("across the page end").isNegative();
        assertThat(tlb.hit(va, 0, false)).as("an empty access takes the miss path").isNegative();
        assertThat(tlb.hit(va + PAGE_SIZE, 8, false)).as("the next page").isNegative();
    }

    @Test
    void onlyWritableEntriesServeStores() {
        long va = 0x1000L;
        tlb.fillLocked(va >>> PAGE_SHIFT, block, 0, false);
        assertThat(tlb.hit(va, 8, true)).isNegative();
        tlb.fillLocked(va >>> PAGE_SHIFT, block, 0, true);
        assertThat(tlb.hit(va, 8, true)).isNotNegative();
    }

    @Test
    void pagesThatShareASlotEvictEachOther() {
        long va = 0x40_0000L;
        long alias = va + SoftTlb.ENTRIES * PAGE_SIZE;
        tlb.fillLocked(va >>> PAGE_SHIFT, block, 0, true);
        tlb.fillLocked(alias >>> PAGE_SHIFT, block, PAGE_SIZE, true);
        assertThat(tlb.hit(va, 8, false)).isNegative();
        assertThat(tlb.offset(tlb.hit(alias, 8, false))).isEqualTo(PAGE_SIZE);
        assertThat(tlb.hit(-PAGE_SIZE, 8, false)).as("a negative address never hits").isNegative();
    }

    @Test
    void aFlushDropsEveryEntryOnceAndInvalidatesReadsInFlight() {
        assertThat(tlb.flushLocked()).as("nothing cached").isFalse();
        tlb.fillLocked(1, block, 0, true);
        tlb.fillLocked(2, block, PAGE_SIZE, true);
        long version = tlb.beginRead();
        assertThat(tlb.validate(version)).isTrue();
        assertThat(tlb.flushLocked()).isTrue();
        assertThat(tlb.validate(version)).as("a read that overlapped the flush").isFalse();
        assertThat(tlb.hit(1L << PAGE_SHIFT, 8, false)).isNegative();
        assertThat(tlb.hit(2L << PAGE_SHIFT, 8, false)).isNegative();
        assertThat(tlb.flushLocked()).as("already empty").isFalse();
    }

    @Test
    void aFillInvalidatesReadsInFlight() {
        long version = tlb.beginRead();
        tlb.fillLocked(5, block, 0, false);
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
