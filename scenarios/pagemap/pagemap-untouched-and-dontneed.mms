# pagemap of private anonymous memory that was never touched, and after MADV_DONTNEED, is 0:
# no flag bit at all. Past munmap the entries are 0 too (no VMA).
# Source: kernel-spec.md §1.2, §1.6 (untouched anon / after MADV_DONTNEED → 0).
requires: root
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pagemap(a, 3) == none
store(a, 3*PAGE, 0x11)
pagemap(a, 3) == present|exclusive
madvise(a+PAGE, PAGE, MADV_DONTNEED) = 0
pagemap(a, 3) == present|exclusive, none, present|exclusive
load(a+PAGE, PAGE) == 0
munmap(a, 3*PAGE) = 0
pagemap(a, 3) == none
