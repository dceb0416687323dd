package org.mmkit.model;

import org.mmkit.backend.Backend;
import org.mmkit.backend.BackendProvider;
import org.mmkit.core.KernelConfig;

/** Provides the model, configured as the given kernel profile, under the name {@code model}. */
public final class ModelBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "model";
    }

    @Override
    public Backend create(KernelConfig profile) {
        return new ModelBackend(profile);
    }
}
