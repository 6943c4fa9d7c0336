// SPDX-License-Identifier: GPL-2.0
//
// Private interfaces between the parts of the annotation parser: text
// helpers (line cleaning, folding, splitting), numbers and expressions, C
// declarations, and the comment-to-spec parser. Only lib/parser/*.cpp (and
// the source tree's prefilter) include this header; the public API is
// kapi/parser.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"
#include "kapi/parser.h"

namespace kapi::detail {

// One line of a comment after kernel-doc's cleaning (leading whitespace, one
// '*' and one optional space removed). indent counts the columns of
// whitespace left after that (tabs to the next multiple of 8); text is the
// rest without trailing whitespace, empty for a blank line.
struct Line {
    std::uint32_t no = 0;
    int indent = 0;
    std::string text;

    bool blank() const { return text.empty(); }
};

Line clean_comment_line(std::string_view raw, std::uint32_t no);

std::string_view trim(std::string_view s);
std::string lower(std::string_view s);

// Splits at sep characters that are not inside (), [] or {}; trims the
// parts. An empty text gives no parts.
std::vector<std::string> split_top_level(std::string_view s, char sep);
// Splits at any of the separator characters (no nesting); trims the parts
// and drops empty ones.
std::vector<std::string> split_any(std::string_view s, std::string_view seps);

// Text of a value written over several lines: lines[0] is the text after
// the key, the rest are continuation lines.
// Paragraphs: a blank line is a paragraph break ("\n\n"), wrapped lines are
// joined with one space, a line starting with "- " starts a new line.
std::string fold_paragraphs(const std::vector<Line>& lines);
// Line structure kept: the continuation lines' common indentation is
// removed, runs of blank lines become one, leading and trailing blank lines
// are dropped.
std::string fold_lines(const std::vector<Line>& lines);
// The non-blank lines joined with one space (expressions, token lists).
std::string join_words(const std::vector<Line>& lines);

// A number as the language writes it (see Num in kapi/model.h). Returns
// false and sets error on malformed text.
bool parse_num(std::string_view text, Num& out, std::string& error);
// An integer literal (decimal, 0x hex, 0b binary, 0 octal, u/l suffixes),
// optionally negative; nothing else.
std::optional<std::int64_t> parse_int_literal(std::string_view text);

// The declaration that follows a spec.
struct DeclParam {
    std::string name;
    std::string type; // normalised C type, "char __user *"
};

struct Declaration {
    std::string name;        // "sys_read"
    bool syscall = false;    // SYSCALL_DEFINEn, or a sys_* prototype
    std::string return_type; // "long"
    std::vector<DeclParam> params;
};

// Parses a SYSCALL_DEFINEn(...) or a C prototype/definition head, given as
// the text from its first character to the ')' closing the parameter list.
// Returns std::nullopt and sets error when it is neither.
std::optional<Declaration> parse_declaration(std::string_view text, std::string& error);

// What follows a spec comment in the file.
struct DeclarationSite {
    bool found = false;
    std::uint32_t line = 0; // where it starts (or where the search stopped)
    std::string text;       // the declaration text, or what was found instead
};

// Finds the declaration that follows a spec comment, when the spec needs
// one (ioctl specs do not).
class DeclarationFinder {
public:
    virtual ~DeclarationFinder() = default;
    virtual DeclarationSite find() const = 0;
};

// Whether the cleaned lines of a kerneldoc comment make it a spec: a
// context-flags:/contexts: tag and at least one other spec tag.
bool is_spec_comment(const std::vector<Line>& lines);

// For a kerneldoc comment that is not a spec but looks meant as one (it
// begins with "name - summary", and has a context-flags tag without another
// spec tag, or two spec tags other than "return" without context-flags),
// the warning that says why it is ignored.
std::optional<std::string> almost_spec_comment(const std::vector<Line>& lines);

// Every spelling of the tag whose canonical name is CANONICAL
// ("context-flags": "context-flags", "contexts"), lower case with '-', as
// normalize_key() writes keys; for may_contain_specs().
std::vector<std::string_view> tag_spellings(std::string_view canonical);

// Parses one kerneldoc comment that is a spec, given its cleaned lines and
// the line of its "/**". Diagnostics go to diags; the spec is returned even
// when it has errors.
Spec parse_spec_comment(const std::vector<Line>& lines, const std::string& file,
                        std::uint32_t first_line, const DeclarationFinder& finder,
                        std::vector<Diagnostic>& diags,
                        std::vector<ErrorTrigger>* triggers = nullptr,
                        std::vector<StructRef>* struct_refs = nullptr);

// Whether a kerneldoc comment is a struct description: its first line is
// "struct: NAME".
bool is_struct_comment(const std::vector<Line>& lines);

// Parses one struct comment; diagnostics go to diags.
StructSpec parse_struct_comment(const std::vector<Line>& lines, const std::string& file,
                                std::vector<Diagnostic>& diags);

} // namespace kapi::detail
