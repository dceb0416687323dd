package org.mmkit.linux;

import org.mmkit.backend.Backend;
import org.mmkit.backend.BackendProvider;
import org.mmkit.core.KernelConfig;

/** Provides this machine's kernel under the name {@code linux}, with the executor the build made. */
public final class LinuxBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "linux";
    }

    /** @throws ExecutorFailure when the executor was not built here (no gcc or static libc) */
    @Override
    public Backend create(KernelConfig profile) {
        return new LinuxBackend();
    }
}
