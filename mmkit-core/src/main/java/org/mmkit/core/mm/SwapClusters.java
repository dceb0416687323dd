package org.mmkit.core.mm;

import java.util.Arrays;

/**
 * The clusters of one swap area ({@code si->cluster_info}) and the lists the allocator takes them
 * from, for order-0 slots (mm/swapfile.c, Linux 6.18): {@code free_clusters},
 * {@code nonfull_clusters[0]} (clusters a slot was freed in), {@code frag_clusters[0]} (clusters
 * allocated from and not full) and {@code full_clusters}. A cluster is on the list its flag names,
 * or on none while the allocator holds it ({@code CLUSTER_FLAG_NONE}). Guarded by the machine lock.
 */
final class SwapClusters {
    /** {@code CLUSTER_FLAG_NONE}: off every list, held by the allocator. */
    static final int NONE = 0;
    /** {@code CLUSTER_FLAG_FREE}: no slot in use; its swap table is given back. */
    static final int FREE = 1;
    /** {@code CLUSTER_FLAG_NONFULL}: a slot was freed in it since it was last allocated from. */
    static final int NONFULL = 2;
    /** {@code CLUSTER_FLAG_FRAG}: allocated from, not full. */
    static final int FRAG = 3;
    /** {@code CLUSTER_FLAG_FULL}: every slot in use; not usable ({@code cluster_is_usable}). */
    static final int FULL = 4;
    private static final int LISTS = 5;
    private static final int END = -1;

    private final int clusterSlots;
    /** {@code ci->count}: slots in use per cluster, the header slot and the slots past the area's end included. */
    final int[] count;
    /** {@code ci->flags}: the list each cluster is on. */
    private final byte[] flags;
    /** Whether the cluster has its swap table ({@code ci->table}); a free cluster gives it back. */
    private final boolean[] hasTable;
    /** Links of the doubly linked lists, by cluster; {@link #END} past either end. */
    private final int[] next;
    private final int[] previous;
    /** First and last cluster of each list, by flag; {@link #END} for an empty list. */
    private final int[] head = new int[LISTS];
    private final int[] tail = new int[LISTS];

    /**
     * {@code setup_clusters}: the clusters of an area of {@code slots} slots. The header's cluster
     * and a last cluster the area ends inside count those slots as in use and go to the nonfull
     * list with their tables; the others are free, in order.
     */
    SwapClusters(long slots, int clusterSlots) {
        this.clusterSlots = clusterSlots;
        int clusters = (int) ((slots + clusterSlots - 1) / clusterSlots);
        count = new int[clusters];
        flags = new byte[clusters];
        hasTable = new boolean[clusters];
        next = new int[clusters];
        previous = new int[clusters];
        Arrays.fill(head, END);
        Arrays.fill(tail, END);
        count[0]++; // the header (slot 0)
        count[clusters - 1] += (int) ((long) clusters * clusterSlots - slots);
        for (int cluster = 0; cluster < clusters; cluster++) {
            hasTable[cluster] = count[cluster] != 0;
            addTail(cluster, count[cluster] != 0 ? NONFULL : FREE);
        }
    }

    /**
     * For the invariants: what is wrong with the clusters, given each one's slots in use
     * ({@code used}, header and slots past the end included), or null. A cluster is free exactly
     * when it has no slot in use, full exactly when every slot is; each list is well linked and
     * holds exactly the clusters its flag names; only free clusters lack their swap table.
     */
    String inconsistency(int[] used) {
        int reached = 0;
        for (int list = FREE; list < LISTS; list++) {
            int before = END;
            for (int cluster = head[list]; cluster != END; before = cluster, cluster = next[cluster]) {
                if (flags[cluster] != list || previous[cluster] != before || ++reached > count.length) {
                    return "cluster " + cluster + " is badly linked on list " + list;
                }
            }
            if (tail[list] != before) {
                return "list " + list + " ends at " + before + ", its tail says " + tail[list];
            }
        }
        for (int cluster = 0; cluster < count.length; cluster++) {
            if (count[cluster] != used[cluster]) {
                return "cluster " + cluster + " counts " + count[cluster] + " slots in use, holds " + used[cluster];
            }
            if ((count[cluster] == 0) != (flags[cluster] == FREE) || (count[cluster] == clusterSlots) != (flags[cluster] == FULL)
                    || hasTable[cluster] == (flags[cluster] == FREE)) {
                return "cluster " + cluster + " with " + count[cluster] + " slots in use is on list " + flags[cluster]
                        + (hasTable[cluster] ? " with" : " without") + " its table";
            }
        }
        return reached == count.length ? null : (count.length - reached) + " clusters are on no list";
    }

    /** {@code cluster_is_usable} for order 0: on a list allocation may take from, with its swap table. */
    boolean usable(int cluster) {
        return flags[cluster] <= FRAG && hasTable[cluster];
    }

    /**
     * {@code isolate_lock_cluster}: takes the first cluster off {@code list} (giving a free one its
     * swap table back); -1 when the list is empty.
     */
    int isolateFirst(int list) {
        int cluster = head[list];
        if (cluster == END) {
            return END;
        }
        unlink(cluster);
        flags[cluster] = NONE;
        hasTable[cluster] = true;
        return cluster;
    }

    /** {@code relocate_cluster}: after an allocation, the cluster goes to the list its count says. */
    void relocate(int cluster) {
        if (count[cluster] == 0) {
            if (flags[cluster] != FREE) {
                free(cluster);
            }
        } else if (count[cluster] != clusterSlots) {
            moveTo(cluster, FRAG);
        } else {
            moveTo(cluster, FULL);
        }
    }

    /**
     * A slot of the cluster was freed: the cluster is free when it was its last slot in use
     * ({@code free_cluster}), else it goes to the nonfull list ({@code partial_free_cluster}).
     */
    void slotFreed(int cluster) {
        if (--count[cluster] == 0) {
            free(cluster);
        } else {
            moveTo(cluster, NONFULL);
        }
    }

    /** {@code __free_cluster}: to the free list's tail, the swap table given back ({@code swap_cluster_free_table}). */
    private void free(int cluster) {
        moveTo(cluster, FREE);
        hasTable[cluster] = false;
    }

    /** {@code move_cluster}: to {@code list}'s tail, unless already on it. */
    private void moveTo(int cluster, int list) {
        if (flags[cluster] == list) {
            return;
        }
        if (flags[cluster] != NONE) {
            unlink(cluster);
        }
        addTail(cluster, list);
    }

    private void addTail(int cluster, int list) {
        flags[cluster] = (byte) list;
        previous[cluster] = tail[list];
        next[cluster] = END;
        if (tail[list] == END) {
            head[list] = cluster;
        } else {
            next[tail[list]] = cluster;
        }
        tail[list] = cluster;
    }

    private void unlink(int cluster) {
        int list = flags[cluster];
        if (previous[cluster] == END) {
            head[list] = next[cluster];
        } else {
            next[previous[cluster]] = next[cluster];
        }
        if (next[cluster] == END) {
            tail[list] = previous[cluster];
        } else {
            previous[next[cluster]] = previous[cluster];
        }
    }
}
