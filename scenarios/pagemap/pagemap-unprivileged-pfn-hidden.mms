# A reader without CAP_SYS_ADMIN sees frame 0 in every pagemap entry, with the flag bits
# unchanged.
# Source: kernel-spec.md §1.3 (non-root saw 0x8100000000000000 for a written anon page).
requires: zero-page
process p unprivileged
in p: a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: store(a, 1, 0x11)
in p: load(a+PAGE, 1) == 0
in p: pagemap(a, 3) == present|exclusive@0, present@0, none
in p: fd = memfd_create("pm", 0)
in p: ftruncate(fd, PAGE) = 0
in p: s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
in p: store(s, 1, 0x22)
in p: pagemap(s, 1) == present|file|exclusive@0
in p: fork() => child
in p: pagemap(a, 1) == present@0
in child: pagemap(a, 1) == present@0
