package org.mmkit.core.vma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An index of disjoint address ranges {@code [start, end)} that tracks the largest free gap of
 * every subtree: the model's counterpart of the maple tree holding an mm's VMAs
 * ({@code mm_struct::mm_mt}). It answers {@code find_vma}, {@code find_vma_prev} and
 * {@code vma_iter} walks, and finds free areas as {@code mas_empty_area} and
 * {@code mas_empty_area_rev} do for {@code vm_unmapped_area}. Lookups, changes and unaligned gap
 * searches take O(log n) time; see {@link #gapTopDown} for aligned ones.
 *
 * <h2>Layout</h2>
 * A B+-tree. Every node holds {@code count} slots in parallel arrays, sorted by address, each with
 * a span {@code [starts[i], ends[i])}:
 * <pre>
 *   leaf    starts[i] ends[i]  values[i]              slot i is one entry; its span is the entry's range
 *   branch  starts[i] ends[i]  children[i] maxGaps[i] slot i is a subtree; its span runs from the
 *                                                     start of its first entry to the end of its
 *                                                     last, and maxGaps[i] is the largest free
 *                                                     range between two of its entries
 * </pre>
 * Unlike the maple tree, which stores free ranges as NULL slots under pivots covering the whole
 * address space, free ranges here are implicit: they are what lies between adjacent spans. The
 * largest gap inside a branch's slot is therefore the larger of its children's {@code maxGaps} and
 * the free ranges between its children's spans; the free ranges before the first entry and after
 * the last lie outside every span and are seen only at the root.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Spans within a node are non-empty, sorted and disjoint: {@code starts[i] < ends[i] <=
 *       starts[i + 1]}.
 *   <li>A branch's {@code starts[i]}, {@code ends[i]} and {@code maxGaps[i]} equal what
 *       {@code children[i]} holds; every change refreshes them on its way back up to the root, so
 *       no search descends into a subtree to learn its extent or its gaps.
 *   <li>All leaves are at the same depth. A node other than the root holds between
 *       {@code maxSlots / 2} and {@code maxSlots} slots; a root branch holds at least 2, a root
 *       leaf any number from 0 (the empty tree). Each node has one spare slot that holds the
 *       overflow of an insertion until the node is split.
 *   <li>Values are never null; slots past {@code count} hold no references.
 * </ul>
 * {@code checkInvariants()} verifies all of them.
 *
 * <p>The free space is everything in {@code [0, 2^63)} that no entry covers. {@link
 * #ADDRESS_SPACE_END} ({@code Long.MAX_VALUE}) stands in for {@code 2^63}; the two are
 * indistinguishable for page-aligned requests, whose ends are at most {@code 2^63 - 4096}.
 *
 * <p>Not thread-safe: the caller holds the counterpart of {@code mmap_lock}. Iterators fail fast
 * once the tree changes.
 *
 * @param <V> what each range maps to (a VMA)
 */
public final class VmaTree<V> {
    /** One indexed range {@code [start, end)} and its value, as it was when read: a snapshot. */
    public record Entry<V>(long start, long end, V value) {
        public Entry {
            checkRange(start, end);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "[0x%x, 0x%x) %s".formatted(start, end, value);
        }
    }

    /** The exclusive end of the address space, standing in for {@code 2^63}. */
    static final long ADDRESS_SPACE_END = Long.MAX_VALUE;

    /** Slots per node, as in the maple tree's range64 nodes ({@code MAPLE_RANGE64_SLOTS}). */
    static final int DEFAULT_MAX_SLOTS = 16;

    private Node root;
    private int size;
    /** Counts changes, so that iterators notice the tree changing under them and the last hit is dropped. */
    private int modCount;
    /** The slot {@link #leafEndingAfter} found in the leaf it returned. */
    private int foundSlot;
    /**
     * The entry {@link #valueAt} or {@link #valueEndingAfter} last found: {@code [hitStart,
     * hitEnd) -> hitValue}, valid while {@code hitModCount == modCount}; an empty range at first.
     */
    private long hitStart;
    private long hitEnd;
    private V hitValue;
    private int hitModCount = -1;

    public VmaTree() {
        this(DEFAULT_MAX_SLOTS);
    }

    /** An empty tree whose nodes hold up to {@code maxSlots} slots; tests use few to grow deep trees. */
    VmaTree(int maxSlots) {
        if (maxSlots < 4) {
            // With fewer, a node could empty out before it is rebalanced.
            throw new IllegalArgumentException("maxSlots must be at least 4: " + maxSlots);
        }
        root = new Leaf(maxSlots);
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    /**
     * Adds {@code [start, end) -> value}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= start < end}
     * @throws IllegalStateException if the range overlaps an entry
     */
    public void insert(long start, long end, V value) {
        checkRange(start, end);
        Objects.requireNonNull(value, "value");
        Entry<V> next = firstEndingAfter(start);
        if (next != null && next.start() < end) {
            throw new IllegalStateException(
                    "[0x%x, 0x%x) overlaps %s".formatted(start, end, next));
        }
        modifyLeaf(start, leaf -> leaf.insert(rank(leaf.starts, leaf.count, start), start, end, value));
        size++;
    }

    /** Removes the entry starting exactly at {@code start}; returns its value, or null if there is none. */
    public V remove(long start) {
        Entry<V> entry = entryStartingAt(start);
        if (entry == null) {
            return null;
        }
        modifyLeaf(start, leaf -> leaf.closeSlot(rank(leaf.starts, leaf.count, start) - 1));
        size--;
        return entry.value();
    }

    /**
     * Moves the bounds of the entry starting at {@code oldStart} to {@code [newStart, newEnd)}, in
     * place, as {@code vma_expand} and {@code vma_shrink} do. The new range must stay between the
     * entry's neighbours: it may touch them but neither overlap nor pass them.
     *
     * @throws IllegalArgumentException unless {@code 0 <= newStart < newEnd}
     * @throws NoSuchElementException if no entry starts at {@code oldStart}
     * @throws IllegalStateException if the new range overlaps or passes a neighbour
     */
    public void setBounds(long oldStart, long newStart, long newEnd) {
        checkRange(newStart, newEnd);
        Entry<V> entry = entryStartingAt(oldStart);
        if (entry == null) {
            throw new NoSuchElementException("no entry starts at 0x%x".formatted(oldStart));
        }
        Entry<V> prev = lastStartingBefore(oldStart);
        Entry<V> next = firstEndingAfter(entry.end());
        Entry<V> neighbourInTheWay = prev != null && prev.end() > newStart ? prev
                : next != null && next.start() < newEnd ? next : null;
        if (neighbourInTheWay != null) {
            throw new IllegalStateException("[0x%x, 0x%x) for %s would overlap or pass %s"
                    .formatted(newStart, newEnd, entry, neighbourInTheWay));
        }
        modifyLeaf(oldStart, leaf -> {
            int slot = rank(leaf.starts, leaf.count, oldStart) - 1;
            leaf.starts[slot] = newStart;
            leaf.ends[slot] = newEnd;
        });
    }

    /** The entry containing {@code addr}, or null ({@code vma_lookup}). */
    public Entry<V> lookup(long addr) {
        Entry<V> entry = firstEndingAfter(addr);
        return entry != null && entry.start() <= addr ? entry : null;
    }

    /** The lowest entry ending after {@code addr}, which may start after it; null if none ({@code find_vma}). */
    public Entry<V> firstEndingAfter(long addr) {
        Leaf leaf = leafEndingAfter(addr);
        return leaf == null ? null : entry(leaf, foundSlot);
    }

    /**
     * The value of the entry containing {@code addr}, or null: {@link #lookup} without building an
     * {@link Entry}, for the fault path and other hot callers. The entry last found is kept, as the
     * kernel's per-thread {@code vmacache} kept it before the maple tree, so repeated lookups in
     * one VMA take no descent until the tree changes.
     */
    public V valueAt(long addr) {
        if (hitModCount == modCount && hitStart <= addr && addr < hitEnd) {
            return hitValue;
        }
        Leaf leaf = leafEndingAfter(addr);
        if (leaf == null || leaf.starts[foundSlot] > addr) {
            return null;
        }
        return remember(leaf, foundSlot);
    }

    /** The value of {@link #firstEndingAfter firstEndingAfter(addr)}, or null, without building an {@link Entry}. */
    public V valueEndingAfter(long addr) {
        if (hitModCount == modCount && hitStart <= addr && addr < hitEnd) {
            return hitValue;
        }
        Leaf leaf = leafEndingAfter(addr);
        return leaf == null ? null : remember(leaf, foundSlot);
    }

    @SuppressWarnings("unchecked") // leaves only ever hold values of type V
    private V remember(Leaf leaf, int slot) {
        hitStart = leaf.starts[slot];
        hitEnd = leaf.ends[slot];
        hitValue = (V) leaf.values[slot];
        hitModCount = modCount;
        return hitValue;
    }

    /**
     * The leaf holding the lowest entry ending after {@code addr}, with that entry's slot left in
     * {@link #foundSlot}; null if no entry ends after {@code addr}. One binary search over each
     * node's ends on the way down, no allocation.
     */
    private Leaf leafEndingAfter(long addr) {
        Node node = root;
        while (true) {
            int slot = rank(node.ends, node.count, addr);
            if (slot == node.count) {
                return null; // only at the root: a child is chosen for a span ending after addr
            }
            if (node instanceof Branch branch) {
                node = branch.children[slot];
            } else {
                foundSlot = slot;
                return (Leaf) node;
            }
        }
    }

    /**
     * The highest entry starting below {@code addr}, or null. This is the "prev" of
     * {@code find_vma_prev} unless {@code addr} lies inside an entry past its start: then it is that
     * entry, where {@code find_vma_prev} gives the one before it.
     */
    public Entry<V> lastStartingBefore(long addr) {
        if (addr <= 0) {
            return null; // no entry starts below 0
        }
        Node node = root;
        while (true) {
            int slot = rank(node.starts, node.count, addr - 1) - 1;
            if (slot < 0) {
                return null; // only at the root: a child is chosen for a span starting below addr
            }
            if (node instanceof Branch branch) {
                node = branch.children[slot];
            } else {
                return entry((Leaf) node, slot);
            }
        }
    }

    /**
     * The entries overlapping {@code [start, end)}, ascending, in a new list ({@code for_each_vma_range}).
     *
     * @throws IllegalArgumentException if {@code start > end}
     */
    public List<Entry<V>> intersecting(long start, long end) {
        if (start > end) {
            throw new IllegalArgumentException("start 0x%x after end 0x%x".formatted(start, end));
        }
        List<Entry<V>> result = new ArrayList<>();
        if (start == end) {
            return result; // an empty range overlaps nothing, not even an entry around it
        }
        for (Cursor cursor = new Cursor(start); cursor.hasNext(); ) {
            Entry<V> entry = cursor.next();
            if (entry.start() >= end) {
                break;
            }
            result.add(entry);
        }
        return result;
    }

    /** All entries, ascending. */
    public Iterable<Entry<V>> entries() {
        return entries(Long.MIN_VALUE);
    }

    /** The entries from {@link #firstEndingAfter firstEndingAfter(from)} on, ascending ({@code for_each_vma}). */
    public Iterable<Entry<V>> entries(long from) {
        return () -> new Cursor(from);
    }

    /**
     * The highest address {@code a} with {@code low <= a}, {@code a + len <= high}, {@code [a, a +
     * len)} free and {@code (a & alignMask) == alignOffset}; -1 if there is none. This is the
     * search {@code mas_empty_area_rev} does for a top-down {@code vm_unmapped_area}, except that
     * the alignment is exact: Linux instead looks for a gap of {@code len + alignMask} bytes and
     * aligns within it, which callers reproduce by searching with that length and no alignment.
     *
     * <p>Subtrees whose largest gap is shorter than {@code len} are skipped, so without alignment
     * the search takes O(log n) time. With alignment a gap long enough may still hold no aligned
     * address, which only a descent reveals; the time then grows with the number of such gaps
     * in the window.
     *
     * @param alignMask   {@code 2^k - 1} for some k (0 for none)
     * @param alignOffset the low address bits wanted: no bits outside {@code alignMask}
     * @throws IllegalArgumentException unless {@code len > 0}, {@code low >= 0} and the alignment is as above
     */
    public long gapTopDown(long len, long low, long high, long alignMask, long alignOffset) {
        return new GapRequest(len, low, high, alignMask, alignOffset, true).searchIn(root);
    }

    /** Like {@link #gapTopDown} but the lowest such address ({@code mas_empty_area}, bottom-up search). */
    public long gapBottomUp(long len, long low, long high, long alignMask, long alignOffset) {
        return new GapRequest(len, low, high, alignMask, alignOffset, false).searchIn(root);
    }

    /**
     * Checks every invariant in the class comment; for tests, as gVisor's {@code mm/debug.go}.
     *
     * @throws IllegalStateException naming the first invariant found broken
     */
    void checkInvariants() {
        int entries = checkSubtree(root, 0, height() - 1).entries();
        require(entries == size, "size %d but %d entries", size, entries);
    }

    private record Subtree(int entries, long maxGap) {}

    private Subtree checkSubtree(Node node, int depth, int leafDepth) {
        int minSlots = node != root ? node.minSlots() : node instanceof Branch ? 2 : 0;
        require(node.count >= minSlots && node.count <= node.maxSlots(),
                "node at depth %d holds %d slots", depth, node.count);
        require((node instanceof Branch) == (depth < leafDepth), "leaves at different depths");
        int entries = 0;
        long maxGap = 0;
        for (int i = 0; i < node.count; i++) {
            require(0 <= node.starts[i] && node.starts[i] < node.ends[i],
                    "slot %d spans [0x%x, 0x%x)", i, node.starts[i], node.ends[i]);
            if (i > 0) {
                require(node.ends[i - 1] <= node.starts[i], "slots %d and %d overlap or are unsorted", i - 1, i);
                maxGap = Math.max(maxGap, node.starts[i] - node.ends[i - 1]);
            }
            if (node instanceof Branch branch) {
                Node child = branch.children[i];
                Subtree subtree = checkSubtree(child, depth + 1, leafDepth);
                require(branch.starts[i] == child.firstStart() && branch.ends[i] == child.lastEnd(),
                        "stale span in slot %d at depth %d", i, depth);
                require(branch.maxGaps[i] == subtree.maxGap(), "stale maxGap in slot %d at depth %d: %d, not %d",
                        i, depth, branch.maxGaps[i], subtree.maxGap());
                entries += subtree.entries();
                maxGap = Math.max(maxGap, subtree.maxGap());
            } else {
                require(((Leaf) node).values[i] != null, "null value in slot %d", i);
                entries++;
            }
        }
        Object[] references = node instanceof Branch branch ? branch.children : ((Leaf) node).values;
        for (int i = node.count; i < references.length; i++) {
            require(references[i] == null, "slot %d past the count still holds a reference", i);
        }
        return new Subtree(entries, maxGap);
    }

    private static void require(boolean invariant, String format, Object... args) {
        if (!invariant) {
            throw new IllegalStateException("VmaTree invariant broken: " + format.formatted(args));
        }
    }

    private static void checkRange(long start, long end) {
        if (start < 0 || start >= end) {
            throw new IllegalArgumentException("not a range: [0x%x, 0x%x)".formatted(start, end));
        }
    }

    private Entry<V> entryStartingAt(long start) {
        Entry<V> entry = lookup(start);
        return entry != null && entry.start() == start ? entry : null;
    }

    @SuppressWarnings("unchecked") // leaves only ever hold values of type V
    private Entry<V> entry(Leaf leaf, int slot) {
        return new Entry<>(leaf.starts[slot], leaf.ends[slot], (V) leaf.values[slot]);
    }

    /** The levels from the root to the leaves: 1 for a tree that is one leaf. */
    int height() {
        int height = 1;
        for (Node node = root; node instanceof Branch branch; node = branch.children[0]) {
            height++;
        }
        return height;
    }

    /**
     * Applies {@code leafChange} to the leaf where {@code key} belongs, then restores the
     * invariants on the way back up: each branch refreshes the slot it descended through and
     * splits or rebalances that child if the change left it too full or too empty. The root grows
     * a level when it splits and loses one when it is a branch with a single child.
     */
    private void modifyLeaf(long key, Consumer<Leaf> leafChange) {
        modifyLeaf(root, key, leafChange);
        if (root.count > root.maxSlots()) {
            Branch newRoot = new Branch(root.maxSlots());
            newRoot.children[0] = root;
            newRoot.count = 1;
            newRoot.restore(0);
            root = newRoot;
        } else if (root instanceof Branch branch && branch.count == 1) {
            root = branch.children[0];
        }
        modCount++;
    }

    private static void modifyLeaf(Node node, long key, Consumer<Leaf> leafChange) {
        if (node instanceof Branch branch) {
            int slot = Math.max(rank(branch.starts, branch.count, key) - 1, 0);
            modifyLeaf(branch.children[slot], key, leafChange);
            branch.restore(slot);
        } else {
            leafChange.accept((Leaf) node);
        }
    }

    /** The number of {@code keys[0, count)}, which ascend, that are at most {@code key}. */
    private static int rank(long[] keys, int count, long key) {
        if (count == 0) {
            return 0;
        }
        int base = 0;
        for (int n = count; n > 1; ) {
            int half = n >>> 1;
            base += keys[base + half] <= key ? half : 0;
            n -= half;
        }
        return base + (keys[base] <= key ? 1 : 0);
    }

    /** A node's slots, in parallel arrays; the class comment says what a slot is in each kind of node. */
    private abstract static sealed class Node permits Leaf, Branch {
        final long[] starts;
        final long[] ends;
        int count;

        Node(int maxSlots) {
            starts = new long[maxSlots + 1];
            ends = new long[maxSlots + 1];
        }

        final int maxSlots() {
            return starts.length - 1;
        }

        final int minSlots() {
            return maxSlots() / 2;
        }

        final long firstStart() {
            return starts[0];
        }

        final long lastEnd() {
            return ends[count - 1];
        }

        /** The largest free range between two entries of this subtree, 0 if none. */
        final long maxGap() {
            long maxGap = innerGap(0);
            for (int i = 1; i < count; i++) {
                maxGap = Math.max(maxGap, Math.max(innerGap(i), starts[i] - ends[i - 1]));
            }
            return maxGap;
        }

        /** The largest free range inside slot {@code i}'s span. */
        abstract long innerGap(int i);

        abstract Node emptySibling();

        /** Copies slots {@code [from, from + n)} to slots {@code [at, at + n)} of {@code to}, perhaps this node. */
        void copySlots(int from, Node to, int at, int n) {
            System.arraycopy(starts, from, to.starts, at, n);
            System.arraycopy(ends, from, to.ends, at, n);
        }

        /** Drops the slots from {@code newCount} on. */
        void truncate(int newCount) {
            count = newCount;
        }

        /** Makes room at slot {@code i} for the caller to fill. */
        final void openSlot(int i) {
            copySlots(i, this, i + 1, count - i);
            count++;
        }

        final void closeSlot(int i) {
            copySlots(i + 1, this, i, count - i - 1);
            truncate(count - 1);
        }

        /**
         * Moves slots between adjacent siblings so that {@code left} holds {@code leftCount} of them:
         * a split when {@code right} is empty, a merge when {@code leftCount} is their total.
         */
        static void redistribute(Node left, Node right, int leftCount) {
            int surplus = left.count - leftCount;
            if (surplus > 0) {
                right.copySlots(0, right, surplus, right.count);
                left.copySlots(leftCount, right, 0, surplus);
                right.count += surplus;
                left.truncate(leftCount);
            } else if (surplus < 0) {
                int deficit = -surplus;
                right.copySlots(0, left, left.count, deficit);
                left.count = leftCount;
                right.copySlots(deficit, right, 0, right.count - deficit);
                right.truncate(right.count - deficit);
            }
        }
    }

    private static final class Leaf extends Node {
        final Object[] values;

        Leaf(int maxSlots) {
            super(maxSlots);
            values = new Object[maxSlots + 1];
        }

        @Override
        long innerGap(int i) {
            return 0; // an entry is all mapped
        }

        @Override
        Node emptySibling() {
            return new Leaf(maxSlots());
        }

        @Override
        void copySlots(int from, Node to, int at, int n) {
            super.copySlots(from, to, at, n);
            System.arraycopy(values, from, ((Leaf) to).values, at, n);
        }

        @Override
        void truncate(int newCount) {
            Arrays.fill(values, newCount, count, null);
            super.truncate(newCount);
        }

        void insert(int i, long start, long end, Object value) {
            openSlot(i);
            starts[i] = start;
            ends[i] = end;
            values[i] = value;
        }
    }

    private static final class Branch extends Node {
        final Node[] children;
        final long[] maxGaps;

        Branch(int maxSlots) {
            super(maxSlots);
            children = new Node[maxSlots + 1];
            maxGaps = new long[maxSlots + 1];
        }

        @Override
        long innerGap(int i) {
            return maxGaps[i];
        }

        @Override
        Node emptySibling() {
            return new Branch(maxSlots());
        }

        @Override
        void copySlots(int from, Node to, int at, int n) {
            super.copySlots(from, to, at, n);
            System.arraycopy(children, from, ((Branch) to).children, at, n);
            System.arraycopy(maxGaps, from, ((Branch) to).maxGaps, at, n);
        }

        @Override
        void truncate(int newCount) {
            Arrays.fill(children, newCount, count, null);
            super.truncate(newCount);
        }

        /**
         * Brings slot {@code i} up to date after its subtree changed, splitting or rebalancing the
         * child if needed. An overfull child first hands its spare slot to a neighbour with room
         * (as a B*-tree does), and splits only when both are full: VMAs are mostly added in address
         * order, which would otherwise leave every node half full and the tree deeper.
         */
        void restore(int i) {
            Node child = children[i];
            if (child.count > child.maxSlots()) {
                if (i > 0 && children[i - 1].count < child.maxSlots()) {
                    redistribute(children[i - 1], child, children[i - 1].count + 1);
                    refresh(i - 1);
                    refresh(i);
                    return;
                }
                if (i + 1 < count && children[i + 1].count < child.maxSlots()) {
                    redistribute(child, children[i + 1], child.count - 1);
                    refresh(i + 1);
                    refresh(i);
                    return;
                }
                Node right = child.emptySibling();
                redistribute(child, right, child.count / 2);
                openSlot(i + 1);
                children[i + 1] = right;
                refresh(i + 1);
                refresh(i);
            } else if (child.count < child.minSlots()) {
                rebalance(Math.max(i - 1, 0)); // with the left neighbour, or the right one for slot 0
            } else {
                refresh(i);
            }
        }

        /** Merges the children in slots {@code left} and {@code left + 1}, or evens them out if they do not fit in one. */
        private void rebalance(int left) {
            Node leftChild = children[left];
            Node rightChild = children[left + 1];
            int total = leftChild.count + rightChild.count;
            if (total <= leftChild.maxSlots()) {
                redistribute(leftChild, rightChild, total);
                closeSlot(left + 1);
            } else {
                redistribute(leftChild, rightChild, total / 2);
                refresh(left + 1);
            }
            refresh(left);
        }

        private void refresh(int i) {
            Node child = children[i];
            starts[i] = child.firstStart();
            ends[i] = child.lastEnd();
            maxGaps[i] = child.maxGap();
        }
    }

    /**
     * A free-area search ({@code struct vm_unmapped_area_info}). Both directions walk the same
     * sequence of pieces, only in opposite orders, and stop at the first piece holding a fit.
     */
    private record GapRequest(long len, long low, long high, long alignMask, long alignOffset, boolean topDown) {
        GapRequest {
            if (len <= 0 || low < 0) {
                throw new IllegalArgumentException("len 0x%x, low 0x%x".formatted(len, low));
            }
            if (alignMask < 0 || (alignMask & (alignMask + 1)) != 0 || (alignOffset & ~alignMask) != 0) {
                throw new IllegalArgumentException(
                        "alignMask 0x%x, alignOffset 0x%x".formatted(alignMask, alignOffset));
            }
        }

        long searchIn(Node root) {
            return search(root, 0, ADDRESS_SPACE_END);
        }

        /**
         * Searches {@code node}'s slots and the free ranges around them, which alternate: piece
         * {@code 2k} is the free range before slot k (from {@code leftEdge} for k = 0, to {@code
         * rightEdge} for k = count) and piece {@code 2k + 1} is slot k. The root's edges are the
         * ends of the address space; a child's are its own span, whose outer free ranges its
         * parent searches.
         */
        private long search(Node node, long leftEdge, long rightEdge) {
            int pieces = 2 * node.count + 1;
            for (int step = 0; step < pieces; step++) {
                int piece = topDown ? pieces - 1 - step : step;
                int slot = piece / 2;
                long found = -1;
                if (piece % 2 == 0) {
                    found = fit(slot == 0 ? leftEdge : node.ends[slot - 1],
                            slot == node.count ? rightEdge : node.starts[slot]);
                } else if (node instanceof Branch branch && mayHold(branch, slot)) {
                    found = search(branch.children[slot], branch.starts[slot], branch.ends[slot]);
                }
                if (found >= 0) {
                    return found;
                }
            }
            return -1;
        }

        /**
         * Whether the subtree in {@code branch}'s slot might hold a fit: its largest gap is long
         * enough and its span overlaps the window by at least {@code len}. Alignment may still
         * rule out every gap, which only the descent can tell.
         */
        private boolean mayHold(Branch branch, int slot) {
            return branch.maxGaps[slot] >= len
                    && Math.min(branch.ends[slot], high) - Math.max(branch.starts[slot], low) >= len;
        }

        /** The preferred aligned address for the request in the free range {@code [gapStart, gapEnd)}, or -1. */
        private long fit(long gapStart, long gapEnd) {
            long windowStart = Math.max(gapStart, low);
            long windowEnd = Math.min(gapEnd, high);
            if (windowEnd - windowStart < len) {
                return -1;
            }
            if (topDown) {
                long highest = windowEnd - len;
                long aligned = highest - ((highest - alignOffset) & alignMask);
                return aligned >= windowStart ? aligned : -1;
            }
            long alignUp = (alignOffset - windowStart) & alignMask;
            return alignUp <= windowEnd - len - windowStart ? windowStart + alignUp : -1;
        }
    }

    /** A position in the tree that walks on in address order: the maple tree's {@code ma_state} under {@code vma_iter}. */
    private final class Cursor implements Iterator<Entry<V>> {
        /** The nodes from the root ({@code path[0]}) to the current leaf. */
        private final Node[] path;
        /** {@code slots[level]} is the slot of {@code path[level]} leading to the current entry. */
        private final int[] slots;
        private final int expectedModCount = modCount;
        private boolean exhausted;

        /** Positioned at the lowest entry ending after {@code addr}. */
        Cursor(long addr) {
            path = new Node[height()];
            slots = new int[path.length];
            Node node = root;
            for (int level = 0; level < path.length; level++) {
                int slot = rank(node.ends, node.count, addr);
                if (slot == node.count) {
                    exhausted = true; // only at the root: a child is chosen for a span ending after addr
                    return;
                }
                path[level] = node;
                slots[level] = slot;
                if (node instanceof Branch branch) {
                    node = branch.children[slot];
                }
            }
        }

        @Override
        public boolean hasNext() {
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            return !exhausted;
        }

        @Override
        public Entry<V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int leafLevel = path.length - 1;
            Entry<V> entry = entry((Leaf) path[leafLevel], slots[leafLevel]);
            advance();
            return entry;
        }

        private void advance() {
            int level = path.length - 1;
            while (++slots[level] == path[level].count) {
                if (--level < 0) {
                    exhausted = true;
                    return;
                }
            }
            for (; level < path.length - 1; level++) {
                path[level + 1] = ((Branch) path[level]).children[slots[level]];
                slots[level + 1] = 0;
            }
        }
    }
}
