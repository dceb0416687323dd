/*
 * The kernel side of `mmkit bench`: measures on this machine's kernel the same logical work as the
 * model's workloads (org.mmkit.bench), one measurement per run:
 *
 *     mmkit-kernel-bench NAME OPS
 *
 * prints one line "bench NAME NS_PER_OP OPS": the time of the measured part only (setup such as
 * mmap, munmap and waiting for children is outside it), from CLOCK_MONOTONIC; for
 * heap-per-resident-page the figure is bytes per page, not time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096L
/* as the model's ManyVmas: this many one-page VMAs, alternately read-only and read-write */
#define MANY_VMAS 60000L
/* as the model's ForkCow: the resident memory a fork copies */
#define FORK_BYTES (64L << 20)
/* as the model's PagemapRead: the range read, in pages */
#define PAGEMAP_PAGES 4096L
/* as the model's ModelSetup: vm.max_map_count for the rows up to 1M VMAs */
#define SCALE_MAX_MAP_COUNT 2000000L
/* as the model's ModelSetup: the threads faulting at once */
#define THREADS 16
/* sizeof(struct page) on x86-64: the kernel's metadata per page frame */
#define STRUCT_PAGE_BYTES 64L
#define MAX_MAP_COUNT_FILE "/proc/sys/vm/max_map_count"
/* as the scenario harness's lent swap area (Requirement.LENT_SWAP_BYTES), made the same way */
#define SWAP_BYTES (64L << 20)
/* the lock every mmkit run takes before it changes the machine's swap (MachineLock.FILE) */
#define MACHINE_LOCK "/run/lock/mmkit-machine-setup.lock"
#define ZRAM_CONTROL "/sys/class/zram-control"
/* newer than this toolchain's 6.1-era uapi headers (include/uapi/linux/userfaultfd.h of 6.18) */
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1 << 15)
#endif
#ifndef UFFD_FEATURE_WP_UNPOPULATED
#define UFFD_FEATURE_WP_UNPOPULATED (1 << 13)
#endif
/* as the model's PagemapScanBench: the range one PAGEMAP_SCAN covers, in pages (64 MiB) */
#define SCAN_PAGES 16384L

/* the PAGEMAP_SCAN ABI (include/uapi/linux/fs.h of 6.7+), newer than this toolchain's headers */
struct scan_region { uint64_t start, end, categories; };
struct scan_arg {
    uint64_t size, flags, start, end, walk_end, vec, vec_len, max_pages;
    uint64_t category_inverted, category_mask, category_anyof_mask, return_mask;
};
#define PAGEMAP_SCAN_CMD 0xC0606610UL
#define SCAN_WP_MATCHING 1UL
#define SCAN_CHECK_WPASYNC 2UL
#define IS_WRITTEN 2UL
#define IS_PRESENT 8UL

static void die(const char *what) {
    fprintf(stderr, "mmkit-kernel-bench: %s: %s\n", what, strerror(errno));
    exit(2);
}

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static char *map_anon(long bytes) {
    char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) die("mmap");
    return p;
}

static void touch(char *p, long pages) {
    for (long i = 0; i < pages; i++) ((volatile char *)p)[i * PAGE] = 1;
}

/* xorshift64: the random order of the random-access row, fixed so every run takes the same path */
static uint64_t next_random(uint64_t *s) {
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

/* ops alternating 8-byte loads and stores to one resident page */
static int64_t load_store_tlb_hit(long ops) {
    volatile uint64_t *p = (volatile uint64_t *)map_anon(PAGE);
    *p = 0;
    int64_t t0 = now_ns();
    for (long i = 0; i < ops; i += 2) *p = *p + 1;
    return now_ns() - t0;
}

/* one fault per fresh page: write (allocate and zero-fill) or read */
static int64_t anon_fault(long ops, int write) {
    char *p = map_anon(ops * PAGE);
    volatile char sink = 0;
    int64_t t0 = now_ns();
    if (write) touch(p, ops);
    else for (long i = 0; i < ops; i++) sink += ((volatile char *)p)[i * PAGE];
    int64_t t = now_ns() - t0;
    (void)sink;
    munmap(p, ops * PAGE);
    return t;
}

/* ops pagemap entries of a resident or never-touched range, read a whole range at a time */
static int64_t pagemap_read(long ops, int resident) {
    char *p = map_anon(PAGEMAP_PAGES * PAGE);
    if (resident) touch(p, PAGEMAP_PAGES);
    int fd = open("/proc/self/pagemap", O_RDONLY);
    if (fd < 0) die("open /proc/self/pagemap");
    static uint64_t buf[PAGEMAP_PAGES];
    off_t offset = (off_t)((uintptr_t)p / PAGE * 8);
    int64_t t0 = now_ns();
    for (long done = 0; done < ops; done += PAGEMAP_PAGES) {
        if (pread(fd, buf, sizeof buf, offset) != (ssize_t)sizeof buf) die("pread pagemap");
    }
    int64_t t = now_ns() - t0;
    close(fd);
    munmap(p, PAGEMAP_PAGES * PAGE);
    return t;
}

/* one PAGEMAP_SCAN of [p, p + SCAN_PAGES pages) into vec; returns the regions */
static long pagemap_scan(int fd, char *p, uint64_t flags, uint64_t mask, struct scan_region *vec, long vec_len) {
    struct scan_arg arg = {
        .size = sizeof arg, .flags = flags, .start = (uintptr_t)p, .end = (uintptr_t)p + SCAN_PAGES * PAGE,
        .vec = (uintptr_t)vec, .vec_len = vec_len, .category_mask = mask, .return_mask = mask,
    };
    long n = ioctl(fd, PAGEMAP_SCAN_CMD, &arg);
    if (n < 0) die("ioctl PAGEMAP_SCAN");
    return n;
}

/*
 * ops pages scanned by PAGEMAP_SCAN, SCAN_PAGES a call: mode 0 a resident range for PRESENT (one
 * region), 1 every second page resident (SCAN_PAGES / 2 regions), 2 a WP_ASYNC tracked range with
 * every second page written before each call (untimed), collected and re-protected with
 * WP_MATCHING|CHECK_WPASYNC for WRITTEN
 */
static int64_t pagemap_scan_rows(long ops, int mode) {
    char *p = map_anon(SCAN_PAGES * PAGE);
    int fd = open("/proc/self/pagemap", O_RDONLY);
    if (fd < 0) die("open /proc/self/pagemap");
    static struct scan_region vec[SCAN_PAGES / 2];
    if (mode == 0) touch(p, SCAN_PAGES);
    for (long i = 0; mode == 1 && i < SCAN_PAGES; i += 2) ((volatile char *)p)[i * PAGE] = 1;
    int uffd = -1;
    if (mode == 2) {
        uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
        if (uffd < 0) die("userfaultfd");
        struct uffdio_api api = {.api = UFFD_API, .features = UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_UNPOPULATED};
        if (ioctl(uffd, UFFDIO_API, &api)) die("UFFDIO_API");
        struct uffdio_register reg = {.range = {(uintptr_t)p, SCAN_PAGES * PAGE}, .mode = UFFDIO_REGISTER_MODE_WP};
        if (ioctl(uffd, UFFDIO_REGISTER, &reg)) die("UFFDIO_REGISTER");
        pagemap_scan(fd, p, SCAN_WP_MATCHING, 0, NULL, 0);
    }
    int64_t t = 0;
    for (long done = 0; done < ops; done += SCAN_PAGES) {
        for (long i = 0; mode == 2 && i < SCAN_PAGES; i += 2) ((volatile char *)p)[i * PAGE] = 1;
        int64_t t0 = now_ns();
        if (mode == 2) pagemap_scan(fd, p, SCAN_WP_MATCHING | SCAN_CHECK_WPASYNC, IS_WRITTEN, vec, SCAN_PAGES / 2);
        else pagemap_scan(fd, p, 0, IS_PRESENT, vec, mode == 0 ? 1 : SCAN_PAGES / 2);
        t += now_ns() - t0;
    }
    if (uffd >= 0) close(uffd);
    close(fd);
    munmap(p, SCAN_PAGES * PAGE);
    return t;
}

/* MANY_VMAS one-page VMAs, every page resident, alternately read-write and read-only */
static char *many_vmas(void) {
    char *p = map_anon(MANY_VMAS * PAGE);
    touch(p, MANY_VMAS);
    for (long i = 1; i < MANY_VMAS; i += 2) {
        if (mprotect(p + i * PAGE, PAGE, PROT_READ)) die("mprotect");
    }
    return p;
}

/* ops reads of the whole /proc/self/maps text */
static int64_t maps_text(long ops) {
    many_vmas();
    static char buf[1 << 16];
    int64_t t0 = now_ns();
    for (long i = 0; i < ops; i++) {
        int fd = open("/proc/self/maps", O_RDONLY);
        if (fd < 0) die("open /proc/self/maps");
        while (read(fd, buf, sizeof buf) > 0) {
        }
        close(fd);
    }
    return now_ns() - t0;
}

/* ops 8-byte loads, one per VMA, in address order or in a fixed random order */
static int64_t tlb_miss(long ops, int random) {
    char *p = many_vmas();
    uint64_t s = 88172645463325252ull;
    volatile uint64_t sink = 0;
    int64_t t0 = now_ns();
    for (long i = 0; i < ops; i++) {
        long page = random ? (long)(next_random(&s) % MANY_VMAS) : i % MANY_VMAS;
        sink += *(volatile uint64_t *)(p + page * PAGE);
    }
    int64_t t = now_ns() - t0;
    (void)sink;
    return t;
}

/* ops forks of a process with FORK_BYTES resident; the child exits at once */
static int64_t fork_resident(long ops) {
    char *p = map_anon(FORK_BYTES);
    touch(p, FORK_BYTES / PAGE);
    int64_t total = 0;
    for (long i = 0; i < ops; i++) {
        int64_t t0 = now_ns();
        pid_t child = fork();
        if (child == 0) _exit(0);
        total += now_ns() - t0;
        if (child < 0) die("fork");
        waitpid(child, NULL, 0);
    }
    return total;
}

/* ops first writes, one per page, to FORK_BYTES shared copy-on-write with a waiting child */
static int64_t cow_write(long ops) {
    long pages = FORK_BYTES / PAGE;
    char *p = map_anon(FORK_BYTES);
    touch(p, pages);
    int64_t total = 0;
    for (long done = 0; done < ops; done += pages) {
        int release[2];
        if (pipe(release)) die("pipe");
        pid_t child = fork();
        if (child < 0) die("fork");
        if (child == 0) {
            char c;
            close(release[1]);
            (void)!read(release[0], &c, 1);
            _exit(0);
        }
        close(release[0]);
        long n = ops - done < pages ? ops - done : pages;
        int64_t t0 = now_ns();
        for (long i = 0; i < n; i++) p[i * PAGE] = 2;
        total += now_ns() - t0;
        close(release[1]);
        waitpid(child, NULL, 0);
    }
    return total;
}

/* the PageTables line of /proc/meminfo, in bytes */
static long page_table_bytes(void) {
    FILE *f = fopen("/proc/meminfo", "r");
    if (!f) die("open /proc/meminfo");
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "PageTables: %ld kB", &kb) == 1) break;
    }
    fclose(f);
    if (kb < 0) die("no PageTables in /proc/meminfo");
    return kb * 1024;
}

/*
 * The bytes of kernel memory each of ops resident anonymous pages holds: its struct page, plus the
 * page tables the writes made (the machine-wide PageTables count, before and after; other processes'
 * changes in between are noise). Returned as the total; main divides by ops.
 */
static int64_t heap_per_resident_page(long ops) {
    long before = page_table_bytes();
    char *p = map_anon(ops * PAGE);
    touch(p, ops);
    long after = page_table_bytes();
    munmap(p, ops * PAGE);
    return STRUCT_PAGE_BYTES * ops + (after - before);
}

static long saved_max_map_count = -1;

static long read_max_map_count(void) {
    FILE *f = fopen(MAX_MAP_COUNT_FILE, "r");
    long value = -1;
    if (!f || fscanf(f, "%ld", &value) != 1) die("read " MAX_MAP_COUNT_FILE);
    fclose(f);
    return value;
}

static void write_max_map_count(long value) {
    FILE *f = fopen(MAX_MAP_COUNT_FILE, "w");
    if (!f || fprintf(f, "%ld\n", value) < 0 || fclose(f)) die("write " MAX_MAP_COUNT_FILE " (needs root)");
}

static void restore_max_map_count(void) {
    if (saved_max_map_count >= 0) write_max_map_count(saved_max_map_count);
}

/* ops one-page VMAs cut from one mapping by an mprotect of every other page, vm.max_map_count raised */
static int64_t many_vmas_scale(long ops) {
    saved_max_map_count = read_max_map_count();
    if (saved_max_map_count < SCALE_MAX_MAP_COUNT) {
        atexit(restore_max_map_count);
        write_max_map_count(SCALE_MAX_MAP_COUNT);
    } else {
        saved_max_map_count = -1;
    }
    char *p = map_anon(ops * PAGE);
    int64_t t0 = now_ns();
    for (long i = 1; i < ops; i += 2) {
        if (mprotect(p + i * PAGE, PAGE, PROT_READ)) die("mprotect");
    }
    int64_t ns = now_ns() - t0;
    munmap(p, ops * PAGE);
    return ns;
}

struct slice { char *first; long pages; };

static void *touch_slice(void *arg) {
    struct slice *s = arg;
    touch(s->first, s->pages);
    return NULL;
}

/* ops write faults on one fresh mapping by THREADS threads at once, each on its own slice */
static int64_t threads_faults(long ops) {
    char *p = map_anon(ops * PAGE);
    pthread_t threads[THREADS];
    struct slice slices[THREADS];
    long slice = ops / THREADS;
    int64_t t0 = now_ns();
    for (int t = 0; t < THREADS; t++) {
        slices[t] = (struct slice){p + t * slice * PAGE, slice};
        if ((errno = pthread_create(&threads[t], NULL, touch_slice, &slices[t]))) die("pthread_create");
    }
    for (int t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);
    int64_t ns = now_ns() - t0;
    munmap(p, ops * PAGE);
    return ns;
}

static int lent_zram = -1;
static char lent_path[64];

static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f)) die(path);
}

/* whether /proc/swaps lists an active area below its header */
static int has_swap(void) {
    FILE *f = fopen("/proc/swaps", "r");
    if (!f) return 0;
    char line[512];
    int lines = 0;
    while (fgets(line, sizeof line, f)) lines++;
    fclose(f);
    return lines > 1;
}

static void remove_lent_swap(void) {
    if (lent_zram < 0) return;
    if (swapoff(lent_path)) fprintf(stderr, "mmkit-kernel-bench: swapoff %s: %s\n", lent_path, strerror(errno));
    char id[16];
    snprintf(id, sizeof id, "%d", lent_zram);
    write_text(ZRAM_CONTROL "/hot_remove", id);
}

/*
 * The swap rows need a swap area: the machine's own, or a zram device lent for the run as the
 * scenario harness lends one (a new device, formatted as mkswap would, removed at exit), under
 * the same machine lock, held until exit so that no other run takes the area away meanwhile.
 */
static void ensure_swap(void) {
    int fd = open(MACHINE_LOCK, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
    struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    if (fd < 0 || fcntl(fd, F_SETLKW, &lock)) die("lock " MACHINE_LOCK);
    if (has_swap()) return;
    FILE *control = fopen(ZRAM_CONTROL "/hot_add", "r");
    if (!control || fscanf(control, "%d", &lent_zram) != 1) {
        fprintf(stderr, "mmkit-kernel-bench: the swap rows need swap: this machine has none and cannot lend a zram "
                "device (run as root, with the zram module loaded)\n");
        exit(3);
    }
    fclose(control);
    atexit(remove_lent_swap);
    snprintf(lent_path, sizeof lent_path, "/dev/zram%d", lent_zram);
    char path[96], size[32];
    snprintf(path, sizeof path, "/sys/block/zram%d/disksize", lent_zram);
    snprintf(size, sizeof size, "%ld", SWAP_BYTES);
    write_text(path, size);
    /* union swap_header, version 1: the last usable page and the magic */
    static char header[PAGE];
    uint32_t version = 1, last = SWAP_BYTES / PAGE - 1;
    memcpy(header + 1024, &version, sizeof version);
    memcpy(header + 1028, &last, sizeof last);
    memcpy(header + PAGE - 10, "SWAPSPACE2", 10);
    int dev = open(lent_path, O_WRONLY | O_CLOEXEC);
    if (dev < 0 || pwrite(dev, header, PAGE, 0) != PAGE || fsync(dev) || close(dev)) die(lent_path);
    if (swapon(lent_path, 0)) die("swapon");
}

/*
 * ops pages written, then MADV_PAGEOUT of them all (swap-out per page), or paged out outside the
 * time and then read back one by one (swap-in per page, zram decompressing each)
 */
static int64_t swap_out_in(long ops, int in) {
    ensure_swap();
    char *p = map_anon(ops * PAGE);
    touch(p, ops);
    if (in && madvise(p, ops * PAGE, MADV_PAGEOUT)) die("madvise");
    int64_t t0 = now_ns();
    if (in) {
        for (long i = 0; i < ops; i++) (void)((volatile char *)p)[i * PAGE];
    } else if (madvise(p, ops * PAGE, MADV_PAGEOUT)) {
        die("madvise");
    }
    int64_t ns = now_ns() - t0;
    munmap(p, ops * PAGE);
    return ns;
}

/* the kinds of userfaultfd fault the uffd rows time */
enum uffd_kind { UFFD_MISSING, UFFD_WP, UFFD_WP_ASYNC };

struct uffd_handler { int uffd; enum uffd_kind kind; long ops; char *source; };

static void uffd_write_protect(int uffd, char *addr, long len, __u64 mode) {
    struct uffdio_writeprotect wp = { .range = { (uintptr_t)addr, (__u64)len }, .mode = mode };
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp)) die("UFFDIO_WRITEPROTECT");
}

/* the handler thread: ops blocking reads, each answered by the ioctl that wakes the writer */
static void *uffd_handle(void *arg) {
    struct uffd_handler *h = arg;
    for (long i = 0; i < h->ops; i++) {
        struct uffd_msg msg;
        if (read(h->uffd, &msg, sizeof msg) != (ssize_t)sizeof msg) die("read uffd");
        char *page = (char *)(uintptr_t)(msg.arg.pagefault.address & ~(PAGE - 1));
        if (h->kind == UFFD_MISSING) {
            struct uffdio_copy copy = { .dst = (uintptr_t)page, .src = (uintptr_t)h->source, .len = PAGE };
            if (ioctl(h->uffd, UFFDIO_COPY, &copy)) die("UFFDIO_COPY");
        } else {
            uffd_write_protect(h->uffd, page, PAGE, 0);
        }
    }
    return NULL;
}

/*
 * ops userfaultfd faults, one write per page of a fresh registered mapping: MISSING answered by
 * UFFDIO_COPY, WP by un-protecting, both from a handler thread; WP_ASYNC resolved by the kernel
 * with no message. Registering, populating and protecting are outside the time.
 */
static int64_t uffd_faults(long ops, enum uffd_kind kind) {
    int uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC);
    if (uffd < 0) die("userfaultfd");
    struct uffdio_api api = { .api = UFFD_API, .features = kind == UFFD_WP_ASYNC ? UFFD_FEATURE_WP_ASYNC : 0 };
    if (ioctl(uffd, UFFDIO_API, &api)) die("UFFDIO_API");
    char *p = map_anon(ops * PAGE);
    char *source = map_anon(PAGE);
    memset(source, 0x5a, PAGE);
    if (kind != UFFD_MISSING) touch(p, ops);
    struct uffdio_register reg = { .range = { (uintptr_t)p, (__u64)(ops * PAGE) },
        .mode = kind == UFFD_MISSING ? UFFDIO_REGISTER_MODE_MISSING : UFFDIO_REGISTER_MODE_WP };
    if (ioctl(uffd, UFFDIO_REGISTER, &reg)) die("UFFDIO_REGISTER");
    if (kind != UFFD_MISSING) uffd_write_protect(uffd, p, ops * PAGE, UFFDIO_WRITEPROTECT_MODE_WP);
    struct uffd_handler h = { uffd, kind, ops, source };
    pthread_t handler;
    if (kind != UFFD_WP_ASYNC && (errno = pthread_create(&handler, NULL, uffd_handle, &h))) die("pthread_create");
    int64_t t0 = now_ns();
    for (long i = 0; i < ops; i++) ((volatile uint64_t *)(p + i * PAGE))[1] = (uint64_t)i;
    int64_t ns = now_ns() - t0;
    if (kind != UFFD_WP_ASYNC) pthread_join(handler, NULL);
    munmap(p, ops * PAGE);
    munmap(source, PAGE);
    close(uffd);
    return ns;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: mmkit-kernel-bench NAME OPS\n");
        return 2;
    }
    const char *name = argv[1];
    long ops = atol(argv[2]);
    if (ops <= 0) {
        fprintf(stderr, "mmkit-kernel-bench: OPS must be positive: %s\n", argv[2]);
        return 2;
    }
    int64_t ns;
    if (!strcmp(name, "load-store-tlb-hit")) ns = load_store_tlb_hit(ops);
    else if (!strcmp(name, "anon-write-fault")) ns = anon_fault(ops, 1);
    else if (!strcmp(name, "anon-read-fault")) ns = anon_fault(ops, 0);
    else if (!strcmp(name, "pagemap-resident")) ns = pagemap_read(ops, 1);
    else if (!strcmp(name, "pagemap-untouched")) ns = pagemap_read(ops, 0);
    else if (!strcmp(name, "maps-60k")) ns = maps_text(ops);
    else if (!strcmp(name, "tlb-miss-sequential")) ns = tlb_miss(ops, 0);
    else if (!strcmp(name, "tlb-miss-random")) ns = tlb_miss(ops, 1);
    else if (!strcmp(name, "fork-64m")) ns = fork_resident(ops);
    else if (!strcmp(name, "cow-write")) ns = cow_write(ops);
    else if (!strcmp(name, "heap-per-resident-page")) ns = heap_per_resident_page(ops);
    else if (!strcmp(name, "vmas-10k")) ns = many_vmas_scale(ops);
    else if (!strcmp(name, "vmas-100k")) ns = many_vmas_scale(ops);
    else if (!strcmp(name, "vmas-1m")) ns = many_vmas_scale(ops);
    else if (!strcmp(name, "threads-16-faults")) ns = threads_faults(ops);
    else if (!strcmp(name, "swap-out")) ns = swap_out_in(ops, 0);
    else if (!strcmp(name, "swap-in")) ns = swap_out_in(ops, 1);
    else if (!strcmp(name, "uffd-missing")) ns = uffd_faults(ops, UFFD_MISSING);
    else if (!strcmp(name, "uffd-wp")) ns = uffd_faults(ops, UFFD_WP);
    else if (!strcmp(name, "uffd-wp-async")) ns = uffd_faults(ops, UFFD_WP_ASYNC);
    else if (!strcmp(name, "pagemap-scan-resident")) ns = pagemap_scan_rows(ops, 0);
    else if (!strcmp(name, "pagemap-scan-sparse")) ns = pagemap_scan_rows(ops, 1);
    else if (!strcmp(name, "pagemap-scan-wp-rearm")) ns = pagemap_scan_rows(ops, 2);
    else {
        fprintf(stderr, "mmkit-kernel-bench: unknown measurement: %s\n", name);
        return 2;
    }
    printf("bench %s %.3f %ld\n", name, (double)ns / (double)ops, ops);
    return 0;
}
