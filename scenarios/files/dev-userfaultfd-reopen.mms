# /dev/userfaultfd reopened through /proc/self/fd/N opens the device again (a character device,
# not an anonymous inode): the new file makes contexts with USERFAULTFD_IOC_NEW as the first one
# does. O_DIRECTORY is ENOTDIR as for any file that is no directory.
# Source: fs/proc/fd.c proc_fd_link; fs/userfaultfd.c userfaultfd_dev_fops; fs/namei.c do_open.
requires: uffd
requires: root
dev = open("/dev/userfaultfd", O_RDWR, 0) = 3
again = open("/proc/self/fd/3", O_RDWR, 0)
u = ioctl(again, USERFAULTFD_IOC_NEW, O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0}) = 0 {features=0x1ffff, ioctls=0x8000000000000003}
ioctl(again, UFFDIO_API, {api=UFFD_API, features=0}) = -1 EINVAL
open("/proc/self/fd/3", O_RDWR|O_DIRECTORY, 0) = -1 ENOTDIR
