package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * Opening files by path and managing descriptors ({@code fs/open.c}, {@code fs/namei.c},
 * {@code fs/file.c}): {@code openat} (and {@code open}, {@code creat}), {@code unlinkat},
 * {@code dup}, {@code dup2} and {@code dup3}. Files are created in the tmpfs working directory
 * with the mode asked for less the umask; the model checks no permissions (every process may
 * open every file in every mode), as root would see it.
 */
final class OpenCalls {
    private OpenCalls() {
    }

    /** {@code VALID_OPEN_FLAGS} less O_TMPFILE, which is not modelled: open ignores other bits. */
    private static final int VALID_FLAGS = O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK
            | O_SYNC | O_ASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH;
    /** {@code O_PATH_FLAGS}: what an O_PATH open keeps. */
    private static final int PATH_FLAGS = O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
    /** The umask of every process: the usual 022; the kernel backend's executor sets the same. */
    static final int UMASK = 022;

    /** {@code creat}: {@code open} with O_CREAT|O_WRONLY|O_TRUNC. */
    static int creat(Task task, long path, int mode) {
        return openat(task, AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
    }

    /**
     * {@code do_sys_openat2} with {@code build_open_flags}: unknown flags are ignored, O_PATH
     * keeps only {@code O_PATH_FLAGS}, 64-bit opens are O_LARGEFILE; then the path is read, walked
     * and opened ({@code do_open}). The open file's status flags drop O_CREAT, O_EXCL, O_NOCTTY,
     * O_TRUNC and O_CLOEXEC, as F_GETFL shows.
     */
    static int openat(Task task, int dirfd, long pathAddr, int flags, int mode) {
        flags &= VALID_FLAGS;
        flags = (flags & O_PATH) != 0 ? flags & PATH_FLAGS : flags | O_LARGEFILE;
        String path = PathLookup.getname(task, pathAddr);
        OpenFile file = switch (PathLookup.walk(task, dirfd, path)) {
            case PathLookup.Found.Entry entry -> openEntry(task, entry, flags, mode);
            case PathLookup.Found.Directory directory -> openDirectory(directory.directory(), flags);
            case PathLookup.Found.Inode inode -> openRegular(inode.file(), flags, false);
            case PathLookup.Found.Special special -> new OpenFile(special.ops(), statusFlags(flags));
        };
        return task.files.install(file, (flags & O_CLOEXEC) != 0);
    }

    /** {@code open_last_lookups} in a directory: ENOENT without O_CREAT, else a new file is created and linked. */
    private static OpenFile openEntry(Task task, PathLookup.Found.Entry entry, int flags, int mode) {
        ShmemFile existing = entry.directory().lookup(entry.name());
        if (existing != null) {
            return openRegular(existing, flags, false);
        }
        if ((flags & O_CREAT) == 0) {
            throw Errno.ENOENT.exception();
        }
        // shmem_mknod: a regular file of the mode asked, less the umask
        ShmemFile created = new ShmemFile(task.machine.memory, task.machine.allocateInode(), null, 0);
        created.mode = mode & 07777 & ~UMASK;
        created.owner = task.fsuid();
        entry.directory().link(entry.name(), created);
        return openRegular(created, flags, true);
    }

    /**
     * {@code do_open} on an existing or new regular file: O_CREAT|O_EXCL on one that existed is
     * EEXIST, O_DIRECTORY ENOTDIR; O_TRUNC empties it even when opened read-only (it asks for
     * write permission, which the model always grants), through {@code shmem_setattr}'s seal
     * checks.
     */
    private static OpenFile openRegular(ShmemFile file, int flags, boolean created) {
        if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL) && !created) {
            throw Errno.EEXIST.exception();
        }
        if ((flags & O_DIRECTORY) != 0) {
            throw Errno.ENOTDIR.exception();
        }
        OpenFile open = new OpenFile(new ShmemFileOperations(file, true), statusFlags(flags));
        if ((flags & O_TRUNC) != 0 && (flags & O_PATH) == 0 && !created) {
            try {
                FileCalls.truncate(file, 0);
            } catch (RuntimeException e) {
                open.put();
                throw e;
            }
        }
        return open;
    }

    /**
     * {@code do_open} on the directory: O_CREAT|O_EXCL is EEXIST, O_CREAT EISDIR, and so is any
     * write access or O_TRUNC ({@code may_open}); read-only and O_PATH opens work.
     */
    private static OpenFile openDirectory(TmpfsDirectory directory, int flags) {
        if ((flags & O_PATH) == 0) {
            if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
                throw Errno.EEXIST.exception();
            }
            if ((flags & O_CREAT) != 0 || (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC) != 0) {
                throw Errno.EISDIR.exception();
            }
        }
        return new OpenFile(new DirectoryFileOperations(directory), statusFlags(flags));
    }

    /** {@code do_dentry_open}: the status flags an open file keeps. */
    private static int statusFlags(int flags) {
        return flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
    }

    /**
     * {@code do_unlinkat}: flags other than AT_REMOVEDIR are EINVAL; the path must name a file of
     * a directory (ENOENT if none, EISDIR for the directory itself; AT_REMOVEDIR on a file is
     * ENOTDIR). The file lives on while open or mapped; maps then shows it {@code (deleted)}.
     */
    static void unlinkat(Task task, int dirfd, long pathAddr, int flags) {
        if ((flags & ~AT_REMOVEDIR) != 0) {
            throw Errno.EINVAL.exception();
        }
        String path = PathLookup.getname(task, pathAddr);
        switch (PathLookup.walk(task, dirfd, path)) {
            case PathLookup.Found.Entry entry -> {
                if (entry.directory().lookup(entry.name()) == null) {
                    throw Errno.ENOENT.exception();
                }
                if ((flags & AT_REMOVEDIR) != 0) {
                    throw Errno.ENOTDIR.exception();
                }
                entry.directory().unlink(entry.name());
            }
            case PathLookup.Found.Directory directory ->
                    throw ((flags & AT_REMOVEDIR) != 0 ? Errno.EINVAL : Errno.EISDIR).exception();
            case PathLookup.Found.Inode inode -> throw Errno.EPERM.exception();   // /proc: no ->unlink
            case PathLookup.Found.Special special -> throw Errno.EPERM.exception();
        }
    }

    /** {@code dup}: the lowest free descriptor shares the file; O_PATH descriptors too ({@code fget_raw}). */
    static int dup(Task task, int fd) {
        return task.files.install(task.files.getRaw(fd).get(), false);
    }

    /** {@code dup2}: {@code newfd == oldfd} returns it if open (EBADF if not); otherwise {@link #dup3} without flags. */
    static int dup2(Task task, int oldfd, int newfd) {
        if (oldfd == newfd) {
            task.files.getRaw(oldfd);
            return newfd;
        }
        return dup3(task, oldfd, newfd, 0);
    }

    /**
     * {@code ksys_dup3}: flags other than O_CLOEXEC and {@code newfd == oldfd} are EINVAL; a
     * {@code newfd} outside [0, RLIMIT_NOFILE) or a closed {@code oldfd} EBADF. A file
     * {@code newfd} referred to is closed.
     */
    static int dup3(Task task, int oldfd, int newfd, int flags) {
        if ((flags & ~O_CLOEXEC) != 0 || oldfd == newfd) {
            throw Errno.EINVAL.exception();
        }
        if (newfd < 0 || newfd >= FdTable.NOFILE) {
            throw Errno.EBADF.exception();
        }
        task.files.installAt(newfd, task.files.getRaw(oldfd).get(), (flags & O_CLOEXEC) != 0);
        return newfd;
    }
}
