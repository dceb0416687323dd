package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.mmkit.core.UserStrings;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;

/**
 * Seal rules that the scenarios cannot show on the reference kernel; the rest are in
 * {@code scenarios/seals/}, checked against the kernel.
 */
class SealsTest {
    private static void assertErrno(Errno errno, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }

    /**
     * A descriptor opened read-only may read the seals but not add any (mm/memfd.c
     * memfd_add_seals: no FMODE_WRITE → EPERM, before the seal bits are looked at). The
     * language cannot open a memfd read-only yet, so the open file is made here.
     */
    @Test
    void addingSealsNeedsAFileOpenForWriting() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            Task task = (Task) kernel.newProcess(true);
            int fd = UserStrings.memfd(task, "ro", MFD_ALLOW_SEALING);
            ShmemFile inode = task.file(fd).shmem(Errno.EBADF);
            int readOnly = task.files.install(new OpenFile(new ShmemFileOperations(inode, false), O_RDONLY | O_LARGEFILE), false);
            assertErrno(Errno.EPERM, () -> task.fcntl(readOnly, F_ADD_SEALS, F_SEAL_GROW));
            assertErrno(Errno.EPERM, () -> task.fcntl(readOnly, F_ADD_SEALS, 0x40));
            task.fcntl(fd, F_ADD_SEALS, F_SEAL_GROW);
            assertThat(task.fcntl(readOnly, F_GET_SEALS, 0)).isEqualTo(F_SEAL_GROW);
        }
    }

    /**
     * A file that is neither shmem nor hugetlbfs has no seals (mm/memfd.c memfd_file_seals_ptr
     * returns NULL): both commands are EINVAL, unknown seal bits first.
     */
    @Test
    void otherFilesHaveNoSeals() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            Task task = (Task) kernel.newProcess(true);
            int fd = task.files.install(new OpenFile(new FileOperations() { }, O_RDWR), false);
            assertErrno(Errno.EINVAL, () -> task.fcntl(fd, F_GET_SEALS, 0));
            assertErrno(Errno.EINVAL, () -> task.fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL));
        }
    }

    /**
     * MFD_HUGETLB passes the flag checks (with a huge page size in its field) and then fails with
     * ENOSYS, as hugetlb_file_setup does on a kernel without CONFIG_HUGETLBFS: the model has no
     * hugetlbfs yet, so it does not return a descriptor as the reference kernel does. A size field
     * without MFD_HUGETLB is EINVAL (mm/memfd.c memfd_create).
     */
    @Test
    void hugetlbMemfdsAreNotSupportedYet() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            Task task = (Task) kernel.newProcess(true);
            long size2m = 21L << MFD_HUGE_SHIFT;
            assertErrno(Errno.ENOSYS, () -> UserStrings.memfd(task, "huge", MFD_HUGETLB));
            assertErrno(Errno.ENOSYS, () -> UserStrings.memfd(task, "huge", MFD_HUGETLB | size2m));
            assertErrno(Errno.EINVAL, () -> UserStrings.memfd(task, "huge", size2m));
            assertErrno(Errno.EINVAL, () -> UserStrings.memfd(task, "huge", MFD_HUGETLB | MFD_EXEC | MFD_NOEXEC_SEAL));
        }
    }
}
