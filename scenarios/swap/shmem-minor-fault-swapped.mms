# A shmem page out in swap counts as in the page cache for userfaultfd: in a MINOR-registered
# mapping its access is a MINOR fault (the handler sees the page is there), and UFFDIO_CONTINUE
# brings it back from swap and maps it.
# Source: mm/shmem.c shmem_get_folio_gfp (the minor check comes before the swap-in),
# mm/userfaultfd.c mfill_atomic_pte_continue.
requires: uffd
requires: root, swap
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MINOR_SHMEM}) = 0
m = memfd_create("shm", 0)
ftruncate(m, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
alias = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
store(alias, PAGE, 0x0f)
madvise(alias, PAGE, MADV_PAGEOUT) = 0
smaps(alias).Swap == 4 kB
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR}) = 0 {ioctls=0x1bc}
spawn t0: load(a, 2)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_MINOR, address=a}
ioctl(u, UFFDIO_CONTINUE, {range={start=a, len=PAGE}}) = 0 {mapped=4096}
join t0
smaps(alias).Swap == 0 kB
pagemap(a, 1) == present|file|exclusive
