package org.mmkit.cli;

import java.lang.reflect.InvocationTargetException;
import org.mmkit.backend.Backend;
import org.mmkit.model.ModelBackend;

/**
 * Creates the real backends by name. The kernel backend is looked up by class name, so this
 * module builds and runs on the model alone while that backend is absent.
 */
final class Backends {
    static final String MODEL = "model";
    static final String LINUX = "linux";
    private static final String LINUX_CLASS = "org.mmkit.linux.LinuxBackend";

    private Backends() {
    }

    /** A fresh backend: each scenario runs on its own machine, so results do not leak between them. */
    static Backend create(String name) throws BackendFactory.UnavailableException {
        return switch (name) {
            case MODEL -> new ModelBackend();
            case LINUX -> linux();
            default -> throw new BackendFactory.UnavailableException(
                    "unknown backend '" + name + "' (expected model or linux)");
        };
    }

    private static Backend linux() throws BackendFactory.UnavailableException {
        try {
            return (Backend) Class.forName(LINUX_CLASS).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new BackendFactory.UnavailableException(
                    "the linux backend is not part of this build (" + LINUX_CLASS + " is missing)");
        } catch (InvocationTargetException e) {
            throw new BackendFactory.UnavailableException(
                    "the linux backend could not start: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new BackendFactory.UnavailableException("the linux backend could not be created: " + e);
        }
    }
}
