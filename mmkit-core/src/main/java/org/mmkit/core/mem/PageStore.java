package org.mmkit.core.mem;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.mmkit.core.Uapi;

/**
 * Off-heap contents of numbered 4 KiB pages: simulated RAM by PFN ({@link PhysicalMemory}), and
 * the slots of a swap area. All pages are one reservation of host memory ({@link HostMemory}),
 * which the host backs as pages are first written and which stays backed when a page is reused,
 * so that writing a page again costs no fresh host memory; without native access, each block of
 * {@value #BLOCK_PAGES} pages is a zeroed allocation of its own, made on first use. A page
 * never written reads as zero.
 *
 * <p>Guarded by the machine lock, except {@link #blockIfPresent}.
 */
public final class PageStore implements AutoCloseable {
    private static final int BLOCK_SHIFT = 8;
    private static final int BLOCK_PAGES = 1 << BLOCK_SHIFT;
    private static final int BLOCK_MASK = BLOCK_PAGES - 1;
    private static final long BLOCK_BYTES = (long) BLOCK_PAGES * Uapi.PAGE_SIZE;
    private static final VarHandle BLOCK = MethodHandles.arrayElementVarHandle(MemorySegment[].class);

    private final int pages;
    private final Arena arena = Arena.ofShared();
    /** Every page in one mapping of host memory, or null where the host cannot map it. */
    private final MemorySegment host;
    /**
     * The blocks of {@value #BLOCK_PAGES} pages: slices of {@link #host}, or zeroed allocations
     * of their own without it; null until first used. Written under the machine lock (release),
     * read also by {@link #blockIfPresent}.
     */
    private final MemorySegment[] blocks;

    /**
     * Contents for pages {@code 0..pages-1}.
     *
     * @param pages how many pages
     * @param mapHost whether to reserve host memory for all of them at once where the host allows
     */
    public PageStore(int pages, boolean mapHost) {
        this.pages = pages;
        blocks = new MemorySegment[(int) ((pages + (long) BLOCK_PAGES - 1) >>> BLOCK_SHIFT)];
        host = mapHost ? HostMemory.map(blocks.length * BLOCK_BYTES, arena) : null;
    }

    /**
     * The 4 KiB contents of a page.
     *
     * @param page the page's number
     * @return a slice of its {@link #block}
     */
    public MemorySegment page(int page) {
        return block(page).asSlice(offsetInBlock(page), Uapi.PAGE_SIZE);
    }

    /**
     * The block holding the contents of {@code page} and of the pages next to it, at
     * {@link #offsetInBlock}: a translation cache keeps it to reach the page with no slice per
     * access. Every block has the same size, and stays valid until {@link #close}.
     *
     * @param page the page's number
     * @return its block, allocated on first use
     */
    public MemorySegment block(int page) {
        int index = page >>> BLOCK_SHIFT;
        MemorySegment block = blocks[index];
        if (block == null) {
            block = host != null ? host.asSlice(index * BLOCK_BYTES, BLOCK_BYTES)
                    : arena.allocate(BLOCK_BYTES, Uapi.PAGE_SIZE);
            BLOCK.setRelease(blocks, index, block);
        }
        return block;
    }

    /**
     * {@link #block} for a reader without the machine lock (a lockless TLB fill). Safe to call
     * from any thread.
     *
     * @param page the page's number
     * @return its block, or null if it was never allocated (the caller takes the locked path) or
     *         {@code page} is out of range
     */
    public MemorySegment blockIfPresent(int page) {
        return page >= 0 && page < pages ? (MemorySegment) BLOCK.getAcquire(blocks, page >>> BLOCK_SHIFT) : null;
    }

    /**
     * Where the contents of {@code page} start in its {@link #block}.
     *
     * @param page the page's number
     * @return the byte offset
     */
    public static long offsetInBlock(int page) {
        return (long) (page & BLOCK_MASK) * Uapi.PAGE_SIZE;
    }

    /** Gives the host memory back; no page may be used after. */
    @Override
    public void close() {
        arena.close();
    }
}
