package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_zeropage}, the argument of UFFDIO_ZEROPAGE; the kernel writes back
 * {@code zeropage}, the bytes mapped or a negative errno.
 *
 * <pre>
 *  0                               16              24              32
 * +-------------------------------+---------------+---------------+
 * |  range (struct uffdio_range)  |     mode      | zeropage (s64)|
 * +-------------------------------+---------------+---------------+
 * </pre>
 */
public final class UffdioZeropageLayout {
    private UffdioZeropageLayout() {
    }

    /** Byte offset of the {@code range} member. */
    public static final int RANGE_OFFSET = 0;
    /** Byte offset of the {@code mode} member. */
    public static final int MODE_OFFSET = 16;
    /** Byte offset of the {@code zeropage} member. */
    public static final int ZEROPAGE_OFFSET = 24;
    /** {@code sizeof(struct uffdio_zeropage)}, in bytes. */
    public static final int SIZE = 32;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_zeropage}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_zeropage", SIZE,
            new Field("range", RANGE_OFFSET, UffdioRangeLayout.TYPE),
            new Field("mode", MODE_OFFSET, U64),
            new Field("zeropage", ZEROPAGE_OFFSET, S64));
}
