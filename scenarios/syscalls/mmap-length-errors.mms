# mmap rejects a zero length with EINVAL and a length that overflows when rounded up
# to a page (-4096) with ENOMEM; any other length is rounded up to whole pages.
# Source: kernel-spec.md §9.1 (len == 0, -4096 → ENOMEM, len rounded up).
mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL
mmap(NULL, -4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
mmap(NULL, -1, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
# One byte more than a page maps two pages.
a = mmap(NULL, PAGE+1, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(a) == a..a+2*PAGE rw-p
store(a+PAGE, PAGE, 0x5a)
load(a+2*PAGE-1, 1) == 0x5a
