// SPDX-License-Identifier: GPL-2.0
//
// The build-time cross-check of syscall specs against the target kernel
// (kapi-gen --syscalls-h): a reader of the "asmlinkage long sys_NAME(...);"
// declarations of include/linux/syscalls.h, and the comparison of a spec's
// parameters with them. It reads just enough C for that header: comments and
// preprocessor lines are skipped, a declaration may span lines.
#include "kapi/syscalls.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util.h"

namespace kapi {

namespace {

// TEXT with comments and preprocessor lines blanked out (newlines kept).
std::string strip_comments_and_directives(std::string_view text) {
    std::string out(text);
    std::size_t i = 0;
    bool line_start = true;
    while (i < out.size()) {
        char c = out[i];
        if (c == '/' && i + 1 < out.size() && out[i + 1] == '*') {
            std::size_t end = out.find("*/", i + 2);
            end = end == std::string::npos ? out.size() : end + 2;
            for (; i < end; ++i)
                if (out[i] != '\n')
                    out[i] = ' ';
            continue;
        }
        if (c == '/' && i + 1 < out.size() && out[i + 1] == '/') {
            for (; i < out.size() && out[i] != '\n'; ++i)
                out[i] = ' ';
            continue;
        }
        if (c == '#' && line_start) {
            // A directive runs to the end of the line, and on past lines that
            // end with a backslash.
            for (; i < out.size(); ++i) {
                if (out[i] == '\n' && (i == 0 || text[i - 1] != '\\'))
                    break;
                if (out[i] != '\n')
                    out[i] = ' ';
            }
            continue;
        }
        if (c == '\n')
            line_start = true;
        else if (c != ' ' && c != '\t')
            line_start = false;
        ++i;
    }
    return out;
}

// S with runs of white space made one space, and none after '(' or before
// ')', ',' or the end.
std::string collapse_space(std::string_view s) {
    std::string out;
    bool pending = false;
    for (char c : s) {
        if (is_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending && out.back() != '(' && c != ')' && c != ',')
            out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

// The name a prototype gives parameter P ("const char __user *filename"),
// or "" for a bare type ("int", "struct sockaddr __user *").
std::string param_name(std::string_view p) {
    static const std::set<std::string, std::less<>> kTypeWords = {
        "void",     "char",     "short",      "int",    "long",  "signed",
        "unsigned", "float",    "double",     "_Bool",  "const", "volatile",
        "__user",   "restrict", "__restrict", "struct", "union", "enum",
    };
    if (std::size_t bracket = p.find('['); bracket != std::string_view::npos)
        p = p.substr(0, bracket);
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < p.size();) {
        if (is_ident_char(p[i])) {
            std::size_t j = i;
            while (j < p.size() && is_ident_char(p[j]))
                ++j;
            tokens.emplace_back(p.substr(i, j - i));
            i = j;
        } else {
            if (!is_space(p[i]))
                tokens.emplace_back(1, p[i]);
            ++i;
        }
    }
    if (tokens.size() < 2 || !is_ident_char(tokens.back()[0]) || kTypeWords.count(tokens.back()))
        return {};
    const std::string& before = tokens[tokens.size() - 2];
    if (before == "struct" || before == "union" || before == "enum")
        return {};
    return tokens.back();
}

} // namespace

std::vector<SyscallDecl> parse_syscall_decls(std::string_view header_text) {
    const std::string text = strip_comments_and_directives(header_text);
    constexpr std::string_view kPrefix = "asmlinkage";
    std::vector<SyscallDecl> decls;
    std::size_t pos = 0;
    while ((pos = text.find(kPrefix, pos)) != std::string::npos) {
        std::size_t start = pos;
        pos += kPrefix.size();
        if ((start > 0 && is_ident_char(text[start - 1])) ||
            (pos < text.size() && is_ident_char(text[pos])))
            continue;
        // asmlinkage long sys_NAME (
        std::size_t i = pos;
        auto skip_space = [&] {
            while (i < text.size() && is_space(text[i]))
                ++i;
        };
        auto word = [&] {
            std::size_t j = i;
            while (j < text.size() && is_ident_char(text[j]))
                ++j;
            std::string w = text.substr(i, j - i);
            i = j;
            return w;
        };
        skip_space();
        if (word() != "long")
            continue;
        skip_space();
        std::string name = word();
        skip_space();
        if (!name.starts_with("sys_") || i >= text.size() || text[i] != '(')
            continue;
        std::size_t open = i;
        int depth = 0;
        std::size_t close = std::string::npos;
        for (; i < text.size(); ++i) {
            if (text[i] == '(')
                ++depth;
            else if (text[i] == ')' && --depth == 0) {
                close = i;
                break;
            }
        }
        if (close == std::string::npos)
            break;
        SyscallDecl d;
        d.name = name;
        d.line = static_cast<std::uint32_t>(
            std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n') + 1);
        std::string params =
            collapse_space(std::string_view(text).substr(open + 1, close - open - 1));
        d.text = "asmlinkage long " + name + "(" + params + ");";
        if (params != "void" && !params.empty()) {
            int nest = 0;
            std::size_t from = 0;
            for (std::size_t k = 0; k <= params.size(); ++k) {
                if (k == params.size() || (params[k] == ',' && nest == 0)) {
                    d.params.push_back(param_name(std::string_view(params).substr(from, k - from)));
                    from = k + 1;
                } else if (params[k] == '(') {
                    ++nest;
                } else if (params[k] == ')') {
                    --nest;
                }
            }
        }
        decls.push_back(std::move(d));
        pos = close;
    }
    return decls;
}

std::string check_syscall(const Spec& spec, const std::vector<SyscallDecl>& decls,
                          std::string_view header) {
    std::string problem;
    for (const SyscallDecl& d : decls) {
        if (d.name != spec.name)
            continue;
        std::string where =
            ": " + d.text + " (" + std::string(header) + ":" + std::to_string(d.line) + ")";
        std::string why;
        if (d.params.size() != spec.params.size()) {
            why = spec.name + " has " + std::to_string(spec.params.size()) +
                  " parameters, the kernel's prototype " + std::to_string(d.params.size()) + where;
        } else {
            for (std::size_t i = 0; i < d.params.size(); ++i) {
                if (!d.params[i].empty() && d.params[i] != spec.params[i].name) {
                    why = spec.name + " parameter " + std::to_string(i) + " is '" +
                          spec.params[i].name + "', the kernel's prototype calls it '" +
                          d.params[i] + "'" + where;
                    break;
                }
            }
        }
        if (why.empty())
            return {};
        if (problem.empty())
            problem = why;
    }
    if (problem.empty())
        problem = spec.name + " is not declared in " + std::string(header) +
                  " (no 'asmlinkage long " + spec.name + "(...)')";
    return problem;
}

} // namespace kapi
