package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_continue}, the argument of UFFDIO_CONTINUE; the kernel writes back
 * {@code mapped}, the bytes mapped or a negative errno.
 *
 * <pre>
 *  0                               16              24              32
 * +-------------------------------+---------------+---------------+
 * |  range (struct uffdio_range)  |     mode      |  mapped (s64) |
 * +-------------------------------+---------------+---------------+
 * </pre>
 */
public final class UffdioContinueLayout {
    private UffdioContinueLayout() {
    }

    /** Byte offset of the {@code range} member. */
    public static final int RANGE_OFFSET = 0;
    /** Byte offset of the {@code mode} member. */
    public static final int MODE_OFFSET = 16;
    /** Byte offset of the {@code mapped} member. */
    public static final int MAPPED_OFFSET = 24;
    /** {@code sizeof(struct uffdio_continue)}, in bytes. */
    public static final int SIZE = 32;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_continue}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_continue", SIZE,
            new Field("range", RANGE_OFFSET, UffdioRangeLayout.TYPE),
            new Field("mode", MODE_OFFSET, U64),
            new Field("mapped", MAPPED_OFFSET, S64));
}
