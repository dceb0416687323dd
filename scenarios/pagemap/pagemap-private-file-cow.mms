# A private file mapping's read maps the page-cache page (present, file, exclusive when only
# mapped there); its write replaces it with a new anonymous page (present, exclusive).
# Source: kernel-spec.md §1.6 (private file mapping read then COW write: 0xa1… → 0x81… new PFN).
requires: root
fd = memfd_create("pm", 0)
ftruncate(fd, PAGE) = 0
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p, 1) == 0
pagemap(p, 1) == present|file|exclusive@P1
store(p, 1, 0x11)
pagemap(p, 1) == present|exclusive@P2
