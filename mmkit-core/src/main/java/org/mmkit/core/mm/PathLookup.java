package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.mmkit.core.Errno;

/**
 * Path names ({@code fs/namei.c}): reading one from user memory ({@code getname}) and walking it
 * to what it names. The model's file system has two parts: the working directory, one tmpfs
 * directory shared by every process of the machine ({@link TmpfsDirectory}), and
 * {@code /proc/self} or {@code /proc/PID} ({@link ProcDirectory}); besides them only
 * {@code /dev/userfaultfd} exists ({@link UserfaultfdCalls.Device}). A relative path is looked up
 * in the working directory; {@code .} components and repeated slashes are skipped as the kernel
 * skips them, and paths through a subdirectory do not exist (ENOENT). Other absolute paths, and
 * {@code ..} out of the working directory, lead where the model has nothing: they are
 * {@link UnsupportedOperationException}s (the scenario runner stops such paths on both backends).
 */
final class PathLookup {
    private PathLookup() {
    }

    /** What a path names. */
    sealed interface Found {
        /**
         * A name in a directory, which may be free (a negative dentry); {@code directoryOnly}
         * when the path ends in a slash, so only a directory may have that name.
         */
        record Entry(TmpfsDirectory directory, String name, boolean directoryOnly) implements Found {
        }

        /** The directory itself ({@code .}). */
        record Directory(TmpfsDirectory directory) implements Found {
        }

        /** A regular file reached through a magic link, linked or not ({@code /proc/self/fd/N}). */
        record Inode(ShmemFile file) implements Found {
        }

        /** A file of its own kind, made for each open ({@code /dev/userfaultfd}). */
        record Special(FileOperations ops) implements Found {
        }

        /**
         * A file of {@code /proc/PID} by name: the process and the entry its inode stands for.
         * Opening it runs the entry's open as the process is then ({@link ProcDirectory#open}).
         */
        record ProcEntry(Task target, String name) implements Found {
        }

        /** A pipe reached through the magic link to one of its ends: opening it opens the FIFO. */
        record PipeInode(Pipe pipe) implements Found {
        }

        /**
         * An anonymous inode ({@code anon_inode_getfile}: a userfaultfd): its inode has no
         * {@code open} ({@code no_open}), so only an O_PATH open of the magic link works.
         */
        record AnonInode() implements Found {
        }

        /**
         * What the magic link to an open file leads to when {@code opener} follows it: the
         * file's inode; for a file of {@code /proc/PID}, the same entry of the same process.
         */
        static Found of(Task opener, OpenFile file) {
            return switch (file.ops) {
                case ShmemFileOperations shmem -> new Inode(shmem.inode);
                case DirectoryFileOperations directory -> new Directory(directory.directory);
                case Pipe.End end -> new PipeInode(end.pipe());
                case UserfaultfdCtx _, OpenCalls.AnonInodePath _ -> new AnonInode();
                case ProcPidFile proc -> new ProcEntry(proc.target(), proc.entryName());
                case UserfaultfdCalls.Device _ -> UserfaultfdCalls.Device.open(opener);
                default -> throw new UnsupportedOperationException(
                        "reopening a " + file.ops.getClass().getSimpleName() + " through /proc is not modelled");
            };
        }
    }

    /**
     * {@code getname} → {@code strncpy_from_user}: the bytes at {@code addr} up to a NUL, as
     * ISO-8859-1 characters. EFAULT when a byte before the NUL cannot be read, ENAMETOOLONG when
     * no NUL comes within {@link org.mmkit.core.Uapi#PATH_MAX} bytes, ENOENT for an empty path.
     */
    static String getname(Task task, long addr) {
        String name = userString(task, addr, PATH_MAX);
        if (name == null) {
            throw Errno.ENAMETOOLONG.exception();
        }
        if (name.isEmpty()) {
            throw Errno.ENOENT.exception();
        }
        return name;
    }

    /**
     * {@code strncpy_from_user} / {@code strnlen_user}: the bytes at {@code addr} before the first
     * NUL, as ISO-8859-1 characters, or null when none of the first {@code max} bytes is a NUL.
     * EFAULT when a byte before the NUL (among the first {@code max}) cannot be read.
     */
    static String userString(Task task, long addr, int max) {
        byte[] bytes = new byte[max];
        int have = 0;
        while (have < max) {
            int chunk = (int) Math.min(max - have, PAGE_SIZE - ((addr + have) & (PAGE_SIZE - 1)));
            int copied = chunk - UserCopy.copyFromUser(task, addr + have, bytes, have, chunk);
            for (int i = have; i < have + copied; i++) {
                if (bytes[i] == 0) {
                    return new String(bytes, 0, i, StandardCharsets.ISO_8859_1);
                }
            }
            if (copied < chunk) {
                throw Errno.EFAULT.exception();
            }
            have += copied;
        }
        return null;
    }

    /**
     * {@code path_lookupat} up to the last component: what {@code path} names, relative to the
     * directory of {@code dirfd} ({@link org.mmkit.core.Uapi#AT_FDCWD}: the working directory) when
     * it does not start with {@code /}. Components are walked in order, as {@code link_path_walk}
     * does: {@code .} and repeated slashes stay where they are, a name before another component
     * must be a directory (ENOENT if it does not exist, ENOTDIR for a file), and a trailing slash
     * makes the last component one that must be a directory ({@code LOOKUP_DIRECTORY}). EBADF for
     * a dirfd not open, ENOTDIR for one that is not a directory, ENAMETOOLONG for a component
     * longer than {@link org.mmkit.core.Uapi#NAME_MAX} bytes. A {@code ..} that leaves the working
     * directory cannot be followed: the model has nothing above it.
     */
    static Found walk(Task task, int dirfd, String path) {
        List<String> components = new ArrayList<>();
        for (String component : path.split("/")) {
            if (component.getBytes(StandardCharsets.ISO_8859_1).length > NAME_MAX) {
                throw Errno.ENAMETOOLONG.exception();
            }
            if (!component.isEmpty()) {
                components.add(component);
            }
        }
        boolean directoryOnly = path.endsWith("/");
        if (path.startsWith("/")) {
            if (!components.isEmpty() && components.get(0).equals("proc") && !components.contains("..")) {
                Found found = ProcDirectory.lookup(task, components.subList(1, components.size())
                        .stream().filter(c -> !c.equals(".")).toList());
                if ((directoryOnly || components.getLast().equals(".")) && !(found instanceof Found.Directory)) {
                    throw Errno.ENOTDIR.exception();
                }
                return found;
            }
            if (components.equals(List.of("dev", "userfaultfd"))) {
                return UserfaultfdCalls.Device.open(task);
            }
            throw new UnsupportedOperationException("absolute path '" + path
                    + "' is not modelled: the model's file system is its working directory, /proc and /dev/userfaultfd");
        }
        TmpfsDirectory directory = startDirectory(task, dirfd);
        for (int i = 0; i < components.size(); i++) {
            String component = components.get(i);
            if (component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                throw new UnsupportedOperationException("path '" + path
                        + "' leaves the working directory, which the model cannot follow");
            }
            if (i == components.size() - 1) {
                return new Found.Entry(directory, component, directoryOnly);
            }
            // the component would have to be a subdirectory: a file there is ENOTDIR
            throw (directory.lookup(component) != null ? Errno.ENOTDIR : Errno.ENOENT).exception();
        }
        return new Found.Directory(directory);
    }

    /** The directory a relative path starts at: the working directory, or the directory open as {@code dirfd}. */
    private static TmpfsDirectory startDirectory(Task task, int dirfd) {
        if (dirfd == AT_FDCWD) {
            return task.machine.workingDirectory;
        }
        if (task.files.getRaw(dirfd).ops instanceof DirectoryFileOperations directory) {
            return directory.directory;
        }
        throw Errno.ENOTDIR.exception();
    }
}
