package org.mmkit.backend;

import org.mmkit.core.KernelConfig;

/**
 * Makes backends of one kind, found with {@link java.util.ServiceLoader}: each module that holds a
 * backend lists its provider in {@code META-INF/services/org.mmkit.backend.BackendProvider}, so
 * a program gets exactly the backends whose modules are on its class path.
 */
public interface BackendProvider {

    /** The name the backend is asked for by, the same as its {@link Backend#name()}. */
    String name();

    /**
     * A fresh backend: each scenario runs on its own machine, so results do not leak between runs.
     *
     * @param profile the kernel a model backend behaves as; a backend of a real kernel is that
     *                kernel and ignores it
     * @throws RuntimeException when the backend cannot be used here; the message says why
     */
    Backend create(KernelConfig profile);
}
