# O_TRUNC empties an existing regular file at open, even when it is opened read-only (it asks
# for write permission, which root has): its pages leave every mapping, so a shared mapping then
# gets SIGBUS past the new end. A file created by the same open is not truncated again.
# Source: fs/namei.c do_open (will_truncate), handle_truncate; mm/shmem.c shmem_setattr.
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("f", O_RDWR|O_CREAT|O_TRUNC, 0600)
ftruncate(fd, 2*PAGE) = 0
m = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m, 2*PAGE, 0x5a)
pagemap(m, 2) == present|file|exclusive
r = open("f", O_RDONLY|O_TRUNC, 0)
fstat(fd, buf) = 0
load(buf, stat) == {st_size=0, st_blocks=0}
pagemap(m, 2) == none, none
load(m, 1) => SIGBUS BUS_ADRERR at m
ftruncate(fd, PAGE) = 0
load(m, 1) == 0
read(r, buf, 10) = 10
load(buf, 10) == 0
