# read() into a buffer shared copy-on-write after fork writes like a CPU store: the reader gets
# a page of its own and the other process keeps the old bytes. Descriptors are shared by fork,
# with one file position.
# Source: kernel/fork.c dup_fd, mm/memory.c do_wp_page reached from the uaccess fault.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("cow", 0)
store(buf, "ab")
write(fd, buf, 2) = 2
fork() => child
pfn(buf) == pfn(child, buf)
in child: lseek(fd, 0, SEEK_CUR) = 2
in child: lseek(fd, 0, SEEK_SET) = 0
lseek(fd, 0, SEEK_CUR) = 0
store(buf, "zz")
in child: read(fd, buf, 2) = 2
lseek(fd, 0, SEEK_CUR) = 2
in child: load(buf, 2) == "ab"
load(buf, 2) == "zz"
pfn(buf) != pfn(child, buf)
# untouched memory read() fills is allocated as on a store
z = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
lseek(fd, 0, SEEK_SET) = 0
read(fd, z, 2) = 2
pagemap(z, 1) == present|exclusive
load(z, 2) == "ab"
