package org.mmkit.linux;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Finds the native executor the build compiled. */
final class ExecutorBinary {
    /** System property naming the executor explicitly, overriding the lookup. */
    static final String PROPERTY = "mmkit.executor";

    private ExecutorBinary() {
    }

    /**
     * The executor named by {@value #PROPERTY}, else {@code native/mmkit-executor} in the build
     * directory this class was loaded from: both {@code target/classes} (tests) and
     * {@code target/mmkit-linux.jar} (the mmkit launcher) sit directly in it.
     */
    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        Path executor = configured != null ? Path.of(configured)
                : loadedFrom().getParent().resolve("native").resolve("mmkit-executor");
        if (!Files.isExecutable(executor)) {
            throw new ExecutorFailure("the native executor " + executor + " is missing or not executable; build it with"
                    + " ./mvnw package (it needs gcc and a static libc) or set -D" + PROPERTY + "=PATH");
        }
        return executor;
    }

    private static Path loadedFrom() {
        CodeSource source = ExecutorBinary.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null) {
                return Path.of(source.getLocation().toURI()).toAbsolutePath();
            }
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            // not loaded from a file: fall through
        }
        throw new ExecutorFailure("cannot tell where mmkit was loaded from; set -D" + PROPERTY + "=PATH");
    }
}
