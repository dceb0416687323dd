package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct uffd_msg} (packed), what {@code read} on a userfaultfd returns: an event code and
 * a union of per-event arguments at offset 8.
 *
 * <pre>
 *  0    1    2         4                   8                                         32
 * +----+----+---------+-------------------+------------------------------------------+
 * | ev | r1 |   r2    |        r3         | arg (union, 24 bytes)                    |
 * +----+----+---------+-------------------+------------------------------------------+
 * arg.pagefault: flags @0, address @8, feat.ptid (u32) @16
 * arg.fork:      ufd (u32) @0
 * arg.remap:     from @0, to @8, len @16
 * arg.remove:    start @0, end @8
 * arg.reserved:  reserved1 @0, reserved2 @8, reserved3 @16
 * </pre>
 */
public final class UffdMsgLayout {
    private UffdMsgLayout() {
    }

    /** Byte offset of the {@code event} member. */
    public static final int EVENT_OFFSET = 0;
    /** Byte offset of the {@code reserved1} member. */
    public static final int RESERVED1_OFFSET = 1;
    /** Byte offset of the {@code reserved2} member. */
    public static final int RESERVED2_OFFSET = 2;
    /** Byte offset of the {@code reserved3} member. */
    public static final int RESERVED3_OFFSET = 4;
    /** Byte offset of the {@code arg} member. */
    public static final int ARG_OFFSET = 8;
    /** Bytes of the {@code arg} union. */
    public static final int ARG_SIZE = 24;
    /** {@code sizeof(struct uffd_msg)}, in bytes. */
    public static final int SIZE = 32;

    /** Byte offset of {@code arg.pagefault.flags} within {@code arg}. */
    public static final int PAGEFAULT_FLAGS_OFFSET = 0;
    /** Byte offset of {@code arg.pagefault.address} within {@code arg}. */
    public static final int PAGEFAULT_ADDRESS_OFFSET = 8;
    /** Byte offset of {@code arg.pagefault.feat} within {@code arg}. */
    public static final int PAGEFAULT_FEAT_OFFSET = 16;
    /** Byte offset of {@code arg.fork.ufd} within {@code arg}. */
    public static final int FORK_UFD_OFFSET = 0;
    /** Byte offset of {@code arg.remap.from} within {@code arg}. */
    public static final int REMAP_FROM_OFFSET = 0;
    /** Byte offset of {@code arg.remap.to} within {@code arg}. */
    public static final int REMAP_TO_OFFSET = 8;
    /** Byte offset of {@code arg.remap.len} within {@code arg}. */
    public static final int REMAP_LEN_OFFSET = 16;
    /** Byte offset of {@code arg.remove.start} within {@code arg}. */
    public static final int REMOVE_START_OFFSET = 0;
    /** Byte offset of {@code arg.remove.end} within {@code arg}. */
    public static final int REMOVE_END_OFFSET = 8;

    private static final Aggregate FEAT = Aggregate.union("feat", 4, new Field("ptid", 0, U32));
    private static final Aggregate PAGEFAULT = Aggregate.struct("pagefault", ARG_SIZE,
            new Field("flags", PAGEFAULT_FLAGS_OFFSET, U64),
            new Field("address", PAGEFAULT_ADDRESS_OFFSET, U64_ADDRESS),
            new Field("feat", PAGEFAULT_FEAT_OFFSET, FEAT));
    private static final Aggregate FORK = Aggregate.struct("fork", 4, new Field("ufd", FORK_UFD_OFFSET, U32_FD));
    private static final Aggregate REMAP = Aggregate.struct("remap", ARG_SIZE,
            new Field("from", REMAP_FROM_OFFSET, U64_ADDRESS),
            new Field("to", REMAP_TO_OFFSET, U64_ADDRESS),
            new Field("len", REMAP_LEN_OFFSET, U64_LENGTH));
    private static final Aggregate REMOVE = Aggregate.struct("remove", 16,
            new Field("start", REMOVE_START_OFFSET, U64_ADDRESS),
            new Field("end", REMOVE_END_OFFSET, U64_ADDRESS));
    private static final Aggregate RESERVED = Aggregate.struct("reserved", ARG_SIZE,
            new Field("reserved1", 0, U64), new Field("reserved2", 8, U64), new Field("reserved3", 16, U64));
    private static final Aggregate ARG = Aggregate.union("arg", ARG_SIZE,
            new Field("pagefault", 0, PAGEFAULT), new Field("fork", 0, FORK), new Field("remap", 0, REMAP),
            new Field("remove", 0, REMOVE), new Field("reserved", 0, RESERVED));

    /** The layout as an {@link Aggregate}: {@code struct uffd_msg}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("uffd_msg", SIZE,
            new Field("event", EVENT_OFFSET, U8),
            new Field("reserved1", RESERVED1_OFFSET, U8),
            new Field("reserved2", RESERVED2_OFFSET, U16),
            new Field("reserved3", RESERVED3_OFFSET, U32),
            new Field("arg", ARG_OFFSET, ARG));
}
