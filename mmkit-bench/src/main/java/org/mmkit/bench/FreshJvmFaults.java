package org.mmkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/**
 * {@code fresh-jvm-faults}: the first {@code ops} anonymous write faults of a JVM that has run
 * nothing else, so that they include class loading, interpretation and compilation — what a tool
 * that starts, faults in its guest's memory and ends pays. Each sample starts a child JVM on this
 * class path ({@link #main}), which times its faults as {@link AnonFault} does and prints the
 * nanoseconds; the JVM's own start-up stays outside the time.
 */
final class FreshJvmFaults implements Workload {
    @Override
    public void run(int ops) {
        measure(ops);
    }

    /** The nanoseconds the child JVM's {@code ops} faults took. */
    @Override
    public long measure(int ops) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // native access as the mmkit launcher grants it: simulated RAM in one host mapping
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                FreshJvmFaults.class.getName(), Integer.toString(ops));
        try {
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (child.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException("the child JVM of fresh-jvm-faults failed: " + out);
            }
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child JVM for fresh-jvm-faults: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the child JVM ran", e);
        }
    }

    @Override
    public void close() {
    }

    /**
     * The child: {@code args[0]} write faults on a fresh mapping, timed; prints the nanoseconds.
     *
     * @param args the number of faults
     */
    public static void main(String[] args) {
        int ops = Integer.parseInt(args[0]);
        try (Kernel kernel = ModelSetup.kernel(false)) {
            SimProcess process = kernel.newProcess(true);
            long start = ModelSetup.mapAnon(process, ops * Uapi.PAGE_SIZE);
            long before = System.nanoTime();
            ModelSetup.touch(process, start, ops);
            System.out.println(System.nanoTime() - before);
        }
    }
}
