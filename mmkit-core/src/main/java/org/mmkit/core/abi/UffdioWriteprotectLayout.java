package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_writeprotect}, the argument of UFFDIO_WRITEPROTECT.
 *
 * <pre>
 *  0                               16              24
 * +-------------------------------+---------------+
 * |  range (struct uffdio_range)  |     mode      |
 * +-------------------------------+---------------+
 * </pre>
 */
public final class UffdioWriteprotectLayout {
    private UffdioWriteprotectLayout() {
    }

    /** Byte offset of the {@code range} member. */
    public static final int RANGE_OFFSET = 0;
    /** Byte offset of the {@code mode} member. */
    public static final int MODE_OFFSET = 16;
    /** {@code sizeof(struct uffdio_writeprotect)}, in bytes. */
    public static final int SIZE = 24;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_writeprotect}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_writeprotect", SIZE,
            new Field("range", RANGE_OFFSET, UffdioRangeLayout.TYPE),
            new Field("mode", MODE_OFFSET, U64));
}
