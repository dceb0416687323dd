# /proc/self/mem reads the process's memory at file offset = address, through GUP with
# FOLL_FORCE: a PROT_NONE mapping reads as if readable, a read that runs into unmapped memory
# stops there, and one that starts there is EIO. lseek takes SEEK_SET and SEEK_CUR only.
# Source: fs/proc/base.c mem_rw, mem_lseek; mm/memory.c __access_remote_vm; mm/gup.c check_vma_flags.
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x5a)
store(a+PAGE, PAGE, 0x6b)
fd = open("/proc/self/mem", O_RDONLY, 0)
pread(fd, buf, 8, a+PAGE-4) = 8
load(buf, 8) == 0x5a*4 0x6b*4
mprotect(a, PAGE, PROT_NONE) = 0
pread(fd, buf, 4, a) = 4
load(buf, 4) == 0x5a
# a read past the end of the mapping stops at it; a read that starts there is EIO
munmap(a+PAGE, PAGE) = 0
pread(fd, buf, 2*PAGE, a+PAGE-16) = 16
pread(fd, buf, 8, a+PAGE) = -1 EIO
# a page never touched is faulted in for the read
u = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pread(fd, buf, 8, u) = 8
load(buf, 8) == 0
# the file position is an address too; nothing is mapped at 4100
lseek(fd, 4096, SEEK_SET) = 4096
lseek(fd, 4, SEEK_CUR) = 4100
lseek(fd, 0, SEEK_END) = -1 EINVAL
read(fd, buf, 4) = -1 EIO
