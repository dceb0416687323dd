# A path is read from user memory as the kernel reads it (strncpy_from_user): a NULL or unmapped
# pointer is EFAULT, so is one whose bytes run into an unreadable page before the NUL; a path
# without a NUL in its first PATH_MAX (4096) bytes is ENAMETOOLONG, and so is a component longer
# than NAME_MAX (255) bytes, even when an unreadable page follows those 4096 bytes; an empty path
# is ENOENT. A path that ends right before an unreadable page is fine.
# Source: fs/namei.c getname_flags, lookup_one_common; lib/strncpy_from_user.c.
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(buf+PAGE, PAGE, PROT_NONE) = 0
open(NULL, O_RDONLY, 0) = -1 EFAULT
unlink(NULL) = -1 EFAULT
open(buf+PAGE, O_RDONLY, 0) = -1 EFAULT
store(buf+PAGE-3, "abc")
open(buf+PAGE-3, O_RDWR|O_CREAT, 0600) = -1 EFAULT
store(buf+PAGE-4, "abc\0")
fd = open(buf+PAGE-4, O_RDWR|O_CREAT, 0600)
unlink(buf+PAGE-4) = 0
store(buf, PAGE, 0x61)
open(buf, O_RDONLY, 0) = -1 ENAMETOOLONG
mprotect(buf+PAGE, PAGE, PROT_READ|PROT_WRITE) = 0
store(buf+PAGE, PAGE, 0x62)
open(buf, O_RDONLY, 0) = -1 ENAMETOOLONG
store(buf+256, 1, 0)
open(buf, O_RDWR|O_CREAT, 0600) = -1 ENAMETOOLONG
store(buf+255, 1, 0)
long = open(buf, O_RDWR|O_CREAT, 0600)
unlink(buf) = 0
open("", O_RDONLY, 0) = -1 ENOENT
