# kernel-spec §4.7 UNMAP: brk shrinking a registered heap sends UNMAP of the page-aligned range
# it takes away, as munmap does (mm/mmap.c brk: do_vmi_align_munmap with the uf list, then
# userfaultfd_unmap_complete); the caller waits until the event is read.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0
b = brk(0)
brk((b + PAGE - 1 & ~(PAGE - 1)) + 4*PAGE) = (b + PAGE - 1 & ~(PAGE - 1)) + 4*PAGE
ioctl(u, UFFDIO_REGISTER, {range={start=(b + PAGE - 1 & ~(PAGE - 1)), len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: brk((b + PAGE - 1 & ~(PAGE - 1)) + PAGE) = (b + PAGE - 1 & ~(PAGE - 1)) + PAGE
read(u) == {event=UFFD_EVENT_UNMAP, start=(b + PAGE - 1 & ~(PAGE - 1))+PAGE, end=(b + PAGE - 1 & ~(PAGE - 1))+4*PAGE}
join t1
read(u) = -1 EAGAIN
vmas((b + PAGE - 1 & ~(PAGE - 1)), PAGE) == 1
