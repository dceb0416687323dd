package org.mmkit.core;

/**
 * A simulated machine running the modelled Linux kernel: physical memory, page cache and
 * processes. Create one with {@link #create(KernelConfig)}; every process of a kernel shares its
 * physical memory, so fork, shared mappings and memfds behave as on one real machine.
 */
public final class Kernel {
    private final KernelConfig config;

    private Kernel(KernelConfig config) {
        this.config = config;
    }

    /** A new machine with no processes. */
    public static Kernel create(KernelConfig config) {
        return new Kernel(config);
    }

    public KernelConfig config() {
        return config;
    }

    /**
     * A new process with an empty address space and no open files.
     *
     * @param privileged whether it holds CAP_SYS_ADMIN (sees PFNs in pagemap, may map below
     *                   {@code mmap_min_addr})
     */
    public SimProcess newProcess(boolean privileged) {
        throw new UnsupportedOperationException("work in progress");
    }
}
