# mremap moves the counters with the mapping: growing in place adds pages (VmLck too when the
# VMA is locked), a move keeps the totals, a shrink gives pages back.
# Source: mm/mremap.c vrm_stat_account; fs/proc/task_mmu.c task_mem.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
status.VmLck == 16 kB
status.VmData == 16 kB
mremap(a, 4*PAGE, 6*PAGE, 0, 0) = a
status.VmLck == 24 kB
status.VmSize == 24 kB
status.RssAnon == 24 kB
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mremap(a, 6*PAGE, 6*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r)
status.VmLck == 24 kB
status.VmSize == 64 kB
status.VmData == 24 kB
mremap(b, 6*PAGE, 2*PAGE, 0, 0) = b
status.VmLck == 8 kB
status.RssAnon == 8 kB
