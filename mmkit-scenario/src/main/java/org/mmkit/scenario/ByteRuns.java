package org.mmkit.scenario;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Byte vectors (loaded memory, mincore results) written as runs: {@code 0xab} when every byte is
 * the same, else values with repeat counts, {@code 0x11 0x22 0x00*4094}. The same notation is the
 * expectation syntax, so a transcript line can be pasted back into a scenario.
 */
final class ByteRuns {
    private ByteRuns() {
    }

    /** The runs of {@code data}; {@code hex} selects {@code 0xab} over decimal (mincore). */
    static String format(byte[] data, boolean hex) {
        if (data.length == 0) {
            return "(empty)";
        }
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < data.length) {
            int j = i;
            while (j < data.length && data[j] == data[i]) {
                j++;
            }
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(value(data[i] & 0xff, hex));
            if (j - i > 1 && (i > 0 || j < data.length)) {
                s.append('*').append(j - i);
            }
            i = j;
        }
        return s.toString();
    }

    /** Expected runs as the transcript would show them: {@code 0x11 0x00*4}. */
    static String describe(List<Step.Run> runs, boolean hex, ToLongFunction<String> names) {
        StringBuilder s = new StringBuilder();
        for (Step.Run r : runs) {
            s.append(s.isEmpty() ? "" : " ").append(value(r.value().eval(names), hex));
            if (r.count() != null) {
                s.append('*').append(r.count().eval(names));
            }
        }
        return s.toString();
    }

    /**
     * Whether {@code data} matches the runs: a single run without a count matches when every byte
     * equals it; otherwise the runs, expanded, must equal {@code data} exactly.
     */
    static boolean matches(byte[] data, List<Step.Run> runs, ToLongFunction<String> names) {
        if (runs.size() == 1 && runs.getFirst().count() == null) {
            long v = runs.getFirst().value().eval(names);
            for (byte b : data) {
                if ((b & 0xff) != v) {
                    return false;
                }
            }
            return data.length > 0;
        }
        int at = 0;
        for (Step.Run run : runs) {
            long v = run.value().eval(names);
            long count = run.count() == null ? 1 : run.count().eval(names);
            for (long k = 0; k < count; k++, at++) {
                if (at >= data.length || (data[at] & 0xff) != v) {
                    return false;
                }
            }
        }
        return at == data.length;
    }

    private static String value(long v, boolean hex) {
        return hex ? String.format("0x%02x", v) : Long.toString(v);
    }
}
