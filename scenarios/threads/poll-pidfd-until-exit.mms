# A thread sleeps in poll() without timeout on a pidfd of a forked child; the child's exit makes
# the pidfd readable (and hung up: the child is gone) and wakes it.
# Source: fs/select.c do_poll; fs/pidfs.c pidfd_poll; kernel/exit.c do_notify_pidfd.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fork() => child
fd = pidfd_open(pid(child), 0)
store(buf, pollfd{fd=fd, events=POLLIN})
spawn t1: poll(buf, 1, -1) = 1
exit(child)
join t1
load(buf, pollfd) == {revents=POLLIN|POLLHUP}
