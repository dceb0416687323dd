# memfd_create reads its name as a C string: it ends at the first NUL byte, and only the bytes
# before the NUL count against the 249-byte limit (MFD_NAME_MAX_LEN).
# Source: mm/memfd.c memfd_create (strnlen_user(uname, MFD_NAME_MAX_LEN + 1)).
fd = memfd_create("ab\0cd", 0)
m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
maps(m) == m..m+PAGE r--s "/memfd:ab (deleted)"
long = memfd_create("a\0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 0)
close(long) = 0
