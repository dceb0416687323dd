package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct rlimit} ({@code include/uapi/linux/resource.h}), which on x86-64 is also
 * {@code struct rlimit64}: what {@code getrlimit}, {@code setrlimit} and {@code prlimit64} read
 * and write. {@code RLIM_INFINITY} is all ones.
 *
 * <pre>
 *  0               8               16
 * +---------------+---------------+
 * |   rlim_cur    |   rlim_max    |
 * +---------------+---------------+
 * </pre>
 */
public final class RlimitLayout {
    private RlimitLayout() {
    }

    /** Byte offset of {@code rlim_cur}, the soft limit. */
    public static final int CUR_OFFSET = 0;
    /** Byte offset of {@code rlim_max}, the hard limit. */
    public static final int MAX_OFFSET = 8;
    /** {@code sizeof(struct rlimit)}, in bytes. */
    public static final int SIZE = 16;

    /** The layout as an {@link Aggregate}: {@code struct rlimit}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("rlimit", SIZE,
            new Field("rlim_cur", CUR_OFFSET, U64_LENGTH),
            new Field("rlim_max", MAX_OFFSET, U64_LENGTH));
}
