# kernel-spec §4.5 MISSING and uffd-unit-tests.c's missing-fault handler: a read fault and a write
# fault on private anonymous pages each queue one message (flags 0 and WRITE; a read gets no zero
# page), the faulting threads wait until UFFDIO_COPY fills the pages, then see the copied bytes.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x11)
store(src+PAGE, PAGE, 0x22)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
vmflags(a) has um
spawn reader: load(a+PAGE, 2)
spawn writer: store(a+3*PAGE+8, 1, 0x99)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a+PAGE, ptid=0}
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+3*PAGE}
read(u) = -1 EAGAIN
pagemap(a, 4) == none*4
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE}) = 0 {copy=4096}
ioctl(u, UFFDIO_COPY, {dst=a+3*PAGE, src=src+PAGE, len=PAGE}) = 0 {copy=4096}
join reader
join writer
load(a+3*PAGE+7, 3) == 0x22 0x99 0x22
pagemap(a, 4) == none, present|exclusive, none, present|exclusive
