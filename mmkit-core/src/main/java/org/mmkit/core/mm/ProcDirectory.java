package org.mmkit.core.mm;

import java.util.List;

import org.mmkit.core.Errno;

/**
 * The part of {@code /proc} a path can reach ({@code fs/proc/base.c}): {@code /proc/self} and
 * {@code /proc/PID} name a process of the machine, and below it {@code fd/N} is the magic link
 * to the file of descriptor N ({@code proc_fd_link}), which {@code open} reopens with a new
 * access mode and position. Entries that are files of their own ({@code mem} and the text files
 * {@code status}, {@code statm}, {@code smaps_rollup}, {@code maps}, {@code smaps},
 * {@code pagemap}, {@code clear_refs}) are looked up
 * in {@link #entry}.
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
     * ({@link ProcMemFileOperations}) and {@code pagemap} ({@link PagemapFileOperations}) ask {@code PTRACE_MODE_ATTACH} of the opener
     * ({@code proc_mem_open}, {@code mm_access}, {@link Task#ptraceMayAccess}), and so (for
     * reading) do {@code maps}, {@code smaps} and {@code smaps_rollup}; else EACCES.
     * {@code status} and {@code statm} are open to all. The text files are
     * {@link ProcTextFileOperations}; {@code clear_refs} ({@link ClearRefsFileOperations}) checks
     * its mode at open. Other names are ENOENT.
     */
    private static PathLookup.Found entry(Task opener, Task target, String name) {
        FileOperations ops = switch (name) {
            case "mem" -> new ProcMemFileOperations(mayAccess(opener, target));
            case "pagemap" -> new PagemapFileOperations(opener, mayAccess(opener, target));
            case "status" -> new ProcTextFileOperations(target, ProcStatus::status);
            case "statm" -> new ProcTextFileOperations(target, ProcStatus::statm);
            case "smaps_rollup" -> new ProcTextFileOperations(mayAccess(opener, target), ProcStatus::smapsRollup);
            case "maps" -> new ProcTextFileOperations(mayAccess(opener, target), ProcFiles::maps);
            case "smaps" -> new ProcTextFileOperations(mayAccess(opener, target), ProcFiles::smaps);
            case "clear_refs" -> new ClearRefsFileOperations(target);
            default -> throw Errno.ENOENT.exception();
        };
        return new PathLookup.Found.Special(ops);
    }

    /** {@code target}, if the opener may read its address space ({@code mm_access}); else EACCES. */
    private static Task mayAccess(Task opener, Task target) {
        if (!opener.ptraceMayAccess(target)) {
            throw Errno.EACCES.exception();
        }
        return target;
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
