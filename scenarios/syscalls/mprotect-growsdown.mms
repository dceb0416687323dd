# PROT_GROWSDOWN on a MAP_GROWSDOWN mapping (VmFlags gd) applies the protection from the
# start of the VMA up to the end of the range; on other VMAs it is EINVAL, and
# PROT_GROWSUP is EINVAL everywhere on x86. MAP_GROWSDOWN with MAP_SHARED is EINVAL.
# Source: kernel-spec.md §9.3; mm/mprotect.c do_mprotect_pkey.
g = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_GROWSDOWN|MAP_ANONYMOUS, -1, 0)
vmflags(g) == rd wr mr mw me gd ac
mprotect(g+2*PAGE, PAGE, PROT_READ|PROT_GROWSDOWN) = 0
maps(g) == g..g+3*PAGE r--p
maps(g+3*PAGE) == g+3*PAGE..g+4*PAGE rw-p
mprotect(g+3*PAGE, PAGE, PROT_READ|PROT_GROWSUP) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_SHARED|MAP_GROWSDOWN|MAP_ANONYMOUS, -1, 0) = -1 EINVAL
