package org.mmkit.core.vma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Interim VMA index (sorted map, linear gap search); replaced by the B-tree with gap tracking. */
public final class VmaTree<V> {
    public record Entry<V>(long start, long end, V value) {}

    private final TreeMap<Long, Entry<V>> map = new TreeMap<>();

    public int size() {
        return map.size();
    }

    public void insert(long start, long end, V value) {
        if (!intersecting(start, end).isEmpty()) {
            throw new IllegalStateException("overlap");
        }
        map.put(start, new Entry<>(start, end, value));
    }

    public V remove(long start) {
        Entry<V> e = map.remove(start);
        return e == null ? null : e.value();
    }

    public void setBounds(long oldStart, long newStart, long newEnd) {
        Entry<V> e = map.remove(oldStart);
        insert(newStart, newEnd, e.value());
    }

    public Entry<V> lookup(long addr) {
        Map.Entry<Long, Entry<V>> e = map.floorEntry(addr);
        return e != null && e.getValue().end() > addr ? e.getValue() : null;
    }

    public Entry<V> firstEndingAfter(long addr) {
        Entry<V> e = lookup(addr);
        if (e != null) {
            return e;
        }
        Map.Entry<Long, Entry<V>> h = map.higherEntry(addr);
        return h == null ? null : h.getValue();
    }

    public Entry<V> lastStartingBefore(long addr) {
        Map.Entry<Long, Entry<V>> e = map.lowerEntry(addr);
        return e == null ? null : e.getValue();
    }

    public List<Entry<V>> intersecting(long start, long end) {
        List<Entry<V>> out = new ArrayList<>();
        for (Entry<V> e = firstEndingAfter(start); e != null && e.start() < end; e = next(e)) {
            out.add(e);
        }
        return out;
    }

    private Entry<V> next(Entry<V> e) {
        Map.Entry<Long, Entry<V>> h = map.higherEntry(e.start());
        return h == null ? null : h.getValue();
    }

    public Iterable<Entry<V>> entries() {
        return map.values();
    }

    public long gapTopDown(long len, long low, long high, long alignMask, long alignOffset) {
        long best = -1;
        long prevEnd = 0;
        List<Entry<V>> all = new ArrayList<>(map.values());
        all.add(new Entry<>(Long.MAX_VALUE, Long.MAX_VALUE, null));
        for (Entry<V> e : all) {
            long gs = Math.max(prevEnd, low);
            long ge = Math.min(e.start(), high);
            if (ge - gs >= len) {
                long a = ((ge - len - alignOffset) & ~alignMask) + alignOffset;
                if (a >= gs) {
                    best = a;
                }
            }
            prevEnd = e.end();
        }
        return best;
    }

    public long gapBottomUp(long len, long low, long high, long alignMask, long alignOffset) {
        long prevEnd = 0;
        List<Entry<V>> all = new ArrayList<>(map.values());
        all.add(new Entry<>(Long.MAX_VALUE, Long.MAX_VALUE, null));
        for (Entry<V> e : all) {
            long gs = Math.max(prevEnd, low);
            long ge = Math.min(e.start(), high);
            long a = ((gs - alignOffset + alignMask) & ~alignMask) + alignOffset;
            if (a >= gs && ge - a >= len) {
                return a;
            }
            prevEnd = e.end();
        }
        return -1;
    }
}
