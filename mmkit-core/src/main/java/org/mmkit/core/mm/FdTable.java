package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.RLIMIT_NOFILE;

import java.util.BitSet;
import java.util.Collection;
import java.util.TreeMap;

import org.mmkit.core.Errno;

/**
 * A process's descriptor table ({@code files_struct} with its {@code fdtable}): descriptor →
 * open file, and the close-on-exec flag of each descriptor. New descriptors are below the soft
 * RLIMIT_NOFILE of the process. Guarded by the machine lock.
 */
final class FdTable {
    /** Descriptors 0-2 are the standard streams every process is started with; they are not modelled. */
    static final int FIRST_FD = 3;

    /** The limits of the process owning the table: RLIMIT_NOFILE bounds new descriptors ({@code rlimit(RLIMIT_NOFILE)}). */
    private final ResourceLimits limits;

    /** Open descriptors, each holding one reference to its file. */
    private final TreeMap<Integer, OpenFile> open = new TreeMap<>();
    /** {@code close_on_exec}: set only for open descriptors. */
    private final BitSet closeOnExec = new BitSet();

    FdTable(ResourceLimits limits) {
        this.limits = limits;
    }

    /** {@code rlimit(RLIMIT_NOFILE)}: new descriptors are below it (a soft limit never exceeds {@code sysctl_nr_open}). */
    int limit() {
        return (int) limits.soft(RLIMIT_NOFILE);
    }

    /** {@code get_unused_fd_flags} + {@code fd_install}: the lowest free descriptor now refers to {@code file}. */
    int install(OpenFile file, boolean cloexec) {
        return installFrom(FIRST_FD, file, cloexec);
    }

    /**
     * {@code f_dupfd}: the lowest free descriptor at or above {@code from} now refers to
     * {@code file}; EMFILE (and {@code file} is put) when it would be at or past RLIMIT_NOFILE.
     */
    int installFrom(int from, OpenFile file, boolean cloexec) {
        int fd;
        try {
            fd = checkUnused(from);
        } catch (RuntimeException e) {
            file.put();
            throw e;
        }
        installAt(fd, file, cloexec);
        return fd;
    }

    /**
     * {@code alloc_fd}'s check, for calls that reserve a descriptor before they make the file
     * (open, pipe2): the lowest free descriptor at or above {@code from}; EMFILE when it is at or
     * past RLIMIT_NOFILE.
     */
    int checkUnused(int from) {
        int fd = Math.max(from, FIRST_FD);
        while (open.containsKey(fd)) {
            fd++;
        }
        if (fd >= limit()) {
            throw Errno.EMFILE.exception();
        }
        return fd;
    }

    /** {@code do_dup2}: {@code fd} now refers to {@code file}; a file it referred to is closed. */
    void installAt(int fd, OpenFile file, boolean cloexec) {
        OpenFile previous = open.put(fd, file);
        closeOnExec.set(fd, cloexec);
        if (previous != null) {
            previous.put();
        }
    }

    /** The file of an open descriptor, or null. */
    OpenFile find(int fd) {
        return open.get(fd);
    }

    /** {@code fdget}: the file of an open descriptor; EBADF if it is not open or is an O_PATH descriptor. */
    OpenFile get(int fd) {
        OpenFile file = getRaw(fd);
        if (file.isPath()) {
            throw Errno.EBADF.exception();
        }
        return file;
    }

    /** {@code fdget_raw}: the file of an open descriptor, O_PATH ones too; EBADF if it is not open. */
    OpenFile getRaw(int fd) {
        OpenFile file = find(fd);
        if (file == null) {
            throw Errno.EBADF.exception();
        }
        return file;
    }

    /** {@code close_fd}: EBADF if not open. */
    void close(int fd) {
        OpenFile file = getRaw(fd);
        open.remove(fd);
        closeOnExec.clear(fd);
        file.put();
    }

    /** {@code set_close_on_exec}. */
    void setCloseOnExec(int fd, boolean on) {
        getRaw(fd);
        closeOnExec.set(fd, on);
    }

    /** {@code get_close_on_exec}. */
    boolean closeOnExec(int fd) {
        getRaw(fd);
        return closeOnExec.get(fd);
    }

    /** {@code dup_fd}: this (empty) table takes every descriptor of {@code parent}, sharing their files. */
    void copyFrom(FdTable parent) {
        parent.open.forEach((fd, file) -> open.put(fd, file.get()));
        closeOnExec.or(parent.closeOnExec);
    }

    /** {@code exit_files}: closes every descriptor. */
    void closeAll() {
        for (OpenFile file : open.values()) {
            file.put();
        }
        open.clear();
        closeOnExec.clear();
    }

    /** The files of the open descriptors (a file shared by several descriptors appears for each). */
    Collection<OpenFile> files() {
        return open.values();
    }
}
