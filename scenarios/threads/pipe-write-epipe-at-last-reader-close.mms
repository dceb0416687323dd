# Writers asleep on a full pipe wake when the last read end closes: one that wrote part of its
# bytes before it slept returns that count, one that wrote nothing fails with EPIPE (SIGPIPE is
# ignored by the executor, as the model's processes are taken to do).
# Source: fs/pipe.c pipe_write (the readers check at each turn of its loop), pipe_release.
buf = mmap(NULL, 17*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fds = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe(fds) = 0
load(fds, int) == 3
load(fds+4, int) == 4
spawn t1: write(4, buf, 17*PAGE) = 65536
spawn t2: write(4, buf, 1) = -1 EPIPE
close(3) = 0
join t1
join t2
write(4, buf, 1) = -1 EPIPE
