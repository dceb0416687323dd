# pagemap_ioctl.c sanity_tests, file-mapped pages: a shared mapping of a file read and written
# reports FILE|PRESENT (and WRITTEN: a PTE table exists), a private mapping's read page FILE|PRESENT
# until a write replaces it by an anonymous copy; pages never touched are not PRESENT.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c sanity_tests; fs/proc/task_mmu.c pagemap_page_category.
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
f = open("scan-file", O_RDWR|O_CREAT, 0600)
ftruncate(f, 8*PAGE) = 0
s = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, f, 0)
store(s, 2*PAGE, 0x11)
load(s+4*PAGE, 1) == 0
ioctl(pm, PAGEMAP_SCAN, {start=s, end=s+8*PAGE, vec_len=16, category_mask=PAGE_IS_FILE|PAGE_IS_PRESENT, return_mask=0x1ff}) = 2 {walk_end=s+8*PAGE, vec=[{s, s+2*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE|PAGE_IS_PRESENT}, {s+4*PAGE, s+5*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE|PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=s, end=s+8*PAGE, vec_len=16, return_mask=PAGE_IS_FILE|PAGE_IS_PRESENT}) = 4 {walk_end=s+8*PAGE, vec=[{s, s+2*PAGE, PAGE_IS_FILE|PAGE_IS_PRESENT}, {s+2*PAGE, s+4*PAGE, 0}, {s+4*PAGE, s+5*PAGE, PAGE_IS_FILE|PAGE_IS_PRESENT}, {s+5*PAGE, s+8*PAGE, 0}]}
p = mmap(NULL, 8*PAGE, PROT_READ, MAP_PRIVATE, f, 0)
load(p, 3*PAGE) == 0x11*8192 0*4096
ioctl(pm, PAGEMAP_SCAN, {start=p, end=p+8*PAGE, vec_len=16, category_mask=PAGE_IS_FILE, return_mask=0x1ff}) = 2 {walk_end=p+8*PAGE, vec=[{p, p+3*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE|PAGE_IS_PRESENT}, {p+4*PAGE, p+5*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE|PAGE_IS_PRESENT}]}
mprotect(p, 8*PAGE, PROT_READ|PROT_WRITE) = 0
store(p+PAGE, 1, 0x22)
ioctl(pm, PAGEMAP_SCAN, {start=p, end=p+8*PAGE, vec_len=16, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_FILE|PAGE_IS_PRESENT}) = 4 {walk_end=p+8*PAGE, vec=[{p, p+PAGE, PAGE_IS_FILE|PAGE_IS_PRESENT}, {p+PAGE, p+2*PAGE, PAGE_IS_PRESENT}, {p+2*PAGE, p+3*PAGE, PAGE_IS_FILE|PAGE_IS_PRESENT}, {p+4*PAGE, p+5*PAGE, PAGE_IS_FILE|PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=s, end=p+8*PAGE, vec_len=16, category_anyof_mask=PAGE_IS_FILE, return_mask=PAGE_IS_FILE}) = 0 {walk_end=p+8*PAGE, vec=[]}
