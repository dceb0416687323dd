package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffdio_api}, the argument of UFFDIO_API: the caller sets {@code api} and the
 * features it wants; the kernel answers with the features and ioctls it offers.
 *
 * <pre>
 *  0               8               16              24
 * +---------------+---------------+---------------+
 * |      api      |   features    |    ioctls     |
 * +---------------+---------------+---------------+
 * </pre>
 */
public final class UffdioApiLayout {
    private UffdioApiLayout() {
    }

    /** Byte offset of the {@code api} member. */
    public static final int API_OFFSET = 0;
    /** Byte offset of the {@code features} member. */
    public static final int FEATURES_OFFSET = 8;
    /** Byte offset of the {@code ioctls} member. */
    public static final int IOCTLS_OFFSET = 16;
    /** {@code sizeof(struct uffdio_api)}, in bytes. */
    public static final int SIZE = 24;

    /** The layout as an {@link Aggregate}: {@code struct uffdio_api}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffdio_api", SIZE,
            new Field("api", API_OFFSET, U64),
            new Field("features", FEATURES_OFFSET, U64),
            new Field("ioctls", IOCTLS_OFFSET, U64));
}
