# Opening /proc/self/fd/N of a pipe end opens the pipe itself (fifo_open): O_RDONLY gives another
# read end, O_WRONLY another write end, O_RDWR one that does both, whichever end N was. An
# anonymous pipe never waits for a partner. While a reopened end writes, closing the original
# write end is no EOF (a non-blocking read is EAGAIN); after it closes, the read sees EOF.
# O_CREAT|O_EXCL is EEXIST and O_DIRECTORY ENOTDIR, as for any existing file.
# Source: fs/pipe.c fifo_open; fs/proc/fd.c proc_fd_link; fs/namei.c do_open.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe(buf) = 0
load(buf, int) == 3
load(buf+4, int) == 4
w2 = open("/proc/self/fd/3", O_WRONLY, 0)
fcntl(w2, F_GETFL, 0) = O_WRONLY|O_LARGEFILE
store(buf+100, "ab")
write(w2, buf+100, 2) = 2
r2 = open("/proc/self/fd/4", O_RDONLY, 0)
read(r2, buf+200, 10) = 2
load(buf+200, 2) == "ab"
rw = open("/proc/self/fd/4", O_RDWR, 0)
fcntl(rw, F_GETFL, 0) = O_RDWR|O_LARGEFILE
write(rw, buf+100, 2) = 2
read(rw, buf+200, 1) = 1
read(3, buf+200, 1) = 1
open("/proc/self/fd/3", O_RDONLY|O_CREAT|O_EXCL, 0600) = -1 EEXIST
open("/proc/self/fd/3", O_RDONLY|O_DIRECTORY, 0) = -1 ENOTDIR
open("/proc/self/fd/3", O_TMPFILE|O_RDWR, 0600) = -1 ENOTDIR
t = open("/proc/self/fd/3", O_WRONLY|O_TRUNC, 0)
fstat(t, buf+300) = 0
load(buf+300, stat) == {st_mode=S_IFIFO|0600}
close(4) = 0
close(w2) = 0
close(t) = 0
fcntl(3, F_SETFL, O_NONBLOCK) = 0
read(3, buf+200, 1) = -1 EAGAIN
close(rw) = 0
read(3, buf+200, 1) = 0
