# A write-protected anonymous page keeps its protection through swap: its swap entry carries the
# uffd-wp bit (swap PTE bit 2, pagemap bit 57). A read brings the page back protected and mapped
# read-only although it is exclusive; a write to a protected swap entry swaps the page in and then
# faults to the handler as a WP fault; an unprotected neighbour comes back writable.
# Source: mm/rmap.c try_to_unmap_one (pte_swp_mkuffd_wp); mm/memory.c do_swap_page
# (pte_mkuffd_wp, no pte_mkwrite while userfaultfd_pte_wp), do_wp_page; kernel-spec.md §4.8, §5.
requires: uffd
requires: root, swap
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
store(a, 3*PAGE, 0x41)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 3) == swapped|uffd_wp@S1, swapped|uffd_wp@S2, swapped@S3
load(a, 1) == 0x41
pagemap(a, 1) == present|uffd_wp|exclusive
spawn t1: store(a+PAGE, 1, 0x42)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a+PAGE}
pagemap(a+PAGE, 1) == present|uffd_wp|exclusive
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a+PAGE, len=PAGE}, mode=0}) = 0
join t1
store(a+2*PAGE, 1, 0x43)
pagemap(a, 3) == present|uffd_wp|exclusive, present|exclusive, present|exclusive
load(a, 3*PAGE) == 0x41*4096 0x42 0x41*4095 0x43 0x41*4095
status.VmSwap == 0 kB
