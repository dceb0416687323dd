# poll() reads an array of struct pollfd from the process's memory and writes back each
# revents: a memfd (no ->poll) is always ready to read and write, POLLERR and POLLHUP are
# reported unasked, a closed descriptor gives POLLNVAL, a negative one is skipped; the result
# counts the entries with events. A bad array pointer is EFAULT.
# Source: fs/select.c do_sys_poll, do_pollfd; include/linux/poll.h DEFAULT_POLLMASK.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("poll", 0)
store(buf, pollfd{fd=fd, events=POLLIN|POLLOUT|POLLPRI})
store(buf+8, pollfd{fd=-1, events=POLLIN, revents=0x7})
poll(buf, 2, 0) = 1
load(buf, pollfd) == {events=POLLIN|POLLOUT|POLLPRI, revents=POLLIN|POLLOUT}
load(buf+8, pollfd) == {fd=-1, events=POLLIN, revents=0}
store(buf, pollfd{fd=fd, events=POLLPRI})
poll(buf, 1, 10) = 0
load(buf, pollfd) == {revents=0}
store(buf, pollfd{fd=fd, events=POLLRDNORM|POLLWRNORM})
poll(buf, 1, 0) = 1
load(buf, pollfd) == {revents=POLLRDNORM|POLLWRNORM}
close(fd) = 0
poll(buf, 1, 0) = 1
load(buf, pollfd) == {revents=POLLNVAL}
poll(0, 1, 0) = -1 EFAULT
poll(buf, 0, 0) = 0
