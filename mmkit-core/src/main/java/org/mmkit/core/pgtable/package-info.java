/**
 * Four-level x86-64 page tables and the bit layouts of what they hold: PTEs, swap entries and PTE
 * markers ({@code arch/x86/include/asm/pgtable*.h}, {@code include/linux/swapops.h}). Internal;
 * guarded by the machine lock.
 */
package org.mmkit.core.pgtable;
