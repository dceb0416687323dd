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

    public static final int RANGE_OFFSET = 0;
    public static final int MODE_OFFSET = 16;
    public static final int SIZE = 24;

    public static final Aggregate TYPE = Aggregate.struct("uffdio_writeprotect", SIZE,
            new Field("range", RANGE_OFFSET, UffdioRangeLayout.TYPE),
            new Field("mode", MODE_OFFSET, U64));
}
