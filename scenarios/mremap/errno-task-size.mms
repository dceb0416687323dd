# mremap lengths and destinations must fit below TASK_SIZE (0x7ffffffff000 on x86-64
# with 4-level tables): a larger new_len, or a FIXED destination whose end passes it,
# fails with EINVAL.
# Source: kernel-spec.md §9.4; mm/mremap.c check_mremap_params().
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mremap(a, 2*PAGE, 0x7ffffffff000+PAGE, MREMAP_MAYMOVE, 0) = -1 EINVAL
mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7ffffffff000-PAGE) = -1 EINVAL
mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x7ffffffff000) = -1 EINVAL
# A length that rounds up past the top of the address space wraps to 0: EINVAL too.
mremap(a, 2*PAGE, -1, MREMAP_MAYMOVE, 0) = -1 EINVAL
# So does an old length: 0 means "duplicate", which a private mapping refuses.
mremap(a, -1, PAGE, MREMAP_MAYMOVE, 0) = -1 EINVAL
maps(a) == a..a+2*PAGE rw-p
