package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_MASK;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * A consistency check of a whole machine, for tests (gVisor's {@code debug.go}): recounts every
 * page's mappings and references from the page tables and page caches and compares them with the
 * page metadata; checks VMA geometry, that the rmap (anon_vma chains, i_mmap) can find every
 * mapping, and the LRU lists. Off the fast path; call it between operations.
 */
public final class Invariants {
    private Invariants() {
    }

    /**
     * Throws {@link IllegalStateException} describing the first inconsistency found.
     */
    public static void check(Machine machine) {
        machine.lock.lock();
        try {
            machine.checkOpenLocked();
            PhysicalMemory memory = machine.memory;
            Map<Integer, Integer> mapcounts = new HashMap<>();
            Map<ShmemFile, Integer> files = new IdentityHashMap<>();
            Map<OpenFile, Integer> descriptors = new IdentityHashMap<>();
            Map<AnonVma, Boolean> anonVmas = new IdentityHashMap<>();
            Map<Vma, Boolean> live = new IdentityHashMap<>();
            for (ShmemFile linked : machine.workingDirectory.files()) {
                files.putIfAbsent(linked, 0);
            }
            for (Task task : machine.tasks) {
                Mm mm = task.mm;
                for (OpenFile open : task.files.files()) {
                    descriptors.merge(open, 1, Integer::sum);
                    if (open.ops instanceof ShmemFileOperations shmem) {
                        files.putIfAbsent(shmem.inode, 0);
                    }
                }
                checkCounters(mm);
                long prevEnd = 0;
                for (var entry : mm.vmas.entries()) {
                    Vma vma = entry.value();
                    live.put(vma, true);
                    require(vma.start == entry.start() && vma.end == entry.end(), "VMA bounds differ from its key: " + vma);
                    require(vma.start >= prevEnd && vma.start < vma.end && (vma.start & ~PAGE_MASK) == 0 && (vma.end & ~PAGE_MASK) == 0,
                            "bad VMA geometry: " + vma);
                    prevEnd = vma.end;
                    if (vma.file != null) {
                        files.merge(vma.file, 1, Integer::sum);
                        require(vma.file.mappings.contains(vma), "VMA missing from its file's mappings: " + vma);
                    }
                    checkAnonChain(vma, anonVmas);
                    require(vma.uffdCtx == null || (vma.has(VmFlags.UFFD_FLAGS) && vma.uffdCtx.mm == mm),
                            "a userfaultfd context without um/uw/ui, or serving another mm: " + vma);
                    PageWalk.walk(mm.pageTables, vma.start, vma.end, (va, pte, table, index) -> {
                        if (PteLayout.isPresent(pte) && !PteLayout.isSpecial(pte)) {
                            int pfn = (int) PteLayout.pfn(pte);
                            mapcounts.merge(pfn, 1, Integer::sum);
                            require(Rmap.candidates(memory, pfn).contains(vma)
                                    && vma.address(memory.index(pfn)) == va,
                                    "the rmap of frame " + pfn + " cannot find its mapping at 0x" + Long.toHexString(va));
                        }
                    });
                }
            }
            for (AnonVma anonVma : anonVmas.keySet()) {
                for (Vma vma : anonVma.vmas()) {
                    require(live.containsKey(vma) && vma.anonChain().contains(anonVma),
                            "anon_vma links a VMA that is gone or not chained to it: " + vma);
                }
            }
            descriptors.forEach((open, count) -> require(open.references() == count,
                    "open file with " + open.references() + " references but " + count + " descriptors"));
            Map<Integer, Integer> cacheRefs = new HashMap<>();
            Map<Long, Integer> swapRefs = new HashMap<>();
            for (var file : files.entrySet()) {
                require(file.getKey().mappings.size() == file.getValue(),
                        "i_mmap holds " + file.getKey().mappings.size() + " VMAs, " + file.getValue() + " live");
                file.getKey().pageCache.forEach(0, Long.MAX_VALUE, (index, cached) -> {
                    if (PageCache.isPage(cached)) {
                        int pfn = PageCache.pfn(cached);
                        require(memory.owner(pfn) == file.getKey() && memory.index(pfn) == index,
                                "page cache entry " + index + " does not point back to its file");
                        cacheRefs.merge(pfn, 1, Integer::sum);
                    } else {
                        swapRefs.merge(PageCache.value(cached), 1, Integer::sum); // a shmem page out in swap
                    }
                });
            }
            checkSwap(machine, cacheRefs, swapRefs);
            int used = 0;
            for (int pfn = PhysicalMemory.RESERVED_FRAMES; pfn < memory.frames(); pfn++) {
                int mapped = mapcounts.getOrDefault(pfn, 0);
                int expectedRefs = mapped + cacheRefs.getOrDefault(pfn, 0);
                require(memory.mapcount(pfn) == mapped,
                        "frame " + pfn + ": mapcount " + memory.mapcount(pfn) + " but " + mapped + " PTEs map it");
                require(memory.refcount(pfn) == expectedRefs,
                        "frame " + pfn + ": refcount " + memory.refcount(pfn) + " but " + expectedRefs + " holders");
                require((memory.lruList(pfn) != PhysicalMemory.LRU_NONE) == (expectedRefs > 0),
                        "frame " + pfn + " with " + expectedRefs + " holders is " + (expectedRefs > 0 ? "not " : "") + "on an LRU list");
                if (expectedRefs > 0) {
                    used++;
                }
            }
            int allocatable = memory.frames() - PhysicalMemory.RESERVED_FRAMES;
            require(memory.freeFrames() == allocatable - used,
                    "free frames " + memory.freeFrames() + " but " + used + " of " + allocatable + " in use");
            checkLru(memory);
        } finally {
            machine.lock.unlock();
        }
    }

    /**
     * The mm counters, kept where the kernel changes them, against a recount: RSS by kind from
     * the page tables, total/exec/stack/data pages from the VMAs, and at least the pages of
     * locked VMAs in locked_vm.
     */
    private static void checkCounters(Mm mm) {
        long[] rss = new long[mm.rss.length];
        long[] swapEntries = new long[1];
        PageWalk.walk(mm.pageTables, 0, Mm.USER_PGTABLES_CEILING, (va, pte, table, index) -> {
            if (PteLayout.isPresent(pte) && !PteLayout.isSpecial(pte)) {
                rss[mm.mmCounter((int) PteLayout.pfn(pte))]++;
            } else if (Mm.isSwapEntry(pte)) {
                swapEntries[0]++;
            }
        });
        require(swapEntries[0] == mm.swapEntries, "MM_SWAPENTS " + mm.swapEntries + " but the page tables hold "
                + swapEntries[0] + " swap entries");
        require(Arrays.equals(rss, mm.rss), "RSS counters " + Arrays.toString(mm.rss) + " but the page tables hold "
                + Arrays.toString(rss));
        Mm recount = new Mm(mm.machine);
        for (var entry : mm.vmas.entries()) {
            recount.accountMapping(entry.value().flags, entry.value().pages());
        }
        // locked_vm may exceed the locked VMAs: mremap(MREMAP_DONTUNMAP) unlocks the old VMA
        // without giving its pages back (dontunmap_complete), as the kernel does
        require(recount.totalVm == mm.totalVm && recount.execVm == mm.execVm && recount.stackVm == mm.stackVm
                && recount.dataVm == mm.dataVm && recount.lockedVm <= mm.lockedVm,
                "VM counters total/exec/stack/data/locked " + mm.totalVm + "/" + mm.execVm + "/" + mm.stackVm + "/"
                        + mm.dataVm + "/" + mm.lockedVm + " but the VMAs give " + recount.totalVm + "/" + recount.execVm
                        + "/" + recount.stackVm + "/" + recount.dataVm + "/" + recount.lockedVm);
        require(mm.hiwaterRss >= 0 && mm.hiwaterVm >= 0, "negative high-water mark");
    }

    /**
     * Swap: every slot's count equals the swap entries of all page tables and page caches
     * ({@code entries}, which holds the latter already) pointing at it, each folio in the swap
     * cache is the one its slot names (and holds a reference, added to {@code cacheRefs}), and
     * each area's in-use count matches its slots.
     */
    private static void checkSwap(Machine machine, Map<Integer, Integer> cacheRefs, Map<Long, Integer> entries) {
        Swap swap = machine.swap;
        for (Task task : machine.tasks) {
            PageWalk.walk(task.mm.pageTables, 0, Mm.USER_PGTABLES_CEILING, (va, pte, table, index) -> {
                if (Mm.isSwapEntry(pte)) {
                    entries.merge(pte & ~SwapEntryLayout.FLAG_BITS, 1, Integer::sum);
                }
            });
        }
        Map<Integer, Long> cachedEntries = swap.cachedEntries();
        cachedEntries.forEach((pfn, entry) -> {
            require(swap.lookup(entry) == pfn, "swap cache folio " + pfn + " is not in its slot");
            cacheRefs.merge(pfn, 1, Integer::sum);
        });
        for (SwapArea area : swap.areas()) {
            long inUse = 0;
            for (long offset = 1; offset < area.slots; offset++) {
                long entry = SwapEntryLayout.make(area.type, offset);
                int expected = entries.getOrDefault(entry, 0);
                require(area.count(offset) == expected, "swap slot " + offset + " of area " + area.type + ": count "
                        + area.count(offset) + " but " + expected + " swap entries");
                int cached = area.cachedPfn(offset);
                require(cached == 0 || cachedEntries.get(cached) == entry,
                        "swap slot " + offset + " names folio " + cached + ", which is not cached there");
                if (expected > 0 || cached != 0) {
                    inUse++;
                }
            }
            require(area.inUse == inUse, "swap area " + area.type + " counts " + area.inUse + " slots in use, holds " + inUse);
            String clusters = area.clusterInconsistency();
            require(clusters == null, "swap area " + area.type + ": " + clusters);
        }
    }

    /** The VMA's anon_vma is in its chain, and each anon_vma of the chain links back to it. */
    private static void checkAnonChain(Vma vma, Map<AnonVma, Boolean> seen) {
        require((vma.anonVma == null) == vma.anonChain().isEmpty()
                && (vma.anonVma == null || vma.anonChain().contains(vma.anonVma)),
                "anon_vma not in its VMA's chain: " + vma);
        for (AnonVma anonVma : vma.anonChain()) {
            require(anonVma.vmas().contains(vma), "anon_vma_chain link missing on the anon_vma side: " + vma);
            seen.put(anonVma, true);
        }
    }

    /**
     * Each LRU list is a well-linked chain of its recorded length, of pages of its type
     * (swap-backed on the anonymous lists, lazily freed anonymous pages on the file lists).
     * With the check in {@link #check} that exactly the frames in use are on a list, every page
     * is on exactly one.
     */
    private static void checkLru(PhysicalMemory memory) {
        for (int list = 0; list < PhysicalMemory.NR_LRU_LISTS; list++) {
            boolean anon = list == PhysicalMemory.LRU_INACTIVE_ANON || list == PhysicalMemory.LRU_ACTIVE_ANON;
            int count = 0;
            int prev = 0;
            for (int pfn = memory.lruFirst(list); pfn != 0; pfn = memory.lruNext(pfn)) {
                require(++count <= memory.lruSize(list), "LRU list " + list + " is longer than its size: a cycle?");
                require(memory.lruList(pfn) == list && memory.lruPrev(pfn) == prev,
                        "LRU list " + list + " badly linked at frame " + pfn);
                require(memory.test(pfn, PhysicalMemory.PG_SWAPBACKED) == anon,
                        "frame " + pfn + " on LRU list " + list + " of the other type");
                // the model has no file-backed pages outside shmem: the file lists hold only
                // anonymous pages MADV_FREE made lazily freeable
                require(anon || memory.test(pfn, PhysicalMemory.PG_ANON),
                        "frame " + pfn + " on file LRU list " + list + " but not a lazily freed anonymous page");
                prev = pfn;
            }
            require(count == memory.lruSize(list) && memory.lruLast(list) == prev,
                    "LRU list " + list + " holds " + count + " pages, its size says " + memory.lruSize(list));
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
