# Parts of a faulted VMA moved away and back merge again each time they return to their
# original offsets, in any order.
# Source: selftests merge.c mremap_correct_placed_faulted; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 15*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
store(a, 1, 0x78)
mremap(a+10*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+50*PAGE) = r+50*PAGE
mremap(a+5*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+40*PAGE) = r+40*PAGE
vmas(a, 15*PAGE) == 1
# The middle part comes back: it merges with the first.
mremap(r+40*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+5*PAGE) = r+6*PAGE
maps(a) == a..a+10*PAGE rw-p
# The first part goes away and comes back.
mremap(a, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+30*PAGE) = r+30*PAGE
mremap(r+30*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a) = a
maps(a) == a..a+10*PAGE rw-p
# The first part goes away, the last comes back next to the middle, then the first.
mremap(a, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+30*PAGE) = r+30*PAGE
mremap(r+50*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+10*PAGE) = r+11*PAGE
maps(a+5*PAGE) == a+5*PAGE..a+15*PAGE rw-p
mremap(r+30*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a) = a
maps(a) == a..a+15*PAGE rw-p
# The middle part goes away and comes back between the other two.
mremap(a+5*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+40*PAGE) = r+40*PAGE
vmas(a, 15*PAGE) == 2
mremap(r+40*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+5*PAGE) = r+6*PAGE
maps(a) == a..a+15*PAGE rw-p
# The last part goes away and comes back.
mremap(a+10*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+50*PAGE) = r+50*PAGE
mremap(r+50*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+10*PAGE) = r+11*PAGE
maps(a) == a..a+15*PAGE rw-p
load(a, 1) == 0x78
