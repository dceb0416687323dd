package org.mmkit.core;

/** A system call of the model failed with a Linux errno; the model is left as Linux would leave it. */
public final class ErrnoException extends RuntimeException {
    /** Version of the serialized form. */
    private static final long serialVersionUID = 1L;

    /** The error of the failed call. */
    private final Errno errno;

    /**
     * An exception for a failed call.
     *
     * @param errno the error Linux returns
     */
    public ErrnoException(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }

    /**
     * The error of the failed call.
     *
     * @return the errno Linux would return
     */
    public Errno errno() {
        return errno;
    }
}
