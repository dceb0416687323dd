package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.PagemapEntryLayout;

/** How transcripts hide what differs between backends: absolute addresses, PFNs, swap slots. */
class NormalisationTest {
    private static final long A = 0x7ffff7ff0000L;

    @Test
    void addressesPrintRelativeToTheClosestNamedRegion() {
        AddressNames names = new AddressNames(false);
        names.mapped("a", A, 0x4000);
        names.mapped("b", A + 0x1000, 0x1000);
        assertThat(names.format(A)).isEqualTo("a");
        assertThat(names.format(A + 0x800)).isEqualTo("a+0x800");
        assertThat(names.format(A + 0x1800)).isEqualTo("b+0x800");
        assertThat(names.format(A + 0x3fff)).isEqualTo("a+0x3fff");
        assertThat(names.format(A + 0x4000)).isEqualTo("<addr>");
        assertThat(names.format(A - 1)).isEqualTo("<addr>");
        assertThat(names.isNamed(A + 0x4000)).isFalse();
    }

    @Test
    void rangeEndsPrintByTheirLastByte() {
        AddressNames names = new AddressNames(false);
        names.mapped("a", A, 0x4000);
        names.mapped("next", A + 0x4000, 0x1000);
        assertThat(names.formatEnd(A + 0x4000)).isEqualTo("a+0x4000");
        assertThat(names.format(A + 0x4000)).isEqualTo("next");
        assertThat(names.formatEnd(A + 0x5000)).isEqualTo("next+0x1000");
    }

    @Test
    void earliestNameWinsATie() {
        AddressNames names = new AddressNames(false);
        names.mapped("a", A, 0x1000);
        names.mapped("again", A, 0x2000);
        assertThat(names.format(A)).isEqualTo("a");
        assertThat(names.format(A + 0x1000)).isEqualTo("again+0x1000");
    }

    @Test
    void unnamedMappingsCountAsTheScenariosButGiveNoNames() {
        AddressNames names = new AddressNames(false);
        names.mapped(null, A, 0x1000);
        assertThat(names.format(A)).isEqualTo("<addr>");
        assertThat(names.touchesScenario(A + 0xfff, A + 0x2000)).isTrue();
        assertThat(names.touchesScenario(A + 0x1000, A + 0x2000)).isFalse();
        assertThat(names.touchesScenario(A - 0x1000, A)).isFalse();
    }

    @Test
    void verboseAddressesKeepTheRawValue() {
        AddressNames names = new AddressNames(true);
        names.mapped("a", A, 0x1000);
        assertThat(names.format(A + 8)).isEqualTo("a+0x8 (0x7ffff7ff0008)");
        assertThat(names.format(8)).isEqualTo("<addr> (0x8)");
    }

    @Test
    void framesAreNumberedInOrderOfFirstSight() {
        FrameLabels labels = new FrameLabels(false);
        assertThat(labels.pfn(0x5432)).isEqualTo("P1");
        assertThat(labels.pfn(0x1000)).isEqualTo("P2");
        assertThat(labels.pfn(0x5432)).isEqualTo("P1");
        assertThat(labels.pfn(0)).isEqualTo("0");
        assertThat(new FrameLabels(true).pfn(0xab)).isEqualTo("P1(0xab)");
    }

    @Test
    void pagemapEntriesShowFlagsAndFrameLabels() {
        FrameLabels labels = new FrameLabels(false);
        assertThat(labels.entry(0x8100000000005432L)).isEqualTo("present|exclusive@P1");
        assertThat(labels.entry(0x8000000000005432L)).isEqualTo("present@P1");
        assertThat(labels.entry(0x8100000000000000L)).isEqualTo("present|exclusive@0");
        // swap device 0 slots 1 and 8 (offset << 5 | type)
        assertThat(labels.entry(0x4000000000000020L)).isEqualTo("swapped@S1");
        assertThat(labels.entry(0x4000000000000100L)).isEqualTo("swapped@S2");
        assertThat(labels.entry(0x4000000000000000L)).isEqualTo("swapped@0");
        // a guard marker: the frame is the marker kind, not a slot
        assertThat(labels.entry(0x440000000000009fL)).isEqualTo("swapped|guard");
        assertThat(labels.entry(0)).isEqualTo("none");
    }

    @Test
    void pagemapFlagBitsAndFrames() {
        long writtenAnon = 0x8100000000001234L;
        assertThat(PagemapFlag.format(PagemapEntryLayout.flags(writtenAnon))).isEqualTo("present|exclusive");
        assertThat(PagemapEntryLayout.frame(writtenAnon)).isEqualTo(0x1234);
        assertThat(PagemapFlag.format(0xa100000000000000L)).isEqualTo("present|file|exclusive");
        assertThat(PagemapFlag.format(0)).isEqualTo("none");
        assertThat(PagemapFlag.format(0xff80000000000000L)).isEqualTo("present|swapped|file|guard|uffd_wp|exclusive|soft_dirty");
        // PTE markers are swap entries of type 31 (kernel-spec §1.4)
        assertThat(PagemapEntryLayout.isMarker(0x440000000000009fL)).isTrue();
        assertThat(PagemapEntryLayout.isMarker(0x420000000000003fL)).isTrue();
        assertThat(PagemapEntryLayout.isMarker(0x4000000000000020L)).isFalse();
        assertThat(PagemapEntryLayout.isMarker(0x800000000000001fL)).isFalse();
        assertThat(PagemapFlag.named("uffd_wp")).isEqualTo(PagemapFlag.UFFD_WP);
        assertThat(PagemapFlag.named("dirty")).isNull();
    }

    @Test
    void bytesPrintAsRuns() {
        assertThat(ByteRuns.format(new byte[] {(byte) 0xab, (byte) 0xab}, true)).isEqualTo("0xab");
        assertThat(ByteRuns.format(new byte[] {1, 2, 2, 0}, true)).isEqualTo("0x01 0x02*2 0x00");
        assertThat(ByteRuns.format(new byte[] {1, 0, 1, 1}, false)).isEqualTo("1 0 1*2");
        assertThat(ByteRuns.format(new byte[0], false)).isEqualTo("(empty)");
    }

    @Test
    void byteRunsMatchAsTheyPrint() {
        List<Step.Run> all = List.of(run(0xab, null));
        assertThat(ByteRuns.matches(new byte[] {(byte) 0xab, (byte) 0xab}, all, n -> 0)).isTrue();
        assertThat(ByteRuns.matches(new byte[] {(byte) 0xab, 0}, all, n -> 0)).isFalse();
        assertThat(ByteRuns.matches(new byte[0], all, n -> 0)).isFalse();
        List<Step.Run> exact = List.of(run(1, null), run(2, 2L));
        assertThat(ByteRuns.matches(new byte[] {1, 2, 2}, exact, n -> 0)).isTrue();
        assertThat(ByteRuns.matches(new byte[] {1, 2, 2, 2}, exact, n -> 0)).isFalse();
        assertThat(ByteRuns.matches(new byte[] {1, 2}, exact, n -> 0)).isFalse();
    }

    @Test
    void procMapsAndSmapsParse() {
        String smaps = """
                7ffff7ff0000-7ffff7ff4000 rw-p 00000000 00:00 0
                Size:                 16 kB
                Rss:                   8 kB
                THPeligible:           0
                ProtectionKey:         0
                VmFlags: rd wr mr mw me ac sd
                7ffff7ff4000-7ffff7ff5000 r--s 00002000 00:01 1234                       /memfd:x y (deleted)
                Rss:                   4 kB
                VmFlags: rd sh mr mw me
                """;
        List<ProcMaps.Vma> vmas = ProcMaps.parse(smaps);
        assertThat(vmas).hasSize(2);
        assertThat(vmas.get(0).start()).isEqualTo(A);
        assertThat(vmas.get(0).fields()).containsEntry("Rss", 8L).containsEntry("Size", 16L).doesNotContainKey("THPeligible");
        assertThat(vmas.get(0).vmFlags()).containsExactly("rd", "wr", "mr", "mw", "me", "ac", "sd");
        assertThat(vmas.get(0).path()).isEmpty();
        assertThat(vmas.get(1).perms()).isEqualTo("r--s");
        assertThat(vmas.get(1).offset()).isEqualTo(0x2000);
        assertThat(vmas.get(1).path()).isEqualTo("/memfd:x y (deleted)");
        assertThat(vmas.get(1).contains(A + 0x4fff)).isTrue();
        assertThat(vmas.get(1).contains(A + 0x5000)).isFalse();
        assertThatThrownBy(() -> ProcMaps.parse("garbage")).hasMessage("not a maps/smaps line: garbage");
    }

    private static Step.Run run(long value, Long count) {
        return new Step.Run(new Expr.Literal(value), count == null ? null : new Expr.Literal(count));
    }
}
