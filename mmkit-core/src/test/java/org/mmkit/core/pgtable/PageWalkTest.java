package org.mmkit.core.pgtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The page-table walker: entries, holes a table at a time, PMD leaves, install walks. */
class PageWalkTest {
    private static final long BLOCK = org.mmkit.core.Uapi.PMD_SIZE;
    private final PageTables tables = new PageTables();
    private final long base = 0x7f0000000000L;

    /** Records every callback as text. */
    private static final class Recorder implements PageWalk.Visitor {
        final List<String> calls = new ArrayList<>();
        int ptes;

        @Override
        public void pte(long va, long pte, int table, int index) {
            ptes++;
            if (pte != 0) {
                calls.add("pte " + Long.toHexString(va) + "=" + PteLayout.pfn(pte));
            }
        }

        @Override
        public void hole(long start, long end) {
            calls.add("hole " + Long.toHexString(start) + "-" + Long.toHexString(end));
        }

        @Override
        public void pmdLeaf(long va, long pmd) {
            calls.add("leaf " + Long.toHexString(va));
        }

        @Override
        public void pteTableEnd(long blockStart) {
            calls.add("end " + Long.toHexString(blockStart));
        }
    }

    @Test
    void visitsEntriesOfPresentTablesAndSkipsMissingOnesWhole() {
        tables.set(base + 0x3000, PteLayout.make(7, PteLayout.PAGE_READONLY));
        Recorder r = new Recorder();
        PageWalk.walk(tables, base, base + 3 * BLOCK, r);
        assertThat(r.calls).containsExactly("pte 7f0000003000=7", "end 7f0000000000",
                "hole 7f0000200000-7f0000400000", "hole 7f0000400000-7f0000600000");
        assertThat(r.ptes).as("one callback per slot of the one table").isEqualTo(PageTables.ENTRIES);
    }

    @Test
    void aMissingUpperTableIsOneHole() {
        Recorder r = new Recorder();
        PageWalk.walk(tables, 0x1000, 1L << 40, r);
        assertThat(r.calls).as("one empty PGD entry covers 512 GiB").containsExactly("hole 1000-8000000000",
                "hole 8000000000-10000000000");
    }

    @Test
    void aPmdLeafIsReportedNotReadAsATable() {
        tables.set(base, PteLayout.make(7, PteLayout.PAGE_READONLY));
        int pmdTable = pmdTableOf(base);
        int index = PageTables.index(base + BLOCK, PageTables.PMD_SHIFT);
        tables.set(pmdTable, index, PteLayout.make(512, PteLayout.PAGE_READONLY | PteLayout.PSE));
        assertThat(tables.hasPteTable(base + BLOCK)).as("a leaf is not a PTE table").isFalse();
        assertThat(tables.get(base + BLOCK + 0x1000)).isZero();
        Recorder r = new Recorder();
        PageWalk.walk(tables, base + BLOCK, base + 2 * BLOCK, r);
        assertThat(r.calls).containsExactly("leaf 7f0000200000");
        assertThatThrownBy(() -> tables.set(base + BLOCK, PteLayout.make(9, PteLayout.PAGE_READONLY)))
                .hasMessageContaining("leaf");
        assertThatThrownBy(() -> PageWalk.walk(tables, base + BLOCK, base + 2 * BLOCK, (va, pte, t, i) -> { }))
                .as("a walker without a PMD callback refuses leaves").hasMessageContaining("PMD leaf");
    }

    @Test
    void installAllocatesTablesForEverySlot() {
        Recorder r = new Recorder();
        PageWalk.install(tables, base + BLOCK - 0x1000, base + BLOCK + 0x1000, r);
        assertThat(r.ptes).isEqualTo(2);
        assertThat(tables.hasPteTable(base)).isTrue();
        assertThat(tables.hasPteTable(base + BLOCK)).isTrue();
    }

    private int pmdTableOf(long va) {
        int pud = PageTables.tableId(tables.entry(PageTables.pgdId(), PageTables.index(va, PageTables.PGD_SHIFT)));
        return PageTables.tableId(tables.entry(pud, PageTables.index(va, PageTables.PUD_SHIFT)));
    }
}
