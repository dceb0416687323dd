# Files by path after fork: parent and child share the working directory and the open files of
# their descriptors (one position), while a file either opens later is its own open file. A name
# one process unlinks is gone for the other; a file the child creates is there for the parent.
# Source: kernel/fork.c copy_files, copy_fs; fs/namei.c.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("shared", O_RDWR|O_CREAT, 0600)
store(buf, "0123456789")
write(fd, buf, 10) = 10
fork() => child
in child: lseek(fd, 2, SEEK_SET) = 2
lseek(fd, 0, SEEK_CUR) = 2
in child: own = open("shared", O_RDONLY, 0)
in child: read(own, buf, 4) = 4
in child: load(buf, 4) == "0123"
lseek(fd, 0, SEEK_CUR) = 2
in child: made = creat("by-child", 0644)
in child: write(made, buf, 4) = 4
theirs = open("by-child", O_RDONLY, 0)
read(theirs, buf+100, 10) = 4
load(buf+100, 4) == "0123"
unlink("shared") = 0
in child: open("shared", O_RDONLY, 0) = -1 ENOENT
in child: pread(fd, buf, 3, 7) = 3
in child: load(buf, 3) == "789"
