package org.mmkit.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.concurrent.TimeUnit;

/**
 * The kernel side: the C program {@code mmkit-kernel-bench} that the build compiles with gcc into
 * {@code target/native}, beside this module's classes and jar. One run, one measurement.
 */
public final class KernelProgram {
    /** System property naming the program explicitly, overriding the lookup. */
    public static final String PROPERTY = "mmkit.kernelBench";
    private static final long TIMEOUT_SECONDS = 120;
    private final Path program;

    private KernelProgram(Path program) {
        this.program = program;
    }

    /**
     * The program named by {@value #PROPERTY}, else {@code native/mmkit-kernel-bench} in the build
     * directory this class was loaded from.
     *
     * @return the program
     * @throws IllegalStateException naming what is missing, where it was not built (no gcc)
     */
    public static KernelProgram locate() {
        String configured = System.getProperty(PROPERTY);
        Path program = configured != null ? Path.of(configured)
                : loadedFrom().getParent().resolve("native").resolve("mmkit-kernel-bench");
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException("the kernel benchmark program " + program
                    + " is missing or not executable; build it with ./mvnw package (it needs gcc) or set -D"
                    + PROPERTY + "=PATH");
        }
        return new KernelProgram(program);
    }

    private static Path loadedFrom() {
        CodeSource source = KernelProgram.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null) {
                return Path.of(source.getLocation().toURI()).toAbsolutePath();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not loaded from a file: fall through
        }
        throw new IllegalStateException("cannot tell where mmkit was loaded from; set -D" + PROPERTY + "=PATH");
    }

    /**
     * Runs one measurement.
     *
     * @param name the measurement, as the C program names it
     * @param ops how many operations
     * @return nanoseconds per operation
     * @throws IllegalStateException where the program fails or prints something else
     */
    public double nsPerOp(String name, int ops) {
        try {
            Process process = new ProcessBuilder(program.toString(), name, Integer.toString(ops))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " " + name + ": no answer in " + TIMEOUT_SECONDS + " s");
            }
            return parse(name, out, process.exitValue());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring " + name, e);
        }
    }

    /** The ns per op of the line {@code bench NAME NS_PER_OP OPS}. */
    static double parse(String name, String line, int exitValue) {
        String[] words = line.split(" ");
        if (exitValue != 0 || words.length != 4 || !words[0].equals("bench") || !words[1].equals(name)) {
            throw new IllegalStateException("mmkit-kernel-bench " + name + " exited " + exitValue
                    + " and printed '" + line + "', not 'bench " + name + " NS_PER_OP OPS'");
        }
        try {
            return Double.parseDouble(words[2]);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("mmkit-kernel-bench " + name + ": not a number: " + words[2], e);
        }
    }
}
