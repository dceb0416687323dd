package org.mmkit.core.pgtable;

import org.mmkit.core.Uapi;

/**
 * A page-table entry of x86-64 in the layout the kernel uses
 * ({@code arch/x86/include/asm/pgtable_types.h}). A PTE is a raw {@code long}; this class is the
 * one place its bits are defined.
 *
 * <pre>
 *  63  62    59 58   57   52 51                                  12 11  10   9   8   7   6   5   4   3   2   1   0
 * +--+--------+----+----+----+--------------------------------------+---+---+---+---+---+---+---+---+---+---+---+---+
 * |NX|  pkey  | SD*| DM*|    |              PFN (40 bits)           |SD |UWP|SPL| G |PSE| D | A |PCD|PWT| US| RW| P |
 * +--+--------+----+----+----+--------------------------------------+---+---+---+---+---+---+---+---+---+---+---+---+
 *  SD  (11) soft-dirty            UWP (10) uffd-wp            SPL (9) special (no struct page: zero page, PFN maps)
 *  G   (8)  global, or PROTNONE when P is clear: a PROT_NONE entry that still maps a page
 *  SD* (58) saved-dirty           DM* (57) devmap
 * </pre>
 *
 * A PROT_NONE entry has P clear and G (PROTNONE) set; like the kernel (L1TF mitigation,
 * {@code __pte_needs_invert}) its PFN bits are stored inverted. An entry with neither P nor
 * PROTNONE but non-zero is a swap-format entry ({@link SwapEntryLayout}); zero is {@code pte_none}.
 */
public final class PteLayout {
    private PteLayout() {
    }

    public static final long PRESENT = 1L;
    public static final long RW = 1L << 1;
    public static final long USER = 1L << 2;
    public static final long PWT = 1L << 3;
    public static final long PCD = 1L << 4;
    public static final long ACCESSED = 1L << 5;
    public static final long DIRTY = 1L << 6;
    public static final long PSE = 1L << 7;
    public static final long GLOBAL = 1L << 8;
    /** Same bit as {@link #GLOBAL}, meaning PROT_NONE when {@link #PRESENT} is clear. */
    public static final long PROTNONE = GLOBAL;
    public static final long SPECIAL = 1L << 9;
    public static final long UFFD_WP = 1L << 10;
    public static final long SOFT_DIRTY = 1L << 11;
    public static final long NX = 1L << 63;

    public static final int PFN_SHIFT = Uapi.PAGE_SHIFT;
    public static final long PFN_MASK = ((1L << 52) - 1) & ~((1L << PFN_SHIFT) - 1);

    /** Protection bits that {@code pte_modify} replaces; everything else (PFN, A, D, software bits) is kept. */
    public static final long PROT_BITS = PRESENT | RW | USER | PROTNONE | NX;

    /** {@code PAGE_NONE}. */
    public static final long PAGE_NONE = PROTNONE | ACCESSED;
    /** {@code PAGE_READONLY} / {@code PAGE_COPY}: private writable mappings are read-only until a write fault. */
    public static final long PAGE_READONLY = PRESENT | USER | ACCESSED | NX;
    /** {@code PAGE_SHARED}. */
    public static final long PAGE_SHARED = PRESENT | RW | USER | ACCESSED | NX;

    /** {@code pte_none}. */
    public static boolean isNone(long pte) {
        return pte == 0;
    }

    /** {@code pte_present}: maps a page, possibly PROT_NONE. */
    public static boolean isPresent(long pte) {
        return (pte & (PRESENT | PROTNONE)) != 0;
    }

    /** A non-present, non-empty entry: a swap entry or a PTE marker. */
    public static boolean isSwapFormat(long pte) {
        return pte != 0 && !isPresent(pte);
    }

    /** {@code pte_protnone}. */
    public static boolean isProtNone(long pte) {
        return (pte & (PRESENT | PROTNONE)) == PROTNONE;
    }

    public static boolean isWritable(long pte) {
        return (pte & RW) != 0;
    }

    public static boolean isDirty(long pte) {
        return (pte & DIRTY) != 0;
    }

    public static boolean isYoung(long pte) {
        return (pte & ACCESSED) != 0;
    }

    public static boolean isSpecial(long pte) {
        return (pte & SPECIAL) != 0;
    }

    public static boolean isUffdWp(long pte) {
        return (pte & UFFD_WP) != 0;
    }

    public static boolean isSoftDirty(long pte) {
        return (pte & SOFT_DIRTY) != 0;
    }

    /** {@code pfn_pte}: an entry mapping {@code pfn} with protection {@code prot}. */
    public static long make(long pfn, long prot) {
        long field = (pfn << PFN_SHIFT) & PFN_MASK;
        return needsInvert(prot) ? (field ^ PFN_MASK) | prot : field | prot;
    }

    /** {@code pte_pfn}. */
    public static long pfn(long pte) {
        long field = needsInvert(pte) ? (pte ^ PFN_MASK) & PFN_MASK : pte & PFN_MASK;
        return field >>> PFN_SHIFT;
    }

    /** {@code pte_modify}: new protection bits, everything else kept. */
    public static long modify(long pte, long prot) {
        return make(pfn(pte), (pte & ~PROT_BITS & ~PFN_MASK) | (prot & PROT_BITS));
    }

    private static boolean needsInvert(long bits) {
        return (bits & (PRESENT | PROTNONE)) == PROTNONE;
    }
}
