# A thread sleeps in read() of an empty pipe; meanwhile its buffer is unmapped. When bytes arrive
# its copy_to_user faults: the read fails with EFAULT and the bytes stay in the pipe for the next
# reader.
# Source: fs/pipe.c pipe_read (copy_page_to_iter short, the buffer not consumed).
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe(buf) = 0
load(buf, int) == 3
load(buf+4, int) == 4
spawn t1: read(3, a, 100) = -1 EFAULT
munmap(a, PAGE) = 0
store(buf+256, 100, 0x33)
write(4, buf+256, 100) = 100
join t1
ioctl(3, FIONREAD, buf+8) = 0
load(buf+8, int) == 100
read(3, buf+512, 200) = 100
load(buf+512, 100) == 0x33*100
