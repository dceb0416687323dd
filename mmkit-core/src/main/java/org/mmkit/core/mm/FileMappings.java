package org.mmkit.core.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code address_space->i_mmap}: the VMAs of every process mapping one file, indexed by the file
 * pages they cover ({@code vma_interval_tree_*}, {@code mm/interval_tree.c}). A query for the
 * VMAs overlapping a page range looks only at VMAs starting within the longest VMA's length before
 * the range, instead of scanning every mapping. Guarded by the machine lock.
 *
 * <p>A VMA is indexed under the pages it covered when inserted: remove it before changing its
 * {@code pgoff} or size and insert it again after ({@link Mm#setRange} does).
 */
final class FileMappings {
    /** VMAs by their first file page ({@code vm_pgoff}); each list in insertion order. */
    private final TreeMap<Long, List<Vma>> byFirstPage = new TreeMap<>();
    /** How many indexed VMAs have each length in pages; the largest key bounds how far back a query looks. */
    private final TreeMap<Long, Integer> lengths = new TreeMap<>();
    private int size;

    void insert(Vma vma) {
        byFirstPage.computeIfAbsent(vma.pgoff, k -> new ArrayList<>()).add(vma);
        lengths.merge(vma.pages(), 1, Integer::sum);
        size++;
    }

    /** Removes {@code vma}, which must be indexed under its current pgoff and size. */
    void remove(Vma vma) {
        List<Vma> atStart = byFirstPage.get(vma.pgoff);
        if (atStart == null || !atStart.removeIf(v -> v == vma)) {
            throw new IllegalStateException("not a mapping of this file: " + vma);
        }
        if (atStart.isEmpty()) {
            byFirstPage.remove(vma.pgoff);
        }
        lengths.merge(vma.pages(), -1, (a, b) -> a + b == 0 ? null : a + b);
        size--;
    }

    boolean contains(Vma vma) {
        List<Vma> atStart = byFirstPage.get(vma.pgoff);
        return atStart != null && atStart.stream().anyMatch(v -> v == vma);
    }

    int size() {
        return size;
    }

    /**
     * {@code vma_interval_tree_foreach}: the VMAs mapping any page of [first, last] (inclusive),
     * by first page, then insertion order.
     */
    List<Vma> overlapping(long first, long last) {
        List<Vma> found = new ArrayList<>();
        if (size == 0 || last < first) {
            return found;
        }
        long from = Math.max(0, first - lengths.lastKey() + 1);
        for (List<Vma> atStart : byFirstPage.subMap(from, true, last, true).values()) {
            for (Vma vma : atStart) {
                if (vma.pgoff + vma.pages() - 1 >= first) {
                    found.add(vma);
                }
            }
        }
        return found;
    }
}
