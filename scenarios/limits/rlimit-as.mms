# RLIMIT_AS bounds total_vm: a mapping that would pass it is ENOMEM, whatever its kind; what
# MAP_FIXED replaces does not count; mremap growth and MREMAP_DONTUNMAP (which keeps the old
# range mapped) are ENOMEM too. The limit is set with room for the kernel backend's own image
# (under 32 MiB): 256 MiB, with 128 MiB mapped by the scenario.
# Source: mm/mmap.c may_expand_vm; mm/vma.c __mmap_setup; mm/mremap.c check_prep_vma, mremap_to.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fork() => c
in c: store(buf, rlimit{rlim_cur=256*1024*1024, rlim_max=RLIM_INFINITY})
in c: setrlimit(RLIMIT_AS, buf) = 0
in c: a = mmap(NULL, 128*1024*1024, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
in c: mmap(NULL, 160*1024*1024, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
in c: mmap(NULL, 160*1024*1024, PROT_READ, MAP_SHARED|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
# replacing the mapping in place needs no more room
in c: mmap(a, 128*1024*1024, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a
in c: mremap(a, 128*1024*1024, 300*1024*1024, MREMAP_MAYMOVE, 0) = -1 ENOMEM
in c: mremap(a, 128*1024*1024, 128*1024*1024, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0) = -1 ENOMEM
in c: maps(a) == a..a+0x8000000 r--p
in c: munmap(a, 64*1024*1024) = 0
in c: b = mremap(a+64*1024*1024, 64*1024*1024, 128*1024*1024, MREMAP_MAYMOVE, 0)
# the parent has no limit
mmap(NULL, 512*1024*1024, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
