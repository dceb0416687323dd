package org.mmkit.core.mm;

/**
 * The CPU's swap cluster for order-0 slots ({@code percpu_swap_cluster.si[0]} and
 * {@code .offset[0]}): the area and the slot where the next allocation looks first. The model
 * has one CPU for swap allocation (the kernel backend pins its executor to one CPU, so that its
 * order is one CPU's too). Guarded by the machine lock.
 */
final class SwapCpuCluster {
    /** The area of the cluster, null for none (never allocated, or that area was switched off). */
    private SwapArea area;
    /** The slot to look at first in {@link #area}; 0 ({@code SWAP_ENTRY_INVALID}) for none. */
    private long offset;

    /** What {@code alloc_swap_scan_cluster} leaves for the next allocation. */
    void set(SwapArea area, long offset) {
        this.area = area;
        this.offset = offset;
    }

    /**
     * {@code swap_alloc_fast}: a slot from the CPU's cluster for the swap cache folio
     * {@code pfn}, 0 when it has none.
     */
    long allocate(int pfn) {
        return area == null || offset == 0 ? 0 : area.allocateFrom(offset, pfn, this);
    }

    /** The area, for the entry the fast path allocated in. */
    SwapArea area() {
        return area;
    }

    /** {@code flush_percpu_swap_cluster}: an area switched off is no longer the CPU's. */
    void forget(SwapArea removed) {
        if (area == removed) {
            area = null;
        }
    }
}
