# Growing an mlocked mapping in place populates the new pages, as mlock would: they
# are present, and locked, right after the call.
# Source: kernel-spec.md §9.4; mm/mremap.c do_mremap() (populate after a locked expand).
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+2*PAGE, 2*PAGE) = 0
a = mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_LOCKED, -1, 0) = r
mremap(a, 2*PAGE, 4*PAGE, 0, 0) = a
maps(a) == a..a+4*PAGE rw-p
mincore(a, 4*PAGE) == 1
smaps(a).Locked == 16 kB
# The reservation blocks growing further in place: the move populates the new tail too.
b = mremap(a, 4*PAGE, 16*PAGE, MREMAP_MAYMOVE, 0)
mincore(b, 16*PAGE) == 1
smaps(b).Locked == 64 kB
