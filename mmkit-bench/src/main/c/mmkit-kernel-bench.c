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
/* newer than this toolchain's 6.1-era uapi headers (include/uapi/linux/userfaultfd.h of 6.18) */
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1 << 15)
#endif

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
    else if (!strcmp(name, "uffd-missing")) ns = uffd_faults(ops, UFFD_MISSING);
    else if (!strcmp(name, "uffd-wp")) ns = uffd_faults(ops, UFFD_WP);
    else if (!strcmp(name, "uffd-wp-async")) ns = uffd_faults(ops, UFFD_WP_ASYNC);
    else {
        fprintf(stderr, "mmkit-kernel-bench: unknown measurement: %s\n", name);
        return 2;
    }
    printf("bench %s %.3f %ld\n", name, (double)ns / (double)ops, ops);
    return 0;
}
