package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_register}, the argument of UFFDIO_REGISTER; the kernel writes back
 * {@code ioctls}, the range ioctls the registered range allows.
 *
 * <pre>
 *  0                               16              24              32
 * +-------------------------------+---------------+---------------+
 * |  range (struct uffdio_range)  |     mode      |    ioctls     |
 * +-------------------------------+---------------+---------------+
 * </pre>
 */
public final class UffdioRegisterLayout {
    private UffdioRegisterLayout() {
    }

    public static final int RANGE_OFFSET = 0;
    public static final int MODE_OFFSET = 16;
    public static final int IOCTLS_OFFSET = 24;
    public static final int SIZE = 32;

    public static final Aggregate TYPE = Aggregate.struct("uffdio_register", SIZE,
            new Field("range", RANGE_OFFSET, UffdioRangeLayout.TYPE),
            new Field("mode", MODE_OFFSET, U64),
            new Field("ioctls", IOCTLS_OFFSET, U64));
}
