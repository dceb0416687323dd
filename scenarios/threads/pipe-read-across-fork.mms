# A thread sleeps in read() of an empty pipe, its buffer a private anonymous page, while the main
# thread forks: the read has not touched the page yet, so parent and child share it, write-
# protected. When the main thread writes to the pipe the reader wakes, and its copy into the
# buffer (copy_to_user) breaks COW in the parent alone: the parent's page holds the bytes, the
# child's copy keeps what was there at the fork.
# Source: fs/pipe.c pipe_read (wait_event_interruptible_exclusive on rd_wait), pipe_write;
# mm/memory.c do_wp_page through the user copy's fault.
requires: root
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
pipe(buf) = 0
load(buf, int) == 3
load(buf+4, int) == 4
spawn t1: read(3, a, 100) = 100
fork() => child
pfn(a) == pfn(child, a)
pagemap(a, 1) == present
store(buf+256, 100, 0x22)
write(4, buf+256, 100) = 100
join t1
load(a, 101) == 0x22*100 0x11
pagemap(a, 1) == present|exclusive
pfn(a) != pfn(child, a)
in child: load(a, 101) == 0x11*101
