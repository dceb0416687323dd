# mmap() of a file checks the descriptor's access mode: a shared writable mapping needs a file
# open for writing, every mapping a file open for reading (EACCES otherwise). A shared mapping of
# a read-only descriptor is not VM_SHARED and has no VM_MAYWRITE, so mprotect cannot make it
# writable (EACCES); a private mapping of it may be made writable and copies on write.
# Source: mm/mmap.c do_mmap (MAP_SHARED: FMODE_WRITE; all: FMODE_READ); mm/mprotect.c
# do_mprotect_pkey (VM_MAY* check).
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
rw = open("f", O_RDWR|O_CREAT, 0600)
ftruncate(rw, PAGE) = 0
store(buf, "file")
write(rw, buf, 4) = 4
r = open("f", O_RDONLY, 0)
w = open("f", O_WRONLY, 0)
mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, r, 0) = -1 EACCES
mmap(NULL, PAGE, PROT_WRITE, MAP_SHARED_VALIDATE, r, 0) = -1 EACCES
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, w, 0) = -1 EACCES
mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, w, 0) = -1 EACCES
mmap(NULL, PAGE, PROT_NONE, MAP_SHARED, w, 0) = -1 EACCES
s = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, r, 0)
maps(s) == s..s+PAGE r--s "f"
vmflags(s) has rd mr me ms
vmflags(s) lacks sh mw
mprotect(s, PAGE, PROT_READ|PROT_WRITE) = -1 EACCES
load(s, 4) == "file"
p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, r, 0)
mprotect(p, PAGE, PROT_READ|PROT_WRITE) = 0
store(p, "copy")
load(s, 4) == "file"
rws = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, rw, 0)
vmflags(rws) has sh mw
store(rws, "FILE")
load(s, 4) == "FILE"
load(p, 4) == "copy"
