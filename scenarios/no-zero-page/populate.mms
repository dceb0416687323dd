# Without the shared zero page, every way of faulting anonymous memory in for reading gives private
# pages: MADV_POPULATE_READ, mlock of a read-only or exec-only mapping, MAP_POPULATE of a read-only
# one. Pages already written keep their frames; a populate that meets a guard region stops there.
# Source: mm/gup.c faultin_page_range, populate_vma_page_range; mm/memory.c do_anonymous_page;
# the upstream behaviour is syscalls/madv-populate-read.mms, mlock-permissions.mms, mmap-populate.mms.
requires: root, no-zero-page
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a+3*PAGE, 1, 0x44)
pagemap(a, 4) == none*3, present|exclusive@P1
madvise(a, 4*PAGE, MADV_POPULATE_READ) = 0
pagemap(a, 4) == present|exclusive@P2, present|exclusive@P3, present|exclusive@P4, present|exclusive@P1
load(a, 3*PAGE) == 0
x = mmap(NULL, 2*PAGE, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(x, 2*PAGE) = 0
pagemap(x, 2) == present|exclusive@P5, present|exclusive@P6
q = mmap(NULL, 3*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(q, 3) == present|exclusive@P7, present|exclusive@P8, present|exclusive@P9
smaps(q).Private_Clean == 12 kB
g = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(g+2*PAGE, PAGE, MADV_GUARD_INSTALL) = 0
madvise(g, 4*PAGE, MADV_POPULATE_READ) = -1 EFAULT
pagemap(g, 4) == present|exclusive@P10, present|exclusive@P11, swapped|guard, none
