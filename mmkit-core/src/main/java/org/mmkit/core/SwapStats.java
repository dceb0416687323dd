package org.mmkit.core;

/**
 * The machine's swap counters as {@code /proc/meminfo} and {@code /proc/vmstat} show them.
 *
 * @param totalKb  {@code SwapTotal}: the usable size of every active area (header pages not
 *                 counted), in kB
 * @param freeKb   {@code SwapFree}: the slots no swap entry, page cache or swap cache holds, in kB
 * @param pswpin   {@code pswpin}: pages read from swap since boot; a slot that held a page of zeros
 *                 is not read ({@code swap_read_folio_zeromap})
 * @param pswpout  {@code pswpout}: pages written to swap since boot; a page of zeros is not written,
 *                 only marked in the area's zero map ({@code swap_writeout})
 */
public record SwapStats(long totalKb, long freeKb, long pswpin, long pswpout) {
}
