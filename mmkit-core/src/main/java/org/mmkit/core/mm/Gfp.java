package org.mmkit.core.mm;

/**
 * The allocation context of a page allocation ({@code gfp_t}, {@code include/linux/gfp_types.h}):
 * what the allocator may do to find a free frame. Only the bits the model acts on exist.
 */
final class Gfp {
    private Gfp() {
    }

    /** {@code __GFP_DIRECT_RECLAIM}: the caller may wait while the allocator reclaims memory. */
    static final int DIRECT_RECLAIM = 1;

    /** {@code GFP_HIGHUSER_MOVABLE}: user pages (anonymous, page cache); may reclaim. */
    static final int HIGHUSER_MOVABLE = DIRECT_RECLAIM;
    /** {@code GFP_NOWAIT}: fails at once rather than reclaim (for callers holding what reclaim needs). */
    static final int NOWAIT = 0;

    static boolean mayReclaim(int gfp) {
        return (gfp & DIRECT_RECLAIM) != 0;
    }
}
