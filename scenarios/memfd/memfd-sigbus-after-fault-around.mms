# A read fault past EOF still runs fault-around first: the cached pages below EOF around it
# get mapped, then the access raises SIGBUS. A write fault past EOF maps nothing.
# Source: mm/memory.c do_read_fault (do_fault_around before ->fault), mm/shmem.c shmem_fault
# (SIGBUS past i_size); observed on the reference kernel. The mapping sits at a fixed
# 2 MiB-aligned address so that the fault-around window is the same on every backend.
requires: root
fd = memfd_create("eof", 0)
ftruncate(fd, 2*PAGE) = 0
w = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(w, 2*PAGE, 0x5a)
a = mmap(0x200000000, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED_NOREPLACE, fd, 0)
store(a+3*PAGE, 1, 0) => SIGBUS BUS_ADRERR at a+3*PAGE
pagemap(a, 4) == none*4
load(a+3*PAGE, 1) => SIGBUS BUS_ADRERR at a+3*PAGE
pagemap(a, 4) == present|file*2, none*2
