package org.mmkit.scenario;

import java.util.List;

/**
 * The two-letter codes the {@code VmFlags:} line of smaps can show on Linux 6.18 x86-64
 * ({@code show_smap_vma_flags} in fs/proc/task_mmu.c, and Documentation/filesystems/proc.rst),
 * so a misspelt flag in {@code vmflags(a) has ...} fails to parse instead of failing every run.
 */
final class VmFlagNames {
    static final List<String> KNOWN = List.of(
            "rd", "wr", "ex", "sh", "mr", "mw", "me", "ms", "gd", "pf", "gu", "lo", "io", "sr", "rr", "dc", "de",
            "ac", "nr", "ht", "sf", "ar", "wf", "dd", "um", "uw", "sd", "mm", "hg", "nh", "mg", "ui", "ss", "dp",
            "sl", "lf");

    private VmFlagNames() {
    }
}
