package org.mmkit.core.abi;

import static org.mmkit.core.abi.Scalars.*;

/**
 * {@code struct stat} of x86-64 ({@code arch/x86/include/uapi/asm/stat.h}), which {@code fstat}
 * writes. The device and inode numbers and the times differ from machine to machine and run to
 * run: they are {@link Scalar.Format#OPAQUE} (the model keeps no times; they are 0).
 *
 * <pre>
 *  0        8        16        24      28     32     36      40       48       56         64
 * +--------+--------+---------+-------+------+------+-------+--------+--------+----------+---------+
 * | st_dev | st_ino | st_nlink|st_mode|st_uid|st_gid| pad0  | st_rdev| st_size|st_blksize|st_blocks|
 * +--------+--------+---------+-------+------+------+-------+--------+--------+----------+---------+
 *  72: st_atime, st_atime_nsec, st_mtime, st_mtime_nsec, st_ctime, st_ctime_nsec; 120: 3 unused longs
 * </pre>
 */
public final class StatLayout {
    private StatLayout() {
    }

    /** Byte offset of {@code st_dev}. */
    public static final int DEV_OFFSET = 0;
    /** Byte offset of {@code st_ino}. */
    public static final int INO_OFFSET = 8;
    /** Byte offset of {@code st_nlink}. */
    public static final int NLINK_OFFSET = 16;
    /** Byte offset of {@code st_mode}. */
    public static final int MODE_OFFSET = 24;
    /** Byte offset of {@code st_uid}. */
    public static final int UID_OFFSET = 28;
    /** Byte offset of {@code st_gid}. */
    public static final int GID_OFFSET = 32;
    /** Byte offset of {@code st_rdev}. */
    public static final int RDEV_OFFSET = 40;
    /** Byte offset of {@code st_size}. */
    public static final int SIZE_OFFSET = 48;
    /** Byte offset of {@code st_blksize}. */
    public static final int BLKSIZE_OFFSET = 56;
    /** Byte offset of {@code st_blocks}: 512-byte units. */
    public static final int BLOCKS_OFFSET = 64;
    /** Byte offset of {@code st_atime}; {@code st_mtime} and {@code st_ctime} follow, each with its nanoseconds. */
    public static final int ATIME_OFFSET = 72;
    /** Byte offset of {@code __unused[3]}. */
    public static final int UNUSED_OFFSET = 120;
    /** {@code sizeof(struct stat)}, in bytes. */
    public static final int SIZE = 144;

    /** The layout as an {@link Aggregate}: {@code struct stat}, member by member. */
    public static final Aggregate TYPE = Aggregate.struct("stat", SIZE,
            new Field("st_dev", DEV_OFFSET, ULONG_OPAQUE),
            new Field("st_ino", INO_OFFSET, ULONG_OPAQUE),
            new Field("st_nlink", NLINK_OFFSET, ULONG),
            new Field("st_mode", MODE_OFFSET, MODE),
            new Field("st_uid", UID_OFFSET, UINT),
            new Field("st_gid", GID_OFFSET, UINT),
            new Field("__pad0", GID_OFFSET + 4, INT),
            new Field("st_rdev", RDEV_OFFSET, ULONG),
            new Field("st_size", SIZE_OFFSET, LONG),
            new Field("st_blksize", BLKSIZE_OFFSET, LONG),
            new Field("st_blocks", BLOCKS_OFFSET, LONG),
            new Field("st_atime", ATIME_OFFSET, LONG_OPAQUE),
            new Field("st_atime_nsec", ATIME_OFFSET + 8, LONG_OPAQUE),
            new Field("st_mtime", ATIME_OFFSET + 16, LONG_OPAQUE),
            new Field("st_mtime_nsec", ATIME_OFFSET + 24, LONG_OPAQUE),
            new Field("st_ctime", ATIME_OFFSET + 32, LONG_OPAQUE),
            new Field("st_ctime_nsec", ATIME_OFFSET + 40, LONG_OPAQUE),
            new Field("__unused0", UNUSED_OFFSET, LONG),
            new Field("__unused1", UNUSED_OFFSET + 8, LONG),
            new Field("__unused2", UNUSED_OFFSET + 16, LONG));
}
