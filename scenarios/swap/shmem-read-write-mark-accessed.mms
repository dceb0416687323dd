# read() and write() of a shmem page mark it accessed (folio_mark_accessed) without touching any
# PTE: once MADV_COLD made the mapping's PTE old and cleared PG_referenced, smaps counts the page
# as Referenced by that flag alone. A read from the page's start sets it and a second one clears
# it again (the page is activated instead); a read from the middle of the page does nothing; a
# write (shmem_write_begin, SGP_WRITE) marks it like a read from the start.
# Source: mm/shmem.c shmem_file_read_iter, shmem_get_folio_gfp; mm/swap.c folio_mark_accessed.
requires: root
fd = memfd_create("accessed", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(s, PAGE, 0x66)
store(buf, PAGE, 0x01)
madvise(s, PAGE, MADV_COLD) = 0
smaps(s).Referenced == 0 kB
pread(fd, buf, 16, 100) = 16
smaps(s).Referenced == 0 kB
pread(fd, buf, 16, 0) = 16
smaps(s).Referenced == 4 kB
pread(fd, buf, 16, 0) = 16
smaps(s).Referenced == 0 kB
madvise(s, PAGE, MADV_COLD) = 0
pwrite(fd, buf, 1, 200) = 1
smaps(s).Referenced == 4 kB
load(s+200, 2) == 0x66 0x66
