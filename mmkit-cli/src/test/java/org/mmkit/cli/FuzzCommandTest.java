package org.mmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmkit.fuzz.RefusesExecBackend;
import org.mmkit.scenario.FakeBackend;
import org.mmkit.scenario.ScenarioParser;
import picocli.CommandLine;

/** {@code mmkit fuzz} in process, on fakes: exit codes, output and the written finding. */
class FuzzCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int mmkit(BackendFactory backends, String... args) {
        CommandLine cmd = Main.commandLine(backends);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    /** Both sides are the same fake: nothing can differ. */
    private static final BackendFactory SAME = name -> new FakeBackend();

    /** The kernel side refuses PROT_EXEC in mprotect. */
    private static final BackendFactory DIFFERENT =
            name -> name.equals(Backends.LINUX) ? new RefusesExecBackend() : new FakeBackend();

    @Test
    void noDivergenceExitsZero() {
        assertThat(mmkit(SAME, "fuzz", "--seed", "3", "--ops", "40", "--out", dir.toString())).isZero();
        assertThat(out.toString()).isEqualTo("same     seed 3 (40 steps)\n1 scenarios of 40 steps: no divergence\n");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void timeKeepsTryingSuccessiveSeeds() {
        assertThat(mmkit(SAME, "fuzz", "--seed", "5", "--ops", "5", "--time", "1", "--out", dir.toString())).isZero();
        assertThat(out.toString()).startsWith("same     seed 5 (5 steps)\nsame     seed 6 (5 steps)\n");
    }

    @Test
    void aDivergenceIsReducedWrittenAndExitsOne() throws Exception {
        Path findings = dir.resolve("findings");
        // seeds 1 and 2 make no PROT_EXEC mprotect before the fake stops (its smaps is minimal); seed 3 does
        assertThat(mmkit(DIFFERENT, "fuzz", "--seed", "1", "--ops", "60", "--time", "600", "--out", findings.toString()))
                .isEqualTo(1);
        Path file = findings.resolve("seed-3-ops-60.mms");
        assertThat(out.toString()).startsWith("same     seed 1 (60 steps)\nsame     seed 2 (60 steps)\n"
                + "DIFFERS  seed 3: reduced from 63 to 3 lines in ").contains(": " + file + "\n")
                .endsWith("  model: mprotect(r+87*PAGE, 4*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC) = 0\n"
                        + "  linux: mprotect(r+87*PAGE, 4*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC) = -1 EACCES\n");
        String text = Files.readString(file);
        assertThat(text).isEqualTo("""
                # Found by mmkit fuzz --seed 3 --ops 60, reduced from 63 to 3 lines; rerun with mmkit diff.
                # The transcripts first differ at transcript line 2:
                #   model: mprotect(r+87*PAGE, 4*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
                #   linux: mprotect(r+87*PAGE, 4*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC) = -1 EACCES
                requires: root
                r = mmap(NULL, 256*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
                mprotect(r+87*PAGE, 4*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC)
                """);
        // the finding is a scenario anyone can rerun
        ScenarioParser.parse(file.toString(), text);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(mmkit(SAME, "fuzz", "--ops", "0")).isEqualTo(2);
        assertThat(mmkit(SAME, "fuzz", "--ops", "many")).isEqualTo(2);
        assertThat(mmkit(SAME, "fuzz", "--time", "-1")).isEqualTo(2);
        assertThat(mmkit(SAME, "fuzz", "extra")).isEqualTo(2);
    }

    @Test
    void aMissingKernelBackendExitsTwo() {
        BackendFactory modelOnly = name -> {
            if (name.equals(Backends.LINUX)) {
                throw new BackendFactory.UnavailableException("the linux backend is not part of this build");
            }
            return new FakeBackend();
        };
        assertThat(mmkit(modelOnly, "fuzz", "--seed", "1", "--ops", "10")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mmkit: the linux backend is not part of this build\n");
    }

    @Test
    void aBackendThatSkipsTheScenariosExitsTwo() {
        BackendFactory notRoot = name -> new FakeBackend().lacking(org.mmkit.backend.Requirement.Kind.ROOT);
        assertThat(mmkit(notRoot, "fuzz", "--seed", "1", "--ops", "10", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("mmkit fuzz: the model backend cannot run seed-1.mms: requires root");
    }
}
