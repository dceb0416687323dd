# kernel-spec §4.1: userfaultfd(2) takes O_CLOEXEC, O_NONBLOCK and UFFD_USER_MODE_ONLY; any other
# flag is EINVAL.
requires: uffd
requires: root
u1 = userfaultfd(0)
u2 = userfaultfd(O_CLOEXEC)
u3 = userfaultfd(O_NONBLOCK|UFFD_USER_MODE_ONLY)
u4 = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)
userfaultfd(O_RDWR) = -1 EINVAL
userfaultfd(0x10) = -1 EINVAL
userfaultfd(O_CLOEXEC|O_APPEND) = -1 EINVAL
