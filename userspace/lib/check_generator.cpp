// SPDX-License-Identifier: GPL-2.0
//
// The checks generator (kapi/check_generator.h). For each spec it prints a
// before function (the parameters' rules in parameter order, then the
// calling context) and an after function (the return rule, then the error
// list with its object selectors), calling the inline rule helpers of
// module/check.h with the spec's numbers as constants. What the
// interpreter decides from the image at run time, the generator decides
// here from the same layout the image generator prints (constraint kind,
// flags, size parameter, order, errors); every number that comes from an
// expression stays an expression, cast as the image stores it.

#include "kapi/check_generator.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <span>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "generator_c.h"
#include "image_layout.h"
#include "kapi/error.h"
#include "kapi/generator.h"
#include "kapi/names.h"
#include "util.h"

namespace kapi {
namespace {

using detail::ImageLayout;

// The longest type name kapi_check_param_type() looks up, with its NUL.
constexpr std::size_t kTypeLen = 48;

// kapi_check_types[] of module/check.c.
constexpr std::pair<std::string_view, CheckType> kTypes[] = {
        {"char", {8, true}},
        {"signed char", {8, true}},
        {"s8", {8, true}},
        {"__s8", {8, true}},
        {"int8_t", {8, true}},
        {"unsigned char", {8, false}},
        {"u8", {8, false}},
        {"__u8", {8, false}},
        {"uint8_t", {8, false}},
        {"bool", {8, false}},
        {"short", {16, true}},
        {"short int", {16, true}},
        {"signed short", {16, true}},
        {"s16", {16, true}},
        {"__s16", {16, true}},
        {"int16_t", {16, true}},
        {"unsigned short", {16, false}},
        {"unsigned short int", {16, false}},
        {"u16", {16, false}},
        {"__u16", {16, false}},
        {"uint16_t", {16, false}},
        {"umode_t", {16, false}},
        {"old_uid_t", {16, false}},
        {"old_gid_t", {16, false}},
        {"int", {32, true}},
        {"signed", {32, true}},
        {"signed int", {32, true}},
        {"s32", {32, true}},
        {"__s32", {32, true}},
        {"int32_t", {32, true}},
        {"pid_t", {32, true}},
        {"key_serial_t", {32, true}},
        {"clockid_t", {32, true}},
        {"timer_t", {32, true}},
        {"mqd_t", {32, true}},
        {"rwf_t", {32, true}},
        {"unsigned", {32, false}},
        {"unsigned int", {32, false}},
        {"u32", {32, false}},
        {"__u32", {32, false}},
        {"uint32_t", {32, false}},
        {"uid_t", {32, false}},
        {"gid_t", {32, false}},
        {"qid_t", {32, false}},
        {"dev_t", {32, false}},
        {"mode_t", {32, false}},
        {"key_perm_t", {32, false}},
        {"long", {64, true}},
        {"long int", {64, true}},
        {"signed long", {64, true}},
        {"long long", {64, true}},
        {"long long int", {64, true}},
        {"s64", {64, true}},
        {"__s64", {64, true}},
        {"int64_t", {64, true}},
        {"ssize_t", {64, true}},
        {"loff_t", {64, true}},
        {"off_t", {64, true}},
        {"time_t", {64, true}},
        {"clock_t", {64, true}},
        {"unsigned long", {64, false}},
        {"unsigned long int", {64, false}},
        {"long unsigned int", {64, false}},
        {"unsigned long long", {64, false}},
        {"u64", {64, false}},
        {"__u64", {64, false}},
        {"uint64_t", {64, false}},
        {"size_t", {64, false}},
        {"aio_context_t", {64, false}},
};

// kapi_check_type_words(): NAME without qualifiers, with single spaces; false
// if that does not fit in kTypeLen bytes.
bool type_words(std::string_view name, std::string* out) {
    static constexpr std::string_view kSkip[] = {"const", "volatile", "__user", "__force",
                                                 "restrict"};
    std::string buf;
    std::size_t i = 0;
    // The kernel stops at the first NUL of the string.
    name = name.substr(0, name.find('\0'));
    while (i < name.size()) {
        while (i < name.size() && (name[i] == ' ' || name[i] == '\t'))
            ++i;
        std::size_t n = name.find_first_of(" \t", i);
        n = (n == std::string_view::npos ? name.size() : n) - i;
        if (n == 0)
            break;
        std::string_view word = name.substr(i, n);
        bool skip = false;
        for (std::string_view k : kSkip)
            skip = skip || k == word;
        if (!skip) {
            if (buf.size() + (buf.empty() ? 0 : 1) + n >= kTypeLen)
                return false;
            if (!buf.empty())
                buf += ' ';
            buf += word;
        }
        i += n;
    }
    *out = std::move(buf);
    return true;
}

std::string type_c(CheckType t) {
    return "{ " + std::to_string(t.bits) + ", " + (t.is_signed ? "true" : "false") + " }";
}

// "((struct kapi_check_type){ 32, true })"
std::string type_value(CheckType t) {
    return "((struct kapi_check_type)" + type_c(t) + ")";
}

// A struct kapi_image_num as the image stores it: (__s64)(EXPR), or the
// literal value.
std::string num_c(const ImageLayout& l, const kapi_image_num& n) {
    if (n.expr != 0)
        return "((__force __s64)(" + std::string(l.string_at(n.expr)) + "))";
    return detail::s64_literal(n.value);
}

std::string num32_c(const ImageLayout& l, const kapi_image_num32& n) {
    if (n.expr != 0)
        return "((__force __s32)(" + std::string(l.string_at(n.expr)) + "))";
    return detail::s32_literal(n.value);
}

// An errno field as the image generator writes it: -NAME or the number.
std::string errno_c(const std::string& name, std::int32_t code) {
    if (is_identifier(name))
        return "-" + name;
    return std::to_string(code);
}

std::string order_c(std::uint32_t order) {
    std::string s = std::to_string(order & KAPI_PARAM_ORDER_RANK);
    if (order & KAPI_PARAM_ORDER_AUDIT)
        s += " | KAPI_PARAM_ORDER_AUDIT";
    return s;
}

std::string enum_c_constraint(std::uint32_t v) {
    return detail::enum_c(EnumKind::ConstraintType, v);
}

// The most parameters a system call has (KAPI_CHECK_MAX_PARAMS in
// module/check.h); a spec with more is left to the interpreter.
constexpr std::uint32_t kMaxParams = 6;

// Whether the rule of P needs code (kapi_check_param() can find it
// violated).
bool has_rule(const kapi_image_param& p) {
    switch (p.constraint) {
    case KAPI_CONSTRAINT_RANGE:
    case KAPI_CONSTRAINT_MASK:
    case KAPI_CONSTRAINT_POWER_OF_TWO:
    case KAPI_CONSTRAINT_PAGE_ALIGNED:
    case KAPI_CONSTRAINT_NONZERO:
    case KAPI_CONSTRAINT_USER_STRING:
    case KAPI_CONSTRAINT_USER_PATH:
    case KAPI_CONSTRAINT_USER_PTR:
    case KAPI_CONSTRAINT_BUFFER:
    case KAPI_CONSTRAINT_FD:
    case KAPI_CONSTRAINT_OPEN_FLAGS:
        return true;
    case KAPI_CONSTRAINT_ENUM:
        return p.values.count != 0;
    case KAPI_CONSTRAINT_ALIGNMENT:
        return p.alignment.expr != 0 || p.alignment.value > 0;
    default:
        return false;
    }
}

// The parameter whose struct the checks read (kapi_hook_decode() in
// module/hooks.c reads the same one): the first that names a struct; -1.
int struct_param(const ImageLayout& l, const kapi_image_spec& s) {
    for (std::uint32_t i = 0; i < s.params.count; ++i)
        if (l.params[s.params.first + i].struct_id != 0)
            return static_cast<int>(i);
    return -1;
}

class ChecksWriter {
public:
    ChecksWriter(const SpecSet& set, const ImageLayout& l, std::string symbol)
        : set_(set), l_(l), sym_(std::move(symbol)) {}

    std::string run(const std::vector<std::string>& includes);

private:
    void line(int indent, const std::string& text) {
        out_.append(static_cast<std::size_t>(indent), '\t');
        out_ += text;
        out_ += '\n';
    }

    // The argument of parameter I.
    static std::string arg(std::uint32_t i) { return "call->args[" + std::to_string(i) + "]"; }

    // The violation slot the rule helpers fill in.
    static constexpr const char* kSlot = "&pre->v[pre->nviolations]";

    void before(std::size_t index);
    void enter(std::size_t index);
    int object_before(std::size_t index) const;
    void hook(std::size_t index);
    void param(const kapi_image_param& p, std::uint32_t i, std::uint32_t nparams);
    void simple_rule(const kapi_image_param& p, std::uint32_t i, const std::string& ok,
                     const char* why, const std::string& error, int indent = 1);
    void helper_rule(const kapi_image_param& p, std::uint32_t i, const std::string& call,
                     const std::string& error);
    void documented(std::size_t index);
    void struct_desc(std::size_t index);
    void after(std::size_t index);
    void table();

    std::string fn(const char* what, std::size_t index) const {
        return sym_ + "_" + what + "_" + std::to_string(index);
    }

    CheckType type_of(const kapi_image_param& p) const {
        return check_param_type(p.type, l_.string_at(p.type_name));
    }

    bool generated(std::size_t index) const {
        return l_.specs[index].params.count <= kMaxParams;
    }

    const SpecSet& set_;
    const ImageLayout& l_;
    std::string sym_;
    std::string out_;
    std::size_t param_base_ = 0;
    // The rules of the spec before() last wrote, each as a C expression
    // that holds when the rule does (its violation slot a scratch "v"),
    // for the clean test of enter(); and the binding of "b" for the rule
    // being written, if it has one.
    std::vector<std::string> clean_;
    bool clean_slot_ = false;
    std::string clean_b_;
};

// if (unlikely(!(OK))) kapi_check_violation(...): a rule whose violation
// is always reported with the argument as its value.
void ChecksWriter::simple_rule(const kapi_image_param& p, std::uint32_t i, const std::string& ok,
                               const char* why, const std::string& error, int indent) {
    clean_.push_back(clean_b_.empty() ? "(" + ok + ")"
                                      : "({ u64 b = " + clean_b_ + "; " + ok + "; })");
    line(indent, "if (unlikely(!(" + ok + ")))");
    line(indent + 1, "best = kapi_check_violation(pre, best, " + std::to_string(i) + ", " +
                         enum_c_constraint(p.constraint) + ",");
    line(indent + 2, std::string(why) + ", " + error + ", " + order_c(p.order) + ",");
    line(indent + 2, arg(i) + ");");
}

void ChecksWriter::helper_rule(const kapi_image_param& p, std::uint32_t i, const std::string& call,
                               const std::string& /*error*/) {
    std::string clean = call;
    clean.replace(clean.find(kSlot), std::string_view(kSlot).size(), "&v");
    clean_.push_back(clean);
    clean_slot_ = true;
    line(1, "if (unlikely(!" + call + "))");
    line(2, "best = kapi_check_noted(pre, best, " + std::to_string(i) + ", " +
                enum_c_constraint(p.constraint) + ", " + order_c(p.order) + ");");
}

// One parameter's rule, as kapi_check_param() in module/check.c applies it.
void ChecksWriter::param(const kapi_image_param& p, std::uint32_t i, std::uint32_t nparams) {
    const std::size_t at = param_base_ + i;
    const std::string error = errno_c(l_.param_violation_names[at], p.violation_error);
    const CheckType t = type_of(p);
    const std::string bits = "kapi_check_bits(" + arg(i) + ", " + type_value(t) + ")";
    const std::string optional = (p.flags & KAPI_PARAM_OPTIONAL) ? "KAPI_PARAM_OPTIONAL" : "0";
    const std::string si = std::to_string(i);

    line(1, "/* " + detail::comment_safe(l_.string_at(p.name)) + ": " +
                detail::comment_safe(enum_name(enum_table(EnumKind::ConstraintType), p.constraint)) +
                " */");
    switch (p.constraint) {
    case KAPI_CONSTRAINT_RANGE:
        simple_rule(p, i,
                    "kapi_check_range_ok(" + arg(i) + ", " + type_value(t) + ",\n\t\t\t\t " +
                        num_c(l_, p.min) + ",\n\t\t\t\t " + num_c(l_, p.max) + ")",
                    "KAPI_WHY_RANGE", error);
        break;
    case KAPI_CONSTRAINT_MASK:
        simple_rule(p, i, "!(" + bits + " &\n\t\t\t~(u64)" + num_c(l_, p.mask) + ")", "KAPI_WHY_MASK",
                    error);
        break;
    case KAPI_CONSTRAINT_ENUM: {
        if (p.values.count == 0) {
            line(1, "/* no values listed: every value is valid */");
            break;
        }
        std::string ok;
        for (std::uint32_t k = 0; k < p.values.count; ++k) {
            if (k)
                ok += " ||\n\t\t\t";
            ok += "b == kapi_check_bits((u64)" + num_c(l_, l_.values[p.values.first + k]) + ", " +
                  type_value(t) + ")";
        }
        line(1, "{");
        line(2, "u64 b = " + bits + ";");
        line(0, "");
        clean_b_ = bits;
        simple_rule(p, i, ok, "KAPI_WHY_ENUM", error, 2);
        clean_b_.clear();
        line(1, "}");
        break;
    }
    case KAPI_CONSTRAINT_ALIGNMENT: {
        if (p.alignment.expr == 0 && p.alignment.value <= 0) {
            line(1, "/* no alignment: every value is valid */");
            break;
        }
        const std::string a = num32_c(l_, p.alignment);
        simple_rule(p, i, a + " <= 0 ||\n\t\t\t!(" + bits + " %\n\t\t\t  (u64)" + a + ")",
                    "KAPI_WHY_ALIGNMENT", error);
        break;
    }
    case KAPI_CONSTRAINT_POWER_OF_TWO:
        line(1, "{");
        line(2, "u64 b = " + bits + ";");
        line(0, "");
        clean_b_ = bits;
        simple_rule(p, i, "b && !(b & (b - 1))", "KAPI_WHY_POWER_OF_TWO", error, 2);
        clean_b_.clear();
        line(1, "}");
        break;
    case KAPI_CONSTRAINT_PAGE_ALIGNED:
        simple_rule(p, i, "!(" + bits + " & ~PAGE_MASK)", "KAPI_WHY_PAGE_ALIGNED", error);
        break;
    case KAPI_CONSTRAINT_NONZERO:
        simple_rule(p, i, bits, "KAPI_WHY_NONZERO", error);
        break;
    case KAPI_CONSTRAINT_USER_STRING:
    case KAPI_CONSTRAINT_USER_PATH:
        helper_rule(p, i,
                    "kapi_check_string_ok(" + enum_c_constraint(p.constraint) + ", " + optional +
                        ",\n\t\t\t\t\t  " + num_c(l_, p.min) + ",\n\t\t\t\t\t  " +
                        num_c(l_, p.max) + ",\n\t\t\t\t\t  " + arg(i) + ", call->slen[" + si +
                        "],\n\t\t\t\t\t  " + error + ", " + kSlot + ")",
                    error);
        break;
    case KAPI_CONSTRAINT_USER_PTR:
    case KAPI_CONSTRAINT_BUFFER: {
        // The caller has checked that call->nargs is the spec's count.
        const bool has_count = p.size_param >= 0 && static_cast<std::uint32_t>(p.size_param) < nparams;
        helper_rule(p, i,
                    "kapi_check_user_range_ok(" + optional + ", " +
                        (has_count ? "true" : "false") + ",\n\t\t\t\t\t      " +
                        (has_count ? arg(static_cast<std::uint32_t>(p.size_param)) : "0") +
                        ",\n\t\t\t\t\t      " + num_c(l_, p.size_mult) + ",\n\t\t\t\t\t      " +
                        num_c(l_, p.size) + ",\n\t\t\t\t\t      " + arg(i) + ", " + error +
                        ",\n\t\t\t\t\t      " + kSlot + ")",
                    error);
        break;
    }
    case KAPI_CONSTRAINT_FD:
        helper_rule(p, i,
                    "kapi_check_fd_ok(call, " + si + ",\n\t\t\t\t      (u32)" + num_c(l_, p.mask) +
                        ",\n\t\t\t\t      " + std::to_string(p.size_param) + ", " + error + ", " +
                        kSlot + ")",
                    error);
        break;
    case KAPI_CONSTRAINT_OPEN_FLAGS:
        simple_rule(p, i, "kapi_check_open_flags_ok(" + bits + ")", "KAPI_WHY_OPEN_FLAGS", error);
        break;
    default:
        line(1, "/* not checked */");
        break;
    }
}

void ChecksWriter::before(std::size_t index) {
    const kapi_image_spec& s = l_.specs[index];
    const std::string n = std::to_string(s.params.count);
    param_base_ = s.params.first;
    clean_.clear();
    clean_slot_ = false;
    line(0, "/* kapi_check_before() for " + detail::comment_safe(l_.string_at(s.name)) + " */");
    // Out of line: enter() runs it only when a rule does not hold.
    line(0, "static noinline void " + fn("before", index) + "(const struct kapi_check_call *call,");
    line(0, "\t\tstruct kapi_check_pre *pre)");
    line(0, "{");
    bool any = false;
    for (std::uint32_t i = 0; i < s.params.count; ++i)
        any = any || has_rule(l_.params[s.params.first + i]);
    any = any || struct_param(l_, s) >= 0;
    if (any) {
        line(1, "/* The lowest rank of a violation that predicts an error. */");
        line(1, "u32 best = U32_MAX;");
        line(0, "");
    }
    line(1, "/* The code below is for the spec's own number of arguments. */");
    line(1, "if (unlikely(call->nargs != " + n + ")) {");
    line(2, "kapi_check_before(call, pre);");
    line(2, "return;");
    line(1, "}");
    line(1, "kapi_check_pre_init(pre);");
    const int sp = struct_param(l_, s);
    for (std::uint32_t i = 0; i < s.params.count; ++i) {
        const kapi_image_param& p = l_.params[s.params.first + i];
        param(p, i, s.params.count);
        if (static_cast<int>(i) != sp)
            continue;
        // One violation per parameter: its own rule's, else its struct's.
        const std::string si = std::to_string(i);
        line(1, "/* " + detail::comment_safe(l_.string_at(p.name)) + ": struct " +
                    detail::comment_safe(l_.string_at(l_.structs[p.struct_id - 1].name)) + " */");
        line(1, "if ((!pre->nviolations || pre->v[pre->nviolations - 1].param != " + si + ") &&");
        line(1, "    unlikely(!kapi_check_struct_ok(call, " + si + ", " + kSlot + ")))");
        line(2, "best = kapi_check_noted(pre, best, " + si + ", " +
                    enum_c_constraint(p.constraint) + ", " + order_c(p.order) + ");");
        clean_.push_back("kapi_check_struct_ok(call, " + si + ", &v)");
        clean_slot_ = true;
    }
    line(1, "pre->context_violation =");
    line(2, "!kapi_check_context_ok(" + detail::bits_c(EnumKind::ContextFlags, s.context) +
                ",\n\t\t\t\t       call->context);");
    line(0, "}");
    line(0, "");
}

// The hooks' decoding of the call (kapi_hook_decode() in module/hooks.c)
// reduced to what the spec's rules read, then the before function: each
// argument register in its declared type; a string's length and first
// byte; a descriptor's state (whether it is a directory only if the rule
// asks); the string fields of a descriptor rule's path parameter that is
// not a string, which the rule reads as "no path"; the calling context if
// the spec has a context rule.
void ChecksWriter::enter(std::size_t index) {
    static constexpr const char* kRegs[kMaxParams] = {"di", "si", "dx", "r10", "r8", "r9"};
    const kapi_image_spec& s = l_.specs[index];
    line(0, "/* The decoding and kapi_check_before() for " +
                detail::comment_safe(l_.string_at(s.name)) + " */");
    const int obj = object_before(index);
    line(0, "static __always_inline enum kapi_check_entered");
    if (obj < 0) {
        line(0, fn("enter", index) + "(const struct pt_regs *uregs, struct kapi_check_call *call,");
        line(0, "\t\tstruct kapi_check_pre *pre, u32 flags)");
    } else {
        // The hook's pre() passes the frame's facts of the object, read
        // in the same look-up as the descriptor's state.
        line(0, fn("enter_object", index) +
                    "(const struct pt_regs *uregs, struct kapi_check_call *call,");
        line(0, "\t\tstruct kapi_check_pre *pre, u32 flags, bool read_facts,");
        line(0, "\t\tstruct kapi_object_facts *facts)");
    }
    line(0, "{");
    if (clean_slot_) {
        line(1, "/* Where the rules' helpers would put a violation: never read. */");
        line(1, "struct kapi_check_violation v __uninitialized;");
        line(0, "");
    }
    std::set<std::uint32_t> strings;
    for (std::uint32_t i = 0; i < s.params.count; ++i) {
        const kapi_image_param& p = l_.params[s.params.first + i];
        line(1, "call->args[" + std::to_string(i) + "] = kapi_check_convert(uregs->" + kRegs[i] +
                    ", " + type_value(type_of(p)) + ");");
        if (p.constraint == KAPI_CONSTRAINT_USER_STRING || p.constraint == KAPI_CONSTRAINT_USER_PATH)
            strings.insert(i);
    }
    for (std::uint32_t i = 0; i < s.params.count; ++i) {
        const kapi_image_param& p = l_.params[s.params.first + i];
        const std::string si = std::to_string(i);
        if (strings.contains(i)) {
            line(1, "if (!kapi_check_decode_string(call, " + si + ",");
            line(3, "kapi_check_string_limit_of(" + enum_c_constraint(p.constraint) + ",");
            line(5, num_c(l_, p.max) + "),");
            line(3, "flags))");
            line(2, "return KAPI_CHECK_AGAIN;");
        } else if (p.constraint == KAPI_CONSTRAINT_FD) {
            // The mask as the rule reads it; an expression is only known
            // to the compiler, which folds the test.
            if (static_cast<int>(i) == obj) {
                line(1, "call->fd[" + si + "] = read_facts ?");
                line(2, "kapi_compat_fd_state_facts((u32)call->args[" + si + "],");
                line(3, "(u32)" + num_c(l_, p.mask) + " & KAPI_FD_DIR, facts) :");
                line(2, "kapi_compat_fd_arg(call->args[" + si + "], (u32)" + num_c(l_, p.mask) +
                            ");");
            } else {
                line(1, "call->fd[" + si + "] = kapi_compat_fd_arg(call->args[" + si + "],");
                line(3, "(u32)" + num_c(l_, p.mask) + ");");
            }
        }
    }
    for (std::uint32_t i = 0; i < s.params.count; ++i) {
        const kapi_image_param& p = l_.params[s.params.first + i];
        if (p.constraint != KAPI_CONSTRAINT_FD || p.size_param < 0 ||
            static_cast<std::uint32_t>(p.size_param) >= s.params.count ||
            strings.contains(static_cast<std::uint32_t>(p.size_param)))
            continue;
        const std::string sp = std::to_string(p.size_param);
        line(1, "call->slen[" + sp + "] = 0;");
        line(1, "call->head[" + sp + "] = 0;");
        strings.insert(static_cast<std::uint32_t>(p.size_param));
    }
    const int sp = struct_param(l_, s);
    if (sp >= 0) {
        // After every argument: the struct's count or size is one of them.
        line(1, "call->sbad = 0;");
        line(1, "if (!kapi_check_decode_struct_inline(call, " + std::to_string(sp) + ", &" +
                    fn("struct", index) + ", flags))");
        line(2, "return KAPI_CHECK_AGAIN;");
    }
    if (s.context != 0)
        line(1, "call->context = kapi_check_context_now(flags);");
    // Every rule holds, the common case: the verdict without a violation
    // slot or a rank, which the caller can see through.
    std::string clean = "call->nargs == " + std::to_string(s.params.count);
    for (const std::string& c : clean_)
        clean += " &&\n\t\t   " + c;
    clean += " &&\n\t\t   kapi_check_context_ok(" +
             detail::bits_c(EnumKind::ContextFlags, s.context) + ", call->context)";
    line(1, "if (likely(" + clean + ")) {");
    line(2, "kapi_check_pre_clean(pre);");
    line(2, "return KAPI_CHECK_CLEAN;");
    line(1, "}");
    line(1, fn("before", index) + "(call, pre);");
    line(1, "return KAPI_CHECK_FOUND;");
    line(0, "}");
    line(0, "");
    if (obj < 0)
        return;
    line(0, "static __always_inline enum kapi_check_entered");
    line(0, fn("enter", index) + "(const struct pt_regs *uregs, struct kapi_check_call *call,");
    line(0, "\t\tstruct kapi_check_pre *pre, u32 flags)");
    line(0, "{");
    line(1, "return " + fn("enter_object", index) + "(uregs, call, pre, flags, false, NULL);");
    line(0, "}");
    line(0, "");
}

// The descriptor parameter whose object the hooks read before the call,
// because the call releases it (kapi_hook_object_param() in
// module/hooks.c, whose rule this is: close(), without a path parameter,
// its first descriptor parameter), if the descriptor rule looks it up
// too; else -1.
int ChecksWriter::object_before(std::size_t index) const {
    const kapi_image_spec& s = l_.specs[index];
    if (l_.string_at(s.name) != "sys_close")
        return -1;
    for (std::uint32_t i = 0; i < s.params.count; ++i) {
        const kapi_image_param& p = l_.params[s.params.first + i];
        if (p.type == KAPI_TYPE_PATH)
            return -1;
        if (p.type == KAPI_TYPE_FD)
            return p.constraint == KAPI_CONSTRAINT_FD ? static_cast<int>(i) : -1;
    }
    return -1;
}

// What kapi_check_struct_of() in module/check.c reads from the image for
// the spec's struct parameter, as constants.
void ChecksWriter::struct_desc(std::size_t index) {
    const kapi_image_spec& s = l_.specs[index];
    const int sp = struct_param(l_, s);
    if (sp < 0)
        return;
    const kapi_image_param& p = l_.params[s.params.first + static_cast<std::uint32_t>(sp)];
    const kapi_image_struct& st = l_.structs[p.struct_id - 1];
    const std::uint32_t n = std::min<std::uint32_t>(st.fields.count, 8);
    line(0, "/* What the hooks read behind " + detail::comment_safe(l_.string_at(p.name)) +
                ": struct " + detail::comment_safe(l_.string_at(st.name)) + " */");
    line(0, "static const struct kapi_check_struct " + fn("struct", index) + " = {");
    line(1, ".size = (u32)" + num_c(l_, st.size) + ",");
    line(1, ".nfields = " + std::to_string(n) + ",");
    line(1, ".size_param = " + std::to_string(p.count_param < 0 ? p.size_param : -1) + ",");
    line(1, ".count_param = " + std::to_string(p.count_param) + ",");
    line(1, ".max_count = " + num_c(l_, p.max_count) + " > 0 ? (u64)" + num_c(l_, p.max_count) +
                " : 0,");
    line(1, ".field = {");
    for (std::uint32_t k = 0; k < n; ++k) {
        const std::size_t at = st.fields.first + k;
        const kapi_image_struct_field& f = l_.fields[at];
        line(2, "{ /* " + detail::comment_safe(l_.string_at(f.name)) + " */");
        line(3, ".offset = (u32)" + num_c(l_, f.offset) + ",");
        line(3, ".size = (u8)" + num_c(l_, f.size) + ",");
        line(3, std::string(".is_signed = ") + (f.type == KAPI_TYPE_INT ? "true" : "false") + ",");
        line(3, ".constraint = " + enum_c_constraint(f.constraint) + ",");
        line(3, ".error = " + errno_c(l_.field_violation_names[at], f.violation_error) + ",");
        line(3, ".min = " + num_c(l_, f.min) + ",");
        line(3, ".max = " + num_c(l_, f.max) + ",");
        line(3, ".mask = (u64)" + num_c(l_, f.mask) + ",");
        line(2, "},");
    }
    line(1, "},");
    line(0, "};");
    line(0, "");
}

// kapi_check_documented() for one spec: an error code is documented for
// an object if one of its records has no selector, the object is of
// unknown type, or a selector matches.
void ChecksWriter::documented(std::size_t index) {
    const kapi_image_spec& s = l_.specs[index];
    // Records grouped by their C code (EAGAIN and EWOULDBLOCK stay apart:
    // the tests are ORed, so a code equal to both is still found).
    std::vector<std::string> codes;
    std::map<std::string, std::vector<const kapi_image_error*>> records;
    for (std::uint32_t i = 0; i < s.errors.count; ++i) {
        const kapi_image_error& e = l_.errors[s.errors.first + i];
        std::string code = errno_c(std::string(l_.string_at(e.name)), e.code);
        if (!records.contains(code))
            codes.push_back(code);
        records[code].push_back(&e);
    }
    line(0, "static bool " + fn("documented", index) + "(s32 code, struct kapi_object obj)");
    line(0, "{");
    for (const std::string& code : codes) {
        std::vector<std::string> sels;
        bool every = false;
        for (const kapi_image_error* e : records[code]) {
            if (e->objects.count == 0)
                every = true;
            for (std::uint32_t j = 0; j < e->objects.count; ++j) {
                const kapi_image_object& o = l_.objects[e->objects.first + j];
                auto ident = [](std::span<const ObjectName> t, std::uint16_t v) {
                    return v < t.size() ? std::string(t[v].ident) : std::to_string(v);
                };
                sels.push_back("kapi_check_selector_is(" + ident(object_type_table(), o.type) +
                               ", " + ident(object_impl_table(), o.impl) + ", obj)");
            }
        }
        if (every) {
            line(1, "if (code == " + code + ")");
        } else {
            line(1, "if (code == " + code + " &&");
            std::string cond = "(obj.type == KAPI_OBJ_ANY";
            for (const std::string& sel : sels)
                cond += " ||\n\t     " + sel;
            line(1, "    " + cond + "))");
        }
        line(2, "return true;");
    }
    line(1, "return false;");
    line(0, "}");
    line(0, "");
}

void ChecksWriter::after(std::size_t index) {
    const kapi_image_spec& s = l_.specs[index];
    documented(index);
    line(0, "/* kapi_check_after() for " + detail::comment_safe(l_.string_at(s.name)) + " */");
    line(0, "static __always_inline void " + fn("after", index) +
                "(const struct kapi_check_call *call,");
    line(0, "\t\tconst struct kapi_check_pre *pre, long ret,");
    line(0, "\t\tunsigned long nofile, struct kapi_check_post *post)");
    line(0, "{");
    line(1, "if (!kapi_check_result(" + detail::enum_c(EnumKind::ReturnCheck, s.ret.check) + ",");
    line(3, num_c(l_, s.ret.success_min) + ",");
    line(3, num_c(l_, s.ret.success_max) + ",");
    line(3, "ret, nofile, pre, post))");
    line(2, "return;");
    line(1, "post->undocumented =");
    line(2, "!" + fn("documented", index) + "((s32)ret, call->object);");
    line(1, "kapi_check_error_divergence(pre, ret, post);");
    line(0, "}");
    line(0, "");
}

// The hook's pre() and post() for one spec (module/hook_call.h): the
// hooks' pieces around the spec's decoding and checks, inlined. Only for
// kapi.ko's own image, whose build defines KAPI_CHECKS_HOOKS.
void ChecksWriter::hook(std::size_t index) {
    const kapi_image_spec& s = l_.specs[index];
    const std::string name = detail::comment_safe(l_.string_at(s.name));
    line(0, "#ifdef KAPI_CHECKS_HOOKS");
    line(0, "/* The hook's pre() for " + name + " */");
    line(0, "static notrace enum kapi_tramp_verdict");
    line(0, fn("pre", index) + "(struct kapi_tramp_client *client, const struct pt_regs *uregs,");
    line(0, "\t\tvoid *frame, long *result, unsigned int flags)");
    line(0, "{");
    line(1, "struct kapi_hook *hook = kapi_hook_of(client);");
    line(1, "struct kapi_hook_frame *f = frame;");
    line(0, "");
    // kapi_check_impl_find() binds these checks only to a spec with as
    // many parameters: the count is a constant here.
    line(1, "if (!kapi_hook_pre_begin(hook, f, " + std::to_string(s.params.count) + "))");
    line(2, "return KAPI_TRAMP_RUN;");
    const bool facts = object_before(index) >= 0;
    if (facts)
        line(1, "switch (" + fn("enter_object", index) +
                    "(uregs, &f->call, &f->pre, flags, true, &f->facts)) {");
    else
        line(1, "switch (" + fn("enter", index) + "(uregs, &f->call, &f->pre, flags)) {");
    const std::string end =
        std::string("return kapi_hook_pre_end(hook, f, result, ") + (facts ? "true" : "false") + ");";
    line(1, "case KAPI_CHECK_AGAIN:");
    line(2, "return KAPI_TRAMP_SLEEP;");
    line(1, "case KAPI_CHECK_CLEAN:");
    line(2, "/* A copy of its own, for the compiler to fold the clean verdict into. */");
    line(2, end);
    line(1, "default:");
    line(2, end);
    line(1, "}");
    line(0, "}");
    line(0, "");
    const std::string check = detail::enum_c(EnumKind::ReturnCheck, s.ret.check);
    line(0, "/* The hook's post() for " + name + ", past its common case */");
    line(0, "static noinline notrace bool " + fn("post_record", index) +
                "(struct kapi_tramp_client *client,");
    line(0, "\t\tvoid *frame, long ret, unsigned long nofile, unsigned int flags)");
    line(0, "{");
    line(1, "struct kapi_hook *hook = kapi_hook_of(client);");
    line(1, "struct kapi_hook_frame *f = frame;");
    line(0, "");
    line(1, "if (!kapi_hook_post_begin(hook, f, ret, flags))");
    line(2, "return false;");
    line(1, fn("after", index) + "(&f->call, &f->pre, ret, nofile, &f->post);");
    line(1, "kapi_hook_post_end(hook, f, ret, nofile);");
    line(1, "return true;");
    line(0, "}");
    line(0, "");
    line(0, "/* The hook's post() for " + name + " */");
    line(0, "static notrace bool " + fn("post", index) +
                "(struct kapi_tramp_client *client,");
    line(0, "\t\tconst struct pt_regs *uregs, void *frame, long ret, unsigned int flags)");
    line(0, "{");
    line(1, "unsigned long nofile = kapi_hook_nofile(" + check + ");");
    line(0, "");
    line(1, "/* The common case, with nothing to record, in a frame of its own. */");
    line(1, "if (kapi_hook_post_clean(frame, kapi_check_result_ok(" + check + ", " +
                num_c(l_, s.ret.success_min) + ",");
    line(3, num_c(l_, s.ret.success_max) + ", ret, nofile)))");
    line(2, "return true;");
    line(1, "return " + fn("post_record", index) + "(client, frame, ret, nofile, flags);");
    line(0, "}");
    line(0, "");
    line(0, "static const struct kapi_tramp_client " + fn("hook", index) + " = {");
    line(1, ".pre = " + fn("pre", index) + ",");
    line(1, ".post = " + fn("post", index) + ",");
    line(0, "};");
    line(0, "#endif");
    line(0, "");
}

void ChecksWriter::table() {
    line(0, "KAPI_CHECKS_DECLARE(" + sym_ + ");");
    line(0, "");
    line(0, "const struct kapi_check_gen " + sym_ + "_checks[] = {");
    for (std::size_t i = 0; i < l_.specs.size(); ++i) {
        if (!generated(i))
            continue;
        const kapi_image_spec& s = l_.specs[i];
        line(1, "{");
        line(2, ".spec = \"" + detail::c_escape(l_.string_at(s.name)) + "\",");
        line(2, ".nparams = " + std::to_string(s.params.count) + ",");
        if (s.params.count != 0) {
            std::string types;
            for (std::uint32_t j = 0; j < s.params.count; ++j)
                types += (j ? ", " : "") + type_c(type_of(l_.params[s.params.first + j]));
            line(2, ".type = { " + types + " },");
        }
        line(2, ".impl = {");
        line(3, ".name = \"generated\",");
        line(3, ".enter = " + fn("enter", i) + ",");
        line(3, ".before = " + fn("before", i) + ",");
        line(3, ".after = " + fn("after", i) + ",");
        line(2, "},");
        line(0, "#ifdef KAPI_CHECKS_HOOKS");
        line(2, ".hook = &" + fn("hook", i) + ",");
        line(0, "#endif");
        line(1, "},");
    }
    line(0, "};");
    line(0, "");
    line(0, "const unsigned int " + sym_ + "_checks_count = ARRAY_SIZE(" + sym_ + "_checks);");
}

std::string ChecksWriter::run(const std::vector<std::string>& includes) {
    line(0, "// SPDX-License-Identifier: GPL-2.0");
    line(0, "/*");
    line(0, " * Generated by kapi-gen --checks; do not edit. The check engine specialised");
    line(0, " * for each spec of the image " + sym_ + ": functions that decide exactly");
    line(0, " * what kapi_check_before() and kapi_check_after() decide, with the spec's");
    line(0, " * rules and numbers written in (see Documentation/runtime.rst, \"Specialised");
    line(0, " * checks\"); with KAPI_CHECKS_HOOKS, each spec's hook functions too. It");
    line(0, " * defines two symbols:");
    line(0, " *");
    line(0, " *   const struct kapi_check_gen " + sym_ + "_checks[];");
    line(0, " *   const unsigned int " + sym_ + "_checks_count;");
    line(0, " */");
    std::set<std::string> seen;
    std::vector<std::string> incs = includes;
    for (const char* inc : {"#include <linux/compiler.h>", "#include <linux/errno.h>",
                            "#include <linux/kernel.h>", "#include <linux/limits.h>",
                            "#include <linux/mm.h>", "#include <linux/types.h>",
                            "#include \"check.h\"", "#include \"compat/compat.h\""})
        incs.emplace_back(inc);
    for (const std::string& inc : incs)
        if (seen.insert(inc).second)
            line(0, inc);
    line(0, "#ifdef KAPI_CHECKS_HOOKS");
    line(0, "#include \"hook_call.h\"");
    line(0, "#endif");
    line(0, "");
    for (std::size_t i = 0; i < l_.specs.size(); ++i) {
        if (!generated(i))
            continue;
        before(i);
        struct_desc(i);
        enter(i);
        after(i);
        hook(i);
    }
    table();
    return std::move(out_);
}

} // namespace

CheckType check_param_type(std::uint32_t type, std::string_view type_name) {
    CheckType t{64, true};
    switch (type) {
    case KAPI_TYPE_UINT:
    case KAPI_TYPE_PTR:
    case KAPI_TYPE_USER_PTR:
    case KAPI_TYPE_PATH:
    case KAPI_TYPE_FUNC_PTR:
    case KAPI_TYPE_ARRAY:
    case KAPI_TYPE_STRUCT:
    case KAPI_TYPE_UNION:
        t.is_signed = false;
        break;
    default:
        break;
    }
    type_name = type_name.substr(0, type_name.find('\0'));
    if (type_name.find_first_of("*[") != std::string_view::npos) {
        t.is_signed = false;
        return t;
    }
    std::string words;
    if (!type_words(type_name, &words))
        return t;
    for (const auto& [name, known] : kTypes)
        if (name == words)
            return known;
    return t;
}

std::string generate_checks_c(const SpecSet& specs, const std::vector<std::string>& includes,
                              const std::string& symbol) {
    ImageLayout layout = detail::generated_layout(specs, symbol);
    return ChecksWriter(specs, layout, symbol).run(includes);
}

} // namespace kapi
