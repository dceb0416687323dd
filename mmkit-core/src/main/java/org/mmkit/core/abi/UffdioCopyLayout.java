package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_copy}, the argument of UFFDIO_COPY; the kernel writes back {@code copy},
 * the bytes copied or a negative errno.
 *
 * <pre>
 *  0               8               16              24              32              40
 * +---------------+---------------+---------------+---------------+---------------+
 * |      dst      |      src      |      len      |     mode      |  copy (s64)   |
 * +---------------+---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class UffdioCopyLayout {
    private UffdioCopyLayout() {
    }

    /** Byte offset of the {@code dst} member. */
    public static final int DST_OFFSET = 0;
    /** Byte offset of the {@code src} member. */
    public static final int SRC_OFFSET = 8;
    /** Byte offset of the {@code len} member. */
    public static final int LEN_OFFSET = 16;
    /** Byte offset of the {@code mode} member. */
    public static final int MODE_OFFSET = 24;
    /** Byte offset of the {@code copy} member. */
    public static final int COPY_OFFSET = 32;
    /** {@code sizeof(struct uffdio_copy)}, in bytes. */
    public static final int SIZE = 40;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_copy}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_copy", SIZE,
            new Field("dst", DST_OFFSET, U64_ADDRESS),
            new Field("src", SRC_OFFSET, U64_ADDRESS),
            new Field("len", LEN_OFFSET, U64_LENGTH),
            new Field("mode", MODE_OFFSET, U64),
            new Field("copy", COPY_OFFSET, S64));
}
