# MADV_POPULATE_WRITE dirties the pages it reaches even where no fault is needed: a
# read-faulted shared page is already mapped writable (and clean), and GUP for write marks it
# dirty; MADV_POPULATE_READ leaves it clean.
# Source: mm/gup.c follow_page_pte (FOLL_TOUCH with FOLL_WRITE: folio_mark_dirty),
# kernel-spec.md §8 (POPULATE_READ/WRITE); observed on the reference kernel.
fd = memfd_create("populate", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
load(s, 2*PAGE) == 0
smaps(s).Private_Clean == 8 kB
madvise(s, 2*PAGE, MADV_POPULATE_READ) = 0
smaps(s).Private_Clean == 8 kB
madvise(s, PAGE, MADV_POPULATE_WRITE) = 0
smaps(s).Private_Clean == 4 kB
smaps(s).Private_Dirty == 4 kB
h = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
load(h, 1) == 0
fork() => child
in child: load(h, 1) == 0
in child: madvise(h, PAGE, MADV_POPULATE_WRITE) = 0
in child: smaps(h).Shared_Dirty == 4 kB
smaps(h).Shared_Dirty == 4 kB
