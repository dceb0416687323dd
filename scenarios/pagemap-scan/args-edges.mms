# kernel-spec §2.2, the argument rules at their edges (args-errors.mms has each rule once): a
# vec_len of 0 takes no vector, mapped or not; a vector whose byte size overflows is EFAULT
# (size_mul saturates); ranges at and past the last user page; an end just below the task size
# rounds up to it; a vector too small for the regions found stops the walk at the first region
# that did not fit; a vector that faults part way is EFAULT after the walk; a pm_scan_arg that can
# be read but not written is EFAULT once the walk is done, its write protection done all the same.
# Source: fs/proc/task_mmu.c pagemap_scan_get_args, pagemap_scan_flush_buffer,
# pagemap_scan_writeback_args, do_pagemap_scan; arch/x86 access_ok.
requires: uffd
requires: root
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 1)
store(a+2*PAGE, PAGE, 1)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=0x10000, vec_len=0, category_mask=PAGE_IS_PRESENT}) = 0 {walk_end=a+4*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=a, vec_len=0xffffffffffffffff}) = -1 EFAULT {walk_end=0}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=a, vec_len=0xaaaaaaaaaaaaaab}) = -1 EFAULT
ioctl(pm, PAGEMAP_SCAN, {start=0x7ffffffff000, end=0x7ffffffff000, vec_len=1}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=0x7fffffffe000, end=0x7fffffffefff}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=0x7ffffffff000, end=0x800000000000, vec_len=1}) = -1 EFAULT
ioctl(pm, PAGEMAP_SCAN, {start=0x800000000000, end=0x800000001000, vec_len=1}) = -1 EFAULT
ioctl(pm, PAGEMAP_SCAN, {start=0xfffffffffffff000, end=0xfffffffffffff000, vec_len=1}) = -1 EFAULT
# two regions found, room for one: the first is written, the walk stops at the second
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=1, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+2*PAGE, vec=[{a, a+PAGE, PAGE_IS_PRESENT}]}
# a vector of room for four regions, its second one past the end of its mapping
v = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(v+PAGE, PAGE) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec=v+PAGE-24, vec_len=4, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = -1 EFAULT {walk_end=a+4*PAGE}
load(v+PAGE-24, page_region) == {start=a, end=a+PAGE, categories=PAGE_IS_PRESENT}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec=v+PAGE-24, vec_len=4, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1
# the argument read-only: the scan runs, and its WP_MATCHING protects, but walk_end cannot be written
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
r = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(r, pm_scan_arg{size=96, flags=PM_SCAN_WP_MATCHING, start=a, end=a+4*PAGE, category_mask=PAGE_IS_WRITTEN})
mprotect(r, PAGE, PROT_READ) = 0
ioctl(pm, PAGEMAP_SCAN, r) = -1 EFAULT
load(r, pm_scan_arg) == {walk_end=0}
pagemap(a, 4) == present|uffd_wp|exclusive, swapped|uffd_wp, present|uffd_wp|exclusive, swapped|uffd_wp
