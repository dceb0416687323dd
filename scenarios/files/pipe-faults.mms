# A pipe's reads and writes copy through the process's memory like any file's. A read whose
# buffer faults takes nothing out of the pipe (EFAULT), even when the fault comes part way, in a
# later iovec; a write that faults adds nothing of the page it was filling. A full pipe (16 pages)
# refuses more with EAGAIN when non-blocking, or takes what fits. A forked child shares the pipe.
# Source: fs/pipe.c pipe_read, pipe_write (the merge into the last buffer, the slot allocated
# before the copy).
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
big = mmap(NULL, 17*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe2(buf, O_NONBLOCK) = 0
store(buf+100, "abcdef")
write(4, buf+100, 6) = 6
read(3, 0, 6) = -1 EFAULT
mprotect(buf+PAGE, PAGE, PROT_READ) = 0
read(3, buf+PAGE-2, 6) = -1 EFAULT
store(buf+300, iovec{iov_base=buf+400, iov_len=2})
store(buf+316, iovec{iov_base=buf+PAGE, iov_len=4})
readv(3, buf+300, 2) = -1 EFAULT
read(3, buf+200, 6) = 6
load(buf+200, 6) == "abcdef"
write(4, buf+PAGE-3, 6) = 6
read(3, buf+200, 10) = 6
munmap(buf+PAGE, PAGE) = 0
write(4, buf+PAGE-3, 6) = -1 EFAULT
write(4, buf+100, 3) = 3
write(4, buf+PAGE-3, 6) = -1 EFAULT
read(3, buf+200, 10) = 3
load(buf+200, 3) == "abc"
store(big, 17*PAGE, 0x41)
write(4, big, 17*PAGE) = 16*PAGE
write(4, big, 1) = -1 EAGAIN
read(3, big, PAGE+1) = PAGE+1
write(4, big, 3*PAGE) = PAGE
fork() => child
in child: read(3, big, 2) = 2
load(big, 2) == "AA"
