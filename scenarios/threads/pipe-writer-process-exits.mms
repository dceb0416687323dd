# The only write end left belongs to a forked child; when the child exits, its descriptors close
# and a reader of the parent asleep on the empty pipe wakes at EOF. Bytes the child wrote before
# it exited are read first.
# Source: kernel/exit.c do_exit (exit_files), fs/pipe.c pipe_release, pipe_read.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe(buf) = 0
load(buf, int) == 3
load(buf+4, int) == 4
fork() => child
close(4) = 0
spawn t1: read(3, buf+256, 10) = 3
in child: store(buf+512, "bye")
in child: write(4, buf+512, 3) = 3
join t1
load(buf+256, 3) == "bye"
spawn t2: read(3, buf+256, 10) = 0
exit(child)
join t2
