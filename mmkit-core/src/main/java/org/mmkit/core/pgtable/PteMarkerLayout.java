package org.mmkit.core.pgtable;

/**
 * A PTE marker: a swap-format PTE of type {@link SwapEntryLayout#TYPE_PTE_MARKER} whose offset
 * holds flags instead of a swap slot ({@code include/linux/swapops.h}, {@code make_pte_marker}).
 * It keeps per-address state where no page is mapped.
 *
 * <pre>
 *  offset bit:   2       1        0
 *             +-------+--------+--------+
 *             | GUARD | POISON | UFFD_WP|
 *             +-------+--------+--------+
 * </pre>
 * A privileged pagemap reader sees the frame {@code 31 | offset << 5}: 0x3f, 0x5f, 0x9f.
 */
public final class PteMarkerLayout {
    private PteMarkerLayout() {
    }

    public static final long UFFD_WP = 1L;
    public static final long POISONED = 1L << 1;
    public static final long GUARD = 1L << 2;

    /** The PTE holding a marker with these bits. */
    public static long make(long markerBits) {
        return SwapEntryLayout.make(SwapEntryLayout.TYPE_PTE_MARKER, markerBits);
    }

    /** The marker bits of a PTE, or 0 if it is not a marker. */
    public static long bits(long pte) {
        return SwapEntryLayout.isSwapFormat(pte) && SwapEntryLayout.isMarker(pte) ? SwapEntryLayout.offset(pte) : 0;
    }

    public static boolean isGuard(long pte) {
        return (bits(pte) & GUARD) != 0;
    }
}
