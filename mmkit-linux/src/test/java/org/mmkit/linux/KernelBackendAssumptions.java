package org.mmkit.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/**
 * What the kernel backend's tests need from the machine, as JUnit assumptions: they are skipped
 * with the reason, not failed, where the JVM is not root or the executor could not be built (no
 * gcc or static libc), so the rest of the build passes there.
 */
final class KernelBackendAssumptions {
    private KernelBackendAssumptions() {
    }

    /** Root and a built executor; returns the executor. */
    static Path rootAndExecutor() {
        assumeTrue(KernelRequirements.root(), "needs root: the scenario processes are privileged");
        try {
            return ExecutorBinary.locate();
        } catch (ExecutorFailure missing) {
            assumeTrue(false, missing.getMessage());
            throw missing;
        }
    }
}
