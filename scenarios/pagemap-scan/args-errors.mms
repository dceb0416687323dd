# kernel-spec §2.2: the argument checks of pagemap_scan_get_args in the kernel's order (size,
# flags, masks, start alignment, the range, vec and vec_len, the vector's range), an unknown
# command, start == end, end rounded up. pagemap_ioctl.c "sanity tests".
# Source: fs/proc/task_mmu.c pagemap_scan_get_args, do_pagemap_cmd.
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(pm, PAGEMAP_SCAN, NULL) = -1 EFAULT
ioctl(pm, PAGEMAP_SCAN, a+4*PAGE) = -1 EFAULT
ioctl(pm, 0x6610, 0) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {size=95, start=a, end=a+4*PAGE}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {size=97, start=a, end=a+4*PAGE}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {flags=4, start=a, end=a+4*PAGE}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, category_mask=0x200}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, category_inverted=0x200}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, category_anyof_mask=0x400}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, return_mask=0x8000000000000000}) = -1 EINVAL
# masks are checked before the start's alignment, which comes before the range
ioctl(pm, PAGEMAP_SCAN, {start=a+1, end=a, return_mask=0x200}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {start=a+1, end=a+4*PAGE}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {start=a+PAGE, end=a}) = -1 EFAULT
ioctl(pm, PAGEMAP_SCAN, {start=a, end=0x800000000000}) = -1 EFAULT
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=0, vec_len=1}) = -1 EINVAL
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=0x800000000000, vec_len=1}) = -1 EFAULT
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=a, vec_len=0x800000000000000}) = -1 EFAULT
# an unmapped vector is EFAULT even when no region is found; walk_end is written back all the same
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=0x10000, vec_len=1}) = -1 EFAULT {walk_end=a+4*PAGE}
store(a, 1, 1)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=0x10000, vec_len=1, category_mask=PAGE_IS_PRESENT}) = -1 EFAULT
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a, vec_len=4}) = 0 {walk_end=a}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1, vec_len=4, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+PAGE, vec=[{a, a+PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE}) = 0 {walk_end=a+4*PAGE}
