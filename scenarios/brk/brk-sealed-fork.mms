# A sealed part of the heap cannot be given back: brk below it returns the old break, while
# the unsealed part above may still shrink. A forked child inherits the break and the heap; its
# brk moves only its own.
# Source: mm/mmap.c brk (do_vmi_align_munmap fails, goto out); mm/mseal.c; kernel/fork.c
# dup_mmap (mm->brk is copied with the mm).
b = brk(0)
brk(b + 8*PAGE) = b + 8*PAGE
store(b, 8*PAGE, 0x66)
mseal(b, 4*PAGE, 0) = 0
brk(b + 2*PAGE) = b + 8*PAGE
brk(b + 4*PAGE) = b + 4*PAGE
brk(b) = b + 4*PAGE
vmflags(b) has sl
fork() => child
in child: brk(0) = b + 4*PAGE
in child: load(b, 4*PAGE) == 0x66
in child: brk(b + 12*PAGE) = b + 12*PAGE
in child: vmas(b, 12*PAGE) == 2
brk(0) = b + 4*PAGE
maps(b + 4*PAGE) == none
