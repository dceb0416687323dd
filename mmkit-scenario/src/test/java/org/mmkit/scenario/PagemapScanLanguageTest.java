package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmkit.model.ModelBackend;
import org.mmkit.scenario.ScenarioResult.Status;

/** The PAGEMAP_SCAN form of ioctl: the vector the runner places, the regions printed and checked. */
class PagemapScanLanguageTest {
    private static final String SETUP = """
            pm = open("/proc/self/pagemap", O_RDONLY, 0)
            a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
            store(a+PAGE, 2*PAGE, 1)
            """;
    private static final String SCAN = "ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=4,"
            + " category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT|PAGE_IS_WRITTEN})";

    private static ScenarioResult run(String line) throws Exception {
        try (ModelBackend model = new ModelBackend()) {
            return Runner.run(ScenarioParser.parse("t.mms", SETUP + line + "\n"), model, false);
        }
    }

    @Test
    void regionsArePrintedByCategoryName() throws Exception {
        ScenarioResult r = run(SCAN);
        assertThat(r.status()).isEqualTo(Status.PASSED);
        assertThat(r.transcript().getLast()).isEqualTo(SCAN
                + " = 1 {walk_end=a+0x4000, vec=[{a+0x1000, a+0x3000, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}");
    }

    @Test
    void expectedRegionsAreChecked() throws Exception {
        assertThat(run(SCAN + " = 1 {walk_end=a+4*PAGE, vec=[{a+PAGE, a+3*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}")
                .status()).isEqualTo(Status.PASSED);
        assertThat(run(SCAN + " = 1 {vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}").status())
                .isEqualTo(Status.FAILED);
        assertThat(run(SCAN + " = 1 {vec=[]}").status()).isEqualTo(Status.FAILED);
    }

    @Test
    void anExplicitVectorIsPassedAsWritten() throws Exception {
        assertThat(run("ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=0, vec_len=4}) = -1 EINVAL").status())
                .isEqualTo(Status.PASSED);
    }

    @Test
    void aRegionNeedsThreeValues() {
        assertThatThrownBy(() -> ScenarioParser.parse("t.mms", SETUP + SCAN + " = 1 {vec=[{a, a+PAGE}]}\n"))
                .hasMessageStartingWith("t.mms:4: expected ',' after a region's end");
    }
}
