package org.mmkit.scenario;

import java.util.List;
import java.util.function.ToLongFunction;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * Matching pagemap entries against expectations such as {@code present|exclusive, none*3}: flag
 * bits must be equal; a frame label ({@code @P1}, {@code @0}) must equal the normalised frame shown.
 */
final class PageSpecs {
    private PageSpecs() {
    }

    /**
     * A single spec without a count applies to every page; otherwise the specs, expanded by their
     * counts, must cover the pages exactly.
     *
     * @param shown each entry as the transcript shows it ({@code present|exclusive@P1})
     */
    static boolean matches(long[] entries, String[] shown, List<Step.PageSpec> specs, ToLongFunction<String> names) {
        if (specs.size() == 1 && specs.getFirst().count() == null) {
            for (int i = 0; i < entries.length; i++) {
                if (!matches(entries[i], shown[i], specs.getFirst())) {
                    return false;
                }
            }
            return entries.length > 0;
        }
        int page = 0;
        for (Step.PageSpec spec : specs) {
            long count = spec.count() == null ? 1 : spec.count().eval(names);
            for (long k = 0; k < count; k++, page++) {
                if (page >= entries.length || !matches(entries[page], shown[page], spec)) {
                    return false;
                }
            }
        }
        return page == entries.length;
    }

    /** Per-page texts joined, a repeated text written once with a count: {@code none*3}. */
    static String join(String[] shown) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < shown.length) {
            int j = i;
            while (j < shown.length && shown[j].equals(shown[i])) {
                j++;
            }
            s.append(s.isEmpty() ? "" : ", ").append(shown[i]).append(j - i > 1 ? "*" + (j - i) : "");
            i = j;
        }
        return s.toString();
    }

    /** Expected pages as the transcript would show them. */
    static String describe(List<Step.PageSpec> specs, ToLongFunction<String> names) {
        StringBuilder s = new StringBuilder();
        for (Step.PageSpec spec : specs) {
            s.append(s.isEmpty() ? "" : ", ").append(PagemapFlag.format(spec.flags()));
            if (spec.frame() != null) {
                s.append('@').append(spec.frame());
            }
            if (spec.count() != null) {
                s.append('*').append(spec.count().eval(names));
            }
        }
        return s.toString();
    }

    private static boolean matches(long entry, String shown, Step.PageSpec spec) {
        if (PagemapEntryLayout.flags(entry) != spec.flags()) {
            return false;
        }
        return spec.frame() == null || shown.endsWith("@" + spec.frame());
    }
}
