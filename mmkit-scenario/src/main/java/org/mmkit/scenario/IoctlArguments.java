package org.mmkit.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.Aggregate;
import org.mmkit.core.abi.CType;
import org.mmkit.core.abi.Field;
import org.mmkit.core.abi.PageRegionLayout;
import org.mmkit.core.abi.PmScanArgLayout;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdioApiLayout;
import org.mmkit.core.abi.UffdioContinueLayout;
import org.mmkit.core.abi.UffdioCopyLayout;
import org.mmkit.core.abi.UffdioMoveLayout;
import org.mmkit.core.abi.UffdioPoisonLayout;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;
import org.mmkit.core.abi.UffdioWriteprotectLayout;
import org.mmkit.core.abi.UffdioZeropageLayout;

/**
 * The struct each ioctl command takes when a scenario writes it inline ({@code ioctl(u,
 * UFFDIO_COPY, {dst=a, src=b, len=PAGE}) = 0 {copy=4096}}), and the members the kernel writes
 * back into it, which the transcript prints after the result, as strace does. The one place a
 * command is tied to its type.
 */
final class IoctlArguments {
    private IoctlArguments() {
    }

    /** The struct of a command and the members the kernel fills in (none for some commands). */
    record Argument(Aggregate type, List<Field> written) {
    }

    private static final Map<Integer, Argument> BY_COMMAND = Map.ofEntries(
            Map.entry(Uapi.UFFDIO_API, of(UffdioApiLayout.TYPE, "features", "ioctls")),
            Map.entry(Uapi.UFFDIO_REGISTER, of(UffdioRegisterLayout.TYPE, "ioctls")),
            Map.entry(Uapi.UFFDIO_UNREGISTER, of(UffdioRangeLayout.TYPE)),
            Map.entry(Uapi.UFFDIO_WAKE, of(UffdioRangeLayout.TYPE)),
            Map.entry(Uapi.UFFDIO_COPY, of(UffdioCopyLayout.TYPE, "copy")),
            Map.entry(Uapi.UFFDIO_ZEROPAGE, of(UffdioZeropageLayout.TYPE, "zeropage")),
            Map.entry(Uapi.UFFDIO_MOVE, of(UffdioMoveLayout.TYPE, "move")),
            Map.entry(Uapi.UFFDIO_WRITEPROTECT, of(UffdioWriteprotectLayout.TYPE)),
            Map.entry(Uapi.UFFDIO_CONTINUE, of(UffdioContinueLayout.TYPE, "mapped")),
            Map.entry(Uapi.UFFDIO_POISON, of(UffdioPoisonLayout.TYPE, "updated")),
            Map.entry(Uapi.PAGEMAP_SCAN, of(PmScanArgLayout.TYPE, "walk_end")));

    private static Argument of(Aggregate type, String... written) {
        return new Argument(type, Arrays.stream(written).map(name -> {
            Field f = type.field(name);
            if (f == null) {
                throw new IllegalStateException(type.name() + " has no member " + name);
            }
            return f;
        }).toList());
    }

    /** The argument of {@code command} (an ioctl request number), or null when none is known. */
    static Argument of(long command) {
        return BY_COMMAND.get((int) command);
    }

    /** The commands that take an inline struct, by name, for error messages. */
    static String known() {
        return BY_COMMAND.keySet().stream()
                .map(c -> c == Uapi.PAGEMAP_SCAN ? "PAGEMAP_SCAN" : Constants.name("UFFDIO_", c)).sorted()
                .collect(Collectors.joining(", "));
    }

    /**
     * Whether {@code field} of {@code type} is PAGEMAP_SCAN's output vector, whose expected
     * regions a scenario writes after the result as {@code vec=[{start, end, categories}, ...]}.
     */
    static boolean hasRegions(Aggregate type, Field field) {
        return type == PmScanArgLayout.TYPE && field.offset() == PmScanArgLayout.VEC_OFFSET;
    }

    /** Whether {@code field} of {@code type} is an end address ({@code walk_end}), shown as one. */
    static boolean isEnd(CType type, Field field) {
        return type == PmScanArgLayout.TYPE && field.offset() == PmScanArgLayout.WALK_END_OFFSET;
    }

    /**
     * The bytes to store for an inline {@code pm_scan_arg} placed at {@code at}: {@code size}
     * is the struct's when the scenario leaves it out, and {@code vec}, when left out with a
     * {@code vec_len}, points to room for that many regions right after the struct (returned
     * with it, zeroed) if they fit in {@code room} bytes. Other structs are stored as written.
     */
    static byte[] place(Aggregate type, Initializer value, byte[] bytes, long at, int room) {
        if (type != PmScanArgLayout.TYPE || !(value instanceof Initializer.Members m)) {
            return bytes;
        }
        if (!given(m, PmScanArgLayout.SIZE_OFFSET)) {
            Scalars.U64.write(bytes, PmScanArgLayout.SIZE_OFFSET, PmScanArgLayout.SIZE);
        }
        long vecLen = Scalars.U64.read(bytes, PmScanArgLayout.VEC_LEN_OFFSET);
        long fits = (room - PmScanArgLayout.SIZE) / PageRegionLayout.SIZE;
        if (given(m, PmScanArgLayout.VEC_OFFSET) || vecLen == 0 || Long.compareUnsigned(vecLen, fits) > 0) {
            return bytes;
        }
        Scalars.U64.write(bytes, PmScanArgLayout.VEC_OFFSET, at + PmScanArgLayout.SIZE);
        return Arrays.copyOf(bytes, PmScanArgLayout.SIZE + (int) vecLen * PageRegionLayout.SIZE);
    }

    private static boolean given(Initializer.Members m, int offset) {
        return m.members().stream().anyMatch(member -> member.field().offset() == offset);
    }

    /** The first {@code count} regions of a {@code struct page_region} array, each {start, end, categories}. */
    static List<long[]> regions(byte[] array, int count) {
        List<long[]> regions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = i * PageRegionLayout.SIZE;
            regions.add(new long[] {Scalars.U64.read(array, at + PageRegionLayout.START_OFFSET),
                Scalars.U64.read(array, at + PageRegionLayout.END_OFFSET),
                Scalars.U64.read(array, at + PageRegionLayout.CATEGORIES_OFFSET)});
        }
        return regions;
    }

    /** {@code [{a, a+2*PAGE, PAGE_IS_WRITTEN}, ...]}: regions as the transcript shows them. */
    static String formatRegions(List<long[]> regions, LongFunction<String> start, LongFunction<String> end) {
        return regions.stream()
                .map(r -> "{" + start.apply(r[0]) + ", " + end.apply(r[1]) + ", " + Constants.flags("PAGE_IS_", r[2]) + "}")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
