# The working directory is a tmpfs directory: "." opens it read-only or O_PATH (fstat: a directory
# with two links), read() on it is EISDIR, mmap() ENODEV, and opening it for writing or with
# O_CREAT is EISDIR (O_CREAT|O_EXCL: EEXIST). openat() resolves relative paths from a directory
# descriptor; from a file descriptor it is ENOTDIR, and so is a path through a file or O_DIRECTORY
# on a file; a path through a missing directory is ENOENT. unlink(".") is EISDIR.
# Source: fs/namei.c do_open, may_open, link_path_walk, do_unlinkat; fs/libfs.c generic_read_dir.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
dir = open(".", O_RDONLY, 0)
fstat(dir, buf) = 0
load(buf, stat) == {st_mode=S_IFDIR|0777, st_nlink=2}
read(dir, buf, 10) = -1 EISDIR
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, dir, 0) = -1 ENODEV
open(".", O_RDWR, 0) = -1 EISDIR
open(".", O_WRONLY, 0) = -1 EISDIR
open(".", O_RDONLY|O_CREAT, 0600) = -1 EISDIR
open(".", O_RDONLY|O_CREAT|O_EXCL, 0600) = -1 EEXIST
open("", O_RDONLY, 0) = -1 ENOENT
dp = open(".", O_PATH, 0)
f = openat(dir, "f", O_RDWR|O_CREAT, 0600)
g = openat(dp, "./f", O_RDONLY, 0)
openat(f, "x", O_RDONLY, 0) = -1 ENOTDIR
openat(999, "x", O_RDONLY, 0) = -1 EBADF
openat(999, "/proc/self/fd/999", O_RDONLY, 0) = -1 ENOENT
open("f/x", O_RDONLY, 0) = -1 ENOTDIR
open("nodir/x", O_RDONLY|O_CREAT, 0600) = -1 ENOENT
open("f", O_RDONLY|O_DIRECTORY, 0) = -1 ENOTDIR
open(".//f", O_RDONLY, 0) = 7
unlink(".") = -1 EISDIR
unlinkat(AT_FDCWD, "f", AT_REMOVEDIR) = -1 ENOTDIR
unlinkat(AT_FDCWD, "f", 1) = -1 EINVAL
unlinkat(dir, "f", 0) = 0
lseek(dir, 0, SEEK_SET) = 0
