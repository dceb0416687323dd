# kernel-spec §1.2: the pagemap file is bound to the address space at open: a child reading a
# descriptor its parent opened reads and scans the parent's entries, not its own.
# Source: fs/proc/task_mmu.c pagemap_open, pagemap_read (mmget_not_zero), do_pagemap_scan.
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(0x200000000, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
fork() => child
# the child drops its own mapping of the page, so the parent's is exclusive again (bit 56)
in child: munmap(a, 4*PAGE) = 0
in child: pread(pm, buf, 8, 0x1000000) = 8
in child: load(buf+7, 1) == 0x81
in child: ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=4, category_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+4*PAGE, vec=[{a, a+PAGE, 0}]}
exit(child)
pread(pm, buf, 8, 0x1000000) = 8
load(buf+7, 1) == 0x81
