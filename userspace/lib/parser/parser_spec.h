// SPDX-License-Identifier: GPL-2.0
//
// Private to the comment parser (parser_spec.cpp, parser_apply.cpp): the
// shapes of the tag and sub-key tables, a comment grouped into blocks, and
// the SpecParser that applies the blocks to a Spec.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kapi/model.h"
#include "kapi/names.h"
#include "kapi/parser.h"
#include "parser_internal.h"

namespace kapi::detail {

// How a value written over several lines becomes one string.
enum class Fold {
    Words,      // tokens and expressions: lines joined with one space
    Paragraphs, // prose: see fold_paragraphs()
    Lines,      // examples: see fold_lines()
};

struct SubKeyDef {
    std::string_view name;      // as written, '_' read as '-'
    std::string_view canonical; // the sub-key it spells
    Fold fold;
};

enum class TagKind {
    Value,     // a value, possibly continued on indented lines
    Text,      // prose: every following line up to the next tag
    Block,     // a head value and indented sub-keys
    Ignored,   // kernel-doc sections kapi does not use (Context:, Return: text)
    Prose,     // kernel-doc's free description
    ParamDesc, // "@name: text"
};

struct TagDef {
    std::string_view name;
    std::string_view canonical;
    TagKind kind;
    Fold fold;
    std::span<const SubKeyDef> subkeys;
    bool repeatable;
    bool spec_tag; // marks a comment as a spec (with context-flags:)
};

struct Field {
    std::uint32_t line = 0;
    Fold how = Fold::Words;
    std::vector<Line> lines; // lines[0] is the text after the key

    std::string value() const;
};

struct Block {
    const TagDef* tag = nullptr;
    std::uint32_t line = 0;
    std::string key;        // as written (the parameter name for @name:)
    std::vector<Line> head; // the value after the key and its continuation
    std::vector<std::pair<std::string_view, Field>> fields; // by canonical sub-key

    std::string head_value() const;
    const Field* field(std::string_view canonical) const;
};

inline std::string tag_label(const Block& b) {
    return "'" + std::string(b.tag->canonical) + ":'";
}

// A param: block as read, before the declaration orders the parameters and
// resolves size-param.
struct ParamDraft {
    Param param;
    std::uint32_t line = 0;
    std::string size_param; // index or parameter name, resolved at the end
    std::uint32_t size_param_line = 0;
    std::string ctype;
    std::uint32_t ctype_line = 0;
    std::string custom_fn;  // custom(fn)
    bool expr_args = false; // constraint-type had arguments: NAME(ARGS)
    bool explicit_errno = false;
    bool has_desc = false;
    std::uint32_t struct_line = 0;
    std::string count_param; // index or parameter name, resolved at the end
    std::uint32_t count_param_line = 0;
};

// Parses one spec comment: parse() groups the lines into blocks, applies
// each block to the spec, then reads the declaration and cross-checks.
// Diagnostics are appended to diags as they are found.
class SpecParser {
public:
    SpecParser(const std::string& file, std::vector<Diagnostic>& diags)
        : file_(file), diags_(diags) {}

    Spec parse(const std::vector<Line>& lines, std::uint32_t first_line,
               const DeclarationFinder& finder);
    // Moves the triggers of the parsed spec's errors to OUT.
    void take_triggers(std::vector<ErrorTrigger>& out);
    // Parses one struct comment (its first line is "struct: NAME").
    StructSpec parse_struct(const std::vector<Line>& lines);
    // The "struct:" names the parsed spec's params use, with their lines.
    const std::vector<StructRef>& struct_refs() const { return struct_refs_; }

private:
    void error(std::uint32_t line, std::string message) {
        diags_.push_back({file_, line, std::move(message)});
    }

    std::vector<Block> group(const std::vector<Line>& lines, std::size_t start);
    void apply(const Block& b);
    void apply_value(const Block& b);
    void apply_param(const Block& b);
    void apply_return(const Block& b);
    void apply_error(const Block& b);
    void apply_trigger(const std::string& error_name, const Field& f);
    void finish_triggers();
    void apply_lock(const Block& b);
    void apply_signal(const Block& b);
    void apply_effect(const Block& b);
    void apply_transition(const Block& b);
    void apply_capability(const Block& b);
    void apply_constraint(const Block& b);
    void apply_constraint_expr(ParamDraft& d, const Field& f, std::vector<std::string>& set_by);
    void finish(const DeclarationFinder& finder);
    void finish_params(const Declaration* decl, std::uint32_t decl_line);

    std::optional<std::uint32_t> lookup(EnumKind kind, std::string_view token, std::uint32_t line);
    std::optional<std::uint32_t> lookup_bits(EnumKind kind, std::string_view text,
                                             std::uint32_t line);
    bool number(std::string_view text, Num& out, std::uint32_t line, std::string_view what);
    std::optional<std::uint32_t> small_number(std::string_view text, std::uint32_t line,
                                              std::string_view what);
    std::optional<std::string> errno_token(std::string_view text, std::uint32_t line);
    std::vector<ObjectSelector> object_selectors(std::string_view text, std::uint32_t line);
    std::optional<int> signal_number(std::string_view text, std::uint32_t line);
    std::optional<std::uint32_t> sa_flags(std::string_view text, std::uint32_t line);
    std::optional<bool> yes_no(const Field& f, std::string_view what);

    const std::string& file_;
    std::vector<Diagnostic>& diags_;
    Spec spec_;
    std::string head_name_;
    std::uint32_t head_line_ = 0;
    bool kind_explicit_ = false;
    std::vector<ParamDraft> drafts_;
    std::vector<std::pair<std::string, Block>> param_descs_; // @name:
    std::string prose_;
    std::optional<std::int64_t> param_count_;
    std::uint32_t param_count_line_ = 0;
    std::uint32_t ioctl_cmd_line_ = 0;
    std::map<std::string, std::uint32_t, std::less<>> single_tags_;
    std::map<std::string, std::uint32_t, std::less<>> error_names_;
    std::vector<ErrorTrigger> triggers_;
    std::vector<StructRef> struct_refs_;
    bool struct_mode_ = false; // parse_struct(): the struct comment's tags
};

// One value written over several lines, folded as how says.
std::string fold(const std::vector<Line>& lines, Fold how);

} // namespace kapi::detail
