package org.mmkit.core.abi;

/** The integer types of {@code include/uapi/linux/types.h} and the C types the ABI uses, on x86-64. */
public final class Scalars {
    private Scalars() {
    }

    /** {@code __u8}. */
    public static final Scalar U8 = new Scalar("__u8", 1, false, Scalar.Format.HEX);
    /** {@code __u16}. */
    public static final Scalar U16 = new Scalar("__u16", 2, false, Scalar.Format.HEX);
    /** {@code __u32}: counts. */
    public static final Scalar U32 = new Scalar("__u32", 4, false, Scalar.Format.DECIMAL);
    /** Flags, modes and bit masks. */
    public static final Scalar U64 = new Scalar("__u64", 8, false, Scalar.Format.HEX);
    /** A user address held in a {@code __u64}. */
    public static final Scalar U64_ADDRESS = U64.shownAs(Scalar.Format.ADDRESS);
    /** A length held in a {@code __u64}. */
    public static final Scalar U64_LENGTH = U64.shownAs(Scalar.Format.DECIMAL);
    /** {@code __s64}. */
    public static final Scalar S64 = new Scalar("__s64", 8, true, Scalar.Format.DECIMAL);
    /** {@code int}. */
    public static final Scalar INT = new Scalar("int", 4, true, Scalar.Format.DECIMAL);
    /** A file descriptor held in an {@code int}. */
    public static final Scalar FD = INT.shownAs(Scalar.Format.DESCRIPTOR);
    /** A file descriptor held in a {@code __u32}. */
    public static final Scalar U32_FD = U32.shownAs(Scalar.Format.DESCRIPTOR);
    /** Event masks ({@code short} in {@code struct pollfd}). */
    public static final Scalar SHORT_FLAGS = new Scalar("short", 2, true, Scalar.Format.HEX);
    /** {@code unsigned long}: counts. */
    public static final Scalar ULONG = new Scalar("unsigned long", 8, false, Scalar.Format.DECIMAL);
    /** An {@code unsigned long} that differs between machines and runs: device and inode numbers. */
    public static final Scalar ULONG_OPAQUE = ULONG.shownAs(Scalar.Format.OPAQUE);
    /** {@code long}. */
    public static final Scalar LONG = new Scalar("long", 8, true, Scalar.Format.DECIMAL);
    /** A {@code long} that differs between runs: times. */
    public static final Scalar LONG_OPAQUE = LONG.shownAs(Scalar.Format.OPAQUE);
    /** A file mode ({@code st_mode}, an {@code unsigned int}), shown in octal. */
    public static final Scalar MODE = new Scalar("unsigned int", 4, false, Scalar.Format.OCTAL);
    /** {@code unsigned int}: ids. */
    public static final Scalar UINT = new Scalar("unsigned int", 4, false, Scalar.Format.DECIMAL);
    /** A file offset or size ({@code long long} on x86-64). */
    public static final Scalar LOFF_T = new Scalar("loff_t", 8, true, Scalar.Format.DECIMAL);
}
