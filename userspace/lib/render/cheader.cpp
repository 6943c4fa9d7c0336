// SPDX-License-Identifier: GPL-2.0
//
// The C header renderer (kapi-dump --c-header): a header that a C or C++
// program includes, or gets with -include, so that the compiler rejects
// calls of the C library's wrappers whose constant arguments break a spec.
// It adds no code: Clang reads the rules as diagnose_if attributes on
// redeclarations of the library's prototypes (checked in the front end, at
// every optimization level, C and C++); GCC, which has no diagnose_if, gets
// always_inline wrappers behind function-like macros (C only, and only when
// optimizing) whose checks call a function declared with the error
// attribute when the arguments are constant and break a rule; the call is
// folded away otherwise. Ioctl specs become Clang overloads of ioctl() that
// are viable only for a constant command and too small an object, and
// unavailable. Documentation/kapi-dump.rst ("C header") lists the
// rules and the limits.
//
// Every rule comes from the specs: descriptor parameters
// (KAPI_CONSTRAINT_FD: a negative constant unless fd-access allows it),
// user buffers with a size parameter (KAPI_CONSTRAINT_BUFFER: a constant
// size larger than the object the buffer points to, as
// __builtin_object_size sees it), and the spec's constraint expressions
// that only read integer parameters (open's flag combinations). An
// expression "eff_X = (COND) ? (... P ...) : ..." says P is read when COND
// holds; for a trailing parameter that the C library takes as "..." (open's
// mode) that becomes the missing-argument rule: for GCC the macro counts
// the arguments, for Clang an overload without the "..." argument is viable
// (enable_if) only when the rule holds, and unavailable.
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "common.h"
#include "kapi/render.h"

namespace kapi {

namespace {

// A C library wrapper with the same parameters as its system call.
struct LibcCall {
    std::string_view name;
    std::string_view ret;
    std::vector<std::string_view> types; // one per spec parameter
    bool variadic_last = false;          // the last one is "..." in libc
};

const std::vector<LibcCall>& libc_calls() {
    static const std::vector<LibcCall> calls = {
        {"read", "ssize_t", {"int", "void *", "size_t"}, false},
        {"write", "ssize_t", {"int", "const void *", "size_t"}, false},
        {"close", "int", {"int"}, false},
        {"open", "int", {"const char *", "int", "mode_t"}, true},
        {"openat", "int", {"int", "const char *", "int", "mode_t"}, true},
    };
    return calls;
}

const LibcCall* libc_call(std::string_view name) {
    for (const LibcCall& c : libc_calls())
        if (c.name == name)
            return &c;
    return nullptr;
}

bool ident_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The macro the header uses for the kernel constant NAME.
std::string kmacro(const std::string& name) {
    return "KAPI_K_" + name;
}

// An expression rewritten for the header: parameters renamed, constants
// through kmacro(). ok is false when it reads anything else (a function,
// a variable, a pointer parameter).
struct CExpr {
    std::string text;
    std::set<std::string> params;
    std::set<std::string> macros;
    bool ok = true;
};

bool is_macro_name(const std::string& id) {
    for (char c : id)
        if (std::islower(static_cast<unsigned char>(c)))
            return false;
    return ident_start(id[0]);
}

CExpr rewrite(std::string_view expr, const Spec& s, const LibcCall& call) {
    CExpr out;
    for (std::size_t i = 0; i < expr.size();) {
        char c = expr[i];
        if (ident_start(c)) {
            std::size_t j = i;
            while (j < expr.size() && ident_char(expr[j]))
                j++;
            std::string id(expr.substr(i, j - i));
            std::size_t k = j;
            while (k < expr.size() && expr[k] == ' ')
                k++;
            bool is_param = false;
            for (std::size_t p = 0; p < s.params.size(); p++)
                if (s.params[p].name == id) {
                    is_param = true;
                    if (call.types[p].find('*') != std::string_view::npos)
                        out.ok = false;
                }
            if (k < expr.size() && expr[k] == '(')
                out.ok = false; // a function call
            if (is_param) {
                out.params.insert(id);
                out.text += "__kapi_" + id;
            } else if (is_macro_name(id)) {
                out.macros.insert(id);
                out.text += kmacro(id);
            } else {
                out.ok = false;
                out.text += id;
            }
            i = j;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            while (i < expr.size() && ident_char(expr[i]))
                out.text += expr[i++];
        } else if (c == '\n' || c == '\t') {
            out.text += ' ';
            i++;
        } else if (c == '"' || c == '\'' || c == '[' || c == ';' || c == '{') {
            out.ok = false;
            out.text += c;
            i++;
        } else {
            out.text += c;
            i++;
        }
    }
    return out;
}

// Whether EXPR assigns (a lone '=').
std::size_t assignment(std::string_view expr) {
    for (std::size_t i = 0; i < expr.size(); i++)
        if (expr[i] == '=' && (i + 1 >= expr.size() || expr[i + 1] != '=') &&
            (i == 0 || std::string_view("=!<>").find(expr[i - 1]) == std::string_view::npos))
            return i;
    return std::string_view::npos;
}

// One rule: the call breaks it when cond holds; the GCC check needs
// every name in constants to be a compile-time constant.
struct Rule {
    std::string cond;
    std::vector<std::string> constants; // expressions for __builtin_constant_p
    std::set<std::string> macros;
    std::string message;
};

struct CallRules {
    const Spec* spec = nullptr;
    const LibcCall* call = nullptr;
    std::vector<Rule> rules;
    // The "..." argument's rule: missing when cond holds.
    bool has_missing = false;
    Rule missing;
};

// The fd-access bits: the value, else the KAPI_FD_* names of the
// expression (a spec read from sources).
std::optional<std::uint64_t> fd_access(const Num& n) {
    if (n.value)
        return static_cast<std::uint64_t>(*n.value);
    static const std::map<std::string, std::uint64_t> names = {
        {"KAPI_FD_OPEN", KAPI_FD_OPEN},
        {"KAPI_FD_NOT_PATH", KAPI_FD_NOT_PATH},
        {"KAPI_FD_READ", KAPI_FD_READ},
        {"KAPI_FD_WRITE", KAPI_FD_WRITE},
        {"KAPI_FD_CAN_READ", KAPI_FD_CAN_READ},
        {"KAPI_FD_CAN_WRITE", KAPI_FD_CAN_WRITE},
        {"KAPI_FD_DIR", KAPI_FD_DIR},
        {"KAPI_FD_AT_FDCWD", KAPI_FD_AT_FDCWD},
        {"KAPI_FD_IF_RELATIVE", KAPI_FD_IF_RELATIVE},
        {"KAPI_FD_NEGATIVE_OK", KAPI_FD_NEGATIVE_OK},
    };
    std::uint64_t v = 0;
    std::string word;
    for (std::size_t i = 0; i <= n.expr.size(); i++) {
        char c = i < n.expr.size() ? n.expr[i] : '|';
        if (c == ' ' || c == '\n' || c == '\t')
            continue;
        if (c != '|') {
            word += c;
            continue;
        }
        auto it = names.find(word);
        if (it == names.end())
            return std::nullopt;
        v |= it->second;
        word.clear();
    }
    return v;
}

std::string pname(const Param& p) {
    return "__kapi_" + p.name;
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
            c = c == '"' ? '\'' : ' ';
    return s;
}

CallRules rules_of(const Spec& s, const LibcCall& call) {
    CallRules r;
    r.spec = &s;
    r.call = &call;
    const std::string name(call.name);
    for (std::size_t i = 0; i < s.params.size(); i++) {
        const Param& p = s.params[i];
        std::string err = p.violation_error.empty() ? "" : " (" + p.violation_error + ")";
        std::optional<std::uint64_t> acc = fd_access(p.mask);
        if (p.constraint == KAPI_CONSTRAINT_FD && acc && call.types[i] == "int" &&
            !(*acc & KAPI_FD_NEGATIVE_OK)) {
            Rule rule;
            rule.cond = pname(p) + " < 0";
            rule.constants.push_back(pname(p));
            std::string what = "a negative descriptor";
            if (*acc & KAPI_FD_AT_FDCWD) {
                rule.cond += " && " + pname(p) + " != KAPI_K_AT_FDCWD";
                rule.macros.insert("AT_FDCWD");
                what = "a negative descriptor other than AT_FDCWD";
            }
            if ((*acc & KAPI_FD_IF_RELATIVE) && p.size_param >= 0 &&
                static_cast<std::size_t>(p.size_param) < s.params.size()) {
                const Param& path = s.params[static_cast<std::size_t>(p.size_param)];
                rule.cond += " && " + pname(path) + "[0] != '/'";
                rule.constants.push_back(pname(path) + "[0]");
                what += " with a relative path";
            }
            rule.message = name + "(): " + p.name + " is " + what + err;
            r.rules.push_back(rule);
        }
        if (p.constraint == KAPI_CONSTRAINT_BUFFER && p.size_param >= 0 &&
            static_cast<std::size_t>(p.size_param) < s.params.size()) {
            const Param& n = s.params[static_cast<std::size_t>(p.size_param)];
            std::string size = pname(n);
            if (p.size_mult.value && *p.size_mult.value > 1)
                size = "(" + size + " * " + std::to_string(*p.size_mult.value) + "UL)";
            Rule rule;
            rule.cond = "__builtin_object_size(" + pname(p) +
                        ", 0) != (__SIZE_TYPE__)-1 && __builtin_object_size(" + pname(p) +
                        ", 0) < " + size;
            rule.constants.push_back(pname(n));
            rule.message =
                name + "(): " + n.name + " is larger than the object " + p.name + " points to";
            r.rules.push_back(rule);
        }
    }
    for (const Constraint& c : s.constraints) {
        std::size_t eq = assignment(c.expr);
        if (eq == std::string::npos) {
            CExpr e = rewrite(c.expr, s, call);
            if (!e.ok || e.params.empty())
                continue;
            Rule rule;
            rule.cond = "!(" + e.text + ")";
            rule.macros = e.macros;
            std::string err;
            for (const std::string& pn : e.params) {
                rule.constants.push_back("__kapi_" + pn);
                for (const Param& p : s.params)
                    if (p.name == pn && !p.violation_error.empty() && err.empty())
                        err = " (" + p.violation_error + ")";
            }
            rule.message = name + "(): " + one_line(c.name) + err;
            r.rules.push_back(rule);
            continue;
        }
        // eff_X = (COND) ? (... P ...) : ...: the last parameter is read
        // when COND holds.
        std::string_view rhs = std::string_view(c.expr).substr(eq + 1);
        std::size_t q = rhs.find('?');
        if (!call.variadic_last || q == std::string_view::npos || s.params.empty())
            continue;
        const Param& last = s.params.back();
        CExpr then = rewrite(rhs.substr(q + 1), s, call);
        if (!then.params.count(last.name))
            continue;
        CExpr cond = rewrite(rhs.substr(0, q), s, call);
        if (!cond.ok || cond.params.empty() || cond.params.count(last.name))
            continue;
        r.has_missing = true;
        r.missing.cond = cond.text;
        r.missing.macros = cond.macros;
        for (const std::string& pn : cond.params)
            r.missing.constants.push_back("__kapi_" + pn);
        r.missing.message = name + "(): " + last.name + " is missing (the spec's \\\"" +
                            one_line(c.name) + "\\\" reads it)";
    }
    return r;
}

std::string macros_defined(const std::set<std::string>& macros) {
    std::string out;
    for (const std::string& m : macros)
        out += (out.empty() ? "" : " && ") + std::string("defined(") + kmacro(m) + ")";
    return out.empty() ? "1" : out;
}

// The kernel's constants as the C library spells them. __O_TMPFILE is the
// kernel's bit alone; the C library's O_TMPFILE carries O_DIRECTORY too
// (and glibc's __O_TMPFILE as well).
void write_constants(const std::set<std::string>& names, std::ostream& os) {
    for (const std::string& n : names) {
        std::string m = kmacro(n);
        if (n == "__O_TMPFILE") {
            os << "#if defined(" << kmacro("O_TMPFILE") << ") && defined(" << kmacro("O_DIRECTORY")
               << ")\n#define " << m << " (" << kmacro("O_TMPFILE") << " & ~"
               << kmacro("O_DIRECTORY") << ")\n#endif\n";
            continue;
        }
        std::string alt = n.rfind("__", 0) == 0 ? n.substr(2) : "__" + n;
        os << "#if defined(" << n << ")\n#define " << m << " " << n << "\n#elif defined(" << alt
           << ")\n#define " << m << " " << alt << "\n#endif\n";
    }
}

struct IoctlRule;
void write_ioctls(const std::vector<IoctlRule>& rules, std::ostream& os);

void write_header(const std::vector<CallRules>& calls, const std::vector<IoctlRule>& ioctls,
                  std::ostream& os) {
    os << "/* SPDX-License-Identifier: GPL-2.0 */\n"
          "/*\n"
          " * Compile-time checks of calls whose constant arguments break a kernel\n"
          " * API specification, generated by kapi-dump --c-header. Include it, or\n"
          " * compile with -include. Clang: every optimization level, C and C++.\n"
          " * GCC: C only, and only when optimizing (-O1 and up). It adds no code.\n"
          " */\n"
          "#ifndef KAPI_CHECKS_H\n#define KAPI_CHECKS_H\n\n"
          "#include <fcntl.h>\n";
    if (!ioctls.empty())
        os << "#include <sys/ioctl.h>\n";
    os << "#include <unistd.h>\n\n";
    std::set<std::string> names;
    for (const CallRules& c : calls) {
        for (const Rule& r : c.rules)
            names.insert(r.macros.begin(), r.macros.end());
        names.insert(c.missing.macros.begin(), c.missing.macros.end());
    }
    if (names.count("__O_TMPFILE")) {
        names.insert("O_TMPFILE");
        names.insert("O_DIRECTORY");
    }
    // O_TMPFILE and O_DIRECTORY first: __O_TMPFILE is made of them.
    std::set<std::string> first;
    for (const char* n : {"O_DIRECTORY", "O_TMPFILE"})
        if (names.erase(n))
            first.insert(n);
    write_constants(first, os);
    write_constants(names, os);

    // Clang: diagnose_if on redeclarations.
    os << "\n#if defined(__clang__)\n\n#pragma clang diagnostic push\n"
          "#pragma clang diagnostic ignored \"-Wgcc-compat\"\n\n#ifdef __cplusplus\n#define "
          "KAPI_OVERLOADABLE\nextern \"C\" "
          "{\n#else\n#define KAPI_OVERLOADABLE __overloadable__,\n#endif\n";
    for (const CallRules& c : calls) {
        const Spec& s = *c.spec;
        os << "\n" << c.call->ret << " " << c.call->name << "(";
        for (std::size_t i = 0; i < s.params.size(); i++) {
            if (c.call->variadic_last && i + 1 == s.params.size()) {
                os << ", ...";
                break;
            }
            std::string_view t = c.call->types[i];
            os << (i ? ", " : "") << t << (t.back() == '*' ? "" : " ") << pname(s.params[i]);
        }
        os << ")";
        for (const Rule& r : c.rules) {
            os << "\n#if " << macros_defined(r.macros) << "\n"
               << "\t__attribute__((__diagnose_if__(" << r.cond << ",\n\t\t\"kapi: " << r.message
               << "\", \"error\")))\n#endif";
        }
        os << "\n;\n";
    }
    os << "\n#ifdef __cplusplus\n}\n#endif\n";
    // A missing "..." argument: an overload without it that is viable only
    // when the rule holds for constant arguments (enable_if), and then
    // unavailable. Otherwise overload resolution picks the C library's
    // function, so correct calls are untouched.
    for (const CallRules& c : calls) {
        if (!c.has_missing)
            continue;
        const Spec& s = *c.spec;
        os << "\n#if " << macros_defined(c.missing.macros) << "\n"
           << c.call->ret << " " << c.call->name << "(";
        for (std::size_t i = 0; i + 1 < s.params.size(); i++) {
            std::string_view t = c.call->types[i];
            os << (i ? ", " : "") << t << (t.back() == '*' ? "" : " ") << pname(s.params[i]);
        }
        os << ")\n\t__attribute__((KAPI_OVERLOADABLE __enable_if__(" << c.missing.cond
           << ", \"\"),\n\t\t__unavailable__(\"kapi: " << c.missing.message << "\")));\n#endif\n";
    }
    if (!ioctls.empty())
        write_ioctls(ioctls, os);
    os << "\n#pragma clang diagnostic pop\n\n";

    // GCC: each macro calls a check that folds away, then the function.
    // The check gets what the rules read and whether it is a constant:
    // integers as "constant ? value : 0", paths as their first character,
    // buffers as their object size; none is evaluated at run time.
    os << "#elif defined(__GNUC__) && defined(__OPTIMIZE__) && !defined(__cplusplus)\n\n"
          "#define KAPI_NARG_(_1, _2, _3, _4, _5, _6, n, ...) n\n"
          "#define KAPI_NARG(...) KAPI_NARG_(__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)\n"
          "#define KAPI_CAT_(a, b) a##b\n#define KAPI_CAT(a, b) KAPI_CAT_(a, b)\n"
          "#define KAPI_CONST(x) (__builtin_constant_p(x) ? (x) : 0)\n";
    for (const CallRules& c : calls) {
        const Spec& s = *c.spec;
        const std::string name(c.call->name);
        std::size_t nfixed = s.params.size() - (c.call->variadic_last ? 1 : 0);
        for (std::size_t i = 0; i < c.rules.size(); i++) {
            os << "\nextern void __kapi_" << name << "_" << i
               << "(void) __attribute__((__error__(\"kapi: " << c.rules[i].message << "\")));";
        }
        if (c.has_missing)
            os << "\nextern void __kapi_" << name
               << "_missing(void) __attribute__((__error__(\"kapi: " << c.missing.message
               << "\")));";
        os << "\n\nstatic __inline__ __attribute__((__always_inline__, __artificial__)) "
              "void\n__kapi_"
           << name << "_check(int __kapi_nargs";
        std::string args; // the check's arguments, in terms of a0, a1, ...
        std::string unused = "\t(void)__kapi_nargs;\n"; // not every rule reads everything
        for (std::size_t i = 0; i < nfixed; i++) {
            std::string_view t = c.call->types[i];
            std::string p = pname(s.params[i]);
            std::string a = "(a" + std::to_string(i) + ")";
            if (t == "const char *") {
                os << ", int " << p << "_c0, char " << p << "0";
                unused += "\t(void)" + p + "_c0;\n\t(void)" + p + "0;\n";
                // Through const char *: a null pointer constant stays valid C.
                std::string c0 = "((const char *)" + a + ")[0]";
                args += ", __builtin_constant_p(" + c0 + "), KAPI_CONST(" + c0 + ")";
            } else if (t.find('*') != std::string_view::npos) {
                os << ", __SIZE_TYPE__ " << p << "_os";
                unused += "\t(void)" + p + "_os;\n";
                args += ", __builtin_object_size(" + a + ", 0)";
            } else {
                os << ", int " << p << "_c, " << t << " " << p;
                unused += "\t(void)" + p + "_c;\n\t(void)" + p + ";\n";
                args += ", __builtin_constant_p(" + a + "), KAPI_CONST(" + a + ")";
            }
        }
        os << ")\n{\n" << unused;
        auto gcc = [&](std::string text) {
            for (const Param& p : s.params) {
                std::string n = pname(p);
                for (auto [from, to] : {std::pair{"__builtin_object_size(" + n + ", 0)", n + "_os"},
                                        std::pair{n + "[0]", n + "0"}}) {
                    for (std::size_t at; (at = text.find(from)) != std::string::npos;)
                        text.replace(at, from.size(), to);
                }
            }
            return text;
        };
        auto check = [&](const Rule& r, const std::string& fn, const std::string& extra) {
            os << "#if " << macros_defined(r.macros) << "\n\tif (" << extra;
            for (const std::string& k : r.constants) {
                bool first_char = k.size() > 3 && k.compare(k.size() - 3, 3, "[0]") == 0;
                os << (first_char ? k.substr(0, k.size() - 3) + "_c0" : k + "_c") << " && ";
            }
            os << "(" << gcc(r.cond) << "))\n\t\t" << fn << "();\n#endif\n";
        };
        for (std::size_t i = 0; i < c.rules.size(); i++)
            check(c.rules[i], "__kapi_" + name + "_" + std::to_string(i), "");
        if (c.has_missing)
            check(c.missing, "__kapi_" + name + "_missing",
                  "__kapi_nargs == " + std::to_string(nfixed) + " && ");
        os << "}\n";
        std::string fixed;
        for (std::size_t i = 0; i < nfixed; i++)
            fixed += (i ? ", a" : "a") + std::to_string(i);
        if (c.call->variadic_last) {
            for (std::size_t n = nfixed; n <= s.params.size(); n++) {
                std::string params = fixed;
                for (std::size_t i = nfixed; i < n; i++)
                    params += ", a" + std::to_string(i);
                os << "#define __kapi_" << name << "_check_" << n << "(" << params << ") __kapi_"
                   << name << "_check(" << n << args << ")\n";
            }
            os << "#define " << name << "(...) (KAPI_CAT(__kapi_" << name
               << "_check_, KAPI_NARG(__VA_ARGS__))(__VA_ARGS__), (" << name << ")(__VA_ARGS__))\n";
        } else {
            os << "#define " << name << "(" << fixed << ") (__kapi_" << name << "_check(" << nfixed
               << args << "), (" << name << ")(" << fixed << "))\n";
        }
    }
    os << "\n#endif\n\n#endif /* KAPI_CHECKS_H */\n";
}

std::vector<CallRules> collect(const std::vector<const Spec*>& specs) {
    std::vector<CallRules> out;
    for (const Spec* s : specs) {
        if (s->kind != KAPI_KIND_SYSCALL)
            continue;
        const LibcCall* call = libc_call(render::call_name(*s));
        if (!call || call->types.size() != s->params.size())
            continue;
        CallRules r = rules_of(*s, *call);
        if (!r.rules.empty() || r.has_missing)
            out.push_back(r);
    }
    return out;
}

// An ioctl spec's rule: the command as a constant expression for the
// header, the size its arg must point to, the message.
struct IoctlRule {
    std::string cmd;
    std::string cmd_guard; // "#if" condition
    std::string size;
    std::string message;
};

// A size the header can spell without the spec's headers: the value, else
// sizeof of a type without struct/union/enum.
// The same whether the spec came from sources or from an image (which
// adds the value): the expression when the header can spell it, else the
// value.
std::optional<std::string> ioctl_size(const Num& n) {
    if (n.expr.rfind("sizeof(", 0) == 0 && n.expr.find("struct") == std::string::npos &&
        n.expr.find("union") == std::string::npos && n.expr.find("enum") == std::string::npos)
        return n.expr;
    if (n.value && *n.value > 0 && n.expr.empty())
        return std::to_string(*n.value) + "UL";
    if (n.value && *n.value > 0 && !n.expr.empty() &&
        n.expr.find_first_not_of("0123456789") == std::string::npos)
        return n.expr + "UL";
    return std::nullopt;
}

std::vector<IoctlRule> ioctl_rules(const std::vector<const Spec*>& specs) {
    std::vector<IoctlRule> out;
    for (const Spec* s : specs) {
        if (s->kind != KAPI_KIND_IOCTL || s->ioctl_cmd.empty())
            continue;
        for (const Param& p : s->params) {
            if (p.name != "arg" || !(p.type == KAPI_TYPE_USER_PTR || p.type == KAPI_TYPE_PTR) ||
                !render::num_given(p.size))
                continue;
            std::optional<std::string> size = ioctl_size(p.size);
            if (!size)
                continue;
            IoctlRule r;
            std::string cmd_name = s->ioctl_cmd.expr.empty() ? s->name : s->ioctl_cmd.expr;
            bool named = is_macro_name(s->ioctl_cmd.expr) &&
                         s->ioctl_cmd.expr.find(' ') == std::string::npos;
            if (s->ioctl_cmd.value && !named) {
                r.cmd = "0x" + [&] {
                    char buf[32];
                    std::snprintf(buf, sizeof(buf), "%llxUL",
                                  static_cast<unsigned long long>(
                                      static_cast<std::uint32_t>(*s->ioctl_cmd.value)));
                    return std::string(buf);
                }();
                r.cmd_guard = "1";
            } else if (named) {
                r.cmd = "(unsigned long)(" + s->ioctl_cmd.expr + ")";
                r.cmd_guard = "defined(" + s->ioctl_cmd.expr + ")";
            } else {
                continue;
            }
            r.size = *size;
            std::string err = p.violation_error.empty() ? "" : " (" + p.violation_error + ")";
            r.message =
                "ioctl(" + one_line(cmd_name) + "): arg points to fewer than " +
                one_line(p.size.expr.empty() ? std::to_string(*p.size.value) : p.size.expr) +
                " bytes" + err;
            out.push_back(r);
        }
    }
    return out;
}

// Clang: one ioctl overload per command whose arg is a pointer, viable
// only when the constant command matches and the object is too small.
void write_ioctls(const std::vector<IoctlRule>& rules, std::ostream& os) {
    for (const IoctlRule& r : rules)
        os << "\n#if " << r.cmd_guard
           << "\nint ioctl(int __kapi_fd, unsigned long __kapi_request, const void *__kapi_arg)\n"
              "\t__attribute__((KAPI_OVERLOADABLE __enable_if__(__kapi_request == "
           << r.cmd << " && __builtin_object_size(__kapi_arg, 0) != (__SIZE_TYPE__)-1 && "
           << "__builtin_object_size(__kapi_arg, 0) < " << r.size
           << ", \"\"),\n\t\t__unavailable__(\"kapi: " << r.message << "\")));\n#endif\n";
}

class CHeaderRenderer : public Renderer {
public:
    void list(const SpecSet& specs, std::ostream& os) const override {
        std::vector<const Spec*> v;
        for (const Spec& s : specs.specs)
            v.push_back(&s);
        write_header(collect(v), ioctl_rules(v), os);
    }

    void spec(const Spec& s, std::ostream& os) const override {
        write_header(collect({&s}), ioctl_rules({&s}), os);
    }
};

} // namespace

std::unique_ptr<Renderer> make_cheader_renderer(const RenderOptions&) {
    return std::make_unique<CHeaderRenderer>();
}

} // namespace kapi
