package org.mmkit.backend;

/**
 * Kernel releases as written in {@code requires: kernel >= 6.17} and held as one number
 * ({@code major * 100 + minor}, e.g. 617), the form {@code KernelConfig.kernelVersion()} uses.
 */
public final class KernelVersion {
    private KernelVersion() {
    }

    /** {@code "6.17"} → 617. @throws IllegalArgumentException if it is not {@code MAJOR.MINOR} */
    public static int parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("kernel version must be MAJOR.MINOR: " + text);
        }
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        if (minor < 0 || minor > 99) {
            throw new IllegalArgumentException("kernel minor version out of range: " + text);
        }
        return major * 100 + minor;
    }

    public static String format(int version) {
        return version / 100 + "." + version % 100;
    }
}
