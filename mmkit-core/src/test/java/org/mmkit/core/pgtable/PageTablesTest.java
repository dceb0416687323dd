package org.mmkit.core.pgtable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Page-table allocation and the two ways tables are freed (free_pgtables, PT_RECLAIM). */
class PageTablesTest {
    private static final long BLOCK = org.mmkit.core.Uapi.PMD_SIZE;
    private final PageTables tables = new PageTables();
    private final long base = 0x7f0000000000L;

    @Test
    void firstEntryAllocatesThreeLevelsAndClearingKeepsThem() {
        assertThat(tables.tableCount()).isEqualTo(1);
        tables.set(base + 0x5000, PteLayout.make(9, PteLayout.PAGE_READONLY));
        assertThat(tables.tableCount()).isEqualTo(4);
        assertThat(tables.get(base + 0x5000)).isNotZero();
        tables.set(base + 0x5000, 0);
        assertThat(tables.hasPteTable(base)).as("pte_clear never frees a table").isTrue();
        tables.freeEmptyPteTable(base);
        assertThat(tables.hasPteTable(base)).isFalse();
        assertThat(tables.tableCount()).isEqualTo(3);
    }

    @Test
    void theLocklessWalkFindsWhatTheLockedOneFindsAcrossTableGrowth() {
        java.util.Random random = new java.util.Random(7);
        long[] addresses = new long[300];
        for (int i = 0; i < addresses.length; i++) {
            // spread over many PGD, PUD and PMD entries, so the table store grows past its first size
            addresses[i] = (random.nextLong(1L << 35) << org.mmkit.core.Uapi.PAGE_SHIFT) & ((1L << 47) - 1);
            tables.set(addresses[i], PteLayout.make(i + 2, PteLayout.PAGE_READONLY));
        }
        for (long va : addresses) {
            assertThat(tables.pteLockless(va)).as("0x%x", va).isEqualTo(tables.get(va));
        }
        assertThat(tables.pteLockless(base + 0x1000)).as("no table").isZero();
    }

    /**
     * A lockless walker that read a table's id before it was freed may read the table that reuses
     * the id: the generation must have changed by then, so the walker can tell.
     */
    @Test
    void freeingATableChangesTheGenerationBeforeItsIdIsReused() {
        tables.set(base, PteLayout.make(9, PteLayout.PAGE_READONLY));
        long before = tables.generation();
        tables.set(base + BLOCK, PteLayout.make(7, PteLayout.PAGE_READONLY));
        tables.set(base, 0);
        assertThat(tables.generation()).as("allocating and clearing entries frees nothing").isEqualTo(before);
        tables.freeEmptyPteTable(base);
        long afterFree = tables.generation();
        assertThat(afterFree).isNotEqualTo(before);
        tables.set(base + 2 * BLOCK, PteLayout.make(5, PteLayout.PAGE_READONLY)); // takes the freed id
        assertThat(tables.pteLockless(base + 2 * BLOCK)).isEqualTo(PteLayout.make(5, PteLayout.PAGE_READONLY));
        assertThat(tables.pteLockless(base)).isZero();
        tables.set(base + 2 * BLOCK, 0);
        tables.freeTables(base, base + 4 * BLOCK, 0, 1L << 47);
        assertThat(tables.generation()).as("free_pgtables").isNotEqualTo(afterFree);
    }

    /** The last PTE table found is forgotten when tables are freed, even when its id is reused at once. */
    @Test
    void aFreedTableIsNotFoundAgainThroughItsReusedId() {
        tables.set(base, PteLayout.make(9, PteLayout.PAGE_READONLY));
        assertThat(tables.get(base)).isNotZero();
        tables.set(base, 0);
        tables.freeEmptyPteTable(base);
        tables.set(base + BLOCK, PteLayout.make(7, PteLayout.PAGE_READONLY));
        assertThat(tables.hasPteTable(base)).isFalse();
        assertThat(tables.get(base)).isZero();
        assertThat(tables.get(base + BLOCK)).isNotZero();
        tables.set(base, PteLayout.make(5, PteLayout.PAGE_READONLY));
        assertThat(tables.get(base + BLOCK)).as("the other block keeps its entry").isEqualTo(PteLayout.make(7, PteLayout.PAGE_READONLY));
    }

    @Test
    void reclaimKeepsTablesWithEntries() {
        tables.set(base, PteLayout.make(9, PteLayout.PAGE_READONLY));
        tables.freeEmptyPteTable(base);
        assertThat(tables.hasPteTable(base)).isTrue();
    }

    @Test
    void freeTablesOnlyFreesBlocksInsideTheWindow() {
        tables.set(base + 0x1000, PteLayout.make(1, PteLayout.PAGE_READONLY));
        tables.set(base + BLOCK + 0x1000, PteLayout.make(2, PteLayout.PAGE_READONLY));
        tables.set(base + 0x1000, 0);
        tables.set(base + BLOCK + 0x1000, 0);
        // A neighbour ends inside the first block: only the second block lies in the window.
        tables.freeTables(base, base + 2 * BLOCK, base + 0x1000, base + 4 * BLOCK);
        assertThat(tables.hasPteTable(base)).isTrue();
        assertThat(tables.hasPteTable(base + BLOCK)).isFalse();
        tables.freeTables(base, base + BLOCK, 0, 1L << 47);
        assertThat(tables.tableCount()).as("the PGD alone").isEqualTo(1);
    }
}
