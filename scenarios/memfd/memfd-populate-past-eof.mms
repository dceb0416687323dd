# Prefaulting a memfd mapping that extends past EOF fills the pages up to EOF and then:
# mlock fails with ENOMEM (the VMA stays locked), MADV_POPULATE_READ/WRITE fail with EFAULT,
# and MAP_LOCKED or MAP_POPULATE mmap succeeds quietly.
# Source: kernel-spec.md §8 (POPULATE: SIGBUS → EFAULT), mm/mlock.c / mm/gup.c __mm_populate
# (EFAULT reported by mlock as ENOMEM); observed on the reference kernel.
requires: root
fd = memfd_create("eof", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
mlock(s, 4*PAGE) = -1 ENOMEM
vmflags(s) == rd wr sh mr mw me ms lo
pagemap(s, 4) == present|file|exclusive*2, none*2
smaps(s).Locked == 8 kB
p = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
madvise(p, 4*PAGE, MADV_POPULATE_WRITE) = -1 EFAULT
pagemap(p, 4) == present|exclusive*2, none*2
r = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED, fd, 0)
madvise(r, 4*PAGE, MADV_POPULATE_READ) = -1 EFAULT
pagemap(r, 4) == present|file*2, none*2
q = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_LOCKED, fd, 0)
pagemap(q, 4) == present|exclusive*2, none*2
vmflags(q) == rd wr mr mw me lo ac
