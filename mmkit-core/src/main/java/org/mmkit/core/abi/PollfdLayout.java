package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct pollfd} ({@code include/uapi/asm-generic/poll.h}), one element of the array
 * {@code poll} reads; the kernel writes back only {@code revents}.
 *
 * <pre>
 *  0               4       6       8
 * +---------------+-------+-------+
 * |      fd       |events |revents|
 * +---------------+-------+-------+
 * </pre>
 */
public final class PollfdLayout {
    private PollfdLayout() {
    }

    /** Byte offset of the {@code fd} member. */
    public static final int FD_OFFSET = 0;
    /** Byte offset of the {@code events} member. */
    public static final int EVENTS_OFFSET = 4;
    /** Byte offset of the {@code revents} member. */
    public static final int REVENTS_OFFSET = 6;
    /** {@code sizeof(struct pollfd)}, in bytes. */
    public static final int SIZE = 8;

    /** The layout as an {@link Aggregate}: {@code struct pollfd}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("pollfd", SIZE,
            new Field("fd", FD_OFFSET, FD),
            new Field("events", EVENTS_OFFSET, SHORT_FLAGS),
            new Field("revents", REVENTS_OFFSET, SHORT_FLAGS));
}
