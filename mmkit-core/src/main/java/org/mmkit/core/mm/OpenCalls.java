package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * Opening files by path and managing descriptors ({@code fs/open.c}, {@code fs/namei.c},
 * {@code fs/file.c}): {@code openat} (and {@code open}, {@code creat}), {@code unlinkat},
 * {@code dup}, {@code dup2} and {@code dup3}. Files are created in the tmpfs working directory,
 * or unnamed in it with O_TMPFILE, with the mode asked for less the umask and the opener as
 * owner. Opening an existing file checks its permission bits against the opener
 * ({@code may_open}, {@code generic_permission}); the directory is writable by all, so creating
 * and unlinking are never refused.
 */
final class OpenCalls {
    private OpenCalls() {
    }

    /** {@code __O_TMPFILE}: the bit of O_TMPFILE besides O_DIRECTORY. */
    private static final int TMPFILE_BIT = O_TMPFILE & ~O_DIRECTORY;
    /** {@code VALID_OPEN_FLAGS}: open ignores other bits. */
    private static final int VALID_FLAGS = O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK
            | O_SYNC | O_ASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH
            | O_TMPFILE;
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
     * keeps only {@code O_PATH_FLAGS}, 64-bit opens are O_LARGEFILE, and O_TMPFILE is EINVAL
     * without write access or with O_CREAT; then the path is read, a descriptor is reserved
     * (EMFILE at RLIMIT_NOFILE, before the path is walked), and the path is walked and opened
     * ({@code do_open}). The open file's status flags drop O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC,
     * O_CLOEXEC and O_TMPFILE's own bit, as F_GETFL shows.
     */
    static int openat(Task task, int dirfd, long pathAddr, int flags, int mode) {
        flags &= VALID_FLAGS;
        flags = (flags & O_PATH) != 0 ? flags & PATH_FLAGS : flags | O_LARGEFILE;
        if ((flags & TMPFILE_BIT) != 0) {
            int accessMode = flags & O_ACCMODE;
            if ((flags & (O_TMPFILE | O_CREAT)) != O_TMPFILE || accessMode == O_RDONLY) {
                throw Errno.EINVAL.exception();
            }
        }
        String path = PathLookup.getname(task, pathAddr);
        task.files.checkUnused(0);
        PathLookup.Found found = PathLookup.walk(task, dirfd, path);
        OpenFile file = (flags & TMPFILE_BIT) != 0 ? openTmpfile(task, found, mode, flags) : switch (found) {
            case PathLookup.Found.Entry entry -> openEntry(task, entry, flags, mode);
            case PathLookup.Found.Directory directory -> openDirectory(directory.directory(), flags);
            case PathLookup.Found.Inode inode -> openRegular(task, inode.file(), flags, false);
            case PathLookup.Found.Special special -> openSpecial(special.ops(), flags);
            case PathLookup.Found.ProcEntry entry -> openProcEntry(task, entry, flags);
            case PathLookup.Found.PipeInode pipe -> openFifo(pipe.pipe(), flags);
            case PathLookup.Found.AnonInode anon -> openAnonInode(flags);
        };
        return task.files.install(file, (flags & O_CLOEXEC) != 0);
    }

    /**
     * {@code open_last_lookups} in a directory: a trailing slash with O_CREAT is EISDIR, and
     * without it a file is ENOTDIR; a missing name is ENOENT without O_CREAT, else a new file is
     * created and linked.
     */
    private static OpenFile openEntry(Task task, PathLookup.Found.Entry entry, int flags, int mode) {
        if (entry.directoryOnly() && (flags & O_CREAT) != 0) {
            throw Errno.EISDIR.exception();
        }
        ShmemFile existing = entry.directory().lookup(entry.name());
        if (existing != null) {
            if (entry.directoryOnly()) {
                throw Errno.ENOTDIR.exception();
            }
            return openRegular(task, existing, flags, false);
        }
        if ((flags & O_CREAT) == 0) {
            throw Errno.ENOENT.exception();
        }
        ShmemFile created = newFile(task, mode);
        entry.directory().link(entry.name(), created);
        return openRegular(task, created, flags, true);
    }

    /**
     * {@code may_open} → {@code inode_permission} → {@code generic_permission}: the access the
     * open asks for (reading, writing, and writing for O_TRUNC; nothing for O_PATH) against the
     * owner's permission bits when the opener owns the file, else the group's when it is in the
     * file's group (a process's group is its user's, as the owner's is), else the others'. A
     * privileged opener holds CAP_DAC_OVERRIDE and may read and write any regular file. EACCES.
     */
    private static void mayOpen(Task task, ShmemFile file, int flags) {
        if ((flags & O_PATH) != 0 || task.privileged) {
            return;
        }
        int accessMode = flags & O_ACCMODE;
        int wanted = (accessMode == O_RDONLY ? 0 : MAY_WRITE) | (accessMode == O_WRONLY ? 0 : MAY_READ)
                | ((flags & O_TRUNC) != 0 ? MAY_WRITE : 0);
        if (!permitted(task, file, wanted)) {
            throw Errno.EACCES.exception();
        }
    }

    /**
     * {@code can_do_file_pageout} (mm/madvise.c) and {@code can_do_mincore} (mm/mincore.c), the
     * same rule: whether the caller may learn about and push out the page cache of the file
     * {@code vma} maps, which it may when it owns the file or holds CAP_FOWNER
     * ({@code inode_owner_or_capable}) or may write it ({@code file_permission(MAY_WRITE)});
     * otherwise a shared mapping would be a side channel into another user's file. Anonymous
     * memory always may.
     */
    static boolean ownsOrMayWrite(Task caller, Vma vma) {
        // a privileged caller holds CAP_FOWNER and CAP_DAC_OVERRIDE: permitted says yes
        return vma.isAnonymous() || caller.fsuid() == vma.file.owner || permitted(caller, vma.file, MAY_WRITE);
    }

    /** {@code MAY_WRITE} and {@code MAY_READ}: the permission bits {@link #permitted} checks. */
    static final int MAY_WRITE = 2;
    static final int MAY_READ = 4;

    /**
     * {@code generic_permission}: whether {@code task} may access the file as {@code wanted}
     * ({@link #MAY_READ}, {@link #MAY_WRITE}) by its permission bits, the owner's when it owns the
     * file, else the others' (the owner and the group are the same id here: the owner's bits decide
     * either way); a privileged task holds CAP_DAC_OVERRIDE and may read and write any regular file.
     */
    static boolean permitted(Task task, ShmemFile file, int wanted) {
        if (task.privileged) {
            return true;
        }
        int granted = task.fsuid() == file.owner ? file.mode >> 6 : file.mode;
        return (wanted & ~granted & 7) == 0;
    }

    /** {@code shmem_mknod}: a regular file of the mode asked, less the umask, owned by the caller. */
    private static ShmemFile newFile(Task task, int mode) {
        ShmemFile created = new ShmemFile(task.machine, task.machine.allocateInode(), null, 0);
        created.mode = mode & 07777 & ~UMASK;
        created.owner = task.fsuid();
        return created;
    }

    /**
     * {@code do_tmpfile}: the path must name a directory (ENOENT if
     * it names nothing, ENOTDIR for anything else), in which {@code shmem_tmpfile} makes a file
     * that no name links: maps shows it as {@code DIR/#INODE (deleted)}, as {@code d_path} prints
     * the dentry {@code vfs_tmpfile} gives it.
     */
    private static OpenFile openTmpfile(Task task, PathLookup.Found found, int mode, int flags) {
        TmpfsDirectory directory = switch (found) {
            case PathLookup.Found.Directory d -> d.directory();
            case PathLookup.Found.Entry entry when entry.directory().lookup(entry.name()) == null -> throw Errno.ENOENT.exception();
            default -> throw Errno.ENOTDIR.exception();
        };
        ShmemFile created = newFile(task, mode);
        created.mapsName = directory.path + "/#" + created.inode + " (deleted)";
        return new OpenFile(new ShmemFileOperations(created, true), statusFlags(flags));
    }

    /** A file made for this open ({@code /dev/userfaultfd}). */
    private static OpenFile openSpecial(FileOperations ops, int flags) {
        openExisting(flags);
        return new OpenFile(ops, statusFlags(flags));
    }

    /**
     * A file of {@code /proc/PID} by name or through a magic link: O_CREAT|O_EXCL is EEXIST and
     * O_DIRECTORY ENOTDIR before the entry's own open checks anything ({@link ProcDirectory#open});
     * the text files are read-only ({@link ProcTextFileOperations#mayOpen}).
     */
    private static OpenFile openProcEntry(Task task, PathLookup.Found.ProcEntry entry, int flags) {
        openExisting(flags);
        FileOperations ops = ProcDirectory.open(task, entry, flags);
        if (ops instanceof ProcTextFileOperations) {
            ProcTextFileOperations.mayOpen(task, flags);
        } else if (ops instanceof ClearRefsFileOperations clearRefs) {
            clearRefs.mayOpen(task, flags);
        }
        return new OpenFile(ops, statusFlags(flags));
    }

    /**
     * Opening a pipe through the magic link to one of its ends ({@code do_open} on a FIFO inode):
     * O_CREAT|O_EXCL is EEXIST, O_DIRECTORY ENOTDIR, O_TRUNC does nothing; then {@link Pipe#open}.
     */
    private static OpenFile openFifo(Pipe pipe, int flags) {
        openExisting(flags);
        return pipe.open(statusFlags(flags));
    }

    /**
     * Opening an anonymous inode through its magic link: an O_PATH open needs no {@code open} of
     * the inode and gets {@code empty_fops} ({@link AnonInodePath}); any other is
     * {@code no_open}'s ENXIO.
     */
    private static OpenFile openAnonInode(int flags) {
        openExisting(flags);
        if ((flags & O_PATH) == 0) {
            throw Errno.ENXIO.exception();
        }
        return new OpenFile(AnonInodePath.INSTANCE, statusFlags(flags));
    }

    /**
     * An O_PATH file of an anonymous inode ({@code empty_fops}): it shares nothing with the file it
     * was reached through (a userfaultfd's context is that file's {@code private_data}), so its
     * close releases nothing.
     */
    static final class AnonInodePath implements FileOperations {
        static final AnonInodePath INSTANCE = new AnonInodePath();

        private AnonInodePath() {
        }
    }

    /** {@code do_open} on a file that exists and is no directory: O_CREAT|O_EXCL is EEXIST, O_DIRECTORY ENOTDIR. */
    private static void openExisting(int flags) {
        if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
            throw Errno.EEXIST.exception();
        }
        if ((flags & O_DIRECTORY) != 0) {
            throw Errno.ENOTDIR.exception();
        }
    }

    /**
     * {@code do_open} on an existing or new regular file: O_CREAT|O_EXCL on one that existed is
     * EEXIST, O_DIRECTORY ENOTDIR; then {@link #mayOpen} for a file this open did not create;
     * O_TRUNC empties it even when opened read-only (it asks for write permission), through
     * {@code shmem_setattr}'s seal checks.
     */
    private static OpenFile openRegular(Task task, ShmemFile file, int flags, boolean created) {
        if (!created) {
            openExisting(flags);
            mayOpen(task, file, flags);
        } else if ((flags & O_DIRECTORY) != 0) {
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
                if ((flags & AT_REMOVEDIR) != 0 || entry.directoryOnly()) {
                    throw Errno.ENOTDIR.exception();
                }
                entry.directory().unlink(entry.name());
            }
            case PathLookup.Found.Directory directory ->
                    throw ((flags & AT_REMOVEDIR) != 0 ? Errno.EINVAL : Errno.EISDIR).exception();
            case PathLookup.Found.Inode inode -> throw Errno.EPERM.exception();   // /proc: no ->unlink
            case PathLookup.Found.Special special -> throw Errno.EPERM.exception();
            case PathLookup.Found.ProcEntry entry -> throw Errno.EPERM.exception();
            case PathLookup.Found.PipeInode pipe -> throw Errno.EPERM.exception();
            case PathLookup.Found.AnonInode anon -> throw Errno.EPERM.exception();
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
        if (newfd < 0 || newfd >= task.files.limit()) {
            throw Errno.EBADF.exception();
        }
        task.files.installAt(newfd, task.files.getRaw(oldfd).get(), (flags & O_CLOEXEC) != 0);
        return newfd;
    }
}
