# After fork, the child's parts of a once-split private memfd mapping do not merge again when
# mprotect makes them alike: each child VMA got its own anon_vma (anon_vma_fork), and VMAs with
# different anon_vmas are not mergeable (is_mergeable_anon_vma). The kernel keeps three VMAs.
# Found by mmkit fuzz --seed 50404 --ops 300.
r = mmap(0x7f0000000000, 256*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("fd", MFD_NOEXEC_SEAL)
# MAP_LOCKED tries to prefault the (empty) file with write faults: that prepares an anon_vma
mmap(r+107*PAGE, 7*PAGE, PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_LOCKED, fd, 2*PAGE) = r+107*PAGE
mprotect(r+112*PAGE, PAGE, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
fork() => child
in child: mprotect(r+110*PAGE, 5*PAGE, PROT_NONE) = 0
in child: vmas(r+110*PAGE, 4*PAGE) == 3
in child: maps(r+110*PAGE) == r+110*PAGE..r+112*PAGE ---p "/memfd:fd (deleted)"
in child: maps(r+112*PAGE) == r+112*PAGE..r+113*PAGE ---p "/memfd:fd (deleted)"
in child: maps(r+113*PAGE) == r+113*PAGE..r+114*PAGE ---p "/memfd:fd (deleted)"
