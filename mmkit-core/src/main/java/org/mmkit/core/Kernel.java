package org.mmkit.core;

import org.mmkit.core.mm.Machine;
import org.mmkit.core.mm.Task;

/**
 * A simulated machine running the modelled Linux kernel: physical memory, page cache and
 * processes. Create one with {@link #create(KernelConfig)}; every process of a kernel shares its
 * physical memory, so fork, shared mappings and memfds behave as on one real machine.
 *
 * <p>Close it when done: its RAM is off-heap memory that only {@link #close} frees. Closing twice
 * is harmless; after close, {@link #newProcess}, {@link #checkInvariants} and every operation of
 * its processes and threads throw {@link IllegalStateException} ("kernel is closed"). Every
 * method is thread-safe.
 */
public final class Kernel implements AutoCloseable {
    private final Machine machine;

    private Kernel(KernelConfig config) {
        this.machine = new Machine(config);
    }

    /**
     * A new machine with no processes. Its RAM is allocated off the Java heap: close it.
     *
     * @param config the kernel and machine to model, e.g. {@link KernelConfig#linux618()}
     * @return the machine
     */
    public static Kernel create(KernelConfig config) {
        return new Kernel(config);
    }

    /**
     * The configuration this machine was created with.
     *
     * @return the configuration
     */
    public KernelConfig config() {
        return machine.config();
    }

    /**
     * A new process with an empty address space and no open files: no executable, heap, stack or
     * vDSO, so its first {@code mmap(NULL, len)} ends at {@link KernelConfig#mmapBase()} with nothing
     * above it, as a scenario process of the kernel backend sees it (docs/architecture.md,
     * "Process image").
     *
     * @param privileged whether it holds CAP_SYS_ADMIN (sees PFNs in pagemap, may map below
     *                   {@code mmap_min_addr})
     * @return the new process
     */
    public SimProcess newProcess(boolean privileged) {
        return Task.create(machine, privileged);
    }

    /**
     * Switches on a new swap area, as {@code swapon(2)} of a device or file that holds
     * {@code pages} pages, the header page included.
     *
     * @param pages    the area's size in pages, at least 2
     * @param priority the area's priority ({@link KernelConfig.SwapSpace#priority()})
     * @return the area's swap type, the index swap entries and pagemap show
     * @throws IllegalArgumentException for a size out of range
     * @throws IllegalStateException when 28 areas are active already ({@code MAX_SWAPFILES})
     */
    public int swapon(long pages, int priority) {
        return machine.swapon(new KernelConfig.SwapSpace(pages, priority));
    }

    /**
     * The swap counters of {@code /proc/meminfo} and {@code /proc/vmstat}. The kernel's are
     * machine-wide (every process of the machine, and reclaim on its behalf, moves them), so
     * scenarios compare {@code VmSwap} and smaps {@code Swap} of their own processes instead.
     *
     * @return SwapTotal, SwapFree, pswpin and pswpout now
     * @throws IllegalStateException when the kernel is closed
     */
    public SwapStats swapStats() {
        return machine.swapStats();
    }

    /**
     * Switches a swap area off, as {@code swapoff(2)}: every page out there comes back into
     * memory first — into the page tables of every process that had a swap entry for it (mapped
     * old, exclusive where the entry said so, soft-dirty and uffd-wp kept) and into the page
     * caches of shmem files — and its type becomes free for a later {@link #swapon}.
     *
     * @param type the area's swap type, as {@link #swapon} returned it
     * @throws ErrnoException EINVAL when no area has that type; ENOMEM when RAM cannot hold the
     *         pages (the area then stays on, and the pages brought back so far stay in memory)
     * @throws IllegalStateException when the kernel is closed
     */
    public void swapoff(int type) {
        machine.swapoff(type);
    }

    /**
     * Makes reclaim happen now, as memory pressure would, until {@code pages} pages are freed or
     * nothing more can be: rounds of {@code try_to_free_pages} take pages from the tails of the
     * inactive LRU lists (aging the active lists as the kernel does), a page whose PTEs were
     * young since the last look is rotated once instead, and each page taken leaves every
     * process mapping it (through the rmap): anonymous and shmem pages go to swap while an area
     * has a free slot, clean lazily freed (MADV_FREE) pages are dropped. Pages in VM_LOCKED VMAs
     * stay. {@code reclaim(Long.MAX_VALUE)} reclaims everything reclaimable, as writing to a
     * memory cgroup's {@code memory.force_empty} does for the group's pages.
     *
     * @param pages how many pages to free at least, if that many can be; 0 does nothing
     * @return the pages freed: fewer when nothing more could be reclaimed, and up to a scan
     *         batch more than asked, as the kernel's reclaim overshoots
     * @throws IllegalArgumentException for a negative count
     * @throws IllegalStateException when the kernel is closed
     */
    public long reclaim(long pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("cannot reclaim a negative number of pages: " + pages);
        }
        return machine.reclaim(pages);
    }

    /**
     * Checks the machine's internal consistency — every page's mapcount and refcount against the
     * page tables and page caches, VMA geometry — and throws {@link IllegalStateException} on the
     * first violation. For tests; it walks everything.
     */
    public void checkInvariants() {
        org.mmkit.core.mm.Invariants.check(machine);
    }

    /** Releases the machine's off-heap memory; idempotent. Its processes cannot be used afterwards. */
    @Override
    public void close() {
        machine.close();
    }
}
