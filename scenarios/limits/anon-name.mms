# PR_SET_VMA_ANON_NAME names the anonymous VMAs of a range: maps shows [anon:NAME] (shared
# anonymous memory [anon_shmem:NAME]); naming part of a VMA splits it, equal names merge again,
# different names never do; fork and mremap keep the name; NULL clears it. The name is read up
# to its NUL: 80 bytes or more, or a byte outside 0x20..0x7e or one of \ ` $ [ ], is EINVAL,
# an unreadable one EFAULT. A file mapping is EBADF; unmapped parts ENOMEM after the rest is
# named. This machine's kernel lacks CONFIG_ANON_VMA_NAME (anon-name-unsupported.mms), so this
# runs on the model only. Names are string arguments (stored by the runner in the process's
# memory); the bad ones are stored by hand.
# Source: kernel/sys.c prctl_set_vma, is_valid_name_char; mm/madvise.c madvise_set_anon_name,
# madvise_vma_behavior (EBADF); fs/proc/task_mmu.c get_vma_name; selftests prctl/set-anon-vma-name-test.c.
requires: anon-vma-name
n = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(n+32, "bad$name\0")
store(n+48, "tab\there\0")
store(n+PAGE-4, "abcd")
store(n+128, 79, 0x41)
store(n+207, 1, 0)
store(n+256, 80, 0x41)
mprotect(n, PAGE, PROT_READ) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a+PAGE, 2*PAGE, "cache") = 0
maps(a) == a..a+0x1000 rw-p
maps(a+PAGE) == a+0x1000..a+0x3000 rw-p "[anon:cache]"
vmas(a, 4*PAGE) == 3
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, PAGE, "cache") = 0
maps(a) == a..a+0x3000 rw-p "[anon:cache]"
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a+3*PAGE, PAGE, "other") = 0
vmas(a, 4*PAGE) == 2
maps(a+3*PAGE) == a+0x3000..a+0x4000 rw-p "[anon:other]"
fork() => child
in child: maps(a) == a..a+0x3000 rw-p "[anon:cache]"
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, 4*PAGE, 0) = 0
maps(a) == a..a+0x4000 rw-p
# the name's rules
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, PAGE, n+32) = -1 EINVAL
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, PAGE, n+48) = -1 EINVAL
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, PAGE, n+PAGE-4) = -1 EFAULT
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, PAGE, n+128) = 0
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, PAGE, n+256) = -1 EINVAL
prctl(PR_SET_VMA, 1, a, PAGE, "cache") = -1 EINVAL
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a+1, PAGE, "cache") = -1 EINVAL
# shared anonymous memory, file mappings, holes
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, s, PAGE, "cache") = 0
maps(s) == s..s+0x1000 rw-s "[anon_shmem:cache]"
fd = memfd_create("f", 0)
ftruncate(fd, PAGE) = 0
f = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, f, PAGE, "cache") = -1 EBADF
munmap(a+PAGE, PAGE) = 0
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, 4*PAGE, "other") = -1 ENOMEM
maps(a+2*PAGE) == a+0x2000..a+0x4000 rw-p "[anon:other]"
# mremap moves the name along
r = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mremap(a+2*PAGE, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r) = r
maps(r) == r..r+0x2000 rw-p "[anon:other]"
