# An 8 KiB mapping moved with MREMAP_MAYMOVE|MREMAP_FIXED to a page-aligned
# destination keeps its byte pattern and its frames; the source is gone.
# Source: selftests mremap_test.c "8KB mremap - Source PTE-aligned, Destination PTE-aligned"; kernel-spec.md §9.4.
requires: root
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+8*PAGE, 2*PAGE) = 0
a = mmap(r+2*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+2*PAGE
store(a, "\x13\x57\x9b\xdf")
store(a+PAGE-2, "\xa5\x5a\xc3\x3c")
store(a+2*PAGE-1, "\xee")
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+8*PAGE) = r+8*PAGE
load(r+8*PAGE, 4) == "\x13\x57\x9b\xdf"
load(r+9*PAGE-2, 4) == "\xa5\x5a\xc3\x3c"
load(r+10*PAGE-1, 1) == 0xee
pagemap(r+8*PAGE, 2) == present|exclusive@P1, present|exclusive@P2
maps(r+8*PAGE) == r+8*PAGE..r+10*PAGE rw-p
vmas(a, 2*PAGE) == 0
load(a, 1) => SIGSEGV SEGV_MAPERR at a
