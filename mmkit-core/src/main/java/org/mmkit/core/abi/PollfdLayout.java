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

    public static final int FD_OFFSET = 0;
    public static final int EVENTS_OFFSET = 4;
    public static final int REVENTS_OFFSET = 6;
    public static final int SIZE = 8;

    public static final Aggregate TYPE = Aggregate.struct("pollfd", SIZE,
            new Field("fd", FD_OFFSET, FD),
            new Field("events", EVENTS_OFFSET, SHORT_FLAGS),
            new Field("revents", REVENTS_OFFSET, SHORT_FLAGS));
}
