package org.mmkit.core.pgtable;

/**
 * A non-present ("swap-format") x86-64 PTE: a swap entry, a migration entry or a PTE marker
 * ({@code arch/x86/include/asm/pgtable_64.h}, {@code include/linux/swapops.h}).
 *
 * <pre>
 *  63     59 58                                                  9  8   7  6..4   3     2     1    0
 * +---------+-----------------------------------------------------+---+---+-----+-----+-----+-----+---+
 * |  type   |          ~offset (bitwise NOT, 50 bits)              | 0 | 0 |  0  | EXC | UWP | SD  | 0 |
 * +---------+-----------------------------------------------------+---+---+-----+-----+-----+-----+---+
 *  SD  (1) swp soft-dirty        UWP (2) swp uffd-wp        EXC (3) swp exclusive (page was AnonExclusive)
 *  bit 8 (PROTNONE) and bit 0 (PRESENT) must be clear, so the entry is never mistaken for a page.
 * </pre>
 * Types 0 .. {@link #MAX_SWAPFILES}-1 are swap devices; {@link #TYPE_PTE_MARKER} holds a
 * {@link PteMarkerLayout} in the offset.
 */
public final class SwapEntryLayout {
    private SwapEntryLayout() {
    }

    public static final int TYPE_BITS = 5;
    public static final int OFFSET_FIRST_BIT = 9;
    public static final int OFFSET_BITS = 50;
    public static final long SOFT_DIRTY = 1L << 1;
    public static final long UFFD_WP = 1L << 2;
    public static final long EXCLUSIVE = 1L << 3;
    /** Bits of the entry that are flags rather than type/offset. */
    public static final long FLAG_BITS = SOFT_DIRTY | UFFD_WP | EXCLUSIVE;

    /** 32 types minus HWPOISON-less, device-less config: 3 migration types and the marker type. */
    public static final int MAX_SWAPFILES = 28;
    public static final int TYPE_MIGRATION_READ = 28;
    public static final int TYPE_MIGRATION_READ_EXCLUSIVE = 29;
    public static final int TYPE_MIGRATION_WRITE = 30;
    public static final int TYPE_PTE_MARKER = 31;

    private static final long OFFSET_MASK = ((1L << OFFSET_BITS) - 1);

    /** {@code swp_entry_to_pte(swp_entry(type, offset))} with no flag bits. */
    public static long make(int type, long offset) {
        return ((~offset & OFFSET_MASK) << OFFSET_FIRST_BIT) | ((long) type << (64 - TYPE_BITS));
    }

    /** {@code swp_type}. */
    public static int type(long pte) {
        return (int) (pte >>> (64 - TYPE_BITS));
    }

    /** {@code swp_offset}. */
    public static long offset(long pte) {
        return ~(pte >>> OFFSET_FIRST_BIT) & OFFSET_MASK;
    }

    /** A non-present, non-empty entry (same test as {@link PteLayout#isSwapFormat}). */
    public static boolean isSwapFormat(long pte) {
        return PteLayout.isSwapFormat(pte);
    }

    public static boolean isMarker(long pte) {
        return type(pte) == TYPE_PTE_MARKER;
    }
}
