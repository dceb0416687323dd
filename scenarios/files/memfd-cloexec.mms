# MFD_CLOEXEC sets the descriptor's close-on-exec flag; fork copies the flag with the
# descriptor; F_SETFD changes it in one process only, since it belongs to the descriptor, not to
# the shared open file.
# Source: mm/memfd.c (get_unused_fd_flags(O_CLOEXEC)), kernel/fork.c dup_fd, fs/fcntl.c.
fd = memfd_create("cloexec", MFD_CLOEXEC)
fcntl(fd, F_GETFD, 0) = FD_CLOEXEC
fork() => child
in child: fcntl(fd, F_GETFD, 0) = FD_CLOEXEC
in child: fcntl(fd, F_SETFD, 0) = 0
in child: fcntl(fd, F_GETFD, 0) = 0
fcntl(fd, F_GETFD, 0) = FD_CLOEXEC
