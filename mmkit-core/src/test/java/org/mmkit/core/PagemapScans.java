package org.mmkit.core;

import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.List;
import org.mmkit.core.abi.PageRegionLayout;
import org.mmkit.core.abi.PmScanArgLayout;
import org.mmkit.core.abi.Scalars;

/** PAGEMAP_SCAN from a test, as a tool calls it: a {@code pm_scan_arg} in the process's memory. */
final class PagemapScans {
    private PagemapScans() {
    }

    /**
     * One scan through {@code pm} with its argument at {@code arg} and its vector at {@code vec};
     * returns the regions written, each {start, end, categories}, then {walk_end}.
     */
    static List<long[]> scan(SimProcess p, int pm, long arg, long vec, long flags, long start, long end, long vecLen,
            long maxPages, long mask, long inverted, long anyof, long returnMask) {
        byte[] bytes = PmScanArgLayout.encode(flags, start, end, vec, vecLen, maxPages, inverted, mask, anyof, returnMask);
        p.store(arg, bytes);
        int n = (int) p.ioctl(pm, PAGEMAP_SCAN, arg);
        byte[] out = new byte[n * PageRegionLayout.SIZE];
        p.load(vec, out);
        List<long[]> regions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = i * PageRegionLayout.SIZE;
            regions.add(new long[] {Scalars.U64.read(out, at), Scalars.U64.read(out, at + 8), Scalars.U64.read(out, at + 16)});
        }
        p.load(arg, bytes);
        regions.add(new long[] {Scalars.U64.read(bytes, PmScanArgLayout.WALK_END_OFFSET)});
        return regions;
    }
}
