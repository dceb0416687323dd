package org.mmkit.core.mem;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mmkit.core.Uapi;

/**
 * Simulated RAM: page frames with their {@code struct page} metadata held in parallel primitive
 * arrays indexed by PFN, and their contents in off-heap memory allocated lazily in chunks.
 *
 * <p>Frame 0 is reserved, as the first page of x86 RAM is; frame 1 is the shared zero page
 * ({@code ZERO_PAGE(0)}). Neither is ever allocated or freed, so a PFN of 0 in pagemap always
 * means "hidden" and never a page.
 * Allocation is deterministic: fresh frames are handed out in increasing PFN order, and freed
 * frames are reused (most recently freed first) only once every frame has been used. A page freed
 * and a page allocated right after are therefore different frames, as they almost always are on
 * a real machine, where other activity takes the freed page.
 *
 * <p>Guarded by the machine lock (see {@code org.mmkit.core.mm}); not thread-safe on its own.
 */
public final class PhysicalMemory implements AutoCloseable {
    /** PFN of the shared zero page. */
    public static final int ZERO_PFN = 1;
    /** Frames that are never allocated: the reserved frame 0 and the zero page. */
    public static final int RESERVED_FRAMES = 2;

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

    private static final int CHUNK_SHIFT = 8;
    private static final int CHUNK_FRAMES = 1 << CHUNK_SHIFT;

    private final int frames;
    /** {@code page_ref_count}: mappings + page cache + other holders; 0 means free. */
    private final int[] refcount;
    /** {@code page_mapcount}: number of PTEs mapping the frame. */
    private final int[] mapcount;
    /** {@code PG_*} bits above. */
    private final int[] flags;
    /** {@code page->mapping}: the anon_vma or file the page belongs to, null when free. */
    private final Object[] owner;
    /** {@code page->index}: page offset in the file, or linear page index in the anon_vma. */
    private final long[] index;
    /** Free frames as a stack: {@code freeStack[0..freeTop)}; frames above {@code nextUnused} were never used. */
    private final int[] freeStack;
    private int freeTop;
    private int nextUnused;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] chunks;

    public PhysicalMemory(long pages) {
        if (pages < 2 || pages > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pages out of range: " + pages);
        }
        frames = (int) pages;
        refcount = new int[frames];
        mapcount = new int[frames];
        flags = new int[frames];
        owner = new Object[frames];
        index = new long[frames];
        freeStack = new int[frames];
        chunks = new MemorySegment[(frames + CHUNK_FRAMES - 1) >>> CHUNK_SHIFT];
        refcount[0] = 1;
        refcount[ZERO_PFN] = 1;
        nextUnused = RESERVED_FRAMES;
    }

    public int frames() {
        return frames;
    }

    /** Frames that can still be allocated. */
    public int freeFrames() {
        return freeTop + (frames - nextUnused);
    }

    /**
     * {@code alloc_page(__GFP_ZERO)}: a zeroed frame with refcount 1 and no owner, or -1 when RAM
     * is exhausted.
     */
    public int allocate() {
        int pfn;
        if (nextUnused < frames) {
            pfn = nextUnused++;
        } else if (freeTop > 0) {
            pfn = freeStack[--freeTop];
        } else {
            return -1;
        }
        contents(pfn).fill((byte) 0);
        refcount[pfn] = 1;
        return pfn;
    }

    /** Takes a reference ({@code folio_get}). */
    public void get(int pfn) {
        refcount[pfn]++;
    }

    /** Drops a reference ({@code folio_put}); the frame is freed when the last one goes. */
    public void put(int pfn) {
        if (pfn == ZERO_PFN) {
            return;
        }
        int r = --refcount[pfn];
        if (r == 0) {
            if (mapcount[pfn] != 0) {
                throw new IllegalStateException("freeing mapped frame " + pfn);
            }
            flags[pfn] = 0;
            owner[pfn] = null;
            index[pfn] = 0;
            freeStack[freeTop++] = pfn;
        } else if (r < 0) {
            throw new IllegalStateException("refcount underflow on frame " + pfn);
        }
    }

    public int refcount(int pfn) {
        return refcount[pfn];
    }

    public int mapcount(int pfn) {
        return mapcount[pfn];
    }

    public void addMapcount(int pfn, int delta) {
        mapcount[pfn] += delta;
        if (mapcount[pfn] < 0) {
            throw new IllegalStateException("mapcount underflow on frame " + pfn);
        }
    }

    public boolean test(int pfn, int flag) {
        return (flags[pfn] & flag) != 0;
    }

    public void set(int pfn, int flag) {
        flags[pfn] |= flag;
    }

    public void clear(int pfn, int flag) {
        flags[pfn] &= ~flag;
    }

    public Object owner(int pfn) {
        return owner[pfn];
    }

    public long index(int pfn) {
        return index[pfn];
    }

    /** Sets {@code page->mapping} and {@code page->index}. */
    public void setOwner(int pfn, Object mapping, long pageIndex) {
        owner[pfn] = mapping;
        index[pfn] = pageIndex;
    }

    /** The 4 KiB contents of a frame. */
    public MemorySegment contents(int pfn) {
        int chunk = pfn >>> CHUNK_SHIFT;
        MemorySegment segment = chunks[chunk];
        if (segment == null) {
            segment = arena.allocate((long) CHUNK_FRAMES * Uapi.PAGE_SIZE, Uapi.PAGE_SIZE);
            chunks[chunk] = segment;
        }
        return segment.asSlice((long) (pfn & (CHUNK_FRAMES - 1)) * Uapi.PAGE_SIZE, Uapi.PAGE_SIZE);
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
        arena.close();
    }
}
