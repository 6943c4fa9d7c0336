// SPDX-License-Identifier: GPL-2.0
//
// The C generator (kapi/generator.h): prints the image tables that
// build_layout() computes as one initialized kernel object. Numbers the
// author wrote symbolically are pasted as C expressions, errno names as
// -ENAME, enumerations by their UAPI identifiers; the compiler computes the
// table offsets (offsetof) and sizes (sizeof), so the compiled bytes equal
// what encode_image() writes for the same values.

#include "kapi/generator.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "generator_c.h"
#include "image_layout.h"
#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/names.h"
#include "util.h"

namespace kapi {
namespace {

using detail::bits_c;
using detail::c_escape;
using detail::comment_safe;
using detail::enum_c;
using detail::ImageLayout;
using detail::s32_literal;
using detail::s64_literal;

constexpr std::string_view kStruct = "struct kapi_gen_image";
constexpr std::string_view kObject = "kapi_gen_image_obj";

// The C type of each table's records, by table id.
constexpr const char* kRecordTypes[KAPI_TABLE_COUNT] = {
    "struct kapi_image_spec",       "struct kapi_image_param",  "struct kapi_image_error",
    "struct kapi_image_lock",       "struct kapi_image_signal", "struct kapi_image_effect",
    "struct kapi_image_transition", "struct kapi_image_cap",    "struct kapi_image_constraint",
    "struct kapi_image_num",        "struct kapi_image_object", "char",
    "struct kapi_image_struct",     "struct kapi_image_struct_field",
};

constexpr const char* kTableIds[KAPI_TABLE_COUNT] = {
    "KAPI_TABLE_SPECS",       "KAPI_TABLE_PARAMS",  "KAPI_TABLE_ERRORS",      "KAPI_TABLE_LOCKS",
    "KAPI_TABLE_SIGNALS",     "KAPI_TABLE_EFFECTS", "KAPI_TABLE_TRANSITIONS", "KAPI_TABLE_CAPS",
    "KAPI_TABLE_CONSTRAINTS", "KAPI_TABLE_VALUES",  "KAPI_TABLE_OBJECTS",     "KAPI_TABLE_STRINGS",
    "KAPI_TABLE_STRUCTS",     "KAPI_TABLE_FIELDS",
};

// "-135" or "135".
bool is_errno_number(std::string_view s) {
    if (!s.empty() && s.front() == '-')
        s.remove_prefix(1);
    return !s.empty() && s.size() <= 4 &&
           s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Why EXPR cannot be pasted into C as "(__s64)(EXPR)" or "(__s32)(EXPR)",
// or "".
std::string expr_problem(std::string_view expr) {
    int depth = 0;
    for (std::size_t i = 0; i < expr.size(); ++i) {
        char c = expr[i];
        if (c == '\'') {
            // a plain character constant, as in _IOR('f', 1, long)
            if (i + 2 >= expr.size() || expr[i + 2] != '\'' || expr[i + 1] == '\\' ||
                expr[i + 1] == '\'' || static_cast<unsigned char>(expr[i + 1]) < 0x20)
                return "contains a character constant other than 'x'";
            i += 2;
            continue;
        }
        if (c == ';' || c == '{' || c == '}' || c == '"' || c == '#' || c == '\\' || c == '`')
            return std::string("contains '") + c + "'";
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
            return "contains a control character";
        if (static_cast<unsigned char>(c) >= 0x7f)
            return "contains a non-ASCII character";
        if (c == '/' && i + 1 < expr.size() && (expr[i + 1] == '*' || expr[i + 1] == '/'))
            return "contains a comment";
        if (c == '(')
            ++depth;
        if (c == ')' && --depth < 0)
            return "has an unbalanced ')'";
    }
    if (depth != 0)
        return "has an unbalanced '('";
    return {};
}

// Throws unless every expression of SPECS can be pasted into C.
void check_expressions(const SpecSet& set) {
    for (std::size_t i = 0; i < set.structs.size(); ++i) {
        const StructSpec& st = set.structs[i];
        const std::string where = "struct " + std::to_string(i) + " (" + st.name + "): ";
        auto check = [&](const Num& n, const std::string& what) {
            if (n.expr.empty())
                return;
            if (std::string why = expr_problem(n.expr); !why.empty())
                throw detail::LayoutError(where + what + " expression '" + n.expr +
                                              "' cannot be used in C: " + why,
                                          -1);
        };
        check(st.size, "size");
        check(st.alignment, "alignment");
        for (std::size_t j = 0; j < st.fields.size(); ++j) {
            const StructField& f = st.fields[j];
            const std::string fw = "field " + std::to_string(j) + ": ";
            check(f.offset, fw + "offset");
            check(f.size, fw + "size");
            check(f.min, fw + "min");
            check(f.max, fw + "max");
            check(f.mask, fw + "mask");
            for (std::size_t k = 0; k < f.values.size(); ++k)
                check(f.values[k], fw + "value " + std::to_string(k));
            if (!f.violation_error.empty() && !is_identifier(f.violation_error) &&
                !is_errno_number(f.violation_error))
                throw detail::LayoutError(where + fw + "violation_error '" + f.violation_error +
                                              "' is not an errno name",
                                          -1);
        }
    }
    for (std::size_t i = 0; i < set.specs.size(); ++i) {
        const Spec& s = set.specs[i];
        const std::string spec = "spec " + std::to_string(i) + " (" + s.name + "): ";
        auto check = [&](const Num& n, const std::string& where) {
            if (n.expr.empty())
                return;
            if (std::string why = expr_problem(n.expr); !why.empty())
                throw detail::LayoutError(spec + where + " expression '" + n.expr +
                                              "' cannot be used in C: " + why,
                                          static_cast<int>(i));
        };
        check(s.ioctl_cmd, "ioctl_cmd");
        check(s.ret.success_min, "return: success_min");
        check(s.ret.success_max, "return: success_max");
        for (std::size_t j = 0; j < s.params.size(); ++j) {
            const Param& p = s.params[j];
            const std::string where = "param " + std::to_string(j) + ": ";
            check(p.size, where + "size");
            check(p.size_mult, where + "size_mult");
            check(p.alignment, where + "alignment");
            check(p.min, where + "min");
            check(p.max, where + "max");
            check(p.mask, where + "mask");
            check(p.max_count, where + "max_count");
            for (std::size_t k = 0; k < p.values.size(); ++k)
                check(p.values[k], where + "value " + std::to_string(k));
        }
        for (std::size_t j = 0; j < s.signals.size(); ++j)
            check(s.signals[j].number, "signal " + std::to_string(j) + ": number");
        for (std::size_t j = 0; j < s.caps.size(); ++j)
            check(s.caps[j].cap, "cap " + std::to_string(j) + ": cap");
        // Errno names are written as -NAME; a decoded image may also hold
        // plain numbers ("-135").
        auto errno_name_ok = [&](const std::string& name, const std::string& where) {
            if (name.empty() || is_identifier(name) || is_errno_number(name))
                return;
            throw detail::LayoutError(spec + where + " '" + name + "' is not an errno name",
                                      static_cast<int>(i));
        };
        for (std::size_t j = 0; j < s.errors.size(); ++j)
            errno_name_ok(s.errors[j].name, "error " + std::to_string(j) + ": name");
        for (std::size_t j = 0; j < s.params.size(); ++j)
            errno_name_ok(s.params[j].violation_error,
                          "param " + std::to_string(j) + ": violation_error");
        for (std::size_t j = 0; j < s.signals.size(); ++j)
            errno_name_ok(s.signals[j].error, "signal " + std::to_string(j) + ": error");
    }
}

// A short, comment-safe preview of S.
std::string preview(std::string_view s) {
    constexpr std::size_t kMax = 40;
    std::string out = comment_safe(s.substr(0, kMax));
    if (s.size() > kMax)
        out += "...";
    return out;
}

std::string hex_or_zero(std::uint32_t v) {
    return v == 0 ? "0" : hex(v);
}

class Writer {
public:
    Writer(const SpecSet& set, const ImageLayout& l) : set_(set), l_(l) {}

    // The whole C file: a comment, the includes, the object's type, the
    // object, the two symbols and the static assertions on the values.
    std::string run(const std::vector<std::string>& includes, const std::string& symbol);

private:
    void line(int indent, const std::string& text) {
        out_.append(static_cast<std::size_t>(indent), '\t');
        out_ += text;
        out_ += '\n';
    }

    // ".name = VALUE," with an optional comment; nothing if VALUE is "0".
    void field(int indent, std::string_view name, const std::string& value,
               const std::string& comment = {}) {
        if (value == "0")
            return;
        std::string text = "." + std::string(name) + " = " + value + ",";
        if (!comment.empty())
            text += " /* " + comment + " */";
        line(indent, text);
    }

    void str_field(int indent, std::string_view name, std::uint32_t off) {
        if (off != 0)
            field(indent, name, std::to_string(off), "\"" + preview(l_.string_at(off)) + "\"");
    }

    // The number as a C expression: its expression text, or its value.
    std::string num_expr_c(const kapi_image_num& n) {
        if (n.expr != 0)
            return std::string(l_.string_at(n.expr));
        return s64_literal(n.value);
    }

    std::string num_c(const kapi_image_num& n) {
        std::string out;
        if (n.expr != 0) {
            std::string_view expr = l_.string_at(n.expr);
            out = "{ .value = (__force __s64)(" + std::string(expr) +
                  "), .expr = " + std::to_string(n.expr) + " }";
        } else if (n.value != 0) {
            out = "{ .value = " + s64_literal(n.value) + " }";
        }
        return out.empty() ? "0" : out;
    }

    void num_field(int indent, std::string_view name, const kapi_image_num& n) {
        std::string v = num_c(n);
        if (v != "0")
            field(indent, name, v);
    }

    // A struct kapi_image_num32: the expression cast to __s32 (an ioctl
    // command's unsigned 32 bits included), or the literal.
    void num32_field(int indent, std::string_view name, const kapi_image_num32& n) {
        if (n.expr != 0) {
            std::string_view expr = l_.string_at(n.expr);
            field(indent, name,
                  "{ .value = (__force __s32)(" + std::string(expr) +
                      "), .expr = " + std::to_string(n.expr) + " }");
        } else if (n.value != 0) {
            field(indent, name, "{ .value = " + s32_literal(n.value) + " }");
        }
    }

    // An errno field: -NAME for a name, else the number.
    std::string errno_c(const std::string& name, std::int32_t code) {
        if (is_identifier(name)) {
            errnos_.insert(name);
            return "-" + name;
        }
        return std::to_string(code);
    }

    void slice_field(int indent, std::string_view name, const kapi_image_slice& s) {
        if (s.count != 0)
            field(indent, name,
                  "{ .first = " + std::to_string(s.first) +
                      ", .count = " + std::to_string(s.count) + " }");
    }

    void count_records();
    std::string object_definition();
    void file_comment(const std::string& symbol);
    void include_lines(const std::vector<std::string>& includes);
    void struct_definition();
    void symbol_definitions(const std::string& symbol);
    void static_asserts();

    void header();
    void specs();
    void params();
    void errors();
    void locks();
    void signals();
    void effects();
    void transitions();
    void caps();
    void constraints();
    void values();
    void objects();
    void strings();
    void structs();
    void fields();

    // Opens ".NAME = {" of table ID if it has records; false if empty.
    bool open_table(std::size_t id) {
        if (counts_[id] == 0)
            return false;
        line(1, "." + std::string(detail::kTableNames[id]) + " = {");
        return true;
    }

    const SpecSet& set_;
    const ImageLayout& l_;
    std::string out_;
    std::size_t counts_[KAPI_TABLE_COUNT] = {};
    std::set<std::string> errnos_; // errno names written as -NAME
};

void Writer::header() {
    line(1, ".header = {");
    line(2, ".magic = KAPI_IMAGE_MAGIC,");
    line(2, ".version_major = KAPI_IMAGE_VERSION_MAJOR,");
    line(2, ".version_minor = KAPI_IMAGE_VERSION_MINOR,");
    line(2, ".size = sizeof(" + std::string(kStruct) + "),");
    line(2, ".header_size = sizeof(struct kapi_image_header),");
    line(2, ".table_count = KAPI_TABLE_COUNT,");
    line(2, ".tables = {");
    for (std::size_t id = 0; id < KAPI_TABLE_COUNT; ++id) {
        // An empty table has no member: it starts where the next one does,
        // which is where encode_image() puts it too. The string table is
        // never empty.
        // Empty tables after it stand at the end, as in encode_image().
        std::size_t at = id;
        while (at < KAPI_TABLE_COUNT && counts_[at] == 0)
            ++at;
        std::string entsize =
            id == KAPI_TABLE_STRINGS ? "1" : "sizeof(" + std::string(kRecordTypes[id]) + ")";
        line(3, "[" + std::string(kTableIds[id]) + "] = {");
        if (at == KAPI_TABLE_COUNT)
            line(4, ".offset = sizeof(" + std::string(kStruct) + "),");
        else
            line(4, ".offset = offsetof(" + std::string(kStruct) + ", " +
                        detail::kTableNames[at] + "),");
        line(4, ".count = " + std::to_string(counts_[id]) + ",");
        line(4, ".entsize = " + entsize + ",");
        line(3, "},");
    }
    line(2, "},");
    line(1, "},");
}

void Writer::specs() {
    if (!open_table(KAPI_TABLE_SPECS))
        return;
    for (std::size_t i = 0; i < l_.specs.size(); ++i) {
        const kapi_image_spec& r = l_.specs[i];
        line(2, "[" + std::to_string(i) + "] = { /* " + preview(l_.string_at(r.name)) + " */");
        str_field(3, "name", r.name);
        field(3, "kind", enum_c(EnumKind::ApiKind, r.kind));
        str_field(3, "summary", r.summary);
        str_field(3, "description", r.description);
        field(3, "context", bits_c(EnumKind::ContextFlags, r.context));
        field(3, "flags", bits_c(EnumKind::SpecFlags, r.flags));
        str_field(3, "since", r.since);
        str_field(3, "replacement", r.replacement);
        str_field(3, "examples", r.examples);
        str_field(3, "notes", r.notes);
        str_field(3, "source_file", r.source_file);
        field(3, "source_line", std::to_string(r.source_line));
        num32_field(3, "ioctl_cmd", r.ioctl_cmd);
        slice_field(3, "params", r.params);
        slice_field(3, "errors", r.errors);
        slice_field(3, "locks", r.locks);
        slice_field(3, "signals", r.signals);
        slice_field(3, "effects", r.effects);
        slice_field(3, "transitions", r.transitions);
        slice_field(3, "caps", r.caps);
        slice_field(3, "constraints", r.constraints);
        line(3, ".ret = {");
        str_field(4, "type_name", r.ret.type_name);
        field(4, "type", enum_c(EnumKind::ParamType, r.ret.type));
        field(4, "check", enum_c(EnumKind::ReturnCheck, r.ret.check));
        str_field(4, "description", r.ret.description);
        num_field(4, "success_min", r.ret.success_min);
        num_field(4, "success_max", r.ret.success_max);
        line(3, "},");
        line(2, "},");
    }
    line(1, "},");
}

void Writer::params() {
    if (!open_table(KAPI_TABLE_PARAMS))
        return;
    for (std::size_t i = 0; i < l_.params.size(); ++i) {
        const kapi_image_param& r = l_.params[i];
        line(2, "[" + std::to_string(i) + "] = { /* " + preview(l_.string_at(r.name)) + " */");
        str_field(3, "name", r.name);
        str_field(3, "type_name", r.type_name);
        str_field(3, "description", r.description);
        str_field(3, "constraint_text", r.constraint_text);
        field(3, "type", enum_c(EnumKind::ParamType, r.type));
        field(3, "flags", bits_c(EnumKind::ParamFlags, r.flags));
        field(3, "constraint", enum_c(EnumKind::ConstraintType, r.constraint));
        field(3, "size_param", std::to_string(r.size_param));
        num_field(3, "size", r.size);
        num_field(3, "size_mult", r.size_mult);
        num32_field(3, "alignment", r.alignment);
        num_field(3, "min", r.min);
        num_field(3, "max", r.max);
        num_field(3, "mask", r.mask);
        slice_field(3, "values", r.values);
        field(3, "violation_error", errno_c(l_.param_violation_names[i], r.violation_error));
        if (r.order)
            field(3, "order",
                  std::to_string(r.order & KAPI_PARAM_ORDER_RANK) +
                      (r.order & KAPI_PARAM_ORDER_AUDIT ? " | KAPI_PARAM_ORDER_AUDIT" : ""));
        if (r.struct_id)
            field(3, "struct_id", std::to_string(r.struct_id),
                  "struct " + preview(l_.string_at(l_.structs[r.struct_id - 1].name)));
        field(3, "count_param", std::to_string(r.count_param));
        num_field(3, "max_count", r.max_count);
        line(2, "},");
    }
    line(1, "},");
}

void Writer::errors() {
    if (!open_table(KAPI_TABLE_ERRORS))
        return;
    for (std::size_t i = 0; i < l_.errors.size(); ++i) {
        const kapi_image_error& r = l_.errors[i];
        line(2, "[" + std::to_string(i) + "] = {");
        field(3, "code", errno_c(std::string(l_.string_at(r.name)), r.code));
        str_field(3, "name", r.name);
        str_field(3, "condition", r.condition);
        str_field(3, "description", r.description);
        slice_field(3, "objects", r.objects);
        line(2, "},");
    }
    line(1, "},");
}

void Writer::locks() {
    if (!open_table(KAPI_TABLE_LOCKS))
        return;
    for (std::size_t i = 0; i < l_.locks.size(); ++i) {
        const kapi_image_lock& r = l_.locks[i];
        line(2, "[" + std::to_string(i) + "] = {");
        str_field(3, "name", r.name);
        field(3, "type", enum_c(EnumKind::LockType, r.type));
        field(3, "scope", enum_c(EnumKind::LockScope, r.scope));
        str_field(3, "description", r.description);
        line(2, "},");
    }
    line(1, "},");
}

void Writer::signals() {
    if (!open_table(KAPI_TABLE_SIGNALS))
        return;
    for (std::size_t i = 0; i < l_.signals.size(); ++i) {
        const kapi_image_signal& r = l_.signals[i];
        line(2, "[" + std::to_string(i) + "] = {");
        num32_field(3, "number", r.number);
        str_field(3, "name", r.name);
        field(3, "direction", bits_c(EnumKind::SignalDirection, r.direction));
        field(3, "action", enum_c(EnumKind::SignalAction, r.action));
        field(3, "timing", enum_c(EnumKind::SignalTiming, r.timing));
        field(3, "flags", bits_c(EnumKind::SignalFlags, r.flags));
        field(3, "error", errno_c(l_.signal_error_names[i], r.error));
        str_field(3, "target", r.target);
        str_field(3, "condition", r.condition);
        str_field(3, "description", r.description);
        field(3, "priority", std::to_string(r.priority));
        field(3, "sa_flags_required", hex_or_zero(r.sa_flags_required));
        field(3, "sa_flags_forbidden", hex_or_zero(r.sa_flags_forbidden));
        field(3, "transform_to", std::to_string(r.transform_to));
        field(3, "state_required", bits_c(EnumKind::SignalState, r.state_required));
        field(3, "state_forbidden", bits_c(EnumKind::SignalState, r.state_forbidden));
        str_field(3, "queue", r.queue);
        line(2, "},");
    }
    line(1, "},");
}

void Writer::effects() {
    if (!open_table(KAPI_TABLE_EFFECTS))
        return;
    for (std::size_t i = 0; i < l_.effects.size(); ++i) {
        const kapi_image_effect& r = l_.effects[i];
        line(2, "[" + std::to_string(i) + "] = {");
        field(3, "type", bits_c(EnumKind::EffectType, r.type));
        field(3, "flags", bits_c(EnumKind::EffectFlags, r.flags));
        str_field(3, "target", r.target);
        str_field(3, "condition", r.condition);
        str_field(3, "description", r.description);
        line(2, "},");
    }
    line(1, "},");
}

void Writer::transitions() {
    if (!open_table(KAPI_TABLE_TRANSITIONS))
        return;
    for (std::size_t i = 0; i < l_.transitions.size(); ++i) {
        const kapi_image_transition& r = l_.transitions[i];
        line(2, "[" + std::to_string(i) + "] = {");
        str_field(3, "object", r.object);
        str_field(3, "from", r.from);
        str_field(3, "to", r.to);
        str_field(3, "condition", r.condition);
        str_field(3, "description", r.description);
        line(2, "},");
    }
    line(1, "},");
}

void Writer::caps() {
    if (!open_table(KAPI_TABLE_CAPS))
        return;
    for (std::size_t i = 0; i < l_.caps.size(); ++i) {
        const kapi_image_cap& r = l_.caps[i];
        line(2, "[" + std::to_string(i) + "] = {");
        num32_field(3, "cap", r.cap);
        str_field(3, "name", r.name);
        field(3, "action", enum_c(EnumKind::CapabilityAction, r.action));
        str_field(3, "allows", r.allows);
        str_field(3, "without", r.without);
        str_field(3, "condition", r.condition);
        field(3, "priority", std::to_string(r.priority));
        line(2, "},");
    }
    line(1, "},");
}

void Writer::constraints() {
    if (!open_table(KAPI_TABLE_CONSTRAINTS))
        return;
    for (std::size_t i = 0; i < l_.constraints.size(); ++i) {
        const kapi_image_constraint& r = l_.constraints[i];
        line(2, "[" + std::to_string(i) + "] = {");
        str_field(3, "name", r.name);
        str_field(3, "description", r.description);
        str_field(3, "expr", r.expr);
        line(2, "},");
    }
    line(1, "},");
}

void Writer::values() {
    if (!open_table(KAPI_TABLE_VALUES))
        return;
    for (std::size_t i = 0; i < l_.values.size(); ++i) {
        std::string v = num_c(l_.values[i]);
        line(2, "[" + std::to_string(i) + "] = " + (v == "0" ? "{ 0 }" : v) + ",");
    }
    line(1, "},");
}

void Writer::objects() {
    if (!open_table(KAPI_TABLE_OBJECTS))
        return;
    for (std::size_t i = 0; i < l_.objects.size(); ++i) {
        const kapi_image_object& r = l_.objects[i];
        std::string_view type = r.type < object_type_table().size()
                                    ? object_type_table()[r.type].ident
                                    : std::string_view{};
        std::string_view impl = r.impl < object_impl_table().size()
                                    ? object_impl_table()[r.impl].ident
                                    : std::string_view{};
        line(2,
             "[" + std::to_string(i) + "] = { /* " + object_selector_name(r.type, r.impl) + " */");
        field(3, "type", type.empty() ? std::to_string(r.type) : std::string(type));
        field(3, "impl", impl.empty() ? std::to_string(r.impl) : std::string(impl));
        line(2, "},");
    }
    line(1, "},");
}

void Writer::strings() {
    // One literal per string, each with its offset. The last string's NUL
    // is the literal's own terminator, so the array is exactly full.
    constexpr std::size_t kChunk = 64;
    line(1, ".strings =");
    std::string_view all = l_.strings;
    std::size_t off = 0;
    while (off < all.size()) {
        std::size_t end = all.find('\0', off);
        std::string_view s = all.substr(off, end - off);
        bool last = end + 1 == all.size();
        std::string comment = "/* " + std::to_string(off) + " */ ";
        if (s.empty()) {
            line(2, comment + (last ? "\"\"," : "\"\\0\""));
        }
        for (std::size_t pos = 0; pos < s.size(); pos += kChunk) {
            bool final_piece = pos + kChunk >= s.size();
            std::string text = "\"" + c_escape(s.substr(pos, kChunk));
            if (final_piece && !last)
                text += "\\0";
            text += "\"";
            if (final_piece && last)
                text += ",";
            line(2, (pos == 0 ? comment : std::string()) + text);
        }
        off = end + 1;
    }
}

void Writer::structs() {
    if (!open_table(KAPI_TABLE_STRUCTS))
        return;
    for (std::size_t i = 0; i < l_.structs.size(); ++i) {
        const kapi_image_struct& r = l_.structs[i];
        line(2, "[" + std::to_string(i) + "] = { /* " + preview(l_.string_at(r.name)) + " */");
        str_field(3, "name", r.name);
        str_field(3, "description", r.description);
        num_field(3, "size", r.size);
        num32_field(3, "alignment", r.alignment);
        slice_field(3, "fields", r.fields);
        line(2, "},");
    }
    line(1, "},");
}

void Writer::fields() {
    if (!open_table(KAPI_TABLE_FIELDS))
        return;
    for (std::size_t i = 0; i < l_.fields.size(); ++i) {
        const kapi_image_struct_field& r = l_.fields[i];
        line(2, "[" + std::to_string(i) + "] = { /* " + preview(l_.string_at(r.name)) + " */");
        str_field(3, "name", r.name);
        str_field(3, "type_name", r.type_name);
        str_field(3, "description", r.description);
        field(3, "type", enum_c(EnumKind::ParamType, r.type));
        field(3, "flags", bits_c(EnumKind::ParamFlags, r.flags));
        field(3, "constraint", enum_c(EnumKind::ConstraintType, r.constraint));
        num_field(3, "offset", r.offset);
        num_field(3, "size", r.size);
        num_field(3, "min", r.min);
        num_field(3, "max", r.max);
        num_field(3, "mask", r.mask);
        slice_field(3, "values", r.values);
        field(3, "violation_error", errno_c(l_.field_violation_names[i], r.violation_error));
        line(2, "},");
    }
    line(1, "},");
}

void Writer::count_records() {
    counts_[KAPI_TABLE_SPECS] = l_.specs.size();
    counts_[KAPI_TABLE_PARAMS] = l_.params.size();
    counts_[KAPI_TABLE_ERRORS] = l_.errors.size();
    counts_[KAPI_TABLE_LOCKS] = l_.locks.size();
    counts_[KAPI_TABLE_SIGNALS] = l_.signals.size();
    counts_[KAPI_TABLE_EFFECTS] = l_.effects.size();
    counts_[KAPI_TABLE_TRANSITIONS] = l_.transitions.size();
    counts_[KAPI_TABLE_CAPS] = l_.caps.size();
    counts_[KAPI_TABLE_CONSTRAINTS] = l_.constraints.size();
    counts_[KAPI_TABLE_VALUES] = l_.values.size();
    counts_[KAPI_TABLE_OBJECTS] = l_.objects.size();
    counts_[KAPI_TABLE_STRINGS] = l_.strings.size();
    counts_[KAPI_TABLE_STRUCTS] = l_.structs.size();
    counts_[KAPI_TABLE_FIELDS] = l_.fields.size();
}

std::string Writer::object_definition() {
    line(0, "static const " + std::string(kStruct) + " " + std::string(kObject));
    line(1, "__section(KAPI_IMAGE_SECTION) __aligned(KAPI_IMAGE_ALIGN) __used = {");
    header();
    specs();
    params();
    errors();
    locks();
    signals();
    effects();
    transitions();
    caps();
    constraints();
    values();
    objects();
    strings();
    structs();
    fields();
    line(0, "};");
    return std::exchange(out_, {});
}

void Writer::file_comment(const std::string& symbol) {
    line(0, "// SPDX-License-Identifier: GPL-2.0");
    line(0, "/*");
    line(0, " * Generated by kapi-gen; do not edit. The spec image (see");
    line(0, " * Documentation/image-format.rst) of " + std::to_string(l_.specs.size()) +
                " spec(s), as one object in section");
    line(0, " * KAPI_IMAGE_SECTION. Numbers are C expressions that the compiler evaluates");
    line(0, " * against the target kernel's headers; offsets and sizes come from");
    line(0, " * offsetof() and sizeof(). It defines two symbols:");
    line(0, " *");
    line(0, " *   const void *const " + symbol + "_data;   the image");
    line(0, " *   const size_t " + symbol + "_size;        its size in bytes");
    if (!set_.specs.empty()) {
        line(0, " *");
        line(0, " * Specs:");
        for (const Spec& s : set_.specs)
            line(0, " *   " + comment_safe(s.name) + " (" + comment_safe(s.source.file) + ":" +
                        std::to_string(s.source.line) + ")");
    }
    line(0, " */");
}

// The spec files' own includes, then what the generated code uses; each once.
void Writer::include_lines(const std::vector<std::string>& includes) {
    std::vector<std::string> lines;
    std::set<std::string> seen;
    auto add = [&](const std::string& inc) {
        if (seen.insert(inc).second)
            lines.push_back(inc);
    };
    for (const std::string& inc : includes)
        add(inc);
    add("#include <linux/types.h>");
    add("#include <linux/stddef.h>");
    add("#include <linux/errno.h>");
    if (!l_.caps.empty())
        add("#include <linux/capability.h>");
    if (!l_.signals.empty())
        add("#include <linux/signal.h>");
    add("#include \"uapi/linux/kapi.h\"");
    for (const std::string& inc : lines)
        line(0, inc);
}

// The object's type: the header, then one array per table that has records.
void Writer::struct_definition() {
    line(0, std::string(kStruct) + " {");
    line(1, "struct kapi_image_header header;");
    for (std::size_t id = 0; id < KAPI_TABLE_COUNT; ++id)
        if (counts_[id] != 0)
            line(1, std::string(kRecordTypes[id]) + " " + detail::kTableNames[id] + "[" +
                        std::to_string(counts_[id]) + "] __aligned(KAPI_IMAGE_ALIGN);");
    line(0, "};");
}

void Writer::symbol_definitions(const std::string& symbol) {
    line(0, "extern const void *const " + symbol + "_data;");
    line(0, "extern const size_t " + symbol + "_size;");
    line(0, "const void *const " + symbol + "_data = &" + std::string(kObject) + ";");
    line(0, "const size_t " + symbol + "_size = sizeof(" + std::string(kObject) + ");");
}

// What the compiler must confirm about the target's values.
void Writer::static_asserts() {
    for (const std::string& e : errnos_)
        line(0, "_Static_assert((" + e + ") > 0 && (" + e + ") <= 4095, \"" + e +
                    " is not an errno number\");");
    // The 32-bit fields: an ioctl command is a __u32, an alignment an
    // __s32 (signals and capabilities are checked more tightly below).
    for (std::size_t i = 0; i < l_.specs.size(); ++i) {
        const kapi_image_spec& r = l_.specs[i];
        const std::string spec =
            "spec " + std::to_string(i) + " (" + c_escape(l_.string_at(r.name)) + ")";
        if (r.ioctl_cmd.expr != 0) {
            std::string e(l_.string_at(r.ioctl_cmd.expr));
            line(0, "_Static_assert((unsigned long long)(" + e + ") <= 0xffffffffULL, \"" + spec +
                        ": ioctl_cmd is not a 32-bit ioctl command\");");
        }
        for (std::uint32_t j = 0; j < r.params.count; ++j) {
            const kapi_image_param& p = l_.params[r.params.first + j];
            if (p.alignment.expr == 0)
                continue;
            std::string e(l_.string_at(p.alignment.expr));
            line(0, "_Static_assert((long long)(" + e + ") == (__s32)(" + e + "), \"" + spec +
                        ": param " + std::to_string(j) + " (" + c_escape(l_.string_at(p.name)) +
                        "): alignment does not fit in __s32\");");
        }
    }
    for (std::size_t i = 0; i < l_.signals.size(); ++i) {
        const kapi_image_num32& n = l_.signals[i].number;
        if (n.expr != 0) {
            std::string e(l_.string_at(n.expr));
            line(0, "_Static_assert((" + e + ") > 0 && (" + e + ") <= 64, \"signal " +
                        std::to_string(i) + " is not a signal number\");");
        }
    }
    for (std::size_t i = 0; i < l_.caps.size(); ++i) {
        const kapi_image_num32& n = l_.caps[i].cap;
        if (n.expr != 0) {
            std::string e(l_.string_at(n.expr));
            line(0, "_Static_assert((" + e + ") >= 0 && (" + e + ") <= CAP_LAST_CAP, \"cap " +
                        std::to_string(i) + " is not a capability\");");
        }
    }
    // A struct's fields lie inside it on the target kernel, as kapi.ko
    // requires (the parser checks only what it can evaluate).
    for (const kapi_image_struct& st : l_.structs) {
        std::string sname = c_escape(l_.string_at(st.name));
        std::string size = num_expr_c(st.size);
        for (std::uint32_t j = 0; j < st.fields.count; ++j) {
            const kapi_image_struct_field& f = l_.fields[st.fields.first + j];
            line(0, "_Static_assert((long long)(" + num_expr_c(f.offset) + ") >= 0 && (long long)(" +
                        num_expr_c(f.size) + ") >= 0 && (unsigned long long)(" +
                        num_expr_c(f.offset) + ") + (unsigned long long)(" + num_expr_c(f.size) +
                        ") <= (unsigned long long)(" + size + "), \"struct " + sname + ": field " +
                        c_escape(l_.string_at(f.name)) + " lies beyond the struct\");");
        }
    }
    line(0, "_Static_assert(sizeof(" + std::string(kObject) +
                ") <= KAPI_IMAGE_MAX_SIZE, \"spec image too large\");");
}

std::string Writer::run(const std::vector<std::string>& includes, const std::string& symbol) {
    count_records();
    // The object first: writing it collects the errno names to check.
    std::string object = object_definition();
    file_comment(symbol);
    include_lines(includes);
    line(0, "");
    struct_definition();
    line(0, "");
    out_ += object;
    line(0, "");
    symbol_definitions(symbol);
    line(0, "");
    static_asserts();
    return std::move(out_);
}

} // namespace

std::string check_specs(const SpecSet& specs, int* spec_index) {
    if (spec_index != nullptr)
        *spec_index = -1;
    try {
        check_expressions(specs);
        std::vector<std::uint8_t> bytes =
            detail::serialize(detail::build_layout(specs, detail::LayoutMode::Generate));
        DecodeResult r = decode_image(bytes);
        if (spec_index != nullptr)
            *spec_index = r.error_spec;
        return r.error;
    } catch (const detail::LayoutError& e) {
        if (spec_index != nullptr)
            *spec_index = e.spec();
        return e.what();
    } catch (const Error& e) {
        return e.what();
    }
}

ImageLayout detail::generated_layout(const SpecSet& specs, const std::string& symbol) {
    if (!is_identifier(symbol))
        throw Error(ExitCode::Usage, "symbol '" + symbol + "' is not a C identifier");
    if (std::string problem = check_specs(specs); !problem.empty())
        throw Error(ExitCode::Usage, problem);
    return detail::build_layout(specs, detail::LayoutMode::Generate);
}

std::string generate_c(const SpecSet& specs, const std::vector<std::string>& includes,
                       const std::string& symbol) {
    ImageLayout layout = detail::generated_layout(specs, symbol);
    detail::layout_geometry(layout); // throws if too large
    return Writer(specs, layout).run(includes, symbol);
}

} // namespace kapi
