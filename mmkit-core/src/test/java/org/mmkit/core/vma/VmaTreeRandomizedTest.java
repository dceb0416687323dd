package org.mmkit.core.vma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.google.common.collect.ImmutableList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmkit.core.vma.VmaTree.Entry;

/**
 * Drives {@link VmaTree} and {@link ReferenceVmaIndex} with the same seeded random operations and
 * compares every answer, checking the tree's invariants after each operation. A failure names the
 * seed and the operation; the display name of each run names its seed and fan-out.
 */
class VmaTreeRandomizedTest {
    private static final long PAGE = org.mmkit.core.Uapi.PAGE_SIZE;
    /** Random ranges start in the first this many pages, so they collide and leave small gaps often. */
    private static final int SPACE_PAGES = 1024;
    private static final long[] ALIGN_MASKS = {0, 4 * PAGE - 1, 64 * PAGE - 1, 512 * PAGE - 1};
    private static final int OPERATIONS = 5_000;

    /** Set to N to run N fresh random seeds besides the fixed ones, e.g. {@code -Dvmatree.freshSeeds=100}. */
    private static final String FRESH_SEEDS_PROPERTY = "vmatree.freshSeeds";

    /** Seeds 1 to 20, so every run checks the same sequences, and any fresh seeds asked for, each logged. */
    static Stream<Arguments> seedsAndFanOuts() {
        LongStream freshSeeds = new Random().longs(Long.getLong(FRESH_SEEDS_PROPERTY, 0))
                .peek(seed -> System.out.println("VmaTreeRandomizedTest fresh seed " + seed));
        return LongStream.concat(LongStream.rangeClosed(1, 20), freshSeeds).boxed()
                .flatMap(seed -> Stream.of(Arguments.of(seed, 4), Arguments.of(seed, VmaTree.DEFAULT_MAX_SLOTS)));
    }

    @ParameterizedTest(name = "seed {0}, {1} slots per node")
    @MethodSource("seedsAndFanOuts")
    void agreesWithTheReferenceOnRandomOperations(long seed, int maxSlots) {
        new Run(seed, maxSlots).execute();
    }

    /** One seeded sequence of operations against a fresh tree and reference. */
    private static final class Run {
        private final long seed;
        private final Random random;
        private final VmaTree<Integer> tree;
        private final ReferenceVmaIndex<Integer> reference = new ReferenceVmaIndex<>();
        /** What the current operation does, for the failure message. */
        private String operation = "";
        /** The address of the previous query, asked again so that a stale last hit would show. */
        private long lastValueQuery;

        Run(long seed, int maxSlots) {
            this.seed = seed;
            this.random = new Random(seed);
            this.tree = new VmaTree<>(maxSlots);
        }

        void execute() {
            for (int op = 0; op < OPERATIONS; op++) {
                try {
                    step(op);
                    tree.checkInvariants();
                    assertThat(tree.size()).isEqualTo(reference.size());
                    assertThat(ImmutableList.copyOf(tree.entries())).isEqualTo(reference.entries());
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed %d, op %d: %s".formatted(seed, op, operation), e);
                }
            }
        }

        /** Performs one random operation, checking the tree's answer against the reference's. */
        private void step(int op) {
            int kind = random.nextInt(100);
            if (kind < 30) {
                insert(op);
            } else if (kind < 45) {
                remove();
            } else if (kind < 60) {
                setBounds();
            } else if (kind < 80) {
                query();
            } else {
                gapSearch();
            }
        }

        private void insert(int value) {
            long start = randomPage(SPACE_PAGES);
            long end = start + pages(1 + random.nextInt(32));
            operation = "insert [0x%x, 0x%x)".formatted(start, end);
            if (reference.overlapsOther(start, end, -1)) {
                assertThatThrownBy(() -> tree.insert(start, end, value)).isInstanceOf(IllegalStateException.class);
            } else {
                tree.insert(start, end, value);
                reference.insert(start, end, value);
            }
        }

        private void remove() {
            long start = random.nextBoolean() ? someEntryStart() : randomPage(SPACE_PAGES);
            operation = "remove 0x%x".formatted(start);
            assertThat(tree.remove(start)).isEqualTo(reference.remove(start));
        }

        private void setBounds() {
            long oldStart = random.nextInt(10) == 0 ? randomPage(SPACE_PAGES) : someEntryStart();
            long newStart = Math.max(0, oldStart + pages(random.nextInt(17) - 8));
            long newEnd = newStart + pages(1 + random.nextInt(32));
            operation = "setBounds 0x%x to [0x%x, 0x%x)".formatted(oldStart, newStart, newEnd);
            if (reference.startingAt(oldStart) == null) {
                assertThatThrownBy(() -> tree.setBounds(oldStart, newStart, newEnd))
                        .isInstanceOf(NoSuchElementException.class);
            } else if (!reference.staysBetweenNeighbours(oldStart, newStart, newEnd)) {
                assertThatThrownBy(() -> tree.setBounds(oldStart, newStart, newEnd))
                        .isInstanceOf(IllegalStateException.class);
            } else {
                tree.setBounds(oldStart, newStart, newEnd);
                reference.setBounds(oldStart, newStart, newEnd);
            }
        }

        private void query() {
            // Any byte address, so that queries also land inside pages and next to boundaries.
            long addr = random.nextLong(pages(SPACE_PAGES + 64));
            long end = addr + random.nextLong(pages(64));
            operation = "queries at 0x%x and of [0x%x, 0x%x)".formatted(addr, addr, end);
            assertThat(tree.lookup(addr)).isEqualTo(reference.lookup(addr));
            assertThat(tree.firstEndingAfter(addr)).isEqualTo(reference.firstEndingAfter(addr));
            // the value lookups keep their last hit: ask again nearby, and again after the next change
            for (long near : new long[] {addr, addr + random.nextLong(pages(2)), lastValueQuery}) {
                assertThat(tree.valueAt(near)).as("valueAt 0x%x", near).isEqualTo(valueOf(reference.lookup(near)));
                assertThat(tree.valueEndingAfter(near)).as("valueEndingAfter 0x%x", near)
                        .isEqualTo(valueOf(reference.firstEndingAfter(near)));
            }
            lastValueQuery = addr;
            assertThat(tree.lastStartingBefore(addr)).isEqualTo(reference.lastStartingBefore(addr));
            assertThat(tree.intersecting(addr, end)).isEqualTo(reference.intersecting(addr, end));
            assertThat(ImmutableList.copyOf(tree.entries(addr))).isEqualTo(reference.entriesFrom(addr));
        }

        private void gapSearch() {
            long len = pages(1 + random.nextInt(64));
            long low = randomPage(SPACE_PAGES + 64);
            long high = random.nextInt(10) == 0 ? 1L << 47 : low + randomPage(SPACE_PAGES + 64);
            long alignMask = ALIGN_MASKS[random.nextInt(ALIGN_MASKS.length)];
            long alignOffset = random.nextLong(alignMask + 1) & -PAGE;
            operation = "gap search len 0x%x in [0x%x, 0x%x) mask 0x%x offset 0x%x"
                    .formatted(len, low, high, alignMask, alignOffset);
            assertThat(tree.gapTopDown(len, low, high, alignMask, alignOffset))
                    .as("top-down").isEqualTo(reference.gapTopDown(len, low, high, alignMask, alignOffset));
            assertThat(tree.gapBottomUp(len, low, high, alignMask, alignOffset))
                    .as("bottom-up").isEqualTo(reference.gapBottomUp(len, low, high, alignMask, alignOffset));
        }

        private static Integer valueOf(Entry<Integer> entry) {
            return entry == null ? null : entry.value();
        }

        /** The start of a random entry, or of page 0 when there is none. */
        private long someEntryStart() {
            Entry<Integer> entry = reference.firstEndingAfter(randomPage(SPACE_PAGES));
            return entry != null ? entry.start() : 0;
        }

        private long randomPage(int bound) {
            return pages(random.nextInt(bound));
        }
    }

    @Test
    void holds65000EntriesAndAnswersLikeTheReference() {
        VmaTree<Integer> tree = new VmaTree<>();
        ReferenceVmaIndex<Integer> reference = new ReferenceVmaIndex<>();
        Random random = new Random(65_000);
        List<Long> slots = new ArrayList<>();
        for (long slot = 0; slot < 65_000; slot++) {
            slots.add(slot);
        }
        Collections.shuffle(slots, random);
        for (long slot : slots) {
            // Each entry takes one or two of its slot's three pages, so gaps of one to four pages appear.
            int offset = random.nextInt(2);
            long start = pages(3 * slot + offset);
            long end = start + pages(1 + random.nextInt(2 - offset));
            tree.insert(start, end, (int) slot);
            reference.insert(start, end, (int) slot);
        }
        tree.checkInvariants();
        assertThat(tree.size()).isEqualTo(65_000);
        assertThat(ImmutableList.copyOf(tree.entries())).isEqualTo(reference.entries());
        compareQueriesAndGaps(tree, reference, random);

        for (Entry<Integer> entry : reference.entries()) {
            if (entry.value() % 2 == 0) {
                assertThat(tree.remove(entry.start())).isEqualTo(reference.remove(entry.start()));
            }
        }
        tree.checkInvariants();
        assertThat(tree.size()).isEqualTo(32_500);
        assertThat(ImmutableList.copyOf(tree.entries())).isEqualTo(reference.entries());
        compareQueriesAndGaps(tree, reference, random);
    }

    private static void compareQueriesAndGaps(
            VmaTree<Integer> tree, ReferenceVmaIndex<Integer> reference, Random random) {
        long span = pages(3 * 65_000);
        for (int i = 0; i < 2_000; i++) {
            long addr = random.nextLong(span);
            assertThat(tree.lookup(addr)).isEqualTo(reference.lookup(addr));
            assertThat(tree.firstEndingAfter(addr)).isEqualTo(reference.firstEndingAfter(addr));
            Entry<Integer> containing = reference.lookup(addr);
            assertThat(tree.valueAt(addr)).isEqualTo(containing == null ? null : containing.value());
            assertThat(tree.lastStartingBefore(addr)).isEqualTo(reference.lastStartingBefore(addr));
        }
        for (int i = 0; i < 100; i++) {
            long len = pages(1 + random.nextInt(6));
            long low = random.nextLong(span) & -PAGE;
            long high = low + (random.nextLong(span) & -PAGE);
            long alignMask = ALIGN_MASKS[random.nextInt(ALIGN_MASKS.length)];
            assertThat(tree.gapTopDown(len, low, high, alignMask, 0))
                    .isEqualTo(reference.gapTopDown(len, low, high, alignMask, 0));
            assertThat(tree.gapBottomUp(len, low, high, alignMask, 0))
                    .isEqualTo(reference.gapBottomUp(len, low, high, alignMask, 0));
        }
    }

    private static long pages(long count) {
        return count * PAGE;
    }
}
