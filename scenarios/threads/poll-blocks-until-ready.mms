# poll() with a negative timeout sleeps until a file it asks becomes ready: a write to the pipe
# makes the read end readable, closing the read end puts the write end in error. With a zero
# timeout it returns at once.
# Source: fs/select.c do_poll, fs/pipe.c pipe_poll.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe(buf) = 0
load(buf, int) == 3
load(buf+4, int) == 4
store(buf+128, pollfd{fd=3, events=POLLIN})
spawn t1: poll(buf+128, 1, 0) = 0
join t1
spawn t2: poll(buf+128, 1, -1) = 1
store(buf+512, "x")
write(4, buf+512, 1) = 1
join t2
load(buf+128, pollfd) == {revents=POLLIN}
read(3, buf+512, 1) = 1
store(buf+136, pollfd{fd=4, events=POLLIN})
spawn t3: poll(buf+136, 1, -1) = 1
close(3) = 0
join t3
load(buf+136, pollfd) == {revents=POLLERR}
