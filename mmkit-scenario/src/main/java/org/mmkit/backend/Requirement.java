package org.mmkit.backend;

/**
 * What a scenario needs from a backend ({@code requires:} lines). {@code kernel} takes a minimum
 * version argument such as {@code 6.15}; the others take none. {@code OOM}: the backend can run a
 * process out of memory without harm, so the OOM killer's SIGKILL can be shown (the model, whose
 * RAM is simulated; never the real kernel, whose OOM killer may pick any process of the machine).
 */
public record Requirement(Kind kind, String argument) {
    /**
     * The size of the swap area a backend lends a {@code swap} scenario when its machine has none
     * (a zram device or a swap file on the kernel, {@code swapon} on the model), so that both
     * number its slots alike.
     */
    public static final long LENT_SWAP_BYTES = 64L << 20;
    /** The priority of a lent swap area: the first {@code swapon} without a preferred priority gets -2. */
    public static final int LENT_SWAP_PRIORITY = -2;

    public enum Kind {
        ROOT, UFFD,
        /**
         * userfaultfd's non-cooperative events (FORK, REMAP, REMOVE, UNMAP): the call that causes
         * one waits until a reader takes it.
         */
        UFFD_EVENTS,
        SWAP, HUGETLB, SOFT_DIRTY,
        /** A kernel without CONFIG_MEM_SOFT_DIRTY, such as this machine's: clear_refs 4 does nothing. */
        NO_SOFT_DIRTY,
        ZERO_PAGE, NO_ZERO_PAGE, THP, OOM, KERNEL,
        /**
         * The scenario's processes run in a memory cgroup of their own (the kernel backend
         * creates and removes it), so that {@code reclaim()} can take what they have in memory.
         */
        MEMCG,
        /** CONFIG_ANON_VMA_NAME: PR_SET_VMA_ANON_NAME names VMAs; {@code NO_ANON_VMA_NAME}: it fails with EINVAL. */
        ANON_VMA_NAME, NO_ANON_VMA_NAME;

        /** The name a {@code requires:} line gives it: {@code soft-dirty}, {@code kernel}. */
        public String scenarioName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
