# Growing a range that does not reach the end of its VMA cannot happen in place: with
# MREMAP_MAYMOVE the range moves to a new, larger mapping, splitting the old VMA around
# the hole it leaves; without it the call fails with ENOMEM.
# Source: kernel-spec.md §9.4; mm/mremap.c vrm_can_expand_in_place().
requires: root
a = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 6*PAGE, 0x6d)
pagemap(a+2*PAGE, 1) == present|exclusive@P1
mremap(a+2*PAGE, 2*PAGE, 3*PAGE, 0, 0) = -1 ENOMEM
b = mremap(a+2*PAGE, 2*PAGE, 3*PAGE, MREMAP_MAYMOVE, 0)
maps(b) == b..b+3*PAGE rw-p
pagemap(b, 3) == present|exclusive@P1, present|exclusive, none
load(b, 3*PAGE) == 0x6d*2*PAGE 0*PAGE
maps(a) == a..a+2*PAGE rw-p
maps(a+4*PAGE) == a+4*PAGE..a+6*PAGE rw-p
vmas(a+2*PAGE, 2*PAGE) == 0
