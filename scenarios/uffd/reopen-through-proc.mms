# A userfaultfd is an anonymous inode with no open of its own (no_open): reopening it through
# /proc/self/fd/N is ENXIO in every access mode, and only an O_PATH open of the link works, whose
# descriptor cannot be reopened either. Found by mmkit fuzz (the generator reopened the uffd).
# Source: fs/anon_inodes.c (alloc_anon_inode), fs/libfs.c (no_open), fs/open.c (do_dentry_open, O_PATH).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
open("/proc/self/fd/3", O_RDWR, 0) = -1 ENXIO
open("/proc/self/fd/3", O_RDONLY, 0) = -1 ENXIO
open("/proc/self/fd/3", O_WRONLY, 0) = -1 ENXIO
up = open("/proc/self/fd/3", O_PATH, 0)
open("/proc/self/fd/4", O_RDONLY, 0) = -1 ENXIO
open("/proc/self/fd/3", O_RDONLY|O_DIRECTORY, 0) = -1 ENOTDIR
