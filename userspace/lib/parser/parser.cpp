// SPDX-License-Identifier: GPL-2.0
//
// The annotation parser's entry points: splits a C file into comments and
// code (a small lexer that knows comments, strings and character
// constants), collects the #include lines, hands every kerneldoc comment
// that is a spec to the comment parser with a way to find the declaration
// that follows it, and checks that spec names are unique in the file.
#include "kapi/parser.h"

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parser_internal.h"

namespace kapi {

std::string Diagnostic::str() const {
    return file + ":" + std::to_string(line) + ": " + message;
}

namespace {

using detail::DeclarationSite;
using detail::Line;

// Declarations start at most this many lines after the end of their spec.
constexpr std::uint32_t kMaxDeclarationDistance = 10;

struct Comment {
    std::size_t begin = 0; // offset of "/*"
    std::size_t end = 0;   // offset just after "*/"
    std::uint32_t line = 0;
    std::uint32_t end_line = 0;
    bool kerneldoc = false; // "/**", not "/**/"
};

// The file split into comments and code. code is the text with every
// comment replaced by spaces (newlines kept), so offsets and lines agree.
struct Source {
    std::string_view text;
    std::string code;
    std::vector<Comment> comments;
};

std::uint32_t count_newlines(std::string_view s) {
    std::uint32_t n = 0;
    for (char c : s)
        n += c == '\n' ? 1U : 0U;
    return n;
}

Source lex(std::string_view text) {
    Source src{text, std::string(text), {}};
    std::uint32_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == '\n') {
            line++;
            i++;
        } else if (c == '/' && next == '*') {
            std::size_t close = text.find("*/", i + 2);
            std::size_t end = close == std::string_view::npos ? text.size() : close + 2;
            Comment com;
            com.begin = i;
            com.end = end;
            com.line = line;
            com.kerneldoc = text.substr(i, 3) == "/**" && text.substr(i, 4) != "/**/";
            for (std::size_t j = i; j < end; j++)
                if (src.code[j] != '\n')
                    src.code[j] = ' ';
            line += count_newlines(text.substr(i, end - i));
            com.end_line = line;
            src.comments.push_back(com);
            i = end;
        } else if (c == '/' && next == '/') {
            while (i < text.size() && text[i] != '\n')
                src.code[i++] = ' ';
        } else if (c == '"' || c == '\'') {
            // a string or character constant, up to its closing quote
            i++;
            while (i < text.size() && text[i] != c && text[i] != '\n') {
                if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n')
                    i++;
                i++;
            }
            if (i < text.size() && text[i] == c)
                i++;
        } else {
            i++;
        }
    }
    return src;
}

// The #include lines of the code, comments removed.
std::vector<std::string> find_includes(const std::string& code) {
    std::vector<std::string> includes;
    std::istringstream in(code);
    std::string line;
    while (std::getline(in, line)) {
        std::string_view l = detail::trim(line);
        if (!l.starts_with("#"))
            continue;
        std::string_view rest = detail::trim(l.substr(1));
        if (rest.starts_with("include") && (rest.size() == 7 || rest[7] == ' ' || rest[7] == '\t' ||
                                            rest[7] == '<' || rest[7] == '"'))
            includes.emplace_back(l);
    }
    return includes;
}

// The cleaned lines of a kerneldoc comment, numbered as in the file.
std::vector<Line> comment_lines(const Source& src, const Comment& com) {
    std::size_t body_begin = com.begin + 3;
    std::size_t body_end = com.end;
    if (src.text.substr(com.end - 2, 2) == "*/" && com.end >= body_begin + 2)
        body_end = com.end - 2;
    std::string_view body = src.text.substr(body_begin, body_end - body_begin);
    std::vector<Line> lines;
    std::uint32_t no = com.line;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t nl = body.find('\n', start);
        std::string_view raw = body.substr(start, nl == std::string_view::npos ? nl : nl - start);
        if (lines.empty()) // the text after "/**" has no leading '*'
            raw = detail::trim(raw);
        lines.push_back(detail::clean_comment_line(raw, no));
        if (nl == std::string_view::npos)
            break;
        start = nl + 1;
        no++;
    }
    return lines;
}

// Finds the declaration after a spec comment: blank lines, comments and
// preprocessor lines are skipped; the declaration runs to the ')' that
// closes its first '('.
class Finder : public detail::DeclarationFinder {
public:
    Finder(const Source& src, std::size_t index) : src_(src), index_(index) {}

    DeclarationSite find() const override {
        const Comment& com = src_.comments[index_];
        std::size_t limit = src_.text.size();
        for (std::size_t k = index_ + 1; k < src_.comments.size(); k++)
            if (src_.comments[k].kerneldoc) {
                limit = src_.comments[k].begin;
                break;
            }
        const std::string& code = src_.code;
        std::size_t pos = com.end;
        std::uint32_t line = com.end_line;
        for (;;) {
            while (pos < limit && (code[pos] == ' ' || code[pos] == '\t' || code[pos] == '\n' ||
                                   code[pos] == '\r' || code[pos] == '\f')) {
                line += code[pos] == '\n' ? 1U : 0U;
                pos++;
            }
            if (pos >= limit || code[pos] != '#')
                break;
            // a preprocessor line, with its backslash continuations
            while (pos < limit && code[pos] != '\n') {
                if (code[pos] == '\\' && pos + 1 < limit && code[pos + 1] == '\n') {
                    pos++;
                    line++;
                }
                pos++;
            }
        }
        DeclarationSite site;
        site.line = line;
        if (pos >= limit || line > com.end_line + kMaxDeclarationDistance)
            return site;
        std::size_t start = pos;
        int depth = 0;
        for (; pos < limit; pos++) {
            char c = code[pos];
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                if (--depth == 0) {
                    site.found = true;
                    site.text = code.substr(start, pos + 1 - start);
                    return site;
                }
            } else if ((c == ';' || c == '{' || c == '}' || c == '=') && depth == 0) {
                break;
            }
        }
        // not a declaration: show the first line of what is there
        std::size_t eol = code.find('\n', start);
        site.text = std::string(detail::trim(
            std::string_view(code).substr(start, eol == std::string::npos ? eol : eol - start)));
        return site;
    }

private:
    const Source& src_;
    std::size_t index_;
};

} // namespace

ParseResult parse_annotations(std::string_view text, const std::string& file) {
    ParseResult result;
    Source src = lex(text);
    result.includes = find_includes(src.code);
    std::map<std::string, std::uint32_t> names;
    std::map<std::string, std::uint32_t> struct_names;
    for (std::size_t k = 0; k < src.comments.size(); k++) {
        const Comment& com = src.comments[k];
        if (!com.kerneldoc)
            continue;
        std::vector<Line> lines = comment_lines(src, com);
        if (detail::is_struct_comment(lines)) {
            std::size_t before = result.errors.size();
            StructSpec st = detail::parse_struct_comment(lines, file, result.errors);
            if (result.errors.size() != before)
                continue;
            auto [it, inserted] = struct_names.emplace(st.name, com.line);
            if (!inserted) {
                result.errors.push_back({file, com.line,
                                         "duplicate struct '" + st.name + "' (first on line " +
                                             std::to_string(it->second) + ")"});
                continue;
            }
            result.specs.structs.push_back(std::move(st));
            continue;
        }
        if (!detail::is_spec_comment(lines)) {
            if (std::optional<std::string> why = detail::almost_spec_comment(lines))
                result.warnings.push_back({file, com.line, "warning: " + *why});
            continue;
        }
        std::size_t before = result.errors.size();
        Spec spec =
            detail::parse_spec_comment(lines, file, com.line, Finder(src, k), result.errors,
                                       &result.triggers, &result.struct_refs);
        if (result.errors.size() != before && spec.name.empty())
            continue;
        auto [it, inserted] = names.emplace(spec.name, spec.source.line);
        if (!inserted) {
            result.errors.push_back({file, spec.source.line,
                                     "duplicate spec '" + spec.name + "' (first on line " +
                                         std::to_string(it->second) + ")"});
            continue;
        }
        result.specs.specs.push_back(std::move(spec));
    }
    if (!result.errors.empty()) {
        result.specs.specs.clear();
        result.specs.structs.clear();
        result.triggers.clear();
        result.struct_refs.clear();
    }
    return result;
}

std::vector<Diagnostic> link_structs(const SpecSet& set, const std::vector<StructRef>& refs) {
    std::vector<Diagnostic> diags;
    for (const StructRef& r : refs)
        if (!set.find_struct(r.name))
            diags.push_back({r.file, r.line,
                             "param '" + r.param + "' of " + r.spec + ": unknown struct '" +
                                 r.name + "' (no 'struct: " + r.name + "' comment in the inputs)"});
    return diags;
}

std::optional<Num> parse_number(std::string_view text, std::string* error) {
    Num n;
    std::string why;
    if (detail::parse_num(text, n, why))
        return n;
    if (error)
        *error = why;
    return std::nullopt;
}

ParseResult parse_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ParseResult result;
        result.errors.push_back({path, 0, std::string("cannot open: ") + std::strerror(errno)});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        ParseResult result;
        result.errors.push_back({path, 0, std::string("cannot read: ") + std::strerror(errno)});
        return result;
    }
    return parse_annotations(text.str(), path);
}

} // namespace kapi
