# Basic COW on a tmpfs file page that was out in swap (cow.c's tmpfile case with the file's page
# swapped out first): the private mapping's read brings the file's page back and maps it, its
# write copies it; the copy then goes to swap as anonymous memory (a swap entry, VmSwap) and comes
# back with the private data, while the file and its shared view never change.
# Source: selftests cow.c non-anon "Basic COW" (tmpfile); mm/shmem.c shmem_writeout,
# shmem_swapin_folio; mm/memory.c do_wp_page, do_swap_page.
requires: root, swap
fd = open("tmp", O_RDWR|O_CREAT|O_EXCL, 0600)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(s, PAGE, 0x5a)
madvise(s, PAGE, MADV_PAGEOUT) = 0
smaps(s).Swap == 4 kB
load(p, PAGE) == 0x5a
pagemap(p, 1) == present|file|exclusive
load(s, 1) == 0x5a
pfn(p) == pfn(s)
store(p, PAGE, 0xff)
pfn(p) != pfn(s)
madvise(p, PAGE, MADV_PAGEOUT) = 0
pagemap(p, 1) == swapped@S1
status.VmSwap == 4 kB
load(s, PAGE) == 0x5a
# no pagemap of the copy once back: its frame may or may not be the one it had before
load(p, PAGE) == 0xff
status.VmSwap == 0 kB
