# MADV_REMOVE needs a shared mapping that may be made writable (VM_SHARED|VM_MAYWRITE), not
# a writable one: read-only and PROT_NONE shared mappings of a writable memfd punch holes
# too, at the file offsets they map; an mlocked range is refused with EINVAL.
# Source: mm/madvise.c madvise_remove (vma_is_shared_maywrite, VM_LOCKED), kernel-spec.md §8.
fd = memfd_create("remove", 0)
ftruncate(fd, 4*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 4*PAGE, 0x5a)
ro = mmap(NULL, 2*PAGE, PROT_READ, MAP_SHARED, fd, 2*PAGE)
madvise(ro, PAGE, MADV_REMOVE) = 0
load(s, 4*PAGE) == 0x5a*8192 0*4096 0x5a*4096
pn = mmap(NULL, 2*PAGE, PROT_NONE, MAP_SHARED, fd, 0)
madvise(pn, PAGE, MADV_REMOVE) = 0
load(s, 4*PAGE) == 0*4096 0x5a*4096 0*4096 0x5a*4096
mlock(ro+PAGE, PAGE) = 0
madvise(ro+PAGE, PAGE, MADV_REMOVE) = -1 EINVAL
load(s+3*PAGE, PAGE) == 0x5a
