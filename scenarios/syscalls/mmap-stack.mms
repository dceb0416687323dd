# MAP_STACK mappings get VM_NOHUGEPAGE (VmFlags nh); MADV_HUGEPAGE replaces it with hg.
# Source: kernel-spec.md §9.1; mm/mmap.c calc_vm_flag_bits (MAP_STACK → VM_NOHUGEPAGE).
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_STACK, -1, 0)
vmflags(a) == rd wr mr mw me ac nh
madvise(a, 4*PAGE, MADV_HUGEPAGE) = 0
vmflags(a) == rd wr mr mw me ac hg
