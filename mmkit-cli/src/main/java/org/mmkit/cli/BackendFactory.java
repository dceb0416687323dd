package org.mmkit.cli;

import org.mmkit.backend.Backend;
import org.mmkit.core.KernelConfig;

/**
 * Makes a fresh backend for each scenario run, by name ({@code model} or {@code linux}); a model
 * behaves as the given kernel profile.
 */
@FunctionalInterface
interface BackendFactory {
    Backend create(String name, KernelConfig profile) throws UnavailableException;

    /** The backend cannot be used here; the message says why. */
    final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
