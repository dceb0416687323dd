# A tmpfs file opened by path behaves as a memfd's pages do (cow.c's tmpfile case): a private
# mapping reads the page cache until it is written, then has a copy of its own; write() and a
# shared mapping change the file, which the private mapping sees only where it has not copied.
# Source: tools/testing/selftests/mm/cow.c (non-anon "Basic COW", tmpfile); mm/memory.c do_wp_page.
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("tmp", O_RDWR|O_CREAT|O_EXCL, 0600)
ftruncate(fd, 2*PAGE) = 0
priv = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
shared = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
load(priv, 1) == 0
store(shared, "one")
load(priv, 3) == "one"
pfn(priv) == pfn(shared)
store(priv, "two")
pfn(priv) != pfn(shared)
load(shared, 3) == "one"
store(buf, "three")
pwrite(fd, buf, 5, 0) = 5
pwrite(fd, buf, 5, PAGE) = 5
load(priv, 3) == "two"
load(priv+PAGE, 5) == "three"
load(shared, 5) == "three"
pread(fd, buf, 3, 0) = 3
load(buf, 3) == "thr"
