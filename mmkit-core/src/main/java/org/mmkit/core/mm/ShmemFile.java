package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * A shmem (tmpfs) inode: the backing of memfds and of shared anonymous mappings
 * ({@code mm/shmem.c}). Holds the page cache (each cached page holds one reference; a slot may
 * instead hold a swap entry as a value entry) and the VMAs mapping the file ({@code i_mmap}),
 * used to unmap pages on truncate and hole punch and by the rmap walk. A page written out to swap
 * leaves the cache and its slot holds the swap entry ({@link #writeout}) until the page is read
 * back in ({@link #swapIn}) or the slot is removed. Guarded by the machine lock.
 */
final class ShmemFile {
    /** The name of the file behind a shared anonymous mapping ({@code shmem_zero_setup}). */
    static final String ANON_SHMEM_NAME = "/dev/zero (deleted)";

    final long inode;
    /**
     * The name /proc/PID/maps shows: {@code /memfd:x (deleted)}, {@code /dev/zero (deleted)}, or a
     * tmpfs file's absolute path, which gains {@code " (deleted)"} when it is unlinked ({@code d_path}).
     */
    String mapsName;
    /** {@code i_nlink}: 1 while a directory links the file; 0 for memfds and shared anonymous memory. */
    int nlink;
    /** {@code i_uid} and {@code i_gid}: the creator's (0 for a privileged process, else 65534). */
    int owner;
    /** {@code i_size} in bytes. */
    long size;
    /**
     * {@code shmem_inode_info.seals}: {@code F_SEAL_*} bits, which are only ever added. Every shmem
     * inode starts with F_SEAL_SEAL ({@code shmem_get_inode}); only memfd_create clears it.
     */
    int seals = F_SEAL_SEAL;
    /** The permission bits of {@code i_mode}: 0777 from {@code shmem_file_setup}, 0666 for MFD_NOEXEC_SEAL. */
    int mode = 0777;
    /** {@code i_pages}: page index → page or swap entry. */
    final PageCache pageCache = new PageCache();
    /** {@code i_mmap}: VMAs of every process mapping this file. */
    final FileMappings mappings = new FileMappings();
    /** Open file descriptions, mapping VMAs and a directory link; the inode dies with the last one. */
    private int users;
    private final PhysicalMemory memory;
    /** Where swapped-out pages go and whence they come back. */
    private final Swap swap;
    /** The allocator ({@link Machine#allocatePage}) for pages read back from swap. */
    private final Machine machine;

    /** {@code vma_is_anon_shmem}: the file of a shared anonymous mapping, which VMA names may name. */
    boolean isAnonShmem() {
        return mapsName.equals(ANON_SHMEM_NAME);
    }

    ShmemFile(Machine machine, long inode, String mapsName, long size) {
        this.machine = machine;
        this.memory = machine.memory;
        this.swap = machine.swap;
        this.inode = inode;
        this.mapsName = mapsName;
        this.size = size;
    }

    PhysicalMemory memory() {
        return memory;
    }

    long sizePages() {
        return (size + PAGE_SIZE - 1) >>> PAGE_SHIFT;
    }

    void open() {
        users++;
    }

    /** A directory now names this file ({@code d_instantiate}): it holds one user until {@link #unlinked}. */
    void linked(String path) {
        mapsName = path;
        nlink = 1;
        users++;
    }

    /** {@code shmem_unlink}: no directory names the file; its pages live on while it is open or mapped. */
    void unlinked() {
        mapsName += " (deleted)";
        nlink = 0;
        release();
    }

    void addMapping(Vma vma) {
        mappings.insert(vma);
        users++;
    }

    void removeMapping(Vma vma) {
        mappings.remove(vma);
        release();
    }

    /** Drops an open file description or a mapping; the last one frees the page cache (evict). */
    void release() {
        if (--users == 0) {
            removePages(0, Long.MAX_VALUE); // shmem_evict_inode
            swap.shmemSwapList.remove(this);
        }
    }

    /** Whether F_SEAL_WRITE or F_SEAL_FUTURE_WRITE forbids writes ({@code is_write_sealed}). */
    boolean writeSealed() {
        return (seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) != 0;
    }

    /**
     * {@code shmem_write_begin}: whether a write of {@code len} bytes at {@code pos}, one page or
     * less, may go on; not under a write seal, nor under F_SEAL_GROW when it would end past EOF.
     */
    boolean writeAllowed(long pos, long len) {
        return !writeSealed() && ((seals & F_SEAL_GROW) == 0 || pos + len <= size);
    }

    /** {@code shmem_setattr}: a new size that shrinks under F_SEAL_SHRINK or grows under F_SEAL_GROW is EPERM. */
    void checkResizeSeals(long newSize) {
        if ((newSize < size && (seals & F_SEAL_SHRINK) != 0) || (newSize > size && (seals & F_SEAL_GROW) != 0)) {
            throw Errno.EPERM.exception();
        }
    }

    /**
     * {@code mapping_writably_mapped}: whether some VMA is shared and may become writable
     * ({@code i_mmap_writable} &gt; 0, which counts exactly the VM_SHARED|VM_MAYWRITE VMAs of {@code i_mmap}).
     */
    boolean writablyMapped() {
        for (Vma vma : mappings.overlapping(0, Long.MAX_VALUE)) {
            if (vma.has(VmFlags.SHARED) && vma.has(VmFlags.MAYWRITE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cached page at {@code index}, or -1 when there is none or the slot holds a swap entry
     * ({@code filemap_get_folio} does not return value entries).
     */
    int lookup(long index) {
        long entry = pageCache.load(index);
        return PageCache.isPage(entry) ? PageCache.pfn(entry) : -1;
    }

    /**
     * Adds a freshly allocated zeroed page to the empty slot {@code index} (the cache takes its
     * reference, the page joins the LRU); {@code uptodate} is false for pages fallocate adds.
     */
    void insert(long index, int pfn, boolean uptodate) {
        if (pageCache.load(index) != 0) {
            throw new IllegalStateException("page cache slot " + index + " is in use");
        }
        memory.set(pfn, PhysicalMemory.PG_SWAPBACKED | (uptodate ? PhysicalMemory.PG_UPTODATE : 0));
        memory.setOwner(pfn, this, index);
        pageCache.store(index, PageCache.pageEntry(pfn));
        memory.lruAddIfAbsent(pfn);
    }

    /** Whether the page at {@code index} is cached and up to date ({@code mincore_page}). */
    boolean isUptodate(long index) {
        int pfn = lookup(index);
        return pfn >= 0 && memory.test(pfn, PhysicalMemory.PG_UPTODATE);
    }

    /**
     * {@code shmem_undo_range}: removes the cached pages and swap entries in [fromIndex, toIndex);
     * the pages' mappings must already be zapped. A swap entry gives its slot back
     * ({@code free_swap_and_cache}).
     */
    void removePages(long fromIndex, long toIndex) {
        pageCache.removeRange(fromIndex, toIndex, (index, entry) -> {
            if (PageCache.isPage(entry)) {
                int pfn = PageCache.pfn(entry);
                memory.setOwner(pfn, null, 0);
                memory.put(pfn);
            } else {
                swap.freeEntry(PageCache.value(entry));
            }
        });
    }

    /** {@code shmem_partial_swap_usage}: how many slots of [fromIndex, toIndex) hold swap entries. */
    long swappedPages(long fromIndex, long toIndex) {
        long[] count = {0};
        pageCache.forEach(fromIndex, toIndex, (index, entry) -> {
            if (PageCache.isValue(entry)) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Whether the slot at {@code index} holds a swap entry rather than a page. */
    boolean isSwapped(long index) {
        return PageCache.isValue(pageCache.load(index));
    }

    /**
     * {@code filemap_get_incore_folio} for mincore: a cached up-to-date page, or a swap entry whose
     * page the swap cache still holds.
     */
    boolean isIncore(long index) {
        long entry = pageCache.load(index);
        return PageCache.isValue(entry) ? swap.lookup(PageCache.value(entry)) != 0 : isUptodate(index);
    }

    /**
     * {@code shmem_writeout}: the unmapped page {@code pfn} at {@code index} goes to swap. It gets
     * a slot and joins the swap cache ({@code folio_alloc_swap}); the page cache's slot takes the
     * swap entry, which holds the slot's count ({@code swap_shmem_alloc},
     * {@code shmem_delete_from_page_cache}), the page is written ({@code swap_writeout}) and is
     * clean. Returns false, leaving the page cached and dirty, when every area is full or none is on
     * ({@code redirty}).
     */
    boolean writeout(int pfn, long index) {
        long entry = swap.addToSwap(pfn);
        if (entry < 0) {
            return false;
        }
        SwapArea area = swap.area(entry);
        long offset = SwapEntryLayout.offset(entry);
        area.duplicate(offset);
        swap.shmemSwapList.add(this);
        pageCache.store(index, PageCache.valueEntry(entry));
        memory.setOwner(pfn, null, 0);
        memory.put(pfn);
        area.write(offset, memory.contents(pfn));
        memory.clear(pfn, PhysicalMemory.PG_DIRTY);
        return true;
    }

    /**
     * {@code shmem_swapin_folio}: when the slot at {@code index} holds a swap entry, its page
     * comes back into the page cache: the folio the swap cache still holds, or else a new page
     * read from the slot (the areas are synchronous devices, so a slot that only shmem points at
     * is read directly, without swap cache or readahead). The page is up to date and dirty, is in
     * no swap cache afterwards, and the slot's count drops ({@code swap_free_nr}). Returns false
     * when no frame can be had for it ({@code -ENOMEM}); true when the slot holds a page now or
     * holds nothing.
     */
    boolean swapIn(long index) {
        long slot = pageCache.load(index);
        if (!PageCache.isValue(slot)) {
            return true;
        }
        long entry = PageCache.value(slot);
        SwapArea area = swap.area(entry);
        long offset = SwapEntryLayout.offset(entry);
        int pfn = swap.lookup(entry);
        if (pfn != 0) {
            memory.get(pfn);
            swap.deleteFromCache(pfn);
        } else {
            pfn = machine.allocatePage(Gfp.HIGHUSER_MOVABLE);
            if (pfn < 0) {
                return false;
            }
            area.read(offset, memory.contents(pfn));
        }
        pageCache.store(index, 0);
        insert(index, pfn, true); // the cache takes the new page's reference, or ours on the cached folio
        memory.set(pfn, PhysicalMemory.PG_DIRTY);
        area.put(offset);
        return true;
    }
}
