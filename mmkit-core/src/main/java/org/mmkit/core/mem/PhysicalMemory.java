package org.mmkit.core.mem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.mmkit.core.Uapi;

/**
 * Simulated RAM: page frames with their {@code struct page} metadata held in primitive arrays
 * indexed by PFN, and their contents in off-heap memory. Metadata is allocated lazily in chunks of
 * {@value #CHUNK_FRAMES} frames when a frame of the chunk is first handed out, so a machine costs
 * heap only for the frames it has used: 24 bytes of heap per frame used (plus 4 bytes per frame
 * on the free list), and 8 bytes per chunk at creation. The contents of all frames are a
 * {@link PageStore}: one reservation of host memory ({@link HostMemory}: transparent huge pages
 * where the host allows), which the host backs as frames are first written.
 *
 * <p>Frame 0 is reserved, as the first page of x86 RAM is; frame 1 is the shared zero page
 * ({@code ZERO_PAGE(0)}). Neither is ever allocated or freed, so a PFN of 0 in pagemap always
 * means "hidden" and never a page.
 * Allocation is deterministic: the last {@value #COOLING_FRAMES} frames freed wait, so that a
 * page freed and a page allocated right after are different frames, as they are on this
 * machine's kernel, where other activity takes the freed page; frames freed before them are
 * reused first, the most recently freed first (the per-CPU lists' hot pages); then fresh frames
 * in increasing PFN order; the waiting ones, oldest first, only when RAM has nothing else. A
 * fresh frame already reads as zero, and its host memory is touched only when the page is
 * written; a reused frame is zeroed.
 *
 * <p>Pages in use by mappings or the page cache are on one of the LRU lists ({@code lruvec}):
 * inactive and active, anonymous (swap-backed, shmem included) and file, as doubly linked lists
 * threaded through per-frame {@code prev}/{@code next} PFNs (0 ends a list, since frame 0 is
 * never a page). A page joins its inactive list when first mapped or cached and leaves on free.
 *
 * <p>Guarded by the machine lock (see {@code org.mmkit.core.mm}); not thread-safe on its own.
 */
public final class PhysicalMemory implements AutoCloseable {
    /** PFN of the shared zero page. */
    public static final int ZERO_PFN = 1;
    /** Frames that are never allocated: the reserved frame 0 and the zero page. */
    public static final int RESERVED_FRAMES = 2;
    /** The fewest frames a machine may have. */
    public static final long MIN_FRAMES = 16;
    /** The most frames a machine may have: PFNs are {@code int}s (8 TiB of RAM). */
    public static final long MAX_FRAMES = Integer.MAX_VALUE;

    /** {@code PG_anon}: {@code owner} is an anon_vma; else a file (page cache) or nothing. */
    public static final int PG_ANON = 1;
    /** {@code PageAnonExclusive}: this anon page is mapped by one process only and may be reused on write. */
    public static final int PG_ANON_EXCLUSIVE = 1 << 1;
    /** {@code PG_dirty}: the folio has data not yet written back (page cache / swap). */
    public static final int PG_DIRTY = 1 << 2;
    /** {@code PG_referenced}. */
    public static final int PG_REFERENCED = 1 << 3;
    /** {@code PG_mlocked}. */
    public static final int PG_MLOCKED = 1 << 4;
    /** {@code PG_swapbacked}: anon or shmem memory that can only be reclaimed to swap. */
    public static final int PG_SWAPBACKED = 1 << 5;
    /**
     * {@code PG_uptodate}: the page holds the file's data. shmem leaves the pages fallocate adds
     * without it until their first use, and mincore and fault-around pass over such pages.
     */
    public static final int PG_UPTODATE = 1 << 6;

    /** {@code LRU_INACTIVE_ANON}; the lists are numbered in the order of the kernel's {@code enum lru_list}. */
    public static final int LRU_INACTIVE_ANON = 0;
    /** {@code LRU_ACTIVE_ANON}. */
    public static final int LRU_ACTIVE_ANON = 1;
    /** {@code LRU_INACTIVE_FILE}: also where MADV_FREE puts lazily freeable anonymous pages. */
    public static final int LRU_INACTIVE_FILE = 2;
    /** {@code LRU_ACTIVE_FILE}. */
    public static final int LRU_ACTIVE_FILE = 3;
    /** The number of LRU lists. */
    public static final int NR_LRU_LISTS = 4;
    /** What {@link #lruList} returns for a page on no list. */
    public static final int LRU_NONE = -1;

    private static final int CHUNK_SHIFT = 8;
    private static final int CHUNK_FRAMES = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_FRAMES - 1;

    /**
     * The {@code struct page}s of {@value #CHUNK_FRAMES} consecutive frames, 24 bytes each
     * (the kernel's is 64): two counts in an int, flags and index in a long, the owner reference,
     * two LRU links. A count or index too large for its field lives in a side table instead.
     */
    private static final class Meta {
        /**
         * {@code page_ref_count} (mappings + page cache + other holders; 0 means free) in the low
         * {@value #COUNT_BITS} bits, {@code page_mapcount} (PTEs mapping the frame) in the high
         * ones; {@link #COUNTS_SPILLED} when either reached {@link #COUNT_LIMIT}, the counts then
         * being in {@code spilledCounts} until the frame is freed.
         */
        final int[] counts = new int[CHUNK_FRAMES];
        /**
         * {@code page->flags} in the low {@value #FLAG_BITS} bits: the {@code PG_*} bits above
         * (below {@code 1 << LRU_SHIFT}), and the LRU list the page is on plus one from
         * {@link #LRU_SHIFT} (0 when on none), as the kernel packs its LRU state into the flags
         * word. {@code page->index} in the high bits: the page offset in the file, or the linear
         * page index in the anon_vma; {@link #INDEX_SPILLED} when it does not fit, the index then
         * being in {@code spilledIndex}.
         */
        final long[] flagsIndex = new long[CHUNK_FRAMES];
        /** {@code page->mapping}: the anon_vma or file the page belongs to, null when free. */
        final Object[] owner = new Object[CHUNK_FRAMES];
        /** {@code page->lru}: neighbours on the page's LRU list, 0 at the ends. */
        final int[] lruPrev = new int[CHUNK_FRAMES];
        final int[] lruNext = new int[CHUNK_FRAMES];
    }

    private static final int COUNT_BITS = 16;
    /** A count this large or larger does not fit its half of {@code Meta.counts}. */
    private static final int COUNT_LIMIT = (1 << COUNT_BITS) - 1;
    /** {@code Meta.counts} of a frame whose counts are in {@link #spilledCounts}. */
    private static final int COUNTS_SPILLED = -1;
    private static final int FLAG_BITS = 16;
    private static final long FLAG_MASK = (1L << FLAG_BITS) - 1;
    /**
     * The index field of a frame whose index is in {@link #spilledIndex}: indices from here up
     * (file offsets of 2^60 bytes and more) and negative ones do not fit the 48 bits. An
     * anonymous page's index is a virtual page number, 35 bits with 4-level page tables.
     */
    private static final long INDEX_SPILLED = -1L >>> FLAG_BITS;
    /** Where a page's LRU list (plus one) starts in its {@code Meta.flagsIndex}; every {@code PG_*} bit lies below. */
    private static final int LRU_SHIFT = 12;
    private static final long LRU_FIELD = 0x7L << LRU_SHIFT;
    /** The {@code PG_*} bits of {@code Meta.flagsIndex}. */
    private static final long PG_FLAGS = (1L << LRU_SHIFT) - 1;

    private final int frames;
    /** Metadata chunks; null until a frame of the chunk is first allocated (a null chunk reads as all zero). */
    private final Meta[] meta;
    /**
     * How many of the frames freed last wait before they are reused. On the kernel, activity
     * elsewhere takes a page just freed, so a page allocated right after a free is another frame
     * (scenarios/uffd/wp-unpopulated.mms shows it); older freed frames are reused before fresh
     * ones, as the per-CPU lists hand out hot pages, so a machine that frees and allocates many
     * pages keeps reusing host memory it has already touched.
     */
    static final int COOLING_FRAMES = 1024;
    /** The frames freed last, oldest at {@code coolHead}, {@code coolCount} of them (a ring). */
    private final int[] cooling = new int[COOLING_FRAMES];
    private int coolHead;
    private int coolCount;
    /** Freed frames past cooling as a stack, {@code freeStack[0..freeTop)}; grows as frames are freed. */
    private int[] freeStack = new int[CHUNK_FRAMES];
    private int freeTop;
    /** Frames from here up were never allocated. */
    private int nextUnused;
    /** First and last page and length of each LRU list; 0 for an empty list's ends. */
    private final int[] lruHead = new int[NR_LRU_LISTS];
    private final int[] lruTail = new int[NR_LRU_LISTS];
    private final int[] lruSize = new int[NR_LRU_LISTS];
    /** Counts of frames whose {@code Meta.counts} is {@link #COUNTS_SPILLED}: refcount in the high int, mapcount in the low. */
    private final Map<Integer, Long> spilledCounts = new HashMap<>();
    /** Indices of frames whose index field is {@link #INDEX_SPILLED}. */
    private final Map<Integer, Long> spilledIndex = new HashMap<>();
    /** The contents of every frame, by PFN. */
    private final PageStore contents;

    public PhysicalMemory(long pages) {
        this(pages, true);
    }

    /** RAM of {@code pages} frames, with contents in one host mapping if {@code mapHost} and the host allows. */
    PhysicalMemory(long pages, boolean mapHost) {
        checkFrameCount(pages);
        frames = (int) pages;
        meta = new Meta[(frames + CHUNK_FRAMES - 1) >>> CHUNK_SHIFT];
        contents = new PageStore(frames, mapHost);
        meta(0).counts[0] = 1;
        meta(ZERO_PFN).counts[ZERO_PFN] = 1;
        nextUnused = RESERVED_FRAMES;
    }

    /**
     * The one bound on RAM size, for the configuration and for this class.
     *
     * @throws IllegalArgumentException naming the bound when {@code pages} is outside it
     */
    public static void checkFrameCount(long pages) {
        if (pages < MIN_FRAMES || pages > MAX_FRAMES) {
            throw new IllegalArgumentException("RAM must be between " + MIN_FRAMES + " and " + MAX_FRAMES
                    + " pages of 4 KiB: " + pages);
        }
    }

    public int frames() {
        return frames;
    }

    /** Frames that can still be allocated. */
    public int freeFrames() {
        return freeTop + coolCount + (frames - nextUnused);
    }

    /**
     * {@code alloc_page(__GFP_ZERO)} without reclaim: a zeroed frame with refcount 1 and no owner,
     * or -1 when RAM is exhausted. The model allocates through {@code Machine.allocatePage},
     * which may reclaim before giving up.
     */
    public int allocate() {
        int pfn;
        boolean used = true;
        if (freeTop > 0) {
            pfn = freeStack[--freeTop];
        } else if (nextUnused < frames) {
            pfn = nextUnused++;
            used = false; // never used: its contents read as zero
        } else if (coolCount > 0) {
            pfn = cooling[coolHead];
            coolHead = (coolHead + 1) % COOLING_FRAMES;
            coolCount--;
        } else {
            return -1;
        }
        if (used) {
            contents(pfn).fill((byte) 0); // a freed frame keeps its old data
        }
        meta(pfn).counts[pfn & CHUNK_MASK] = 1;
        return pfn;
    }

    /** Takes a reference ({@code folio_get}). */
    public void get(int pfn) {
        addCounts(pfn, 1, 0);
    }

    /** Drops a reference ({@code folio_put}); the frame is freed, and leaves its LRU list, when the last one goes. */
    public void put(int pfn) {
        if (pfn == ZERO_PFN) {
            return;
        }
        long counts = addCounts(pfn, -1, 0);
        if (counts >>> 32 == 0) {
            if ((int) counts != 0) {
                throw new IllegalStateException("freeing mapped frame " + pfn);
            }
            free(pfn);
        }
    }

    /** Returns a frame whose last reference went to cooling, with its metadata cleared. */
    private void free(int pfn) {
        Meta m = meta(pfn);
        int i = pfn & CHUNK_MASK;
        if ((m.flagsIndex[i] & LRU_FIELD) != 0) {
            lruDel(pfn);
        }
        if (m.counts[i] == COUNTS_SPILLED) {
            spilledCounts.remove(pfn);
        }
        if (m.flagsIndex[i] >>> FLAG_BITS == INDEX_SPILLED) {
            spilledIndex.remove(pfn);
        }
        m.counts[i] = 0;
        m.flagsIndex[i] = 0;
        m.owner[i] = null;
        if (coolCount < COOLING_FRAMES) {
            cooling[(coolHead + coolCount++) % COOLING_FRAMES] = pfn;
            return;
        }
        int cooled = cooling[coolHead];
        cooling[coolHead] = pfn;
        coolHead = (coolHead + 1) % COOLING_FRAMES;
        if (freeTop == freeStack.length) {
            freeStack = Arrays.copyOf(freeStack, freeStack.length * 2);
        }
        freeStack[freeTop++] = cooled;
    }

    public int refcount(int pfn) {
        return (int) (counts(pfn) >>> 32);
    }

    public int mapcount(int pfn) {
        return (int) counts(pfn);
    }

    public void addMapcount(int pfn, int delta) {
        addCounts(pfn, 0, delta);
    }

    /** A frame's refcount (high int) and mapcount (low int); zero for a frame never used. */
    private long counts(int pfn) {
        Meta m = meta[pfn >>> CHUNK_SHIFT];
        if (m == null) {
            return 0;
        }
        int packed = m.counts[pfn & CHUNK_MASK];
        return packed == COUNTS_SPILLED ? spilledCounts.get(pfn)
                : (long) (packed & COUNT_LIMIT) << 32 | packed >>> COUNT_BITS;
    }

    /**
     * Adds to a frame's refcount and mapcount, moving them to {@link #spilledCounts} when one
     * no longer fits its field; returns the new counts as {@link #counts} does.
     *
     * @throws IllegalStateException when a count would go below zero; nothing is changed then
     */
    private long addCounts(int pfn, int refDelta, int mapDelta) {
        Meta m = meta(pfn);
        int i = pfn & CHUNK_MASK;
        long old = counts(pfn);
        int refcount = (int) (old >>> 32) + refDelta;
        int mapcount = (int) old + mapDelta;
        if (refcount < 0) {
            throw new IllegalStateException("refcount underflow on frame " + pfn);
        }
        if (mapcount < 0) {
            throw new IllegalStateException("mapcount underflow on frame " + pfn);
        }
        long counts = (long) refcount << 32 | mapcount;
        if (m.counts[i] != COUNTS_SPILLED && refcount < COUNT_LIMIT && mapcount < COUNT_LIMIT) {
            m.counts[i] = refcount | mapcount << COUNT_BITS;
        } else {
            m.counts[i] = COUNTS_SPILLED; // stays spilled until the frame is freed
            spilledCounts.put(pfn, counts);
        }
        return counts;
    }

    /**
     * A reader of the metadata of frames for a caller that visits many frames in a row (pagemap):
     * it keeps the metadata chunk of the frame read last, so that the next frame of the same
     * chunk costs no lookup.
     *
     * @return a reader, valid while the machine lock is held and no frame is allocated
     */
    public FrameReader frameReader() {
        return new FrameReader();
    }

    /** See {@link #frameReader}. Not thread-safe. */
    public final class FrameReader {
        /** The chunk whose arrays are below; -1 for none yet. */
        private int chunk = -1;
        private int[] counts;
        private long[] flagsIndex;

        private FrameReader() {
        }

        /**
         * The frame's {@code PG_*} flags and its mapcount ({@link #mapcountOf}) in one word;
         * zero for a frame never used.
         *
         * @param pfn the frame
         * @return the flags in the low int, the mapcount in the high int
         */
        public long flagsAndMapcount(int pfn) {
            int c = pfn >>> CHUNK_SHIFT;
            if (c != chunk) {
                Meta m = meta[c];
                if (m == null) {
                    return 0;
                }
                chunk = c;
                counts = m.counts;
                flagsIndex = m.flagsIndex;
            }
            int i = pfn & CHUNK_MASK;
            int packed = counts[i];
            long mapcount = packed == COUNTS_SPILLED ? (int) (long) spilledCounts.get(pfn) : packed >>> COUNT_BITS;
            return flagsIndex[i] & PG_FLAGS | mapcount << 32;
        }
    }

    /**
     * The mapcount in a word of {@link FrameReader#flagsAndMapcount}.
     *
     * @param flagsAndMapcount what {@link FrameReader#flagsAndMapcount} returned
     * @return the frame's mapcount
     */
    public static int mapcountOf(long flagsAndMapcount) {
        return (int) (flagsAndMapcount >>> 32);
    }

    public boolean test(int pfn, int flag) {
        Meta m = meta[pfn >>> CHUNK_SHIFT];
        return m != null && (m.flagsIndex[pfn & CHUNK_MASK] & flag) != 0;
    }

    public void set(int pfn, int flag) {
        meta(pfn).flagsIndex[pfn & CHUNK_MASK] |= flag & FLAG_MASK;
    }

    public void clear(int pfn, int flag) {
        meta(pfn).flagsIndex[pfn & CHUNK_MASK] &= ~(flag & FLAG_MASK);
    }

    public Object owner(int pfn) {
        Meta m = meta[pfn >>> CHUNK_SHIFT];
        return m == null ? null : m.owner[pfn & CHUNK_MASK];
    }

    public long index(int pfn) {
        Meta m = meta[pfn >>> CHUNK_SHIFT];
        if (m == null) {
            return 0;
        }
        long index = m.flagsIndex[pfn & CHUNK_MASK] >>> FLAG_BITS;
        return index == INDEX_SPILLED ? spilledIndex.get(pfn) : index;
    }

    /** Sets {@code page->mapping} and {@code page->index}. */
    public void setOwner(int pfn, Object mapping, long pageIndex) {
        Meta m = meta(pfn);
        int i = pfn & CHUNK_MASK;
        m.owner[i] = mapping;
        long field = pageIndex >= 0 && pageIndex < INDEX_SPILLED ? pageIndex : INDEX_SPILLED;
        if (field == INDEX_SPILLED) {
            spilledIndex.put(pfn, pageIndex);
        } else if (m.flagsIndex[i] >>> FLAG_BITS == INDEX_SPILLED) {
            spilledIndex.remove(pfn);
        }
        m.flagsIndex[i] = m.flagsIndex[i] & FLAG_MASK | field << FLAG_BITS;
    }

    // ---- LRU lists (mm/swap.c, include/linux/mm_inline.h) ----

    /** The LRU list {@code pfn} is on, or {@link #LRU_NONE}. */
    public int lruList(int pfn) {
        Meta m = meta[pfn >>> CHUNK_SHIFT];
        return m == null ? LRU_NONE : (int) ((m.flagsIndex[pfn & CHUNK_MASK] & LRU_FIELD) >>> LRU_SHIFT) - 1;
    }

    /**
     * {@code folio_add_lru}: puts a page in use on the inactive list of its type (anonymous when
     * swap-backed, else file), unless it is on a list already.
     */
    public void lruAddIfAbsent(int pfn) {
        if (lruList(pfn) == LRU_NONE) {
            lruAdd(pfn, test(pfn, PG_SWAPBACKED) ? LRU_INACTIVE_ANON : LRU_INACTIVE_FILE);
        }
    }

    /**
     * {@code folio_mark_lazyfree} ({@code lru_lazyfree}): an anonymous page MADV_FREE may drop
     * stops being swap-backed and moves to the inactive file list, which reclaim empties first.
     */
    public void markLazyFree(int pfn) {
        clear(pfn, PG_SWAPBACKED);
        if (lruList(pfn) != LRU_NONE) {
            lruDel(pfn);
            lruAdd(pfn, LRU_INACTIVE_FILE);
        }
    }

    /**
     * {@code lruvec_del_folio} + {@code lruvec_add_folio}: moves a page on an LRU list to the head
     * of {@code list} (activation, deactivation, putback after a reclaim pass; a page whose
     * PG_swapbacked changed moves to a list of the other type).
     */
    public void lruMove(int pfn, int list) {
        lruDel(pfn);
        lruAdd(pfn, list);
    }

    /** Whether {@code list} is one of the active lists. */
    public static boolean isActive(int list) {
        return list == LRU_ACTIVE_ANON || list == LRU_ACTIVE_FILE;
    }

    /** The page at the head (most recently added) of {@code list}, or 0 if it is empty. */
    public int lruFirst(int list) {
        return lruHead[list];
    }

    /** The page at the tail (least recently added) of {@code list}, where reclaim takes from, or 0. */
    public int lruLast(int list) {
        return lruTail[list];
    }

    /** The page after {@code pfn} on its list, towards the tail, or 0. */
    public int lruNext(int pfn) {
        return meta(pfn).lruNext[pfn & CHUNK_MASK];
    }

    /** The page before {@code pfn} on its list, towards the head, or 0. */
    public int lruPrev(int pfn) {
        return meta(pfn).lruPrev[pfn & CHUNK_MASK];
    }

    /** The number of pages on {@code list}. */
    public int lruSize(int list) {
        return lruSize[list];
    }

    /** {@code lruvec_add_folio}: links {@code pfn} at the head of {@code list}. */
    private void lruAdd(int pfn, int list) {
        Meta m = meta(pfn);
        int i = pfn & CHUNK_MASK;
        int head = lruHead[list];
        m.flagsIndex[i] = m.flagsIndex[i] & ~LRU_FIELD | (long) (list + 1) << LRU_SHIFT;
        m.lruPrev[i] = 0;
        m.lruNext[i] = head;
        if (head != 0) {
            meta(head).lruPrev[head & CHUNK_MASK] = pfn;
        } else {
            lruTail[list] = pfn;
        }
        lruHead[list] = pfn;
        lruSize[list]++;
    }

    /** {@code lruvec_del_folio}. */
    private void lruDel(int pfn) {
        Meta m = meta(pfn);
        int i = pfn & CHUNK_MASK;
        int list = lruList(pfn);
        int prev = m.lruPrev[i];
        int next = m.lruNext[i];
        if (prev != 0) {
            meta(prev).lruNext[prev & CHUNK_MASK] = next;
        } else {
            lruHead[list] = next;
        }
        if (next != 0) {
            meta(next).lruPrev[next & CHUNK_MASK] = prev;
        } else {
            lruTail[list] = prev;
        }
        m.flagsIndex[i] &= ~LRU_FIELD;
        m.lruPrev[i] = 0;
        m.lruNext[i] = 0;
        lruSize[list]--;
    }

    /** The metadata chunk of {@code pfn}, allocated on first use. */
    private Meta meta(int pfn) {
        int chunk = pfn >>> CHUNK_SHIFT;
        Meta m = meta[chunk];
        if (m == null) {
            m = new Meta();
            meta[chunk] = m;
        }
        return m;
    }

    /** The 4 KiB contents of a frame. */
    public MemorySegment contents(int pfn) {
        return contents.page(pfn);
    }

    /** {@link PageStore#block} of a frame's contents. */
    public MemorySegment block(int pfn) {
        return contents.block(pfn);
    }

    /** {@link PageStore#blockIfPresent} of a frame's contents; null also for a PFN that is not RAM. */
    public MemorySegment blockIfPresent(int pfn) {
        return contents.blockIfPresent(pfn);
    }

    /** {@link PageStore#offsetInBlock} of a frame. */
    public static long offsetInBlock(int pfn) {
        return PageStore.offsetInBlock(pfn);
    }

    /** {@code copy_user_highpage}. */
    public void copy(int fromPfn, int toPfn) {
        MemorySegment.copy(contents(fromPfn), 0, contents(toPfn), 0, Uapi.PAGE_SIZE);
    }

    public byte getByte(int pfn, int offset) {
        return contents(pfn).get(ValueLayout.JAVA_BYTE, offset);
    }

    @Override
    public void close() {
        contents.close();
    }
}
