/**
 * A model of the Linux 6.18 memory-management subsystem on x86-64: start at
 * {@link org.mmkit.core.Kernel}. {@code org.mmkit.core} is the API; {@code org.mmkit.core.abi}
 * holds the layouts of what the kernel and user space exchange (pagemap entries, structs).
 * Everything else is the model's inside and is not exported.
 */
module org.mmkit.core {
    exports org.mmkit.core;
    exports org.mmkit.core.abi;
}
