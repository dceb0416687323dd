# /proc/PID/clear_refs is a write-only regular file of size 0 and mode 0200 owned by the
# process's user: its owner opens it for writing only (reading or O_RDWR is EACCES), root opens
# it any way (CAP_DAC_OVERRIDE), and a read is EINVAL (no ->read). lseek is noop_llseek (the
# position stays 0 whatever is asked), a write does not move it and pwrite's offset is ignored
# (a negative one still EINVAL); ftruncate succeeds and changes nothing, fallocate is
# EOPNOTSUPP, mmap ENODEV, PROT_EXEC EPERM (procfs is noexec).
# Source: fs/proc/base.c REG("clear_refs", S_IWUSR, ...), proc_setattr; fs/proc/task_mmu.c
# proc_clear_refs_operations; fs/namei.c may_open, generic_permission; fs/read_write.c.
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
fstat(cr, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|0200, st_size=0}
lseek(cr, 100, SEEK_SET) = 0
lseek(cr, 5, SEEK_END) = 0
write(cr, "1", 1) = 1
lseek(cr, 0, SEEK_CUR) = 0
pwrite(cr, "1", 1, 77) = 1
pwrite(cr, "1", 1, -1) = -1 EINVAL
read(cr, buf, 4) = -1 EBADF
ftruncate(cr, 0) = 0
rw = open("/proc/self/clear_refs", O_RDWR, 0)
read(rw, buf, 4) = -1 EINVAL
write(rw, "2", 1) = 1
fallocate(rw, 0, 0, 1) = -1 EOPNOTSUPP
mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, rw, 0) = -1 ENODEV
mmap(NULL, PAGE, PROT_READ|PROT_EXEC, MAP_SHARED, rw, 0) = -1 EPERM
r = open("/proc/self/clear_refs", O_RDONLY, 0)
read(r, buf, 4) = -1 EINVAL
write(r, "1", 1) = -1 EBADF
open("/proc/self/clear_refs", O_RDONLY|O_CREAT|O_EXCL, 0600) = -1 EEXIST
process u unprivileged
in u: ubuf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: open("/proc/self/clear_refs", O_RDONLY, 0) = -1 EACCES
in u: open("/proc/self/clear_refs", O_RDWR, 0) = -1 EACCES
in u: open("/proc/self/clear_refs", O_WRONLY|O_TRUNC, 0) = 3
in u: w = open("/proc/self/clear_refs", O_WRONLY, 0)
in u: write(w, "3", 1) = 1
in u: fstat(w, ubuf) = 0
in u: load(ubuf, stat) == {st_mode=S_IFREG|0200, st_size=0}
