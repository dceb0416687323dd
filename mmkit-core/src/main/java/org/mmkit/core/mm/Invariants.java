package org.mmkit.core.mm;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * A consistency check of a whole machine, for tests (gVisor's {@code debug.go}): recounts every
 * page's mappings and references from the page tables and page caches and compares them with the
 * page metadata; checks VMA geometry. Off the fast path; call it between operations.
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
            Map<ShmemFile, Boolean> files = new IdentityHashMap<>();
            for (Task task : machine.tasks) {
                Mm mm = task.mm;
                task.files.values().forEach(f -> files.put(f, true));
                long prevEnd = 0;
                for (var entry : mm.vmas.entries()) {
                    Vma vma = entry.value();
                    require(vma.start == entry.start() && vma.end == entry.end(), "VMA bounds differ from its key: " + vma);
                    require(vma.start >= prevEnd && vma.start < vma.end && (vma.start & 0xfff) == 0 && (vma.end & 0xfff) == 0,
                            "bad VMA geometry: " + vma);
                    prevEnd = vma.end;
                    if (vma.file != null) {
                        files.put(vma.file, true);
                        require(vma.file.mappings.contains(vma), "VMA missing from its file's mappings: " + vma);
                    }
                    for (long va = vma.start; va < vma.end; va += 4096) {
                        long pte = mm.pte(va);
                        if (PteLayout.isPresent(pte) && !PteLayout.isSpecial(pte)) {
                            mapcounts.merge((int) PteLayout.pfn(pte), 1, Integer::sum);
                        }
                    }
                }
            }
            Map<Integer, Integer> cacheRefs = new HashMap<>();
            for (ShmemFile file : files.keySet()) {
                for (var cached : file.pageCache.entrySet()) {
                    int pfn = cached.getValue();
                    require(memory.owner(pfn) == file && memory.index(pfn) == cached.getKey(),
                            "page cache entry " + cached + " does not point back to its file");
                    cacheRefs.merge(pfn, 1, Integer::sum);
                }
            }
            int used = 0;
            for (int pfn = PhysicalMemory.RESERVED_FRAMES; pfn < memory.frames(); pfn++) {
                int mapped = mapcounts.getOrDefault(pfn, 0);
                int expectedRefs = mapped + cacheRefs.getOrDefault(pfn, 0);
                require(memory.mapcount(pfn) == mapped,
                        "frame " + pfn + ": mapcount " + memory.mapcount(pfn) + " but " + mapped + " PTEs map it");
                require(memory.refcount(pfn) == expectedRefs,
                        "frame " + pfn + ": refcount " + memory.refcount(pfn) + " but " + expectedRefs + " holders");
                if (expectedRefs > 0) {
                    used++;
                }
            }
            int allocatable = memory.frames() - PhysicalMemory.RESERVED_FRAMES;
            require(memory.freeFrames() == allocatable - used,
                    "free frames " + memory.freeFrames() + " but " + used + " of " + allocatable + " in use");
        } finally {
            machine.lock.unlock();
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
