package org.mmkit.core.abi;

import org.mmkit.core.SimProcess;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * One 64-bit entry of {@code /proc/PID/pagemap}, as {@link SimProcess#pagemapRead} and the real
 * kernel return it ({@code fs/proc/task_mmu.c}, {@code pte_to_pagemap_entry}).
 *
 * <pre>
 *  63   62   61   60 59   58   57   56   55   54                                  0
 * +----+----+----+-------+----+----+----+----+-------------------------------------+
 * | P  | S  | F  |   0   | G  | UWP| EX | SD |  PFN, or swap type (0-4) | offset&lt;&lt;5 |
 * +----+----+----+-------+----+----+----+----+-------------------------------------+
 *  P present   S swapped (swap entry or PTE marker)   F file page or shared anon
 *  G guard region   UWP uffd-wp   EX exclusively mapped (mapcount == 1)   SD soft-dirty
 * </pre>
 *
 * Bits 0-54 read as zero for readers without {@code CAP_SYS_ADMIN}. A PTE marker (guard, uffd-wp,
 * poison) reads as a swapped entry of swap type {@value #MARKER_SWAP_TYPE}.
 *
 * <p>Decoding an entry:
 * {@snippet :
 * long entry = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder()).getLong();
 * if ((entry & PagemapEntryLayout.PRESENT) != 0) {
 *     long pfn = PagemapEntryLayout.frame(entry);
 * } else if ((entry & PagemapEntryLayout.SWAP) != 0 && !PagemapEntryLayout.isMarker(entry)) {
 *     long slot = PagemapEntryLayout.swapOffset(entry);
 * }
 * }
 */
public final class PagemapEntryLayout {
    private PagemapEntryLayout() {
    }

    /** Bytes per entry: one entry per virtual page, at file offset {@code va / PAGE_SIZE * 8}. */
    public static final int ENTRY_BYTES = Long.BYTES;
    /** Bits 0-54: the PFN of a present page, or the swap type and offset of a swapped one. */
    public static final long FRAME_MASK = (1L << 55) - 1;
    /** Bit 55: the PTE is soft-dirty (written since the last {@code clear_refs}). */
    public static final long SOFT_DIRTY = 1L << 55;
    /** Bit 56: the page is mapped exactly once ({@code PM_MMAP_EXCLUSIVE}). */
    public static final long MMAP_EXCLUSIVE = 1L << 56;
    /** Bit 57: the PTE is write-protected by userfaultfd ({@code PM_UFFD_WP}). */
    public static final long UFFD_WP = 1L << 57;
    /** Bit 58: the page lies in a guard region ({@code MADV_GUARD_INSTALL}). */
    public static final long GUARD_REGION = 1L << 58;
    /** Bit 61: a page-cache page or shared anonymous page ({@code PM_FILE}). */
    public static final long FILE = 1L << 61;
    /** Bit 62: a swap entry or PTE marker ({@code PM_SWAP}). */
    public static final long SWAP = 1L << 62;
    /** Bit 63: a page is mapped ({@code PM_PRESENT}). */
    public static final long PRESENT = 1L << 63;
    /** Flag bits 55-63. */
    public static final long FLAG_MASK = ~FRAME_MASK;
    /** The swap type field's width in a swapped entry's frame ({@code MAX_SWAPFILES_SHIFT}). */
    public static final int SWAP_TYPE_BITS = SwapEntryLayout.TYPE_BITS;
    /** The swap type that marks a PTE marker rather than a swap slot ({@code SWP_PTE_MARKER}). */
    public static final int MARKER_SWAP_TYPE = SwapEntryLayout.TYPE_PTE_MARKER;

    /**
     * The frame field of a swapped entry: {@code type | offset << SWAP_TYPE_BITS}.
     *
     * @param type the swap type (device index, or {@link #MARKER_SWAP_TYPE})
     * @param offset the slot on the device, or the marker bits
     * @return bits 0-54 of the entry
     */
    public static long swapFrame(int type, long offset) {
        return (type | (offset << SWAP_TYPE_BITS)) & FRAME_MASK;
    }

    /**
     * Bits 0-54 of an entry.
     *
     * @param entry a pagemap entry
     * @return the PFN of a present entry, the swap frame of a swapped one
     */
    public static long frame(long entry) {
        return entry & FRAME_MASK;
    }

    /**
     * Bits 55-63 of an entry.
     *
     * @param entry a pagemap entry
     * @return only the flag bits
     */
    public static long flags(long entry) {
        return entry & FLAG_MASK;
    }

    /**
     * The swap type of a swapped entry.
     *
     * @param entry a pagemap entry with {@link #SWAP} set, read with {@code CAP_SYS_ADMIN}
     * @return the swap device index, or {@link #MARKER_SWAP_TYPE} for a PTE marker
     */
    public static int swapType(long entry) {
        return (int) (entry & ((1L << SWAP_TYPE_BITS) - 1));
    }

    /**
     * The swap offset of a swapped entry.
     *
     * @param entry a pagemap entry with {@link #SWAP} set, read with {@code CAP_SYS_ADMIN}
     * @return the slot on the swap device, or the marker bits of a PTE marker
     */
    public static long swapOffset(long entry) {
        return frame(entry) >>> SWAP_TYPE_BITS;
    }

    /**
     * Whether a swapped entry holds a PTE marker (guard, uffd-wp, poison) rather than a swap slot.
     *
     * @param entry a pagemap entry, read with {@code CAP_SYS_ADMIN}
     * @return true if {@link #SWAP} is set and the swap type is {@link #MARKER_SWAP_TYPE}
     */
    public static boolean isMarker(long entry) {
        return (entry & SWAP) != 0 && swapType(entry) == MARKER_SWAP_TYPE;
    }
}
