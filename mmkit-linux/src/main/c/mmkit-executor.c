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
 * thread that serves the connection or on a spawned thread (a pthread on a static stack), which
 * the serving thread waits for: the reply buffer is shared. The executor never allocates
 * memory while serving (static buffers, no stdio), so it does not map anything in the scenario's
 * way.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <semaphore.h>
#include <linux/capability.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if !defined(__x86_64__)
#error "mmkit-executor issues raw x86-64 system calls"
#endif

/* Requests (driver to executor). */
enum op {
    OP_SYSCALL = 1,       /* u64 nr, u64 args[6]            -> OK i64 raw result */
    OP_MEMFD_CREATE = 2,  /* u64 flags, name bytes          -> OK i64 raw result */
    OP_MINCORE = 3,       /* u64 addr, u64 len              -> OK i64 raw result, vector if 0 */
    OP_LOAD = 4,          /* u32 thread, u64 addr, u32 len  -> OK bytes | SIGNAL */
    OP_STORE = 5,         /* u32 thread, u64 addr, bytes    -> OK | SIGNAL */
    OP_PAGEMAP_READ = 6,  /* u64 offset, u32 count          -> OK i64 raw result, bytes read */
    OP_PROC_TEXT = 7,     /* u32 file (0 maps, 1 smaps)     -> MORE text* then OK text */
    OP_FORK = 8,          /*                                -> OK i64 child pid or -errno */
    OP_EXIT = 9,          /*                                -> nothing: the process _exit(0)s */
    OP_STALL = 10,        /* u32 thread, u32 milliseconds   -> OK after sleeping (tests only) */
    OP_SPAWN_THREAD = 11, /*                                -> OK i64 thread id (1, 2...) or -errno */
};

/* The thread of a load, store or stall: 0 is the serving thread, else an id from OP_SPAWN_THREAD. */
#define SERVING_THREAD 0u

/* Replies (executor to driver). */
enum status {
    ST_OK = 0,
    ST_SIGNAL = 1,  /* i32 signo, i32 si_code, u64 si_addr */
    ST_MORE = 2,    /* a chunk of a longer reply; more frames follow */
    ST_FAILED = 3,  /* the request was malformed; the payload says why */
    ST_HELLO = 4,   /* first frame of a connection: u64 pid, u64 ppid, token */
};

/* Every frame: u32 op or status, u32 payload length, payload; little-endian like the CPU. */
#define HEADER_BYTES 8u
/* The largest load, store, mincore vector, pagemap read or text chunk of one frame. */
#define MAX_TRANSFER (1u << 20)
/* Room for the largest request: a store's address plus its bytes, and a NUL after a name. */
#define REQUEST_BYTES (MAX_TRANSFER + 64u)
#define TOKEN_BYTES 32u
#define PAGE_BYTES 4096u
/* The overflow uid and gid of Linux: an unprivileged user that owns nothing. */
#define NOBODY 65534u

static uint8_t request[REQUEST_BYTES + 1];
/* Room for a header, a result and a transfer. */
static uint8_t reply[HEADER_BYTES + 8 + MAX_TRANSFER];

static const char *socket_path;
static const char *token;
static int driver = -1;  /* this process's connection to the driver */
static int pagemap = -1; /* /proc/self/pagemap, opened with this process's final credentials */

/* Per thread: a signal is handled on the thread whose access faulted. */
static __thread sigjmp_buf access_jump;
static __thread volatile sig_atomic_t access_active;
static __thread volatile int fault_signo;
static __thread volatile int fault_code;
static __thread volatile uintptr_t fault_address;

/*
 * Spawned threads run on static stacks, because a pthread stack glibc allocated would be a mapping
 * in the scenario's address space. Each thread waits for a request (a load, store or stall), performs it and replies.
 */
#define MAX_THREADS 16u
#define THREAD_STACK_BYTES (256u * 1024u)
static uint8_t thread_stacks[MAX_THREADS][THREAD_STACK_BYTES] __attribute__((aligned(PAGE_BYTES)));

struct worker {
    sem_t start;    /* posted by the serving thread when the access below is set */
    sem_t finished; /* posted by the worker after it replied */
    uint32_t op;    /* OP_LOAD, OP_STORE or OP_STALL */
    uint64_t address;
    const uint8_t *data;
    uint32_t length; /* bytes, or the milliseconds of a stall */
};
static struct worker workers[MAX_THREADS];
static uint32_t worker_count;

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

/* Sends the reply whose payload was written at reply + HEADER_BYTES. */
static void send_reply(uint32_t status, uint32_t length)
{
    put_u32(reply, status);
    put_u32(reply + 4, length);
    send_all(reply, HEADER_BYTES + length);
}

static void send_result(long result)
{
    put_u64(reply + HEADER_BYTES, (uint64_t)result);
    send_reply(ST_OK, 8);
}

static void send_failure(const char *message)
{
    size_t length = strlen(message);
    memcpy(reply + HEADER_BYTES, message, length);
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
    put_u32(reply + HEADER_BYTES, (uint32_t)fault_signo);
    put_u32(reply + HEADER_BYTES + 4, (uint32_t)fault_code);
    put_u64(reply + HEADER_BYTES + 8, (uint64_t)fault_address);
    send_reply(ST_SIGNAL, 16);
}

static void do_load(uint64_t address, uint32_t length)
{
    if (length > MAX_TRANSFER) {
        send_failure("load longer than one transfer");
        return;
    }
    if (guarded_copy(reply + HEADER_BYTES, (const volatile uint8_t *)(uintptr_t)address, length))
        send_fault();
    else
        send_reply(ST_OK, length);
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

static void perform(uint32_t op, uint64_t address, const uint8_t *data, uint32_t length)
{
    switch (op) {
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

static void *work(void *argument)
{
    struct worker *self = argument;
    for (;;) {
        while (sem_wait(&self->start) != 0) {
            if (errno != EINTR)
                die("sem_wait");
        }
        perform(self->op, self->address, self->data, self->length);
        if (sem_post(&self->finished) != 0)
            die("sem_post");
    }
    return NULL;
}

static void do_spawn_thread(void)
{
    if (worker_count == MAX_THREADS) {
        send_result(-EAGAIN);
        return;
    }
    struct worker *worker = &workers[worker_count];
    if (sem_init(&worker->start, 0, 0) != 0 || sem_init(&worker->finished, 0, 0) != 0)
        die("sem_init");
    pthread_attr_t attributes;
    pthread_t thread;
    int error = pthread_attr_init(&attributes);
    if (error == 0)
        error = pthread_attr_setstack(&attributes, thread_stacks[worker_count], THREAD_STACK_BYTES);
    if (error == 0)
        error = pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    if (error == 0)
        error = pthread_create(&thread, &attributes, work, worker);
    pthread_attr_destroy(&attributes);
    if (error != 0) {
        send_result(-error);
        return;
    }
    worker_count++;
    send_result(worker_count);
}

/* Performs the request on the given thread and waits until that thread has replied. */
static void perform_on(uint32_t thread, uint32_t op, uint64_t address, const uint8_t *data, uint32_t length)
{
    if (thread == SERVING_THREAD) {
        perform(op, address, data, length);
        return;
    }
    if (thread > worker_count) {
        send_failure("no such thread");
        return;
    }
    struct worker *worker = &workers[thread - 1];
    worker->op = op;
    worker->address = address;
    worker->data = data;
    worker->length = length;
    if (sem_post(&worker->start) != 0)
        die("sem_post");
    while (sem_wait(&worker->finished) != 0) {
        if (errno != EINTR)
            die("sem_wait");
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
    uint8_t *vector = reply + HEADER_BYTES + 8;
    long result = raw_syscall(SYS_mincore, (long)address, (long)length, (long)vector, 0, 0, 0);
    put_u64(reply + HEADER_BYTES, (uint64_t)result);
    send_reply(ST_OK, 8 + (result == 0 ? (uint32_t)pages : 0));
}

static void do_pagemap_read(uint64_t offset, uint32_t count)
{
    if (count > MAX_TRANSFER) {
        send_failure("pagemap read longer than one transfer");
        return;
    }
    long result = raw_syscall(SYS_pread64, pagemap, (long)(reply + HEADER_BYTES + 8), count,
                              (long)offset, 0, 0);
    put_u64(reply + HEADER_BYTES, (uint64_t)result);
    send_reply(ST_OK, 8 + (result > 0 ? (uint32_t)result : 0));
}

static void do_proc_text(uint32_t file)
{
    static const char *const paths[] = {"/proc/self/maps", "/proc/self/smaps"};
    if (file >= sizeof paths / sizeof paths[0]) {
        send_failure("unknown /proc file");
        return;
    }
    int fd = open(paths[file], O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        send_failure("cannot open the /proc file");
        return;
    }
    uint32_t filled = 0;
    for (;;) {
        ssize_t got = read(fd, reply + HEADER_BYTES + filled, MAX_TRANSFER - filled);
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
    uint8_t *payload = reply + HEADER_BYTES;
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

static void become_forked_child(void)
{
    /* Only the forking thread lives on in the child (fork(2)); its stacks and slots are free again. */
    worker_count = 0;
    if (close(driver) != 0 || close(pagemap) != 0)
        die("close the parent's descriptors");
    connect_to_driver();
    open_pagemap();
    say_hello();
}

static void do_fork(void)
{
    pid_t child = fork();
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
        if (!receive_all(request, HEADER_BYTES))
            _exit(0); /* the driver is gone */
        uint32_t op = get_u32(request);
        uint32_t length = get_u32(request + 4);
        if (length > REQUEST_BYTES)
            die_plain("request longer than the request buffer");
        if (!receive_all(request, length))
            die_plain("driver closed the connection inside a frame");
        request[length] = 0; /* terminates a memfd name */
        const uint8_t *p = request;
        switch (op) {
        case OP_SYSCALL:
            if (length != 56)
                break;
            send_result(raw_syscall((long)get_u64(p), (long)get_u64(p + 8), (long)get_u64(p + 16),
                                    (long)get_u64(p + 24), (long)get_u64(p + 32),
                                    (long)get_u64(p + 40), (long)get_u64(p + 48)));
            continue;
        case OP_MEMFD_CREATE:
            if (length < 8)
                break;
            send_result(raw_syscall(SYS_memfd_create, (long)(p + 8), (long)get_u64(p), 0, 0, 0, 0));
            continue;
        case OP_MINCORE:
            if (length != 16)
                break;
            do_mincore(get_u64(p), get_u64(p + 8));
            continue;
        case OP_LOAD:
            if (length != 16)
                break;
            perform_on(get_u32(p), OP_LOAD, get_u64(p + 4), NULL, get_u32(p + 12));
            continue;
        case OP_STORE:
            if (length < 12)
                break;
            perform_on(get_u32(p), OP_STORE, get_u64(p + 4), p + 12, length - 12);
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
            if (length != 8)
                break;
            perform_on(get_u32(p), OP_STALL, 0, NULL, get_u32(p + 4));
            continue;
        case OP_SPAWN_THREAD:
            if (length != 0)
                break;
            do_spawn_thread();
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
    say_hello();
}

/* Address space layout randomisation is a personality flag, applied at execve: set it, re-exec. */
static void disable_aslr(char **argv)
{
    int persona = personality(0xffffffff);
    if (persona < 0)
        die("personality");
    if (persona & ADDR_NO_RANDOMIZE)
        return;
    if (personality((unsigned long)persona | ADDR_NO_RANDOMIZE) < 0)
        die("personality(ADDR_NO_RANDOMIZE)");
    execv("/proc/self/exe", argv);
    die("re-exec without address randomisation");
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

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[2], "privileged") != 0 && strcmp(argv[2], "unprivileged") != 0))
        die_plain("usage: mmkit-executor SOCKET_PATH privileged|unprivileged");
    int privileged = strcmp(argv[2], "privileged") == 0;
    if (privileged && geteuid() != 0)
        die_plain("a privileged scenario process needs root");
    socket_path = argv[1];
    token = getenv("MMKIT_EXECUTOR_TOKEN");
    if (token == NULL || strlen(token) != TOKEN_BYTES)
        die_plain("MMKIT_EXECUTOR_TOKEN must hold the driver's 32-character token");
    disable_aslr(argv);
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
