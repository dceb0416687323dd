package org.mmkit.core;

import java.util.List;
import org.mmkit.core.mem.PhysicalMemory;

/**
 * Immutable configuration of a simulated machine: the kernel version and build behaviour being
 * modelled, and the machine's limits. Start from a profile such as {@link #linux618()} and adjust
 * with {@link #toBuilder()}.
 *
 * @param kernelVersion       the modelled kernel release as {@code major * 100 + minor} (618 = 6.18)
 * @param ramPages            page frames of simulated RAM (4 KiB each), including the reserved frame 0 and the zero
 *                            page; from 16 to 2^31-1. RAM costs nothing up front but 8 bytes of Java heap per 256
 *                            frames: each frame first used costs 24 bytes of heap for its {@code struct page}
 *                            (allocated 256 frames at a time) and its 4 KiB of contents off-heap, in host memory
 *                            reserved at creation and backed as it is first written; each freed frame costs 4 more
 *                            bytes on the free list. A machine that touches all of 1 GiB (2^18 frames) thus holds
 *                            about 7 MiB of heap and 1 GiB off-heap.
 * @param maxMapCount         {@code vm.max_map_count}; a new VMA is refused once the count exceeds it
 * @param taskSize            {@code TASK_SIZE}: the end of the user address space
 * @param mmapBase            where top-down placement starts ({@code mm->mmap_base}, no randomisation)
 * @param mmapMinAddr         {@code vm.mmap_min_addr}; lower fixed mappings need a privileged process
 * @param softDirty           CONFIG_MEM_SOFT_DIRTY (off on the reference kernel)
 * @param sharedZeroPage      whether a read fault on anonymous memory maps the shared zero page (as
 *                            upstream Linux does); off, it gets a private zeroed page instead, as on
 *                            some virtualised hosts that boot with the zero page disabled for faults
 *                            ({@code UFFDIO_ZEROPAGE} still maps it there, as on the reference machine)
 * @param anonVmaName         CONFIG_ANON_VMA_NAME: whether {@code prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, ...)}
 *                            names anonymous VMAs (on in the profile); off, it fails with EINVAL, as on the
 *                            reference machine's kernel
 * @param unprivilegedUserfaultfd {@code vm.unprivileged_userfaultfd}: whether a process without CAP_SYS_PTRACE may
 *                            create a userfaultfd that also handles kernel-mode faults (off in the profile, as on
 *                            the reference machine: such a process needs {@code UFFD_USER_MODE_ONLY})
 * @param swapAreas           the swap areas switched on at boot, in swapon order (their types are 0, 1, ...);
 *                            none in the profile, like the reference machine
 */
public record KernelConfig(int kernelVersion, long ramPages, int maxMapCount, long taskSize,
        long mmapBase, long mmapMinAddr, boolean softDirty, boolean sharedZeroPage, boolean anonVmaName,
        boolean unprivilegedUserfaultfd, List<SwapSpace> swapAreas) {

    /**
     * A swap area: a device or file that {@code swapon} activated.
     *
     * @param pages    its size in pages, the header page included ({@code /proc/swaps} shows one page less);
     *                 at least 2
     * @param priority its priority: areas of higher priority fill first ({@code swapon} without
     *                 {@code SWAP_FLAG_PREFER} gives -2, -3, ... in order)
     */
    public record SwapSpace(long pages, int priority) {
        /**
         * Checks the size.
         *
         * @throws IllegalArgumentException for fewer than 2 or more than 2^31-1 pages
         */
        public SwapSpace {
            if (pages < 2 || pages > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a swap area needs 2 to 2^31-1 pages, not " + pages);
            }
        }
    }

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException for RAM outside the frame counts physical memory allows, a
     *         map count below 1, or an unaligned or misordered task size and mmap base
     */
    public KernelConfig {
        PhysicalMemory.checkFrameCount(ramPages);
        if (maxMapCount < 1) {
            throw new IllegalArgumentException("maxMapCount must be positive: " + maxMapCount);
        }
        if ((taskSize & (Uapi.PAGE_SIZE - 1)) != 0 || (mmapBase & (Uapi.PAGE_SIZE - 1)) != 0 || mmapBase > taskSize) {
            throw new IllegalArgumentException("taskSize and mmapBase must be page aligned, mmapBase <= taskSize");
        }
        swapAreas = List.copyOf(swapAreas);
    }

    /**
     * Linux 6.18 on x86-64 with 4-level paging as on the reference machine: 1 GiB of RAM,
     * {@code vm.max_map_count} 65530, {@code vm.mmap_min_addr} 4096, no soft-dirty, the shared zero page,
     * anonymous VMA names, {@code vm.unprivileged_userfaultfd} 0, mmap base 128 MiB below the task size (ASLR off, and a stack limit of at most 127 MiB, so the
     * gap that {@code mmap_base} leaves for the stack is its 128 MiB minimum; the kernel backend's
     * executor lowers a larger limit).
     *
     * @return the profile
     */
    public static KernelConfig linux618() {
        long taskSize = 0x7ffffffff000L;
        return new KernelConfig(618, 1L << 18, 65530, taskSize, taskSize - (128L << 20), 4096, false, true, true, false,
                List.of());
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a builder to change some values of a copy
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder for a changed copy of a configuration. */
    public static final class Builder {
        private int kernelVersion;
        private long ramPages;
        private int maxMapCount;
        private long taskSize;
        private long mmapBase;
        private long mmapMinAddr;
        private boolean softDirty;
        private boolean sharedZeroPage;
        private boolean anonVmaName;
        private boolean unprivilegedUserfaultfd;
        private List<SwapSpace> swapAreas;

        private Builder(KernelConfig c) {
            kernelVersion = c.kernelVersion;
            ramPages = c.ramPages;
            maxMapCount = c.maxMapCount;
            taskSize = c.taskSize;
            mmapBase = c.mmapBase;
            mmapMinAddr = c.mmapMinAddr;
            softDirty = c.softDirty;
            sharedZeroPage = c.sharedZeroPage;
            anonVmaName = c.anonVmaName;
            unprivilegedUserfaultfd = c.unprivilegedUserfaultfd;
            swapAreas = c.swapAreas;
        }

        /**
         * Sets the simulated RAM in page frames.
         *
         * @param pages frames of 4 KiB, the two reserved ones included
         * @return this builder
         */
        public Builder ramPages(long pages) {
            ramPages = pages;
            return this;
        }

        /**
         * Sets the simulated RAM in bytes.
         *
         * @param bytes the size, rounded down to whole pages
         * @return this builder
         */
        public Builder ramBytes(long bytes) {
            return ramPages(bytes >>> Uapi.PAGE_SHIFT);
        }

        /**
         * Sets {@code vm.max_map_count}.
         *
         * @param count the most VMAs one address space may have
         * @return this builder
         */
        public Builder maxMapCount(int count) {
            maxMapCount = count;
            return this;
        }

        /**
         * Sets whether the kernel is built with soft-dirty tracking.
         *
         * @param on true for {@code CONFIG_MEM_SOFT_DIRTY}
         * @return this builder
         */
        public Builder softDirty(boolean on) {
            softDirty = on;
            return this;
        }

        /**
         * Sets whether read faults on anonymous memory map the shared zero page.
         *
         * @param on false for a kernel where {@code mm_forbids_zeropage()} holds
         * @return this builder
         */
        public Builder sharedZeroPage(boolean on) {
            sharedZeroPage = on;
            return this;
        }

        /**
         * Sets whether the kernel is built with anonymous VMA names.
         *
         * @param on true for {@code CONFIG_ANON_VMA_NAME}
         * @return this builder
         */
        public Builder anonVmaName(boolean on) {
            anonVmaName = on;
            return this;
        }

        /**
         * Sets {@code vm.unprivileged_userfaultfd}.
         *
         * @param on true to let processes without CAP_SYS_PTRACE handle kernel-mode faults with userfaultfd
         * @return this builder
         */
        public Builder unprivilegedUserfaultfd(boolean on) {
            unprivilegedUserfaultfd = on;
            return this;
        }

        /**
         * Sets the swap areas switched on at boot.
         *
         * @param areas the areas in swapon order; empty for none
         * @return this builder
         */
        public Builder swapAreas(List<SwapSpace> areas) {
            swapAreas = List.copyOf(areas);
            return this;
        }

        /**
         * The configuration.
         *
         * @return a new configuration with the values set
         * @throws IllegalArgumentException if a value is out of range
         */
        public KernelConfig build() {
            return new KernelConfig(kernelVersion, ramPages, maxMapCount, taskSize, mmapBase, mmapMinAddr, softDirty,
                    sharedZeroPage, anonVmaName, unprivilegedUserfaultfd, swapAreas);
        }
    }
}
