package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct page_region} ({@code include/uapi/linux/fs.h}): one region PAGEMAP_SCAN writes
 * into its output vector, pages [start, end) sharing the categories.
 *
 * <pre>
 *  0               8               16              24
 * +---------------+---------------+---------------+
 * |     start     |      end      |  categories   |
 * +---------------+---------------+---------------+
 * </pre>
 */
public final class PageRegionLayout {
    private PageRegionLayout() {
    }

    /** Byte offset of the {@code start} member. */
    public static final int START_OFFSET = 0;
    /** Byte offset of the {@code end} member (exclusive). */
    public static final int END_OFFSET = 8;
    /** Byte offset of the {@code categories} member ({@code PAGE_IS_*} bits). */
    public static final int CATEGORIES_OFFSET = 16;
    /** {@code sizeof(struct page_region)}, in bytes. */
    public static final int SIZE = 24;

    /** The layout as an {@link Aggregate}: {@code struct page_region}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("page_region", SIZE,
            new Field("start", START_OFFSET, U64_ADDRESS),
            new Field("end", END_OFFSET, U64_ADDRESS),
            new Field("categories", CATEGORIES_OFFSET, U64));
}
