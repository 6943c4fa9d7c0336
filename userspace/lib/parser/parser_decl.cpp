// SPDX-License-Identifier: GPL-2.0
//
// Reading the C declaration that follows a spec: SYSCALL_DEFINEn(name,
// type, arg, ...) and COMPAT_SYSCALL_DEFINEn(...), or an ordinary prototype
// or definition head ("asmlinkage long sys_read(unsigned int fd, ...)"). It
// yields the API's name, its return type and its parameters' names and C
// types, normalised to one spelling ("char __user *").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser_internal.h"
#include "util.h"

namespace kapi::detail {

namespace {

// Words in front of a function's return type that are not part of it.
constexpr std::string_view kQualifiers[] = {
    "asmlinkage", "static",  "inline",  "extern",    "__always_inline", "noinline",
    "notrace",    "__init",  "__exit",  "__cold",    "__weak",          "__must_check",
    "__visible",  "noinstr", "__sched", "__noreturn"};

// Words that can end a C type, so cannot be a parameter's name.
constexpr std::string_view kTypeWords[] = {"int",    "char",  "long",     "short",  "unsigned",
                                           "signed", "void",  "float",    "double", "_Bool",
                                           "bool",   "const", "volatile", "__user", "restrict"};

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&words)[N]) {
    for (std::string_view w : words)
        if (w == word)
            return true;
    return false;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Splits C type text into identifiers and single punctuation characters.
std::vector<std::string> type_tokens(std::string_view s) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ') {
            i++;
        } else if (is_ident_char(s[i])) {
            std::size_t start = i;
            while (i < s.size() && is_ident_char(s[i]))
                i++;
            tokens.emplace_back(s.substr(start, i - start));
        } else {
            tokens.emplace_back(1, s[i]);
            i++;
        }
    }
    return tokens;
}

// One spelling of a C type: words separated by one space, each run of '*'
// preceded by one space ("char __user *", "struct stat **").
std::string normalize_type(std::string_view s) {
    std::string out;
    for (const std::string& tok : type_tokens(s)) {
        if (tok == "*" && !out.empty() && out.back() == '*') {
            out += '*';
            continue;
        }
        bool tight = tok == ")" || tok == "]" || tok == "[" || tok == "," ||
                     (tok == "(" && !out.empty() && out.back() == ')') ||
                     (!out.empty() && (out.back() == '(' || out.back() == '['));
        if (!out.empty() && !tight)
            out += ' ';
        out += tok;
    }
    return out;
}

std::optional<DeclParam> parse_param(std::string_view text, std::size_t index, std::string& error) {
    std::string t(trim(text));
    DeclParam param;
    // a function pointer: "int (*fn)(int)"
    if (std::size_t fp = t.find("(*"); fp != std::string::npos) {
        std::size_t start = fp + 2;
        while (start < t.size() && t[start] == ' ')
            start++;
        std::size_t end = start;
        while (end < t.size() && is_ident_char(t[end]))
            end++;
        param.name = t.substr(start, end - start);
        if (!is_identifier(param.name)) {
            error = "parameter " + std::to_string(index + 1) + " ('" + t + "') has no name";
            return std::nullopt;
        }
        param.type = normalize_type(t.substr(0, start) + t.substr(end));
        return param;
    }
    // array parameters keep their brackets in the type: "int [2]"
    std::string suffix;
    while (!t.empty() && t.back() == ']') {
        std::size_t open = t.rfind('[');
        if (open == std::string::npos)
            break;
        suffix = t.substr(open) + suffix;
        t = std::string(trim(t.substr(0, open)));
    }
    std::size_t start = t.size();
    while (start > 0 && is_ident_char(t[start - 1]))
        start--;
    param.name = t.substr(start);
    std::string_view rest = trim(std::string_view(t).substr(0, start));
    if (!is_identifier(param.name) || rest.empty() || one_of(param.name, kTypeWords)) {
        error = "parameter " + std::to_string(index + 1) + " ('" + std::string(trim(text)) +
                "') has no name";
        return std::nullopt;
    }
    param.type = normalize_type(rest);
    if (!suffix.empty())
        param.type += " " + normalize_type(suffix);
    return param;
}

std::optional<Declaration> parse_syscall_define(const std::string& t, std::string& error) {
    bool compat = t.starts_with("COMPAT_");
    std::size_t pos = std::string_view(compat ? "COMPAT_SYSCALL_DEFINE" : "SYSCALL_DEFINE").size();
    std::size_t digits = pos;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9')
        pos++;
    std::size_t open = t.find('(', pos);
    std::string macro = t.substr(0, pos);
    if (pos == digits || pos - digits > 2 || open == std::string::npos ||
        trim(t.substr(pos, open - pos)) != "" || t.back() != ')') {
        error = "cannot read the declaration '" + t + "'";
        return std::nullopt;
    }
    std::size_t count = std::stoul(t.substr(digits, pos - digits));
    std::vector<std::string> args = split_top_level(t.substr(open + 1, t.size() - open - 2), ',');
    if (args.empty() || !is_identifier(args[0])) {
        error = macro + "() must start with the system call's name";
        return std::nullopt;
    }
    if (args.size() - 1 != 2 * count) {
        error = macro + "(" + args[0] + ", ...) has " + std::to_string(args.size() - 1) +
                " type and name arguments, expected " + std::to_string(2 * count);
        return std::nullopt;
    }
    Declaration decl;
    decl.name = (compat ? "compat_sys_" : "sys_") + args[0];
    decl.syscall = true;
    decl.return_type = "long";
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
        DeclParam p{args[i + 1], normalize_type(args[i])};
        if (!is_identifier(p.name) || p.type.empty()) {
            error = macro + "(" + args[0] + ", ...): parameter " + std::to_string(i / 2 + 1) +
                    " ('" + args[i] + ", " + args[i + 1] + "') is not a type and a name";
            return std::nullopt;
        }
        decl.params.push_back(p);
    }
    return decl;
}

} // namespace

std::optional<Declaration> parse_declaration(std::string_view text, std::string& error) {
    std::string t = collapse_spaces(text);
    if (t.starts_with("SYSCALL_DEFINE") || t.starts_with("COMPAT_SYSCALL_DEFINE"))
        return parse_syscall_define(t, error);

    std::size_t open = t.find('(');
    if (open == std::string::npos || t.back() != ')') {
        error = "cannot read the declaration '" + t + "'";
        return std::nullopt;
    }
    // the head: qualifiers, the return type and the name
    std::vector<std::string> words;
    for (const std::string& tok : type_tokens(t.substr(0, open))) {
        if (tok != "*" && !is_ident_char(tok[0])) {
            error = "cannot read the declaration '" + t + "'";
            return std::nullopt;
        }
        words.push_back(tok);
    }
    if (words.size() < 2 || !is_identifier(words.back()) || one_of(words.back(), kTypeWords)) {
        error = "cannot read the declaration '" + t + "'";
        return std::nullopt;
    }
    Declaration decl;
    decl.name = words.back();
    words.pop_back();
    std::string ret;
    for (const std::string& w : words)
        if (!one_of(w, kQualifiers))
            ret += (ret.empty() ? "" : " ") + w;
    decl.return_type = normalize_type(ret);
    if (decl.return_type.empty()) {
        error = "cannot read the declaration '" + t + "'";
        return std::nullopt;
    }
    decl.syscall = decl.name.starts_with("sys_") || decl.name.starts_with("compat_sys_");

    std::string inner(trim(std::string_view(t).substr(open + 1, t.size() - open - 2)));
    if (inner.empty() || inner == "void")
        return decl;
    std::vector<std::string> params = split_top_level(inner, ',');
    for (std::size_t i = 0; i < params.size(); i++) {
        if (params[i] == "...")
            continue; // variadic: nothing to describe
        std::optional<DeclParam> p = parse_param(params[i], i, error);
        if (!p) {
            error = decl.name + "(): " + error;
            return std::nullopt;
        }
        decl.params.push_back(*p);
    }
    return decl;
}

} // namespace kapi::detail
