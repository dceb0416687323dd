package org.mmkit.cli;

import java.util.ServiceLoader;
import org.mmkit.backend.Backend;
import org.mmkit.backend.BackendProvider;
import org.mmkit.core.KernelConfig;

/**
 * Creates the real backends by name, from the {@link BackendProvider}s on the class path, so the
 * command runs on the model alone when the kernel backend's module is absent.
 */
final class Backends {
    static final String MODEL = "model";
    static final String LINUX = "linux";

    private Backends() {
    }

    /** A fresh backend: each scenario runs on its own machine, so results do not leak between them. */
    static Backend create(String name, KernelConfig profile) throws BackendFactory.UnavailableException {
        if (!name.equals(MODEL) && !name.equals(LINUX)) {
            throw new BackendFactory.UnavailableException("unknown backend '" + name + "' (expected model or linux)");
        }
        BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new BackendFactory.UnavailableException(
                        "the " + name + " backend is not part of this build (no provider of it on the class path)"));
        try {
            return provider.create(profile);
        } catch (RuntimeException e) {
            throw new BackendFactory.UnavailableException("the " + name + " backend could not start: " + e.getMessage());
        }
    }
}
