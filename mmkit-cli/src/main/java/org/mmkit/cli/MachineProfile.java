package org.mmkit.cli;

import org.mmkit.backend.Backend;
import org.mmkit.backend.Requirement;
import org.mmkit.core.KernelConfig;

/**
 * The model configuration that behaves as this machine's kernel, for comparing the two: the
 * reference profile with each build or boot choice the model knows (soft-dirty, the shared zero
 * page, anonymous VMA names) set as the kernel backend finds it here.
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
                .build();
    }

    private static boolean has(Backend kernel, Requirement.Kind kind) {
        return kernel.unsupported(new Requirement(kind, null)) == null;
    }
}
