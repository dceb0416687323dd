# uffd-unit-tests.c "UFFDIO_API (syscall)": a wrong api fails, an unknown feature bit fails,
# features=0 succeeds and reports every feature, a second UFFDIO_API on the same fd fails.
# kernel-spec §4.2: a failed call zeroes the struct and leaves the fd open to a retry.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=0xab}) = -1 EINVAL {features=0, ioctls=0}
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0x8000000000000000}) = -1 EINVAL {features=0, ioctls=0}
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0x10000000000}) = -1 EINVAL {features=0, ioctls=0}
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0}) = 0 {features=0x1ffff, ioctls=0x8000000000000003}
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0}) = -1 EINVAL
