# MAP_SHARED_VALIDATE maps a file like MAP_SHARED but rejects flags the kernel does not
# know (EOPNOTSUPP), where MAP_SHARED ignores them; it is not valid for anonymous memory.
# MAP_SYNC is known but only for DAX files, so on a memfd it is EOPNOTSUPP too.
# Source: kernel-spec.md §9.1 (SHARED_VALIDATE).
fd = memfd_create("validate", 0)
ftruncate(fd, PAGE) = 0
v = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED_VALIDATE, fd, 0)
maps(v) == v..v+PAGE rw-s "/memfd:validate (deleted)"
mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE|0x200000, fd, 0) = -1 EOPNOTSUPP
mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE|MAP_SYNC, fd, 0) = -1 EOPNOTSUPP
s = mmap(NULL, PAGE, PROT_READ, MAP_SHARED|0x200000, fd, 0)
maps(s) == s..s+PAGE r--s "/memfd:validate (deleted)"
mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL
# Both see the same page cache page.
store(v, "hi")
load(s, 2) == "hi"
