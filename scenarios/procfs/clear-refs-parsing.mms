# /proc/PID/clear_refs takes a decimal number from 1 to 5: at most 12 bytes are copied in (a
# longer write returns 12), read up to the first NUL, stripped of white space at both ends and
# parsed by kstrtoint, which takes one leading sign and nothing after the digits. Anything else
# is EINVAL, a number beyond an int ERANGE, a number outside 1..5 EINVAL; a buffer that cannot be
# read whole is EFAULT, and an empty write reaches the parser (EINVAL). The file has only
# ->write, so writev hands it one segment at a time and stops at the first error or short take.
# Source: fs/proc/task_mmu.c clear_refs_write (PROC_NUMBUF, strstrip, kstrtoint);
# lib/kstrtox.c; fs/read_write.c vfs_write, do_loop_readv_writev.
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
write(cr, "1", 1) = 1
write(cr, "1\n", 2) = 2
write(cr, " 1", 2) = 2
write(cr, "\t1 \n ", 5) = 5
write(cr, "+4", 2) = 2
write(cr, "04", 2) = 2
write(cr, "000000000005", 12) = 12
write(cr, "1                   ", 20) = 12
write(cr, "4\0zz", 4) = 4
write(cr, "1x", 2) = -1 EINVAL
write(cr, "0x4", 3) = -1 EINVAL
write(cr, "4 4", 3) = -1 EINVAL
write(cr, "\n", 1) = -1 EINVAL
write(cr, "", 0) = -1 EINVAL
write(cr, "0", 1) = -1 EINVAL
write(cr, "6", 1) = -1 EINVAL
write(cr, "-1", 2) = -1 EINVAL
write(cr, "-0", 2) = -1 EINVAL
write(cr, "+-1", 3) = -1 EINVAL
write(cr, "-2147483648", 11) = -1 EINVAL
write(cr, "2147483648", 10) = -1 ERANGE
write(cr, "99999999999", 11) = -1 ERANGE
write(cr, "0000000000004", 13) = -1 EINVAL
# the buffer: unreadable, or running into an unmapped page
write(cr, 8, 1) = -1 EFAULT
write(cr, 8, 0) = -1 EINVAL
munmap(buf+PAGE, PAGE) = 0
store(buf+PAGE-1, "4")
write(cr, buf+PAGE-1, 1) = 1
write(cr, buf+PAGE-1, 2) = -1 EFAULT
# writev: each segment is one write of its own
store(buf, iovec{iov_base=buf+PAGE-1, iov_len=1})
store(buf+16, iovec{iov_base=buf+PAGE-1, iov_len=1})
writev(cr, buf, 2) = 2
store(buf+32, "x")
store(buf+16, iovec{iov_base=buf+32, iov_len=1})
writev(cr, buf, 2) = 1
writev(cr, buf+16, 1) = -1 EINVAL
