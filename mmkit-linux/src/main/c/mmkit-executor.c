/*
 * mmkit-executor: the scenario processes of mmkit's real-kernel backend.
 *
 * Usage: mmkit-executor SOCKET_PATH privileged|unprivileged, with MMKIT_EXECUTOR_TOKEN in the
 * environment. The process started by the Java driver is a supervisor: it switches off address
 * space randomisation, becomes a child subreaper and forks the first scenario process, then reaps
 * until no descendant is left. Every scenario process (the first one and each one forked on
 * request) connects to the driver's Unix-domain socket, announces itself, and serves requests
 * one at a time. docs/linux-backend.md describes the protocol; LinuxProtocol.java mirrors it.
 *
 * The scenario's memory accesses happen here, so a fault must not kill the process: SIGSEGV and
 * SIGBUS raised during a load or store are caught and reported. Loads and stores run on the
 * thread that serves the connection, or on a spawned thread (a pthread on a static stack) that
 * performs one access and replies by itself, with its own reply buffer and its id in the reply
 * header, while the serving thread goes on serving. The executor never allocates memory while
 * serving (static buffers, no stdio), so it does not map anything in the scenario's way.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <sched.h>
#include <linux/capability.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* glibc calls these through the vDSO, which clear_scenario_area moves away from where glibc found it. */
#pragma GCC poison clock_gettime clock_getres gettimeofday time sched_getcpu getcpu

#if !defined(__x86_64__)
#error "mmkit-executor issues raw x86-64 system calls"
#endif

/* Requests (driver to executor), all answered by the serving thread. */
enum op {
    OP_SYSCALL = 1,       /* u64 nr, u64 args[6]            -> OK i64 raw result */
    OP_MINCORE = 3,       /* u64 addr, u64 len              -> OK i64 raw result, vector if 0 */
    OP_LOAD = 4,          /* u64 addr, u32 len              -> MORE bytes* then OK bytes | SIGNAL */
    OP_STORE = 5,         /* u64 addr, bytes                -> OK | SIGNAL */
    OP_PAGEMAP_READ = 6,  /* u64 offset, u32 count          -> OK i64 raw result, bytes read */
    OP_PROC_TEXT = 7,     /* u32 file (ProcFile ordinal)    -> MORE text* then OK text */
    OP_FORK = 8,          /*                                -> OK i64 child pid or -errno */
    OP_EXIT = 9,          /*                                -> nothing: the process _exit(0)s */
    OP_STALL = 10,        /* u32 milliseconds               -> OK after sleeping (tests only) */
    OP_SPAWN = 11,        /* u32 op (LOAD, STORE, SYSCALL or STALL), that op's payload
                                                            -> OK i64 thread id (1, 2...) or -EAGAIN;
                                                               then the thread's own replies to the op */
    OP_THREAD_ID = 12,    /* u32 thread id                  -> OK i64 its Linux tid, or -ESRCH once joined */
    OP_UNSWAP_OWN = 13,   /*                                -> OK i64 pages brought back */
};

/* The thread of a reply: 0 is the serving thread, else an id from OP_SPAWN. */
#define SERVING_THREAD 0u

/* Replies (executor to driver). */
enum status {
    ST_OK = 0,
    ST_SIGNAL = 1,  /* i32 signo, i32 si_code, u64 si_addr */
    ST_MORE = 2,    /* a chunk of a longer reply; more frames follow */
    ST_FAILED = 3,  /* the request was malformed; the payload says why */
    ST_HELLO = 4,   /* first frame of a connection: u64 pid, u64 ppid, token */
};

/* A request: u32 op, u32 payload length, payload. A reply: u32 status, u32 thread, u32 payload
   length, payload. Little-endian like the CPU. */
#define REQUEST_HEADER_BYTES 8u
#define REPLY_HEADER_BYTES 12u
/* The largest load, store, mincore vector, pagemap read or text chunk of one frame. */
#define MAX_TRANSFER (1u << 20)
/* Room for the largest request: a store's address plus its bytes, and a NUL after a name. */
#define REQUEST_BYTES (MAX_TRANSFER + 64u)
#define TOKEN_BYTES 32u
/* OP_SYSCALL's payload: the number and six arguments. */
#define SYSCALL_BYTES 56u
#define PAGE_BYTES 4096u
/* The overflow uid and gid of Linux: an unprivileged user that owns nothing. */
#define NOBODY 65534u

static uint8_t request[REQUEST_BYTES];
/* The serving thread's replies: room for a header, a result and a transfer. */
static uint8_t serving_reply[REPLY_HEADER_BYTES + 8 + MAX_TRANSFER];
/* The calling thread's reply buffer, and its id in reply headers. */
static __thread uint8_t *reply = serving_reply;
static __thread uint32_t reply_thread = SERVING_THREAD;
/* Held while a frame is sent, so frames of different threads do not interleave. */
static pthread_mutex_t send_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *socket_path;
static const char *token;
static int driver = -1;  /* this process's connection to the driver */
static int pagemap = -1; /* /proc/self/pagemap, opened with this process's final credentials */

/*
 * The executor's own memory, which OP_UNSWAP_OWN brings back from swap: its image from its lowest
 * mapping up to the break the scenario's heap starts at (static buffers, thread stacks, malloc's
 * arena), and its stack as settle_image left it. Set before the first scenario process is forked.
 */
static uintptr_t own_image_start, own_image_end;
static uintptr_t own_stack_start, own_stack_end;

/* Per thread: a signal is handled on the thread whose access faulted. */
static __thread sigjmp_buf access_jump;
static __thread volatile sig_atomic_t access_active;
static __thread volatile int fault_signo;
static __thread volatile int fault_code;
static __thread volatile uintptr_t fault_address;

/*
 * Spawned threads run on static stacks, because a pthread stack glibc allocated would be a mapping
 * in the scenario's address space. Each performs one access, replies and ends; the serving thread
 * joins ended threads when it needs a slot, so only threads alive at once count against the limit.
 */
#define MAX_THREADS 16u
#define THREAD_STACK_BYTES (256u * 1024u)
static uint8_t thread_stacks[MAX_THREADS][THREAD_STACK_BYTES] __attribute__((aligned(PAGE_BYTES)));

struct worker {
    uint32_t id;        /* the thread's id in replies; 0 while the slot is free */
    atomic_int tid;     /* the thread's Linux tid, set by the thread when it starts */
    atomic_int ended;   /* set by the thread after its last reply: it may be joined */
    pthread_t thread;
    uint32_t op;        /* OP_LOAD, OP_STORE, OP_SYSCALL or OP_STALL */
    uint64_t address;
    uint32_t length;    /* bytes, or the milliseconds of a stall */
    /* A store's bytes or a system call's number and arguments at REPLY_HEADER_BYTES, then the
       thread's replies (a store's carries none). */
    uint8_t buffer[REPLY_HEADER_BYTES + MAX_TRANSFER];
};
static struct worker workers[MAX_THREADS];
/* The id of the last thread spawned: ids are never reused in a process. */
static uint32_t last_thread_id;

static void die(const char *what)
{
    int saved = errno;
    dprintf(STDERR_FILENO, "mmkit-executor[%d]: %s: %s\n", (int)getpid(), what, strerror(saved));
    _exit(2);
}

static void die_plain(const char *what)
{
    dprintf(STDERR_FILENO, "mmkit-executor[%d]: %s\n", (int)getpid(), what);
    _exit(2);
}

/* The kernel's own return value in rax, without glibc's errno translation: -errno on failure. */
static long raw_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
    register long r10 __asm__("r10") = a4;
    register long r8 __asm__("r8") = a5;
    register long r9 __asm__("r9") = a6;
    long result;
    __asm__ volatile("syscall"
                     : "=a"(result)
                     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return result;
}

static uint64_t get_u64(const uint8_t *p)
{
    uint64_t value;
    memcpy(&value, p, sizeof value);
    return value;
}

static uint32_t get_u32(const uint8_t *p)
{
    uint32_t value;
    memcpy(&value, p, sizeof value);
    return value;
}

static void put_u64(uint8_t *p, uint64_t value)
{
    memcpy(p, &value, sizeof value);
}

static void put_u32(uint8_t *p, uint32_t value)
{
    memcpy(p, &value, sizeof value);
}

static void send_all(const uint8_t *data, size_t length)
{
    while (length > 0) {
        ssize_t sent = send(driver, data, length, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR)
                continue;
            die("send to driver");
        }
        data += sent;
        length -= (size_t)sent;
    }
}

/* Reads exactly length bytes; false when the driver closed the connection before the first. */
static int receive_all(uint8_t *data, size_t length)
{
    size_t done = 0;
    while (done < length) {
        ssize_t got = recv(driver, data + done, length - done, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            die("receive from driver");
        }
        if (got == 0) {
            if (done == 0)
                return 0;
            die_plain("driver closed the connection inside a frame");
        }
        done += (size_t)got;
    }
    return 1;
}

/* Sends the calling thread's reply, whose payload was written at reply + REPLY_HEADER_BYTES. */
static void send_reply(uint32_t status, uint32_t length)
{
    put_u32(reply, status);
    put_u32(reply + 4, reply_thread);
    put_u32(reply + 8, length);
    if (pthread_mutex_lock(&send_lock) != 0)
        die_plain("lock the connection");
    send_all(reply, REPLY_HEADER_BYTES + length);
    if (pthread_mutex_unlock(&send_lock) != 0)
        die_plain("unlock the connection");
}

static void send_result(long result)
{
    put_u64(reply + REPLY_HEADER_BYTES, (uint64_t)result);
    send_reply(ST_OK, 8);
}

static void send_failure(const char *message)
{
    size_t length = strlen(message);
    memcpy(reply + REPLY_HEADER_BYTES, message, length);
    send_reply(ST_FAILED, (uint32_t)length);
}

/*
 * SIGSEGV and SIGBUS during a scenario access end the access: the fault is recorded and control
 * returns to guarded_copy. A fault anywhere else is a bug of the executor, which then dies of it.
 */
static void on_fault(int signo, siginfo_t *info, void *context)
{
    (void)context;
    if (!access_active) {
        if (signal(signo, SIG_DFL) == SIG_ERR)
            _exit(3);
        return;
    }
    access_active = 0;
    fault_signo = signo;
    fault_code = info->si_code;
    fault_address = (uintptr_t)info->si_addr;
    siglongjmp(access_jump, 1);
}

static void catch_faults(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO;
    if (sigemptyset(&action.sa_mask) != 0)
        die("sigemptyset");
    if (sigaction(SIGSEGV, &action, NULL) != 0 || sigaction(SIGBUS, &action, NULL) != 0)
        die("sigaction");
}

/*
 * Copies byte by byte in ascending address order, as the scenario's load(addr, len) and
 * store(addr, bytes) mean: a fault stops the copy at the first inaccessible byte, which is then
 * si_addr, and leaves the prefix before it copied. Returns 0, or 1 after a fault.
 */
static int guarded_copy(volatile uint8_t *to, const volatile uint8_t *from, size_t length)
{
    /* sigsetjmp saves the signal mask, so siglongjmp unblocks the signal being handled. */
    if (sigsetjmp(access_jump, 1) != 0)
        return 1;
    access_active = 1;
    for (size_t i = 0; i < length; i++)
        to[i] = from[i];
    access_active = 0;
    return 0;
}

static void send_fault(void)
{
    put_u32(reply + REPLY_HEADER_BYTES, (uint32_t)fault_signo);
    put_u32(reply + REPLY_HEADER_BYTES + 4, (uint32_t)fault_code);
    put_u64(reply + REPLY_HEADER_BYTES + 8, (uint64_t)fault_address);
    send_reply(ST_SIGNAL, 16);
}

/* A load in chunks of one transfer, in MORE frames; a fault ends it with the SIGNAL frame. */
static void do_load(uint64_t address, uint32_t length)
{
    uint32_t done = 0;
    do {
        uint32_t chunk = length - done < MAX_TRANSFER ? length - done : MAX_TRANSFER;
        if (guarded_copy(reply + REPLY_HEADER_BYTES, (const volatile uint8_t *)(uintptr_t)(address + done), chunk)) {
            send_fault();
            return;
        }
        done += chunk;
        send_reply(done < length ? ST_MORE : ST_OK, chunk);
    } while (done < length);
}

static void do_store(uint64_t address, const uint8_t *data, uint32_t length)
{
    if (guarded_copy((volatile uint8_t *)(uintptr_t)address, data, length))
        send_fault();
    else
        send_reply(ST_OK, 0);
}

static void do_stall(uint32_t milliseconds)
{
    struct timespec left = {.tv_sec = milliseconds / 1000, .tv_nsec = (long)(milliseconds % 1000) * 1000000L};
    while (nanosleep(&left, &left) != 0) {
        if (errno != EINTR)
            die("nanosleep");
    }
    send_reply(ST_OK, 0);
}

/* OP_SYSCALL's payload, u64 nr and u64 args[6]: the call, answered with its raw result. */
static void do_syscall(const uint8_t *call)
{
    send_result(raw_syscall((long)get_u64(call), (long)get_u64(call + 8), (long)get_u64(call + 16),
                            (long)get_u64(call + 24), (long)get_u64(call + 32), (long)get_u64(call + 40),
                            (long)get_u64(call + 48)));
}

static void perform(uint32_t op, uint64_t address, const uint8_t *data, uint32_t length)
{
    switch (op) {
    case OP_SYSCALL:
        do_syscall(data);
        break;
    case OP_LOAD:
        do_load(address, length);
        break;
    case OP_STORE:
        do_store(address, data, length);
        break;
    default:
        do_stall(length);
        break;
    }
}

static void *run_access(void *argument)
{
    struct worker *self = argument;
    atomic_store(&self->tid, (int)gettid());
    reply = self->buffer;
    reply_thread = self->id;
    perform(self->op, self->address, self->buffer + REPLY_HEADER_BYTES, self->length);
    atomic_store(&self->ended, 1);
    return NULL;
}

/* Joins every thread that has ended, freeing its slot and stack. */
static void join_ended_threads(void)
{
    for (uint32_t i = 0; i < MAX_THREADS; i++) {
        struct worker *worker = &workers[i];
        if (worker->id == 0 || !atomic_load(&worker->ended))
            continue;
        int error = pthread_join(worker->thread, NULL);
        if (error != 0) {
            errno = error;
            die("pthread_join");
        }
        worker->id = 0;
    }
}

static struct worker *free_worker(void)
{
    join_ended_threads();
    for (uint32_t i = 0; i < MAX_THREADS; i++) {
        if (workers[i].id == 0)
            return &workers[i];
    }
    return NULL;
}

/*
 * Reads /proc/self/task/TID/NAME into buf as a string; 0 when the thread has gone or the file
 * is empty.
 */
static int read_thread_file(int tid, const char *name, char *buf, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/%s", tid, name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t got = read(fd, buf, size - 1);
    if (close(fd) != 0)
        die("close a thread's /proc file");
    if (got <= 0)
        return 0;
    buf[got] = 0;
    return 1;
}

/* The scheduler state of a thread of this process (R, S, D...), or 0 when it has gone. */
static char thread_state(int tid)
{
    char stat[512];
    if (!read_thread_file(tid, "stat", stat, sizeof stat))
        return 0;
    /* "tid (comm) S ...": the command may hold anything, so the state follows the last ')'. */
    char *end = strrchr(stat, ')');
    return end != NULL && end[1] == ' ' ? end[2] : 0;
}

/* Whether the thread sleeps in userfaultfd code (its wait channel, /proc/PID/task/TID/wchan). */
static int waits_for_userfaultfd(int tid)
{
    char wchan[128];
    return read_thread_file(tid, "wchan", wchan, sizeof wchan) && strstr(wchan, "userfault") != NULL;
}

/*
 * Waits until the thread's access has ended or the thread sleeps interruptibly in the kernel (S),
 * as one waiting on a userfaultfd fault does, or killably (D) in userfaultfd code, as one whose
 * fork, mremap, madvise or munmap waits until its userfaultfd event is read
 * (userfaultfd_event_wait_completion): the scenario's next step then finds the access done or
 * blocked, as on the model. Other uninterruptible sleep (D, e.g. waiting for I/O) ends by itself.
 */
static void settle(struct worker *worker)
{
    const struct timespec pause = {.tv_sec = 0, .tv_nsec = 50000};
    while (!atomic_load(&worker->ended)) {
        int tid = atomic_load(&worker->tid);
        char state = tid != 0 ? thread_state(tid) : 0;
        if (state == 'S' || (state == 'D' && waits_for_userfaultfd(tid)))
            return;
        nanosleep(&pause, NULL);
    }
}

/* Starts a thread that performs the access and replies by itself; answers with its id once the
   access has ended or is blocked. */
static void do_spawn(uint32_t op, uint64_t address, const uint8_t *data, uint32_t length)
{
    if (op == OP_STORE && length > MAX_TRANSFER) {
        send_failure("spawned store longer than one transfer");
        return;
    }
    struct worker *worker = free_worker();
    if (worker == NULL) {
        send_result(-EAGAIN);
        return;
    }
    if (op == OP_STORE || op == OP_SYSCALL)
        memcpy(worker->buffer + REPLY_HEADER_BYTES, data, length);
    worker->op = op;
    worker->address = address;
    worker->length = length;
    worker->id = last_thread_id + 1;
    atomic_store(&worker->tid, 0);
    atomic_store(&worker->ended, 0);
    pthread_attr_t attributes;
    int error = pthread_attr_init(&attributes);
    if (error == 0)
        error = pthread_attr_setstack(&attributes, thread_stacks[worker - workers], THREAD_STACK_BYTES);
    if (error == 0)
        error = pthread_create(&worker->thread, &attributes, run_access, worker);
    pthread_attr_destroy(&attributes);
    if (error != 0) {
        worker->id = 0;
        send_result(-error);
        return;
    }
    last_thread_id = worker->id;
    settle(worker);
    send_result(last_thread_id);
}

/* OP_THREAD_ID: the tid of a spawned thread, as userfaultfd messages name it (ptid). */
static void do_thread_id(uint32_t id)
{
    for (uint32_t i = 0; i < MAX_THREADS; i++) {
        if (id != 0 && workers[i].id == id) {
            send_result(atomic_load(&workers[i].tid));
            return;
        }
    }
    send_result(-ESRCH);
}

/* OP_SPAWN: the spawned op and its payload, which are those of the op on the serving thread. */
static int spawn_request(const uint8_t *p, uint32_t length)
{
    if (length < 4)
        return 0;
    uint32_t op = get_u32(p);
    p += 4;
    length -= 4;
    switch (op) {
    case OP_LOAD:
        if (length != 12)
            return 0;
        do_spawn(op, get_u64(p), NULL, get_u32(p + 8));
        return 1;
    case OP_STORE:
        if (length < 8)
            return 0;
        do_spawn(op, get_u64(p), p + 8, length - 8);
        return 1;
    case OP_SYSCALL:
        if (length != SYSCALL_BYTES)
            return 0;
        do_spawn(op, 0, p, length);
        return 1;
    case OP_STALL:
        if (length != 4)
            return 0;
        do_spawn(op, 0, NULL, get_u32(p));
        return 1;
    default:
        return 0;
    }
}

static void do_mincore(uint64_t address, uint64_t length)
{
    /* Written as the kernel counts pages, so that no length can overflow the vector buffer. */
    uint64_t pages = length / PAGE_BYTES + (length % PAGE_BYTES != 0);
    if (pages > MAX_TRANSFER) {
        send_failure("mincore range longer than one transfer");
        return;
    }
    uint8_t *vector = reply + REPLY_HEADER_BYTES + 8;
    long result = raw_syscall(SYS_mincore, (long)address, (long)length, (long)vector, 0, 0, 0);
    put_u64(reply + REPLY_HEADER_BYTES, (uint64_t)result);
    send_reply(ST_OK, 8 + (result == 0 ? (uint32_t)pages : 0));
}

static void do_pagemap_read(uint64_t offset, uint32_t count)
{
    if (count > MAX_TRANSFER) {
        send_failure("pagemap read longer than one transfer");
        return;
    }
    long result = raw_syscall(SYS_pread64, pagemap, (long)(reply + REPLY_HEADER_BYTES + 8), count,
                              (long)offset, 0, 0);
    put_u64(reply + REPLY_HEADER_BYTES, (uint64_t)result);
    send_reply(ST_OK, 8 + (result > 0 ? (uint32_t)result : 0));
}

/*
 * OP_UNSWAP_OWN, after the driver made the kernel reclaim the scenario's memory cgroup: every page
 * of the executor's own memory that went to swap is read back in. Reclaim takes the pages the
 * executor wrote since it joined the group (a forked child's copies of its buffers and stack, a
 * spawned thread's stack) along with the scenario's; left in swap, they would show in the
 * process's VmSwap, which must count the scenario's pages only. A read fault maps a swapped page
 * back as it was, so Rss and the other counters are those from before the reclaim.
 */
#define UNSWAP_CHUNK 512u
#define PM_SWAP (1ull << 62)

static uint64_t unswap_range(uintptr_t start, uintptr_t end)
{
    /* pagemap entries go where a reply's transfer would: a page settle_image touched, not a new one */
    uint8_t *entries = reply + REPLY_HEADER_BYTES + 8;
    uint64_t brought = 0;
    for (uintptr_t address = start; address < end;) {
        size_t count = (end - address) / PAGE_BYTES;
        count = count < UNSWAP_CHUNK ? count : UNSWAP_CHUNK;
        long got = raw_syscall(SYS_pread64, pagemap, (long)entries, (long)(count * 8),
                               (long)(address / PAGE_BYTES * 8), 0, 0);
        if (got != (long)(count * 8)) {
            errno = got < 0 ? (int)-got : EIO;
            die("read the executor's own pagemap");
        }
        for (size_t i = 0; i < count; i++, address += PAGE_BYTES) {
            if (get_u64(entries + 8 * i) & PM_SWAP) {
                (void)*(volatile uint8_t *)address;
                brought++;
            }
        }
    }
    return brought;
}

static void do_unswap_own(void)
{
    uint64_t brought = unswap_range(own_image_start, own_image_end) + unswap_range(own_stack_start, own_stack_end);
    send_result((long)brought);
}

/*
 * The executor's own descriptors must not depend on the RLIMIT_NOFILE a scenario sets: it lifts
 * the soft limit to the hard one while it opens them (its /proc files, a forked child's
 * connection and pagemap), and then puts the scenario's soft limit back.
 */
static rlim_t lift_file_limit(void)
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        die("getrlimit(RLIMIT_NOFILE)");
    rlim_t soft = limit.rlim_cur;
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        die("setrlimit(RLIMIT_NOFILE)");
    return soft;
}

static void restore_file_limit(rlim_t soft)
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        die("getrlimit(RLIMIT_NOFILE)");
    limit.rlim_cur = soft;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        die("setrlimit(RLIMIT_NOFILE)");
}

static void do_proc_text(uint32_t file)
{
    /* in the order of ProcFile */
    static const char *const paths[] = {"/proc/self/maps", "/proc/self/smaps", "/proc/self/status",
                                        "/proc/self/statm", "/proc/self/smaps_rollup"};
    if (file >= sizeof paths / sizeof paths[0]) {
        send_failure("unknown /proc file");
        return;
    }
    rlim_t soft = lift_file_limit();
    int fd = open(paths[file], O_RDONLY | O_CLOEXEC);
    restore_file_limit(soft);
    if (fd < 0) {
        send_failure("cannot open the /proc file");
        return;
    }
    uint32_t filled = 0;
    for (;;) {
        ssize_t got = read(fd, reply + REPLY_HEADER_BYTES + filled, MAX_TRANSFER - filled);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            die("read /proc file");
        }
        if (got == 0)
            break;
        filled += (uint32_t)got;
        if (filled == MAX_TRANSFER) {
            send_reply(ST_MORE, filled);
            filled = 0;
        }
    }
    if (close(fd) != 0)
        die("close /proc file");
    send_reply(ST_OK, filled);
}

/*
 * Moves one of the executor's own descriptors to the top of the descriptor range (at most 1023),
 * so that the scenario's descriptors are numbered from 3 as in a freshly started program.
 */
static int out_of_the_way(int fd)
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        die("getrlimit(RLIMIT_NOFILE)");
    rlim_t top = limit.rlim_cur < 1024 ? limit.rlim_cur : 1024;
    if (top < 16)
        die_plain("RLIMIT_NOFILE is too small");
    int moved = fcntl(fd, F_DUPFD_CLOEXEC, (int)top - 2);
    if (moved < 0)
        die("fcntl(F_DUPFD_CLOEXEC)");
    if (close(fd) != 0)
        die("close a moved descriptor");
    return moved;
}

static void connect_to_driver(void)
{
    struct sockaddr_un address;
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    if (strlen(socket_path) >= sizeof address.sun_path)
        die_plain("socket path too long");
    strcpy(address.sun_path, socket_path);
    driver = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (driver < 0)
        die("socket");
    if (connect(driver, (struct sockaddr *)&address, sizeof address) != 0)
        die("connect to driver");
    driver = out_of_the_way(driver);
}

/* /proc/self resolves when opened, so each process opens its own, after its last credential change. */
static void open_pagemap(void)
{
    pagemap = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (pagemap < 0)
        die("open /proc/self/pagemap");
    pagemap = out_of_the_way(pagemap);
}

static void say_hello(void)
{
    uint8_t *payload = reply + REPLY_HEADER_BYTES;
    put_u64(payload, (uint64_t)getpid());
    put_u64(payload + 8, (uint64_t)getppid());
    memcpy(payload + 16, token, TOKEN_BYTES);
    send_reply(ST_HELLO, 16 + TOKEN_BYTES);
}

/*
 * Becomes an ordinary user: uid and gid 65534, no supplementary groups, no capabilities. Without
 * CAP_SYS_ADMIN, pagemap shows PFN 0 (fs/proc/task_mmu.c checks it on the opener's credentials).
 */
static void drop_privileges(void)
{
    if (geteuid() == 0) {
        if (setgroups(0, NULL) != 0)
            die("setgroups");
        if (setresgid(NOBODY, NOBODY, NOBODY) != 0)
            die("setresgid");
        /* Leaving uid 0 clears the permitted, effective and ambient capability sets. */
        if (setresuid(NOBODY, NOBODY, NOBODY) != 0)
            die("setresuid");
    }
    /* A non-root process may still hold capabilities (file capabilities); drop them too. */
    struct __user_cap_header_struct header = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3];
    memset(none, 0, sizeof none);
    if (syscall(SYS_capset, &header, none) != 0)
        die("capset");
    /* A credential change makes the process non-dumpable, and /proc/self files of a
       non-dumpable process belong to root: this process could not open its own pagemap. */
    if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) != 0)
        die("prctl(PR_SET_DUMPABLE)");
}

/* The program's text, from the default linker script. */
extern char __executable_start[], etext[];
/* Deeper than the serving thread's stack ever grows. */
#define STACK_SETTLE_BYTES (64u * 1024u)

/*
 * Maps up front the pages serving will touch: the request and reply buffers, a stretch of stack
 * and the program text. The /proc counters of the process (status, statm, smaps_rollup) then
 * change only with the scenario's own mappings, and the runner prints them as changes from the
 * process's start or fork. A forked child has the anonymous pages already; text it must fault
 * in again, since fork copies no page tables of a file mapping without anonymous pages.
 */
static void settle_text(void)
{
    uintptr_t start = (uintptr_t)__executable_start & ~(uintptr_t)(PAGE_BYTES - 1);
    /* MADV_POPULATE_READ (5.14): a kernel without it leaves the counters to move a little */
    (void)madvise((void *)start, (uintptr_t)etext - start, MADV_POPULATE_READ);
}

static void record_own_stack(void);

static void settle_image(void)
{
    uint8_t stack[STACK_SETTLE_BYTES];
    memset(stack, 0, sizeof stack);
    __asm__ volatile("" : : "r"(stack) : "memory"); /* keeps the stores */
    memset(request, 0, sizeof request);
    memset(serving_reply, 0, sizeof serving_reply);
    settle_text();
    record_own_stack();
}

static void become_forked_child(void)
{
    /* Only the forking thread lives on in the child (fork(2)); its stacks and slots are free again. */
    memset(workers, 0, sizeof workers);
    last_thread_id = 0;
    if (close(driver) != 0 || close(pagemap) != 0)
        die("close the parent's descriptors");
    rlim_t soft = lift_file_limit();
    connect_to_driver();
    open_pagemap();
    restore_file_limit(soft);
    settle_text();
    say_hello();
}

static void do_fork(void)
{
    /* No thread is inside a send while the process is copied, so the child's lock is free. */
    if (pthread_mutex_lock(&send_lock) != 0)
        die_plain("lock the connection");
    pid_t child = fork();
    if (pthread_mutex_unlock(&send_lock) != 0)
        die_plain("unlock the connection");
    if (child < 0) {
        send_result(-errno);
        return;
    }
    if (child == 0) {
        become_forked_child();
        return;
    }
    send_result(child);
}

static void serve(void)
{
    for (;;) {
        if (!receive_all(request, REQUEST_HEADER_BYTES))
            _exit(0); /* the driver is gone */
        uint32_t op = get_u32(request);
        uint32_t length = get_u32(request + 4);
        if (length > REQUEST_BYTES)
            die_plain("request longer than the request buffer");
        if (!receive_all(request, length))
            die_plain("driver closed the connection inside a frame");
        const uint8_t *p = request;
        switch (op) {
        case OP_SYSCALL:
            if (length != SYSCALL_BYTES)
                break;
            do_syscall(p);
            continue;
        case OP_MINCORE:
            if (length != 16)
                break;
            do_mincore(get_u64(p), get_u64(p + 8));
            continue;
        case OP_LOAD:
            if (length != 12)
                break;
            do_load(get_u64(p), get_u32(p + 8));
            continue;
        case OP_STORE:
            if (length < 8)
                break;
            do_store(get_u64(p), p + 8, length - 8);
            continue;
        case OP_PAGEMAP_READ:
            if (length != 12)
                break;
            do_pagemap_read(get_u64(p), get_u32(p + 8));
            continue;
        case OP_PROC_TEXT:
            if (length != 4)
                break;
            do_proc_text(get_u32(p));
            continue;
        case OP_FORK:
            if (length != 0)
                break;
            do_fork();
            continue;
        case OP_EXIT:
            _exit(0);
        case OP_STALL:
            if (length != 4)
                break;
            do_stall(get_u32(p));
            continue;
        case OP_SPAWN:
            if (!spawn_request(p, length))
                break;
            continue;
        case OP_THREAD_ID:
            if (length != 4)
                break;
            do_thread_id(get_u32(p));
            continue;
        case OP_UNSWAP_OWN:
            if (length != 0)
                break;
            do_unswap_own();
            continue;
        default:
            send_failure("unknown request");
            continue;
        }
        send_failure("request payload has the wrong length");
    }
}

/* The first scenario process, forked by the supervisor. */
static void start_first_process(int privileged)
{
    /* Ignored SIGCHLD makes the kernel reap this process's forked children when they exit. */
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    if (sigemptyset(&ignore.sa_mask) != 0 || sigaction(SIGCHLD, &ignore, NULL) != 0)
        die("ignore SIGCHLD");
    catch_faults();
    connect_to_driver();
    if (!privileged)
        drop_privileges();
    open_pagemap();
    settle_image();
    say_hello();
}

/*
 * The layout every scenario process starts from, the one the model assumes (docs/linux-backend.md,
 * "Process image"): no randomisation (ADDR_NO_RANDOMIZE), and mmap_base 128 MiB below TASK_SIZE.
 * x86's mmap_base (arch/x86/mm/mmap.c) leaves a gap of RLIMIT_STACK plus the stack guard gap
 * (1 MiB), at least 128 MiB, so a soft limit above 127 MiB (unlimited: 5/6 of TASK_SIZE) would
 * move it down. Both are applied at execve: set them, then re-exec.
 */
#define STACK_LIMIT_BYTES (8ul << 20)
#define STACK_LIMIT_KEEPS_MMAP_BASE (127ul << 20)

static void fix_layout(char **argv)
{
    int persona = personality(0xffffffff);
    if (persona < 0)
        die("personality");
    struct rlimit stack;
    if (getrlimit(RLIMIT_STACK, &stack) != 0)
        die("getrlimit(RLIMIT_STACK)");
    int randomized = !(persona & ADDR_NO_RANDOMIZE);
    int stack_moves_mmap_base = stack.rlim_cur == RLIM_INFINITY || stack.rlim_cur > STACK_LIMIT_KEEPS_MMAP_BASE;
    if (!randomized && !stack_moves_mmap_base)
        return;
    if (personality((unsigned long)persona | ADDR_NO_RANDOMIZE) < 0)
        die("personality(ADDR_NO_RANDOMIZE)");
    if (stack_moves_mmap_base) {
        stack.rlim_cur = STACK_LIMIT_BYTES; /* lowering a soft limit is always allowed */
        if (setrlimit(RLIMIT_STACK, &stack) != 0)
            die("setrlimit(RLIMIT_STACK)");
    }
    execv("/proc/self/exe", argv);
    die("re-exec with the fixed layout");
}

/*
 * execve puts [vvar], [vvar_vclock] and [vdso] right below mmap_base (map_vdso in
 * arch/x86/entry/vdso/vma.c takes the first top-down gap), so a scenario's first mmap(NULL) would
 * sit right below them and an access past its end would read the vDSO's time data, which changes
 * from run to run. They are moved, keeping their relative places, to just below the executor's
 * image, where no top-down search of a scenario reaches; special mappings may be moved whole
 * (special_mapping_mremap, vdso_mremap), though not split or grown. Everything else the executor
 * maps lies within EXECUTOR_IMAGE_BYTES of its lowest mapping; only [stack] and [vsyscall] are
 * above. The scenario's area then holds nothing but what the scenario maps, as on the model.
 *
 * glibc keeps the vDSO entry points it found at start-up, so from here on the executor must not
 * call what glibc routes through the vDSO: those names are poisoned at the top of this file.
 */
#define EXECUTOR_IMAGE_BYTES (1ul << 30)
static char maps_text[16384];

struct maps_line {
    uintptr_t start, end;
    const char *name; /* the path or [name] column, "" for an anonymous mapping */
};

static void read_own_maps(void)
{
    int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        die("open /proc/self/maps");
    size_t filled = 0;
    for (;;) {
        ssize_t got = read(fd, maps_text + filled, sizeof maps_text - 1 - filled);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            die("read /proc/self/maps");
        if (got == 0)
            break;
        filled += (size_t)got;
        if (filled == sizeof maps_text - 1)
            die_plain("the executor's /proc/self/maps is longer than its buffer");
    }
    maps_text[filled] = 0;
    if (close(fd) != 0)
        die("close /proc/self/maps");
}

/* Parses the maps line at *cursor (cut at its newline) and advances; 0 at the end of the text. */
static int next_maps_line(char **cursor, struct maps_line *line)
{
    char *text = *cursor;
    if (*text == 0)
        return 0;
    char *newline = strchr(text, '\n');
    if (newline == NULL)
        die_plain("unterminated line in /proc/self/maps");
    *newline = 0;
    *cursor = newline + 1;
    char *rest;
    line->start = (uintptr_t)strtoull(text, &rest, 16);
    line->end = (uintptr_t)strtoull(rest + 1, &rest, 16);
    for (int field = 0; field < 4; field++) { /* perms, offset, device, inode */
        rest += strspn(rest, " ");
        rest += strcspn(rest, " ");
    }
    line->name = rest + strspn(rest, " ");
    return 1;
}

static int is_vdso_mapping(const char *name)
{
    return strcmp(name, "[vvar]") == 0 || strcmp(name, "[vvar_vclock]") == 0 || strcmp(name, "[vdso]") == 0;
}

static int is_above_mmap_base(const char *name)
{
    return strcmp(name, "[stack]") == 0 || strcmp(name, "[vsyscall]") == 0;
}

/* The stack as settle_image grew it: serving never goes deeper. */
static void record_own_stack(void)
{
    read_own_maps();
    struct maps_line line;
    for (char *cursor = maps_text; next_maps_line(&cursor, &line);) {
        if (strcmp(line.name, "[stack]") == 0) {
            own_stack_start = line.start;
            own_stack_end = line.end;
            return;
        }
    }
    die_plain("the executor has no [stack] mapping");
}

#define MAX_VDSO_MAPPINGS 4u

static void clear_scenario_area(void)
{
    read_own_maps();
    uintptr_t lowest = UINTPTR_MAX;
    struct maps_line line, vdso[MAX_VDSO_MAPPINGS];
    uint32_t vdso_count = 0;
    for (char *cursor = maps_text; next_maps_line(&cursor, &line);) {
        lowest = line.start < lowest ? line.start : lowest;
        if (is_vdso_mapping(line.name)) {
            if (vdso_count == MAX_VDSO_MAPPINGS)
                die_plain("more vDSO mappings than expected");
            vdso[vdso_count++] = line; /* listed in ascending address order */
        }
    }
    if (vdso_count > 0) {
        uintptr_t block_start = vdso[0].start;
        uintptr_t target = lowest - (vdso[vdso_count - 1].end - block_start);
        for (uint32_t i = 0; i < vdso_count; i++) {
            size_t length = vdso[i].end - vdso[i].start;
            long moved = raw_syscall(SYS_mremap, (long)vdso[i].start, (long)length, (long)length,
                                     MREMAP_MAYMOVE | MREMAP_FIXED, (long)(target + (vdso[i].start - block_start)), 0);
            if (moved < 0) {
                /* EPERM: sealed system mappings (CONFIG_MSEAL_SYSTEM_MAPPINGS) cannot move. */
                errno = (int)-moved;
                die("move the vDSO out of the scenario's area");
            }
        }
        lowest = target;
    }
    own_image_start = lowest;
    read_own_maps();
    for (char *cursor = maps_text; next_maps_line(&cursor, &line);) {
        if (line.end - lowest > EXECUTOR_IMAGE_BYTES && !is_above_mmap_base(line.name)) {
            dprintf(STDERR_FILENO, "mmkit-executor[%d]: the executor has a mapping in the scenario's area: %s\n",
                    (int)getpid(), line.name);
            _exit(2);
        }
    }
}

/*
 * Keeps every scenario process on the CPU the executor started on. A page just faulted in waits in
 * its CPU's LRU batch until that CPU drains it; MADV_PAGEOUT and MADV_COLD drain only the calling
 * CPU's batch and skip pages not on an LRU list, so a process that moved to another CPU between a
 * store and its PAGEOUT would find the page skipped. Children and threads inherit the mask.
 */
static void stay_on_one_cpu(void)
{
    unsigned cpu;
    if (syscall(SYS_getcpu, &cpu, NULL, NULL) != 0) /* not the poisoned vDSO wrapper */
        die("getcpu");
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
        die("sched_setaffinity");
}

/*
 * The heap a scenario's brk(0) finds: glibc's malloc arena is set up now, so the small allocations
 * of thread creation (its TLS vector) come from it without moving the break under the scenario,
 * and the break is rounded up to a page, as the model's empty heap starts page aligned
 * (docs/linux-backend.md, "Process image").
 */
static void settle_heap(void)
{
    free(malloc(1));
    uintptr_t current = (uintptr_t)sbrk(0);
    own_image_end = (current + PAGE_BYTES - 1) & ~(uintptr_t)(PAGE_BYTES - 1);
    if (brk((void *)own_image_end) != 0)
        die("brk");
}

/* Reaps the first scenario process and, as subreaper, every orphaned descendant, until none is left. */
static int supervise(void)
{
    for (;;) {
        if (waitpid(-1, NULL, 0) < 0) {
            if (errno == EINTR)
                continue;
            if (errno == ECHILD)
                return 0;
            die("waitpid");
        }
    }
}

/*
 * The file side of the process image the model assumes (docs/linux-backend.md, "Files"): relative
 * paths lead into the driver's private tmpfs directory, files are created with umask 022,
 * RLIMIT_NOFILE is the kernel's boot default, soft 1024 and hard 4096 (INR_OPEN_CUR and
 * INR_OPEN_MAX; the JVM raises its own), and a write to a pipe nobody reads fails with EPIPE
 * instead of killing the process with SIGPIPE.
 */
#define FILE_LIMIT 1024ul
#define FILE_LIMIT_MAX 4096ul

static void set_up_files(const char *working_directory)
{
    if (chdir(working_directory) != 0)
        die("chdir to the working directory");
    umask(022);
    struct rlimit files;
    if (getrlimit(RLIMIT_NOFILE, &files) != 0)
        die("getrlimit(RLIMIT_NOFILE)");
    if (files.rlim_max < FILE_LIMIT_MAX)
        die_plain("the hard RLIMIT_NOFILE is below 4096, the kernel's default the model starts from");
    /* lowering limits is always allowed */
    files.rlim_cur = FILE_LIMIT;
    files.rlim_max = FILE_LIMIT_MAX;
    if (setrlimit(RLIMIT_NOFILE, &files) != 0)
        die("setrlimit(RLIMIT_NOFILE)");
    if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
        die("ignore SIGPIPE");
}

int main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[2], "privileged") != 0 && strcmp(argv[2], "unprivileged") != 0))
        die_plain("usage: mmkit-executor SOCKET_PATH privileged|unprivileged WORKING_DIRECTORY");
    int privileged = strcmp(argv[2], "privileged") == 0;
    if (privileged && geteuid() != 0)
        die_plain("a privileged scenario process needs root");
    socket_path = argv[1];
    token = getenv("MMKIT_EXECUTOR_TOKEN");
    if (token == NULL || strlen(token) != TOKEN_BYTES)
        die_plain("MMKIT_EXECUTOR_TOKEN must hold the driver's 32-character token");
    fix_layout(argv);
    set_up_files(argv[3]);
    clear_scenario_area();
    settle_heap();
    stay_on_one_cpu();
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
        die("prctl(PR_SET_CHILD_SUBREAPER)");
    pid_t first = fork();
    if (first < 0)
        die("fork");
    if (first == 0) {
        start_first_process(privileged);
        serve();
    }
    return supervise();
}
