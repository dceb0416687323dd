package org.mmkit.scenario;

import org.mmkit.core.Errno;

/** Errno names in both directions, tolerant of numbers the model's {@link Errno} does not list. */
final class ErrnoNames {
    private ErrnoNames() {
    }

    /** The number of an errno name, or null. */
    static Integer number(String name) {
        try {
            return Errno.valueOf(name).number();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String name(int errno) {
        try {
            return Errno.of(errno).name();
        } catch (IllegalArgumentException e) {
            return "errno " + errno;
        }
    }
}
