# RLIMIT_DATA bounds data_vm, the private writable mappings that are not stacks
# (is_data_mapping): those fail with ENOMEM past it, while read-only, shared and MAP_GROWSDOWN
# mappings do not count. An mprotect that makes a mapping data is refused the same way. A zero
# soft limit with a larger hard limit counts against the hard one (the kernel's workaround for
# Valgrind). The kernel's ignore_rlimit_data boot option is off (its default). Limits leave room
# for the kernel backend's own image (under 32 MiB).
# Source: mm/mmap.c may_expand_vm; mm/internal.h is_data_mapping; mm/mprotect.c mprotect_fixup.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fork() => c
in c: store(buf, rlimit{rlim_cur=256*1024*1024, rlim_max=256*1024*1024})
in c: setrlimit(RLIMIT_DATA, buf) = 0
in c: mmap(NULL, 256*1024*1024, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
in c: r = mmap(NULL, 256*1024*1024, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in c: s = mmap(NULL, 256*1024*1024, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
in c: g = mmap(NULL, 256*1024*1024, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_GROWSDOWN, -1, 0)
in c: mprotect(r, 256*1024*1024, PROT_READ|PROT_WRITE) = -1 ENOMEM
in c: maps(r) == r..r+0x10000000 r--p
in c: mprotect(r, 128*1024*1024, PROT_READ|PROT_WRITE) = 0
in c: mmap(NULL, 128*1024*1024, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
in c: mremap(r, 128*1024*1024, 256*1024*1024, MREMAP_MAYMOVE, 0) = -1 ENOMEM
# soft limit 0, hard limit 256 MiB: the hard limit is what counts
fork() => v
in v: store(buf, rlimit{rlim_cur=0, rlim_max=256*1024*1024})
in v: setrlimit(RLIMIT_DATA, buf) = 0
in v: mmap(NULL, 64*1024*1024, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in v: mmap(NULL, 256*1024*1024, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
