# kernel-spec §4.2 and kernel-anchors §6: every one of the 17 features can be requested alone or
# all at once; the answer is always every supported feature; an unknown bit fails and the
# context can then be retried. Descriptors are numbered from 3 on both backends, so each
# short-lived context below is descriptor 4.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0x1ffff}) = 0 {features=0x1ffff, ioctls=0x8000000000000003}
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_PAGEFAULT_FLAG_WP}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMAP}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMOVE}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MISSING_HUGETLBFS}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MISSING_SHMEM}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_SIGBUS}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_THREAD_ID}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MINOR_HUGETLBFS}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MINOR_SHMEM}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EXACT_ADDRESS}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_HUGETLBFS_SHMEM}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0 {features=0x1ffff}
close(4) = 0
userfaultfd(O_CLOEXEC|O_NONBLOCK) = 4
ioctl(4, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MOVE}) = 0 {features=0x1ffff}
close(4) = 0
w = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(w, UFFDIO_API, {api=UFFD_API, features=0x20000}) = -1 EINVAL
ioctl(w, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MISSING_SHMEM}) = 0 {features=0x1ffff}
