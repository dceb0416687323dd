# A thread of a forked child sleeps writing more than the pipe holds; the parent, a process of its
# own, reads what is there, which frees every slot and lets the child's writer finish. The bytes
# cross in order.
# Source: fs/pipe.c pipe_write, pipe_read.
buf = mmap(NULL, 17*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
out = mmap(NULL, 17*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe(out) = 0
load(out, int) == 3
load(out+4, int) == 4
fork() => child
in child: store(buf, 16*PAGE, 0x61)
in child: store(buf+16*PAGE, PAGE, 0x62)
in child: spawn c1: write(4, buf, 17*PAGE) = 69632
read(3, out, 17*PAGE) = 65536
join c1
read(3, out+16*PAGE, 2*PAGE) = 4096
load(out+16*PAGE-1, 2) == 0x61 0x62
pagemap(buf, 1) == none
