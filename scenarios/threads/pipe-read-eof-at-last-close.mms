# A reader asleep on an empty pipe wakes at EOF, reading 0, once the last write end closes: not
# when the main thread closes its descriptor while a forked child still holds a copy, but when the
# child closes that copy too (pipe_release wakes rd_wait; pipe_readable is true without writers).
# Source: fs/pipe.c pipe_read, pipe_release, pipe_readable.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe(buf) = 0
load(buf, int) == 3
load(buf+4, int) == 4
spawn t1: read(3, buf+256, 10) = 0
fork() => child
close(4) = 0
spawn t2: read(3, buf+512, 10) = 0
in child: close(4) = 0
join t1
join t2
read(3, buf+256, 10) = 0
