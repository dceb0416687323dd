# mremap(MREMAP_DONTUNMAP) of a locked mapping: the new range is locked and counted, and the old
# VMA stays mapped but loses VM_LOCKED without giving its pages back to locked_vm, so VmLck
# shows twice what smaps_rollup's Locked shows (Linux 6.18 as it is).
# Source: mm/mremap.c vrm_stat_account, dontunmap_complete ("we won't unmap"); task_mem.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(a, 4*PAGE) = 0
status.VmLck == 16 kB
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP|MREMAP_FIXED, r)
vmflags(a) lacks lo
vmflags(b) has lo
status.VmLck == 32 kB
smaps_rollup.Locked == 16 kB
status.VmSize == 48 kB
# unmapping both takes away only what the locked VMA holds
munmap(b, 4*PAGE) = 0
munmap(a, 4*PAGE) = 0
status.VmLck == 16 kB
