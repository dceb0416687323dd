package org.mmkit.core.mm;

import java.util.List;

import org.mmkit.core.Errno;

/**
 * The part of {@code /proc} a path can reach ({@code fs/proc/base.c}): {@code /proc/self} and
 * {@code /proc/PID} name a process of the machine, and below it {@code fd/N} is the magic link
 * to the file of descriptor N ({@code proc_fd_link}), which {@code open} reopens with a new
 * access mode and position. Entries that are files of their own (such as {@code mem}) are
 * looked up in {@link #entry}.
 */
final class ProcDirectory {
    private ProcDirectory() {
    }

    /**
     * Resolves the components after {@code /proc}. ENOENT for a process that does not exist, a
     * descriptor that is not open, or an entry the model lacks.
     */
    static PathLookup.Found lookup(Task opener, List<String> components) {
        if (components.isEmpty()) {
            throw Errno.ENOENT.exception(); // /proc itself is not modelled as a directory
        }
        Task target = process(opener, components.get(0));
        List<String> rest = components.subList(1, components.size());
        if (rest.size() == 2 && rest.get(0).equals("fd")) {
            OpenFile file = target.files.find(number(rest.get(1)));
            if (file == null) {
                throw Errno.ENOENT.exception();
            }
            return PathLookup.Found.of(file);
        }
        if (rest.size() == 1) {
            return entry(opener, target, rest.get(0));
        }
        throw Errno.ENOENT.exception();
    }

    /**
     * A file of {@code /proc/PID} by name: each gets its own {@link FileOperations}. {@code mem}
     * ({@link ProcMemFileOperations}) asks {@code PTRACE_MODE_ATTACH} of the opener
     * ({@code proc_mem_open}, {@code mm_access}, {@link Task#ptraceMayAccess}); else EACCES. Other names are ENOENT.
     */
    private static PathLookup.Found entry(Task opener, Task target, String name) {
        if (name.equals("mem")) {
            if (!opener.ptraceMayAccess(target)) {
                throw Errno.EACCES.exception();
            }
            return new PathLookup.Found.Special(new ProcMemFileOperations(target));
        }
        throw Errno.ENOENT.exception();
    }

    /** {@code self}, or the pid of a live process of the machine. */
    private static Task process(Task opener, String name) {
        if (name.equals("self")) {
            return opener;
        }
        Task task = opener.machine.findTask(number(name));
        if (task == null || task.mm == null) {
            throw Errno.ENOENT.exception();
        }
        return task;
    }

    /** A decimal number without sign or leading zeros, as proc's {@code name_to_int} accepts; else ENOENT. */
    private static int number(String name) {
        if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')
                || !name.chars().allMatch(Character::isDigit)) {
            throw Errno.ENOENT.exception();
        }
        return Integer.parseInt(name);
    }
}
