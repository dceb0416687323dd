package org.mmkit.core.abi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Decoding pagemap entries as Linux 6.18 writes them (kernel-spec §1.2, §1.4). */
class PagemapEntryLayoutTest {

    @Test
    void swapFrameOfSlotNOnDeviceZero() {
        assertThat(PagemapEntryLayout.swapFrame(0, 9)).isEqualTo(9L << 5);
        long entry = PagemapEntryLayout.SWAP | PagemapEntryLayout.swapFrame(0, 9);
        assertThat(PagemapEntryLayout.flags(entry)).isEqualTo(0x4000000000000000L);
        assertThat(PagemapEntryLayout.frame(entry)).isEqualTo(9L << 5);
        assertThat(PagemapEntryLayout.swapType(entry)).isZero();
        assertThat(PagemapEntryLayout.swapOffset(entry)).isEqualTo(9);
        assertThat(PagemapEntryLayout.isMarker(entry)).isFalse();
    }

    @Test
    void presentExclusiveAnonymousPage() {
        long entry = 0x8100000000001234L;
        assertThat(PagemapEntryLayout.flags(entry))
                .isEqualTo(PagemapEntryLayout.PRESENT | PagemapEntryLayout.MMAP_EXCLUSIVE);
        assertThat(PagemapEntryLayout.frame(entry)).isEqualTo(0x1234);
    }

    @Test
    void markersAreSwappedEntriesOfType31() {
        // the frames Linux shows a privileged reader: uffd-wp 0x3f, poison 0x5f, guard 0x9f
        assertThat(PagemapEntryLayout.isMarker(0x440000000000009fL)).isTrue();
        assertThat(PagemapEntryLayout.isMarker(0x420000000000003fL)).isTrue();
        assertThat(PagemapEntryLayout.swapOffset(0x440000000000009fL)).isEqualTo(4);
        assertThat(PagemapEntryLayout.isMarker(0x4000000000000020L)).as("slot 1 of swap device 0").isFalse();
        assertThat(PagemapEntryLayout.isMarker(0x800000000000001fL)).as("present PFN 0x1f").isFalse();
    }
}
