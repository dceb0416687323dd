package org.mmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmkit.fuzz.RefusesExecBackend;
import org.mmkit.fuzz.ScenarioGenerator;
import org.mmkit.scenario.FakeBackend;
import org.mmkit.scenario.ScenarioParser;
import picocli.CommandLine.TypeConversionException;

/** {@code mmkit fuzz} in process, on fakes: exit codes, output and the written finding. */
class FuzzCommandTest {
    @TempDir
    Path dir;

    private final InProcessMmkit cli = new InProcessMmkit();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int mmkit(BackendFactory backends, String... args) {
        return cli.run(backends, args);
    }

    /** Both sides are the same fake: nothing can differ. */
    private static final BackendFactory SAME = (name, profile) -> new FakeBackend();

    /** The kernel side refuses PROT_EXEC in mprotect. */
    private static final BackendFactory DIFFERENT =
            (name, profile) -> name.equals(Backends.LINUX) ? new RefusesExecBackend() : new FakeBackend();

    @Test
    void noDivergenceExitsZero() {
        assertThat(mmkit(SAME, "fuzz", "--seed", "3", "--ops", "40", "--out", dir.toString())).isZero();
        assertThat(out.toString()).isEqualTo("same     seed 3 (40 steps)\n1 scenarios of 40 steps: no divergence\n");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void timeKeepsTryingSuccessiveSeeds() {
        assertThat(mmkit(SAME, "fuzz", "--seed", "5", "--ops", "5", "--time", "1s", "--out", dir.toString())).isZero();
        assertThat(out.toString()).startsWith("same     seed 5 (5 steps)\nsame     seed 6 (5 steps)\n");
    }

    /**
     * The generated scenario of {@code seed}, and its first mprotect asking for PROT_EXEC: where
     * {@link #DIFFERENT}'s sides first differ. Taken from the generator, so new generator steps
     * change what is expected rather than break the test.
     */
    private record Generated(List<String> lines, List<String> prologue, String firstExecMprotect) {
        static Generated of(long seed, int ops) {
            List<String> lines = ScenarioGenerator.generate(seed, ops).lines().toList();
            int prologueEnd = 1;
            while (!lines.get(prologueEnd - 1).endsWith("= brk(0)")) {
                prologueEnd++;
            }
            String exec = lines.stream().filter(line -> line.matches("in \\w+: mprotect\\(.*PROT_EXEC.*\\)")).findFirst()
                    .orElseThrow();
            return new Generated(lines, lines.subList(0, prologueEnd), exec);
        }
    }

    @Test
    void aDivergenceIsReducedWrittenAndExitsOne() throws Exception {
        Path findings = dir.resolve("findings");
        assertThat(mmkit(DIFFERENT, "fuzz", "--seed", "3", "--ops", "60", "--time", "10m", "--out", findings.toString()))
                .isEqualTo(1);
        Path file = findings.resolve("seed-3-ops-60.mms");
        Generated generated = Generated.of(3, 60);
        String diverging = generated.firstExecMprotect();
        String text = Files.readString(file);
        List<String> header = text.lines().limit(4).toList();
        List<String> body = text.lines().skip(4).toList();
        // the reduction keeps the prologue and the diverging mprotect, in the generated order
        assertThat(body).startsWith(generated.prologue().toArray(String[]::new)).endsWith(diverging)
                .isSubsetOf(generated.lines());
        assertThat(generated.lines()).containsSubsequence(body);
        assertThat(body.size()).isLessThan(generated.lines().size());
        String reduced = "reduced from " + generated.lines().size() + " to " + body.size() + " lines";
        String model = diverging + " = 0";
        String linux = diverging + " = -1 EACCES";
        assertThat(header).containsExactly("# Found by mmkit fuzz --seed 3 --ops 60, " + reduced + "; rerun with mmkit diff.",
                "# The transcripts first differ at transcript line " + body.size() + ":", "#   model: " + model,
                "#   linux: " + linux);
        assertThat(out.toString()).startsWith("DIFFERS  seed 3: " + reduced + " in ").contains(": " + file + "\n")
                .endsWith("  model: " + model + "\n  linux: " + linux + "\n");
        // the finding is a scenario anyone can rerun
        ScenarioParser.parse(file.toString(), text);
    }

    @Test
    void aFlakyDivergenceIsKeptWholeWithBothTranscriptsAndTheRunGoesOn() throws Exception {
        // the kernel side refuses PROT_EXEC once only: when the reducer runs the scenario again, it no longer differs
        AtomicBoolean once = new AtomicBoolean(true);
        BackendFactory flaky = (name, profile) -> name.equals(Backends.LINUX)
                ? new RefusesExecBackend(() -> once.getAndSet(false)) : new FakeBackend();
        assertThat(mmkit(flaky, "fuzz", "--seed", "3", "--ops", "60", "--time", "2s", "--out", dir.toString()))
                .isEqualTo(1);
        Path file = dir.resolve("seed-3-ops-60.mms");
        String diverging = Generated.of(3, 60).firstExecMprotect();
        assertThat(out.toString()).startsWith("FLAKY    seed 3: differed once, not when rerun; kept whole with both transcripts: "
                        + file + "\n")
                .contains("  model: " + diverging + " = 0\n  linux: " + diverging + " = -1 EACCES\n"
                        + "same     seed 4 (60 steps)\n")
                .endsWith(" scenarios of 60 steps: 1 flaky divergence, written to " + dir + "\n");
        String text = Files.readString(file);
        assertThat(text).startsWith("# Found by mmkit fuzz --seed 3 --ops 60: FLAKY").hasLineCount(2 + 2 + Generated.of(3, 60).lines().size());
        ScenarioParser.parse(file.toString(), text);
        assertThat(Files.readAllLines(dir.resolve("seed-3-ops-60.model.txt")))
                .contains(diverging + " = 0");
        assertThat(Files.readAllLines(dir.resolve("seed-3-ops-60.linux.txt")))
                .contains(diverging + " = -1 EACCES");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(mmkit(SAME, "fuzz", "--ops", "many")).isEqualTo(2);
        assertThat(mmkit(SAME, "fuzz", "--time", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration such as 600, 600s, 10m or 1h");
        assertThat(mmkit(SAME, "fuzz", "extra")).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --ops | 0     | mmkit fuzz: --ops 0: a scenario needs at least 1 step
            --ops | -1    | mmkit fuzz: --ops -1: the number of steps cannot be negative
            --ops | 10001 | mmkit fuzz: --ops 10001: at most 10000 steps per scenario
            --time | -5   | mmkit fuzz: --time -5s: a duration cannot be negative
            --time | -2m  | mmkit fuzz: --time -120s: a duration cannot be negative
            """)
    void eachOutOfRangeValueHasItsOwnMessage(String option, String value, String message) {
        assertThat(mmkit(SAME, "fuzz", option, value, "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(message + "\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void durationsInSecondsMinutesAndHours() {
        DurationConverter durations = new DurationConverter();
        assertThat(durations.convert("600")).isEqualTo(Duration.ofSeconds(600));
        assertThat(durations.convert("600s")).isEqualTo(Duration.ofSeconds(600));
        assertThat(durations.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(durations.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(durations.convert("-5")).isEqualTo(Duration.ofSeconds(-5));
        for (String bad : List.of("", "10 m", "1d", "1.5h", "m", "99999999999999")) {
            assertThatThrownBy(() -> durations.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessage("'" + bad + "' is not a duration such as 600, 600s, 10m or 1h");
        }
    }

    @Test
    void aMissingKernelBackendExitsTwo() {
        BackendFactory modelOnly = (name, profile) -> {
            if (name.equals(Backends.LINUX)) {
                throw new BackendFactory.UnavailableException("the linux backend is not part of this build");
            }
            return new FakeBackend();
        };
        assertThat(mmkit(modelOnly, "fuzz", "--seed", "1", "--ops", "10")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mmkit: the linux backend is not part of this build\n");
    }

    @Test
    void theScenariosNeedNoRoot() {
        BackendFactory notRoot = (name, profile) -> new FakeBackend().lacking(org.mmkit.backend.Requirement.Kind.ROOT);
        assertThat(mmkit(notRoot, "fuzz", "--seed", "1", "--ops", "10", "--out", dir.toString())).isZero();
        assertThat(err.toString()).isEmpty();
    }
}
