# kernel-spec §2.4 and §2.6 ("shmem page 0xe"): pages of shared anonymous memory and of a memfd
# are FILE as well as PRESENT and WRITTEN; a private mapping of the memfd read is FILE until a
# write gives it an anonymous copy. pagemap_ioctl.c base tests, shmem and private memfd variants.
# Source: fs/proc/task_mmu.c pagemap_page_category (vm_normal_page, folio_test_anon).
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(s, PAGE, 0x11)
load(s+PAGE, 1) == 0
ioctl(pm, PAGEMAP_SCAN, {start=s, end=s+4*PAGE, vec_len=8, return_mask=0x1ff}) = 2 {walk_end=s+4*PAGE, vec=[{s, s+2*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE|PAGE_IS_PRESENT}, {s+2*PAGE, s+4*PAGE, PAGE_IS_WRITTEN}]}
fd = memfd_create("scan", 0)
ftruncate(fd, 4*PAGE) = 0
m = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m+2*PAGE, PAGE, 0x22)
ioctl(pm, PAGEMAP_SCAN, {start=m, end=m+4*PAGE, vec_len=8, category_mask=PAGE_IS_FILE, return_mask=0x1ff}) = 1 {walk_end=m+4*PAGE, vec=[{m+2*PAGE, m+3*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE|PAGE_IS_PRESENT}]}
p = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p+2*PAGE, 1) == 0x22
load(p+3*PAGE, 1) == 0
store(p+3*PAGE, 1, 0x33)
ioctl(pm, PAGEMAP_SCAN, {start=p, end=p+4*PAGE, vec_len=8, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_FILE|PAGE_IS_PRESENT}) = 2 {walk_end=p+4*PAGE, vec=[{p+2*PAGE, p+3*PAGE, PAGE_IS_FILE|PAGE_IS_PRESENT}, {p+3*PAGE, p+4*PAGE, PAGE_IS_PRESENT}]}
