# kernel-spec §4.7 UNMAP: brk shrinking a registered heap sends UNMAP of the page-aligned range
# it takes away, as munmap does (mm/mmap.c brk: do_vmi_align_munmap with the uf list, then
# userfaultfd_unmap_complete); the caller waits until the event is read. The break of a fresh
# process is page-aligned (start_brk is ELF_PAGEALIGN of the program's end), as brk-grow-shrink.mms uses.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0
b = brk(0)
brk(b + 4*PAGE) = b + 4*PAGE
ioctl(u, UFFDIO_REGISTER, {range={start=b, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: brk(b + PAGE) = b + PAGE
read(u) == {event=UFFD_EVENT_UNMAP, start=b+PAGE, end=b+4*PAGE}
join t1
read(u) = -1 EAGAIN
vmas(b, PAGE) == 1
