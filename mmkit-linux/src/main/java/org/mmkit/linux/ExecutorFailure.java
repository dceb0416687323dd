package org.mmkit.linux;

/**
 * The real-kernel backend lost or gave up on an executor process: it did not answer in time (and
 * was killed), it ended unexpectedly, or it could not be started. Not a scenario outcome: the
 * scenario cannot go on with that process.
 */
public final class ExecutorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecutorFailure(String message) {
        super(message);
    }

    ExecutorFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
