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
