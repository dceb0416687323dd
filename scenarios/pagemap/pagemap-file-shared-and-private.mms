# A file page mapped once through a shared mapping and once through a private mapping's
# read has mapcount 2: neither entry is exclusive.
# Source: kernel-spec.md §1.5 (file page mapped once shared + once via a private read → 0).
requires: root
fd = memfd_create("pm", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 1, 0x11)
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p, 1) == 0x11
pagemap(s, 1) == present|file
pagemap(p, 1) == present|file
pfn(s) == pfn(p)
