package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_poison}, the argument of UFFDIO_POISON (Linux 6.6+); the kernel writes
 * back {@code updated}, the bytes poisoned or a negative errno.
 *
 * <pre>
 *  0                               16              24              32
 * +-------------------------------+---------------+---------------+
 * |  range (struct uffdio_range)  |     mode      | updated (s64) |
 * +-------------------------------+---------------+---------------+
 * </pre>
 */
public final class UffdioPoisonLayout {
    private UffdioPoisonLayout() {
    }

    /** Byte offset of the {@code range} member. */
    public static final int RANGE_OFFSET = 0;
    /** Byte offset of the {@code mode} member. */
    public static final int MODE_OFFSET = 16;
    /** Byte offset of the {@code updated} member. */
    public static final int UPDATED_OFFSET = 24;
    /** {@code sizeof(struct uffdio_poison)}, in bytes. */
    public static final int SIZE = 32;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_poison}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_poison", SIZE,
            new Field("range", RANGE_OFFSET, UffdioRangeLayout.TYPE),
            new Field("mode", MODE_OFFSET, U64),
            new Field("updated", UPDATED_OFFSET, S64));
}
