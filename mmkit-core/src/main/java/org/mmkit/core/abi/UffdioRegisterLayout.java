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

    /** Byte offset of the {@code range} member. */
    public static final int RANGE_OFFSET = 0;
    /** Byte offset of the {@code mode} member. */
    public static final int MODE_OFFSET = 16;
    /** Byte offset of the {@code ioctls} member. */
    public static final int IOCTLS_OFFSET = 24;
    /** {@code sizeof(struct uffdio_register)}, in bytes. */
    public static final int SIZE = 32;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_register}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_register", SIZE,
            new Field("range", RANGE_OFFSET, UffdioRangeLayout.TYPE),
            new Field("mode", MODE_OFFSET, U64),
            new Field("ioctls", IOCTLS_OFFSET, U64));
}
