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
 * skips them. Other absolute paths, and paths through a subdirectory, do not exist (ENOENT);
 * {@code ..} leaves the working directory, which the model cannot follow.
 */
final class PathLookup {
    private PathLookup() {
    }

    /** What a path names. */
    sealed interface Found {
        /** A name in a directory, which may be free (a negative dentry). */
        record Entry(TmpfsDirectory directory, String name) implements Found {
        }

        /** The directory itself ({@code .}). */
        record Directory(TmpfsDirectory directory) implements Found {
        }

        /** A regular file reached through a magic link, linked or not ({@code /proc/self/fd/N}). */
        record Inode(ShmemFile file) implements Found {
        }

        /** A file of its own kind that {@code /proc} makes for each open ({@code /proc/PID/...}). */
        record Special(FileOperations ops) implements Found {
        }

        /** What the magic link to an open file leads to. */
        static Found of(OpenFile file) {
            return switch (file.ops) {
                case ShmemFileOperations shmem -> new Inode(shmem.inode);
                case DirectoryFileOperations directory -> new Directory(directory.directory);
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
        byte[] name = new byte[PATH_MAX];
        int have = 0;
        while (have < PATH_MAX) {
            int chunk = (int) Math.min(PATH_MAX - have, PAGE_SIZE - ((addr + have) & (PAGE_SIZE - 1)));
            int copied = chunk - UserCopy.copyFromUser(task, addr + have, name, have, chunk);
            for (int i = have; i < have + copied; i++) {
                if (name[i] == 0) {
                    if (i == 0) {
                        throw Errno.ENOENT.exception();
                    }
                    return new String(name, 0, i, StandardCharsets.ISO_8859_1);
                }
            }
            if (copied < chunk) {
                throw Errno.EFAULT.exception();
            }
            have += copied;
        }
        throw Errno.ENAMETOOLONG.exception();
    }

    /**
     * {@code path_lookupat} up to the last component: what {@code path} names, relative to the
     * directory of {@code dirfd} ({@link org.mmkit.core.Uapi#AT_FDCWD}: the working directory) when
     * it does not start with {@code /}. EBADF for a dirfd not open, ENOTDIR for one that is not a
     * directory or a file used as a directory, ENAMETOOLONG for a component longer than
     * {@link org.mmkit.core.Uapi#NAME_MAX} bytes, ENOENT for what does not exist.
     */
    static Found walk(Task task, int dirfd, String path) {
        List<String> components = new ArrayList<>();
        for (String component : path.split("/")) {
            if (component.getBytes(StandardCharsets.ISO_8859_1).length > NAME_MAX) {
                throw Errno.ENAMETOOLONG.exception();
            }
            if (!component.isEmpty() && !component.equals(".")) {
                components.add(component);
            }
        }
        if (path.startsWith("/")) {
            if (!components.isEmpty() && components.get(0).equals("proc")) {
                return ProcDirectory.lookup(task, components.subList(1, components.size()));
            }
            if (components.equals(List.of("dev", "userfaultfd"))) {
                return UserfaultfdCalls.Device.open(task);
            }
            throw Errno.ENOENT.exception();
        }
        TmpfsDirectory directory = startDirectory(task, dirfd);
        if (components.contains("..")) {
            throw new UnsupportedOperationException("path '" + path + "' leaves the working directory, which the model cannot follow");
        }
        if (components.isEmpty()) {
            return new Found.Directory(directory);
        }
        if (components.size() > 1) {
            // the first component would have to be a subdirectory: a file there is ENOTDIR
            throw (directory.lookup(components.get(0)) != null ? Errno.ENOTDIR : Errno.ENOENT).exception();
        }
        return new Found.Entry(directory, components.get(0));
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
