package org.mmkit.model;

import org.mmkit.backend.Backend;
import org.mmkit.backend.BackendProvider;

/** Provides the model, configured as the reference kernel, under the name {@code model}. */
public final class ModelBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "model";
    }

    @Override
    public Backend create() {
        return new ModelBackend();
    }
}
