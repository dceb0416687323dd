package org.mmkit.core;

/** Linux error numbers (x86-64 values, {@code include/uapi/asm-generic/errno-base.h} and {@code errno.h}). */
public enum Errno {
    /** The caller lacks a privilege the call needs. */ EPERM(1),
    /** A named file does not exist. */ ENOENT(2),
    /** The process does not exist. */ ESRCH(3),
    /** A signal arrived before the call finished. */ EINTR(4),
    /** A device reported a read or write error. */ EIO(5),
    /** The device or address does not exist. */ ENXIO(6),
    /** An argument list is too long. */ E2BIG(7),
    /** The descriptor is not open, or not open for this use. */ EBADF(9),
    /** A resource is temporarily unavailable; retrying may succeed. */ EAGAIN(11),
    /** Memory or address space ran out, or a range is not mapped. */ ENOMEM(12),
    /** The file's mode or the mapping forbids the access. */ EACCES(13),
    /** A pointer argument points outside the accessible address space. */ EFAULT(14),
    /** A resource is in use. */ EBUSY(16),
    /** The object already exists (e.g. a mapping at a {@code MAP_FIXED_NOREPLACE} address). */ EEXIST(17),
    /** The file cannot be mapped, or the device does not exist. */ ENODEV(19),
    /** An argument is invalid. */ EINVAL(22),
    /** The system-wide limit of open files is reached. */ ENFILE(23),
    /** The process's limit of open descriptors is reached. */ EMFILE(24),
    /** The descriptor does not support this ioctl. */ ENOTTY(25),
    /** The file is being executed. */ ETXTBSY(26),
    /** The file would grow past its size limit. */ EFBIG(27),
    /** A path component that must be a directory is not one. */ ENOTDIR(20),
    /** The path names a directory, which this call cannot use so. */ EISDIR(21),
    /** The file system or memory backing it is full. */ ENOSPC(28),
    /** The descriptor cannot seek. */ ESPIPE(29),
    /** The file system is read-only. */ EROFS(30),
    /** A write to a pipe that no process reads. */ EPIPE(32),
    /** A number is out of the range its type can hold. */ ERANGE(34),
    /** A path or one of its components is too long. */ ENAMETOOLONG(36),
    /** The call does not exist. */ ENOSYS(38),
    /** A value does not fit the type it is returned in. */ EOVERFLOW(75),
    /** The operation is not supported on this object. */ EOPNOTSUPP(95),
    /** A memory page has a hardware error (a poisoned page). */ EHWPOISON(133);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /**
     * The positive errno value, as in {@code errno.h}.
     *
     * @return the number, e.g. 12 for ENOMEM
     */
    public int number() {
        return number;
    }

    /**
     * The errno with this number.
     *
     * @param number a positive errno value
     * @return the constant
     * @throws IllegalArgumentException if the model does not know it
     */
    public static Errno of(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown errno " + number);
    }

    /**
     * A new exception carrying this errno.
     *
     * @return an exception to throw
     */
    public ErrnoException exception() {
        return new ErrnoException(this);
    }
}
