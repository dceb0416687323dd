package org.mmkit.core.mm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * The reverse map ({@code mm/rmap.c}): from a page to every PTE, in every process, that maps it.
 * An anonymous page's candidates are the VMAs linked to its anon_vma ({@code rmap_walk_anon});
 * a page-cache page's are the VMAs of its file's {@code i_mmap} covering its index
 * ({@code rmap_walk_file}). Each candidate is checked at the address the page's index gives
 * ({@link Vma#address}, {@code page_vma_mapped_walk}). Reclaim builds on this. Call with the
 * machine lock held.
 */
final class Rmap {
    private Rmap() {
    }

    /** One PTE mapping the page: in {@code mm}, inside {@code vma}, at {@code address}. */
    record Mapping(Mm mm, Vma vma, long address) {
    }

    /**
     * {@code rmap_walk}: every mapping of {@code pfn}, by candidate VMA in the rmap's order. A
     * page mapped once, the most common case (reclaim, PAGEOUT), costs no list of its own.
     */
    static List<Mapping> walk(PhysicalMemory memory, int pfn) {
        Mapping first = null;
        List<Mapping> found = null;
        long index = memory.index(pfn);
        for (Vma vma : candidates(memory, pfn)) {
            long address = vma.address(index);
            if (address >= 0) {
                long pte = vma.mm.pte(address);
                if (PteLayout.isPresent(pte) && !PteLayout.isSpecial(pte) && PteLayout.pfn(pte) == pfn) {
                    Mapping mapping = new Mapping(vma.mm, vma, address);
                    if (first == null) {
                        first = mapping;
                    } else {
                        if (found == null) {
                            found = new ArrayList<>();
                            found.add(first);
                        }
                        found.add(mapping);
                    }
                }
            }
        }
        return found != null ? found : first != null ? List.of(first) : List.of();
    }

    /** The VMAs that may map {@code pfn}: the anon_vma's or the file's covering its index. */
    static Collection<Vma> candidates(PhysicalMemory memory, int pfn) {
        Object owner = memory.owner(pfn);
        if (owner instanceof AnonVma anonVma && memory.test(pfn, PhysicalMemory.PG_ANON)) {
            return anonVma.vmas();
        }
        if (owner instanceof ShmemFile file) {
            long index = memory.index(pfn);
            return file.mappings.overlapping(index, index);
        }
        return List.of();
    }
}
