package org.mmkit.scenario;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints addresses relative to the scenario's named results ({@code a+0x1000}), so transcripts of
 * backends that place mappings differently read the same; also remembers every range the scenario
 * mapped, to tell its own lines of {@code /proc/PID/maps} from the rest of the process.
 *
 * <p>Both are kept as disjoint ranges in sorted maps, so a lookup is one floor search
 * (O(log N) with N ranges) and a scenario with many named mappings stays linear. Ranges come from
 * successful mmap and mremap calls, so they lie in user space: start and end compare as signed.
 */
final class AddressNames {
    /** A named result's range [start, end). */
    private record Region(String name, long start, long end) {
    }

    /** Addresses in [key, end) print relative to {@code region}. */
    private record Segment(long end, Region region) {
    }

    /**
     * Which region names each address, as disjoint segments keyed by their start: of the named
     * regions containing an address, the one with the smallest offset (the largest start), the
     * earliest named among those starting at the same address. Regions are never forgotten, even
     * when unmapped. Addresses in no segment are in no named region.
     */
    private final TreeMap<Long, Segment> names = new TreeMap<>();
    /** The union of every range the scenario mapped, as disjoint, non-adjacent ranges start → end. */
    private final TreeMap<Long, Long> mapped = new TreeMap<>();
    private final boolean verbose;

    AddressNames(boolean verbose) {
        this.verbose = verbose;
    }

    /** A range the scenario mapped (mmap, mremap result); {@code name} may be null. */
    void mapped(String name, long start, long length) {
        if (length <= 0) {
            return;
        }
        long end = start + length;
        addMapped(start, end);
        if (name != null) {
            addNamed(new Region(name, start, end));
        }
    }

    /** A named address whose range [start, start + length) prints relative to it, though not mapped by the scenario. */
    void named(String name, long start, long length) {
        addNamed(new Region(name, start, start + length));
    }

    /** Whether [start, end) overlaps anything the scenario mapped. */
    boolean touchesScenario(long start, long end) {
        Map.Entry<Long, Long> below = mapped.lowerEntry(end);
        return below != null && below.getValue() > start;
    }

    /** Whether some named region contains the address. */
    boolean isNamed(long addr) {
        return nearest(addr) != null;
    }

    /**
     * An address as {@code name+off} using the named region containing it with the smallest
     * offset (earliest named on a tie), else {@code <addr>}; verbose mode adds the raw value.
     */
    String format(long addr) {
        Region r = nearest(addr);
        return withRaw(r == null ? "<addr>" : relative(r.name, addr - r.start), addr);
    }

    /**
     * The exclusive end of a range: named after the region containing its last byte, so the end of
     * {@code a}'s VMA prints {@code a+0x4000} whatever the backend placed right after it.
     */
    String formatEnd(long end) {
        Region r = nearest(end - 1);
        return withRaw(r == null ? "<addr>" : relative(r.name, end - r.start), end);
    }

    private Region nearest(long addr) {
        Map.Entry<Long, Segment> e = names.floorEntry(addr);
        return e != null && addr < e.getValue().end ? e.getValue().region : null;
    }

    /**
     * Gives {@code r} every address of its range that no region names yet, or that a region
     * starting below {@code r} names (there {@code r}'s offset is smaller); an earlier region
     * starting at or above {@code r}'s start keeps its addresses.
     */
    private void addNamed(Region r) {
        splitAt(r.start);
        splitAt(r.end);
        long at = r.start;
        for (var e : new ArrayList<>(names.subMap(r.start, r.end).entrySet())) {
            if (at < e.getKey()) {
                names.put(at, new Segment(e.getKey(), r));
            }
            Segment s = e.getValue();
            if (s.region.start < r.start) {
                names.put(e.getKey(), new Segment(s.end, r));
            }
            at = s.end;
        }
        if (at < r.end) {
            names.put(at, new Segment(r.end, r));
        }
    }

    /** Cuts the segment containing {@code addr} in two at it, so that a segment starts there. */
    private void splitAt(long addr) {
        Map.Entry<Long, Segment> e = names.floorEntry(addr);
        if (e != null && e.getKey() < addr && addr < e.getValue().end) {
            Segment s = e.getValue();
            names.put(e.getKey(), new Segment(addr, s.region));
            names.put(addr, s);
        }
    }

    private void addMapped(long start, long end) {
        Map.Entry<Long, Long> before = mapped.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        var covered = mapped.subMap(start, true, end, true);
        for (long coveredEnd : covered.values()) {
            end = Math.max(end, coveredEnd);
        }
        covered.clear();
        mapped.put(start, end);
    }

    private static String relative(String name, long offset) {
        return offset == 0 ? name : name + "+0x" + Long.toHexString(offset);
    }

    private String withRaw(String symbolic, long raw) {
        return verbose ? symbolic + " (0x" + Long.toHexString(raw) + ")" : symbolic;
    }
}
