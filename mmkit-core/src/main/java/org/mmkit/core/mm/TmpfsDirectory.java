package org.mmkit.core.mm;

import java.util.Collection;
import java.util.TreeMap;

/**
 * The one directory of the model's file system ({@code shmem_dir_inode_operations} of a tmpfs
 * mount): the working directory every process starts in, shared by all processes of a machine.
 * It holds regular shmem files by name; there are no subdirectories. Guarded by the machine lock.
 */
final class TmpfsDirectory {
    /**
     * {@code BOGO_DIRENT_SIZE}: tmpfs counts 20 bytes per entry in a directory's size, which starts
     * at two entries ("." and "..").
     */
    private static final long BOGO_DIRENT_SIZE = 20;

    /** Where the directory is mounted: the prefix of its files' names in /proc/PID/maps. */
    final String path;
    /** Linked files by name (no '/', not "." or ".."); each link holds one user of its inode. */
    private final TreeMap<String, ShmemFile> entries = new TreeMap<>();

    TmpfsDirectory(String path) {
        this.path = path;
    }

    /** {@code lookup}: the file called {@code name}, or null (a negative dentry). */
    ShmemFile lookup(String name) {
        return entries.get(name);
    }

    /** {@code shmem_mknod} + {@code d_instantiate}: {@code name}, which must be free, now names {@code file}. */
    void link(String name, ShmemFile file) {
        if (entries.putIfAbsent(name, file) != null) {
            throw new IllegalStateException("directory entry " + name + " exists");
        }
        file.linked(path + "/" + name);
    }

    /** {@code shmem_unlink}: {@code name}, which must exist, goes; the file lives on while open or mapped. */
    void unlink(String name) {
        entries.remove(name).unlinked();
    }

    /** {@code i_size} of the directory, as {@code stat} shows it. */
    long size() {
        return (entries.size() + 2) * BOGO_DIRENT_SIZE;
    }

    /** The linked files. */
    Collection<ShmemFile> files() {
        return entries.values();
    }
}
