package org.mmkit.core;

/**
 * The Linux user-space ABI constants the model accepts (x86-64 values from {@code include/uapi}),
 * named as in C so that code ported from C reads the same: {@code import static org.mmkit.core.Uapi.*}.
 */
public final class Uapi {
    private Uapi() {
    }

    // The x86-64 page geometry, defined here once for the whole model.
    /** log2 of the page size. */
    public static final int PAGE_SHIFT = 12;
    /** Bytes per page: 4 KiB. */
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    /** {@code PAGE_MASK}: clears the offset within a page. */
    public static final long PAGE_MASK = ~(PAGE_SIZE - 1);
    /** log2 of the range one PMD entry maps. */
    public static final int PMD_SHIFT = 21;
    /** The range one PMD entry maps, 2 MiB: the size of a transparent or hugetlb huge page. */
    public static final long PMD_SIZE = 1L << PMD_SHIFT;

    // mman-common.h
    /** No access. */
    public static final int PROT_NONE = 0x0;
    /** Pages may be read. */
    public static final int PROT_READ = 0x1;
    /** Pages may be written. */
    public static final int PROT_WRITE = 0x2;
    /** Pages may be executed. */
    public static final int PROT_EXEC = 0x4;
    /** Pages may be used for atomic operations (ignored on x86-64). */
    public static final int PROT_SEM = 0x8;
    /** {@code mprotect}: extend the change down to the start of a grows-down mapping. */
    public static final int PROT_GROWSDOWN = 0x01000000;
    /** {@code mprotect}: extend the change up to the end of a grows-up mapping (not on x86-64). */
    public static final int PROT_GROWSUP = 0x02000000;

    /** Changes are shared with every mapping of the same object. */
    public static final int MAP_SHARED = 0x01;
    /** Changes are private: copy-on-write. */
    public static final int MAP_PRIVATE = 0x02;
    /** {@code MAP_SHARED}, failing on unknown flags. */
    public static final int MAP_SHARED_VALIDATE = 0x03;
    /** Private anonymous memory the kernel may drop under pressure. */
    public static final int MAP_DROPPABLE = 0x08;
    /** Mask of the mapping type ({@code MAP_SHARED}, {@code MAP_PRIVATE}...). */
    public static final int MAP_TYPE = 0x0f;
    /** Place the mapping exactly at the address, replacing what is there. */
    public static final int MAP_FIXED = 0x10;
    /** Memory backed by no file, zero-filled. */
    public static final int MAP_ANONYMOUS = 0x20;
    /** x86-64 only: place the mapping in the first 2 GiB. */
    public static final int MAP_32BIT = 0x40;
    /** A stack-like mapping that grows down on faults below it. */
    public static final int MAP_GROWSDOWN = 0x0100;
    /** Ignored (historical). */
    public static final int MAP_DENYWRITE = 0x0800;
    /** Ignored (historical). */
    public static final int MAP_EXECUTABLE = 0x1000;
    /** Lock the pages in memory, as {@code mlock} does. */
    public static final int MAP_LOCKED = 0x2000;
    /** Reserve no swap space for the mapping. */
    public static final int MAP_NORESERVE = 0x4000;
    /** Fault the pages in at once. */
    public static final int MAP_POPULATE = 0x8000;
    /** With {@code MAP_POPULATE}: do not wait for reads. */
    public static final int MAP_NONBLOCK = 0x10000;
    /** A thread stack: no transparent huge pages. */
    public static final int MAP_STACK = 0x20000;
    /** Back the mapping with hugetlb pages. */
    public static final int MAP_HUGETLB = 0x40000;
    /** Synchronous page faults for DAX files ({@code MAP_SHARED_VALIDATE} only). */
    public static final int MAP_SYNC = 0x80000;
    /** Place the mapping exactly at the address, failing with EEXIST if it is taken. */
    public static final int MAP_FIXED_NOREPLACE = 0x100000;
    /** Do not clear anonymous pages (only on kernels built to allow it). */
    public static final int MAP_UNINITIALIZED = 0x4000000;

    /** No special treatment. */
    public static final int MADV_NORMAL = 0;
    /** Expect random access: no read-ahead. */
    public static final int MADV_RANDOM = 1;
    /** Expect sequential access: aggressive read-ahead. */
    public static final int MADV_SEQUENTIAL = 2;
    /** The pages will be needed: read them ahead. */
    public static final int MADV_WILLNEED = 3;
    /** Drop the pages: private ones read back as zeros or the file's contents. */
    public static final int MADV_DONTNEED = 4;
    /** The pages may be freed lazily unless written again. */
    public static final int MADV_FREE = 8;
    /** Free the range and its backing store (punch a hole). */
    public static final int MADV_REMOVE = 9;
    /** Do not copy the range into a child on fork. */
    public static final int MADV_DONTFORK = 10;
    /** Undo {@code MADV_DONTFORK}. */
    public static final int MADV_DOFORK = 11;
    /** Allow KSM to merge identical pages. */
    public static final int MADV_MERGEABLE = 12;
    /** Undo {@code MADV_MERGEABLE}. */
    public static final int MADV_UNMERGEABLE = 13;
    /** Prefer transparent huge pages. */
    public static final int MADV_HUGEPAGE = 14;
    /** No transparent huge pages. */
    public static final int MADV_NOHUGEPAGE = 15;
    /** Leave the range out of core dumps. */
    public static final int MADV_DONTDUMP = 16;
    /** Undo {@code MADV_DONTDUMP}. */
    public static final int MADV_DODUMP = 17;
    /** The child of a fork sees the range zero-filled. */
    public static final int MADV_WIPEONFORK = 18;
    /** Undo {@code MADV_WIPEONFORK}. */
    public static final int MADV_KEEPONFORK = 19;
    /** Deactivate the pages: reclaim them first. */
    public static final int MADV_COLD = 20;
    /** Reclaim the pages now. */
    public static final int MADV_PAGEOUT = 21;
    /** Fault the pages in readable. */
    public static final int MADV_POPULATE_READ = 22;
    /** Fault the pages in writable. */
    public static final int MADV_POPULATE_WRITE = 23;
    /** {@code MADV_DONTNEED}, also on locked pages. */
    public static final int MADV_DONTNEED_LOCKED = 24;
    /** Collapse the range into transparent huge pages now. */
    public static final int MADV_COLLAPSE = 25;
    /** Poison the pages as a memory error would (privileged). */
    public static final int MADV_HWPOISON = 100;
    /** Migrate the pages away and take their frames offline (privileged). */
    public static final int MADV_SOFT_OFFLINE = 101;
    /** Install guard markers: any access raises SIGSEGV. */
    public static final int MADV_GUARD_INSTALL = 102;
    /** Remove guard markers. */
    public static final int MADV_GUARD_REMOVE = 103;

    // mman.h
    /** The mapping may move if it cannot grow in place. */
    public static final int MREMAP_MAYMOVE = 1;
    /** Move the mapping to the given new address. */
    public static final int MREMAP_FIXED = 2;
    /** Move the pages but keep the old range mapped, empty. */
    public static final int MREMAP_DONTUNMAP = 4;

    /** {@code mlock2}: lock pages as they are faulted in, not at once. */
    public static final int MLOCK_ONFAULT = 0x01;
    /** {@code mlockall}: lock every current mapping. */
    public static final int MCL_CURRENT = 1;
    /** {@code mlockall}: lock every future mapping. */
    public static final int MCL_FUTURE = 2;
    /** {@code mlockall}: with the above, lock pages as they are faulted in. */
    public static final int MCL_ONFAULT = 4;

    /** {@code msync}: schedule the write-back and return. */
    public static final int MS_ASYNC = 1;
    /** {@code msync}: invalidate other mappings of the file; EBUSY on a locked mapping. */
    public static final int MS_INVALIDATE = 2;
    /** {@code msync}: write back and wait for it. */
    public static final int MS_SYNC = 4;

    // memfd.h
    /** Close the memfd on exec. */
    public static final int MFD_CLOEXEC = 0x0001;
    /** Allow seals on the memfd. */
    public static final int MFD_ALLOW_SEALING = 0x0002;
    /** Back the memfd with hugetlb pages. */
    public static final int MFD_HUGETLB = 0x0004;
    /** A non-executable memfd, sealed so. */
    public static final int MFD_NOEXEC_SEAL = 0x0008;
    /** An executable memfd. */
    public static final int MFD_EXEC = 0x0010;
    /** Where {@code MFD_HUGETLB} encodes the log2 of the huge page size ({@code MFD_HUGE_SHIFT}, 6 bits). */
    public static final int MFD_HUGE_SHIFT = 26;
    /** The width of that field ({@code MFD_HUGE_MASK}). */
    public static final int MFD_HUGE_MASK = 0x3f;

    // falloc.h
    /** {@code fallocate}: do not change the file size. */
    public static final int FALLOC_FL_KEEP_SIZE = 0x01;
    /** {@code fallocate}: free the range; it reads as zeros. */
    public static final int FALLOC_FL_PUNCH_HOLE = 0x02;

    // fcntl.h (asm-generic): access mode and status flags of an open file, fcntl commands
    /** Open for reading only. */
    public static final int O_RDONLY = 0;
    /** Open for writing only. */
    public static final int O_WRONLY = 1;
    /** Open for reading and writing. */
    public static final int O_RDWR = 2;
    /** Mask of the access mode. */
    public static final int O_ACCMODE = 3;
    /** Non-blocking I/O. */
    public static final int O_NONBLOCK = 0x800;
    /** {@code FASYNC} of the kernel: signal-driven I/O. */
    public static final int O_ASYNC = 0x2000;
    /** Offsets may exceed 2 GiB (always set on 64-bit kernels). */
    public static final int O_LARGEFILE = 0x8000;
    /** Writes wait until the data is on the device. */
    public static final int O_DSYNC = 0x1000;
    /** I/O bypasses the page cache; for {@code pipe2}, packet mode. */
    public static final int O_DIRECT = 0x4000;
    /** Reads do not update the access time. */
    public static final int O_NOATIME = 0x40000;
    /** Writes wait until data and metadata are on the device ({@code __O_SYNC|O_DSYNC}). */
    public static final int O_SYNC = 0x101000;
    /** {@code open}: create the file if it does not exist. */
    public static final int O_CREAT = 0x40;
    /** {@code open}: with {@link #O_CREAT}, fail with EEXIST if the file exists. */
    public static final int O_EXCL = 0x80;
    /** {@code open}: do not become the controlling terminal. */
    public static final int O_NOCTTY = 0x100;
    /** {@code open}: truncate a regular file opened for writing to size 0. */
    public static final int O_TRUNC = 0x200;
    /** Every write goes to the end of the file. */
    public static final int O_APPEND = 0x400;
    /** {@code open}: fail with ENOTDIR unless the path names a directory. */
    public static final int O_DIRECTORY = 0x10000;
    /** {@code open}: do not follow a symbolic link in the last component. */
    public static final int O_NOFOLLOW = 0x20000;
    /** {@code open}: the new descriptor is close-on-exec. */
    public static final int O_CLOEXEC = 0x80000;
    /** {@code open}: a descriptor that only names the file; most calls on it fail with EBADF. */
    public static final int O_PATH = 0x200000;
    /**
     * {@code open}: an unnamed regular file in the directory the path names ({@code __O_TMPFILE}
     * with {@link #O_DIRECTORY}); needs write access.
     */
    public static final int O_TMPFILE = 0x410000;
    /** {@code openat}, {@code unlinkat}: a relative path starts at the working directory. */
    public static final int AT_FDCWD = -100;
    /** {@code unlinkat}: remove a directory. */
    public static final int AT_REMOVEDIR = 0x200;
    /** {@code pipe2}: a notification pipe (the value of {@link #O_EXCL}). */
    public static final int O_NOTIFICATION_PIPE = 0x80;
    /** {@code fcntl}: duplicate onto the lowest free descriptor at or above the argument. */
    public static final int F_DUPFD = 0;
    /** {@code fcntl}: {@link #F_DUPFD}, close-on-exec. */
    public static final int F_DUPFD_CLOEXEC = 1030;
    /** {@code st_mode}: the file type bits. */
    public static final int S_IFMT = 0170000;
    /** {@code st_mode}: a regular file. */
    public static final int S_IFREG = 0100000;
    /** {@code st_mode}: a directory. */
    public static final int S_IFDIR = 0040000;
    /** {@code st_mode}: a pipe. */
    public static final int S_IFIFO = 0010000;
    /** {@code PATH_MAX}: a path with its NUL is at most this many bytes. */
    public static final int PATH_MAX = 4096;
    /** {@code NAME_MAX}: the longest path component, in bytes. */
    public static final int NAME_MAX = 255;
    /** {@code UIO_MAXIOV}: the most iovecs one {@code readv}/{@code writev} takes. */
    public static final int UIO_MAXIOV = 1024;
    /** {@code fcntl}: get the descriptor flags. */
    public static final int F_GETFD = 1;
    /** {@code fcntl}: set the descriptor flags. */
    public static final int F_SETFD = 2;
    /** {@code fcntl}: get the access mode and status flags. */
    public static final int F_GETFL = 3;
    /** {@code fcntl}: set the status flags that may change ({@code O_APPEND}, {@code O_NONBLOCK}, {@code O_ASYNC}, {@code O_DIRECT}, {@code O_NOATIME}). */
    public static final int F_SETFL = 4;
    /** Descriptor flag: close on exec. */
    public static final int FD_CLOEXEC = 1;
    /** {@code fcntl}: add seals to a memfd ({@code F_LINUX_SPECIFIC_BASE + 9}). */
    public static final int F_ADD_SEALS = 1033;
    /** {@code fcntl}: get the seals of a memfd. */
    public static final int F_GET_SEALS = 1034;
    /** Seal: no more seals may be added. */
    public static final int F_SEAL_SEAL = 0x0001;
    /** Seal: the file may not shrink. */
    public static final int F_SEAL_SHRINK = 0x0002;
    /** Seal: the file may not grow. */
    public static final int F_SEAL_GROW = 0x0004;
    /** Seal: the contents may not change, and no shared writable mapping may exist. */
    public static final int F_SEAL_WRITE = 0x0008;
    /** Seal: like F_SEAL_WRITE for new writes and mappings only; existing mappings stay writable. */
    public static final int F_SEAL_FUTURE_WRITE = 0x0010;
    /** Seal: the exec bits of the mode may not change. */
    public static final int F_SEAL_EXEC = 0x0020;

    // fs.h: lseek whence
    /** {@code lseek}: from the start of the file. */
    public static final int SEEK_SET = 0;
    /** {@code lseek}: from the current position. */
    public static final int SEEK_CUR = 1;
    /** {@code lseek}: from the end of the file. */
    public static final int SEEK_END = 2;
    /** {@code lseek}: to the next data at or after the offset. */
    public static final int SEEK_DATA = 3;
    /** {@code lseek}: to the next hole at or after the offset. */
    public static final int SEEK_HOLE = 4;

    // asm-generic/ioctls.h: the generic ioctls of fs/ioctl.c
    /** {@code ioctl}: bytes readable now, as an {@code int}. */
    public static final int FIONREAD = 0x541B;
    /** {@code ioctl}: set or clear non-blocking I/O from an {@code int}. */
    public static final int FIONBIO = 0x5421;
    /** {@code ioctl}: clear close-on-exec. */
    public static final int FIONCLEX = 0x5450;
    /** {@code ioctl}: set close-on-exec. */
    public static final int FIOCLEX = 0x5451;
    /** {@code ioctl}: set or clear signal-driven I/O from an {@code int}. */
    public static final int FIOASYNC = 0x5452;
    /** {@code ioctl}: the file's size as a {@code loff_t}. */
    public static final int FIOQSIZE = 0x5460;

    // poll.h
    /** {@code poll}: there is data to read. */
    public static final int POLLIN = 0x001;
    /** {@code poll}: there is urgent data to read. */
    public static final int POLLPRI = 0x002;
    /** {@code poll}: writing will not block. */
    public static final int POLLOUT = 0x004;
    /** {@code poll}: an error condition (always reported). */
    public static final int POLLERR = 0x008;
    /** {@code poll}: hang-up (always reported). */
    public static final int POLLHUP = 0x010;
    /** {@code poll}: the descriptor is not open (always reported). */
    public static final int POLLNVAL = 0x020;
    /** {@code poll}: normal data to read. */
    public static final int POLLRDNORM = 0x040;
    /** {@code poll}: normal data may be written. */
    public static final int POLLWRNORM = 0x100;

    // userfaultfd.h: values that go into its structs (org.mmkit.core.abi has the layouts)
    /** The userfaultfd API version a caller puts in {@code uffdio_api.api}. */
    public static final long UFFD_API = 0xAA;
    /** Register a range for faults on missing pages. */
    public static final long UFFDIO_REGISTER_MODE_MISSING = 1L << 0;
    /** Register a range for write-protect faults. */
    public static final long UFFDIO_REGISTER_MODE_WP = 1L << 1;
    /** Register a range for minor faults (page in the cache, not mapped). */
    public static final long UFFDIO_REGISTER_MODE_MINOR = 1L << 2;
    /** {@code uffd_msg.event} of a page fault. */
    public static final int UFFD_EVENT_PAGEFAULT = 0x12;
    /** {@code uffd_msg.event}: a process with the context forked ({@code arg.fork.ufd}). */
    public static final int UFFD_EVENT_FORK = 0x13;
    /** {@code uffd_msg.event}: mremap moved a registered range ({@code arg.remap}). */
    public static final int UFFD_EVENT_REMAP = 0x14;
    /** {@code uffd_msg.event}: madvise dropped pages of a registered range ({@code arg.remove}). */
    public static final int UFFD_EVENT_REMOVE = 0x15;
    /** {@code uffd_msg.event}: a registered range was unmapped ({@code arg.remove}). */
    public static final int UFFD_EVENT_UNMAP = 0x16;
    /** {@code uffd_msg.arg.pagefault.flags}: the fault was a write. */
    public static final long UFFD_PAGEFAULT_FLAG_WRITE = 1L << 0;
    /** {@code uffd_msg.arg.pagefault.flags}: a write-protect fault. */
    public static final long UFFD_PAGEFAULT_FLAG_WP = 1L << 1;
    /** {@code uffd_msg.arg.pagefault.flags}: a minor fault. */
    public static final long UFFD_PAGEFAULT_FLAG_MINOR = 1L << 2;
    /** {@code userfaultfd(2)} flag: only faults of user-mode accesses are handled. */
    public static final int UFFD_USER_MODE_ONLY = 1;
    /** {@code ioctl} of {@code /dev/userfaultfd}: a new context ({@code _IO(0xAA, 0)}), the argument its flags. */
    public static final int USERFAULTFD_IOC_NEW = 0xAA00;
    /** userfaultfd ioctl: register a range ({@code struct uffdio_register}). */
    public static final int UFFDIO_REGISTER = 0xC020AA00;
    /** userfaultfd ioctl: unregister a range ({@code struct uffdio_range}). */
    public static final int UFFDIO_UNREGISTER = 0x8010AA01;
    /** userfaultfd ioctl: wake the threads waiting on faults in a range ({@code struct uffdio_range}). */
    public static final int UFFDIO_WAKE = 0x8010AA02;
    /** userfaultfd ioctl: fill missing pages with a copy ({@code struct uffdio_copy}). */
    public static final int UFFDIO_COPY = 0xC028AA03;
    /** userfaultfd ioctl: fill missing pages with zeros ({@code struct uffdio_zeropage}). */
    public static final int UFFDIO_ZEROPAGE = 0xC020AA04;
    /** userfaultfd ioctl: move pages from another range ({@code struct uffdio_move}). */
    public static final int UFFDIO_MOVE = 0xC028AA05;
    /** userfaultfd ioctl: write-protect or unprotect a range ({@code struct uffdio_writeprotect}). */
    public static final int UFFDIO_WRITEPROTECT = 0xC018AA06;
    /** userfaultfd ioctl: map pages already in the page cache ({@code struct uffdio_continue}). */
    public static final int UFFDIO_CONTINUE = 0xC020AA07;
    /** userfaultfd ioctl: install poison markers ({@code struct uffdio_poison}). */
    public static final int UFFDIO_POISON = 0xC020AA08;
    /** userfaultfd ioctl: the API handshake ({@code struct uffdio_api}). */
    public static final int UFFDIO_API = 0xC018AA3F;
    /** {@code uffdio_api.features} bit 0. */
    public static final long UFFD_FEATURE_PAGEFAULT_FLAG_WP = 1L << 0;
    /** {@code uffdio_api.features} bit 1. */
    public static final long UFFD_FEATURE_EVENT_FORK = 1L << 1;
    /** {@code uffdio_api.features} bit 2. */
    public static final long UFFD_FEATURE_EVENT_REMAP = 1L << 2;
    /** {@code uffdio_api.features} bit 3. */
    public static final long UFFD_FEATURE_EVENT_REMOVE = 1L << 3;
    /** {@code uffdio_api.features} bit 4. */
    public static final long UFFD_FEATURE_MISSING_HUGETLBFS = 1L << 4;
    /** {@code uffdio_api.features} bit 5. */
    public static final long UFFD_FEATURE_MISSING_SHMEM = 1L << 5;
    /** {@code uffdio_api.features} bit 6. */
    public static final long UFFD_FEATURE_EVENT_UNMAP = 1L << 6;
    /** {@code uffdio_api.features} bit 7. */
    public static final long UFFD_FEATURE_SIGBUS = 1L << 7;
    /** {@code uffdio_api.features} bit 8. */
    public static final long UFFD_FEATURE_THREAD_ID = 1L << 8;
    /** {@code uffdio_api.features} bit 9. */
    public static final long UFFD_FEATURE_MINOR_HUGETLBFS = 1L << 9;
    /** {@code uffdio_api.features} bit 10. */
    public static final long UFFD_FEATURE_MINOR_SHMEM = 1L << 10;
    /** {@code uffdio_api.features} bit 11. */
    public static final long UFFD_FEATURE_EXACT_ADDRESS = 1L << 11;
    /** {@code uffdio_api.features} bit 12. */
    public static final long UFFD_FEATURE_WP_HUGETLBFS_SHMEM = 1L << 12;
    /** {@code uffdio_api.features} bit 13. */
    public static final long UFFD_FEATURE_WP_UNPOPULATED = 1L << 13;
    /** {@code uffdio_api.features} bit 14. */
    public static final long UFFD_FEATURE_POISON = 1L << 14;
    /** {@code uffdio_api.features} bit 15. */
    public static final long UFFD_FEATURE_WP_ASYNC = 1L << 15;
    /** {@code uffdio_api.features} bit 16. */
    public static final long UFFD_FEATURE_MOVE = 1L << 16;
    /** UFFDIO_COPY: do not wake the range. */
    public static final long UFFDIO_COPY_MODE_DONTWAKE = 1L << 0;
    /** UFFDIO_COPY: map the pages write-protected. */
    public static final long UFFDIO_COPY_MODE_WP = 1L << 1;
    /** UFFDIO_ZEROPAGE: do not wake the range. */
    public static final long UFFDIO_ZEROPAGE_MODE_DONTWAKE = 1L << 0;
    /** UFFDIO_WRITEPROTECT: protect (without it: unprotect). */
    public static final long UFFDIO_WRITEPROTECT_MODE_WP = 1L << 0;
    /** UFFDIO_WRITEPROTECT: do not wake the range. */
    public static final long UFFDIO_WRITEPROTECT_MODE_DONTWAKE = 1L << 1;
    /** UFFDIO_CONTINUE: do not wake the range. */
    public static final long UFFDIO_CONTINUE_MODE_DONTWAKE = 1L << 0;
    /** UFFDIO_CONTINUE: map the pages write-protected. */
    public static final long UFFDIO_CONTINUE_MODE_WP = 1L << 1;
    /** UFFDIO_POISON: do not wake the range. */
    public static final long UFFDIO_POISON_MODE_DONTWAKE = 1L << 0;
    /** UFFDIO_MOVE: do not wake the range. */
    public static final long UFFDIO_MOVE_MODE_DONTWAKE = 1L << 0;
    /** UFFDIO_MOVE: holes in the source count as moved. */
    public static final long UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES = 1L << 1;

    // resource.h, prctl.h, mm.h: limits, the heap, sealing and VMA names (the limits part)
    /** Resource: the largest data segment ({@code brk} and private writable mappings), in bytes. */
    public static final int RLIMIT_DATA = 2;
    /** Resource: one more than the highest descriptor number a new descriptor may get. */
    public static final int RLIMIT_NOFILE = 7;
    /** Resource: the most memory a process may lock, in bytes. */
    public static final int RLIMIT_MEMLOCK = 8;
    /** Resource: the largest address space ({@code total_vm}), in bytes. */
    public static final int RLIMIT_AS = 9;
    /** The number of resources; a resource number at or above it is EINVAL. */
    public static final int RLIM_NLIMITS = 16;
    /** A limit that does not limit ({@code RLIM_INFINITY}, {@code ~0UL}). */
    public static final long RLIM_INFINITY = -1L;
    /** {@code prctl} option: operations on a range of VMAs ({@code 0x53564d41}, "SVMA"). */
    public static final int PR_SET_VMA = 0x53564d41;
    /** {@code PR_SET_VMA} operation: name the anonymous VMAs of a range. */
    public static final int PR_SET_VMA_ANON_NAME = 0;
    /** {@code pidfd_open}: the descriptor is non-blocking ({@code O_NONBLOCK}). */
    public static final int PIDFD_NONBLOCK = O_NONBLOCK;
    /** {@code pidfd_open}: refer to a thread rather than a thread group ({@code O_EXCL}). */
    public static final int PIDFD_THREAD = 0x80;
}
