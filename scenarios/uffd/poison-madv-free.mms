# kernel-spec §4.6 POISON and §5: MADV_FREE clears a poison marker (madvise_free_pte_range clears
# poisoned entries), so the page then faults like an empty one; it leaves guard markers and
# uffd-wp markers alone. Found by mmkit fuzz --seed 1796689200.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_POISON, {range={start=a, len=PAGE}}) = 0 {updated=4096}
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a+PAGE, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
madvise(a+2*PAGE, PAGE, MADV_GUARD_INSTALL) = 0
pagemap(a, 3) == swapped, swapped|uffd_wp, swapped|guard
madvise(a, 4*PAGE, MADV_FREE) = 0
pagemap(a, 3) == none, swapped|uffd_wp, swapped|guard
load(a+2*PAGE, 1) => SIGSEGV SEGV_MAPERR at a+2*PAGE
spawn t1: load(a, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0
join t1
