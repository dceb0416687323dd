package org.mmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmkit.backend.Backend;
import org.mmkit.backend.Requirement;
import org.mmkit.core.KernelConfig;
import org.mmkit.scenario.FakeBackend;

/** The commands end to end, in process, on fake backends: output and exit codes. */
class MainTest {
    private static final String MMAP = "a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n";
    private static final String PASSES = "# passes\n" + MMAP + "store(a, 1, 1)\nload(a, 1) == 1\n";
    private static final String WRITES_AND_READS_PAGEMAP = MMAP + "store(a, 1, 1)\npagemap(a, 1)\n";

    @TempDir
    Path dir;

    private final InProcessMmkit cli = new InProcessMmkit();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int mmkit(BackendFactory backends, String... args) {
        return cli.run(backends, args);
    }

    private int mmkit(String... args) {
        return mmkit((name, profile) -> new FakeBackend(), args);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void runPrintsTranscriptAndSummary() throws Exception {
        Path f = write("ok.mms", PASSES);
        assertThat(mmkit("run", f.toString())).isZero();
        assertThat(out.toString()).isEqualTo("== " + f + " (model)\n# passes\n" + MMAP.strip() + " = a\nstore(a, 1, 1)\n"
                + "load(a, 1) == 0x01\nPASS " + f + "\n1 scenarios: 1 passed, 0 failed, 0 skipped\n");
    }

    @Test
    void failuresExitOneAndNameTheFirstFailingLine() throws Exception {
        write("a.mms", PASSES);
        Path bad = write("b.mms", MMAP + "load(a, 1) == 2\nload(a, 1) == 3\n");
        assertThat(mmkit("run", dir.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL " + bad + ":2: expected 0x02, got 0x00\n")
                .contains("FAIL " + bad + "\n")
                .endsWith("2 scenarios: 1 passed, 1 failed, 0 skipped\nfirst failure: " + bad + ":2: expected 0x02, got 0x00\n");
    }

    @Test
    void quietShowsTranscriptsOfFailuresOnly() throws Exception {
        Path ok = write("a.mms", PASSES);
        write("b.mms", MMAP + "load(a, 1) == 2\n");
        assertThat(mmkit("run", "-q", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("PASS " + ok + "\n== ").doesNotContain("# passes");
    }

    @Test
    void invalidScenariosExitTwoButTheOthersStillRun() throws Exception {
        write("a.mms", "munmap(b, PAGE)\n");
        Path ok = write("b.mms", PASSES);
        assertThat(mmkit("run", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(dir.resolve("a.mms") + ":1: unknown name 'b'\n");
        assertThat(out.toString()).contains("PASS " + ok).endsWith("2 scenarios: 1 passed, 1 failed, 0 skipped\n");
    }

    @Test
    void hostileFilesAreReportedByFileAndLineAndTheOthersStillRun() throws Exception {
        write("a-deep.mms", MMAP + "munmap(a, " + "(".repeat(500) + "PAGE" + ")".repeat(500) + ")\n");
        write("b-minus.mms", MMAP + "munmap(a, " + "-".repeat(200_000) + "PAGE)\n");
        Path garbage = dir.resolve("c-garbage.mms");
        Files.write(garbage, new byte[] {'#', '\n', (byte) 0xff, (byte) 0xfe});
        write("d-nul.mms", "\0".repeat(1000) + PASSES);
        Path bom = write("e-bom.mms", "\uFEFF" + PASSES);
        write("f-long.mms", MMAP + "munmap(a, PAGE" + "+0".repeat(10_000) + ")\n");
        assertThat(mmkit("run", dir.toString())).isEqualTo(2);
        String tooDeep = ":2: expression nested too deeply (more than 100 levels of parentheses and unary operators)\n";
        assertThat(err.toString()).isEqualTo(dir.resolve("a-deep.mms") + tooDeep + dir.resolve("b-minus.mms") + tooDeep
                + garbage + ":2: invalid UTF-8: byte 0xff at byte offset 2 of the file (a scenario is UTF-8 text)\n"
                + dir.resolve("d-nul.mms") + ":1: unexpected character '\\0' (NUL)\n");
        assertThat(out.toString()).contains("PASS " + bom + "\n", "PASS " + dir.resolve("f-long.mms") + "\n")
                .endsWith("6 scenarios: 2 passed, 4 failed, 0 skipped\n");
    }

    @Test
    void skippedScenariosSayWhy() throws Exception {
        Path f = write("swap.mms", "requires: swap\n" + PASSES);
        assertThat(mmkit((name, profile) -> new FakeBackend().lacking(Requirement.Kind.SWAP), "run", f.toString())).isZero();
        assertThat(out.toString()).isEqualTo("SKIP " + f + ": requires swap: the fake has no SWAP\n"
                + "1 scenarios: 0 passed, 0 failed, 1 skipped\n");
    }

    @Test
    void directoriesAreSearchedRecursivelyInSortedOrder() throws Exception {
        write("b.mms", PASSES);
        write("a/z.mms", PASSES);
        write("a/c.mms", PASSES);
        write("notes.txt", "not a scenario");
        assertThat(ScenarioFiles.collect(List.of(dir))).containsExactly(
                dir.resolve("a/c.mms"), dir.resolve("a/z.mms"), dir.resolve("b.mms"));
    }

    @Test
    void aDirectoryWithoutScenariosIsAUsageError() throws Exception {
        write("notes.txt", PASSES);
        assertThat(mmkit("run", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mmkit run: no scenario files (*.mms) in " + dir + "\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void diffOnDirectoriesWithoutScenariosIsAUsageError() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        assertThat(mmkit("diff", dir.toString(), other.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mmkit diff: no scenario files (*.mms) in " + dir + ", " + other + "\n");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(mmkit("help")).isZero();
        assertThat(out.toString()).startsWith("Usage: mmkit").contains("  run ", "  diff ", "  fuzz ", "  help ");
    }

    @Test
    void helpOfACommandIsItsUsage() {
        assertThat(mmkit("help", "run")).isZero();
        String help = out.toString();
        out.getBuffer().setLength(0);
        assertThat(mmkit("run", "--help")).isZero();
        assertThat(help).startsWith("Usage: mmkit run").isEqualTo(out.toString());
    }

    @Test
    void helpKeepsThePatternOfScenarioFilesOnOneLine() {
        for (String command : List.of("run", "diff")) {
            out.getBuffer().setLength(0);
            assertThat(mmkit(command, "--help")).isZero();
            assertThat(out.toString()).as(command).contains("*.mms");
        }
    }

    @Test
    void anUnknownCommandIsNamedWithTheCommands() {
        assertThat(mmkit("bogus")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mmkit: unknown command 'bogus' (commands: run, diff, fuzz, bench, help)\n");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(mmkit("run", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mmkit: no such file or directory: " + dir.resolve("missing") + "\n");
        assertThat(mmkit()).isEqualTo(2);
        assertThat(mmkit("run")).isEqualTo(2);
        assertThat(mmkit("run", "--frobnicate", dir.toString())).isEqualTo(2);
        assertThat(mmkit("launch")).isEqualTo(2);
    }

    @Test
    void unavailableBackendExitsTwo() throws Exception {
        Path f = write("ok.mms", PASSES);
        assertThat(mmkit(Backends::create, "run", "--backend=solaris", f.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mmkit: unknown backend 'solaris' (expected model or linux)\n");
    }

    /**
     * {@code run} and {@code diff} of plain files skip picocli (start-up); with an option or
     * {@code --} they go through it. Both ways print the same and exit the same, also for a
     * failing scenario and a missing file.
     */
    @Test
    void plainScenarioCommandsAnswerAsThroughPicocli() throws Exception {
        Path ok = write("ok.mms", PASSES);
        Path bad = write("bad.mms", MMAP + "load(a, 1) == 2\n");
        String missing = dir.resolve("missing.mms").toString();
        List<List<String>> plainAndParsed = List.of(
                List.of("run", ok.toString(), bad.toString()), List.of("run", "--backend", "model", ok.toString(), bad.toString()),
                List.of("diff", ok.toString()), List.of("diff", "--", ok.toString()),
                List.of("run", missing), List.of("run", "--", missing),
                List.of("diff", dir.toString()), List.of("diff", "--", dir.toString()));
        for (int i = 0; i < plainAndParsed.size(); i += 2) {
            int plainExit = mmkit(plainAndParsed.get(i).toArray(String[]::new));
            String plainOut = out.toString();
            String plainErr = err.toString();
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(mmkit(plainAndParsed.get(i + 1).toArray(String[]::new))).isEqualTo(plainExit);
            assertThat(out.toString()).isEqualTo(plainOut);
            assertThat(err.toString()).isEqualTo(plainErr);
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
        }
    }

    @Test
    void diffReportsSameTranscripts() throws Exception {
        Path f = write("ok.mms", WRITES_AND_READS_PAGEMAP);
        assertThat(mmkit("diff", f.toString())).isZero();
        assertThat(out.toString()).isEqualTo("same     " + f + "\n"
                + "1 scenarios: 1 same, 0 different, 0 declared divergences, 0 skipped\n");
    }

    @Test
    void diffShowsTheFirstDifferenceAndExitsOne() throws Exception {
        Path f = write("x.mms", WRITES_AND_READS_PAGEMAP);
        assertThat(mmkit(KernelWithoutExclusiveBit::create, "diff", f.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("DIFFERS  " + f + " at transcript line 3:\n"
                + "         store(a, 1, 1)\n"
                + "  model: pagemap(a, 1) == present|exclusive@0\n"
                + "  linux: pagemap(a, 1) == present@0\n"
                + "1 scenarios: 0 same, 1 different, 0 declared divergences, 0 skipped\n");
    }

    @Test
    void declaredDivergencesDoNotFailTheDiff() throws Exception {
        Path f = write("x.mms", "divergence: old kernels lack the exclusive bit\n" + WRITES_AND_READS_PAGEMAP);
        assertThat(mmkit(KernelWithoutExclusiveBit::create, "diff", f.toString())).isZero();
        assertThat(out.toString()).startsWith("diverges " + f + " (declared: old kernels lack the exclusive bit)\n")
                .endsWith("0 same, 0 different, 1 declared divergences, 0 skipped\n");
    }

    @Test
    void diffSkipsWhatEitherBackendCannotRun() throws Exception {
        Path f = write("x.mms", "requires: swap\n");
        BackendFactory noSwapOnLinux = (name, profile) -> name.equals("linux")
                ? new FakeBackend().lacking(Requirement.Kind.SWAP) : new FakeBackend();
        assertThat(mmkit(noSwapOnLinux, "diff", f.toString())).isZero();
        assertThat(out.toString()).isEqualTo("skipped " + f + ": linux requires swap: the fake has no SWAP\n"
                + "1 scenarios: 0 same, 0 different, 0 declared divergences, 1 skipped\n"
                + "  skipped " + f + ": linux requires swap: the fake has no SWAP\n");
    }

    @Test
    void diffRunsTheModelAsConfiguredLikeThisMachinesKernel() throws Exception {
        Path f = write("x.mms", WRITES_AND_READS_PAGEMAP);
        List<KernelConfig> modelProfiles = new java.util.ArrayList<>();
        BackendFactory kernelWithoutZeroPage = (name, profile) -> {
            if (name.equals("linux")) {
                return new FakeBackend().lacking(Requirement.Kind.ZERO_PAGE);
            }
            modelProfiles.add(profile);
            return new FakeBackend();
        };
        assertThat(mmkit(kernelWithoutZeroPage, "diff", f.toString())).isZero();
        assertThat(modelProfiles).singleElement().satisfies(p -> {
            assertThat(p.sharedZeroPage()).isFalse();
            assertThat(p.softDirty()).isTrue();   // the fake lacks nothing else
        });
    }

    @Test
    void runUsesTheReferenceProfile() throws Exception {
        Path f = write("x.mms", WRITES_AND_READS_PAGEMAP);
        List<KernelConfig> profiles = new java.util.ArrayList<>();
        assertThat(mmkit((name, profile) -> {
            profiles.add(profile);
            return new FakeBackend();
        }, "run", f.toString())).isZero();
        assertThat(profiles).containsExactly(KernelConfig.linux618());
    }

    @Test
    void theModelBackendIsBuiltIn() throws Exception {
        try (var model = Backends.create("model", KernelConfig.linux618())) {
            assertThat(model.name()).isEqualTo("model");
        }
    }

    @Test
    void anUnknownBackendIsExplained() {
        assertThatThrownBy(() -> Backends.create("qemu", KernelConfig.linux618()))
                .hasMessage("unknown backend 'qemu' (expected model or linux)");
    }

    @Test
    void theLinuxBackendIsFoundByItsProviderOrExplained() throws Exception {
        Backend linux;
        try {
            linux = Backends.create("linux", KernelConfig.linux618());
        } catch (BackendFactory.UnavailableException e) {
            // e.g. no executor on a machine without a static libc
            assertThat(e).hasMessageStartingWith("the linux backend could not start: ");
            return;
        }
        try (linux) {
            assertThat(linux.name()).isEqualTo("linux");
        }
    }

    /** Stands in for a kernel that differs from the model: "linux" never reports the exclusive bit. */
    private static final class KernelWithoutExclusiveBit {
        static FakeBackend create(String name, KernelConfig profile) {
            return name.equals("linux") ? new FakeBackend().withoutExclusiveBit() : new FakeBackend();
        }
    }
}
