# Path components are walked in order: "." and repeated slashes stay in the directory, and a name
# followed by anything must be a directory, so "f/x", "f/." and "f/.." are ENOTDIR for a file f
# and ENOENT when f does not exist. A trailing slash asks for a directory: on a file it is
# ENOTDIR, with O_CREAT EISDIR whether the name exists or not; unlink("f/") is ENOTDIR. A ".."
# that leaves the scenario's directory and absolute paths outside /proc are refused when the
# scenario is read (not modelled), on both backends.
# Source: fs/namei.c link_path_walk, walk_component, open_last_lookups, do_unlinkat.
f = open("f", O_RDWR|O_CREAT, 0600)
open("f/", O_RDONLY, 0) = -1 ENOTDIR
open("f/", O_PATH, 0) = -1 ENOTDIR
open("f//", O_RDONLY, 0) = -1 ENOTDIR
open("f/", O_RDWR|O_CREAT, 0600) = -1 EISDIR
open("f/", O_RDWR|O_CREAT|O_EXCL, 0600) = -1 EISDIR
open("g/", O_RDWR|O_CREAT, 0600) = -1 EISDIR
open("g/", O_RDONLY, 0) = -1 ENOENT
open("f/.", O_RDONLY, 0) = -1 ENOTDIR
open("f/..", O_RDONLY, 0) = -1 ENOTDIR
open("g/../f", O_RDONLY, 0) = -1 ENOENT
open("./f/../f", O_RDONLY, 0) = -1 ENOTDIR
g = open("././/f", O_RDONLY, 0)
d = open("./", O_RDONLY, 0)
d2 = open(".//.", O_RDONLY|O_DIRECTORY, 0)
unlink("f/") = -1 ENOTDIR
unlink("g/") = -1 ENOENT
unlink("./f") = 0
open("/proc/self/fd/3/", O_RDONLY, 0) = -1 ENOTDIR
