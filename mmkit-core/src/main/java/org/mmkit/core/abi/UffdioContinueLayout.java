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

    public static final int RANGE_OFFSET = 0;
    public static final int MODE_OFFSET = 16;
    public static final int MAPPED_OFFSET = 24;
    public static final int SIZE = 32;

    public static final Aggregate TYPE = Aggregate.struct("uffdio_continue", SIZE,
            new Field("range", RANGE_OFFSET, UffdioRangeLayout.TYPE),
            new Field("mode", MODE_OFFSET, U64),
            new Field("mapped", MAPPED_OFFSET, S64));
}
