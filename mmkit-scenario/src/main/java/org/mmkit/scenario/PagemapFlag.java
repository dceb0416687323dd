package org.mmkit.scenario;

import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * The flag bits of a {@code /proc/PID/pagemap} entry as scenarios name them ({@code present},
 * {@code uffd_wp}...). The bits themselves are defined in {@link PagemapEntryLayout}.
 */
enum PagemapFlag {
    PRESENT(PagemapEntryLayout.PRESENT),
    SWAPPED(PagemapEntryLayout.SWAP),
    FILE(PagemapEntryLayout.FILE),
    GUARD(PagemapEntryLayout.GUARD_REGION),
    UFFD_WP(PagemapEntryLayout.UFFD_WP),
    EXCLUSIVE(PagemapEntryLayout.MMAP_EXCLUSIVE),
    SOFT_DIRTY(PagemapEntryLayout.SOFT_DIRTY);

    private final long mask;

    PagemapFlag(long mask) {
        this.mask = mask;
    }

    public long mask() {
        return mask;
    }

    /** The name used in scenarios: {@code uffd_wp}. */
    public String scenarioName() {
        return name().toLowerCase();
    }

    /** The flag named so in scenarios, or null. */
    public static PagemapFlag named(String name) {
        for (PagemapFlag f : values()) {
            if (f.scenarioName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Every scenario name, space-separated, for error messages. */
    public static String known() {
        return java.util.Arrays.stream(values()).map(PagemapFlag::scenarioName)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The flag bits of an entry, as {@code present|exclusive}, or {@code none}. */
    public static String format(long flags) {
        StringBuilder s = new StringBuilder();
        for (PagemapFlag f : values()) {
            if ((flags & f.mask()) != 0) {
                s.append(s.isEmpty() ? "" : "|").append(f.scenarioName());
            }
        }
        return s.isEmpty() ? "none" : s.toString();
    }
}
