package org.mmkit.backend;

/** A value, or the errno that prevented it ({@code errno > 0} and {@code value == null}). */
public record Result<T>(T value, int errno) {
    public static <T> Result<T> of(T value) {
        return new Result<>(value, 0);
    }

    public static <T> Result<T> error(int errno) {
        return new Result<>(null, errno);
    }

    public boolean ok() {
        return errno == 0;
    }
}
