# O_TMPFILE makes an unnamed regular file in the directory the path names: it needs write access
# (O_RDONLY is EINVAL) and may not come with O_CREAT (EINVAL); a path naming nothing is ENOENT, a
# file ENOTDIR. The file has the mode asked less the umask and no link; it can be sized, written,
# mapped and reopened through /proc/self/fd, and maps names it "#INODE (deleted)" in the
# directory (the runner prints the inode as INO). O_PATH drops O_TMPFILE's own bit: what is left,
# O_DIRECTORY, opens the directory, and such a descriptor serves openat as a directory (an O_PATH
# dirfd is enough). F_GETFL keeps O_TMPFILE (do_dentry_open drops only O_CREAT, O_EXCL, O_NOCTTY
# and O_TRUNC).
# Source: fs/open.c build_open_flags, do_dentry_open; fs/namei.c do_tmpfile, vfs_tmpfile;
# mm/shmem.c shmem_tmpfile.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
open(".", O_TMPFILE|O_RDONLY, 0600) = -1 EINVAL
open(".", O_TMPFILE|O_RDWR|O_CREAT, 0600) = -1 EINVAL
open("none", O_TMPFILE|O_RDWR, 0600) = -1 ENOENT
f = open("f", O_RDWR|O_CREAT, 0600)
open("f", O_TMPFILE|O_RDWR, 0600) = -1 ENOTDIR
t = open(".", O_TMPFILE|O_RDWR, 0640)
fcntl(t, F_GETFL, 0) = O_TMPFILE|O_RDWR|O_LARGEFILE
fstat(t, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|0640, st_nlink=0, st_size=0}
store(buf+512, "unnamed")
write(t, buf+512, 7) = 7
m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, t, 0)
load(m, 7) == "unnamed"
maps
w = open("./", O_TMPFILE|O_WRONLY|O_EXCL|O_TRUNC, 07777)
fstat(w, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|07755, st_nlink=0}
r = open("/proc/self/fd/4", O_RDONLY, 0)
lseek(r, 0, SEEK_END) = 7
dp = open(".", O_TMPFILE|O_PATH, 0)
fstat(dp, buf) = 0
load(buf, stat) == {st_mode=S_IFDIR|0777}
tt = openat(dp, ".", O_TMPFILE|O_RDWR, 0600)
