package org.mmkit.core;

/**
 * The Linux user-space ABI constants the model accepts (x86-64 values from {@code include/uapi}),
 * named as in C so that code ported from C reads the same: {@code import static org.mmkit.core.Uapi.*}.
 */
public final class Uapi {
    private Uapi() {
    }

    public static final long PAGE_SIZE = 4096;
    public static final int PAGE_SHIFT = 12;
    public static final long PMD_SIZE = 2L << 20;

    // mman-common.h
    public static final int PROT_NONE = 0x0;
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int PROT_EXEC = 0x4;
    public static final int PROT_SEM = 0x8;
    public static final int PROT_GROWSDOWN = 0x01000000;
    public static final int PROT_GROWSUP = 0x02000000;

    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_SHARED_VALIDATE = 0x03;
    public static final int MAP_DROPPABLE = 0x08;
    public static final int MAP_TYPE = 0x0f;
    public static final int MAP_FIXED = 0x10;
    public static final int MAP_ANONYMOUS = 0x20;
    /** x86-64 only: place the mapping in the first 2 GiB. */
    public static final int MAP_32BIT = 0x40;
    public static final int MAP_GROWSDOWN = 0x0100;
    public static final int MAP_DENYWRITE = 0x0800;
    public static final int MAP_EXECUTABLE = 0x1000;
    public static final int MAP_LOCKED = 0x2000;
    public static final int MAP_NORESERVE = 0x4000;
    public static final int MAP_POPULATE = 0x8000;
    public static final int MAP_NONBLOCK = 0x10000;
    public static final int MAP_STACK = 0x20000;
    public static final int MAP_HUGETLB = 0x40000;
    public static final int MAP_SYNC = 0x80000;
    public static final int MAP_FIXED_NOREPLACE = 0x100000;
    public static final int MAP_UNINITIALIZED = 0x4000000;

    public static final int MADV_NORMAL = 0;
    public static final int MADV_RANDOM = 1;
    public static final int MADV_SEQUENTIAL = 2;
    public static final int MADV_WILLNEED = 3;
    public static final int MADV_DONTNEED = 4;
    public static final int MADV_FREE = 8;
    public static final int MADV_REMOVE = 9;
    public static final int MADV_DONTFORK = 10;
    public static final int MADV_DOFORK = 11;
    public static final int MADV_MERGEABLE = 12;
    public static final int MADV_UNMERGEABLE = 13;
    public static final int MADV_HUGEPAGE = 14;
    public static final int MADV_NOHUGEPAGE = 15;
    public static final int MADV_DONTDUMP = 16;
    public static final int MADV_DODUMP = 17;
    public static final int MADV_WIPEONFORK = 18;
    public static final int MADV_KEEPONFORK = 19;
    public static final int MADV_COLD = 20;
    public static final int MADV_PAGEOUT = 21;
    public static final int MADV_POPULATE_READ = 22;
    public static final int MADV_POPULATE_WRITE = 23;
    public static final int MADV_DONTNEED_LOCKED = 24;
    public static final int MADV_COLLAPSE = 25;
    public static final int MADV_HWPOISON = 100;
    public static final int MADV_SOFT_OFFLINE = 101;
    public static final int MADV_GUARD_INSTALL = 102;
    public static final int MADV_GUARD_REMOVE = 103;

    // mman.h
    public static final int MREMAP_MAYMOVE = 1;
    public static final int MREMAP_FIXED = 2;
    public static final int MREMAP_DONTUNMAP = 4;

    public static final int MLOCK_ONFAULT = 0x01;
    public static final int MCL_CURRENT = 1;
    public static final int MCL_FUTURE = 2;
    public static final int MCL_ONFAULT = 4;

    // memfd.h
    public static final int MFD_CLOEXEC = 0x0001;
    public static final int MFD_ALLOW_SEALING = 0x0002;
    public static final int MFD_HUGETLB = 0x0004;
    public static final int MFD_NOEXEC_SEAL = 0x0008;
    public static final int MFD_EXEC = 0x0010;

    // falloc.h
    public static final int FALLOC_FL_KEEP_SIZE = 0x01;
    public static final int FALLOC_FL_PUNCH_HOLE = 0x02;

    // fcntl.h (asm-generic): access mode and status flags of an open file, fcntl commands
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_ACCMODE = 3;
    public static final int O_NONBLOCK = 0x800;
    /** {@code FASYNC} of the kernel: signal-driven I/O. */
    public static final int O_ASYNC = 0x2000;
    public static final int O_LARGEFILE = 0x8000;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_GETFL = 3;
    public static final int FD_CLOEXEC = 1;

    // fs.h: lseek whence
    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;
    public static final int SEEK_DATA = 3;
    public static final int SEEK_HOLE = 4;

    // asm-generic/ioctls.h: the generic ioctls of fs/ioctl.c
    public static final int FIONREAD = 0x541B;
    public static final int FIONBIO = 0x5421;
    public static final int FIONCLEX = 0x5450;
    public static final int FIOCLEX = 0x5451;
    public static final int FIOASYNC = 0x5452;
    public static final int FIOQSIZE = 0x5460;

    // poll.h
    public static final int POLLIN = 0x001;
    public static final int POLLPRI = 0x002;
    public static final int POLLOUT = 0x004;
    public static final int POLLERR = 0x008;
    public static final int POLLHUP = 0x010;
    public static final int POLLNVAL = 0x020;
    public static final int POLLRDNORM = 0x040;
    public static final int POLLWRNORM = 0x100;

    // userfaultfd.h: values that go into its structs (org.mmkit.core.abi has the layouts)
    public static final long UFFD_API = 0xAA;
    public static final long UFFDIO_REGISTER_MODE_MISSING = 1L << 0;
    public static final long UFFDIO_REGISTER_MODE_WP = 1L << 1;
    public static final long UFFDIO_REGISTER_MODE_MINOR = 1L << 2;
    public static final int UFFD_EVENT_PAGEFAULT = 0x12;
}
