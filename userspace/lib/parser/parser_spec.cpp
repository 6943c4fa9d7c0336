// SPDX-License-Identifier: GPL-2.0
//
// From one spec comment to a Spec. Two steps: the cleaned lines are grouped
// into blocks (a top-level tag with its value, continuation lines and
// indented sub-keys), driven by the tables of tags and sub-keys below; then
// each block is applied to the spec by the handler of its tag (the block
// handlers are in parser_apply.cpp). Finally the declaration that follows
// the comment gives the API's name, parameter order and C types, and the
// cross-checks run (every parameter described, size-param in range, ...).
// Every problem is a diagnostic with the line of the text at fault.
#include "parser_spec.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kapi/names.h"
#include "parser_internal.h"
#include "util.h"

namespace kapi::detail {

namespace {

constexpr Fold W = Fold::Words;
constexpr Fold P = Fold::Paragraphs;

constexpr SubKeyDef kParamKeys[] = {
    {"type", "type", W},
    {"flags", "flags", W},
    {"constraint-type", "constraint-type", W},
    {"range", "range", W},
    {"valid-mask", "valid-mask", W},
    {"mask", "valid-mask", W},
    {"valid-values", "valid-values", W},
    {"alignment", "alignment", W},
    {"size", "size", W},
    {"size-param", "size-param", W},
    {"size-mult", "size-mult", W},
    {"cdesc", "cdesc", P},
    {"constraint", "cdesc", P},
    {"desc", "desc", P},
    {"description", "desc", P},
    {"errno", "errno", W},
    {"ctype", "ctype", W},
    {"order", "order", W},
    {"fd-access", "fd-access", W},
    {"path-param", "size-param", W},
    {"struct", "struct", W},
    {"count-param", "count-param", W},
    {"max-count", "max-count", W},
};

// The sub-keys of a "field:" block of a struct comment: a parameter's
// value keys, and where the field lies.
constexpr SubKeyDef kFieldKeys[] = {
    {"type", "type", W},
    {"flags", "flags", W},
    {"type-name", "type-name", W},
    {"offset", "offset", W},
    {"size", "size", W},
    {"constraint-type", "constraint-type", W},
    {"range", "range", W},
    {"valid-mask", "valid-mask", W},
    {"mask", "valid-mask", W},
    {"valid-values", "valid-values", W},
    {"values", "valid-values", W},
    {"cdesc", "cdesc", P},
    {"constraint", "cdesc", P},
    {"errno", "errno", W},
};

constexpr SubKeyDef kReturnKeys[] = {
    {"type", "type", W}, {"check-type", "check-type", W}, {"success", "success", W},
    {"desc", "desc", P}, {"description", "desc", P},
};

constexpr SubKeyDef kErrorKeys[] = {
    {"desc", "desc", P},
    {"description", "desc", P},
    {"condition", "condition", P},
    {"objects", "objects", W},
    {"trigger", "trigger", W},
};

constexpr SubKeyDef kLockKeys[] = {
    {"type", "type", W},
    {"scope", "scope", W},
    {"acquired", "acquired", W},
    {"released", "released", W},
    {"held-on-entry", "held-on-entry", W},
    {"held-on-exit", "held-on-exit", W},
    {"desc", "desc", P},
    {"description", "desc", P},
};

constexpr SubKeyDef kSignalKeys[] = {
    {"direction", "direction", W},
    {"action", "action", W},
    {"condition", "condition", P},
    {"desc", "desc", P},
    {"description", "desc", P},
    {"errno", "errno", W},
    // v2 spelling; it is a sub-key because it is indented
    {"error", "errno", W},
    {"timing", "timing", W},
    {"restartable", "restartable", W},
    {"interruptible", "interruptible", W},
    {"priority", "priority", W},
    {"number", "number", W},
    {"target", "target", P},
    {"queue", "queue", P},
    {"queue-behavior", "queue", P},
    {"transform-to", "transform-to", W},
    {"transform", "transform-to", W},
    {"sa-flags-required", "sa-flags-required", W},
    {"sa-flags-forbidden", "sa-flags-forbidden", W},
    {"state-required", "state-required", W},
    {"state-forbidden", "state-forbidden", W},
};

constexpr SubKeyDef kEffectKeys[] = {
    {"target", "target", P},         {"desc", "desc", P},
    {"description", "desc", P},      {"condition", "condition", P},
    {"reversible", "reversible", W},
};

constexpr SubKeyDef kTransitionKeys[] = {
    {"object", "object", P},       {"from", "from", P}, {"to", "to", P},
    {"condition", "condition", P}, {"desc", "desc", P}, {"description", "desc", P},
};

constexpr SubKeyDef kCapabilityKeys[] = {
    {"type", "type", W},           {"allows", "allows", P},     {"without", "without", P},
    {"condition", "condition", P}, {"priority", "priority", W}, {"desc", "desc", P},
    {"description", "desc", P},
};

constexpr SubKeyDef kConstraintKeys[] = {
    {"desc", "desc", P},
    {"description", "desc", P},
    {"expr", "expr", W},
};

// clang-format off
constexpr TagDef kTags[] = {
    {"long-desc", "long-desc", TagKind::Text, P, {}, false, true},
    {"context-flags", "context-flags", TagKind::Value, W, {}, false, false},
    {"contexts", "context-flags", TagKind::Value, W, {}, false, false},
    {"api-type", "api-type", TagKind::Value, W, {}, false, true},
    {"ioctl-cmd", "ioctl-cmd", TagKind::Value, W, {}, false, true},
    {"since", "since", TagKind::Value, W, {}, false, false},
    {"since-version", "since", TagKind::Value, W, {}, false, false},
    {"deprecated", "deprecated", TagKind::Value, W, {}, false, false},
    {"replacement", "replacement", TagKind::Value, W, {}, false, false},
    {"param-count", "param-count", TagKind::Value, W, {}, false, true},
    {"param", "param", TagKind::Block, W, kParamKeys, true, true},
    {"return", "return", TagKind::Block, W, kReturnKeys, false, true},
    {"returns", "return", TagKind::Block, W, kReturnKeys, false, true},
    {"error", "error", TagKind::Block, P, kErrorKeys, true, true},
    {"lock", "lock", TagKind::Block, W, kLockKeys, true, true},
    {"signal", "signal", TagKind::Block, P, kSignalKeys, true, true},
    {"side-effect", "side-effect", TagKind::Block, P, kEffectKeys, true, true},
    {"state-trans", "state-trans", TagKind::Block, P, kTransitionKeys, true, true},
    {"capability", "capability", TagKind::Block, P, kCapabilityKeys, true, true},
    {"constraint", "constraint", TagKind::Block, P, kConstraintKeys, true, true},
    {"examples", "examples", TagKind::Text, Fold::Lines, {}, false, false},
    {"example", "examples", TagKind::Text, Fold::Lines, {}, false, false},
    {"notes", "notes", TagKind::Text, P, {}, false, false},
    {"note", "notes", TagKind::Text, P, {}, false, false},
    {"context", "context", TagKind::Ignored, P, {}, true, false},
    {"description", "description", TagKind::Prose, P, {}, true, false},
};
// The tags of a struct comment (Documentation/spec-language.rst,
// "Structs"); "struct:" must be its first line.
constexpr TagDef kStructTags[] = {
    {"struct", "struct", TagKind::Value, W, {}, false, false},
    {"size", "size", TagKind::Value, W, {}, false, false},
    {"alignment", "alignment", TagKind::Value, W, {}, false, false},
    {"desc", "desc", TagKind::Text, P, {}, false, false},
    {"description", "desc", TagKind::Text, P, {}, false, false},
    {"field", "field", TagKind::Block, W, kFieldKeys, true, false},
};
// clang-format on

// Pseudo-tags: kernel-doc's "Return: text" section, an unknown tag (its
// lines are skipped after the diagnostic), the free description, @name:.
constexpr TagDef kReturnSection = {"return", "return-section", TagKind::Ignored, P, {}, true,
                                   false};
constexpr TagDef kUnknownTag = {"", "unknown", TagKind::Ignored, P, {}, true, false};
constexpr TagDef kProse = {"", "description", TagKind::Prose, P, {}, true, false};
constexpr TagDef kParamDesc = {"@", "@", TagKind::ParamDesc, P, {}, true, false};

// "key: value" at the start of a line. A key is a word of letters, digits,
// '_' and '-' (or "@name"), and the colon is followed by a space or ends the
// line, so "http://" and "foo::" are not keys.
struct KeyValue {
    std::string key;
    std::string value;
};

std::optional<KeyValue> split_key(std::string_view text) {
    std::size_t i = 0;
    bool at = !text.empty() && text[0] == '@';
    if (at)
        i++;
    std::size_t start = i;
    while (i < text.size()) {
        char c = text[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || (at && c == '.');
        if (!ok)
            break;
        i++;
    }
    if (i == start)
        return std::nullopt;
    char first = text[start];
    if (!at && !((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')))
        return std::nullopt;
    std::size_t key_end = i;
    while (i < text.size() && text[i] == ' ')
        i++;
    if (i >= text.size() || text[i] != ':')
        return std::nullopt;
    i++;
    if (i < text.size() && text[i] != ' ' && text[i] != '\t')
        return std::nullopt;
    return KeyValue{std::string(text.substr(0, key_end)), std::string(trim(text.substr(i)))};
}

// Tag and sub-key names are case-insensitive and read '_' as '-'.
std::string normalize_key(std::string_view key) {
    std::string k = lower(key);
    for (char& c : k)
        if (c == '_')
            c = '-';
    return k;
}

bool is_lowercase_key(std::string_view key) {
    return !key.empty() && key[0] >= 'a' && key[0] <= 'z';
}

const TagDef* find_tag(std::string_view normalized, std::span<const TagDef> tags = kTags) {
    for (const TagDef& t : tags)
        if (t.name == normalized)
            return &t;
    return nullptr;
}

const SubKeyDef* find_subkey(const TagDef& tag, std::string_view normalized) {
    for (const SubKeyDef& k : tag.subkeys)
        if (k.name == normalized)
            return &k;
    return nullptr;
}

// "1 parameter", "3 parameters".
std::string plural(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " parameter" : " parameters");
}

// "sys_read - Read from a file descriptor" (kernel-doc also allows "foo()").
bool split_name_line(std::string_view text, std::string& name, std::string& summary) {
    std::size_t i = 0;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
        i++;
    if (!is_identifier(text.substr(0, i)))
        return false;
    name = std::string(text.substr(0, i));
    std::string_view rest = text.substr(i);
    if (rest.starts_with("()"))
        rest.remove_prefix(2);
    rest = trim(rest);
    if (rest.empty() || rest[0] != '-')
        return false;
    rest.remove_prefix(1);
    if (!rest.empty() && rest[0] != ' ' && rest[0] != '\t')
        return false;
    summary = std::string(trim(rest));
    return true;
}

} // namespace

std::string fold(const std::vector<Line>& lines, Fold how) {
    switch (how) {
    case Fold::Words:
        return join_words(lines);
    case Fold::Paragraphs:
        return fold_paragraphs(lines);
    case Fold::Lines:
        return fold_lines(lines);
    }
    return {};
}

std::string Field::value() const {
    return fold(lines, how);
}

std::string Block::head_value() const {
    return fold(head, tag->fold);
}

const Field* Block::field(std::string_view canonical) const {
    for (const auto& [name, f] : fields)
        if (name == canonical)
            return &f;
    return nullptr;
}

std::vector<Block> SpecParser::group(const std::vector<Line>& lines, std::size_t start) {
    std::vector<Block> blocks;
    Block* cur = nullptr;
    Field* field = nullptr;
    int sub_indent = -1;

    auto open = [&](const TagDef* tag, const Line& l, std::string key, std::string value) {
        blocks.push_back(Block{tag, l.no, std::move(key), {}, {}});
        cur = &blocks.back();
        cur->head.push_back(Line{l.no, 0, std::move(value)});
        field = nullptr;
        sub_indent = -1;
    };

    for (std::size_t i = start; i < lines.size(); i++) {
        const Line& l = lines[i];
        std::optional<KeyValue> kv = l.blank() ? std::nullopt : split_key(l.text);

        // a tag: a key in the first column
        if (kv && l.indent == 0) {
            if (kv->key[0] == '@') {
                open(&kParamDesc, l, kv->key.substr(1), kv->value);
                continue;
            }
            std::string key = normalize_key(kv->key);
            const TagDef* tag = find_tag(key, struct_mode_ ? std::span<const TagDef>(kStructTags) : std::span<const TagDef>(kTags));
            if (!tag) {
                error(l.no, "unknown tag '" + kv->key + ":'");
                tag = &kUnknownTag;
            } else if (tag->canonical == "return" && !kv->value.empty()) {
                tag = &kReturnSection; // kernel-doc's "Return: text"
            }
            open(tag, l, kv->key, kv->value);
            continue;
        }

        if (!cur) {
            if (l.blank())
                continue;
            open(&kProse, l, "", l.text);
            continue;
        }

        switch (cur->tag->kind) {
        case TagKind::ParamDesc:
            if (l.blank())
                cur = nullptr; // a blank line ends a parameter description
            else
                cur->head.push_back(Line{l.no, l.indent, l.text});
            break;
        case TagKind::Text:
        case TagKind::Ignored:
        case TagKind::Prose:
            cur->head.push_back(l);
            break;
        case TagKind::Value:
        case TagKind::Block:
            if (l.blank()) {
                if (field)
                    field->lines.push_back(l);
                break;
            }
            if (cur->tag->canonical == "return" && cur->fields.empty() &&
                !(kv && find_subkey(*cur->tag, normalize_key(kv->key)))) {
                // "Return:" followed by text: kernel-doc's Return section
                cur->tag = &kReturnSection;
                cur->head.push_back(l);
                break;
            }
            if (l.indent == 0) {
                error(l.no, "text in column 0 inside the " + tag_label(*cur) +
                                " block; indent continuation lines");
                field = nullptr;
                break;
            }
            if (cur->tag->kind == TagKind::Value) {
                cur->head.push_back(l);
                break;
            }
            // a sub-key: a known or lowercase key, no deeper than the block's
            // first one ("Note: ..." in prose is text)
            const SubKeyDef* def = kv ? find_subkey(*cur->tag, normalize_key(kv->key)) : nullptr;
            if (kv && (def || is_lowercase_key(kv->key)) &&
                (sub_indent < 0 || l.indent <= sub_indent)) {
                sub_indent = l.indent;
                std::string key = normalize_key(kv->key);
                field = nullptr; // a bad sub-key's lines are skipped
                if (!def) {
                    std::string msg =
                        "unknown sub-key '" + kv->key + ":' in " + tag_label(*cur) + " block";
                    if (find_tag(key, struct_mode_ ? std::span<const TagDef>(kStructTags) : std::span<const TagDef>(kTags)))
                        msg += " (tags start in the first column)";
                    error(l.no, msg);
                } else if (const Field* prev = cur->field(def->canonical)) {
                    error(l.no, "duplicate '" + std::string(def->canonical) + ":' in " +
                                    tag_label(*cur) + " block (first on line " +
                                    std::to_string(prev->line) + ")");
                } else {
                    cur->fields.push_back({def->canonical, Field{l.no, def->fold, {}}});
                    field = &cur->fields.back().second;
                    field->lines.push_back(Line{l.no, 0, kv->value});
                }
                break;
            }
            // deeper lines, and text at the sub-keys' indentation, continue
            // the current sub-key (or the head before the first sub-key)
            if (field)
                field->lines.push_back(l);
            else if (sub_indent < 0)
                cur->head.push_back(l);
            break;
        }
    }
    return blocks;
}

void SpecParser::apply(const Block& b) {
    const TagDef& tag = *b.tag;
    if (!tag.repeatable) {
        auto [it, inserted] = single_tags_.emplace(std::string(tag.canonical), b.line);
        if (!inserted) {
            error(b.line, "duplicate tag " + tag_label(b) + " (first on line " +
                              std::to_string(it->second) + ")");
            return;
        }
    }
    switch (tag.kind) {
    case TagKind::Ignored:
        return;
    case TagKind::Prose: {
        std::string text = b.head_value();
        if (!text.empty())
            prose_ += (prose_.empty() ? "" : "\n\n") + text;
        return;
    }
    case TagKind::ParamDesc:
        for (const auto& [name, prev] : param_descs_)
            if (name == b.key) {
                error(b.line, "duplicate '@" + b.key + ":' (first on line " +
                                  std::to_string(prev.line) + ")");
                return;
            }
        param_descs_.emplace_back(b.key, b);
        return;
    case TagKind::Text:
    case TagKind::Value:
        apply_value(b);
        return;
    case TagKind::Block:
        break;
    }
    std::string_view t = tag.canonical;
    if (t == "param")
        apply_param(b);
    else if (t == "return")
        apply_return(b);
    else if (t == "error")
        apply_error(b);
    else if (t == "lock")
        apply_lock(b);
    else if (t == "signal")
        apply_signal(b);
    else if (t == "side-effect")
        apply_effect(b);
    else if (t == "state-trans")
        apply_transition(b);
    else if (t == "capability")
        apply_capability(b);
    else if (t == "constraint")
        apply_constraint(b);
}

void SpecParser::apply_value(const Block& b) {
    std::string_view t = b.tag->canonical;
    std::string v = b.head_value();
    if (t == "long-desc") {
        spec_.description = v;
    } else if (t == "examples") {
        spec_.examples = v;
    } else if (t == "notes") {
        spec_.notes = v;
    } else if (t == "context-flags") {
        if (std::optional<std::uint32_t> bits = lookup_bits(EnumKind::ContextFlags, v, b.line))
            spec_.context = *bits;
    } else if (t == "api-type") {
        if (std::optional<std::uint32_t> kind = lookup(EnumKind::ApiKind, v, b.line)) {
            spec_.kind = *kind;
            kind_explicit_ = true;
        }
    } else if (t == "ioctl-cmd") {
        number(v, spec_.ioctl_cmd, b.line, "ioctl-cmd");
        ioctl_cmd_line_ = b.line;
    } else if (t == "since") {
        spec_.since = v;
    } else if (t == "replacement") {
        spec_.replacement = v;
    } else if (t == "deprecated") {
        Field f{b.line, Fold::Words, b.head};
        if (std::optional<bool> yes = yes_no(f, "deprecated"); yes && *yes)
            spec_.flags |= KAPI_SPEC_DEPRECATED;
    } else if (t == "param-count") {
        param_count_ = parse_int_literal(v);
        param_count_line_ = b.line;
        if (!param_count_ || *param_count_ < 0)
            error(b.line, "param-count: expected a number, got '" + v + "'");
    }
}

void SpecParser::finish(const DeclarationFinder& finder) {
    spec_.name = head_name_;
    std::optional<Declaration> decl;
    std::uint32_t decl_line = 0;
    bool ioctl = kind_explicit_ && spec_.kind == KAPI_KIND_IOCTL;
    if (!ioctl) {
        DeclarationSite site = finder.find();
        decl_line = site.line;
        std::string why;
        if (!site.found && site.text.empty())
            error(head_line_, "spec '" + head_name_ + "' is not followed by a declaration");
        else if (!site.found)
            error(site.line, "expected the declaration of '" + head_name_ +
                                 "' after its spec, found '" + site.text + "'");
        else if (!(decl = parse_declaration(site.text, why)))
            error(site.line, why);
    }
    if (decl) {
        if (decl->name != head_name_)
            error(head_line_, "spec '" + head_name_ + "' is followed by the declaration of '" +
                                  decl->name + "'");
        spec_.name = decl->name;
        spec_.ret.type_name = decl->return_type;
        if (!kind_explicit_)
            spec_.kind = decl->syscall ? KAPI_KIND_SYSCALL : KAPI_KIND_FUNCTION;
    }
    if (ioctl) {
        spec_.ret.type_name = "long"; // what an unlocked_ioctl handler returns
        if (ioctl_cmd_line_ == 0)
            error(head_line_, "ioctl spec '" + head_name_ + "' needs 'ioctl-cmd:'");
    } else if (ioctl_cmd_line_ != 0) {
        error(ioctl_cmd_line_, "'ioctl-cmd:' is only for ioctl specs (api-type: ioctl)");
    }
    if (ioctl || decl)
        finish_params(decl ? &*decl : nullptr, decl_line);
    if (spec_.description.empty())
        spec_.description = prose_;
}

void SpecParser::finish_params(const Declaration* decl, std::uint32_t decl_line) {
    std::vector<ParamDraft*> order;
    if (decl) {
        for (const DeclParam& dp : decl->params) {
            ParamDraft* found = nullptr;
            for (ParamDraft& d : drafts_)
                if (d.param.name == dp.name)
                    found = &d;
            if (!found) {
                error(decl_line,
                      "parameter '" + dp.name + "' of " + decl->name + " has no 'param:' block");
                continue;
            }
            found->param.type_name = dp.type;
            if (!found->ctype.empty())
                error(found->ctype_line,
                      "'ctype:' is only for ioctl specs; the declaration gives the C type");
            order.push_back(found);
        }
        for (ParamDraft& d : drafts_) {
            bool declared = false;
            for (const DeclParam& dp : decl->params)
                declared = declared || dp.name == d.param.name;
            if (!declared)
                error(d.line, "'param: " + d.param.name + "' names no parameter of " + decl->name);
        }
    } else {
        for (ParamDraft& d : drafts_) {
            d.param.type_name = d.ctype;
            order.push_back(&d);
        }
    }
    // "@name:" descriptions; a param's desc: wins
    for (const auto& [name, b] : param_descs_) {
        if (name == "...")
            continue;
        ParamDraft* found = nullptr;
        for (ParamDraft& d : drafts_)
            if (d.param.name == name)
                found = &d;
        if (!found) {
            error(b.line, "'@" + name + ":' describes no parameter of " + spec_.name);
            continue;
        }
        if (!found->has_desc)
            found->param.description = b.head_value();
    }
    for (std::size_t i = 0; i < order.size(); i++) {
        ParamDraft& d = *order[i];
        Param& p = d.param;
        if (!d.size_param.empty()) {
            std::optional<std::int64_t> index = parse_int_literal(d.size_param);
            if (!index)
                for (std::size_t j = 0; j < order.size(); j++)
                    if (order[j]->param.name == d.size_param)
                        index = static_cast<std::int64_t>(j);
            if (!index)
                error(d.size_param_line, "size-param of '" + p.name + "': '" + d.size_param +
                                             "' is neither a parameter index nor a name");
            else if (*index < 0 || *index >= static_cast<std::int64_t>(order.size()))
                error(d.size_param_line, "size-param of '" + p.name + "': index " +
                                             std::to_string(*index) + " is out of range (" +
                                             spec_.name + " has " + plural(order.size()) + ")");
            else if (*index == static_cast<std::int64_t>(i))
                error(d.size_param_line,
                      "size-param of '" + p.name + "' refers to the parameter itself");
            else
                p.size_param = static_cast<std::int32_t>(*index);
        }
        if (!d.count_param.empty()) {
            std::optional<std::int64_t> index = parse_int_literal(d.count_param);
            if (!index)
                for (std::size_t j = 0; j < order.size(); j++)
                    if (order[j]->param.name == d.count_param)
                        index = static_cast<std::int64_t>(j);
            if (!index)
                error(d.count_param_line, "count-param of '" + p.name + "': '" + d.count_param +
                                              "' is not a parameter of " + spec_.name);
            else if (*index < 0 || *index >= static_cast<std::int64_t>(order.size()))
                error(d.count_param_line, "count-param of '" + p.name + "': index " +
                                              std::to_string(*index) + " is out of range (" +
                                              spec_.name + " has " + plural(order.size()) + ")");
            else if (*index == static_cast<std::int64_t>(i))
                error(d.count_param_line,
                      "count-param of '" + p.name + "' refers to the parameter itself");
            else
                p.count_param = static_cast<std::int32_t>(*index);
        }
        if (!p.struct_name.empty())
            struct_refs_.push_back({p.struct_name, spec_.name, p.name, file_, d.struct_line});
        if (p.constraint_text.empty())
            p.constraint_text = d.custom_fn;
        if (!d.explicit_errno && p.constraint != KAPI_CONSTRAINT_NONE) {
            if (p.type == KAPI_TYPE_FD)
                p.violation_error = "EBADF";
            else if (p.constraint == KAPI_CONSTRAINT_BUFFER ||
                     p.constraint == KAPI_CONSTRAINT_USER_PTR ||
                     p.constraint == KAPI_CONSTRAINT_USER_STRING ||
                     p.constraint == KAPI_CONSTRAINT_USER_PATH)
                p.violation_error = "EFAULT";
            else
                p.violation_error = "EINVAL";
        }
        spec_.params.push_back(p);
    }
    if (param_count_ && *param_count_ >= 0 &&
        static_cast<std::size_t>(*param_count_) != spec_.params.size() &&
        (!decl || spec_.params.size() == decl->params.size()))
        error(param_count_line_, "param-count: " + std::to_string(*param_count_) +
                                     " does not match the " + plural(spec_.params.size()) + " of " +
                                     spec_.name);
}

Spec SpecParser::parse(const std::vector<Line>& lines, std::uint32_t first_line,
                       const DeclarationFinder& finder) {
    spec_.source = {file_, first_line};
    std::size_t i = 0;
    while (i < lines.size() && lines[i].blank())
        i++;
    if (i == lines.size() || lines[i].indent != 0 ||
        !split_name_line(lines[i].text, head_name_, spec_.summary)) {
        error(i < lines.size() ? lines[i].no : first_line,
              "a spec must begin with 'name - summary'");
        return spec_;
    }
    head_line_ = lines[i].no;
    spec_.name = head_name_;
    spec_.source.line = head_line_;
    for (const Block& b : group(lines, i + 1))
        apply(b);
    finish(finder);
    finish_triggers();
    return spec_;
}

namespace {

// FN(tag, key) for each top-level "key: value" line of LINES whose key is a
// known tag (parameter lines, "@name:", are not).
template <typename Fn>
void for_each_tag(const std::vector<Line>& lines, Fn fn) {
    for (const Line& l : lines) {
        if (l.blank() || l.indent != 0)
            continue;
        std::optional<KeyValue> kv = split_key(l.text);
        if (!kv || kv->key[0] == '@')
            continue;
        if (const TagDef* tag = find_tag(normalize_key(kv->key)))
            fn(*tag, kv->key);
    }
}

} // namespace

bool is_spec_comment(const std::vector<Line>& lines) {
    bool context = false;
    bool other = false;
    for_each_tag(lines, [&](const TagDef& tag, const std::string&) {
        context = context || tag.canonical == "context-flags";
        other = other || tag.spec_tag;
    });
    return context && other;
}

std::optional<std::string> almost_spec_comment(const std::vector<Line>& lines) {
    // A spec begins with "name - summary" (not "DOC: title").
    std::size_t first = 0;
    while (first < lines.size() && lines[first].blank())
        first++;
    std::string name;
    std::string summary;
    if (first == lines.size() || lines[first].indent != 0 ||
        !split_name_line(lines[first].text, name, summary) || name == "DOC")
        return std::nullopt;
    std::string context;
    std::vector<std::string> others; // spec tags but "return", which kerneldoc has too
    for_each_tag(lines, [&](const TagDef& tag, const std::string& key) {
        if (tag.canonical == "context-flags")
            context = key;
        else if (tag.spec_tag && tag.canonical != "return" &&
                 std::find(others.begin(), others.end(), key) == others.end())
            others.push_back(key);
    });
    if (!context.empty() && others.empty())
        return "kerneldoc comment with '" + context +
               ":' but no other spec tag is not a spec (ignored)";
    // One such tag alone is prose as often ("side-effect: ..."); two are
    // a spec that lost its context-flags.
    if (context.empty() && others.size() >= 2) {
        std::string keys;
        for (const std::string& k : others)
            keys += (keys.empty() ? "'" : ", '") + k + ":'";
        return "kerneldoc comment with spec tags (" + keys +
               ") but no 'contexts:' tag is not a spec (ignored)";
    }
    return std::nullopt;
}

std::vector<std::string_view> tag_spellings(std::string_view canonical) {
    std::vector<std::string_view> names;
    for (const TagDef& t : kTags)
        if (t.canonical == canonical)
            names.push_back(t.name);
    return names;
}

bool is_struct_comment(const std::vector<Line>& lines) {
    for (const Line& l : lines) {
        if (l.blank())
            continue;
        std::optional<KeyValue> kv = split_key(l.text);
        return l.indent == 0 && kv && normalize_key(kv->key) == "struct";
    }
    return false;
}

StructSpec SpecParser::parse_struct(const std::vector<Line>& lines) {
    struct_mode_ = true;
    StructSpec st;
    std::vector<std::pair<std::string, std::uint32_t>> names; // fields, first line
    std::uint32_t name_line = 0;
    std::vector<std::uint32_t> field_lines;
    for (const Block& b : group(lines, 0)) {
        const TagDef& tag = *b.tag;
        if (!tag.repeatable) {
            auto [it, inserted] = single_tags_.emplace(std::string(tag.canonical), b.line);
            if (!inserted) {
                error(b.line, "duplicate tag " + tag_label(b) + " (first on line " +
                                  std::to_string(it->second) + ")");
                continue;
            }
        }
        std::string_view t = tag.canonical;
        if (t == "struct") {
            std::string name = b.head_value();
            if (name.starts_with("struct "))
                name = std::string(trim(std::string_view(name).substr(7)));
            if (!is_identifier(name))
                error(b.line, name.empty() ? "struct: missing struct name"
                                           : "struct: '" + name + "' is not a struct name");
            st.name = name;
            name_line = b.line;
        } else if (t == "size") {
            number(b.head_value(), st.size, b.line, "size");
        } else if (t == "alignment") {
            number(b.head_value(), st.alignment, b.line, "alignment");
        } else if (t == "desc") {
            st.description = b.head_value();
        } else if (t == "field") {
            std::string name = b.head_value();
            if (!is_identifier(name)) {
                error(b.line, name.empty() ? "field: missing field name"
                                           : "field: '" + name + "' is not a field name");
                continue;
            }
            bool dup = false;
            for (const auto& [n, line] : names)
                if (n == name) {
                    error(b.line, "duplicate 'field: " + name + "' in struct " + st.name +
                                      " (first on line " + std::to_string(line) + ")");
                    dup = true;
                }
            if (dup)
                continue;
            names.emplace_back(name, b.line);
            std::size_t before = drafts_.size();
            apply_param(b);
            if (drafts_.size() == before)
                continue;
            ParamDraft d = std::move(drafts_.back());
            drafts_.pop_back();
            const Param& p = d.param;
            StructField f;
            f.name = p.name;
            f.description = p.constraint_text.empty() ? d.custom_fn : p.constraint_text;
            f.type = p.type;
            f.flags = p.flags;
            f.constraint = p.constraint;
            f.size = p.size;
            f.min = p.min;
            f.max = p.max;
            f.mask = p.mask;
            f.values = p.values;
            f.violation_error = p.violation_error;
            if (!d.explicit_errno && p.constraint != KAPI_CONSTRAINT_NONE)
                f.violation_error = p.constraint == KAPI_CONSTRAINT_USER_PTR ? "EFAULT" : "EINVAL";
            if (const Field* tn = b.field("type-name"))
                f.type_name = tn->value();
            if (const Field* off = b.field("offset"))
                number(off->value(), f.offset, off->line, "offset");
            else
                error(b.line, "field '" + name + "' of struct " + st.name + " needs 'offset:'");
            if (f.size.empty())
                error(b.line, "field '" + name + "' of struct " + st.name + " needs 'size:'");
            st.fields.push_back(std::move(f));
            field_lines.push_back(b.line);
        }
    }
    if (name_line && st.size.empty())
        error(name_line, "struct " + st.name + " needs 'size:'");
    // Where the numbers are literals the parser checks that each field lies
    // inside the struct; the generated C makes the compiler check the rest.
    for (std::size_t i = 0; i < st.fields.size(); i++) {
        const StructField& f = st.fields[i];
        if (!st.size.value || !f.offset.value || !f.size.value)
            continue;
        if (*f.offset.value < 0 || *f.size.value < 0 ||
            *f.offset.value + *f.size.value > *st.size.value)
            error(field_lines[i], "field '" + f.name + "' (offset " +
                                      std::to_string(*f.offset.value) + ", size " +
                                      std::to_string(*f.size.value) + ") lies beyond struct " +
                                      st.name + " (size " + std::to_string(*st.size.value) + ")");
    }
    return st;
}

StructSpec parse_struct_comment(const std::vector<Line>& lines, const std::string& file,
                                std::vector<Diagnostic>& diags) {
    SpecParser p(file, diags);
    return p.parse_struct(lines);
}

Spec parse_spec_comment(const std::vector<Line>& lines, const std::string& file,
                        std::uint32_t first_line, const DeclarationFinder& finder,
                        std::vector<Diagnostic>& diags,
                        std::vector<ErrorTrigger>* triggers,
                        std::vector<StructRef>* struct_refs) {
    SpecParser p(file, diags);
    Spec spec = p.parse(lines, first_line, finder);
    if (triggers)
        p.take_triggers(*triggers);
    if (struct_refs)
        struct_refs->insert(struct_refs->end(), p.struct_refs().begin(), p.struct_refs().end());
    return spec;
}

} // namespace kapi::detail
