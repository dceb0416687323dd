package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_range} ({@code include/uapi/linux/userfaultfd.h}): the range argument of
 * UFFDIO_UNREGISTER and UFFDIO_WAKE, and the first member of the range ioctls' structs.
 *
 * <pre>
 *  0               8               16
 * +---------------+---------------+
 * |     start     |      len      |
 * +---------------+---------------+
 * </pre>
 */
public final class UffdioRangeLayout {
    private UffdioRangeLayout() {
    }

    public static final int START_OFFSET = 0;
    public static final int LEN_OFFSET = 8;
    public static final int SIZE = 16;

    public static final Aggregate TYPE = Aggregate.struct("uffdio_range", SIZE,
            new Field("start", START_OFFSET, U64_ADDRESS),
            new Field("len", LEN_OFFSET, U64_LENGTH));
}
