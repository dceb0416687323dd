# Two threads sleep in read() of one empty pipe. A write wakes the one that has waited longest,
# which takes every byte; the other sleeps on until the next write. (pipe_read waits exclusively
# on rd_wait, so a write wakes one reader, the oldest.)
# Source: fs/pipe.c pipe_read, pipe_write; kernel/sched/wait.c __wake_up_common.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe(buf) = 0
load(buf, int) == 3
load(buf+4, int) == 4
spawn t1: read(3, buf+256, 100) = 5
spawn t2: read(3, buf+512, 100) = 3
store(buf+1024, "first")
write(4, buf+1024, 5) = 5
join t1
load(buf+256, 5) == "first"
store(buf+1024, "two")
write(4, buf+1024, 3) = 3
join t2
load(buf+512, 3) == "two"
