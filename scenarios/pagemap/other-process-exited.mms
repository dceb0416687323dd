# kernel-spec §1.2: a pagemap descriptor keeps the address space it opened, not its process:
# after that process has exited, reads return 0 bytes (pagemap_read: mmget_not_zero fails), a
# PAGEMAP_SCAN is ESRCH before its argument is even checked (6.18 takes a user of the address
# space first [obs]), an unknown command is still EINVAL, and seeking and closing work.
# Source: fs/proc/task_mmu.c pagemap_open, pagemap_read, do_pagemap_cmd, do_pagemap_scan;
# fs/proc/base.c mem_lseek.
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fork() => child
in child: a = mmap(0x200000000, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
in child: store(a, 2*PAGE, 0x11)
pm = open("/proc/" + pid(child) + "/pagemap", O_RDONLY, 0) = 3
pagemap(pm, a, 4) == present|exclusive*2, none*2
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=4, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+4*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_PRESENT}]}
exit(child)
pread(pm, buf, 8, 0x1000000) = 0
read(pm, buf, 8) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=4, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = -1 ESRCH {walk_end=0}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+4*PAGE}) = -1 ESRCH
ioctl(pm, PAGEMAP_SCAN, {size=1, start=a, end=a+4*PAGE}) = -1 ESRCH
ioctl(pm, PAGEMAP_SCAN, NULL) = -1 ESRCH
ioctl(pm, 0x1234, 0) = -1 EINVAL
lseek(pm, 0x1000000, SEEK_SET) = 0x1000000
close(pm) = 0
