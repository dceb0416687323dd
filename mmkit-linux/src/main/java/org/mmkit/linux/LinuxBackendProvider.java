package org.mmkit.linux;

import org.mmkit.backend.Backend;
import org.mmkit.backend.BackendProvider;

/** Provides this machine's kernel under the name {@code linux}, with the executor the build made. */
public final class LinuxBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "linux";
    }

    /** @throws ExecutorFailure when the executor was not built here (no gcc or static libc) */
    @Override
    public Backend create() {
        return new LinuxBackend();
    }
}
