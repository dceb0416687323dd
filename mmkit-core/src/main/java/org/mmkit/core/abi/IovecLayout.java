package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct iovec} ({@code include/uapi/linux/uio.h}), one element of the array
 * {@code readv}, {@code writev}, {@code preadv} and {@code pwritev} read.
 *
 * <pre>
 *  0                8                16
 * +----------------+----------------+
 * |    iov_base    |    iov_len     |
 * +----------------+----------------+
 * </pre>
 */
public final class IovecLayout {
    private IovecLayout() {
    }

    /** Byte offset of the {@code iov_base} member. */
    public static final int BASE_OFFSET = 0;
    /** Byte offset of the {@code iov_len} member. */
    public static final int LEN_OFFSET = 8;
    /** {@code sizeof(struct iovec)}, in bytes. */
    public static final int SIZE = 16;

    /** The layout as an {@link Aggregate}: {@code struct iovec}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("iovec", SIZE,
            new Field("iov_base", BASE_OFFSET, U64_ADDRESS),
            new Field("iov_len", LEN_OFFSET, U64_LENGTH));
}
