package org.mmkit.core.vma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.google.common.collect.ImmutableList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmkit.core.vma.VmaTree.Entry;

class VmaTreeTest {
    private static final long PAGE = org.mmkit.core.Uapi.PAGE_SIZE;
    private static final long TWO_MIB = 2L << 20;
    private static final long USER_END = 1L << 47;

    private VmaTree<String> tree = new VmaTree<>();

    @AfterEach
    void invariantsHold() {
        tree.checkInvariants();
    }

    /** The address of page {@code n}. */
    private static long page(long n) {
        return n * PAGE;
    }

    /** Inserts {@code [page(first), page(last))} named "first-last" for each pair of page numbers. */
    private void insertPages(long... firstLastPairs) {
        for (int i = 0; i < firstLastPairs.length; i += 2) {
            insertPage(firstLastPairs[i], firstLastPairs[i + 1]);
        }
    }

    private void insertPage(long first, long last) {
        tree.insert(page(first), page(last), first + "-" + last);
    }

    private static Entry<String> entry(long first, long last) {
        return new Entry<>(page(first), page(last), first + "-" + last);
    }

    private List<Entry<String>> all() {
        return ImmutableList.copyOf(tree.entries());
    }

    /**
     * VMAs mostly come in address order (mmap top-down or bottom-up, mprotect of every other page):
     * an overfull node hands a slot to a neighbour with room before it splits, so nodes fill up
     * and 60,000 entries take 4 levels of 16 slots (16^4 = 65,536), where half-full nodes took 5.
     */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void entriesAddedInAddressOrderFillTheNodes(boolean ascending) {
        int entries = 60_000;
        for (int i = 0; i < entries; i++) {
            long n = ascending ? i : entries - 1 - i;
            insertPage(3 * n, 3 * n + 1);
        }
        assertThat(tree.height()).isEqualTo(4);
        assertThat(tree.valueAt(page(3 * 12_345))).isEqualTo(3 * 12_345 + "-" + (3 * 12_345 + 1));
        assertThat(tree.valueAt(page(3 * 12_345 + 1))).isNull();
    }

    @Test
    void emptyTreeHoldsNothingAndIsAllFree() {
        assertThat(tree.size()).isZero();
        assertThat(tree.lookup(0)).isNull();
        assertThat(tree.firstEndingAfter(0)).isNull();
        assertThat(tree.lastStartingBefore(Long.MAX_VALUE)).isNull();
        assertThat(tree.intersecting(0, Long.MAX_VALUE)).isEmpty();
        assertThat(all()).isEmpty();
        assertThat(tree.remove(0)).isNull();
        assertThat(tree.gapTopDown(PAGE, 0, USER_END, 0, 0)).isEqualTo(USER_END - PAGE);
        assertThat(tree.gapBottomUp(PAGE, page(5), USER_END, 0, 0)).isEqualTo(page(5));
    }

    @Test
    void constructorRejectsNodesTooSmallToRebalance() {
        assertThatThrownBy(() -> new VmaTree<String>(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entryChecksItsRangeAndPrintsInHex() {
        assertThat(entry(1, 2)).hasToString("[0x1000, 0x2000) 1-2");
        assertThatThrownBy(() -> new Entry<>(PAGE, PAGE, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Entry<>(0, PAGE, null)).isInstanceOf(NullPointerException.class);
    }

    @Nested
    class InsertAndLookup {
        @Test
        void lookupIsHalfOpen() {
            insertPages(1, 3);
            assertThat(tree.lookup(page(1))).isEqualTo(entry(1, 3));
            assertThat(tree.lookup(page(3) - 1)).isEqualTo(entry(1, 3));
            assertThat(tree.lookup(page(3))).isNull();
            assertThat(tree.lookup(page(1) - 1)).isNull();
            assertThat(tree.size()).isOne();
        }

        @Test
        void adjacentEntriesAreAllowed() {
            insertPages(3, 5, 1, 3, 5, 6);
            assertThat(all()).containsExactly(entry(1, 3), entry(3, 5), entry(5, 6));
            assertThat(tree.lookup(page(3))).isEqualTo(entry(3, 5));
        }

        @ParameterizedTest(name = "[{0}, {1}) overlaps [10, 20)")
        @CsvSource({"10, 20", "10, 11", "5, 11", "19, 25", "12, 18", "0, 30"})
        void overlapIsRejectedAndChangesNothing(long first, long last) {
            insertPages(10, 20, 25, 30);
            assertThatThrownBy(() -> insertPage(first, last))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("overlaps [0xa000, 0x14000)");
            assertThat(all()).containsExactly(entry(10, 20), entry(25, 30));
        }

        @Test
        void invalidRangesAndNullValuesAreRejected() {
            assertThatThrownBy(() -> tree.insert(PAGE, PAGE, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.insert(page(2), PAGE, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.insert(-PAGE, PAGE, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.insert(0, PAGE, null)).isInstanceOf(NullPointerException.class);
            assertThat(tree.size()).isZero();
        }

        @Test
        void rangesReachingTheEndOfTheAddressSpaceAreAllowed() {
            tree.insert(VmaTree.ADDRESS_SPACE_END - PAGE, VmaTree.ADDRESS_SPACE_END, "top");
            assertThat(tree.lookup(VmaTree.ADDRESS_SPACE_END - 1).value()).isEqualTo("top");
            assertThat(tree.firstEndingAfter(0).value()).isEqualTo("top");
        }
    }

    @Nested
    class Remove {
        @Test
        void removesOnlyTheEntryStartingExactlyThere() {
            insertPages(1, 3, 5, 7);
            assertThat(tree.remove(page(2))).isNull();
            assertThat(tree.remove(page(4))).isNull();
            assertThat(tree.size()).isEqualTo(2);
            assertThat(tree.remove(page(1))).isEqualTo("1-3");
            assertThat(all()).containsExactly(entry(5, 7));
            assertThat(tree.lookup(page(1))).isNull();
        }

        @Test
        void lastRemovalEmptiesTheTreeAndTheRangeCanBeReused() {
            insertPages(1, 3);
            assertThat(tree.remove(page(1))).isEqualTo("1-3");
            assertThat(tree.size()).isZero();
            assertThat(all()).isEmpty();
            insertPages(0, 3);
            assertThat(all()).containsExactly(entry(0, 3));
        }
    }

    @Nested
    class SetBounds {
        @Test
        void expandsUpToTheNeighboursAndShrinksInPlace() {
            insertPages(1, 3, 5, 7, 9, 11);
            tree.setBounds(page(5), page(3), page(9));
            assertThat(all()).containsExactly(entry(1, 3), new Entry<>(page(3), page(9), "5-7"), entry(9, 11));
            tree.setBounds(page(3), page(6), page(7));
            assertThat(all()).containsExactly(entry(1, 3), new Entry<>(page(6), page(7), "5-7"), entry(9, 11));
            assertThat(tree.lookup(page(5))).isNull();
            assertThat(tree.remove(page(6))).isEqualTo("5-7");
        }

        @ParameterizedTest(name = "[{0}, {1}) overlaps or passes a neighbour")
        @CsvSource({"2, 6", "4, 10", "12, 14", "0, 1"})
        void rejectsOverlappingOrPassingANeighbour(long first, long last) {
            insertPages(1, 3, 5, 7, 9, 11);
            assertThatThrownBy(() -> tree.setBounds(page(5), page(first), page(last)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(all()).containsExactly(entry(1, 3), entry(5, 7), entry(9, 11));
        }

        @Test
        void rejectsMissingEntriesAndInvalidRanges() {
            insertPages(1, 3);
            assertThatThrownBy(() -> tree.setBounds(page(2), page(2), page(3)))
                    .isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> tree.setBounds(page(1), page(3), page(3)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(all()).containsExactly(entry(1, 3));
        }
    }

    @Nested
    class Queries {
        @Test
        void firstEndingAfterIsFindVma() {
            insertPages(1, 3, 5, 7);
            assertThat(tree.firstEndingAfter(0)).isEqualTo(entry(1, 3));
            assertThat(tree.firstEndingAfter(page(3) - 1)).isEqualTo(entry(1, 3));
            assertThat(tree.firstEndingAfter(page(3))).isEqualTo(entry(5, 7));
            assertThat(tree.firstEndingAfter(page(4))).isEqualTo(entry(5, 7));
            assertThat(tree.firstEndingAfter(page(7))).isNull();
        }

        @Test
        void lastStartingBeforeIsTheFindVmaPrevPredecessor() {
            insertPages(1, 3, 5, 7);
            assertThat(tree.lastStartingBefore(page(1))).isNull();
            assertThat(tree.lastStartingBefore(page(1) + 1)).isEqualTo(entry(1, 3));
            assertThat(tree.lastStartingBefore(page(5))).isEqualTo(entry(1, 3));
            // Inside an entry, that entry: here find_vma_prev would give the one before.
            assertThat(tree.lastStartingBefore(page(5) + 1)).isEqualTo(entry(5, 7));
            assertThat(tree.lastStartingBefore(Long.MAX_VALUE)).isEqualTo(entry(5, 7));
            assertThat(tree.lastStartingBefore(0)).isNull();
            assertThat(tree.lastStartingBefore(Long.MIN_VALUE)).isNull();
        }

        @Test
        void intersectingTreatsBothRangesAsHalfOpen() {
            insertPages(1, 3, 5, 7, 9, 11);
            assertThat(tree.intersecting(page(3), page(5))).isEmpty();
            assertThat(tree.intersecting(page(3) - 1, page(5) + 1)).containsExactly(entry(1, 3), entry(5, 7));
            assertThat(tree.intersecting(0, page(20))).containsExactly(entry(1, 3), entry(5, 7), entry(9, 11));
            assertThat(tree.intersecting(page(6), page(6))).isEmpty();
            assertThat(tree.intersecting(page(6), page(6) + 1)).containsExactly(entry(5, 7));
            assertThatThrownBy(() -> tree.intersecting(page(2), page(1))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void entriesStartAtTheFirstEndingAfterTheGivenAddress() {
            insertPages(1, 3, 5, 7, 9, 11);
            assertThat(ImmutableList.copyOf(tree.entries(page(6)))).containsExactly(entry(5, 7), entry(9, 11));
            assertThat(ImmutableList.copyOf(tree.entries(page(7)))).containsExactly(entry(9, 11));
            assertThat(ImmutableList.copyOf(tree.entries(page(11)))).isEmpty();
        }

        @Test
        void iteratorsEndCleanlyAndFailFastOnChange() {
            insertPages(1, 3, 5, 7);
            Iterator<Entry<String>> exhausted = tree.entries(page(5)).iterator();
            exhausted.next();
            assertThat(exhausted.hasNext()).isFalse();
            assertThatThrownBy(exhausted::next).isInstanceOf(NoSuchElementException.class);

            Iterator<Entry<String>> stale = tree.entries().iterator();
            stale.next();
            insertPages(8, 9);
            assertThatThrownBy(stale::next).isInstanceOf(ConcurrentModificationException.class);
        }
    }

    @Nested
    class GapSearch {
        @Test
        void aGapExactlyTheRequestedLengthFits() {
            insertPages(1, 3, 5, 7);
            assertThat(tree.gapTopDown(page(2), 0, page(7), 0, 0)).isEqualTo(page(3));
            assertThat(tree.gapBottomUp(page(2), 0, page(7), 0, 0)).isEqualTo(page(3));
            assertThat(tree.gapTopDown(page(3), 0, page(7), 0, 0)).isEqualTo(-1);
        }

        @Test
        void adjacentEntriesLeaveNoGap() {
            insertPages(1, 3, 3, 5);
            assertThat(tree.gapTopDown(PAGE, page(1), page(5), 0, 0)).isEqualTo(-1);
            assertThat(tree.gapBottomUp(PAGE, page(1), page(5), 0, 0)).isEqualTo(-1);
        }

        @Test
        void topDownTakesTheHighestFitAndBottomUpTheLowest() {
            insertPages(2, 3, 6, 7);
            assertThat(tree.gapTopDown(PAGE, 0, page(10), 0, 0)).isEqualTo(page(9));
            assertThat(tree.gapBottomUp(PAGE, 0, page(10), 0, 0)).isEqualTo(0);
            assertThat(tree.gapTopDown(page(3), 0, page(7), 0, 0)).isEqualTo(page(3));
            assertThat(tree.gapBottomUp(page(3), page(1), page(10), 0, 0)).isEqualTo(page(3));
        }

        @Test
        void lowAndHighClipAGap() {
            insertPages(1, 3, 9, 10);
            assertThat(tree.gapTopDown(page(2), 0, page(6), 0, 0)).isEqualTo(page(4));
            assertThat(tree.gapBottomUp(page(2), page(5), page(20), 0, 0)).isEqualTo(page(5));
            assertThat(tree.gapTopDown(page(2), page(5), page(6), 0, 0)).isEqualTo(-1);
            assertThat(tree.gapBottomUp(PAGE, page(6), page(5), 0, 0)).isEqualTo(-1);
        }

        @Test
        void freeSpaceBeforeTheFirstAndAfterTheLastEntryCounts() {
            insertPages(10, 20);
            assertThat(tree.gapBottomUp(page(10), 0, USER_END, 0, 0)).isEqualTo(0);
            assertThat(tree.gapBottomUp(page(11), 0, USER_END, 0, 0)).isEqualTo(page(20));
            assertThat(tree.gapTopDown(page(10), 0, page(30), 0, 0)).isEqualTo(page(20));
            assertThat(tree.gapTopDown(page(10), 0, page(30) - 1, 0, 0)).isEqualTo(0);
            assertThat(tree.gapTopDown(page(11), 0, page(30), 0, 0)).isEqualTo(-1);
        }

        @Test
        void theTopOfTheAddressSpaceIsReachableWithoutOverflow() {
            long topPage = VmaTree.ADDRESS_SPACE_END - (PAGE - 1);
            assertThat(tree.gapTopDown(PAGE, 0, topPage, PAGE - 1, 0)).isEqualTo(topPage - PAGE);
            assertThat(tree.gapBottomUp(PAGE, topPage - PAGE, VmaTree.ADDRESS_SPACE_END, TWO_MIB - 1, 0))
                    .isEqualTo(-1);
        }

        @Test
        void alignmentPicksTheHighestOrLowestAlignedAddress() {
            insertPages(0, 1, 1025, 1026); // a 4 MiB gap from page 1
            assertThat(tree.gapTopDown(TWO_MIB, 0, USER_END, TWO_MIB - 1, 0)).isEqualTo(USER_END - TWO_MIB);
            assertThat(tree.gapTopDown(TWO_MIB, 0, page(1025), TWO_MIB - 1, 0)).isEqualTo(TWO_MIB);
            assertThat(tree.gapBottomUp(TWO_MIB, 0, USER_END, TWO_MIB - 1, 0)).isEqualTo(TWO_MIB);
            assertThat(tree.gapTopDown(TWO_MIB, 0, page(1025), TWO_MIB - 1, PAGE)).isEqualTo(page(513));
            assertThat(tree.gapBottomUp(TWO_MIB, 0, USER_END, TWO_MIB - 1, PAGE)).isEqualTo(page(1));
        }

        @Test
        void alignmentCanRuleOutAGapLongEnough() {
            insertPages(0, 1, 513, 514); // exactly 2 MiB free, starting one page past a 2 MiB boundary
            assertThat(tree.gapBottomUp(TWO_MIB, 0, page(514), 0, 0)).isEqualTo(page(1));
            assertThat(tree.gapBottomUp(TWO_MIB, 0, page(514), TWO_MIB - 1, 0)).isEqualTo(-1);
            assertThat(tree.gapTopDown(TWO_MIB, 0, page(514), TWO_MIB - 1, 0)).isEqualTo(-1);
        }

        @Test
        void findsTheOnlyHoleAmongManyEntries() {
            for (long p = 0; p < 10_000; p++) {
                if (p < 5_000 || p >= 5_004) {
                    insertPage(p, p + 1);
                }
            }
            assertThat(tree.gapTopDown(page(4), 0, page(10_000), 0, 0)).isEqualTo(page(5_000));
            assertThat(tree.gapBottomUp(page(4), 0, page(10_000), 0, 0)).isEqualTo(page(5_000));
            assertThat(tree.gapTopDown(page(5), 0, page(10_000), 0, 0)).isEqualTo(-1);
            assertThat(tree.gapBottomUp(page(3), page(5_001), page(10_000), 0, 0)).isEqualTo(page(5_001));
            assertThat(tree.gapTopDown(page(4), 0, page(10_000), page(4) - 1, 0)).isEqualTo(page(5_000));
            assertThat(tree.gapTopDown(page(4), 0, page(10_000), page(8) - 1, page(4))).isEqualTo(-1);
        }

        @Test
        void rejectsMalformedRequests() {
            assertThatThrownBy(() -> tree.gapTopDown(0, 0, USER_END, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.gapTopDown(PAGE, -PAGE, USER_END, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.gapBottomUp(PAGE, 0, USER_END, 3 * PAGE, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.gapBottomUp(PAGE, 0, USER_END, PAGE - 1, PAGE))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class DeepTrees {
        @Test
        void growsAndShrinksThroughSplitsMergesAndSharing() {
            tree = new VmaTree<>(4);
            for (long p = 0; p < 600; p += 2) {
                insertPage(p, p + 1);
                tree.checkInvariants();
            }
            for (long p = 1_199; p >= 600; p -= 2) {
                insertPage(p, p + 1);
                tree.checkInvariants();
            }
            assertThat(tree.size()).isEqualTo(600);
            assertThat(tree.gapTopDown(PAGE, 0, page(600), 0, 0)).isEqualTo(page(599));
            for (long p = 0; p < 600; p += 4) {
                assertThat(tree.remove(page(p))).isEqualTo(p + "-" + (p + 1));
                tree.checkInvariants();
            }
            for (long p = 1_199; p >= 600; p -= 2) {
                assertThat(tree.remove(page(p))).isNotNull();
                tree.checkInvariants();
            }
            assertThat(tree.size()).isEqualTo(150);
            assertThat(tree.gapBottomUp(page(3), 0, USER_END, 0, 0)).isEqualTo(page(3));
            assertThat(tree.gapTopDown(page(3), 0, page(600), 0, 0)).isEqualTo(page(595));
        }
    }
}
