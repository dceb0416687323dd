package org.mmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The C program and the model's workloads measure the same work: the C source names every kernel
 * measurement of {@link Measurement} and sizes its mappings as {@link ModelSetup} does; JMH is
 * offered every row.
 */
class KernelProgramAgreesTest {
    private static final Path SOURCE = Path.of("src/main/c/mmkit-kernel-bench.c");

    @Test
    void theProgramKnowsEveryKernelMeasurement() throws Exception {
        Set<String> known = new LinkedHashSet<>();
        Matcher m = Pattern.compile("!strcmp\\(name, \"([a-z0-9-]+)\"\\)").matcher(Files.readString(SOURCE));
        while (m.find()) {
            known.add(m.group(1));
        }
        Set<String> asked = Arrays.stream(Measurement.values())
                .filter(r -> r.baseline().javaReference() == null)
                .map(r -> r.baseline().name()).collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(known).isEqualTo(asked);
    }

    @Test
    void theProgramSizesItsMappingsAsTheModel() throws Exception {
        String c = Files.readString(SOURCE);
        assertThat(define(c, "MANY_VMAS")).isEqualTo(Integer.toString(ModelSetup.MANY_VMAS) + "L");
        assertThat(define(c, "PAGEMAP_PAGES")).isEqualTo(Integer.toString(ModelSetup.PAGEMAP_PAGES) + "L");
        assertThat(define(c, "FORK_BYTES")).isEqualTo("(" + (ModelSetup.FORK_BYTES >> 20) + "L << 20)");
        assertThat(define(c, "SCALE_MAX_MAP_COUNT")).isEqualTo(ModelSetup.SCALE_MAX_MAP_COUNT + "L");
        assertThat(define(c, "THREADS")).isEqualTo(Integer.toString(ModelSetup.THREADS));
        assertThat(define(c, "SWAP_BYTES")).isEqualTo("(" + (SwapOutIn.SWAP_PAGES * org.mmkit.core.Uapi.PAGE_SIZE >> 20) + "L << 20)");
        assertThat(define(c, "SCAN_PAGES")).isEqualTo(Integer.toString(ModelSetup.SCAN_PAGES) + "L");
    }

    @Test
    void rowsAreFoundByKey() {
        for (Measurement m : Measurement.values()) {
            assertThat(Measurement.byKey(m.key())).isSameAs(m);
        }
        assertThatThrownBy(() -> Measurement.byKey("maps")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no benchmark row maps; the rows: [load-store-tlb-hit, ");
    }

    /** JMH needs the rows as constants in its annotation: they must be every row, in order. */
    @Test
    void jmhMeasuresEveryRow() throws Exception {
        String[] params = ModelJmh.class.getField("measurement").getAnnotation(Param.class).value();
        assertThat(params).containsExactly(Arrays.stream(Measurement.values()).map(Measurement::key).toArray(String[]::new));
    }

    private static String define(String c, String name) {
        Matcher m = Pattern.compile("(?m)^#define " + name + " (.+)$").matcher(c);
        assertThat(m.find()).as("#define " + name).isTrue();
        return m.group(1).strip();
    }
}
