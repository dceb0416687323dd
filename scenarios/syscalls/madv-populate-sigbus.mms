# MADV_POPULATE_READ/WRITE over a shared file mapping that reaches past EOF fail with
# EFAULT (the fault would be SIGBUS), after populating the pages before EOF; a private
# mapping of the file behaves the same.
# Source: kernel-spec.md §8 (POPULATE: SIGBUS → EFAULT); mm/madvise.c madvise_populate.
requires: root
fd = memfd_create("sigbus", 0)
ftruncate(fd, PAGE) = 0
m = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
madvise(m, 3*PAGE, MADV_POPULATE_READ) = -1 EFAULT
pagemap(m, 3) == present|file|exclusive, none*2
madvise(m, 3*PAGE, MADV_POPULATE_WRITE) = -1 EFAULT
mincore(m, 3*PAGE) == 1 0*2
load(m+PAGE, 1) => SIGBUS BUS_ADRERR at m+PAGE
q = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
madvise(q, 3*PAGE, MADV_POPULATE_WRITE) = -1 EFAULT
pagemap(q, 3) == present|exclusive, none*2
