package org.mmkit.core;

/** Linux error numbers (x86-64 values, {@code include/uapi/asm-generic/errno-base.h} and {@code errno.h}). */
public enum Errno {
    EPERM(1), ENOENT(2), ESRCH(3), EINTR(4), EIO(5), ENXIO(6), E2BIG(7), EBADF(9), EAGAIN(11),
    ENOMEM(12), EACCES(13), EFAULT(14), EBUSY(16), EEXIST(17), ENODEV(19), EINVAL(22), ENFILE(23),
    EMFILE(24), ENOTTY(25), ETXTBSY(26), EFBIG(27), ENOSPC(28), ESPIPE(29), EROFS(30), ENOSYS(38),
    EOVERFLOW(75), EOPNOTSUPP(95), EHWPOISON(133);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /** The positive errno value, as in {@code errno.h}. */
    public int number() {
        return number;
    }

    /** The errno with this number. @throws IllegalArgumentException if the model does not know it */
    public static Errno of(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown errno " + number);
    }

    /** A new exception carrying this errno. */
    public ErrnoException exception() {
        return new ErrnoException(this);
    }
}
