# MADV_WILLNEED only reads ahead what is already backed: it does not create memfd
# pages (mincore stays 0) nor map anonymous ones, and it does not change the VMA.
# Source: kernel-spec.md §8; mm/madvise.c madvise_willneed.
fd = memfd_create("willneed", 0)
ftruncate(fd, 2*PAGE) = 0
w = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
madvise(w, 2*PAGE, MADV_WILLNEED) = 0
mincore(w, 2*PAGE) == 0
pagemap(w, 2) == none
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(a, 2*PAGE, MADV_WILLNEED) = 0
pagemap(a, 2) == none
vmflags(a) == rd wr mr mw me ac
