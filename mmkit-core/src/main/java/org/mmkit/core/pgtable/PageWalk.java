package org.mmkit.core.pgtable;

/**
 * The one page-table walker ({@code walk_page_range}, {@code mm/pagewalk.c}): visits the entries
 * of [start, end) in address order, reporting a missing table at any level as one hole (a whole
 * empty PGD, PUD or PMD entry is skipped at once), an upper-level leaf to {@code pmdLeaf}, and
 * every entry of a present PTE table, zero entries included, to {@code pte}; a visitor that
 * {@linkplain Visitor#done is done} stops it.
 *
 * <p>The visitor may change the entry it is given and free the PTE table it just finished
 * ({@link Visitor#pteTableEnd}): the walker reads each entry afresh. With {@link #install} the
 * walk allocates missing tables instead of reporting holes, as the kernel's {@code install_pte}
 * walks do.
 */
public final class PageWalk {
    /** The user half of 4-level paging ends here; a walk never goes beyond. */
    private static final long WALK_LIMIT = 1L << (PageTables.PGD_SHIFT + 9);

    private PageWalk() {
    }

    /** The callbacks of a walk ({@code struct mm_walk_ops}). */
    public interface Visitor {
        /**
         * {@code pte_entry}: entry {@code index} of PTE table {@code table}, which translates
         * {@code va}, holds {@code pte} (possibly zero).
         */
        void pte(long va, long pte, int table, int index);

        /** {@code pte_hole}: no page table covers [start, end). */
        default void hole(long start, long end) {
        }

        /**
         * {@code pmd_entry} for a leaf: a huge page mapped by a PMD entry at {@code va}. Nothing
         * installs one yet, so the default refuses.
         */
        default void pmdLeaf(long va, long pmd) {
            throw new IllegalStateException("PMD leaf at 0x" + Long.toHexString(va) + ": huge mappings are not modelled");
        }

        /**
         * The entries {@code [fromIndex, toIndex)} of PTE table {@code table}, the first of which
         * translates {@code va}: by default each goes to {@link #pte}. A visitor that reads many
         * entries overrides this to take a run at once from {@code entries}, the table's live
         * array, which it must not write (writes go through {@link PageTables#set}).
         */
        default void pteRun(long va, long[] entries, int table, int fromIndex, int toIndex) {
            for (int index = fromIndex; index < toIndex; index++, va += 1L << PageTables.PTE_SHIFT) {
                pte(va, entries[index], table, index);
            }
        }

        /**
         * Whether the walk is to stop: checked before each entry above the PTE level, as a
         * kernel walk stops at the first callback that returns an error.
         */
        default boolean done() {
            return false;
        }

        /** Called after the entries of the PTE table for the 2 MiB block at {@code blockStart}. */
        default void pteTableEnd(long blockStart) {
        }
    }

    /** Walks [start, end) of {@code tables}; addresses past the user half are not visited. */
    public static void walk(PageTables tables, long start, long end, Visitor visitor) {
        level(tables, PageTables.pgdId(), PageTables.PGD_SHIFT, start, Math.min(end, WALK_LIMIT), visitor, false);
    }

    /** Walks [start, end), allocating every missing table so that every PTE slot is visited. */
    public static void install(PageTables tables, long start, long end, Visitor visitor) {
        level(tables, PageTables.pgdId(), PageTables.PGD_SHIFT, start, Math.min(end, WALK_LIMIT), visitor, true);
    }

    private static void level(PageTables tables, int id, int shift, long start, long end, Visitor visitor,
            boolean install) {
        if (shift == PageTables.PTE_SHIFT) {
            int from = PageTables.pteIndex(start);
            int count = (int) ((end - start + (1L << PageTables.PTE_SHIFT) - 1) >>> PageTables.PTE_SHIFT);
            visitor.pteRun(start, tables.entries(id), id, from, from + count);
            return;
        }
        long span = 1L << shift;
        for (long va = start; va < end && !visitor.done(); ) {
            long next = Math.min((va & -span) + span, end);
            int index = PageTables.index(va, shift);
            long entry = tables.entry(id, index);
            if (entry == 0 && !install) {
                visitor.hole(va, next);
            } else if (entry != 0 && !PageTables.isTable(entry)) {
                if (shift != PageTables.PMD_SHIFT) {
                    throw new IllegalStateException("leaf above the PMD level at 0x" + Long.toHexString(va));
                }
                visitor.pmdLeaf(va, entry);
            } else {
                int child = install ? tables.childAlloc(id, index) : PageTables.tableId(entry);
                level(tables, child, shift - 9, va, next, visitor, install);
                if (shift == PageTables.PMD_SHIFT) {
                    visitor.pteTableEnd(va & -span);
                }
            }
            va = next;
        }
    }
}
