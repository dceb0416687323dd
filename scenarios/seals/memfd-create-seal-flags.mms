# memfd_create's flags decide the seals a memfd starts with: without MFD_ALLOW_SEALING it
# carries F_SEAL_SEAL, so no seal can be added (EPERM); MFD_ALLOW_SEALING starts with none;
# MFD_NOEXEC_SEAL allows sealing and starts with F_SEAL_EXEC. MFD_EXEC with MFD_NOEXEC_SEAL,
# unknown bits and a huge page size without MFD_HUGETLB are EINVAL.
# Source: mm/memfd.c memfd_create (MFD_ALL_FLAGS, MFD_HUGE_MASK << MFD_HUGE_SHIFT) and
# shmem_get_inode (seals = F_SEAL_SEAL); selftests memfd_test.c test_create, test_basic.
plain = memfd_create("plain", 0)
fcntl(plain, F_GET_SEALS, 0) = F_SEAL_SEAL
fcntl(plain, F_ADD_SEALS, F_SEAL_WRITE) = -1 EPERM
fcntl(plain, F_ADD_SEALS, 0) = -1 EPERM
fcntl(plain, F_GET_SEALS, 0) = F_SEAL_SEAL
exec = memfd_create("exec", MFD_EXEC)
fcntl(exec, F_GET_SEALS, 0) = F_SEAL_SEAL
sealable = memfd_create("sealable", MFD_ALLOW_SEALING|MFD_CLOEXEC)
fcntl(sealable, F_GET_SEALS, 0) = 0
noexec = memfd_create("noexec", MFD_NOEXEC_SEAL)
fcntl(noexec, F_GET_SEALS, 0) = F_SEAL_EXEC
both = memfd_create("both", MFD_NOEXEC_SEAL|MFD_ALLOW_SEALING)
fcntl(both, F_GET_SEALS, 0) = F_SEAL_EXEC
fcntl(both, F_ADD_SEALS, F_SEAL_SHRINK) = 0
fcntl(both, F_GET_SEALS, 0) = F_SEAL_EXEC|F_SEAL_SHRINK
memfd_create("x", MFD_EXEC|MFD_NOEXEC_SEAL) = -1 EINVAL
memfd_create("x", MFD_EXEC|MFD_NOEXEC_SEAL|MFD_ALLOW_SEALING) = -1 EINVAL
memfd_create("x", 0x20) = -1 EINVAL
memfd_create("x", 0x54000000) = -1 EINVAL
memfd_create("x", MFD_ALLOW_SEALING|0x4000000) = -1 EINVAL
