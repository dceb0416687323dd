package org.mmkit.core.mm;

/**
 * A file of {@code /proc/PID} opened by its name. Its inode belongs to that process and that
 * entry ({@code proc_pid_make_inode}), so the magic link {@code /proc/PID/fd/N} to it leads back
 * to the same entry of the same process, whoever follows it, and opening the link runs the
 * entry's open again ({@code mem_open}, {@code pagemap_open}, {@code proc_maps_open},
 * {@code single_open}) against that process as it is then ({@link ProcDirectory#open}).
 */
interface ProcPidFile extends FileOperations {
    /** The process whose entry was opened; it may have exited since. */
    Task target();

    /** The entry's name under {@code /proc/PID}, as {@link ProcDirectory} looks it up. */
    String entryName();
}
