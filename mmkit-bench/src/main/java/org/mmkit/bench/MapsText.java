package org.mmkit.bench;

import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;

/** {@code maps-60k}: the whole {@code /proc/PID/maps} text of a process with 60k VMAs. */
final class MapsText implements Workload {
    private final Kernel kernel = ModelSetup.kernel(false);
    private final SimProcess process = kernel.newProcess(true);
    /** What the texts add up to, so the JIT cannot drop them. */
    private long characters;

    MapsText() {
        ModelSetup.manyVmas(process);
    }

    @Override
    public void run(int ops) {
        for (int i = 0; i < ops; i++) {
            characters += process.maps().length();
        }
    }

    @Override
    public void close() {
        kernel.close();
    }
}
