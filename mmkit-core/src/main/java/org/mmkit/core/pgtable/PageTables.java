package org.mmkit.core.pgtable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * <p>Guarded by the machine lock; not thread-safe on its own, except for one lockless reader:
 * {@link #pteLockless} walks the tables with no lock, as GUP-fast and the hardware walker do.
 * For it, tables and entries are published with release stores and read with acquire loads, and
 * {@link #generation} changes before the id of a freed table can serve another table, so that a
 * walk which may have followed a stale entry into a reused table can tell (the kernel frees page
 * tables only after a TLB flush or an RCU grace period that GUP-fast holds off).
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
    private static final VarHandle STORE;
    private static final VarHandle GENERATION;
    private static final VarHandle TABLE = MethodHandles.arrayElementVarHandle(long[][].class);
    private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STORE = lookup.findVarHandle(PageTables.class, "store", long[][].class);
            GENERATION = lookup.findVarHandle(PageTables.class, "generation", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Table store: id → 512 entries; null for free ids, and ids up to {@link #nextId} only. A
     * table is published (release) before any entry points to it; the store grows by a copy
     * published the same way. Written under the machine lock, read by {@link #pteLockless}.
     */
    private long[][] store = new long[64][];
    /** Ids below this have been handed out. Guarded by the machine lock. */
    private int nextId;
    /**
     * Changes (release) whenever a table is freed, before its id can be reused: a lockless walk
     * that reads the same value before and after it ended followed no reused table. Written under
     * the machine lock only.
     */
    @SuppressWarnings("unused") // accessed through GENERATION
    private long generation;
    /** Non-zero entries per table id; a table is freed only when its count is 0. */
    private int[] used = new int[store.length];
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
        int pud = childId(store[PGD_ID], va, PGD_SHIFT);
        int pmd = pud < 0 ? -1 : childId(store[pud], va, PUD_SHIFT);
        int pte = pmd < 0 ? -1 : childId(store[pmd], va, PMD_SHIFT);
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
        return store[id][index];
    }

    /**
     * The live entries of table {@code id}, for walkers that read a run of them at once
     * ({@link PageWalk.Visitor#pteRun}); read only: writes go through {@link #set}, which keeps
     * the table's use count.
     */
    long[] entries(int id) {
        return store[id];
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
        return id < 0 ? 0 : store[id][pteIndex(va)];
    }

    /**
     * The PTE for {@code va} read with no lock ({@code gup_fast_pte_range}, the hardware walker):
     * each level is read once with an acquire load; 0 where a level is missing or a leaf. The
     * result is a snapshot that may already be stale: the caller reads {@link #generation} before
     * and checks it after, and must itself detect changes of the PTE (the TLB shootdown does).
     * Safe to call from any thread.
     *
     * @param va a user address
     * @return the PTE as some walk at some moment during the call found it, or 0
     */
    public long pteLockless(long va) {
        long[][] tables = (long[][]) STORE.getAcquire(this);
        long entry = (long) ENTRY.getAcquire(tables[PGD_ID], index(va, PGD_SHIFT));
        for (int shift = PUD_SHIFT; shift >= PTE_SHIFT; shift -= PGD_SHIFT - PUD_SHIFT) {
            if (!isTable(entry) || tableId(entry) >= tables.length) {
                return 0;
            }
            long[] table = (long[]) TABLE.getAcquire(tables, tableId(entry));
            if (table == null) {
                return 0; // freed meanwhile
            }
            entry = (long) ENTRY.getAcquire(table, index(va, shift));
        }
        return entry;
    }

    /**
     * Which tables may have been freed: a value that changes (with release) before a freed
     * table's id can be reused. Read before and after a {@link #pteLockless} walk; equal values
     * mean the walk read no reused table. Safe to call from any thread.
     *
     * @return the current generation
     */
    public long generation() {
        return (long) GENERATION.getVolatile(this);
    }

    /** Whether table {@code id} holds no entry (its use count is 0): a walker may take it as all none at once. */
    public boolean isEmpty(int id) {
        return used[id] == 0;
    }

    /** Stores entry {@code index} of table {@code id}, keeping the table's use count. Storing 0 never frees a table. */
    public void set(int id, int index, long entry) {
        // Page counts and the TLB generation are kept by the caller: the address space's one
        // PTE-write route (Mm), never by writing here directly.
        long[] table = store[id];
        long old = table[index];
        ENTRY.setRelease(table, index, entry); // whole, and after the table it may point to: pteLockless reads with no lock
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
        int pud = childId(store[PGD_ID], blockStart, PGD_SHIFT);
        int pmd = pud < 0 ? -1 : childId(store[pud], blockStart, PUD_SHIFT);
        int pte = pmd < 0 ? -1 : childId(store[pmd], blockStart, PMD_SHIFT);
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
        long entry = store[parentId][index];
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
        return nextId - freeIds.size();
    }

    private void freeLevel(int id, int shift, long start, long end, long floor, long ceiling) {
        long[] table = store[id];
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
        } else {
            id = nextId++;
            if (id >= store.length) {
                STORE.setRelease(this, Arrays.copyOf(store, store.length * 2));
                used = Arrays.copyOf(used, store.length);
            }
        }
        TABLE.setRelease(store, id, new long[ENTRIES]);
        used[id] = 0;
        return id;
    }

    private void release(int id) {
        lastBlock = -1;
        TABLE.setRelease(store, id, null);
        GENERATION.setVolatile(this, (long) GENERATION.getOpaque(this) + 1); // before the id can serve another table
        freeIds.add(id);
    }
}
