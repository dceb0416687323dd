# mremap with old_len 0 asks for a second mapping of the same pages; a private mapping
# cannot be duplicated that way: EINVAL, and nothing changes.
# Source: kernel-spec.md §9.4; mm/mremap.c check_prep_vma().
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x50)
mremap(a, 0, 2*PAGE, MREMAP_MAYMOVE, 0) = -1 EINVAL
vmas(a, 2*PAGE) == 1
load(a, 2*PAGE) == 0x50
