# Opening an existing file checks its permission bits (may_open): the owner's bits for its owner,
# the others' bits for anyone else (a process's group is its user's), and nothing for root, who
# holds CAP_DAC_OVERRIDE. O_TRUNC asks for write access too; O_PATH asks for nothing. The open
# that creates a file is not checked, so a 0400 file can be created read-write; a later open of
# it for writing is EACCES even for its owner. Files get the mode asked for less the umask 022.
# Reopening through /proc/self/fd checks the same bits. The directory is writable by all, so an
# unprivileged process may unlink root's files.
# Source: fs/namei.c may_open, inode_permission, generic_permission, do_open (FMODE_CREATED);
# fs/open.c build_open_flags (O_TRUNC asks MAY_WRITE).
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
secret = open("secret", O_RDWR|O_CREAT, 0600)
shared = open("shared", O_RDWR|O_CREAT, 0666)
fstat(shared, buf) = 0
load(buf, stat) == {st_mode=S_IFREG|0644, st_uid=0, st_gid=0}
process u unprivileged
in u: ubuf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: open("secret", O_RDONLY, 0) = -1 EACCES
in u: open("secret", O_WRONLY, 0) = -1 EACCES
in u: open("secret", O_RDONLY|O_CREAT, 0600) = -1 EACCES
in u: open("secret", O_RDONLY|O_CREAT|O_EXCL, 0600) = -1 EEXIST
in u: open("secret", O_RDONLY|O_DIRECTORY, 0) = -1 ENOTDIR
in u: p = open("secret", O_PATH, 0)
in u: r = open("shared", O_RDONLY, 0)
in u: open("shared", O_RDWR, 0) = -1 EACCES
in u: open("shared", O_RDONLY|O_TRUNC, 0) = -1 EACCES
in u: open("/proc/self/fd/3", O_RDONLY, 0) = -1 EACCES
in u: own = open("own", O_RDWR|O_CREAT, 0400)
in u: fstat(own, ubuf) = 0
in u: load(ubuf, stat) == {st_mode=S_IFREG|0400, st_uid=65534, st_gid=65534}
in u: store(ubuf, "mine")
in u: write(own, ubuf, 4) = 4
in u: open("own", O_RDWR, 0) = -1 EACCES
in u: ro = open("own", O_RDONLY, 0)
in u: open("/proc/self/fd/5", O_WRONLY, 0) = -1 EACCES
in u: w = open("w", O_WRONLY|O_CREAT, 0620)
in u: unlink("shared") = 0
rw = open("own", O_RDWR|O_TRUNC, 0)
w2 = open("w", O_RDWR, 0)
read(rw, buf, 4) = 0
