package org.mmkit.core.pgtable;

/**
 * One 64-bit entry of {@code /proc/PID/pagemap} ({@code fs/proc/task_mmu.c},
 * {@code Documentation/admin-guide/mm/pagemap.rst}).
 *
 * <pre>
 *  63   62   61   60 59   58   57   56   55   54                                  0
 * +----+----+----+-------+----+----+----+----+-------------------------------------+
 * | P  | S  | F  |   0   | G  | UWP| EX | SD |  PFN, or swap type (0-4) | offset<<5 |
 * +----+----+----+-------+----+----+----+----+-------------------------------------+
 *  P present   S swapped (swap entry or PTE marker)   F file page or shared anon
 *  G guard region   UWP uffd-wp   EX exclusively mapped (mapcount == 1)   SD soft-dirty
 * </pre>
 * Bits 0-54 read as zero for readers without CAP_SYS_ADMIN.
 */
public final class PagemapEntryLayout {
    private PagemapEntryLayout() {
    }

    public static final long FRAME_MASK = (1L << 55) - 1;
    public static final long SOFT_DIRTY = 1L << 55;
    public static final long MMAP_EXCLUSIVE = 1L << 56;
    public static final long UFFD_WP = 1L << 57;
    public static final long GUARD_REGION = 1L << 58;
    public static final long FILE = 1L << 61;
    public static final long SWAP = 1L << 62;
    public static final long PRESENT = 1L << 63;
    /** Flag bits 55-63. */
    public static final long FLAG_MASK = ~FRAME_MASK;

    /** The frame field for a swap-format entry: {@code type | offset << MAX_SWAPFILES_SHIFT}. */
    public static long swapFrame(int type, long offset) {
        return (type | (offset << SwapEntryLayout.TYPE_BITS)) & FRAME_MASK;
    }

    public static long frame(long entry) {
        return entry & FRAME_MASK;
    }

    public static long flags(long entry) {
        return entry & FLAG_MASK;
    }
}
