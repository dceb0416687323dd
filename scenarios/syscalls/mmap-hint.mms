# A hint without MAP_FIXED is honoured when the range is free and ignored when any
# of it is mapped: the existing mapping is left alone and the new one goes elsewhere.
# Source: kernel-spec.md §9.1 (hint honoured / not).
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+4*PAGE, 2*PAGE) = 0
b = mmap(r+4*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = r+4*PAGE
maps(r+4*PAGE) == r+4*PAGE..r+6*PAGE rw-p
# This hint overlaps b and the reservation: the mapping is placed outside them.
c = mmap(r+5*PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(r) == r..r+4*PAGE ---p
maps(r+4*PAGE) == r+4*PAGE..r+6*PAGE rw-p
maps(r+6*PAGE) == r+6*PAGE..r+8*PAGE ---p
maps(c) == c..c+2*PAGE r--p
