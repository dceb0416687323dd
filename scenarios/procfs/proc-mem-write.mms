# Writes through /proc/self/mem use GUP with FOLL_FORCE|FOLL_WRITE: a read-only or PROT_NONE
# private mapping takes the write into its own anonymous copy of the page while its PTE stays
# read-only (the file underneath keeps its bytes), a shared mapping without write permission
# takes nothing (EIO), and a write that runs into unmapped memory stops there.
# Source: fs/proc/base.c mem_rw; mm/memory.c __access_remote_vm; mm/gup.c check_vma_flags,
# can_follow_write_pte; mm/memory.c do_wp_page, do_cow_fault.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, "forced!!")
fd = open("/proc/self/mem", O_RDWR, 0)
# a read-only private anonymous page, present and not
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
mprotect(a, 2*PAGE, PROT_READ) = 0
pwrite(fd, buf, 8, a+8) = 8
load(a, 16) == 0x11*8 "forced!!"
pwrite(fd, buf, 8, a+PAGE) = 8
load(a+PAGE, 8) == "forced!!"
vmflags(a) == rd mr mw me ac
# PROT_NONE private: written too, and read back through the file
n = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pwrite(fd, buf, 8, n) = 8
pread(fd, buf+100, 8, n) = 8
load(buf+100, 8) == "forced!!"
# a private mapping of a file opened read-only: COW, the file keeps its bytes
f = open("f", O_RDWR|O_CREAT, 0600)
ftruncate(f, PAGE) = 0
ro = open("f", O_RDONLY, 0)
p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, ro, 0)
load(p, 4) == 0
pwrite(fd, buf, 8, p) = 8
load(p, 8) == "forced!!"
pread(f, buf+200, 8, 0) = 8
load(buf+200, 8) == 0
# a shared mapping that may not be written: nothing is written
s = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0)
pwrite(fd, buf, 8, s) = -1 EIO
sw = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, f, 0)
pwrite(fd, buf, 8, sw) = -1 EIO
# a write across the end of a mapping stops there; one that starts past it is EIO
e = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(e+PAGE, PAGE) = 0
pwrite(fd, buf, 8, e+PAGE-4) = 4
load(e+PAGE-4, 4) == "forc"
pwrite(fd, buf, 8, e+PAGE) = -1 EIO
# an unreadable source buffer is EFAULT before anything is written
pwrite(fd, e+PAGE, 8, a) = -1 EFAULT
# a short write tries again from the first byte not written, copying that chunk in first: if the
# source faults there, the whole write is EFAULT
src = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(src+PAGE, PAGE) = 0
pwrite(fd, src, PAGE, e+PAGE-4) = 4
pwrite(fd, src, PAGE+8, e+PAGE-4) = -1 EFAULT
