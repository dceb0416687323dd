package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct pm_scan_arg} ({@code include/uapi/linux/fs.h}): the argument of PAGEMAP_SCAN,
 * twelve 64-bit members; the kernel writes back {@code walk_end} only.
 *
 * <pre>
 *  0        8        16       24       32         40       48         56
 * +--------+--------+--------+--------+----------+--------+----------+-----------+
 * |  size  | flags  | start  |  end   | walk_end |  vec   | vec_len  | max_pages |
 * +--------+--------+--------+--------+----------+--------+----------+-----------+
 *  64                  72              80                    88                  96
 * +-------------------+---------------+---------------------+-------------+
 * | category_inverted | category_mask | category_anyof_mask | return_mask |
 * +-------------------+---------------+---------------------+-------------+
 * </pre>
 */
public final class PmScanArgLayout {
    private PmScanArgLayout() {
    }

    /** Byte offset of the {@code size} member, which must be {@link #SIZE}. */
    public static final int SIZE_OFFSET = 0;
    /** Byte offset of the {@code flags} member ({@code PM_SCAN_*}). */
    public static final int FLAGS_OFFSET = 8;
    /** Byte offset of the {@code start} member. */
    public static final int START_OFFSET = 16;
    /** Byte offset of the {@code end} member. */
    public static final int END_OFFSET = 24;
    /** Byte offset of the {@code walk_end} member, written by the kernel. */
    public static final int WALK_END_OFFSET = 32;
    /** Byte offset of the {@code vec} member: the address of a {@code struct page_region} array. */
    public static final int VEC_OFFSET = 40;
    /** Byte offset of the {@code vec_len} member: the regions {@code vec} holds. */
    public static final int VEC_LEN_OFFSET = 48;
    /** Byte offset of the {@code max_pages} member (0: no limit). */
    public static final int MAX_PAGES_OFFSET = 56;
    /** Byte offset of the {@code category_inverted} member. */
    public static final int CATEGORY_INVERTED_OFFSET = 64;
    /** Byte offset of the {@code category_mask} member. */
    public static final int CATEGORY_MASK_OFFSET = 72;
    /** Byte offset of the {@code category_anyof_mask} member. */
    public static final int CATEGORY_ANYOF_MASK_OFFSET = 80;
    /** Byte offset of the {@code return_mask} member. */
    public static final int RETURN_MASK_OFFSET = 88;
    /** {@code sizeof(struct pm_scan_arg)}, in bytes. */
    public static final int SIZE = 96;

    /** The layout as an {@link Aggregate}: {@code struct pm_scan_arg}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("pm_scan_arg", SIZE,
            new Field("size", SIZE_OFFSET, U64_LENGTH),
            new Field("flags", FLAGS_OFFSET, U64),
            new Field("start", START_OFFSET, U64_ADDRESS),
            new Field("end", END_OFFSET, U64_ADDRESS),
            new Field("walk_end", WALK_END_OFFSET, U64_ADDRESS),
            new Field("vec", VEC_OFFSET, U64_ADDRESS),
            new Field("vec_len", VEC_LEN_OFFSET, U64_LENGTH),
            new Field("max_pages", MAX_PAGES_OFFSET, U64_LENGTH),
            new Field("category_inverted", CATEGORY_INVERTED_OFFSET, U64),
            new Field("category_mask", CATEGORY_MASK_OFFSET, U64),
            new Field("category_anyof_mask", CATEGORY_ANYOF_MASK_OFFSET, U64),
            new Field("return_mask", RETURN_MASK_OFFSET, U64));

    /**
     * A {@code struct pm_scan_arg} with {@code size} = {@link #SIZE}, the members given in the
     * struct's order, and {@code walk_end} 0.
     *
     * @param flags             {@code PM_SCAN_*}
     * @param start             the first address scanned
     * @param end               the end of the range scanned
     * @param vec               the address of the {@code struct page_region} array
     * @param vecLen            the regions {@code vec} holds
     * @param maxPages          at most this many pages reported (0: no limit)
     * @param categoryInverted  categories whose sense is inverted before matching
     * @param categoryMask      categories every matched page has
     * @param categoryAnyofMask categories of which a matched page has one at least
     * @param returnMask        the categories reported in each region
     * @return the 96 bytes of the struct, little-endian
     */
    public static byte[] encode(long flags, long start, long end, long vec, long vecLen, long maxPages,
            long categoryInverted, long categoryMask, long categoryAnyofMask, long returnMask) {
        byte[] arg = new byte[SIZE];
        U64.write(arg, SIZE_OFFSET, SIZE);
        U64.write(arg, FLAGS_OFFSET, flags);
        U64.write(arg, START_OFFSET, start);
        U64.write(arg, END_OFFSET, end);
        U64.write(arg, VEC_OFFSET, vec);
        U64.write(arg, VEC_LEN_OFFSET, vecLen);
        U64.write(arg, MAX_PAGES_OFFSET, maxPages);
        U64.write(arg, CATEGORY_INVERTED_OFFSET, categoryInverted);
        U64.write(arg, CATEGORY_MASK_OFFSET, categoryMask);
        U64.write(arg, CATEGORY_ANYOF_MASK_OFFSET, categoryAnyofMask);
        U64.write(arg, RETURN_MASK_OFFSET, returnMask);
        return arg;
    }
}
