package org.mmkit.core.mm;

/**
 * Where the page allocator turns when no frame is free and the caller may wait
 * ({@code __alloc_pages_direct_reclaim} → {@code try_to_free_pages}): the {@link Machine} asks
 * {@link Vmscan#DIRECT}; tests may install another. Called with the machine lock held.
 */
@FunctionalInterface
interface DirectReclaim {
    /** Nothing can be reclaimed: the allocation fails as the OOM path would. */
    DirectReclaim NONE = (machine, pages, gfp) -> 0;

    /**
     * Tries to free at least {@code pages} frames (from the LRU lists, through the rmap) for an
     * allocation with context {@code gfp}; returns how many it freed.
     */
    int reclaim(Machine machine, int pages, int gfp);
}
