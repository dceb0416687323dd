package org.mmkit.core.abi;

/**
 * A C type of the user-space ABI as it lies in memory: a {@link Scalar} or an {@link Aggregate}
 * (struct or union). Sizes and offsets are those of x86-64.
 */
public sealed interface CType permits Scalar, Aggregate {
    /**
     * The C name.
     *
     * @return e.g. {@code loff_t}, {@code __u64}, {@code uffdio_register}
     */
    String name();

    /**
     * {@code sizeof}, in bytes.
     *
     * @return the size
     */
    int size();
}
