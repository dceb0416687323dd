package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java programs under examples/ compile against the public API alone (on the class path, as a
 * user's program would) and run to their end.
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path classes;

    /** Compiles {@code examples/NAME.java} and runs its main with {@code args}; returns what it printed. */
    private String run(String name, String... args) throws Exception {
        Path api = Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringWriter diagnostics = new StringWriter();
        int status = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(diagnostics), new PrintWriter(diagnostics),
                "-Xlint:all", "-Werror", "-cp", api.toString(), "-d", classes.toString(),
                EXAMPLES.resolve(name + ".java").toString());
        assertThat(status).as("javac: %s", diagnostics).isZero();
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        out.print(text);
        return text;
    }

    /** The pre-copy loop ends with a destination equal to the source (the example checks it). */
    @Test
    void preCopyMigrationCopiesTheSourceByteForByte() throws Exception {
        assertThat(Files.exists(EXAMPLES.resolve("PreCopyMigration.java"))).isTrue();
        String printed = run("PreCopyMigration", "1");
        assertThat(printed).contains("round 0: copied 4096 pages", "round 1: ", "stop and copy: ",
                "destination matches the source byte for byte");
    }
}
