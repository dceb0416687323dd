package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.O_PATH;

import java.util.List;
import java.util.Map;

import org.mmkit.core.Errno;

/**
 * The part of {@code /proc} a path can reach ({@code fs/proc/base.c}): {@code /proc/self} and
 * {@code /proc/PID} name a process of the machine, and below it {@code fd/N} is the magic link
 * to the file of descriptor N ({@code proc_fd_link}), which {@code open} reopens with a new
 * access mode and position. Entries that are files of their own ({@code mem} and the text files
 * {@code status}, {@code statm}, {@code smaps_rollup}, {@code maps}, {@code smaps},
 * {@code pagemap}, {@code clear_refs}) are named by a {@link PathLookup.Found.ProcEntry} and opened by {@link #open}.
 */
final class ProcDirectory {
    private ProcDirectory() {
    }

    /** How an entry opens: its file for {@code opener}, checking its access to {@code target} when {@code check}. */
    private interface EntryOpen {
        FileOperations open(Task opener, Task target, String name, boolean check);
    }

    /**
     * The entries by name, each opened with its own {@link FileOperations}. {@code mem}
     * ({@link ProcMemFileOperations}) asks {@code PTRACE_MODE_ATTACH_FSCREDS} of the opener
     * ({@code proc_mem_open}, {@code mm_access}), {@code pagemap} ({@link PagemapFileOperations},
     * {@code pagemap_open}), {@code maps}, {@code smaps} and {@code smaps_rollup}
     * ({@code proc_maps_open}) {@code PTRACE_MODE_READ_FSCREDS}; else EACCES. The two modes differ
     * only in what a security module adds (Yama checks ATTACH alone), and the model, like this
     * machine's kernel, has none: both are {@link Task#ptraceMayAccess}. {@code status} and
     * {@code statm} are open to all. The
     * text files are {@link ProcTextFileOperations}; {@code clear_refs}
     * ({@link ClearRefsFileOperations}) checks its mode at open and binds to no address space.
     */
    private static final Map<String, EntryOpen> ENTRIES = Map.of(
            "mem", (opener, target, name, check) -> new ProcMemFileOperations(mayAccess(opener, target, check)),
            "pagemap", (opener, target, name, check) -> new PagemapFileOperations(opener, mayAccess(opener, target, check)),
            "status", (opener, target, name, check) -> new ProcTextFileOperations(target, name, ProcStatus::status),
            "statm", (opener, target, name, check) -> new ProcTextFileOperations(target, name, ProcStatus::statm),
            "smaps_rollup", (opener, target, name, check) ->
                    new ProcTextFileOperations(mayAccess(opener, target, check), name, ProcStatus::smapsRollup),
            "maps", (opener, target, name, check) ->
                    new ProcTextFileOperations(mayAccess(opener, target, check), name, ProcFiles::maps),
            "smaps", (opener, target, name, check) ->
                    new ProcTextFileOperations(mayAccess(opener, target, check), name, ProcFiles::smaps),
            "clear_refs", (opener, target, name, check) -> new ClearRefsFileOperations(target));

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
            return PathLookup.Found.of(opener, file);
        }
        if (rest.size() == 1 && ENTRIES.containsKey(rest.get(0))) {
            return new PathLookup.Found.ProcEntry(target, rest.get(0));
        }
        throw Errno.ENOENT.exception();
    }

    /**
     * The entry's open ({@code mem_open}, {@code pagemap_open}, {@code proc_maps_open},
     * {@code single_open}) for {@code opener}, with the process's address space and the
     * opener's access to it as they are now: the entry may have been reached through the magic
     * link of a file opened long before ({@link PathLookup.Found#of}), so the process is the one
     * the entry belongs to, not the follower of the link (a child that inherited
     * {@code /proc/self/mem} reopens its parent's), and it may have exited since: ESRCH, as
     * {@code mm_access} finds no address space. An O_PATH open runs no open of the entry
     * ({@code do_dentry_open}), so it checks nothing and takes nothing.
     */
    static FileOperations open(Task opener, PathLookup.Found.ProcEntry entry, int flags) {
        boolean check = (flags & O_PATH) == 0;
        return ENTRIES.get(entry.name()).open(opener, entry.target(), entry.name(), check);
    }

    /**
     * {@code target}, if the opener may read its address space ({@code mm_access}), or when
     * nothing is checked; else EACCES, and ESRCH once the process has exited.
     */
    private static Task mayAccess(Task opener, Task target, boolean check) {
        if (!check) {
            return target;
        }
        if (target.mm == null) {
            throw Errno.ESRCH.exception();
        }
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
