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

    /** Byte offset of the {@code start} member. */
    public static final int START_OFFSET = 0;
    /** Byte offset of the {@code len} member. */
    public static final int LEN_OFFSET = 8;
    /** {@code sizeof(struct uffdio_range)}, in bytes. */
    public static final int SIZE = 16;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_range}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_range", SIZE,
            new Field("start", START_OFFSET, U64_ADDRESS),
            new Field("len", LEN_OFFSET, U64_LENGTH));
}
