package org.mmkit.core;

/**
 * A simulated process: an address space ({@code mm_struct}), a file-descriptor table and threads.
 * System calls behave as on Linux: on failure they throw {@link ErrnoException} carrying the errno
 * Linux would return, leaving the model as Linux would leave it. Memory accesses go through the
 * process's main thread; an access the kernel would answer with a signal throws {@link MemoryFault}.
 * Instances come from {@link Kernel#newProcess}; every method is thread-safe.
 *
 * <p>Lifecycle: after {@link #exit}, after the OOM killer ended the process (an access threw
 * {@link MemoryFault} with {@link Signal#SIGKILL}), and after {@link Kernel#close}, every method
 * except {@link #pid} and {@link #privileged} throws {@link IllegalStateException} saying which
 * of these happened.
 */
public interface SimProcess {
    /**
     * The process id, unique within its {@link Kernel}.
     *
     * @return the pid, from 1 in creation order
     */
    int pid();

    /**
     * Whether this process is privileged: it holds CAP_SYS_ADMIN (sees PFNs in pagemap) and
     * CAP_IPC_LOCK (mlock is not limited by RLIMIT_MEMLOCK, 8 MiB for every process).
     *
     * @return true for a privileged process
     */
    boolean privileged();

    /**
     * {@code mmap}: maps anonymous memory or a file ({@code do_mmap}).
     *
     * @param addr the requested address: a hint, or exact with {@link Uapi#MAP_FIXED}
     * @param len the length in bytes, rounded up to whole pages
     * @param prot {@link Uapi#PROT_READ} and the other {@code PROT_*} bits
     * @param flags {@link Uapi#MAP_PRIVATE} or {@link Uapi#MAP_SHARED} and other {@code MAP_*} bits
     * @param fd the file to map, or -1 for anonymous memory
     * @param offset the file offset of the first page, page-aligned
     * @return the start of the new mapping
     * @throws ErrnoException with the errno Linux returns, e.g. EINVAL, ENOMEM, EBADF, EACCES
     */
    long mmap(long addr, long len, long prot, long flags, int fd, long offset);

    /**
     * {@code munmap}: removes the mappings of a range ({@code do_vmi_munmap}).
     *
     * @param addr the page-aligned start
     * @param len the length in bytes, rounded up to whole pages
     * @throws ErrnoException EINVAL for an unaligned or empty range, ENOMEM past the VMA limit
     */
    void munmap(long addr, long len);

    /**
     * {@code mprotect}: changes the protection of the mapped range ({@code do_mprotect_pkey}).
     *
     * @param addr the page-aligned start
     * @param len the length in bytes, rounded up to whole pages
     * @param prot the new {@code PROT_*} bits
     * @throws ErrnoException ENOMEM where a page of the range is unmapped, EACCES beyond the file's mode
     */
    void mprotect(long addr, long len, long prot);

    /**
     * {@code mremap}: grows, shrinks or moves a mapping ({@code mm/mremap.c}).
     *
     * @param oldAddr the page-aligned start of the mapping
     * @param oldLen its length in bytes (0 with {@link Uapi#MREMAP_MAYMOVE} duplicates a shared mapping)
     * @param newLen the new length in bytes
     * @param flags {@link Uapi#MREMAP_MAYMOVE}, {@link Uapi#MREMAP_FIXED}, {@link Uapi#MREMAP_DONTUNMAP}
     * @param newAddr the destination with {@link Uapi#MREMAP_FIXED}, else ignored
     * @return the address of the mapping afterwards
     * @throws ErrnoException with the errno Linux returns, e.g. EINVAL, ENOMEM, EFAULT
     */
    long mremap(long oldAddr, long oldLen, long newLen, long flags, long newAddr);

    /**
     * {@code madvise}: gives advice about a range ({@code mm/madvise.c}).
     *
     * @param addr the page-aligned start
     * @param len the length in bytes, rounded up to whole pages
     * @param advice a {@code MADV_*} value of {@link Uapi}
     * @throws ErrnoException EINVAL for unknown advice, ENOMEM where the range is unmapped
     */
    void madvise(long addr, long len, int advice);

    /**
     * {@code mlock}: locks the pages of a range in memory, faulting them in.
     *
     * @param addr the start, rounded down to a page
     * @param len the length in bytes
     * @throws ErrnoException ENOMEM where the range is unmapped
     */
    void mlock(long addr, long len);

    /**
     * {@code mlock2}: {@link #mlock}, or with {@link Uapi#MLOCK_ONFAULT} locking pages as they are faulted in.
     *
     * @param addr the start, rounded down to a page
     * @param len the length in bytes
     * @param flags 0 or {@link Uapi#MLOCK_ONFAULT}
     * @throws ErrnoException EINVAL for unknown flags, ENOMEM where the range is unmapped
     */
    void mlock2(long addr, long len, long flags);

    /**
     * {@code munlock}: unlocks the pages of a range.
     *
     * @param addr the start, rounded down to a page
     * @param len the length in bytes
     * @throws ErrnoException ENOMEM where the range is unmapped
     */
    void munlock(long addr, long len);

    /**
     * {@code mlockall}: with {@link Uapi#MCL_CURRENT} locks every mapping now and faults it in
     * (VM_IO/PFN-map, hugetlb and droppable mappings stay unlocked, inaccessible ones unpopulated);
     * with {@link Uapi#MCL_FUTURE} every later mapping is created locked; {@link Uapi#MCL_ONFAULT}
     * with either locks pages only as they are faulted in. A call without MCL_FUTURE cancels an
     * earlier one's. An unprivileged process may use MCL_CURRENT only while all its mappings
     * together stay within RLIMIT_MEMLOCK (8 MiB).
     *
     * @param flags {@code MCL_*} flags of {@link Uapi}, taken as the kernel's {@code int}
     * @throws ErrnoException EINVAL for no flags, unknown flags or MCL_ONFAULT alone; ENOMEM for
     *         MCL_CURRENT past RLIMIT_MEMLOCK
     */
    void mlockall(long flags);

    /**
     * {@code munlockall}: unlocks every mapping and cancels {@link Uapi#MCL_FUTURE}.
     */
    void munlockall();

    /**
     * {@code msync}: every file this model maps is shmem, whose write-back does nothing, so only
     * the checks are observable.
     *
     * @param addr the page-aligned start
     * @param len the length in bytes, rounded up to whole pages
     * @param flags {@link Uapi#MS_ASYNC} or {@link Uapi#MS_SYNC} (or neither), optionally with
     *              {@link Uapi#MS_INVALIDATE}, taken as the kernel's {@code int}
     * @throws ErrnoException EINVAL for unknown flags, MS_ASYNC with MS_SYNC or an unaligned
     *         start; EBUSY for MS_INVALIDATE over a locked mapping; ENOMEM where the range is
     *         unmapped (after the mapped parts were done, except for plain MS_ASYNC)
     */
    void msync(long addr, long len, long flags);

    /**
     * {@code remap_file_pages} as Linux 6.18 emulates it: the range of a shared file mapping is
     * mapped anew at file page {@code pgoff} ({@code mmap(MAP_SHARED|MAP_FIXED|MAP_POPULATE)} with
     * the VMA's protection, MAP_LOCKED if it is locked), so it becomes a VMA of its own unless it
     * merges with a neighbour.
     *
     * @param start the start, rounded down to a page
     * @param size the length, rounded down to whole pages
     * @param prot must be 0
     * @param pgoff the file page the range shows from now on
     * @param flags only {@link Uapi#MAP_NONBLOCK} counts (no populate); other bits are ignored
     * @throws ErrnoException EINVAL for a non-zero {@code prot}, an empty or wrapping range or
     *         offset, a range not in a shared mapping or spanning VMAs of other files or flags, or
     *         a hole; the errors of that mmap otherwise (ENOMEM past the map count limit)
     */
    void remapFilePages(long start, long size, long prot, long pgoff, long flags);

    /**
     * {@code pidfd_open}: a descriptor that refers to the process {@code pid} of this machine
     * (close-on-exec, {@code O_RDWR}; no read, write or mmap; poll reports its exit).
     *
     * @param pid the process, as {@link #pid} gives it; taken as the kernel's {@code pid_t}
     * @param flags {@link Uapi#PIDFD_NONBLOCK} and {@link Uapi#PIDFD_THREAD}, or 0
     * @return the lowest free descriptor
     * @throws ErrnoException EINVAL for unknown flags or a pid not above 0, ESRCH when no
     *         process has that pid
     */
    int pidfdOpen(long pid, long flags);

    /**
     * {@code process_vm_readv}: copies from the iovecs {@code remoteIov} of process {@code pid}
     * into the iovecs {@code localIov} of this process, in order, through the target's fault path
     * without force (a page it may not read ends the copy).
     *
     * @param pid the process, as {@link #pid} gives it; taken as the kernel's {@code pid_t}
     * @param localIov the address of this process's iovec array
     * @param localCount the number of local iovecs, at most {@link Uapi#UIO_MAXIOV}
     * @param remoteIov the address, in this process, of the iovec array naming the target's memory
     * @param remoteCount the number of remote iovecs, at most {@link Uapi#UIO_MAXIOV}
     * @param flags must be 0
     * @return the bytes copied; fewer than asked when either side faulted after some were copied
     * @throws ErrnoException EINVAL (flags, too many iovecs, a negative length), EFAULT (an
     *         unreadable iovec array, a local buffer past the user address space, or nothing
     *         copied before a fault), ESRCH (no such live process), EPERM (ptrace access denied)
     */
    long processVmReadv(long pid, long localIov, long localCount, long remoteIov, long remoteCount, long flags);

    /**
     * {@code process_vm_writev}: copies from the local iovecs into the remote ones of process
     * {@code pid}, as {@link #processVmReadv}; a write breaks COW in the target as its own write
     * fault would, and a page it may not write ends the copy.
     *
     * @param pid the process, as {@link #pid} gives it
     * @param localIov the address of this process's iovec array
     * @param localCount the number of local iovecs
     * @param remoteIov the address, in this process, of the iovec array naming the target's memory
     * @param remoteCount the number of remote iovecs
     * @param flags must be 0
     * @return the bytes copied
     * @throws ErrnoException as {@link #processVmReadv}
     */
    long processVmWritev(long pid, long localIov, long localCount, long remoteIov, long remoteCount, long flags);

    /**
     * {@code process_madvise}: {@link #madvise} over each range of {@code vlen} iovecs at
     * {@code vec}, in the address space of the process {@code pidfd} refers to. Another process
     * takes only MADV_COLD, MADV_PAGEOUT, MADV_WILLNEED and MADV_COLLAPSE, and only from a
     * privileged caller (CAP_SYS_NICE).
     *
     * @param pidfd a descriptor from {@link #pidfdOpen}
     * @param vec the address of the iovec array in this process's memory; each iovec is a range
     * @param vlen the number of iovecs, at most {@link Uapi#UIO_MAXIOV}
     * @param advice an {@code MADV_*} value
     * @param flags must be 0
     * @return the bytes of the ranges advised before the first that failed
     * @throws ErrnoException EINVAL (flags, too many iovecs, advice not allowed, or madvise's
     *         EINVAL for the first range), EFAULT (the array), EBADF (not a pidfd), ESRCH (the
     *         process is gone), EACCES (ptrace access denied), EPERM (no CAP_SYS_NICE), or the
     *         first range's madvise errno
     */
    long processMadvise(int pidfd, long vec, long vlen, int advice, long flags);

    /**
     * {@code pidfd_getfd}: a new close-on-exec descriptor (the lowest free one) for the open file
     * of descriptor {@code targetFd} of the process {@code pidfd} refers to: the same file, with
     * its mode, position and opener, as a descriptor passed over a socket would be.
     *
     * @param pidfd a descriptor from {@link #pidfdOpen}
     * @param targetFd a descriptor of that process
     * @param flags must be 0
     * @return the new descriptor
     * @throws ErrnoException EINVAL for non-zero flags, EBADF when {@code pidfd} is not a pidfd or
     *         {@code targetFd} is not open there, ESRCH when the process is gone, EPERM when this
     *         process may not ptrace it
     */
    int pidfdGetfd(int pidfd, int targetFd, long flags);

    /**
     * {@code process_mrelease}: reaps the memory of a process that is being killed. A model
     * process is never caught between its kill and its exit, so this always fails.
     *
     * @param pidfd a descriptor from {@link #pidfdOpen}
     * @param flags must be 0
     * @throws ErrnoException EINVAL for non-zero flags or a process that is not exiting, EBADF
     *         for a descriptor that is not open or not a pidfd, ESRCH when the process is gone
     */
    void processMrelease(int pidfd, long flags);

    /**
     * {@code mincore}: which pages of a range are resident.
     *
     * @param addr the page-aligned start
     * @param len the length in bytes
     * @return one byte per page of the range, bit 0 set when the page is resident
     * @throws ErrnoException EINVAL for an unaligned start, ENOMEM where the range is unmapped
     * @throws IllegalArgumentException for a range of more than {@code Integer.MAX_VALUE - 8}
     *         pages (8 TiB), whose vector no byte[] holds; {@link #mincore(long, long, long)}
     *         takes any range, as the system call does
     */
    byte[] mincore(long addr, long len);

    /**
     * The {@code mincore} system call: writes the vector, one byte per page, to this process's
     * memory at {@code vec}, chunk by chunk as Linux does (EFAULT if it cannot be written).
     *
     * @param addr the page-aligned start
     * @param len the length in bytes
     * @param vec the address in this process of the vector, one byte per page
     * @throws ErrnoException EINVAL, ENOMEM as {@link #mincore(long, long)}; EFAULT for a vector that cannot be written
     */
    void mincore(long addr, long len, long vec);

    /**
     * {@code memfd_create}: a new shmem file open read-write at the lowest free descriptor (3 and
     * up: 0-2 are taken by the standard streams), close-on-exec with {@code MFD_CLOEXEC}. The name
     * is read from this process's memory as a C string: at most 249 bytes before its NUL (else
     * EINVAL), and EFAULT if a byte before the NUL cannot be read (a NULL pointer too). Without
     * {@code MFD_ALLOW_SEALING} or {@code MFD_NOEXEC_SEAL} the file carries {@code F_SEAL_SEAL};
     * {@code MFD_HUGETLB} gives ENOSYS (no hugetlbfs is modelled).
     *
     * @param name the address of the NUL-terminated name, shown in {@code /proc/PID/maps} as {@code /memfd:NAME}
     * @param flags {@code MFD_*} bits of {@link Uapi} (an {@code unsigned int}: higher bits are dropped)
     * @return the descriptor
     * @throws ErrnoException EINVAL (unknown flags, a name too long), EFAULT (an unreadable name),
     *     EMFILE (no descriptor below RLIMIT_NOFILE), ENOSYS (MFD_HUGETLB)
     */
    int memfdCreate(long name, long flags);

    /**
     * {@code userfaultfd(flags)}: a new userfaultfd context for this process's address space. It
     * must be set up with {@code UFFDIO_API} ({@link #ioctl}) before anything else; then ranges
     * are registered with {@code UFFDIO_REGISTER}, faults in them block the faulting thread and
     * queue a {@code struct uffd_msg} for {@link #read}, and the fill ioctls ({@code UFFDIO_COPY},
     * {@code ZEROPAGE}, {@code CONTINUE}, {@code POISON}) or {@code UFFDIO_WAKE} let it go on.
     *
     * @param flags {@code O_CLOEXEC}, {@code O_NONBLOCK} and {@code UFFD_USER_MODE_ONLY} of {@link Uapi}
     * @return the descriptor
     * @throws ErrnoException EPERM without {@code UFFD_USER_MODE_ONLY} for a process that is not
     *         privileged, unless {@link KernelConfig#unprivilegedUserfaultfd()} (checked first);
     *         EINVAL for other flags
     */
    int userfaultfd(int flags);

    /**
     * {@code ftruncate}: sets a file's size; pages past the new end are dropped from every mapping.
     *
     * @param fd an open file descriptor
     * @param length the new size in bytes
     * @throws ErrnoException EBADF for a descriptor not open, EINVAL for a negative length
     */
    void ftruncate(int fd, long length);

    /**
     * {@code fallocate}: allocates or punches out a byte range of a file.
     *
     * @param fd an open file descriptor
     * @param mode 0, or {@code FALLOC_FL_*} bits of {@link Uapi}
     * @param offset the first byte of the range
     * @param len the length of the range in bytes
     * @throws ErrnoException EBADF, EINVAL, EOPNOTSUPP or ENOSPC as Linux returns them
     */
    void fallocate(int fd, int mode, long offset, long len);

    /**
     * {@code close}: releases a file descriptor; mappings of the file stay.
     *
     * @param fd an open file descriptor
     * @throws ErrnoException EBADF for a descriptor not open
     */
    void close(int fd);

    /**
     * {@code read(fd, addr, len)}: reads from the file at its position into this process's
     * memory at {@code addr}, as the kernel's {@code copy_to_user} writes it: faulting pages in
     * (COW included), never raising a signal. A shmem file stops at its size and reads holes as
     * zeros. The position advances by the bytes read. A pipe without bytes but with a writer
     * sleeps until bytes come or the last writer closes (unless {@code O_NONBLOCK}): the calling
     * thread ({@link SimThread#call}) is then {@link SimThread#blocked}.
     *
     * @param fd an open file descriptor
     * @param addr the buffer in this process's memory
     * @param len the most bytes to read
     * @return the bytes read: fewer than {@code len} at EOF or when the buffer faults part way, 0
     *     at or past EOF
     * @throws ErrnoException EBADF (not open), EFAULT (the buffer ends above the task size or
     *     took no byte), EINVAL (the position would overflow, or the file cannot be read)
     */
    long read(int fd, long addr, long len);

    /**
     * {@code write(fd, addr, len)}: writes this process's memory at {@code addr} to the file at
     * its position, read as {@code copy_from_user} reads it. A shmem file allocates and dirties
     * its pages and grows past its end; every mapping of the file sees the bytes. A full pipe
     * with a reader sleeps until there is room or the last reader closes, as {@link #read} does.
     *
     * @param fd an open file descriptor
     * @param addr the buffer in this process's memory
     * @param len the bytes to write
     * @return the bytes written: fewer than {@code len} when the buffer faults part way
     * @throws ErrnoException EBADF, EFAULT (as for {@link #read}), ENOMEM (no page for the file)
     */
    long write(int fd, long addr, long len);

    /**
     * {@code lseek(fd, offset, whence)} with {@code SEEK_SET}, {@code SEEK_CUR}, {@code SEEK_END}
     * (the position may lie past the end of the file), {@code SEEK_DATA} or {@code SEEK_HOLE} (the
     * next page with data, or the next hole; the end of the file is a hole).
     *
     * @param fd an open file descriptor
     * @param offset the offset, relative as {@code whence} says
     * @param whence a {@code SEEK_*} value
     * @return the new position
     * @throws ErrnoException EBADF; EINVAL for a negative result or an unknown whence; ENXIO for
     *     SEEK_DATA/SEEK_HOLE at or past EOF, or SEEK_DATA with no data after the offset
     */
    long lseek(int fd, long offset, int whence);

    /**
     * {@code ioctl(fd, cmd, arg)}: the generic commands of {@code fs/ioctl.c} — {@code FIOCLEX} and
     * {@code FIONCLEX} (close-on-exec), {@code FIONBIO} and {@code FIOASYNC} (read an {@code int}
     * at {@code arg}; FIOASYNC needs a file that can signal, ENOTTY otherwise), {@code FIOQSIZE}
     * (writes the file's allocated bytes as a {@code loff_t} at {@code arg}), {@code FIONREAD}
     * (writes size minus position as an {@code int}); then the file type's own commands. Structs
     * are read and written in this process's memory.
     *
     * @param fd an open file descriptor
     * @param cmd the command
     * @param arg the argument: a value, or the address of a struct in this process's memory
     * @return 0, or the command's result
     * @throws ErrnoException EBADF, EFAULT (the argument cannot be read or written), ENOTTY (no
     *     such command for this file)
     */
    long ioctl(int fd, int cmd, long arg);

    /**
     * {@code fcntl(fd, cmd, arg)} for {@code F_GETFD}, {@code F_SETFD} ({@code FD_CLOEXEC}) and
     * {@code F_GETFL} (access mode and status flags, e.g. {@code O_RDWR|O_LARGEFILE} for a memfd),
     * {@code F_ADD_SEALS} and {@code F_GET_SEALS} ({@code F_SEAL_*} bits of a memfd).
     *
     * @param fd an open file descriptor
     * @param cmd the command
     * @param arg the command's argument
     * @return the command's result
     * @throws ErrnoException EBADF; for seals EPERM, EINVAL and EBUSY as {@code memfd_add_seals};
     *         EINVAL for other commands, which are not modelled
     */
    long fcntl(int fd, int cmd, long arg);

    /**
     * {@code poll(fds, nfds, timeout)}: reads {@code nfds} {@code struct pollfd} at {@code fds}
     * in this process's memory and writes back each {@code revents}: the requested events the file
     * has ready (a shmem file is always ready to read and write), plus POLLERR/POLLHUP, POLLNVAL
     * for a descriptor that is not open, 0 for a negative one. With nothing ready, a negative
     * timeout sleeps until something is (another thread writes a pipe, closes an end, or a
     * process exits), as {@link #read} sleeps; any other timeout returns 0 at once, since the
     * model has no clock.
     *
     * @param fds the address of the {@code struct pollfd} array in this process's memory
     * @param nfds the number of entries
     * @param timeoutMs the timeout in milliseconds: negative waits for ever, others do not wait
     * @return how many entries have events
     * @throws ErrnoException EINVAL (more than 1024 entries), EFAULT (the array cannot be read or written)
     */
    long poll(long fds, long nfds, int timeoutMs);

    /**
     * The working directory of every process of a machine, a tmpfs directory: relative paths are
     * looked up there, and /proc/PID/maps shows its files as {@code WORKING_DIRECTORY/NAME}.
     */
    String WORKING_DIRECTORY = "/dev/shm/mmkit";

    /**
     * {@code openat(dirfd, path, flags, mode)}: opens or creates a file by path. The path is read
     * from this process's memory as a C string. A relative path names a file of the working
     * directory ({@link #WORKING_DIRECTORY}; {@code "."} is the directory itself), or of the
     * directory open as {@code dirfd}; {@code /proc/self/fd/N} and {@code /proc/PID/fd/N} reopen
     * the file of descriptor N with a new access mode and position. Files are tmpfs files: they
     * can be mapped, and live on after {@link #unlinkat} while open or mapped. The access mode
     * ({@code O_RDONLY}, {@code O_WRONLY}, {@code O_RDWR}, or {@code O_PATH}) decides which calls
     * the descriptor allows; {@code O_CREAT}, {@code O_EXCL}, {@code O_TRUNC}, {@code O_APPEND},
     * {@code O_DIRECTORY} and {@code O_CLOEXEC} work as in Linux; unknown flags are ignored.
     *
     * @param dirfd {@link Uapi#AT_FDCWD}, or a descriptor of the directory
     * @param path the address of the NUL-terminated path in this process's memory
     * @param flags {@code O_*} flags of {@link Uapi}
     * @param mode the permission bits of a created file, less the umask 022
     * @return the lowest free descriptor
     * @throws ErrnoException EFAULT (unreadable path), ENAMETOOLONG, ENOENT, EEXIST, EISDIR,
     *     ENOTDIR, EBADF (dirfd), EPERM (O_TRUNC on a sealed file), EMFILE
     * @throws UnsupportedOperationException for a path with {@code ..}, which leaves the model's one directory
     */
    int openat(int dirfd, long path, int flags, int mode);

    /**
     * {@code unlinkat(dirfd, path, flags)}: removes a file's name; the file lives on while a
     * descriptor or a mapping holds it, and /proc/PID/maps then shows its name with
     * {@code " (deleted)"}.
     *
     * @param dirfd {@link Uapi#AT_FDCWD}, or a descriptor of the directory
     * @param path the address of the NUL-terminated path in this process's memory
     * @param flags 0, or {@link Uapi#AT_REMOVEDIR}
     * @throws ErrnoException EINVAL (flags), EFAULT, ENOENT, EISDIR, ENOTDIR
     */
    void unlinkat(int dirfd, long path, int flags);

    /**
     * {@code dup(fd)}: the lowest free descriptor refers to the same open file (position and
     * status flags shared); close-on-exec is clear.
     *
     * @param fd an open descriptor (O_PATH ones too)
     * @return the new descriptor
     * @throws ErrnoException EBADF, EMFILE
     */
    int dup(int fd);

    /**
     * {@code dup2(oldfd, newfd)}: {@code newfd} refers to the open file of {@code oldfd}, after
     * closing what it referred to; the same descriptor twice is returned unchanged.
     *
     * @param oldfd an open descriptor
     * @param newfd the descriptor to use, below RLIMIT_NOFILE (1024)
     * @return {@code newfd}
     * @throws ErrnoException EBADF
     */
    int dup2(int oldfd, int newfd);

    /**
     * {@code dup3(oldfd, newfd, flags)}: {@link #dup2}, with close-on-exec from {@code O_CLOEXEC}.
     *
     * @param oldfd an open descriptor
     * @param newfd the descriptor to use, below RLIMIT_NOFILE (1024)
     * @param flags 0 or {@link Uapi#O_CLOEXEC}
     * @return {@code newfd}
     * @throws ErrnoException EINVAL (other flags, or the same descriptor twice), EBADF
     */
    int dup3(int oldfd, int newfd, int flags);

    /**
     * {@code fstat(fd, buf)}: writes a {@code struct stat} ({@link org.mmkit.core.abi.StatLayout})
     * to this process's memory: inode number, mode, link count (0 for memfds and unlinked files),
     * owner, size, block size 4096 and 512-byte blocks; times are 0.
     *
     * @param fd an open descriptor (O_PATH ones too)
     * @param buf the address of the struct in this process's memory
     * @throws ErrnoException EBADF, EFAULT
     */
    void fstat(int fd, long buf);

    /**
     * {@code pread64(fd, addr, len, offset)}: {@link #read} at {@code offset}, leaving the file position.
     *
     * @param fd a descriptor open for reading
     * @param addr the buffer in this process's memory
     * @param len the most bytes to read
     * @param offset the file offset
     * @return the bytes read
     * @throws ErrnoException EINVAL (negative offset), EBADF, ESPIPE (a pipe), EFAULT
     */
    long pread(int fd, long addr, long len, long offset);

    /**
     * {@code pwrite64(fd, addr, len, offset)}: {@link #write} at {@code offset}, leaving the file
     * position; on an {@code O_APPEND} file it writes at the end, as Linux does.
     *
     * @param fd a descriptor open for writing
     * @param addr the buffer in this process's memory
     * @param len the bytes to write
     * @param offset the file offset
     * @return the bytes written
     * @throws ErrnoException EINVAL (negative offset), EBADF, ESPIPE (a pipe), EFAULT, EPERM (seals)
     */
    long pwrite(int fd, long addr, long len, long offset);

    /**
     * {@code readv(fd, iov, count)}: {@link #read} into the buffers of {@code count}
     * {@code struct iovec} ({@link org.mmkit.core.abi.IovecLayout}) at {@code iov}, in order; a
     * buffer that faults ends the call with the bytes read before it.
     *
     * @param fd a descriptor open for reading
     * @param iov the address of the iovec array in this process's memory
     * @param count the number of iovecs, at most {@link Uapi#UIO_MAXIOV}
     * @return the bytes read
     * @throws ErrnoException EBADF, EINVAL (too many iovecs, a negative length), EFAULT
     */
    long readv(int fd, long iov, long count);

    /**
     * {@code writev(fd, iov, count)}: {@link #write} from the buffers of the iovecs, as {@link #readv}.
     *
     * @param fd a descriptor open for writing
     * @param iov the address of the iovec array in this process's memory
     * @param count the number of iovecs, at most {@link Uapi#UIO_MAXIOV}
     * @return the bytes written
     * @throws ErrnoException EBADF, EINVAL, EFAULT, EPERM (seals)
     */
    long writev(int fd, long iov, long count);

    /**
     * {@code preadv(fd, iov, count, offset)}: {@link #readv} at {@code offset}, leaving the file position.
     *
     * @param fd a descriptor open for reading
     * @param iov the address of the iovec array in this process's memory
     * @param count the number of iovecs
     * @param offset the file offset
     * @return the bytes read
     * @throws ErrnoException EINVAL (negative offset, too many iovecs), EBADF, ESPIPE, EFAULT
     */
    long preadv(int fd, long iov, long count, long offset);

    /**
     * {@code pwritev(fd, iov, count, offset)}: {@link #writev} at {@code offset}, leaving the file position.
     *
     * @param fd a descriptor open for writing
     * @param iov the address of the iovec array in this process's memory
     * @param count the number of iovecs
     * @param offset the file offset
     * @return the bytes written
     * @throws ErrnoException EINVAL, EBADF, ESPIPE, EFAULT, EPERM (seals)
     */
    long pwritev(int fd, long iov, long count, long offset);

    /**
     * {@code pipe2(fds, flags)}: a new pipe; its read end and write end, the two lowest free
     * descriptors, are written as two {@code int} at {@code fds}. Reads and writes move bytes
     * between the pipe and this process's memory; a write with no read end open fails with EPIPE
     * (the process is taken to ignore SIGPIPE). Nothing can wait for another thread's call yet:
     * a read of an empty pipe with a writer, or a write to a full one, without {@code O_NONBLOCK}
     * throws {@link IllegalStateException} (it would block for ever).
     *
     * @param fds the address of {@code int[2]} in this process's memory
     * @param flags 0, or {@link Uapi#O_CLOEXEC} and {@link Uapi#O_NONBLOCK}
     * @throws ErrnoException EINVAL (other flags), EFAULT (then no descriptor is open), EMFILE
     * @throws UnsupportedOperationException for O_DIRECT (packet mode), which is not modelled
     */
    void pipe2(long fds, int flags);

    /**
     * {@code fork()}: a child with a copy-on-write copy of this address space.
     *
     * @return the child process
     * @throws ErrnoException ENOMEM when memory runs out while copying
     */
    SimProcess fork();

    /** {@code exit()}: frees the address space and closes every descriptor. */
    void exit();

    /**
     * The main thread, which {@code load}/{@code store} of this interface use.
     *
     * @return the thread created with the process
     */
    SimThread mainThread();

    /**
     * A new thread sharing this address space ({@code clone(CLONE_VM)}), with its own TLB.
     *
     * @return the new thread
     */
    SimThread newThread();

    /**
     * {@link SimThread#load} on the main thread.
     *
     * @param addr the first byte to read
     * @param dst receives {@code dst.length} bytes
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    default void load(long addr, byte[] dst) {
        mainThread().load(addr, dst);
    }

    /**
     * {@link SimThread#store} on the main thread.
     *
     * @param addr the first byte to write
     * @param src the bytes to write
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    default void store(long addr, byte[] src) {
        mainThread().store(addr, src);
    }

    /**
     * {@link SimThread#loadLong} on the main thread.
     *
     * @param addr the address of the first of 8 bytes
     * @return the little-endian value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    default long loadLong(long addr) {
        return mainThread().loadLong(addr);
    }

    /**
     * {@link SimThread#storeLong} on the main thread.
     *
     * @param addr the address of the first of 8 bytes
     * @param value the value, stored little-endian
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    default void storeLong(long addr, long value) {
        mainThread().storeLong(addr, value);
    }

    /**
     * {@code getrlimit}: writes the soft and hard limit of a resource as a {@code struct rlimit}
     * ({@link org.mmkit.core.abi.RlimitLayout}) to this process's memory. The model keeps
     * {@link Uapi#RLIMIT_DATA}, {@link Uapi#RLIMIT_MEMLOCK} and {@link Uapi#RLIMIT_AS}; a process
     * starts with no AS or DATA limit and 8 MiB of MEMLOCK, and fork copies the limits.
     *
     * @param resource an {@code RLIMIT_*} number of {@link Uapi}, taken as the kernel's unsigned int
     * @param addr where to write the {@code struct rlimit}
     * @throws ErrnoException EINVAL for a resource number of at least {@link Uapi#RLIM_NLIMITS};
     *         EFAULT if {@code addr} cannot be written
     * @throws UnsupportedOperationException for a resource the model does not keep
     */
    void getrlimit(long resource, long addr);

    /**
     * {@code setrlimit}: sets the soft and hard limit of a resource from the {@code struct rlimit}
     * at {@code addr}. Lowering is always allowed; raising the hard limit needs a privileged
     * process (CAP_SYS_RESOURCE).
     *
     * @param resource an {@code RLIMIT_*} number of {@link Uapi}
     * @param addr where the {@code struct rlimit} is
     * @throws ErrnoException EFAULT if it cannot be read; EINVAL for a bad resource or a soft
     *         limit above the hard one; EPERM for raising the hard limit unprivileged
     * @throws UnsupportedOperationException for a resource the model does not keep
     */
    void setrlimit(long resource, long addr);

    /**
     * {@code prlimit64}: sets and reads the limits of a resource of this or another process,
     * as {@link #setrlimit} and {@link #getrlimit} do.
     *
     * @param pid the process ({@link #pid()}), 0 for this one
     * @param resource an {@code RLIMIT_*} number of {@link Uapi}
     * @param newLimits the {@code struct rlimit64} to set, or 0 to set nothing
     * @param oldLimits where to write the limits before the call, or 0
     * @throws ErrnoException as {@link #setrlimit}; ESRCH for an unknown pid; EPERM for an
     *         unprivileged process changing a privileged one
     * @throws UnsupportedOperationException for a resource the model does not keep
     */
    void prlimit64(int pid, long resource, long newLimits, long oldLimits);

    /**
     * {@code brk}: moves the program break, growing or shrinking the heap ({@code [heap]} in
     * maps). The model's heap starts empty at 16 MiB ({@code brk(0)} returns it). Growth is
     * refused below the start, past RLIMIT_DATA or RLIMIT_AS, within a page of another mapping,
     * or past RLIMIT_MEMLOCK after {@code mlockall(MCL_FUTURE)} (which also faults the growth in);
     * shrinking a sealed heap is refused too.
     *
     * @param addr the new break; 0 (or anything refused) only reads it
     * @return the break after the call: {@code addr}, or the old break if the move was refused
     */
    long brk(long addr);

    /**
     * {@code mseal}: seals every VMA of a range ({@code sl} in smaps), so munmap, mremap,
     * mprotect, mmap MAP_FIXED over it and brk shrinking it fail with EPERM, and so does an
     * madvise that would discard data ({@code MADV_DONTNEED}, {@code MADV_FREE}, …) from private
     * anonymous memory that is not writable. Seals are never removed; fork copies them.
     *
     * @param addr the start, page aligned
     * @param len the length, rounded up to pages
     * @param flags must be 0
     * @throws ErrnoException EINVAL for flags, an unaligned start or a wrapping range; ENOMEM if
     *         part of the range is unmapped (then nothing is sealed)
     */
    void mseal(long addr, long len, long flags);

    /**
     * {@code prctl(PR_SET_VMA, operation, addr, len, name)}: with
     * {@link Uapi#PR_SET_VMA_ANON_NAME}, names the anonymous and shared anonymous VMAs of a range
     * ({@code [anon:NAME]} and {@code [anon_shmem:NAME]} in maps); VMAs with different names do
     * not merge. Needs {@link KernelConfig#anonVmaName}.
     *
     * @param operation {@link Uapi#PR_SET_VMA_ANON_NAME}
     * @param addr the start, page aligned
     * @param len the length, rounded up to pages
     * @param name the address of a NUL-terminated name in this process's memory, or 0 to clear
     * @throws ErrnoException EINVAL without CONFIG_ANON_VMA_NAME, for another operation, a name of
     *         80 bytes or more or with a byte outside 0x20..0x7e or one of {@code \ ` $ [ ]}, an
     *         unaligned start or a wrapping range; EFAULT for an unreadable name; EBADF at a file
     *         mapping; ENOMEM where the range is unmapped (the mapped parts are named)
     */
    void prctlSetVma(long operation, long addr, long len, long name);

    /**
     * The text of {@code /proc/PID/maps}.
     *
     * @return one line per VMA, as Linux formats it
     */
    String maps();

    /**
     * The text of {@code /proc/PID/smaps}.
     *
     * @return each VMA's maps line followed by its memory counters
     */
    String smaps();

    /**
     * The memory lines of {@code /proc/PID/status}: VmPeak, VmSize, VmLck, VmPin, VmHWM, VmRSS,
     * RssAnon, RssFile, RssShmem, VmData, VmStk, VmExe, VmLib, VmPTE, VmSwap and HugetlbPages, as
     * Linux formats them ({@code Name:\t   value kB}); the other lines of the file are left out.
     *
     * @return the lines, each ending in a newline
     */
    String status();

    /**
     * The text of {@code /proc/PID/statm}.
     *
     * @return size, resident, shared, text, lib, data and dt in pages on one line
     */
    String statm();

    /**
     * The text of {@code /proc/PID/smaps_rollup}: the smaps counters summed over every VMA.
     *
     * @return a header line naming {@code [rollup]} and the summed fields
     */
    String smapsRollup();

    /**
     * {@code pread} on this process's {@code /proc/PID/pagemap}, opened by this process. Decode
     * the entries with {@link org.mmkit.core.abi.PagemapEntryLayout}.
     *
     * @param offset the file offset: {@code address / PAGE_SIZE * 8}, a multiple of 8
     * @param buf receives the little-endian 8-byte entries
     * @return bytes read (0 at EOF)
     * @throws ErrnoException EINVAL for an offset or length that is not a multiple of 8
     */
    int pagemapRead(long offset, byte[] buf);
}
