package org.mmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmkit.bench.Measurement;
import org.mmkit.bench.Result;
import picocli.CommandLine;

/** {@code mmkit bench} in process with made-up measurements: options, output, files, exit codes; no timing. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** The (rows, rounds, quick) each run was asked for. */
    private final List<String> asked = new ArrayList<>();

    /** Two rows: the kernel at 10 ns and the model at 20, 30 ns per op; the TreeMap row at 4 and 2. */
    private final BenchCommand.Runner fake = (rows, rounds, quick, progress) -> {
        asked.add(rows.size() + " rows " + rounds + " " + quick);
        return List.of(new Result(Measurement.ANON_WRITE_FAULT, List.of(10.0, 10.0), List.of(20.0, 30.0)),
                new Result(Measurement.VMA_LOOKUP, List.of(4.0), List.of(2.0)));
    };

    private int mmkit(BenchCommand.Runner runner, String... args) {
        CommandLine cmd = new CommandLine(new BenchCommand(runner));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void printsMediansAndRatios() {
        assertThat(mmkit(fake, "--rounds", "2")).isZero();
        assertThat(asked).containsExactly(Measurement.values().length + " rows 2 false");
        assertThat(out.toString()).isEqualTo("""
                measure                                                                 kernel     model  ratio
                anonymous write fault incl. zero-fill                                 10.00 ns  25.00 ns   2.50
                VMA lookup, 60k VMAs, against TreeMap.floorEntry  4.00 ns (TreeMap.floorEntry)   2.00 ns   0.50
                """);

    }

    @Test
    void writesJsonAndMarkdown() throws Exception {
        Path json = dir.resolve("bench.json");
        Path markdown = dir.resolve("bench.md");
        assertThat(mmkit(fake, "--json", json.toString(), "--markdown", markdown.toString())).isZero();
        assertThat(Files.readString(markdown)).isEqualTo("""
                | measure | kernel | model | ratio |
                |---|---:|---:|---:|
                | anonymous write fault incl. zero-fill | 10.00 ns | 25.00 ns | 2.50 |
                | VMA lookup, 60k VMAs, against TreeMap.floorEntry | 4.00 ns (TreeMap.floorEntry) | 2.00 ns | 0.50 |
                """);
        assertThat(Files.readString(json)).isEqualTo("""
                {
                  "rounds": 5,
                  "rows": [
                    {"key": "anon-write-fault", "title": "anonymous write fault incl. zero-fill", "unit": "ns/op", \
                "baseline": "kernel", "baselineMedianNs": 10.000, "modelMedianNs": 25.000, "ratio": 2.500, \
                "baselineNs": [10.000, 10.000], "modelNs": [20.000, 30.000]},
                    {"key": "vma-lookup", "title": "VMA lookup, 60k VMAs, against TreeMap.floorEntry", "unit": "ns/op", \
                "baseline": "TreeMap.floorEntry", "baselineMedianNs": 4.000, "modelMedianNs": 2.000, "ratio": 0.500, \
                "baselineNs": [4.000], "modelNs": [2.000]}
                  ]
                }
                """);
    }

    @Test
    void quickTakesOneRound() {
        assertThat(mmkit(fake, "--quick", "--rounds", "7")).isZero();
        assertThat(asked).containsExactly(Measurement.values().length + " rows 1 true");
    }

    @Test
    void rowsByName() {
        List<List<Measurement>> selected = new ArrayList<>();
        BenchCommand.Runner recording = (rows, rounds, quick, progress) -> {
            selected.add(rows);
            return fake.run(rows, rounds, quick, progress);
        };
        assertThat(mmkit(recording, "maps-60k", "vma-lookup")).isZero();
        assertThat(selected).containsExactly(List.of(Measurement.MAPS_60K, Measurement.VMA_LOOKUP));
    }

    @Test
    void anUnknownRowIsAUsageError() {
        assertThat(mmkit(fake, "maps")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).startsWith("mmkit bench: no benchmark row maps; the rows: [load-store-tlb-hit, ");
        assertThat(asked).isEmpty();
    }

    @Test
    void noRoundsIsAUsageError() {
        assertThat(mmkit(fake, "--rounds", "0")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).isEqualTo("mmkit bench: --rounds 0: at least 1 round\n");
        assertThat(asked).isEmpty();
    }

    @Test
    void aMissingKernelProgramIsAClearError() {
        BenchCommand.Runner missing = (rows, rounds, quick, progress) -> {
            throw new IllegalStateException("the kernel benchmark program X is missing");
        };
        assertThat(mmkit(missing)).isEqualTo(Main.USAGE);
        assertThat(err.toString()).isEqualTo("mmkit bench: the kernel benchmark program X is missing\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnwritableFileIsAClearError() {
        Path json = dir.resolve("no-such-dir").resolve("bench.json");
        assertThat(mmkit(fake, "--json", json.toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).startsWith("mmkit bench: cannot write ").contains("bench.json");
    }

    @Test
    void isACommandOfMmkit() {
        assertThat(Main.commandLine(Backends::create).getSubcommands()).containsKey("bench");
    }
}
