# /proc/PID/status, statm, smaps_rollup, maps and smaps open by path and read with read() and
# pread() into a mapping. Their text differs between the backends (the kernel backend's executor
# has its own mappings, name and ids), so this scenario compares what is the same: the files are
# regular, of size 0 and mode 0444; a read of 0 bytes or past the end gives 0; lseek takes
# SEEK_SET and SEEK_CUR to positions that are not negative (SEEK_END and SEEK_DATA are EINVAL);
# write on a read-only descriptor is EBADF, and on one root opened for writing EINVAL (no
# ->write); ftruncate of it succeeds and changes nothing, fallocate is EOPNOTSUPP; mmap is ENODEV,
# PROT_EXEC EPERM (procfs is noexec); a buffer that cannot be written is EFAULT. An unprivileged
# process cannot open them for writing (EACCES). (That it cannot read another user's maps, smaps or
# smaps_rollup, but may read their status and statm, is unit-tested: a path cannot name a pid.)
# Source: fs/seq_file.c seq_read_iter, seq_lseek; fs/proc/base.c proc_pid_status, proc_pid_statm,
# proc_maps_open (proc_mem_open); fs/read_write.c vfs_write; fs/namei.c may_open.
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
st = open("/proc/self/status", O_RDONLY, 0)
fstat(st, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|0444, st_size=0}
read(st, buf, 0) = 0
pread(st, buf, 10, 0x40000000) = 0
pread(st, buf, 6, 0) = 6
lseek(st, 0, SEEK_END) = -1 EINVAL
lseek(st, 0, SEEK_DATA) = -1 EINVAL
lseek(st, -1, SEEK_SET) = -1 EINVAL
lseek(st, 5, SEEK_SET) = 5
lseek(st, 3, SEEK_CUR) = 8
lseek(st, -9, SEEK_CUR) = -1 EINVAL
write(st, buf, 1) = -1 EBADF
ftruncate(st, 0) = -1 EINVAL
fallocate(st, 0, 0, 1) = -1 EBADF
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, st, 0) = -1 ENODEV
mmap(NULL, PAGE, PROT_READ|PROT_EXEC, MAP_PRIVATE, st, 0) = -1 EPERM
read(st, 8, 100) = -1 EFAULT
pread(st, buf, 4, -1) = -1 EINVAL
w = open("/proc/self/statm", O_RDWR, 0)
write(w, buf, 1) = -1 EINVAL
ftruncate(w, 0) = 0
fallocate(w, 0, 0, 1) = -1 EOPNOTSUPP
open("/proc/self/maps", O_RDONLY|O_CREAT|O_EXCL, 0600) = -1 EEXIST
open("/proc/self/smaps", O_RDONLY|O_DIRECTORY, 0) = -1 ENOTDIR
open("/proc/self/smaps_rollup", O_WRONLY, 0) = 5
r = open("/proc/self/smaps_rollup", O_RDONLY, 0)
fstat(r, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|0444, st_size=0}
lseek(r, 0, SEEK_END) = -1 EINVAL
process u unprivileged
in u: ubuf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: open("/proc/self/status", O_WRONLY, 0) = -1 EACCES
in u: open("/proc/self/maps", O_RDWR, 0) = -1 EACCES
in u: m = open("/proc/self/maps", O_RDONLY, 0)
in u: read(m, ubuf, 0) = 0
