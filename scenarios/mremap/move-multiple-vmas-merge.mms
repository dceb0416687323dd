# A faulted VMA keeps the page offset of the place it was faulted at, so an unfaulted
# VMA right after it does not merge; moving both back there with one multi-VMA move
# relocates the unfaulted one's offset to match, and the two merge at the destination.
# Source: kernel-spec.md §9.4 (multi-VMA move; relocated vm_pgoff), §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+40*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+40*PAGE
store(a, 2*PAGE, 0x61)
mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r) = r
b = mmap(r+2*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+2*PAGE
vmas(r, 4*PAGE) == 2
mremap(r, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+40*PAGE) = a
maps(a) == a..a+4*PAGE rw-p
load(a, 4*PAGE) == 0x61*2*PAGE 0*2*PAGE
