package org.mmkit.cli;

import org.mmkit.backend.Backend;

/** Makes a fresh backend for each scenario run, by name ({@code model} or {@code linux}). */
@FunctionalInterface
interface BackendFactory {
    Backend create(String name) throws UnavailableException;

    /** The backend cannot be used here; the message says why. */
    final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
