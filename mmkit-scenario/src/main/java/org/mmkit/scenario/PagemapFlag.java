package org.mmkit.scenario;

/**
 * The flag bits of a {@code /proc/PID/pagemap} entry as scenarios name them, and the frame field
 * below them ({@code fs/proc/task_mmu.c}, {@code Documentation/admin-guide/mm/pagemap.rst}).
 *
 * <pre>
 *  63 62 61 60 59 58 57 56 55 54                                              0
 * +--+--+--+--+--+--+--+--+--+-------------------------------------------------+
 * |P |S |F |0 |0 |G |W |X |D | PFN (present) or swap offset<<5 | type (swapped) |
 * +--+--+--+--+--+--+--+--+--+-------------------------------------------------+
 *  P present  S swapped  F file/shared-anon  G guard  W uffd_wp  X exclusive  D soft_dirty
 * </pre>
 * Bits 0–54 read as zero without CAP_SYS_ADMIN. PTE markers are swap entries of type 31.
 */
enum PagemapFlag {
    PRESENT(63), SWAPPED(62), FILE(61), GUARD(58), UFFD_WP(57), EXCLUSIVE(56), SOFT_DIRTY(55);

    private static final long FRAME_MASK = (1L << 55) - 1;
    private static final int SWAP_TYPE_BITS = 5;
    private static final int MARKER_SWAP_TYPE = 31;

    private final int bit;

    PagemapFlag(int bit) {
        this.bit = bit;
    }

    public long mask() {
        return 1L << bit;
    }

    /** The name used in scenarios: {@code uffd_wp}. */
    public String scenarioName() {
        return name().toLowerCase();
    }

    /** The flag named so in scenarios, or null. */
    public static PagemapFlag named(String name) {
        for (PagemapFlag f : values()) {
            if (f.scenarioName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The flag bits of an entry, as {@code present|exclusive}, or {@code none}. */
    public static String format(long flags) {
        StringBuilder s = new StringBuilder();
        for (PagemapFlag f : values()) {
            if ((flags & f.mask()) != 0) {
                s.append(s.isEmpty() ? "" : "|").append(f.scenarioName());
            }
        }
        return s.isEmpty() ? "none" : s.toString();
    }

    /** Only the flag bits of an entry (55–63). */
    public static long flagsOf(long entry) {
        return entry & ~FRAME_MASK;
    }

    /** Bits 0–54: the PFN of a present entry, the swap type and offset of a swapped one. */
    public static long frameOf(long entry) {
        return entry & FRAME_MASK;
    }

    /** Whether a swapped entry's frame is a PTE marker (guard, uffd-wp, poison) rather than a swap slot. */
    public static boolean isMarker(long entry) {
        return (entry & SWAPPED.mask()) != 0 && (frameOf(entry) & ((1 << SWAP_TYPE_BITS) - 1)) == MARKER_SWAP_TYPE;
    }
}
