package org.mmkit.scenario;

import java.util.HashMap;
import java.util.Map;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * Normalised names of physical frames and swap slots: the first PFN a run sees is {@code P1}, the
 * next new one {@code P2}, and swap entries {@code S1}, {@code S2}… So transcripts compare across
 * backends whose allocators pick different numbers but share pages the same way. A zero frame (an
 * unprivileged reader sees only zeros) prints as {@code 0}.
 */
final class FrameLabels {
    private final Map<Long, String> pfns = new HashMap<>();
    private final Map<Long, String> swapSlots = new HashMap<>();
    private final boolean verbose;

    FrameLabels(boolean verbose) {
        this.verbose = verbose;
    }

    /**
     * A pagemap entry as the transcript shows it: {@code present|exclusive@P1}. The frame label is
     * shown for pages and swap slots, not for PTE markers (their frame is the marker kind).
     */
    String entry(long entry) {
        String flags = PagemapFlag.format(PagemapEntryLayout.flags(entry));
        long frame = PagemapEntryLayout.frame(entry);
        if ((entry & PagemapFlag.PRESENT.mask()) != 0) {
            return flags + "@" + pfn(frame);
        }
        if ((entry & PagemapFlag.SWAPPED.mask()) != 0 && !PagemapEntryLayout.isMarker(entry)) {
            return flags + "@" + swapSlot(frame);
        }
        return flags;
    }

    String pfn(long pfn) {
        return label(pfns, "P", pfn);
    }

    /** A swap entry's frame bits (type and offset together). */
    private String swapSlot(long frame) {
        return label(swapSlots, "S", frame);
    }

    private String label(Map<Long, String> seen, String prefix, long frame) {
        if (frame == 0) {
            return "0";
        }
        String label = seen.computeIfAbsent(frame, f -> prefix + (seen.size() + 1));
        return verbose ? label + "(0x" + Long.toHexString(frame) + ")" : label;
    }
}
