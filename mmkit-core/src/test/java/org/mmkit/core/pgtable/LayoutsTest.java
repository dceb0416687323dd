package org.mmkit.core.pgtable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.PagemapEntryLayout;

/** The bit layouts against the values Linux 6.18 shows (kernel-spec §1.4) and x86 encodings. */
class LayoutsTest {

    @Test
    void presentEntryKeepsPfnAndProtection() {
        long pte = PteLayout.make(0x1a2b3, PteLayout.PAGE_SHARED | PteLayout.DIRTY);
        assertThat(PteLayout.pfn(pte)).isEqualTo(0x1a2b3);
        assertThat(PteLayout.isPresent(pte)).isTrue();
        assertThat(PteLayout.isWritable(pte)).isTrue();
        assertThat(PteLayout.isDirty(pte)).isTrue();
        assertThat(pte & PteLayout.NX).isNotZero();
    }

    @Test
    void protNoneEntryIsPresentWithInvertedPfn() {
        long pte = PteLayout.make(0x1234, PteLayout.PAGE_NONE);
        assertThat(pte & PteLayout.PRESENT).isZero();
        assertThat(PteLayout.isPresent(pte)).isTrue();
        assertThat(PteLayout.isProtNone(pte)).isTrue();
        assertThat((pte & PteLayout.PFN_MASK) >>> PteLayout.PFN_SHIFT).as("stored inverted (L1TF)").isNotEqualTo(0x1234);
        assertThat(PteLayout.pfn(pte)).isEqualTo(0x1234);
        long back = PteLayout.modify(pte, PteLayout.PAGE_READONLY);
        assertThat(PteLayout.pfn(back)).isEqualTo(0x1234);
        assertThat(back & PteLayout.PRESENT).isNotZero();
    }

    @Test
    void modifyKeepsAccessedDirtyAndSoftwareBits() {
        long pte = PteLayout.make(7, PteLayout.PAGE_SHARED | PteLayout.DIRTY | PteLayout.UFFD_WP | PteLayout.SOFT_DIRTY);
        long readOnly = PteLayout.modify(pte, PteLayout.PAGE_READONLY);
        assertThat(PteLayout.isWritable(readOnly)).isFalse();
        assertThat(readOnly & (PteLayout.DIRTY | PteLayout.UFFD_WP | PteLayout.SOFT_DIRTY))
                .isEqualTo(PteLayout.DIRTY | PteLayout.UFFD_WP | PteLayout.SOFT_DIRTY);
    }

    @Test
    void swapEntryRoundTripsAndIsNeverPresent() {
        long pte = SwapEntryLayout.make(3, 0x12345);
        assertThat(SwapEntryLayout.type(pte)).isEqualTo(3);
        assertThat(SwapEntryLayout.offset(pte)).isEqualTo(0x12345);
        assertThat(PteLayout.isPresent(pte)).isFalse();
        assertThat(PteLayout.isSwapFormat(pte)).isTrue();
        assertThat(SwapEntryLayout.isMarker(pte)).isFalse();
    }

    @Test
    void markersReadAsTheFramesLinuxShowsPrivilegedReaders() {
        assertThat(markerFrame(PteMarkerLayout.UFFD_WP)).isEqualTo(0x3f);
        assertThat(markerFrame(PteMarkerLayout.POISONED)).isEqualTo(0x5f);
        assertThat(markerFrame(PteMarkerLayout.GUARD)).isEqualTo(0x9f);
        assertThat(PteMarkerLayout.isGuard(PteMarkerLayout.make(PteMarkerLayout.GUARD))).isTrue();
        assertThat(PteMarkerLayout.bits(PteLayout.make(5, PteLayout.PAGE_SHARED))).isZero();
    }

    private static long markerFrame(long bits) {
        long pte = PteMarkerLayout.make(bits);
        return PagemapEntryLayout.swapFrame(SwapEntryLayout.type(pte), SwapEntryLayout.offset(pte));
    }
}
