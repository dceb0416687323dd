package org.mmkit.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints addresses relative to the scenario's named results ({@code a+0x1000}), so transcripts of
 * backends that place mappings differently read the same; also remembers every range the scenario
 * mapped, to tell its own lines of {@code /proc/PID/maps} from the rest of the process.
 */
final class AddressNames {
    private record Region(String name, long start, long length) {
        /** Distance from the region start when {@code addr} is in [start, start + length), else -1. */
        long offsetOf(long addr) {
            long off = addr - start;
            return off >= 0 && Long.compareUnsigned(off, length) < 0 ? off : -1;
        }
    }

    private final List<Region> named = new ArrayList<>();
    private final List<Region> mapped = new ArrayList<>();
    private final boolean verbose;

    AddressNames(boolean verbose) {
        this.verbose = verbose;
    }

    /** A range the scenario mapped (mmap, mremap result); {@code name} may be null. */
    void mapped(String name, long start, long length) {
        Region r = new Region(name, start, length);
        mapped.add(r);
        if (name != null) {
            named.add(r);
        }
    }

    /** Whether [start, end) overlaps anything the scenario mapped. */
    boolean touchesScenario(long start, long end) {
        for (Region r : mapped) {
            if (Long.compareUnsigned(start, r.start + r.length) < 0 && Long.compareUnsigned(r.start, end) < 0) {
                return true;
            }
        }
        return false;
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
        Region best = null;
        long bestOffset = -1;
        for (Region r : named) {
            long off = r.offsetOf(addr);
            if (off >= 0 && (best == null || off < bestOffset)) {
                best = r;
                bestOffset = off;
            }
        }
        return best;
    }

    private static String relative(String name, long offset) {
        return offset == 0 ? name : name + "+0x" + Long.toHexString(offset);
    }

    private String withRaw(String symbolic, long raw) {
        return verbose ? symbolic + " (0x" + Long.toHexString(raw) + ")" : symbolic;
    }
}
