package org.mmkit.core.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmkit.core.KernelConfig;

/** Frame allocation order, reference counting and contents. */
class PhysicalMemoryTest {
    private static final int FRAMES = (int) PhysicalMemory.MIN_FRAMES;
    private final PhysicalMemory memory = new PhysicalMemory(FRAMES);

    /**
     * A freed frame waits while fewer than {@link PhysicalMemory#COOLING_FRAMES} frames were freed
     * after it, so a page freed and one allocated right after differ, as on the kernel
     * (scenarios/uffd/wp-unpopulated.mms): fresh frames come in PFN order meanwhile; once RAM has
     * nothing else, the waiting frames come back oldest first.
     */
    @Test
    void aFrameJustFreedWaitsWhileFreshFramesComeInOrder() {
        assertThat(memory.freeFrames()).isEqualTo(FRAMES - PhysicalMemory.RESERVED_FRAMES);
        int a = memory.allocate();
        int b = memory.allocate();
        int c = memory.allocate();
        assertThat(a).isEqualTo(PhysicalMemory.RESERVED_FRAMES);
        assertThat(b).isEqualTo(a + 1);
        assertThat(c).isEqualTo(b + 1);
        memory.put(a);
        memory.put(c);
        for (int fresh = c + 1; fresh < FRAMES; fresh++) {
            assertThat(memory.allocate()).isEqualTo(fresh);
        }
        assertThat(memory.allocate()).as("reused once RAM is used up, oldest first").isEqualTo(a);
        assertThat(memory.allocate()).isEqualTo(c);
        assertThat(memory.allocate()).isEqualTo(-1);
    }

    /**
     * Frames freed before the last {@link PhysicalMemory#COOLING_FRAMES} are reused before fresh
     * ones, the most recently freed first, so a machine that frees and allocates many pages keeps
     * reusing the host memory it has touched.
     */
    @Test
    void framesPastCoolingAreReusedBeforeFreshOnes() {
        PhysicalMemory big = new PhysicalMemory(PhysicalMemory.COOLING_FRAMES * 4, false);
        int[] held = new int[PhysicalMemory.COOLING_FRAMES + 2];
        for (int i = 0; i < held.length; i++) {
            held[i] = big.allocate();
        }
        for (int pfn : held) {
            big.put(pfn);
        }
        assertThat(big.allocate()).as("the second freed, pushed out of cooling last").isEqualTo(held[1]);
        assertThat(big.allocate()).isEqualTo(held[0]);
        assertThat(big.allocate()).as("then fresh frames").isEqualTo(held[held.length - 1] + 1);
        big.close();
    }

    @Test
    void exhaustionIsReportedNotThrown() {
        for (int i = 0; i < FRAMES - PhysicalMemory.RESERVED_FRAMES; i++) {
            assertThat(memory.allocate()).isPositive();
        }
        assertThat(memory.allocate()).isEqualTo(-1);
    }

    /**
     * Every frame handed out reads as zero in all its bytes, whether never used (fresh host memory,
     * not zeroed on allocation) or reused after it was filled with data; across chunk boundaries.
     */
    @ParameterizedTest(name = "in one host mapping: {0}")
    @ValueSource(booleans = {true, false})
    void everyAllocatedFrameIsAllZero(boolean mapHost) {
        PhysicalMemory big = new PhysicalMemory(1000, mapHost);
        long pageSize = org.mmkit.core.Uapi.PAGE_SIZE;
        for (int round = 0; round < 3; round++) {
            java.util.List<Integer> held = new java.util.ArrayList<>();
            for (int pfn = big.allocate(); pfn >= 0; pfn = big.allocate()) {
                assertThat(big.contents(pfn).mismatch(java.lang.foreign.MemorySegment.ofArray(new byte[(int) pageSize])))
                        .as("frame %d in round %d", pfn, round).isEqualTo(-1);
                big.contents(pfn).fill((byte) 0xa5);
                held.add(pfn);
            }
            held.forEach(big::put);
        }
        big.close();
    }

    @Test
    void reallocatedFramesAreZeroedAndFlagsCleared() {
        int pfn = memory.allocate();
        memory.contents(pfn).set(ValueLayout.JAVA_BYTE, 100, (byte) 5);
        memory.set(pfn, PhysicalMemory.PG_ANON);
        memory.put(pfn);
        while (memory.freeFrames() > 1) {
            memory.allocate();
        }
        assertThat(memory.allocate()).isEqualTo(pfn);
        assertThat(memory.getByte(pfn, 100)).isZero();
        assertThat(memory.test(pfn, PhysicalMemory.PG_ANON)).isFalse();
    }

    @Test
    void zeroPageIsNeverFreedAndMisuseIsCaught() {
        memory.put(PhysicalMemory.ZERO_PFN);
        assertThat(memory.refcount(PhysicalMemory.ZERO_PFN)).isEqualTo(1);
        int pfn = memory.allocate();
        memory.addMapcount(pfn, 1);
        assertThatThrownBy(() -> memory.put(pfn)).hasMessageContaining("freeing mapped frame");
        assertThatThrownBy(() -> memory.addMapcount(pfn, -2)).hasMessageContaining("mapcount underflow");
    }

    @Test
    void pagesJoinTheInactiveListOfTheirTypeAndLeaveOnFree() {
        int anon = memory.allocate();
        memory.set(anon, PhysicalMemory.PG_SWAPBACKED);
        int file = memory.allocate();
        int anon2 = memory.allocate();
        memory.set(anon2, PhysicalMemory.PG_SWAPBACKED);
        memory.lruAddIfAbsent(anon);
        memory.lruAddIfAbsent(file);
        memory.lruAddIfAbsent(anon2);
        memory.lruAddIfAbsent(anon2);
        assertThat(memory.lruList(anon)).isEqualTo(PhysicalMemory.LRU_INACTIVE_ANON);
        assertThat(memory.lruList(file)).isEqualTo(PhysicalMemory.LRU_INACTIVE_FILE);
        assertThat(memory.lruSize(PhysicalMemory.LRU_INACTIVE_ANON)).isEqualTo(2);
        assertThat(memory.lruFirst(PhysicalMemory.LRU_INACTIVE_ANON)).as("added at the head").isEqualTo(anon2);
        assertThat(memory.lruLast(PhysicalMemory.LRU_INACTIVE_ANON)).isEqualTo(anon);
        assertThat(memory.lruNext(anon2)).isEqualTo(anon);
        assertThat(memory.lruPrev(anon)).isEqualTo(anon2);
        memory.markLazyFree(anon2);
        assertThat(memory.lruList(anon2)).as("lazyfree pages move to the file list").isEqualTo(PhysicalMemory.LRU_INACTIVE_FILE);
        assertThat(memory.test(anon2, PhysicalMemory.PG_SWAPBACKED)).isFalse();
        memory.put(anon);
        assertThat(memory.lruList(anon)).isEqualTo(PhysicalMemory.LRU_NONE);
        assertThat(memory.lruSize(PhysicalMemory.LRU_INACTIVE_ANON)).isZero();
        assertThat(memory.lruFirst(PhysicalMemory.LRU_INACTIVE_ANON)).isZero();
        assertThat(memory.lruLast(PhysicalMemory.LRU_INACTIVE_ANON)).isZero();
        assertThat(memory.lruSize(PhysicalMemory.LRU_INACTIVE_FILE)).isEqualTo(2);
    }

    /** The LRU list shares its word with the page flags: neither ever changes the other. */
    @Test
    void flagsAndTheLruListLiveSideBySide() {
        int pfn = memory.allocate();
        int[] flags = {PhysicalMemory.PG_ANON, PhysicalMemory.PG_ANON_EXCLUSIVE, PhysicalMemory.PG_DIRTY,
            PhysicalMemory.PG_REFERENCED, PhysicalMemory.PG_MLOCKED, PhysicalMemory.PG_SWAPBACKED,
            PhysicalMemory.PG_UPTODATE};
        for (int flag : flags) {
            memory.set(pfn, flag);
        }
        memory.lruAddIfAbsent(pfn);
        assertThat(memory.lruList(pfn)).isEqualTo(PhysicalMemory.LRU_INACTIVE_ANON);
        for (int flag : flags) {
            assertThat(memory.test(pfn, flag)).as("flag %x", flag).isTrue();
        }
        for (int flag : flags) {
            memory.clear(pfn, flag);
        }
        assertThat(memory.lruList(pfn)).as("clearing every flag keeps the list").isEqualTo(PhysicalMemory.LRU_INACTIVE_ANON);
        memory.set(pfn, PhysicalMemory.PG_SWAPBACKED);
        memory.markLazyFree(pfn);
        assertThat(memory.lruList(pfn)).isEqualTo(PhysicalMemory.LRU_INACTIVE_FILE);
        for (int flag : flags) {
            assertThat(memory.test(pfn, flag)).as("flag %x after the move", flag).isFalse();
        }
        memory.put(pfn);
        assertThat(memory.lruList(pfn)).isEqualTo(PhysicalMemory.LRU_NONE);
        assertThat(memory.lruSize(PhysicalMemory.LRU_INACTIVE_FILE)).isZero();
    }

    /**
     * Refcount and mapcount share one int of 16 bits each; counts that reach the field's limit
     * move to a side table and come back exactly, and a frame freed after that starts clean.
     */
    @Test
    void countsPastTheirPackedFieldsAreKeptExactly() {
        int pfn = memory.allocate();
        int other = memory.allocate();
        int many = 70_000;
        for (int i = 1; i <= many; i++) {
            memory.get(pfn);
            memory.addMapcount(pfn, 1);
            assertThat(memory.refcount(pfn)).isEqualTo(1 + i);
            assertThat(memory.mapcount(pfn)).isEqualTo(i);
        }
        assertThat(memory.refcount(other)).as("a neighbour's counts stay").isEqualTo(1);
        for (int i = many - 1; i >= 0; i--) {
            memory.addMapcount(pfn, -1);
            memory.put(pfn);
            assertThat(memory.mapcount(pfn)).isEqualTo(i);
            assertThat(memory.refcount(pfn)).isEqualTo(1 + i);
        }
        assertThatThrownBy(() -> memory.addMapcount(pfn, -1)).hasMessageContaining("mapcount underflow");
        assertThat(memory.mapcount(pfn)).as("an underflow changes nothing").isZero();
        memory.put(pfn);
        assertThat(memory.refcount(pfn)).isZero();
        while (memory.freeFrames() > 1) {
            memory.allocate();
        }
        assertThat(memory.allocate()).isEqualTo(pfn);
        assertThat(memory.refcount(pfn)).isEqualTo(1);
        assertThat(memory.mapcount(pfn)).isZero();
    }

    /**
     * A frame reader, which keeps the metadata chunk it read last, answers for every frame what
     * {@link PhysicalMemory#test} and {@link PhysicalMemory#mapcount} answer, over frames in
     * chunks used and never used, visited in random order (chunk changes both ways), with flags
     * changing and mapcounts spilled past their packed field.
     */
    @Test
    void aFrameReaderAgreesWithThePerFrameAccessors() {
        long seed = System.nanoTime();
        System.out.println("PhysicalMemoryTest frame reader seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        try (PhysicalMemory ram = new PhysicalMemory(4096)) {
            int[] pfns = new int[700]; // about three metadata chunks of the 16 the RAM has
            for (int i = 0; i < pfns.length; i++) {
                pfns[i] = ram.allocate();
            }
            int[] flags = {PhysicalMemory.PG_ANON, PhysicalMemory.PG_ANON_EXCLUSIVE, PhysicalMemory.PG_DIRTY,
                PhysicalMemory.PG_SWAPBACKED, PhysicalMemory.PG_UPTODATE};
            for (int pfn : pfns) {
                for (int flag : flags) {
                    if (random.nextBoolean()) {
                        ram.set(pfn, flag);
                    }
                }
                int mapcount = random.nextInt(8) == 0 ? 70_000 : random.nextInt(4);
                ram.addMapcount(pfn, mapcount);
                if (random.nextBoolean()) {
                    ram.lruAddIfAbsent(pfn);
                }
            }
            PhysicalMemory.FrameReader reader = ram.frameReader();
            for (int read = 0; read < 5_000; read++) {
                int pfn = random.nextInt(4) == 0 ? random.nextInt(4096) : pfns[random.nextInt(pfns.length)];
                long state = reader.flagsAndMapcount(pfn);
                assertThat(PhysicalMemory.mapcountOf(state)).as("mapcount of %d, seed %d", pfn, seed)
                        .isEqualTo(ram.mapcount(pfn));
                for (int flag : flags) {
                    assertThat((state & flag) != 0).as("flag %d of %d, seed %d", flag, pfn, seed)
                            .isEqualTo(ram.test(pfn, flag));
                }
            }
        }
    }

    /**
     * The index shares a long with the flags: an index of 48 bits or more, or a negative one, lives
     * in a side table; neither the index nor the flags and LRU list ever change the other.
     */
    @Test
    void indicesOfEveryWidthSitBesideTheFlags() {
        int pfn = memory.allocate();
        memory.set(pfn, PhysicalMemory.PG_SWAPBACKED | PhysicalMemory.PG_DIRTY);
        memory.lruAddIfAbsent(pfn);
        Object owner = new Object();
        long[] indices = {0, 1, 0x7ffffffffL, (1L << 48) - 2, (1L << 48) - 1, 1L << 48, 1L << 51,
            Long.MAX_VALUE, -1, 42};
        for (long index : indices) {
            memory.setOwner(pfn, owner, index);
            assertThat(memory.index(pfn)).as("index %x", index).isEqualTo(index);
            assertThat(memory.owner(pfn)).isSameAs(owner);
            assertThat(memory.test(pfn, PhysicalMemory.PG_SWAPBACKED)).isTrue();
            assertThat(memory.test(pfn, PhysicalMemory.PG_DIRTY)).isTrue();
            assertThat(memory.test(pfn, PhysicalMemory.PG_ANON)).isFalse();
            assertThat(memory.lruList(pfn)).isEqualTo(PhysicalMemory.LRU_INACTIVE_ANON);
        }
        memory.setOwner(pfn, owner, 1L << 50);
        memory.clear(pfn, PhysicalMemory.PG_DIRTY);
        memory.markLazyFree(pfn);
        assertThat(memory.index(pfn)).isEqualTo(1L << 50);
        memory.put(pfn);
        assertThat(memory.index(pfn)).isZero();
        assertThat(memory.owner(pfn)).isNull();
    }

    @Test
    void ramSizeHasOneBound() {
        assertThatThrownBy(() -> new PhysicalMemory(PhysicalMemory.MIN_FRAMES - 1))
                .hasMessage("RAM must be between 16 and 2147483647 pages of 4 KiB: 15");
        assertThatThrownBy(() -> new PhysicalMemory(1L << 31))
                .hasMessage("RAM must be between 16 and 2147483647 pages of 4 KiB: 2147483648");
        assertThatThrownBy(() -> KernelConfig.linux618().toBuilder().ramPages(1L << 31).build())
                .as("the configuration checks the same bound").hasMessage(
                        "RAM must be between 16 and 2147483647 pages of 4 KiB: 2147483648");
    }

    /**
     * Frame metadata is allocated as frames are used: a 4 TiB machine is created and used within
     * the test heap, where eager {@code struct page} arrays needed about 28 bytes per frame (28 GiB).
     */
    @Test
    void bigRamCostsHeapOnlyForFramesUsed() {
        try (PhysicalMemory big = new PhysicalMemory(1L << 30)) {
            int pfn = big.allocate();
            big.set(pfn, PhysicalMemory.PG_DIRTY);
            assertThat(big.refcount(pfn)).isEqualTo(1);
            assertThat(big.refcount(big.frames() - 1)).as("an untouched frame reads as free").isZero();
            assertThat(big.test(big.frames() - 1, PhysicalMemory.PG_DIRTY)).isFalse();
            big.put(pfn);
            assertThat(big.freeFrames()).isEqualTo(big.frames() - PhysicalMemory.RESERVED_FRAMES);
        }
    }
}
