package org.mmkit.core.vma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mmkit.core.vma.VmaTree.Entry;

/** What {@link VmaTree} must answer, computed the plain way: a TreeMap by start, and gaps by walking every entry. */
final class ReferenceVmaIndex<V> {
    private final TreeMap<Long, Entry<V>> byStart = new TreeMap<>();

    int size() {
        return byStart.size();
    }

    List<Entry<V>> entries() {
        return List.copyOf(byStart.values());
    }

    Entry<V> startingAt(long start) {
        return byStart.get(start);
    }

    /** Whether {@code [start, end)} overlaps an entry other than the one starting at {@code ignoredStart}. */
    boolean overlapsOther(long start, long end, long ignoredStart) {
        return intersecting(start, end).stream().anyMatch(e -> e.start() != ignoredStart);
    }

    void insert(long start, long end, V value) {
        byStart.put(start, new Entry<>(start, end, value));
    }

    V remove(long start) {
        Entry<V> removed = byStart.remove(start);
        return removed == null ? null : removed.value();
    }

    /** Whether moving the entry at {@code oldStart} to {@code [newStart, newEnd)} keeps it between its neighbours. */
    boolean staysBetweenNeighbours(long oldStart, long newStart, long newEnd) {
        Map.Entry<Long, Entry<V>> prev = byStart.lowerEntry(oldStart);
        Map.Entry<Long, Entry<V>> next = byStart.higherEntry(oldStart);
        return (prev == null || prev.getValue().end() <= newStart) && (next == null || newEnd <= next.getKey());
    }

    void setBounds(long oldStart, long newStart, long newEnd) {
        V value = byStart.remove(oldStart).value();
        insert(newStart, newEnd, value);
    }

    Entry<V> lookup(long addr) {
        Map.Entry<Long, Entry<V>> floor = byStart.floorEntry(addr);
        return floor != null && floor.getValue().end() > addr ? floor.getValue() : null;
    }

    Entry<V> firstEndingAfter(long addr) {
        Entry<V> containing = lookup(addr);
        if (containing != null) {
            return containing;
        }
        Map.Entry<Long, Entry<V>> higher = byStart.higherEntry(addr);
        return higher == null ? null : higher.getValue();
    }

    Entry<V> lastStartingBefore(long addr) {
        Map.Entry<Long, Entry<V>> entry = byStart.lowerEntry(addr);
        return entry == null ? null : entry.getValue();
    }

    List<Entry<V>> intersecting(long start, long end) {
        List<Entry<V>> result = new ArrayList<>();
        if (start < end) {
            Entry<V> containingStart = lookup(start);
            if (containingStart != null && containingStart.start() < start) {
                result.add(containingStart);
            }
            result.addAll(byStart.subMap(start, true, end, false).values());
        }
        return result;
    }

    List<Entry<V>> entriesFrom(long from) {
        return byStart.values().stream().filter(e -> e.end() > from).toList();
    }

    long gapTopDown(long len, long low, long high, long alignMask, long alignOffset) {
        long alignment = alignMask + 1;
        long freeEnd = VmaTree.ADDRESS_SPACE_END;
        for (Entry<V> entry : byStart.descendingMap().values()) {
            long candidate = highestFit(entry.end(), freeEnd, len, low, high, alignment, alignOffset);
            if (candidate >= 0) {
                return candidate;
            }
            freeEnd = entry.start();
        }
        return highestFit(0, freeEnd, len, low, high, alignment, alignOffset);
    }

    long gapBottomUp(long len, long low, long high, long alignMask, long alignOffset) {
        long alignment = alignMask + 1;
        long freeStart = 0;
        for (Entry<V> entry : byStart.values()) {
            long candidate = lowestFit(freeStart, entry.start(), len, low, high, alignment, alignOffset);
            if (candidate >= 0) {
                return candidate;
            }
            freeStart = entry.end();
        }
        return lowestFit(freeStart, VmaTree.ADDRESS_SPACE_END, len, low, high, alignment, alignOffset);
    }

    private static long highestFit(long freeStart, long freeEnd, long len, long low, long high, long alignment,
            long alignOffset) {
        long windowStart = Math.max(freeStart, low);
        long windowEnd = Math.min(freeEnd, high);
        if (windowEnd - windowStart < len) {
            return -1;
        }
        long candidate = Math.floorDiv(windowEnd - len - alignOffset, alignment) * alignment + alignOffset;
        return candidate >= windowStart ? candidate : -1;
    }

    private static long lowestFit(long freeStart, long freeEnd, long len, long low, long high, long alignment,
            long alignOffset) {
        long windowStart = Math.max(freeStart, low);
        long windowEnd = Math.min(freeEnd, high);
        if (windowEnd - windowStart < len) {
            return -1;
        }
        long candidate = Math.ceilDiv(windowStart - alignOffset, alignment) * alignment + alignOffset;
        return candidate + len <= windowEnd ? candidate : -1;
    }
}
