package org.mmkit.core.abi;

/**
 * An integer C type of 1, 2, 4 or 8 bytes, little-endian, and how its values read best in a
 * transcript: decimal counts, hexadecimal flags, user addresses, or file descriptors.
 *
 * @param name the C name
 * @param size {@code sizeof}: 1, 2, 4 or 8
 * @param signed whether values are sign-extended when read
 * @param format how a value is shown
 */
public record Scalar(String name, int size, boolean signed, Format format) implements CType {
    /** How a value of the type is shown. */
    public enum Format {
        /** A count or length, in decimal. */
        DECIMAL,
        /** Flags or a mask, in hexadecimal. */
        HEX,
        /** A file mode, in octal with a leading 0. */
        OCTAL,
        /** A user address, named after the scenario's results. */
        ADDRESS,
        /** A file descriptor: its number depends on what else the process has open. */
        DESCRIPTOR,
        /** A value that differs between machines and runs (a device or inode number, a time). */
        OPAQUE
    }

    /**
     * Checks the size.
     *
     * @throws IllegalArgumentException for a size other than 1, 2, 4 or 8
     */
    public Scalar {
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            throw new IllegalArgumentException("scalar size must be 1, 2, 4 or 8: " + size);
        }
    }

    /**
     * The same type shown another way (a {@code __u64} holding an address, say).
     *
     * @param shown the format
     * @return the type with that format
     */
    public Scalar shownAs(Format shown) {
        return new Scalar(name, size, signed, shown);
    }

    /**
     * Reads a value.
     *
     * @param bytes the memory
     * @param offset where the value starts
     * @return the value at {@code offset} of {@code bytes}, sign- or zero-extended to 64 bits
     */
    public long read(byte[] bytes, int offset) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xff);
        }
        int unused = 64 - 8 * size;
        return signed ? value << unused >> unused : value;
    }

    /**
     * Stores the low {@code size} bytes of {@code value} at {@code offset}, as a C assignment would.
     *
     * @param bytes the memory
     * @param offset where the value starts
     * @param value the value, truncated to the type's size
     */
    public void write(byte[] bytes, int offset, long value) {
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /**
     * A value as bytes.
     *
     * @param value the value, truncated to the type's size
     * @return {@code value} in a new buffer of the type's size
     */
    public byte[] bytes(long value) {
        byte[] bytes = new byte[size];
        write(bytes, 0, value);
        return bytes;
    }
}
