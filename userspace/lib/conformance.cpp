// SPDX-License-Identifier: GPL-2.0
//
// kapi-gen --conformance: the case tables of the conformance test program
// (selftests/conform/). See kapi/conformance.h.
#include "kapi/conformance.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/check_generator.h"
#include "uapi/linux/kapi.h"

namespace kapi {

namespace {

using K = FixtureKind;

// Keep in step with selftests/conform/fixtures.c (each NAME is the function
// cf_fx_NAME, cf_setup_NAME or the object cf_check_NAME there) and with
// Documentation/spec-language.rst, "Fixtures".
const std::vector<FixtureDef> kFixtures = {
    {"closed", K::Value, "a descriptor number that was open and has been closed"},
    {"first_unused", K::Value, "the lowest descriptor number that is not open"},
    {"opath", K::Value, "an O_PATH descriptor of a regular file"},
    {"dir", K::Value, "a directory holding a regular file \"file\", opened O_DIRECTORY"},
    {"file_rdonly", K::Value, "a regular file of 4 bytes opened O_RDONLY"},
    {"file_wronly", K::Value, "a regular file of 4 bytes opened O_WRONLY"},
    {"file_rdwr", K::Value, "a regular file of 4 bytes opened O_RDWR"},
    {"file_accmode3", K::Value, "a regular file opened with the access mode 3"},
    {"epoll", K::Value, "an epoll instance (no read or write method)"},
    {"eventfd", K::Value, "an eventfd (8-byte records), counter 0"},
    {"pipe_rd_empty", K::Value, "the read end of an empty pipe whose writer is open"},
    {"pipe_rd_empty_nonblock", K::Value, "the same, O_NONBLOCK"},
    {"pipe_wr_full", K::Value, "the write end of a full pipe whose reader is open"},
    {"pipe_wr_full_nonblock", K::Value, "the same, O_NONBLOCK"},
    {"pipe_wr_no_reader", K::Value, "the write end of a pipe whose read end is closed"},
    {"unix_stream_unconnected", K::Value, "an unconnected UNIX stream socket"},
    {"tcp_unconnected", K::Value, "an unconnected TCP socket"},
    {"udp_unconnected", K::Value, "a UDP socket without a peer address"},
    {"udp_loopback", K::Value, "a UDP socket connected to 127.0.0.1"},
    {"tcp_refused", K::Value, "a TCP socket whose connection to 127.0.0.1 was refused"},
    {"tcp_reset", K::Value, "a TCP socket whose peer on 127.0.0.1 reset the connection"},
    {"udp_icmp_error", K::Value,
     "a connected UDP socket with IP_RECVERR sent the ICMP error that gives the case's error"},
    {"udp6_icmp_prohibited", K::Value,
     "a connected UDP socket on ::1 sent ICMPv6 administratively prohibited"},
    {"packet_unbound", K::Value, "a packet socket bound to no device"},
    {"netlink_overrun", K::Value,
     "a NETLINK_USERSOCK socket whose receive queue overflowed (pending ENOBUFS)"},
    {"timerfd_canceled", K::Value,
     "a timerfd armed with TFD_TIMER_CANCEL_ON_SET after CLOCK_REALTIME was set"},
    {"proc_stat_exited", K::Value, "/proc/PID/stat of a child that has been reaped"},
    {"fdinfo_closed", K::Value, "/proc/self/fdinfo/N after N was closed"},
    {"proc_mem_high", K::Value, "/proc/self/mem opened O_RDWR, positioned at 2^64 - 2"},
    {"pty_master_hungup", K::Value,
     "the master of a pseudo terminal whose slave was opened and closed"},
    {"pty_slave_hungup", K::Value, "the slave of a pseudo terminal whose master was closed"},
    {"kmsg_overwritten", K::Value,
     "/dev/kmsg, O_NONBLOCK, whose records have all been overwritten since it was opened"},
    {"dev_full", K::Value, "/dev/full opened O_WRONLY"},
    {"memfd_sealed", K::Value, "a memfd sealed with F_SEAL_WRITE, opened for writing"},
    {"buf", K::Value, "a writable user buffer of 128 KiB"},
    {"buf_user_top", K::Value,
     "the last byte below the top of the user address space (TASK_SIZE_MAX), its page mapped"},
    {"kernel_ptr", K::Value, "an address above the user address space"},
    {"unmapped_ptr", K::Value, "a user address with nothing mapped"},
    {"path_file", K::Value, "the absolute path of a regular file (mode 0644)"},
    {"path_relative", K::Value, "the same file, relative to the working directory"},
    {"path_dir", K::Value, "the path of a directory"},
    {"path_missing", K::Value, "a path whose last component does not exist"},
    {"path_enotdir", K::Value, "a path through a regular file (file/x)"},
    {"path_loop", K::Value, "a symbolic link to itself"},
    {"path_symlink", K::Value, "a symbolic link to path_file"},
    {"path_too_long", K::Value, "a path of PATH_MAX bytes without its NUL"},
    {"path_max_with_nul", K::Value, "a path naming path_file of PATH_MAX - 1 bytes and its NUL"},
    {"path_max_minus_one", K::Value, "a path naming path_file of PATH_MAX - 2 bytes and its NUL"},
    {"path_name_too_long", K::Value, "a path with a component of NAME_MAX + 1 bytes"},
    {"path_empty", K::Value, "the empty string"},
    {"path_fifo", K::Value, "a FIFO that nobody has open"},
    {"path_socket", K::Value, "a bound UNIX socket"},
    {"path_private", K::Value, "a regular file of mode 0600 owned by root"},
    {"path_leased", K::Value, "a regular file under a read lease of another descriptor"},
    {"path_pty_exclusive", K::Value,
     "a pseudo terminal's slave (mode 0666) in exclusive mode (TIOCEXCL)"},
    {"path_running_exe", K::Value, "/proc/self/exe, the running program"},
    {"path_proc", K::Value, "/proc, a directory of a file system without O_TMPFILE"},
    {"path_rofs_file", K::Value, "a regular file on a read-only tmpfs mount"},
    {"path_fullfs", K::Value, "a missing name on a tmpfs mount without free inodes"},
    {"buf_absent_pid", K::Value, "a buffer holding \"4194303\", a process ID nobody has"},
    {"buf_plus_memory", K::Value, "a buffer holding \"+memory\""},
    {"buf_huge_number", K::Value, "a buffer holding a number of 20 digits"},
    {"cgroup_procs", K::Value, "cgroup.procs of the cgroup v2 root, opened O_WRONLY"},
    {"cgroup_busy_subtree", K::Value,
     "cgroup.subtree_control, O_WRONLY, of a cgroup that holds the caller"},
    {"cgroup_pids_max", K::Value, "pids.max of a new cgroup, opened O_WRONLY"},
    {"cgroup_removed", K::Value, "cgroup.procs, O_RDWR, of a cgroup removed since"},
    {"perf_event", K::Value, "a software perf event (task clock) of the caller"},
    {"fanotify_pending", K::Value, "a fanotify group with one FAN_OPEN event queued"},
    {"proc_sys_root_only", K::Value, "/proc/sys/kernel/cad_pid (mode 0600), opened by root"},
    {"path_misc_unregistered", K::Value, "a misc character device node without a driver"},
    {"fuse_file_flush_fails", K::Value,
     "the file of a FUSE server that answers FLUSH with the case's error, opened O_RDWR"},
    {"fuse_file_io_fails", K::Value,
     "the file of a FUSE server that answers READ and WRITE with the case's error"},
    {"path_fuse_open_fails", K::Value,
     "the path of a FUSE server's file whose OPEN it answers with the case's error"},
    {"fuse_file_conn_gone", K::Value, "a FUSE file, O_RDWR, whose server has exited since"},
    {"path_fuse_conn_gone", K::Value, "the path of a FUSE file whose server has exited"},
    {"path_fuse_init_fails", K::Value,
     "the path of a FUSE file whose server refused the connection's INIT"},
    {"cgroup_thread_root_subtree", K::Value,
     "cgroup.subtree_control, O_WRONLY, of a cgroup with a threaded child"},
    {"buf_fuse_reply_unknown", K::Value,
     "a FUSE reply header (16 bytes) to a request that was never sent"},
    {"fuse_dev", K::Value, "/dev/fuse of a mounted FUSE file system without a server"},
    {"fuse_dev_aborted", K::Value,
     "/dev/fuse of a served FUSE file system that asked for FUSE_ABORT_ERROR, aborted through "
     "fusectl"},
    {"fuse_dev_served", K::Value,
     "/dev/fuse of a served FUSE file system that knows \"file\" and \"tree\", \"tree/leaf\" "
     "in use"},
    {"buf_fuse_notify_delete_in_file", K::Value,
     "a FUSE_NOTIFY_DELETE (45 bytes) of \"leaf\" under the regular file \"file\""},
    {"buf_fuse_notify_delete_tree", K::Value,
     "a FUSE_NOTIFY_DELETE (45 bytes) of the directory \"tree\", which holds \"leaf\""},
    {"path_fuse_create_fails", K::Value,
     "a missing name on a FUSE file system whose CREATE fails with the case's error"},
    {"packet_dev_down", K::Value,
     "a packet socket bound to lo, which went down since (own network namespace)"},
    {"udp_small_sndbuf", K::Value,
     "a UDP socket on 127.0.0.1, smallest send buffer, lo's MTU 1500 (own network namespace)"},
    {"tcp_destroyed", K::Value,
     "a connected TCP socket destroyed by sock_diag's SOCK_DESTROY"},
    {"bdev_swap_active", K::Value,
     "a RAM disk (brd) opened O_RDWR, in use as swap space"},
    {"path_proc_environ_reaped", K::Value,
     "/proc/self/fd/N, N an O_PATH descriptor of /proc/PID/environ of a reaped process"},
    {"kapi_sample_dev", K::Value,
     "/dev/kapi_sample (kapi_sample.ko) opened O_RDWR by root"},
    {"kapi_sample_locked", K::Value,
     "the same, locked with KAPI_SAMPLE_FLAG_LOCKED (the runner unlocks it after the case)"},
    {"buf_int_minus_one", K::Value,
     "a buffer holding the int -1"},
    {"buf_ones", K::Value,
     "a buffer of 4096 bytes 0xff"},
    // The descriptor table calls (module/specs/fd.c).
    {"fd_reserved", K::Value,
     "the lowest free descriptor, reserved by another thread's open() that waits for a FUSE "
     "server"},
    // creat (module/specs/creat.c).
    {"path_append_only", K::Value, "a regular file marked append-only (chattr +a) on tmpfs"},
    // The positioned I/O specs (module/specs/rw.c).
    {"kmsg_end", K::Value, "/dev/kmsg positioned after the last record (SEEK_END)"},
    {"kmsg_end_nonblock", K::Value, "the same, O_NONBLOCK"},
    {"dev_mem", K::Value, "/dev/mem opened O_RDONLY"},
    {"proc_init_syscall", K::Value, "/proc/1/syscall opened by root"},
    {"proc_stack_unprivileged", K::Value,
     "/proc/self/stack opened as user 65534 without capabilities (the case runs as that user)"},
    {"iov_1", K::Value, "one struct iovec: 1 byte of buf"},
    {"iov_2", K::Value, "one struct iovec: 2 bytes of buf"},
    {"iov_8", K::Value, "one struct iovec: 8 bytes of buf"},
    {"iov_64", K::Value, "one struct iovec: 64 bytes of buf"},
    {"iov_4096", K::Value, "one struct iovec: 4096 bytes of buf"},
    {"iov_8192", K::Value, "one struct iovec: 8192 bytes of buf"},
    {"iov_60000", K::Value, "one struct iovec: 60000 bytes of buf"},
    {"iov_70000", K::Value, "one struct iovec: 70000 bytes of buf"},
    {"iov_131072", K::Value, "one struct iovec: 131072 bytes of buf"},
    {"iov_absent_pid", K::Value, "one struct iovec: buf_absent_pid, 7 bytes"},
    {"iov_plus_memory", K::Value, "one struct iovec: buf_plus_memory, 7 bytes"},
    {"iov_huge_number", K::Value, "one struct iovec: buf_huge_number, 20 bytes"},
    {"iov_fuse_reply_unknown", K::Value, "one struct iovec: buf_fuse_reply_unknown, 16 bytes"},
    {"iov_fuse_notify_delete_in_file", K::Value, "one struct iovec: buf_fuse_notify_delete_in_file, 45 bytes"},
    {"iov_fuse_notify_delete_tree", K::Value, "one struct iovec: buf_fuse_notify_delete_tree, 45 bytes"},
    {"iov_kernel_ptr", K::Value, "one struct iovec: 1 byte at kernel_ptr"},
    {"iov_unmapped", K::Value, "one struct iovec: 1 byte at unmapped_ptr"},
    // openat2 (module/specs/openat2.c): a struct open_how in user memory.
    {"how_wronly", K::Value, "a struct open_how: O_WRONLY"},
    {"how_rdwr", K::Value, "a struct open_how: O_RDWR"},
    {"how_rdwr_noctty", K::Value, "a struct open_how: O_RDWR | O_NOCTTY"},
    {"how_creat", K::Value, "a struct open_how: O_CREAT | O_WRONLY, mode 0600"},
    {"how_creat_excl", K::Value, "a struct open_how: O_CREAT | O_EXCL | O_WRONLY, mode 0600"},
    {"how_tmpfile", K::Value, "a struct open_how: O_TMPFILE | O_RDWR, mode 0600"},
    {"how_noatime", K::Value, "a struct open_how: O_RDONLY | O_NOATIME"},
    {"how_flags_unknown", K::Value, "a struct open_how: O_RDONLY and flags bit 32, unknown"},
    {"how_resolve_beneath", K::Value, "a struct open_how: O_RDONLY, RESOLVE_BENEATH"},
    {"how_resolve_no_symlinks", K::Value, "a struct open_how: O_RDONLY, RESOLVE_NO_SYMLINKS"},
    {"how_resolve_cached", K::Value, "a struct open_how: O_RDONLY, RESOLVE_CACHED"},
    {"how_trailing_nonzero", K::Value,
     "32 bytes: a struct open_how of O_RDONLY, then 8 bytes of which the last is 1"},
    {"nobody", K::Setup, "the call runs as user and group 65534, without capabilities"},
    {"alarm", K::Setup, "SIGALRM, caught without SA_RESTART, arrives 50 ms into the call"},
    {"fd_table_full", K::Setup, "RLIMIT_NOFILE is lowered to the lowest free descriptor"},
    {"fsize_zero", K::Setup, "RLIMIT_FSIZE is 0 and SIGXFSZ is ignored"},
    {"file_max_reached", K::Setup,
     "fs.file-max is 0 (the runner restores it): callers without CAP_SYS_ADMIN get no file"},
    {"fd_table_shared_nr_open_low", K::Setup,
     "descriptor 1000 is open, fs.nr_open is 64 (the runner restores it), and a second thread "
     "shares the descriptor table"},
    {"pos_unchanged", K::Check, "the file position of the first descriptor is unchanged"},
    {"not_created", K::Check, "the first path did not exist before the call and does not after"},
    {"sigpipe", K::Check, "the call sent the caller one SIGPIPE"},
};

const FixtureDef* find_fixture(std::string_view name) {
    for (const FixtureDef& f : kFixtures)
        if (f.name == name)
            return &f;
    return nullptr;
}

// A C string literal of TEXT.
std::string quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string arg_c(const std::string& value) {
    if (is_fixture_name(value))
        return "CF_FX(" + value + ")";
    return "CF_VAL(" + value + ")";
}

bool fd_access_has(const Param& p, std::string_view bit) {
    return p.mask.expr.find(bit) != std::string::npos;
}

// The value of a parameter that a trigger does not set: one the kernel
// accepts, so that the call fails, if at all, for the trigger's reason.
std::string default_value(const Spec& s, const Param& p) {
    // An ioctl's command is the spec's own.
    if (s.kind == KAPI_KIND_IOCTL && s.params.size() == 3 && &p == &s.params[1])
        return s.ioctl_cmd.expr.empty() ? std::to_string(s.ioctl_cmd.value.value_or(0))
                                        : s.ioctl_cmd.expr;
    switch (p.type) {
    case KAPI_TYPE_FD:
        return fd_access_has(p, "KAPI_FD_AT_FDCWD") ? "AT_FDCWD" : "file_rdwr";
    case KAPI_TYPE_USER_PTR:
        return "buf";
    case KAPI_TYPE_PATH:
        for (const Param& q : s.params)
            if (q.constraint == KAPI_CONSTRAINT_FD && fd_access_has(q, "KAPI_FD_IF_RELATIVE"))
                return "path_relative";
        return "path_file";
    default:
        // A range that 0 is below (openat2's size): its lower bound.
        if (p.constraint == KAPI_CONSTRAINT_RANGE && !p.min.empty() &&
            (!p.min.value || *p.min.value > 0))
            return p.min.value ? std::to_string(*p.min.value) : p.min.expr;
        return "0";
    }
}

// A number of the spec as C: its value, or the expression the spec wrote
// (KAPI_FD_OPEN | KAPI_FD_READ) for the compiler to resolve, or DEFAULT.
std::string num_c(const Num& n, const char* fallback) {
    if (n.value) {
        if (*n.value == INT64_MIN)
            return "(-9223372036854775807L - 1)";
        return std::to_string(*n.value) + "L";
    }
    return n.expr.empty() ? fallback : "(long)(" + n.expr + ")";
}

// Whether EXPR (a bound of a parameter of type T) is the type's own limit,
// with no value beyond it: then that side has no case.
bool type_limit(const Num& n, CheckType t, bool upper) {
    if (n.value) {
        std::int64_t v = *n.value;
        if (!upper)
            return t.is_signed
                       ? (t.bits >= 64 ? v == INT64_MIN : v == -(std::int64_t{1} << (t.bits - 1)))
                       : v == 0;
        if (t.bits >= 64)
            return t.is_signed ? v == INT64_MAX : v == -1;
        return v == (t.is_signed ? (std::int64_t{1} << (t.bits - 1)) - 1
                                 : (std::int64_t{1} << t.bits) - 1);
    }
    const std::string& e = n.expr;
    if (!upper)
        return t.is_signed ? (t.bits >= 64 ? e == "LLONG_MIN" || e == "LONG_MIN" : e == "INT_MIN")
                           : e == "0";
    if (t.is_signed)
        return t.bits >= 64 ? e == "LLONG_MAX" || e == "LONG_MAX" || e == "LOFF_MAX"
                            : t.bits == 32 && e == "INT_MAX";
    return t.bits >= 64 ? e == "ULLONG_MAX" || e == "ULONG_MAX" : t.bits == 32 && e == "UINT_MAX";
}

// A number of the spec as a C expression of unsigned 64-bit arithmetic.
std::string u64_c(const Num& n) {
    if (n.value)
        return "(unsigned long long)" + num_c(n, "0");
    return "(unsigned long long)(" + n.expr + ")";
}

// Bound cases whose other arguments, at their defaults, need a value of
// their own for the kernel to look at the parameter at all; MASK, when not
// empty, is the value inside the mask when all valid bits at once would
// meet another documented rule with the same error.
struct BoundArgs {
    std::string_view api, param;
    std::vector<std::pair<std::string_view, std::string_view>> args;
    std::string_view mask;
};
const std::vector<BoundArgs> kBoundArgs = {
    // With nothing to transfer, the vectored calls return 0 before the
    // flags are looked at. RWF_NOWAIT on a file without FMODE_NOWAIT fails
    // with EOPNOTSUPP, the flags' own error: regular files of the guest's
    // /tmp, and on 6.1 pipes and sockets too, have none.
    {"sys_preadv2", "flags", {{"vec", "iov_1"}, {"vlen", "1"}}, "RWF_SUPPORTED & ~RWF_NOWAIT"},
    {"sys_pwritev2", "flags", {{"vec", "iov_1"}, {"vlen", "1"}}, "RWF_SUPPORTED & ~RWF_NOWAIT"},
};

// Masks that newer kernels extend (RWF_SUPPORTED: RWF_NOAPPEND and
// RWF_ATOMIC since 6.9 and 6.11): the program is built against one
// kernel's headers and runs on others, so the lowest bit outside the mask
// it knows may be a valid bit of the running kernel. Their cases go just
// outside at the parameter type's top bit instead.
const std::vector<std::pair<std::string_view, std::string_view>> kMaskGrows = {
    {"sys_preadv2", "flags"},
    {"sys_pwritev2", "flags"},
};

// Bound cases inside a rule that another documented rule fails with the
// same error, whatever the other arguments: the case expects that error.
// Just outside, a bound whose side of the rule the kernel answers with an
// error of its own (the rule being audit only for it): that error.
struct BoundError {
    std::string_view api, param, which, error;
};
const std::vector<BoundError> kBoundErrors = {
    // newfd >= RLIMIT_NOFILE, which cannot be raised to INT_MAX.
    {"sys_dup2", "newfd", "max", "EBADF"},
    {"sys_dup2", "newfd", "max-1", "EBADF"},
    {"sys_dup3", "newfd", "max", "EBADF"},
    {"sys_dup3", "newfd", "max-1", "EBADF"},
    // Just outside: size above PAGE_SIZE breaks its range, whose rule
    // error is EINVAL (below OPEN_HOW_SIZE_VER0), but fails with E2BIG.
    {"sys_openat2", "size", "max+1", "E2BIG"},
};

struct Case {
    std::string api, error, label, where;
    bool bound = false;
    bool not_error = false;        // must not fail with error (a bound inside)
    std::vector<std::string> args; // C initializers
    std::vector<std::string> setups, checks;
};

std::string syscall_nr(const Spec& s) {
    if (s.kind == KAPI_KIND_IOCTL)
        return "__NR_ioctl";
    std::string n = s.name;
    if (n.starts_with("sys_"))
        n = n.substr(4);
    return "__NR_" + n;
}

} // namespace

const std::vector<FixtureDef>& conformance_fixtures() {
    return kFixtures;
}

ConformanceResult generate_conformance_c(const SpecSet& specs,
                                         const std::vector<ErrorTrigger>& triggers,
                                         const std::vector<std::string>& includes) {
    ConformanceResult r;
    std::map<std::string, const Spec*> by_name;
    for (const Spec& s : specs.specs)
        by_name[s.name] = &s;
    std::map<std::pair<std::string, std::string>, const ErrorTrigger*> by_error;
    for (const ErrorTrigger& t : triggers)
        by_error[{t.api, t.error}] = &t;

    std::vector<Case> cases;
    std::vector<std::string> used_values, used_setups, used_checks;
    auto use = [](std::vector<std::string>& v, const std::string& n) {
        for (const std::string& x : v)
            if (x == n)
                return;
        v.push_back(n);
    };
    auto arg = [&](const std::string& value) {
        if (is_fixture_name(value))
            use(used_values, value);
        return arg_c(value);
    };

    std::ostringstream errs;
    for (const Spec& s : specs.specs) {
        // System calls, and ioctls as ioctl(fd, cmd, arg).
        if (s.params.size() > 6 ||
            (s.kind != KAPI_KIND_SYSCALL && (s.kind != KAPI_KIND_IOCTL || s.params.size() != 3)))
            continue;
        for (const ErrorSpec& e : s.errors) {
            auto it = by_error.find({s.name, e.name});
            if (it == by_error.end() || it->second->none)
                continue;
            const ErrorTrigger& t = *it->second;
            Case c;
            c.api = s.name;
            c.error = e.name;
            c.where = t.file + ":" + std::to_string(t.line);
            std::map<std::string, std::string> set;
            bool ok = true;
            for (const TriggerItem& ti : t.items) {
                if (!c.label.empty())
                    c.label += ", ";
                c.label += ti.key + "=" + ti.value;
                K want = ti.key == "setup" ? K::Setup : ti.key == "check" ? K::Check : K::Value;
                if (want != K::Value || is_fixture_name(ti.value)) {
                    const FixtureDef* f = find_fixture(ti.value);
                    if (!f || f->kind != want) {
                        r.errors.push_back({t.file, t.line,
                                            "trigger: unknown " +
                                                std::string(want == K::Setup   ? "setup fixture"
                                                            : want == K::Check ? "check"
                                                                               : "fixture") +
                                                " '" + ti.value + "'"});
                        ok = false;
                        continue;
                    }
                }
                if (ti.key == "setup") {
                    use(used_setups, ti.value);
                    c.setups.push_back(ti.value);
                } else if (ti.key == "check") {
                    use(used_checks, ti.value);
                    c.checks.push_back(ti.value);
                } else {
                    set[ti.key] = ti.value;
                }
            }
            if (!ok)
                continue;
            for (const Param& p : s.params) {
                auto v = set.find(p.name);
                c.args.push_back(arg(v != set.end() ? v->second : default_value(s, p)));
            }
            cases.push_back(std::move(c));
        }
        // Each descriptor constraint at its bounds: inside, the values the
        // kernel accepts; outside, a closed descriptor, the lowest unused
        // number, -1 and INT_MAX, each failing with the parameter's error.
        // Each buffer constraint at the top of the user address space.
        for (std::size_t i = 0; i < s.params.size(); i++) {
            const Param& p = s.params[i];
            // A size parameter whose own range may start above 1 (openat2's
            // size, at least OPEN_HOW_SIZE_VER0, an expression) fails sizes 1
            // and 2 first: such a buffer has no bound case.
            auto size_min_above_1 = [&](const Param& q) {
                return q.constraint == KAPI_CONSTRAINT_RANGE && !q.min.empty() &&
                       !(q.min.value && *q.min.value <= 1);
            };
            if (p.constraint == KAPI_CONSTRAINT_BUFFER && p.size_param >= 0 &&
                static_cast<std::size_t>(p.size_param) < s.params.size() &&
                !size_min_above_1(s.params[static_cast<std::size_t>(p.size_param)])) {
                // The buffer ends at the top of the user address space:
                // one byte is inside, two reach past it.
                const std::string& count = s.params[static_cast<std::size_t>(p.size_param)].name;
                for (const char* n : {"1", "2"}) {
                    Case c;
                    c.api = s.name;
                    c.error = n[0] == '1'
                                  ? ""
                                  : (p.violation_error.empty() ? "EFAULT" : p.violation_error);
                    c.bound = true;
                    c.where = s.source.file + ":" + std::to_string(s.source.line);
                    c.label = p.name + "=buf_user_top, " + count + "=" + n;
                    for (const Param& q : s.params)
                        c.args.push_back(arg(&q == &p          ? "buf_user_top"
                                             : q.name == count ? n
                                                               : default_value(s, q)));
                    cases.push_back(std::move(c));
                }
            }
            if (p.constraint == KAPI_CONSTRAINT_USER_PATH) {
                // The path's length at PATH_MAX: with its NUL in PATH_MAX
                // bytes (at the bound) and one byte shorter (inside) it
                // names a regular file (opened read-only, or truncated by
                // creat); without a NUL in PATH_MAX
                // bytes (just outside) it is too long.
                for (const char* v : {"path_max_with_nul", "path_max_minus_one", "path_too_long"}) {
                    Case c;
                    c.api = s.name;
                    c.error = std::string_view(v) == "path_too_long" ? "ENAMETOOLONG" : "";
                    c.bound = true;
                    c.where = s.source.file + ":" + std::to_string(s.source.line);
                    c.label = p.name + "=" + v;
                    for (const Param& q : s.params)
                        c.args.push_back(arg(&q == &p ? std::string(v) : default_value(s, q)));
                    cases.push_back(std::move(c));
                }
            }
            if ((p.constraint == KAPI_CONSTRAINT_RANGE || p.constraint == KAPI_CONSTRAINT_MASK ||
                 p.constraint == KAPI_CONSTRAINT_ENUM) &&
                !(s.kind == KAPI_KIND_IOCTL && i == 1)) {
                // RANGE, MASK and ENUM at their bounds. Just outside, the
                // parameter's error; at the bound and inside, any outcome
                // but that error (the other arguments at their defaults may
                // fail the call for another reason), unless kBoundErrors
                // names the other rule. An ioctl's command has no cases:
                // another command is another ioctl's spec.
                std::string err = p.violation_error.empty() ? "EINVAL" : p.violation_error;
                CheckType ct = check_param_type(p.type, p.type_name);
                auto value = [&](const std::string& which, const std::string& expr, bool outside) {
                    Case c;
                    c.api = s.name;
                    c.error = err;
                    c.not_error = !outside;
                    c.bound = true;
                    c.where = s.source.file + ":" + std::to_string(s.source.line);
                    c.label = p.name + "=" + which;
                    for (const BoundError& b : kBoundErrors)
                        if (b.api == s.name && b.param == p.name && b.which == which)
                            c.error = b.error, c.not_error = false;
                    const BoundArgs* extra = nullptr;
                    for (const BoundArgs& b : kBoundArgs)
                        if (b.api == s.name && b.param == p.name)
                            extra = &b;
                    for (const Param& q : s.params) {
                        std::string v = &q == &p ? "(" + expr + ")" : default_value(s, q);
                        if (extra)
                            for (const auto& [n, x] : extra->args)
                                if (n == q.name)
                                    v = x, c.label += ", " + q.name + "=" + std::string(x);
                        c.args.push_back(arg(v));
                    }
                    cases.push_back(std::move(c));
                };
                if (p.constraint == KAPI_CONSTRAINT_RANGE) {
                    if (!p.min.empty()) {
                        if (!type_limit(p.min, ct, false))
                            value("min-1", u64_c(p.min) + " - 1ULL", true);
                        value("min", u64_c(p.min), false);
                        value("min+1", u64_c(p.min) + " + 1ULL", false);
                    }
                    if (!p.max.empty()) {
                        value("max-1", u64_c(p.max) + " - 1ULL", false);
                        value("max", u64_c(p.max), false);
                        if (!type_limit(p.max, ct, true))
                            value("max+1", u64_c(p.max) + " + 1ULL", true);
                    }
                } else if (p.constraint == KAPI_CONSTRAINT_MASK && !p.mask.empty()) {
                    // Every valid bit; the lowest bit outside the mask.
                    const std::string m = u64_c(p.mask);
                    std::string_view inside;
                    for (const BoundArgs& b : kBoundArgs)
                        if (b.api == s.name && b.param == p.name)
                            inside = b.mask;
                    if (inside.empty())
                        value("mask", m, false);
                    else
                        value(std::string(inside),
                              "(unsigned long long)(" + std::string(inside) + ")", false);
                    bool grows = std::find(kMaskGrows.begin(), kMaskGrows.end(),
                                           std::pair<std::string_view, std::string_view>(
                                               s.name, p.name)) != kMaskGrows.end();
                    if (grows)
                        value("top_bit", "1ULL << " + std::to_string(ct.bits - 1), true);
                    else
                        value("lowest_bit_outside", "(" + m + " + 1ULL) & ~" + m, true);
                } else if (p.constraint == KAPI_CONSTRAINT_ENUM && !p.values.empty()) {
                    // Each value; one above the largest, one below the
                    // smallest unless that is the type's lowest value.
                    std::string hi = u64_c(p.values[0]);
                    bool numeric = true;
                    std::int64_t lo = INT64_MAX;
                    for (std::size_t j = 0; j < p.values.size(); j++) {
                        const Num& v = p.values[j];
                        value(v.value ? std::to_string(*v.value) : v.expr, u64_c(v), false);
                        if (v.value)
                            lo = std::min(lo, *v.value);
                        else
                            numeric = false;
                        if (j)
                            hi = "(" + hi + " > " + u64_c(v) + " ? " + hi + " : " + u64_c(v) + ")";
                    }
                    value("largest+1", hi + " + 1ULL", true);
                    if (numeric && !type_limit(Num{lo, ""}, ct, false))
                        value("smallest-1", std::to_string(lo) + "LL - 1LL", true);
                }
            }
            if (p.constraint != KAPI_CONSTRAINT_FD)
                continue;
            auto bound = [&](const std::string& value, const std::string& error,
                             const std::string& path) {
                Case c;
                c.api = s.name;
                c.error = error;
                c.bound = true;
                c.where = s.source.file + ":" + std::to_string(s.source.line);
                c.label = p.name + "=" + value;
                for (const Param& q : s.params) {
                    std::string v = default_value(s, q);
                    if (&q == &p)
                        v = value;
                    else if (q.type == KAPI_TYPE_PATH && !path.empty())
                        v = path, c.label += ", " + q.name + "=" + path;
                    c.args.push_back(arg(v));
                }
                cases.push_back(std::move(c));
            };
            std::string err = p.violation_error.empty() ? "EBADF" : p.violation_error;
            bound(default_value(s, p), "", "");
            if (fd_access_has(p, "KAPI_FD_AT_FDCWD"))
                bound("dir", "", "");
            for (const char* v : {"closed", "first_unused", "-1", "INT_MAX"})
                bound(v, err, "");
            if (fd_access_has(p, "KAPI_FD_IF_RELATIVE")) {
                bound("-1", "", "path_file");
                bound("closed", "", "path_file");
            }
        }
    }
    if (!r.errors.empty())
        return r;

    std::ostringstream o;
    o << "/* SPDX-License-Identifier: GPL-2.0 */\n"
      << "/*\n"
      << " * Generated by kapi-gen --conformance from the specs' error triggers; do\n"
      << " * not edit. The runner and the fixtures are selftests/conform/.\n"
      << " */\n"
      << "#include \"conform.h\"\n"
      << "#include \"uapi/linux/kapi.h\"\n";
    std::vector<std::string> own;
    for (const std::string& inc : includes)
        if (inc.find('"') != std::string::npos &&
            std::find(own.begin(), own.end(), inc) == own.end()) {
            own.push_back(inc);
            o << inc << "\n";
        }
    o << "\n";
    for (const std::string& f : used_values)
        o << "long cf_fx_" << f << "(void);\n";
    for (const std::string& f : used_setups)
        o << "void cf_setup_" << f << "(void);\n";
    for (const std::string& f : used_checks)
        o << "extern const struct cf_check cf_check_" << f << ";\n";
    // What each parameter's constraint is, for the runner's count of the
    // violations kapi must report (selftests/conform/conform.c).
    // The fields of a struct param are filled in at run time by
    // cf_structs_init(): a mask may name what the runner only learns then
    // (__FMODE_NONOTIFY, which differs between 6.1 and 6.12).
    std::map<std::string, std::string> table_of;
    std::ostringstream fields_decl, fields_init;
    std::size_t n_field_tables = 0;
    std::ostringstream tables;
    for (const Case& c : cases) {
        if (table_of.count(c.api))
            continue;
        const Spec& s = *by_name.at(c.api);
        std::string t = "cf_spec_" + std::to_string(table_of.size());
        table_of[c.api] = t;
        std::vector<std::string> field_table(s.params.size());
        bool first_struct = true;
        for (std::size_t i = 0; i < s.params.size(); i++) {
            const Param& p = s.params[i];
            const StructSpec* st = p.struct_name.empty() ? nullptr : specs.find_struct(p.struct_name);
            // kapi reads the first struct param of a call only.
            if (!st || !first_struct)
                continue;
            first_struct = false;
            const std::size_t n = std::min<std::size_t>(st->fields.size(), 8);
            std::string f = "cf_fields_" + std::to_string(n_field_tables++);
            field_table[i] = f;
            fields_decl << "static struct cf_field " << f << "[" << (n ? n : 1) << "];\n";
            for (std::size_t k = 0; k < n; k++) {
                const StructField& fl = st->fields[k];
                fields_init << "\t" << f << "[" << k << "] = (struct cf_field){ "
                            << num_c(fl.offset, "0") << ", " << num_c(fl.size, "0") << ", "
                            << fl.constraint << ", "
                            << (fl.type == KAPI_TYPE_INT ? "true" : "false") << ", "
                            << num_c(fl.min, "0") << ", " << num_c(fl.max, "0") << ", "
                            << num_c(fl.mask, "0") << " };\n";
            }
        }
        tables << "\nstatic const struct cf_spec " << t << " = {\n"
          << "\t.hooked = " << (s.kind == KAPI_KIND_SYSCALL ? "true" : "false") << ",\n"
          << "\t.nparams = " << s.params.size() << ",\n\t.params = {\n";
        for (const Param& p : s.params) {
            CheckType ct = check_param_type(p.type, p.type_name);
            tables << "\t\t{ " << quote(p.name) << ", " << p.constraint << ", "
              << (p.flags & KAPI_PARAM_OPTIONAL ? "true" : "false") << ", " << ct.bits << ", "
              << (ct.is_signed ? "true" : "false") << ", " << num_c(p.min, "0") << ", "
              << num_c(p.max, "0") << ", " << num_c(p.mask, "0") << ", " << p.size_param << ", "
              << num_c(p.size_mult, "1") << ", " << num_c(p.size, "0") << ", "
              << num_c(p.alignment, "0") << ", " << p.values.size() << ", ";
            if (p.values.empty()) {
                tables << "NULL";
            } else {
                tables << "(const long[]){";
                for (std::size_t i = 0; i < p.values.size(); i++)
                    tables << (i ? ", " : " ") << num_c(p.values[i], "0");
                tables << " }";
            }
            const std::size_t pi = static_cast<std::size_t>(&p - s.params.data());
            if (field_table[pi].empty()) {
                tables << " },\n";
                continue;
            }
            const StructSpec* st = specs.find_struct(p.struct_name);
            tables << ",\n\t\t  " << num_c(st->size, "0") << ", " << p.count_param << ", "
              << num_c(p.max_count, "0") << ", " << std::min<std::size_t>(st->fields.size(), 8)
              << ", " << field_table[pi] << " },\n";
        }
        tables << "\t},\n};\n";
    }
    o << "\n" << fields_decl.str() << tables.str();
    o << "\nvoid cf_structs_init(void)\n{\n" << fields_init.str() << "}\n";
    o << "\nconst struct cf_case cf_cases[] = {\n";
    for (const Case& c : cases) {
        const Spec& s = *by_name.at(c.api);
        o << "\t{\n"
          << "\t\t.spec = &" << table_of.at(c.api) << ",\n"
          << "\t\t.api = " << quote(c.api) << ", .error = " << quote(c.error)
          << ", .err = " << (c.error.empty() ? "0" : c.error) << ",\n"
          << "\t\t.bound = " << (c.bound ? "true" : "false")
          << (c.not_error ? ", .not_err = true" : "") << ", .label = " << quote(c.label)
          << ",\n"
          << "\t\t.where = " << quote(c.where) << ",\n"
          << "\t\t.nr = " << syscall_nr(s) << ", .nargs = " << c.args.size() << ",\n"
          << "\t\t.args = {";
        for (std::size_t i = 0; i < c.args.size(); i++)
            o << (i ? ", " : " ") << c.args[i];
        o << " },\n";
        if (!c.setups.empty()) {
            o << "\t\t.setup = {";
            for (std::size_t i = 0; i < c.setups.size(); i++)
                o << (i ? ", " : " ") << "cf_setup_" << c.setups[i];
            o << " },\n";
        }
        if (!c.checks.empty()) {
            o << "\t\t.checks = {";
            for (std::size_t i = 0; i < c.checks.size(); i++)
                o << (i ? ", " : " ") << "&cf_check_" << c.checks[i];
            o << " },\n";
        }
        o << "\t},\n";
    }
    o << "};\n\nconst unsigned int cf_cases_count = " << cases.size() << ";\n\n";

    // Every documented error, with how its trigger says to treat it.
    std::size_t n_errors = 0;
    o << "const struct cf_error cf_errors[] = {\n";
    for (const Spec& s : specs.specs) {
        for (const ErrorSpec& e : s.errors) {
            auto it = by_error.find({s.name, e.name});
            const char* how = it == by_error.end() ? "CF_UNTRIAGED"
                              : it->second->none   ? "CF_NONE"
                                                   : "CF_TRIGGER";
            o << "\t{ " << quote(s.name) << ", " << quote(e.name) << ", " << how << " },\n";
            n_errors++;
        }
    }
    o << "};\n\nconst unsigned int cf_errors_count = " << n_errors << ";\n";
    r.c = o.str();
    return r;
}

} // namespace kapi
