# msync's checks, in the kernel's order: unknown flags, an unaligned start, and MS_ASYNC with
# MS_SYNC are EINVAL; the length is rounded up to pages (an unaligned length is fine), a length
# that wraps below the start is ENOMEM, and one that rounds to 0 does nothing. Flags of 0 are
# accepted. The flags are an int: bits above 32 are dropped.
# Source: mm/msync.c.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
msync(a, PAGE, 8) = -1 EINVAL
msync(a+1, PAGE, MS_SYNC) = -1 EINVAL
msync(a, PAGE, MS_ASYNC|MS_SYNC) = -1 EINVAL
msync(a, PAGE, MS_ASYNC|MS_SYNC|MS_INVALIDATE) = -1 EINVAL
msync(a+1, PAGE, 8) = -1 EINVAL
msync(a, PAGE, 0) = 0
msync(a, PAGE, MS_ASYNC) = 0
msync(a, PAGE, MS_SYNC) = 0
msync(a, PAGE, MS_INVALIDATE) = 0
msync(a, 1, MS_SYNC|MS_INVALIDATE) = 0
msync(a, 4*PAGE-1, MS_ASYNC|MS_INVALIDATE) = 0
msync(a, 4*PAGE, 0x100000000|MS_SYNC) = 0
msync(a, 0, MS_SYNC) = 0
msync(a, -1, MS_SYNC) = 0
msync(a, -PAGE, MS_SYNC) = -1 ENOMEM
msync(a+PAGE, -PAGE, MS_SYNC) = -1 ENOMEM
msync(0, 0, MS_SYNC) = 0
msync(0, PAGE, MS_SYNC) = -1 ENOMEM
