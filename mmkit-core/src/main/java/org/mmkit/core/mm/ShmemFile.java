package org.mmkit.core.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.mmkit.core.mem.PhysicalMemory;

/**
 * A shmem (tmpfs) inode: the backing of memfds and of shared anonymous mappings
 * ({@code mm/shmem.c}). Holds the page cache (page index → PFN; each cached page holds one
 * reference) and the VMAs mapping the file ({@code i_mmap}), used to unmap pages on truncate and
 * hole punch. Guarded by the machine lock.
 */
final class ShmemFile {
    final long inode;
    /** The name /proc/PID/maps shows, e.g. {@code /memfd:x (deleted)}. */
    final String mapsName;
    /** {@code i_size} in bytes. */
    long size;
    final TreeMap<Long, Integer> pageCache = new TreeMap<>();
    /** VMAs of every process mapping this file. */
    final List<Vma> mappings = new ArrayList<>();
    /** Open file descriptions plus mapping VMAs; the inode dies with the last one. */
    private int users;
    private final PhysicalMemory memory;

    ShmemFile(PhysicalMemory memory, long inode, String mapsName, long size) {
        this.memory = memory;
        this.inode = inode;
        this.mapsName = mapsName;
        this.size = size;
    }

    PhysicalMemory memory() {
        return memory;
    }

    long sizePages() {
        return (size + 4095) >>> 12;
    }

    void open() {
        users++;
    }

    void addMapping(Vma vma) {
        mappings.add(vma);
        users++;
    }

    void removeMapping(Vma vma) {
        for (int i = 0; i < mappings.size(); i++) {
            if (mappings.get(i) == vma) {
                mappings.remove(i);
                release();
                return;
            }
        }
        throw new IllegalStateException("not a mapping of this file: " + vma);
    }

    /** Drops an open file description or a mapping; the last one frees the page cache (evict). */
    void release() {
        if (--users == 0) {
            for (int pfn : pageCache.values()) {
                dropCachedPage(pfn);
            }
            pageCache.clear();
        }
    }

    /** The cached page at {@code index}, or -1. */
    int lookup(long index) {
        Integer pfn = pageCache.get(index);
        return pfn == null ? -1 : pfn;
    }

    /**
     * Adds a freshly allocated zeroed page to the cache at {@code index} (the cache takes its
     * reference); {@code uptodate} is false for pages fallocate adds.
     */
    void insert(long index, int pfn, boolean uptodate) {
        memory.set(pfn, PhysicalMemory.PG_SWAPBACKED | (uptodate ? PhysicalMemory.PG_UPTODATE : 0));
        memory.setOwner(pfn, this, index);
        pageCache.put(index, pfn);
    }

    /** Whether the page at {@code index} is cached and up to date ({@code mincore_page}). */
    boolean isUptodate(long index) {
        int pfn = lookup(index);
        return pfn >= 0 && memory.test(pfn, PhysicalMemory.PG_UPTODATE);
    }

    /** Removes cached pages in [fromIndex, toIndex); their mappings must already be zapped. */
    void removePages(long fromIndex, long toIndex) {
        var range = pageCache.subMap(fromIndex, toIndex);
        for (int pfn : range.values()) {
            dropCachedPage(pfn);
        }
        range.clear();
    }

    private void dropCachedPage(int pfn) {
        memory.setOwner(pfn, null, 0);
        memory.put(pfn);
    }
}
