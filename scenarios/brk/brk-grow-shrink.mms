# brk moves the program break: brk(0) reads it, a higher break grows the heap by whole pages
# (an anonymous private VMA, rw-p, accounted), a lower one shrinks it, and a break inside the
# last page changes nothing but the value. The heap's start differs between a real program and
# the model (docs/architecture.md, "Process image"), so the scenario looks only upwards of brk(0).
# Source: mm/mmap.c brk, do_brk_flags; gVisor test/syscalls/linux/brk.cc.
b = brk(0)
brk(0) = b
brk(b + 4*PAGE) = b + 4*PAGE
vmflags(b) == rd wr mr mw me ac
vmas(b, 4*PAGE) == 1
maps(b + 4*PAGE) == none
store(b, 4*PAGE, 0x42)
load(b + 4*PAGE - 1, 1) == 0x42
load(b + 4*PAGE, 1) => SIGSEGV SEGV_MAPERR at b + 4*PAGE
brk(b + 2*PAGE + 1) = b + 2*PAGE + 1
pagemap(b, 4) == present|exclusive*3, none
load(b + 2*PAGE, PAGE) == 0x42
brk(b + 3*PAGE) = b + 3*PAGE
load(b + 2*PAGE, 1) == 0x42
# growing again brings new zeroed pages
brk(b + 8*PAGE) = b + 8*PAGE
load(b + 3*PAGE, 1) == 0
vmas(b, 8*PAGE) == 1
brk(b) = b
maps(b) == none
