# unlink() removes the name only: a file still mapped or open lives on with its bytes, and
# /proc/PID/maps shows its path with " (deleted)"; fstat shows 0 links. A new file of the same
# name is another file. A file whose descriptors are all closed stays while a directory links it.
# Source: mm/shmem.c shmem_unlink; fs/d_path.c d_path (" (deleted)"); fs/proc/task_mmu.c.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("f", O_RDWR|O_CREAT, 0600)
ftruncate(fd, PAGE) = 0
m = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m, "kept")
close(fd) = 0
maps(m) == m..m+PAGE rw-s "f"
again = open("f", O_RDONLY, 0)
read(again, buf, 4) = 4
load(buf, 4) == "kept"
close(again) = 0
unlink("f") = 0
unlink("f") = -1 ENOENT
open("f", O_RDONLY, 0) = -1 ENOENT
maps(m) == m..m+PAGE rw-s "f (deleted)"
load(m, 4) == "kept"
fresh = open("f", O_RDWR|O_CREAT|O_EXCL, 0600)
fstat(fresh, buf) = 0
load(buf, stat) == {st_size=0, st_nlink=1}
n = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fresh, 0)
maps(n) == n..n+PAGE r--s "f"
maps(m) == m..m+PAGE rw-s "f (deleted)"
store(m+PAGE-1, 1, 7)
munmap(m, PAGE) = 0
