package org.mmkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The {@code mmkit} command run in this JVM on chosen backends, its output captured. */
final class InProcessMmkit {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(BackendFactory backends, String... args) {
        return Main.execute(args, backends, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
