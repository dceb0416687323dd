package org.mmkit.core.mm;

import java.util.BitSet;
import java.util.Collection;
import java.util.TreeMap;

import org.mmkit.core.Errno;

/**
 * A process's descriptor table ({@code files_struct} with its {@code fdtable}): descriptor →
 * open file, and the close-on-exec flag of each descriptor. Guarded by the machine lock.
 */
final class FdTable {
    /** Descriptors 0-2 are the standard streams every process is started with; they are not modelled. */
    static final int FIRST_FD = 3;

    /** Open descriptors, each holding one reference to its file. */
    private final TreeMap<Integer, OpenFile> open = new TreeMap<>();
    /** {@code close_on_exec}: set only for open descriptors. */
    private final BitSet closeOnExec = new BitSet();

    /** {@code get_unused_fd_flags} + {@code fd_install}: the lowest free descriptor now refers to {@code file}. */
    int install(OpenFile file, boolean cloexec) {
        int fd = FIRST_FD;
        while (open.containsKey(fd)) {
            fd++;
        }
        open.put(fd, file);
        closeOnExec.set(fd, cloexec);
        return fd;
    }

    /** The file of an open descriptor, or null. */
    OpenFile find(int fd) {
        return open.get(fd);
    }

    /** {@code fdget}: the file of an open descriptor; EBADF if it is not open. */
    OpenFile get(int fd) {
        OpenFile file = find(fd);
        if (file == null) {
            throw Errno.EBADF.exception();
        }
        return file;
    }

    /** {@code close_fd}: EBADF if not open. */
    void close(int fd) {
        OpenFile file = get(fd);
        open.remove(fd);
        closeOnExec.clear(fd);
        file.put();
    }

    /** {@code set_close_on_exec}. */
    void setCloseOnExec(int fd, boolean on) {
        get(fd);
        closeOnExec.set(fd, on);
    }

    /** {@code get_close_on_exec}. */
    boolean closeOnExec(int fd) {
        get(fd);
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
