# mremap argument checks that fail with EINVAL before any mapping changes: unknown
# flags, unaligned old address, new_len 0, MREMAP_FIXED without MREMAP_MAYMOVE, and a
# FIXED destination that is not page aligned.
# Source: kernel-spec.md §9.4; mm/mremap.c check_mremap_params().
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x41)
mremap(a, PAGE, 2*PAGE, 8, 0) = -1 EINVAL
mremap(a+1, PAGE, 2*PAGE, MREMAP_MAYMOVE, 0) = -1 EINVAL
mremap(a, PAGE, 0, MREMAP_MAYMOVE, 0) = -1 EINVAL
mremap(a, 4*PAGE, 4*PAGE, MREMAP_FIXED, a+8*PAGE) = -1 EINVAL
mremap(a, 4*PAGE, 4*PAGE, MREMAP_FIXED|MREMAP_MAYMOVE, a+8*PAGE+1) = -1 EINVAL
# Lengths are rounded up to pages: a 1-byte new length keeps one page.
mremap(a, 4*PAGE, 1, 0, 0) = a
maps(a) == a..a+PAGE rw-p
load(a, PAGE) == 0x41
