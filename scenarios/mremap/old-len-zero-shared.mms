# mremap with old_len 0 of a shared anonymous mapping makes a second mapping of the same
# pages: the original stays, both map the same frames, a write through one shows
# through the other.
# Source: kernel-spec.md §9.4; mm/mremap.c check_prep_vma().
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x53)
b = mremap(a, 0, 2*PAGE, MREMAP_MAYMOVE, 0)
maps(a) == a..a+2*PAGE rw-s
maps(b) == b..b+2*PAGE rw-s
load(b, 2*PAGE) == 0x53
pfn(a) == pfn(b)
pfn(a+PAGE) == pfn(b+PAGE)
pagemap(b, 2) == present|file*2
store(b, 1, 0x11)
load(a, 1) == 0x11
