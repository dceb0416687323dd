package org.mmkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mmkit.backend.Backend;
import org.mmkit.backend.Requirement;
import org.mmkit.core.KernelConfig;

/**
 * The model configuration that behaves as this machine's kernel, for comparing the two: the
 * reference profile with each build or boot choice the model knows (soft-dirty, the shared zero
 * page, anonymous VMA names) set as the kernel backend finds it here, and the machine's own swap
 * areas from {@code /proc/swaps}. Areas the kind mmkit lends a {@code swap} scenario (zram devices,
 * {@code mmkit-swap-} files) are left out: they may be another run's, about to go, and the model
 * lends itself the same area when a scenario asks.
 */
final class MachineProfile {
    private MachineProfile() {
    }

    /** Asks a fresh kernel backend of {@code backends}, which it closes again. */
    static KernelConfig probe(BackendFactory backends) throws BackendFactory.UnavailableException {
        try (Backend kernel = backends.create(Backends.LINUX, KernelConfig.linux618())) {
            return of(kernel);
        }
    }

    static KernelConfig of(Backend kernel) {
        return KernelConfig.linux618().toBuilder()
                .softDirty(has(kernel, Requirement.Kind.SOFT_DIRTY))
                .sharedZeroPage(has(kernel, Requirement.Kind.ZERO_PAGE))
                .anonVmaName(has(kernel, Requirement.Kind.ANON_VMA_NAME))
                .swapAreas(swapAreas(Path.of("/proc/swaps")))
                .build();
    }

    /**
     * The areas of a {@code /proc/swaps} text (name, type, size and used in KiB, priority), in its
     * order, sized with their header page; none if it cannot be read.
     */
    static List<KernelConfig.SwapSpace> swapAreas(Path procSwaps) {
        try {
            return Files.readAllLines(procSwaps).stream().skip(1)
                    .map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.split("\\s+"))
                    .filter(fields -> !fields[0].startsWith("/dev/zram") && !fields[0].contains("/mmkit-swap-"))
                    .map(fields -> new KernelConfig.SwapSpace(Long.parseLong(fields[2]) / 4 + 1,
                            Integer.parseInt(fields[4])))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean has(Backend kernel, Requirement.Kind kind) {
        return kernel.unsupported(new Requirement(kind, null)) == null;
    }
}
