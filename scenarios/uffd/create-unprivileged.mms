# kernel-spec §4.1 with its 6.18 correction: with vm.unprivileged_userfaultfd=0 an unprivileged
# process gets EPERM unless it asks for UFFD_USER_MODE_ONLY, and EPERM even for invalid flags
# (the permission check comes first); EVENT_FORK needs CAP_SYS_PTRACE (§4.2).
requires: uffd
process user unprivileged
in user: userfaultfd(O_CLOEXEC|O_NONBLOCK) = -1 EPERM
in user: userfaultfd(0) = -1 EPERM
in user: userfaultfd(0x10) = -1 EPERM
in user: userfaultfd(UFFD_USER_MODE_ONLY|0x10) = -1 EINVAL
in user: u = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)
in user: ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK}) = -1 EPERM {features=0, ioctls=0}
in user: ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_THREAD_ID}) = 0 {features=0x1ffff, ioctls=0x8000000000000003}
