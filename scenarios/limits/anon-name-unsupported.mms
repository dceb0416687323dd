# Without CONFIG_ANON_VMA_NAME (as on the reference machine's kernel), every
# prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, ...) is EINVAL, even one that would clear names, and
# maps shows no name.
# Source: kernel/sys.c prctl_set_vma (the !CONFIG_ANON_VMA_NAME stub).
requires: no-anon-vma-name
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, "heap")
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, 2*PAGE, a) = -1 EINVAL
prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, a, 2*PAGE, 0) = -1 EINVAL
prctl(PR_SET_VMA, 1, a, 2*PAGE, a) = -1 EINVAL
maps(a) == a..a+0x2000 rw-p
