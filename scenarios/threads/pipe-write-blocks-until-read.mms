# A write larger than the pipe fills its 16 page-sized slots and sleeps (pipe_write waits on
# wr_wait while the ring is full); a read that leaves the first slot partly full frees nothing,
# one that empties it lets the writer go on with the rest. The bytes come out in order.
# Source: fs/pipe.c pipe_write, pipe_read, pipe_full, PIPE_DEF_BUFFERS.
buf = mmap(NULL, 17*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
out = mmap(NULL, 17*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fds = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, 16*PAGE, 0x5a)
store(buf+16*PAGE, 10, 0xa5)
pipe(fds) = 0
load(fds, int) == 3
spawn t1: write(4, buf, 16*PAGE+10) = 65546
ioctl(3, FIONREAD, fds+64) = 0
load(fds+64, int) == 65536
read(3, out, 100) = 100
ioctl(3, FIONREAD, fds+64) = 0
load(fds+64, int) == 65436
read(3, out+100, PAGE-100) = 3996
join t1
ioctl(3, FIONREAD, fds+64) = 0
load(fds+64, int) == 61450
read(3, out+PAGE, 16*PAGE) = 61450
load(out, 8) == 0x5a*8
load(out+16*PAGE-2, 4) == 0x5a 0x5a 0xa5 0xa5
