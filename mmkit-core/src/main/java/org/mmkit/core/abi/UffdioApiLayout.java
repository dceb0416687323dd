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

    public static final int API_OFFSET = 0;
    public static final int FEATURES_OFFSET = 8;
    public static final int IOCTLS_OFFSET = 16;
    public static final int SIZE = 24;

    public static final Aggregate TYPE = Aggregate.struct("uffdio_api", SIZE,
            new Field("api", API_OFFSET, U64),
            new Field("features", FEATURES_OFFSET, U64),
            new Field("ioctls", IOCTLS_OFFSET, U64));
}
