# mremap with old_len 0 from the middle of a shared mapping maps the pages from that
# offset a second time; the original mapping is left whole.
# Source: kernel-spec.md §9.4 (old_len 0 duplicates a shared mapping).
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x53)
store(a+PAGE, "page1")
b = mremap(a+PAGE, 0, 2*PAGE, MREMAP_MAYMOVE, 0)
vmas(a, 4*PAGE) == 1
maps(a) == a..a+4*PAGE rw-s "/dev/zero (deleted)"
maps(b) == b..b+2*PAGE rw-s "/dev/zero (deleted)"
load(b, 5) == "page1"
pfn(b) == pfn(a+PAGE)
