# open() with O_CREAT makes a tmpfs file in the scenario's own directory, with the mode asked for
# less the umask 022; O_CREAT|O_EXCL on an existing name is EEXIST; without O_CREAT a missing name
# is ENOENT; creat() is open(O_CREAT|O_WRONLY|O_TRUNC). The open file's flags (F_GETFL) keep the
# access mode and O_LARGEFILE, not O_CREAT, O_EXCL, O_TRUNC or O_CLOEXEC.
# Source: fs/open.c do_sys_openat2, build_open_flags, do_dentry_open; fs/namei.c open_last_lookups,
# do_open; mm/shmem.c shmem_mknod.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
open("data", O_RDWR, 0) = -1 ENOENT
fd = open("data", O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0666)
fcntl(fd, F_GETFL, 0) = O_RDWR|O_LARGEFILE
fcntl(fd, F_GETFD, 0) = FD_CLOEXEC
fstat(fd, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|0644, st_nlink=1, st_size=0, st_blocks=0, st_blksize=4096}
open("data", O_RDWR|O_CREAT|O_EXCL, 0600) = -1 EEXIST
open("./data", O_CREAT|O_EXCL|O_WRONLY, 0600) = -1 EEXIST
again = open("data", O_RDWR|O_CREAT, 0600)
fstat(again, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|0644}
w = creat("other", 0777)
fcntl(w, F_GETFL, 0) = O_WRONLY|O_LARGEFILE
fstat(w, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|0755, st_nlink=1}
zero = creat("private", 0)
fstat(zero, buf) = 0
load(buf, stat) == {st_mode=S_IFREG}
store(buf, "abc")
write(zero, buf, 3) = 3
close(zero) = 0
close(w) = 0
close(again) = 0
close(fd) = 0
