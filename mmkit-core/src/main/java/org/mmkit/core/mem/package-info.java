/**
 * Physical memory: page frames with their {@code struct page} metadata in primitive arrays by PFN
 * and their contents off-heap. Internal; guarded by the machine lock.
 */
package org.mmkit.core.mem;
