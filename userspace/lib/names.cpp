// SPDX-License-Identifier: GPL-2.0
//
// The name tables of kapi/names.h. Enumeration values come from the UAPI
// header's constants and errno, signal, capability and sigaction numbers
// from the C library's and the kernel's userspace headers, so that no
// number is written down twice; only the kernel-internal errnos and the
// few constants userspace headers lack are spelled out, with their source.
#include "kapi/names.h"

#include <errno.h>
#include <linux/capability.h>
#include <signal.h>

#include <array>
#include <cstddef>
#include <string>

#include "uapi/linux/kapi.h"
// After the UAPI header, whose constants the lists name.
#include "kapi/objects.h"
#include "util.h"

namespace kapi {

namespace {

// Whether name is one of the space-separated words of list.
bool in_word_list(std::string_view list, std::string_view name) {
    while (!list.empty()) {
        std::size_t end = list.find(' ');
        std::string_view word = list.substr(0, end);
        if (!word.empty() && iequal(word, name))
            return true;
        if (end == std::string_view::npos)
            break;
        list.remove_prefix(end + 1);
    }
    return false;
}

bool single_bit(std::uint32_t v) {
    return v != 0 && (v & (v - 1)) == 0;
}

constexpr std::uint32_t u(long long v) {
    return static_cast<std::uint32_t>(v);
}

// clang-format off
constexpr EnumEntry kApiKinds[] = {
    {u(KAPI_KIND_SYSCALL), "KAPI_KIND_SYSCALL", "syscall", ""},
    {u(KAPI_KIND_IOCTL), "KAPI_KIND_IOCTL", "ioctl", ""},
    {u(KAPI_KIND_FUNCTION), "KAPI_KIND_FUNCTION", "function", ""},
};

constexpr EnumEntry kParamTypes[] = {
    {u(KAPI_TYPE_VOID), "KAPI_TYPE_VOID", "void", ""},
    {u(KAPI_TYPE_INT), "KAPI_TYPE_INT", "int", ""},
    {u(KAPI_TYPE_UINT), "KAPI_TYPE_UINT", "uint", ""},
    {u(KAPI_TYPE_PTR), "KAPI_TYPE_PTR", "ptr", ""},
    {u(KAPI_TYPE_STRUCT), "KAPI_TYPE_STRUCT", "struct", ""},
    {u(KAPI_TYPE_UNION), "KAPI_TYPE_UNION", "union", ""},
    {u(KAPI_TYPE_ENUM), "KAPI_TYPE_ENUM", "enum", ""},
    {u(KAPI_TYPE_FUNC_PTR), "KAPI_TYPE_FUNC_PTR", "func_ptr", ""},
    {u(KAPI_TYPE_ARRAY), "KAPI_TYPE_ARRAY", "array", ""},
    {u(KAPI_TYPE_FD), "KAPI_TYPE_FD", "fd", ""},
    {u(KAPI_TYPE_USER_PTR), "KAPI_TYPE_USER_PTR", "user_ptr", "uptr"},
    {u(KAPI_TYPE_PATH), "KAPI_TYPE_PATH", "path", ""},
    {u(KAPI_TYPE_CUSTOM), "KAPI_TYPE_CUSTOM", "custom", ""},
};

constexpr EnumEntry kParamFlags[] = {
    {u(KAPI_PARAM_IN), "KAPI_PARAM_IN", "input", "in"},
    {u(KAPI_PARAM_OUT), "KAPI_PARAM_OUT", "output", "out"},
    {u(KAPI_PARAM_INOUT), "KAPI_PARAM_INOUT", "inout", "KAPI_PARAM_FLAGS_INOUT"},
    {u(KAPI_PARAM_OPTIONAL), "KAPI_PARAM_OPTIONAL", "optional", ""},
    {u(KAPI_PARAM_CONST), "KAPI_PARAM_CONST", "const", ""},
    {u(KAPI_PARAM_VOLATILE), "KAPI_PARAM_VOLATILE", "volatile", ""},
    {u(KAPI_PARAM_USER), "KAPI_PARAM_USER", "user", ""},
    {u(KAPI_PARAM_DMA), "KAPI_PARAM_DMA", "dma", ""},
    {u(KAPI_PARAM_ALIGNED), "KAPI_PARAM_ALIGNED", "aligned", ""},
    // upstream's helper macro: a user-space input
    {u(KAPI_PARAM_USER | KAPI_PARAM_IN), "KAPI_PARAM_FLAGS_USER", "", ""},
};

constexpr EnumEntry kConstraintTypes[] = {
    {u(KAPI_CONSTRAINT_NONE), "KAPI_CONSTRAINT_NONE", "none", ""},
    {u(KAPI_CONSTRAINT_RANGE), "KAPI_CONSTRAINT_RANGE", "range", ""},
    {u(KAPI_CONSTRAINT_MASK), "KAPI_CONSTRAINT_MASK", "mask", "KAPI_CONSTRAINT_BITMASK bitmask"},
    {u(KAPI_CONSTRAINT_ENUM), "KAPI_CONSTRAINT_ENUM", "enum", ""},
    {u(KAPI_CONSTRAINT_ALIGNMENT), "KAPI_CONSTRAINT_ALIGNMENT", "alignment", "align"},
    {u(KAPI_CONSTRAINT_POWER_OF_TWO), "KAPI_CONSTRAINT_POWER_OF_TWO", "power_of_two", ""},
    {u(KAPI_CONSTRAINT_PAGE_ALIGNED), "KAPI_CONSTRAINT_PAGE_ALIGNED", "page_aligned", ""},
    {u(KAPI_CONSTRAINT_NONZERO), "KAPI_CONSTRAINT_NONZERO", "nonzero", ""},
    {u(KAPI_CONSTRAINT_USER_STRING), "KAPI_CONSTRAINT_USER_STRING", "user_string", ""},
    {u(KAPI_CONSTRAINT_USER_PATH), "KAPI_CONSTRAINT_USER_PATH", "user_path", ""},
    {u(KAPI_CONSTRAINT_USER_PTR), "KAPI_CONSTRAINT_USER_PTR", "user_ptr", ""},
    {u(KAPI_CONSTRAINT_BUFFER), "KAPI_CONSTRAINT_BUFFER", "buffer", ""},
    {u(KAPI_CONSTRAINT_CUSTOM), "KAPI_CONSTRAINT_CUSTOM", "custom", ""},
    {u(KAPI_CONSTRAINT_FD), "KAPI_CONSTRAINT_FD", "fd", ""},
    {u(KAPI_CONSTRAINT_OPEN_FLAGS), "KAPI_CONSTRAINT_OPEN_FLAGS", "open_flags", ""},
};

constexpr EnumEntry kReturnChecks[] = {
    {u(KAPI_RETURN_EXACT), "KAPI_RETURN_EXACT", "exact", ""},
    {u(KAPI_RETURN_RANGE), "KAPI_RETURN_RANGE", "range", ""},
    {u(KAPI_RETURN_ERROR_CHECK), "KAPI_RETURN_ERROR_CHECK", "error_check", ""},
    {u(KAPI_RETURN_FD), "KAPI_RETURN_FD", "fd", ""},
    {u(KAPI_RETURN_CUSTOM), "KAPI_RETURN_CUSTOM", "custom", ""},
    {u(KAPI_RETURN_NO_RETURN), "KAPI_RETURN_NO_RETURN", "no_return", ""},
};

constexpr EnumEntry kContextFlags[] = {
    {u(KAPI_CTX_PROCESS), "KAPI_CTX_PROCESS", "process", ""},
    {u(KAPI_CTX_SOFTIRQ), "KAPI_CTX_SOFTIRQ", "softirq", ""},
    {u(KAPI_CTX_HARDIRQ), "KAPI_CTX_HARDIRQ", "hardirq", ""},
    {u(KAPI_CTX_NMI), "KAPI_CTX_NMI", "nmi", ""},
    {u(KAPI_CTX_ATOMIC), "KAPI_CTX_ATOMIC", "atomic", ""},
    {u(KAPI_CTX_SLEEPABLE), "KAPI_CTX_SLEEPABLE", "sleepable", ""},
    {u(KAPI_CTX_PREEMPT_DISABLED), "KAPI_CTX_PREEMPT_DISABLED", "preempt_disabled", ""},
    {u(KAPI_CTX_IRQ_DISABLED), "KAPI_CTX_IRQ_DISABLED", "irq_disabled", ""},
};

constexpr EnumEntry kLockTypes[] = {
    {u(KAPI_LOCK_NONE), "KAPI_LOCK_NONE", "none", ""},
    {u(KAPI_LOCK_MUTEX), "KAPI_LOCK_MUTEX", "mutex", ""},
    {u(KAPI_LOCK_SPINLOCK), "KAPI_LOCK_SPINLOCK", "spinlock", ""},
    {u(KAPI_LOCK_RWLOCK), "KAPI_LOCK_RWLOCK", "rwlock", ""},
    {u(KAPI_LOCK_SEQLOCK), "KAPI_LOCK_SEQLOCK", "seqlock", ""},
    {u(KAPI_LOCK_RCU), "KAPI_LOCK_RCU", "rcu", ""},
    {u(KAPI_LOCK_SEMAPHORE), "KAPI_LOCK_SEMAPHORE", "semaphore", ""},
    {u(KAPI_LOCK_CUSTOM), "KAPI_LOCK_CUSTOM", "custom", ""},
};

constexpr EnumEntry kLockScopes[] = {
    {u(KAPI_LOCK_INTERNAL), "KAPI_LOCK_INTERNAL", "internal", ""},
    {u(KAPI_LOCK_ACQUIRES), "KAPI_LOCK_ACQUIRES", "acquires", "KAPI_LOCK_ACQUIRED"},
    {u(KAPI_LOCK_RELEASES), "KAPI_LOCK_RELEASES", "releases", "KAPI_LOCK_RELEASED"},
    {u(KAPI_LOCK_CALLER_HELD), "KAPI_LOCK_CALLER_HELD", "caller_held",
     "KAPI_LOCK_HELD_ENTRY KAPI_LOCK_HELD_EXIT"},
};

constexpr EnumEntry kSignalDirections[] = {
    {u(KAPI_SIGNAL_RECEIVE), "KAPI_SIGNAL_RECEIVE", "receive", ""},
    {u(KAPI_SIGNAL_SEND), "KAPI_SIGNAL_SEND", "send", ""},
    {u(KAPI_SIGNAL_HANDLE), "KAPI_SIGNAL_HANDLE", "handle", ""},
    {u(KAPI_SIGNAL_BLOCK), "KAPI_SIGNAL_BLOCK", "block", ""},
    {u(KAPI_SIGNAL_IGNORE), "KAPI_SIGNAL_IGNORE", "ignore", ""},
};

constexpr EnumEntry kSignalActions[] = {
    {u(KAPI_SIGNAL_ACTION_DEFAULT), "KAPI_SIGNAL_ACTION_DEFAULT", "default", ""},
    {u(KAPI_SIGNAL_ACTION_TERMINATE), "KAPI_SIGNAL_ACTION_TERMINATE", "terminate", ""},
    {u(KAPI_SIGNAL_ACTION_COREDUMP), "KAPI_SIGNAL_ACTION_COREDUMP", "coredump", ""},
    {u(KAPI_SIGNAL_ACTION_STOP), "KAPI_SIGNAL_ACTION_STOP", "stop", ""},
    {u(KAPI_SIGNAL_ACTION_CONTINUE), "KAPI_SIGNAL_ACTION_CONTINUE", "continue", ""},
    {u(KAPI_SIGNAL_ACTION_CUSTOM), "KAPI_SIGNAL_ACTION_CUSTOM", "custom", ""},
    {u(KAPI_SIGNAL_ACTION_RETURN), "KAPI_SIGNAL_ACTION_RETURN", "return", ""},
    {u(KAPI_SIGNAL_ACTION_RESTART), "KAPI_SIGNAL_ACTION_RESTART", "restart", ""},
    {u(KAPI_SIGNAL_ACTION_QUEUE), "KAPI_SIGNAL_ACTION_QUEUE", "queue", ""},
    {u(KAPI_SIGNAL_ACTION_DISCARD), "KAPI_SIGNAL_ACTION_DISCARD", "discard", ""},
    {u(KAPI_SIGNAL_ACTION_TRANSFORM), "KAPI_SIGNAL_ACTION_TRANSFORM", "transform", ""},
};

constexpr EnumEntry kSignalTimings[] = {
    {u(KAPI_SIGNAL_TIME_BEFORE), "KAPI_SIGNAL_TIME_BEFORE", "before",
     "KAPI_SIGNAL_TIME_ENTRY entry"},
    {u(KAPI_SIGNAL_TIME_DURING), "KAPI_SIGNAL_TIME_DURING", "during", ""},
    {u(KAPI_SIGNAL_TIME_AFTER), "KAPI_SIGNAL_TIME_AFTER", "after", "KAPI_SIGNAL_TIME_EXIT exit"},
    {u(KAPI_SIGNAL_TIME_ANYTIME), "KAPI_SIGNAL_TIME_ANYTIME", "anytime", ""},
    {u(KAPI_SIGNAL_TIME_BLOCKING), "KAPI_SIGNAL_TIME_BLOCKING", "blocking", "while_blocked"},
    {u(KAPI_SIGNAL_TIME_SLEEPING), "KAPI_SIGNAL_TIME_SLEEPING", "sleeping", "while_sleeping"},
};

constexpr EnumEntry kSignalStates[] = {
    {u(KAPI_SIGNAL_STATE_RUNNING), "KAPI_SIGNAL_STATE_RUNNING", "running", ""},
    {u(KAPI_SIGNAL_STATE_SLEEPING), "KAPI_SIGNAL_STATE_SLEEPING", "sleeping", ""},
    {u(KAPI_SIGNAL_STATE_STOPPED), "KAPI_SIGNAL_STATE_STOPPED", "stopped", ""},
    {u(KAPI_SIGNAL_STATE_TRACED), "KAPI_SIGNAL_STATE_TRACED", "traced", ""},
    {u(KAPI_SIGNAL_STATE_ZOMBIE), "KAPI_SIGNAL_STATE_ZOMBIE", "zombie", ""},
    {u(KAPI_SIGNAL_STATE_DEAD), "KAPI_SIGNAL_STATE_DEAD", "dead", ""},
};

constexpr EnumEntry kSignalFlags[] = {
    {KAPI_SIGNAL_RESTARTABLE, "KAPI_SIGNAL_RESTARTABLE", "restartable", ""},
    {KAPI_SIGNAL_INTERRUPTIBLE, "KAPI_SIGNAL_INTERRUPTIBLE", "interruptible", ""},
};

constexpr EnumEntry kEffectTypes[] = {
    {u(KAPI_EFFECT_NONE), "KAPI_EFFECT_NONE", "none", ""},
    {u(KAPI_EFFECT_ALLOC_MEMORY), "KAPI_EFFECT_ALLOC_MEMORY", "alloc_memory", ""},
    {u(KAPI_EFFECT_FREE_MEMORY), "KAPI_EFFECT_FREE_MEMORY", "free_memory", ""},
    {u(KAPI_EFFECT_MODIFY_STATE), "KAPI_EFFECT_MODIFY_STATE", "modify_state", ""},
    {u(KAPI_EFFECT_SIGNAL_SEND), "KAPI_EFFECT_SIGNAL_SEND", "signal_send", ""},
    {u(KAPI_EFFECT_FILE_POSITION), "KAPI_EFFECT_FILE_POSITION", "file_position", ""},
    {u(KAPI_EFFECT_LOCK_ACQUIRE), "KAPI_EFFECT_LOCK_ACQUIRE", "lock_acquire", ""},
    {u(KAPI_EFFECT_LOCK_RELEASE), "KAPI_EFFECT_LOCK_RELEASE", "lock_release", ""},
    {u(KAPI_EFFECT_RESOURCE_CREATE), "KAPI_EFFECT_RESOURCE_CREATE", "resource_create", ""},
    {u(KAPI_EFFECT_RESOURCE_DESTROY), "KAPI_EFFECT_RESOURCE_DESTROY", "resource_destroy", ""},
    {u(KAPI_EFFECT_SCHEDULE), "KAPI_EFFECT_SCHEDULE", "schedule", ""},
    {u(KAPI_EFFECT_HARDWARE), "KAPI_EFFECT_HARDWARE", "hardware", ""},
    {u(KAPI_EFFECT_NETWORK), "KAPI_EFFECT_NETWORK", "network", ""},
    {u(KAPI_EFFECT_FILESYSTEM), "KAPI_EFFECT_FILESYSTEM", "filesystem", ""},
    {u(KAPI_EFFECT_PROCESS_STATE), "KAPI_EFFECT_PROCESS_STATE", "process_state", ""},
    {u(KAPI_EFFECT_IRREVERSIBLE), "KAPI_EFFECT_IRREVERSIBLE", "irreversible", ""},
};

constexpr EnumEntry kEffectFlags[] = {
    {KAPI_EFFECT_REVERSIBLE, "KAPI_EFFECT_REVERSIBLE", "reversible", ""},
};

constexpr EnumEntry kCapabilityActions[] = {
    {u(KAPI_CAP_BYPASS_CHECK), "KAPI_CAP_BYPASS_CHECK", "bypass_check", "bypass"},
    {u(KAPI_CAP_INCREASE_LIMIT), "KAPI_CAP_INCREASE_LIMIT", "increase_limit", "limit"},
    {u(KAPI_CAP_OVERRIDE_RESTRICTION), "KAPI_CAP_OVERRIDE_RESTRICTION", "override_restriction",
     "override"},
    {u(KAPI_CAP_GRANT_PERMISSION), "KAPI_CAP_GRANT_PERMISSION", "grant_permission", "grant"},
    {u(KAPI_CAP_MODIFY_BEHAVIOR), "KAPI_CAP_MODIFY_BEHAVIOR", "modify_behavior", "modify"},
    {u(KAPI_CAP_ACCESS_RESOURCE), "KAPI_CAP_ACCESS_RESOURCE", "access_resource", "access"},
    {u(KAPI_CAP_PERFORM_OPERATION), "KAPI_CAP_PERFORM_OPERATION", "perform_operation",
     "required"},
};

constexpr EnumEntry kSpecFlags[] = {
    {KAPI_SPEC_DEPRECATED, "KAPI_SPEC_DEPRECATED", "deprecated", ""},
};
// clang-format on

// Every value of an enumeration up to its *_COUNT has an entry, in order.
template <std::size_t N>
constexpr bool covers(const EnumEntry (&table)[N], long long count) {
    if (static_cast<long long>(N) != count)
        return false;
    for (std::size_t i = 0; i < N; i++)
        if (table[i].value != i)
            return false;
    return true;
}
static_assert(covers(kApiKinds, KAPI_KIND_COUNT));
static_assert(covers(kParamTypes, KAPI_TYPE_COUNT));
static_assert(covers(kConstraintTypes, KAPI_CONSTRAINT_COUNT));
static_assert(covers(kReturnChecks, KAPI_RETURN_COUNT));
static_assert(covers(kLockTypes, KAPI_LOCK_COUNT));
static_assert(covers(kLockScopes, KAPI_LOCK_SCOPE_COUNT));
static_assert(covers(kSignalActions, KAPI_SIGNAL_ACTION_COUNT));
static_assert(covers(kSignalTimings, KAPI_SIGNAL_TIME_COUNT));
static_assert(covers(kCapabilityActions, KAPI_CAP_COUNT));

// The single bits of a bit set's table make up its *_ALL mask.
template <std::size_t N>
constexpr std::uint32_t all_bits(const EnumEntry (&table)[N]) {
    std::uint32_t all = 0;
    for (const EnumEntry& e : table)
        if (e.value != 0 && (e.value & (e.value - 1)) == 0)
            all |= e.value;
    return all;
}
// KAPI_PARAM_FLAGS_ALL also covers bit 2, which no flag uses (upstream's
// INOUT is IN | OUT, not a bit of its own).
static_assert((all_bits(kParamFlags) & ~KAPI_PARAM_FLAGS_ALL) == 0);
static_assert(all_bits(kContextFlags) == KAPI_CTX_ALL);
static_assert(all_bits(kSignalDirections) == KAPI_SIGNAL_DIRECTION_ALL);
static_assert(all_bits(kSignalStates) == KAPI_SIGNAL_STATE_ALL);
static_assert(all_bits(kEffectTypes) == KAPI_EFFECT_ALL);

constexpr EnumTable kTables[] = {
    {"API type", false, kApiKinds},
    {"param type", false, kParamTypes},
    {"param flag", true, kParamFlags},
    {"constraint type", false, kConstraintTypes},
    {"return check type", false, kReturnChecks},
    {"context flag", true, kContextFlags},
    {"lock type", false, kLockTypes},
    {"lock scope", false, kLockScopes},
    {"signal direction", true, kSignalDirections},
    {"signal action", false, kSignalActions},
    {"signal timing", false, kSignalTimings},
    {"signal state", true, kSignalStates},
    {"signal flag", true, kSignalFlags},
    {"side-effect type", true, kEffectTypes},
    {"side-effect flag", true, kEffectFlags},
    {"capability action", false, kCapabilityActions},
    {"spec flag", true, kSpecFlags},
};
static_assert(std::size(kTables) == static_cast<std::size_t>(EnumKind::SpecFlags) + 1);

// clang-format off
#define KAPI_NAMED(name) {#name, name, false}
#define KAPI_ALIAS(name) {#name, name, true}
// sigaction flags are unsigned and SA_RESETHAND has the top bit set
#define KAPI_SA_NAMED(name) {#name, static_cast<int>(static_cast<std::uint32_t>(name)), false}
#define KAPI_SA_ALIAS(name) {#name, static_cast<int>(static_cast<std::uint32_t>(name)), true}

// The x86-64 UAPI errnos (asm-generic/errno-base.h, asm-generic/errno.h),
// then include/linux/errno.h's kernel-internal ones, which userspace headers
// do not define.
constexpr NamedNumber kErrnos[] = {
    KAPI_NAMED(EPERM), KAPI_NAMED(ENOENT), KAPI_NAMED(ESRCH), KAPI_NAMED(EINTR),
    KAPI_NAMED(EIO), KAPI_NAMED(ENXIO), KAPI_NAMED(E2BIG), KAPI_NAMED(ENOEXEC),
    KAPI_NAMED(EBADF), KAPI_NAMED(ECHILD), KAPI_NAMED(EAGAIN), KAPI_NAMED(ENOMEM),
    KAPI_NAMED(EACCES), KAPI_NAMED(EFAULT), KAPI_NAMED(ENOTBLK), KAPI_NAMED(EBUSY),
    KAPI_NAMED(EEXIST), KAPI_NAMED(EXDEV), KAPI_NAMED(ENODEV), KAPI_NAMED(ENOTDIR),
    KAPI_NAMED(EISDIR), KAPI_NAMED(EINVAL), KAPI_NAMED(ENFILE), KAPI_NAMED(EMFILE),
    KAPI_NAMED(ENOTTY), KAPI_NAMED(ETXTBSY), KAPI_NAMED(EFBIG), KAPI_NAMED(ENOSPC),
    KAPI_NAMED(ESPIPE), KAPI_NAMED(EROFS), KAPI_NAMED(EMLINK), KAPI_NAMED(EPIPE),
    KAPI_NAMED(EDOM), KAPI_NAMED(ERANGE), KAPI_NAMED(EDEADLK), KAPI_NAMED(ENAMETOOLONG),
    KAPI_NAMED(ENOLCK), KAPI_NAMED(ENOSYS), KAPI_NAMED(ENOTEMPTY), KAPI_NAMED(ELOOP),
    KAPI_ALIAS(EWOULDBLOCK), KAPI_NAMED(ENOMSG), KAPI_NAMED(EIDRM), KAPI_NAMED(ECHRNG),
    KAPI_NAMED(EL2NSYNC), KAPI_NAMED(EL3HLT), KAPI_NAMED(EL3RST), KAPI_NAMED(ELNRNG),
    KAPI_NAMED(EUNATCH), KAPI_NAMED(ENOCSI), KAPI_NAMED(EL2HLT), KAPI_NAMED(EBADE),
    KAPI_NAMED(EBADR), KAPI_NAMED(EXFULL), KAPI_NAMED(ENOANO), KAPI_NAMED(EBADRQC),
    KAPI_NAMED(EBADSLT), KAPI_ALIAS(EDEADLOCK), KAPI_NAMED(EBFONT), KAPI_NAMED(ENOSTR),
    KAPI_NAMED(ENODATA), KAPI_NAMED(ETIME), KAPI_NAMED(ENOSR), KAPI_NAMED(ENONET),
    KAPI_NAMED(ENOPKG), KAPI_NAMED(EREMOTE), KAPI_NAMED(ENOLINK), KAPI_NAMED(EADV),
    KAPI_NAMED(ESRMNT), KAPI_NAMED(ECOMM), KAPI_NAMED(EPROTO), KAPI_NAMED(EMULTIHOP),
    KAPI_NAMED(EDOTDOT), KAPI_NAMED(EBADMSG), KAPI_NAMED(EOVERFLOW), KAPI_NAMED(ENOTUNIQ),
    KAPI_NAMED(EBADFD), KAPI_NAMED(EREMCHG), KAPI_NAMED(ELIBACC), KAPI_NAMED(ELIBBAD),
    KAPI_NAMED(ELIBSCN), KAPI_NAMED(ELIBMAX), KAPI_NAMED(ELIBEXEC), KAPI_NAMED(EILSEQ),
    KAPI_NAMED(ERESTART), KAPI_NAMED(ESTRPIPE), KAPI_NAMED(EUSERS), KAPI_NAMED(ENOTSOCK),
    KAPI_NAMED(EDESTADDRREQ), KAPI_NAMED(EMSGSIZE), KAPI_NAMED(EPROTOTYPE),
    KAPI_NAMED(ENOPROTOOPT), KAPI_NAMED(EPROTONOSUPPORT), KAPI_NAMED(ESOCKTNOSUPPORT),
    KAPI_NAMED(EOPNOTSUPP), KAPI_NAMED(EPFNOSUPPORT), KAPI_NAMED(EAFNOSUPPORT),
    KAPI_NAMED(EADDRINUSE), KAPI_NAMED(EADDRNOTAVAIL), KAPI_NAMED(ENETDOWN),
    KAPI_NAMED(ENETUNREACH), KAPI_NAMED(ENETRESET), KAPI_NAMED(ECONNABORTED),
    KAPI_NAMED(ECONNRESET), KAPI_NAMED(ENOBUFS), KAPI_NAMED(EISCONN), KAPI_NAMED(ENOTCONN),
    KAPI_NAMED(ESHUTDOWN), KAPI_NAMED(ETOOMANYREFS), KAPI_NAMED(ETIMEDOUT),
    KAPI_NAMED(ECONNREFUSED), KAPI_NAMED(EHOSTDOWN), KAPI_NAMED(EHOSTUNREACH),
    KAPI_NAMED(EALREADY), KAPI_NAMED(EINPROGRESS), KAPI_NAMED(ESTALE), KAPI_NAMED(EUCLEAN),
    KAPI_NAMED(ENOTNAM), KAPI_NAMED(ENAVAIL), KAPI_NAMED(EISNAM), KAPI_NAMED(EREMOTEIO),
    KAPI_NAMED(EDQUOT), KAPI_NAMED(ENOMEDIUM), KAPI_NAMED(EMEDIUMTYPE), KAPI_NAMED(ECANCELED),
    KAPI_NAMED(ENOKEY), KAPI_NAMED(EKEYEXPIRED), KAPI_NAMED(EKEYREVOKED),
    KAPI_NAMED(EKEYREJECTED), KAPI_NAMED(EOWNERDEAD), KAPI_NAMED(ENOTRECOVERABLE),
    KAPI_NAMED(ERFKILL), KAPI_NAMED(EHWPOISON),
    // include/linux/errno.h (kernel-internal; never seen by userspace)
    {"ERESTARTSYS", 512, false}, {"ERESTARTNOINTR", 513, false}, {"ERESTARTNOHAND", 514, false},
    {"ENOIOCTLCMD", 515, false}, {"ERESTART_RESTARTBLOCK", 516, false},
    {"EPROBE_DEFER", 517, false}, {"EOPENSTALE", 518, false}, {"ENOPARAM", 519, false},
    {"EBADHANDLE", 521, false}, {"ENOTSYNC", 522, false}, {"EBADCOOKIE", 523, false},
    {"ENOTSUPP", 524, false}, {"ETOOSMALL", 525, false}, {"ESERVERFAULT", 526, false},
    {"EBADTYPE", 527, false}, {"EJUKEBOX", 528, false}, {"EIOCBQUEUED", 529, false},
    {"ERECALLCONFLICT", 530, false}, {"ENOGRACE", 531, false},
};

// The kernel's x86-64 signal numbers (arch/x86/include/uapi/asm/signal.h);
// glibc's <signal.h> agrees for 1..31. Its SIGRTMIN/SIGRTMAX are functions
// of the C library (34 with glibc), so the kernel's 32 and 64 (_NSIG) are
// spelled out.
constexpr NamedNumber kSignals[] = {
    KAPI_NAMED(SIGHUP), KAPI_NAMED(SIGINT), KAPI_NAMED(SIGQUIT), KAPI_NAMED(SIGILL),
    KAPI_NAMED(SIGTRAP), KAPI_NAMED(SIGABRT), KAPI_ALIAS(SIGIOT), KAPI_NAMED(SIGBUS),
    KAPI_NAMED(SIGFPE), KAPI_NAMED(SIGKILL), KAPI_NAMED(SIGUSR1), KAPI_NAMED(SIGSEGV),
    KAPI_NAMED(SIGUSR2), KAPI_NAMED(SIGPIPE), KAPI_NAMED(SIGALRM), KAPI_NAMED(SIGTERM),
    KAPI_NAMED(SIGSTKFLT), KAPI_NAMED(SIGCHLD), KAPI_ALIAS(SIGCLD), KAPI_NAMED(SIGCONT),
    KAPI_NAMED(SIGSTOP), KAPI_NAMED(SIGTSTP), KAPI_NAMED(SIGTTIN), KAPI_NAMED(SIGTTOU),
    KAPI_NAMED(SIGURG), KAPI_NAMED(SIGXCPU), KAPI_NAMED(SIGXFSZ), KAPI_NAMED(SIGVTALRM),
    KAPI_NAMED(SIGPROF), KAPI_NAMED(SIGWINCH), KAPI_NAMED(SIGIO), KAPI_ALIAS(SIGPOLL),
    KAPI_NAMED(SIGPWR), KAPI_NAMED(SIGSYS),
    {"SIGRTMIN", 32, false}, {"SIGRTMAX", 64, false},
};

constexpr NamedNumber kCapabilities[] = {
    KAPI_NAMED(CAP_CHOWN), KAPI_NAMED(CAP_DAC_OVERRIDE), KAPI_NAMED(CAP_DAC_READ_SEARCH),
    KAPI_NAMED(CAP_FOWNER), KAPI_NAMED(CAP_FSETID), KAPI_NAMED(CAP_KILL),
    KAPI_NAMED(CAP_SETGID), KAPI_NAMED(CAP_SETUID), KAPI_NAMED(CAP_SETPCAP),
    KAPI_NAMED(CAP_LINUX_IMMUTABLE), KAPI_NAMED(CAP_NET_BIND_SERVICE),
    KAPI_NAMED(CAP_NET_BROADCAST), KAPI_NAMED(CAP_NET_ADMIN), KAPI_NAMED(CAP_NET_RAW),
    KAPI_NAMED(CAP_IPC_LOCK), KAPI_NAMED(CAP_IPC_OWNER), KAPI_NAMED(CAP_SYS_MODULE),
    KAPI_NAMED(CAP_SYS_RAWIO), KAPI_NAMED(CAP_SYS_CHROOT), KAPI_NAMED(CAP_SYS_PTRACE),
    KAPI_NAMED(CAP_SYS_PACCT), KAPI_NAMED(CAP_SYS_ADMIN), KAPI_NAMED(CAP_SYS_BOOT),
    KAPI_NAMED(CAP_SYS_NICE), KAPI_NAMED(CAP_SYS_RESOURCE), KAPI_NAMED(CAP_SYS_TIME),
    KAPI_NAMED(CAP_SYS_TTY_CONFIG), KAPI_NAMED(CAP_MKNOD), KAPI_NAMED(CAP_LEASE),
    KAPI_NAMED(CAP_AUDIT_WRITE), KAPI_NAMED(CAP_AUDIT_CONTROL), KAPI_NAMED(CAP_SETFCAP),
    KAPI_NAMED(CAP_MAC_OVERRIDE), KAPI_NAMED(CAP_MAC_ADMIN), KAPI_NAMED(CAP_SYSLOG),
    KAPI_NAMED(CAP_WAKE_ALARM), KAPI_NAMED(CAP_BLOCK_SUSPEND), KAPI_NAMED(CAP_AUDIT_READ),
    KAPI_NAMED(CAP_PERFMON), KAPI_NAMED(CAP_BPF), KAPI_NAMED(CAP_CHECKPOINT_RESTORE),
};
static_assert(std::size(kCapabilities) == CAP_LAST_CAP + 1);

// sigaction flags; glibc lacks the last three (values from the kernel's
// include/uapi/asm-generic/signal-defs.h and arch/x86/include/uapi/asm/signal.h).
constexpr NamedNumber kSaFlags[] = {
    KAPI_SA_NAMED(SA_NOCLDSTOP), KAPI_SA_NAMED(SA_NOCLDWAIT), KAPI_SA_NAMED(SA_SIGINFO),
    KAPI_SA_NAMED(SA_ONSTACK), KAPI_SA_NAMED(SA_RESTART), KAPI_SA_NAMED(SA_NODEFER),
    KAPI_SA_ALIAS(SA_NOMASK), KAPI_SA_NAMED(SA_RESETHAND), KAPI_SA_ALIAS(SA_ONESHOT),
    {"SA_UNSUPPORTED", 0x00000400, false}, {"SA_EXPOSE_TAGBITS", 0x00000800, false},
    {"SA_RESTORER", 0x04000000, false},
};

// clang-format on
#undef KAPI_NAMED
#undef KAPI_ALIAS
#undef KAPI_SA_NAMED
#undef KAPI_SA_ALIAS

std::optional<int> lookup_number(std::span<const NamedNumber> table, std::string_view name) {
    for (const NamedNumber& n : table)
        if (n.name == name)
            return n.value;
    return std::nullopt;
}

std::string_view number_name(std::span<const NamedNumber> table, int value) {
    for (const NamedNumber& n : table)
        if (n.value == value && !n.alias)
            return n.name;
    return {};
}

// "17" -> 17 for small decimal numbers; nullopt for anything else.
std::optional<int> small_decimal(std::string_view s) {
    if (s.empty() || s.size() > 2)
        return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

const EnumTable& enum_table(EnumKind kind) {
    return kTables[static_cast<std::size_t>(kind)];
}

std::optional<std::uint32_t> enum_lookup(const EnumTable& table, std::string_view name) {
    if (name.empty())
        return std::nullopt;
    for (const EnumEntry& e : table.entries)
        if (iequal(e.name, name) || (!e.token.empty() && iequal(e.token, name)) ||
            in_word_list(e.aliases, name))
            return e.value;
    return std::nullopt;
}

std::string_view enum_name(const EnumTable& table, std::uint32_t value) {
    for (const EnumEntry& e : table.entries)
        if (e.value == value)
            return e.name;
    return {};
}

std::string_view enum_token(const EnumTable& table, std::uint32_t value) {
    for (const EnumEntry& e : table.entries)
        if (e.value == value && !e.token.empty())
            return e.token;
    return {};
}

std::vector<std::string_view> bit_names(const EnumTable& table, std::uint32_t bits) {
    std::vector<std::string_view> names;
    for (std::uint32_t bit = 1; bit != 0; bit <<= 1)
        if ((bits & bit) != 0)
            for (const EnumEntry& e : table.entries)
                if (e.value == bit && single_bit(e.value)) {
                    names.push_back(e.name);
                    break;
                }
    return names;
}

std::vector<std::string_view> bit_tokens(const EnumTable& table, std::uint32_t bits) {
    std::vector<std::string_view> tokens;
    for (std::uint32_t bit = 1; bit != 0; bit <<= 1)
        if ((bits & bit) != 0)
            for (const EnumEntry& e : table.entries)
                if (e.value == bit && single_bit(e.value)) {
                    tokens.push_back(e.token);
                    break;
                }
    return tokens;
}

// clang-format off
std::string_view api_kind_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::ApiKind), v); }
std::string_view api_kind_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::ApiKind), v); }
std::string_view param_type_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::ParamType), v); }
std::string_view param_type_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::ParamType), v); }
std::vector<std::string_view> param_flag_names(std::uint32_t b) { return bit_names(enum_table(EnumKind::ParamFlags), b); }
std::vector<std::string_view> param_flag_tokens(std::uint32_t b) { return bit_tokens(enum_table(EnumKind::ParamFlags), b); }
std::string_view constraint_type_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::ConstraintType), v); }
std::string_view constraint_type_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::ConstraintType), v); }
std::string_view return_check_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::ReturnCheck), v); }
std::string_view return_check_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::ReturnCheck), v); }
std::vector<std::string_view> context_flag_names(std::uint32_t b) { return bit_names(enum_table(EnumKind::ContextFlags), b); }
std::vector<std::string_view> context_flag_tokens(std::uint32_t b) { return bit_tokens(enum_table(EnumKind::ContextFlags), b); }
std::string_view lock_type_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::LockType), v); }
std::string_view lock_type_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::LockType), v); }
std::string_view lock_scope_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::LockScope), v); }
std::string_view lock_scope_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::LockScope), v); }
std::vector<std::string_view> signal_direction_names(std::uint32_t b) { return bit_names(enum_table(EnumKind::SignalDirection), b); }
std::vector<std::string_view> signal_direction_tokens(std::uint32_t b) { return bit_tokens(enum_table(EnumKind::SignalDirection), b); }
std::string_view signal_action_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::SignalAction), v); }
std::string_view signal_action_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::SignalAction), v); }
std::string_view signal_timing_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::SignalTiming), v); }
std::string_view signal_timing_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::SignalTiming), v); }
std::vector<std::string_view> signal_state_names(std::uint32_t b) { return bit_names(enum_table(EnumKind::SignalState), b); }
std::vector<std::string_view> signal_state_tokens(std::uint32_t b) { return bit_tokens(enum_table(EnumKind::SignalState), b); }
std::vector<std::string_view> signal_flag_names(std::uint32_t b) { return bit_names(enum_table(EnumKind::SignalFlags), b); }
std::vector<std::string_view> signal_flag_tokens(std::uint32_t b) { return bit_tokens(enum_table(EnumKind::SignalFlags), b); }
std::vector<std::string_view> effect_type_names(std::uint32_t b) { return bit_names(enum_table(EnumKind::EffectType), b); }
std::vector<std::string_view> effect_type_tokens(std::uint32_t b) { return bit_tokens(enum_table(EnumKind::EffectType), b); }
std::vector<std::string_view> effect_flag_names(std::uint32_t b) { return bit_names(enum_table(EnumKind::EffectFlags), b); }
std::vector<std::string_view> effect_flag_tokens(std::uint32_t b) { return bit_tokens(enum_table(EnumKind::EffectFlags), b); }
std::string_view capability_action_name(std::uint32_t v) { return enum_name(enum_table(EnumKind::CapabilityAction), v); }
std::string_view capability_action_token(std::uint32_t v) { return enum_token(enum_table(EnumKind::CapabilityAction), v); }
std::vector<std::string_view> spec_flag_names(std::uint32_t b) { return bit_names(enum_table(EnumKind::SpecFlags), b); }
std::vector<std::string_view> spec_flag_tokens(std::uint32_t b) { return bit_tokens(enum_table(EnumKind::SpecFlags), b); }
// clang-format on

std::span<const NamedNumber> errno_table() {
    return kErrnos;
}

std::optional<int> errno_value(std::string_view name) {
    return lookup_number(kErrnos, name);
}

std::string_view errno_name(int value) {
    return number_name(kErrnos, value);
}

std::span<const NamedNumber> signal_table() {
    return kSignals;
}

std::optional<int> signal_value(std::string_view name) {
    if (std::optional<int> v = lookup_number(kSignals, name))
        return v;
    // SIGRTMIN+n and SIGRTMAX-n, within the real-time range
    for (std::string_view base : {std::string_view("SIGRTMIN+"), std::string_view("SIGRTMAX-")}) {
        if (name.substr(0, base.size()) != base)
            continue;
        std::optional<int> n = small_decimal(name.substr(base.size()));
        if (!n)
            return std::nullopt;
        int v = base[6] == 'I' ? 32 + *n : 64 - *n;
        if (v < 32 || v > 64)
            return std::nullopt;
        return v;
    }
    return std::nullopt;
}

std::string_view signal_name(int value) {
    return number_name(kSignals, value);
}

std::span<const NamedNumber> capability_table() {
    return kCapabilities;
}

std::optional<int> capability_value(std::string_view name) {
    return lookup_number(kCapabilities, name);
}

std::string_view capability_name(int value) {
    return number_name(kCapabilities, value);
}

std::span<const NamedNumber> sa_flag_table() {
    return kSaFlags;
}

std::optional<std::uint32_t> sa_flag_value(std::string_view name) {
    std::optional<int> v = lookup_number(kSaFlags, name);
    if (!v)
        return std::nullopt;
    return static_cast<std::uint32_t>(*v);
}

std::vector<std::string_view> sa_flag_names(std::uint32_t bits) {
    std::vector<std::string_view> names;
    for (std::uint32_t bit = 1; bit != 0; bit <<= 1)
        if ((bits & bit) != 0)
            for (const NamedNumber& n : kSaFlags)
                if (static_cast<std::uint32_t>(n.value) == bit && !n.alias) {
                    names.push_back(n.name);
                    break;
                }
    return names;
}

// ---- Object kinds -----------------------------------------------------------

namespace {

#define KAPI_OT(e, name, words) ObjectName{KAPI_OBJ_##e, name, words, "KAPI_OBJ_" #e},
constexpr std::array kObjectTypes = std::to_array<ObjectName>(KAPI_OBJECT_TYPES);
#undef KAPI_OT
#define KAPI_OI(e, name, words) ObjectName{KAPI_IMPL_##e, name, words, "KAPI_IMPL_" #e},
constexpr std::array kObjectImpls = std::to_array<ObjectName>(KAPI_OBJECT_IMPLS);
#undef KAPI_OI

static_assert(kObjectTypes.size() == KAPI_OBJ_TYPE_COUNT);
static_assert(kObjectImpls.size() == KAPI_IMPL_COUNT);

// The lists are in value order, so an index is a value.
template <std::size_t N>
constexpr bool in_value_order(const std::array<ObjectName, N>& a) {
    for (std::size_t i = 0; i < N; ++i)
        if (a[i].value != i)
            return false;
    return true;
}
static_assert(in_value_order(kObjectTypes));
static_assert(in_value_order(kObjectImpls));

// A lone name says whether it is a type or an implementation.
template <std::size_t N, std::size_t M>
constexpr bool disjoint(const std::array<ObjectName, N>& a, const std::array<ObjectName, M>& b) {
    for (std::size_t i = 1; i < N; ++i)
        for (std::size_t j = 1; j < M; ++j)
            if (a[i].name == b[j].name)
                return false;
    return true;
}
static_assert(disjoint(kObjectTypes, kObjectImpls));

template <std::size_t N>
std::optional<std::uint16_t> object_lookup(const std::array<ObjectName, N>& a,
                                           std::string_view name) {
    for (const ObjectName& o : a)
        if (o.name == name)
            return o.value;
    return std::nullopt;
}

} // namespace

std::span<const ObjectName> object_type_table() {
    return kObjectTypes;
}

std::span<const ObjectName> object_impl_table() {
    return kObjectImpls;
}

std::optional<std::uint16_t> object_type_value(std::string_view name) {
    return object_lookup(kObjectTypes, name);
}

std::optional<std::uint16_t> object_impl_value(std::string_view name) {
    return object_lookup(kObjectImpls, name);
}

std::string_view object_type_name(std::uint32_t value) {
    return value < kObjectTypes.size() ? kObjectTypes[value].name : std::string_view{};
}

std::string_view object_impl_name(std::uint32_t value) {
    return value < kObjectImpls.size() ? kObjectImpls[value].name : std::string_view{};
}

std::string object_selector_name(std::uint32_t type, std::uint32_t impl) {
    std::string_view t = object_type_name(type);
    std::string_view i = object_impl_name(impl);
    std::string out = t.empty() ? std::to_string(type) : std::string(t);
    out += ':';
    out += i.empty() ? std::to_string(impl) : std::string(i);
    return out;
}

} // namespace kapi
