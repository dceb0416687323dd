# D4: a process may spawn and join any number of threads over its life; on the kernel backend a
# joined thread frees its executor slot, so the 17th spawn works as the first did.
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
spawn t1: store(a+1, 1, 1)
join t1
spawn t2: store(a+2, 1, 2)
join t2
spawn t3: store(a+3, 1, 3)
join t3
spawn t4: store(a+4, 1, 4)
join t4
spawn t5: store(a+5, 1, 5)
join t5
spawn t6: store(a+6, 1, 6)
join t6
spawn t7: store(a+7, 1, 7)
join t7
spawn t8: store(a+8, 1, 8)
join t8
spawn t9: store(a+9, 1, 9)
join t9
spawn t10: store(a+10, 1, 10)
join t10
spawn t11: store(a+11, 1, 11)
join t11
spawn t12: store(a+12, 1, 12)
join t12
spawn t13: store(a+13, 1, 13)
join t13
spawn t14: store(a+14, 1, 14)
join t14
spawn t15: store(a+15, 1, 15)
join t15
spawn t16: store(a+16, 1, 16)
join t16
spawn t17: store(a+17, 1, 17)
join t17
spawn t18: store(a+18, 1, 18)
join t18
spawn t19: store(a+19, 1, 19)
join t19
spawn t20: store(a+20, 1, 20)
join t20
load(a, 21) == 0x00 0x01 0x02 0x03 0x04 0x05 0x06 0x07 0x08 0x09 0x0a 0x0b 0x0c 0x0d 0x0e 0x0f 0x10 0x11 0x12 0x13 0x14
