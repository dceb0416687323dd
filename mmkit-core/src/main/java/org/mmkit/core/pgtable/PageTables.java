package org.mmkit.core.pgtable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mmkit.core.Uapi;

/**
 * The four-level page-table radix of one address space (x86-64, 4-level paging): PGD → PUD → PMD
 * → PTE tables of 512 {@code long} entries each. Upper-level entries are raw x86 entries too: the
 * "PFN" field holds the id of the next-level table in this address space's table store, with
 * {@code _PAGE_TABLE} permission bits, so a PMD entry of zero means "no PTE table for this 2 MiB"
 * exactly as in the kernel — a fact user space can observe through PAGEMAP_SCAN. An upper-level
 * entry with {@code _PAGE_PSE} set is a leaf (a huge page mapped at that level), not a table:
 * {@link #isTable} tells the two apart, and no table lookup ever follows a leaf. Nothing installs
 * leaves yet; {@link PageWalk} hands them to its {@code pmdLeaf} callback.
 *
 * <p>Tables are allocated when an entry below them is first populated ({@code pte_alloc}) and
 * freed by {@link #freeTables} when no VMA covers them any more ({@code free_pgtables}) or by
 * {@link #freeEmptyPteTable} ({@code CONFIG_PT_RECLAIM}). Each table knows how many of its entries
 * are non-zero.
 *
 * <p>Guarded by the machine lock; not thread-safe on its own.
 */
public final class PageTables {
    public static final int ENTRIES = 512;
    public static final int PTE_SHIFT = Uapi.PAGE_SHIFT;
    public static final int PMD_SHIFT = Uapi.PMD_SHIFT;
    public static final int PUD_SHIFT = 30;
    public static final int PGD_SHIFT = 39;
    /** {@code _PAGE_TABLE}: P | RW | USER | ACCESSED | DIRTY. */
    private static final long PAGE_TABLE = PteLayout.PRESENT | PteLayout.RW | PteLayout.USER
            | PteLayout.ACCESSED | PteLayout.DIRTY;
    private static final int PGD_ID = 0;

    /** Table store: id → 512 entries; null for free ids. */
    private final List<long[]> tables = new ArrayList<>();
    /** Non-zero entries per table id; a table is freed only when its count is 0. */
    private int[] used = new int[64];
    private final List<Integer> freeIds = new ArrayList<>();
    /**
     * The PTE table last found, {@code lastPteTable}, and the 2 MiB block it translates ({@code va
     * >>> PMD_SHIFT}; -1 for none): a fault, its retry and the PTE write that ends it find their
     * table without walking the upper levels again. Forgotten whenever a table is freed, the only
     * way a block's PTE table can change.
     */
    private long lastBlock = -1;
    private int lastPteTable;

    public PageTables() {
        newTable();
    }

    /** Id of the PTE table covering {@code va}, or -1 if there is none. */
    public int pteTableId(long va) {
        if (va >>> PMD_SHIFT == lastBlock) {
            return lastPteTable;
        }
        int pud = childId(tables.get(PGD_ID), va, PGD_SHIFT);
        int pmd = pud < 0 ? -1 : childId(tables.get(pud), va, PUD_SHIFT);
        int pte = pmd < 0 ? -1 : childId(tables.get(pmd), va, PMD_SHIFT);
        return pte < 0 ? -1 : remember(va, pte);
    }

    /** Id of the PTE table covering {@code va}, allocating missing levels ({@code pte_alloc}). */
    public int pteTableIdAlloc(long va) {
        if (va >>> PMD_SHIFT == lastBlock) {
            return lastPteTable;
        }
        int pud = lowerAlloc(PGD_ID, va, PGD_SHIFT);
        int pmd = lowerAlloc(pud, va, PUD_SHIFT);
        return remember(va, lowerAlloc(pmd, va, PMD_SHIFT));
    }

    private int remember(long va, int pteTable) {
        lastBlock = va >>> PMD_SHIFT;
        lastPteTable = pteTable;
        return pteTable;
    }

    /** Entry {@code index} of table {@code id}. */
    public long entry(int id, int index) {
        return tables.get(id)[index];
    }

    /**
     * The live entries of table {@code id}, for walkers that read a run of them at once
     * ({@link PageWalk.Visitor#pteRun}); read only: writes go through {@link #set}, which keeps
     * the table's use count.
     */
    long[] entries(int id) {
        return tables.get(id);
    }

    /** Id of the PGD, where every walk starts. */
    public static int pgdId() {
        return PGD_ID;
    }

    /** Index of {@code va}'s entry in its PTE table. */
    public static int pteIndex(long va) {
        return index(va, PTE_SHIFT);
    }

    /** Index of {@code va}'s entry in a table of the level translating bits {@code shift} and up. */
    public static int index(long va, int shift) {
        return (int) (va >>> shift) & (ENTRIES - 1);
    }

    /**
     * Whether an upper-level entry points to a lower table ({@code pmd_present && !pmd_leaf}); a
     * zero entry or a leaf ({@code _PAGE_PSE}) does not.
     */
    public static boolean isTable(long entry) {
        return PteLayout.isPresent(entry) && (entry & PteLayout.PSE) == 0;
    }

    /** Id of the table an upper-level entry points to; the entry must be a table ({@link #isTable}). */
    public static int tableId(long entry) {
        return (int) PteLayout.pfn(entry);
    }

    /** The PTE for {@code va}; 0 if none. */
    public long get(long va) {
        int id = pteTableId(va);
        return id < 0 ? 0 : tables.get(id)[pteIndex(va)];
    }

    /** Stores entry {@code index} of table {@code id}, keeping the table's use count. Storing 0 never frees a table. */
    public void set(int id, int index, long entry) {
        // Page counts and the TLB generation are kept by the caller: the address space's one
        // PTE-write route (Mm), never by writing here directly.
        long[] table = tables.get(id);
        long old = table[index];
        table[index] = entry;
        if ((old == 0) != (entry == 0)) {
            used[id] += entry == 0 ? -1 : 1;
        }
    }

    /**
     * Stores the PTE for {@code va}, allocating tables for a non-zero entry. Like
     * {@link #set(int, int, long)} it keeps no page counts and no TLB generation: the address
     * space's PTE-write route does.
     */
    public void set(long va, long pte) {
        int id = pte == 0 ? pteTableId(va) : pteTableIdAlloc(va);
        if (id >= 0) {
            set(id, pteIndex(va), pte);
        }
    }

    /** Whether a PTE table exists for the 2 MiB block holding {@code va}. */
    public boolean hasPteTable(long va) {
        return pteTableId(va) >= 0;
    }

    /**
     * {@code free_pgtables}: frees the tables under [start, end) whose whole span lies within the
     * free window [floor, ceiling) (the gap between the surviving neighbours). Their entries must
     * already be zero.
     */
    public void freeTables(long start, long end, long floor, long ceiling) {
        freeLevel(PGD_ID, PGD_SHIFT, start, end, floor, ceiling);
    }

    /**
     * {@code CONFIG_PT_RECLAIM}: frees the PTE table of the 2 MiB block at {@code blockStart} if
     * every entry is zero.
     */
    public void freeEmptyPteTable(long blockStart) {
        int pud = childId(tables.get(PGD_ID), blockStart, PGD_SHIFT);
        int pmd = pud < 0 ? -1 : childId(tables.get(pud), blockStart, PUD_SHIFT);
        int pte = pmd < 0 ? -1 : childId(tables.get(pmd), blockStart, PMD_SHIFT);
        if (pte >= 0 && used[pte] == 0) {
            set(pmd, index(blockStart, PMD_SHIFT), 0);
            release(pte);
        }
    }

    /**
     * {@code __pte_alloc} and its upper levels: the table below entry {@code index} of table
     * {@code parentId}, allocated if the entry is empty.
     *
     * @throws IllegalStateException if the entry is a leaf: splitting huge mappings is not modelled
     */
    public int childAlloc(int parentId, int index) {
        long entry = tables.get(parentId)[index];
        if (entry == 0) {
            int id = newTable();
            set(parentId, index, PteLayout.make(id, PAGE_TABLE));
            return id;
        }
        if (!isTable(entry)) {
            throw new IllegalStateException("a leaf entry stands where a table is needed: " + Long.toHexString(entry));
        }
        return tableId(entry);
    }

    /** Number of page-table pages in use, the PGD included ({@code mm_pgtables_bytes / 4096}). */
    public int tableCount() {
        return tables.size() - freeIds.size();
    }

    private void freeLevel(int id, int shift, long start, long end, long floor, long ceiling) {
        long[] table = tables.get(id);
        long span = 1L << shift;
        for (long va = start & -span; va < end && va >= 0; va += span) {
            int child = childId(table, va, shift);
            if (child < 0) {
                continue;
            }
            if (shift > PMD_SHIFT) {
                freeLevel(child, shift - 9, Math.max(va, start), Math.min(va + span, end), floor, ceiling);
            }
            boolean withinWindow = va >= floor && va + span <= ceiling;
            if (withinWindow && used[child] == 0) {
                set(id, index(va, shift), 0);
                release(child);
            }
        }
    }

    /** The table below {@code va}'s entry, or -1 for an empty entry or a leaf. */
    private static int childId(long[] table, long va, int shift) {
        long entry = table[index(va, shift)];
        return isTable(entry) ? tableId(entry) : -1;
    }

    private int lowerAlloc(int parentId, long va, int shift) {
        return childAlloc(parentId, index(va, shift));
    }

    private int newTable() {
        int id;
        if (!freeIds.isEmpty()) {
            id = freeIds.removeLast();
            tables.set(id, new long[ENTRIES]);
        } else {
            id = tables.size();
            tables.add(new long[ENTRIES]);
            if (id >= used.length) {
                used = Arrays.copyOf(used, used.length * 2);
            }
        }
        used[id] = 0;
        return id;
    }

    private void release(int id) {
        lastBlock = -1;
        tables.set(id, null);
        freeIds.add(id);
    }
}
