package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_move}, the argument of UFFDIO_MOVE (Linux 6.8+); the kernel writes back
 * {@code move}, the bytes moved or a negative errno.
 *
 * <pre>
 *  0               8               16              24              32              40
 * +---------------+---------------+---------------+---------------+---------------+
 * |      dst      |      src      |      len      |     mode      |  move (s64)   |
 * +---------------+---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class UffdioMoveLayout {
    private UffdioMoveLayout() {
    }

    /** Byte offset of the {@code dst} member. */
    public static final int DST_OFFSET = 0;
    /** Byte offset of the {@code src} member. */
    public static final int SRC_OFFSET = 8;
    /** Byte offset of the {@code len} member. */
    public static final int LEN_OFFSET = 16;
    /** Byte offset of the {@code mode} member. */
    public static final int MODE_OFFSET = 24;
    /** Byte offset of the {@code move} member. */
    public static final int MOVE_OFFSET = 32;
    /** {@code sizeof(struct uffdio_move)}, in bytes. */
    public static final int SIZE = 40;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_move}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_move", SIZE,
            new Field("dst", DST_OFFSET, U64_ADDRESS),
            new Field("src", SRC_OFFSET, U64_ADDRESS),
            new Field("len", LEN_OFFSET, U64_LENGTH),
            new Field("mode", MODE_OFFSET, U64),
            new Field("move", MOVE_OFFSET, S64));
}
