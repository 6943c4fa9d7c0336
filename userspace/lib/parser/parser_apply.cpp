// SPDX-License-Identifier: GPL-2.0
//
// The block handlers of the comment parser: one function per block tag
// (param:, return:, error:, lock:, signal:, side-effect:, state-trans:,
// capability:, constraint:) that reads the block's head and sub-keys into
// the spec, and the value readers they share (tokens of the name tables,
// numbers, error, signal and sigaction names, yes or no). A bad value is a
// diagnostic at its line; the rest of the block is still read.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/names.h"
#include "parser_internal.h"
#include "parser_spec.h"
#include "util.h"

namespace kapi::detail {

namespace {

// The text after the n-th comma outside parentheses, commas and all.
std::string after_comma(std::string_view s, int n) {
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (s[i] == '(' || s[i] == '[')
            depth++;
        else if ((s[i] == ')' || s[i] == ']') && depth > 0)
            depth--;
        else if (s[i] == ',' && depth == 0 && --n == 0)
            return std::string(trim(s.substr(i + 1)));
    }
    return {};
}

// The short tokens of a table, for "expected one of" hints.
std::string expected_tokens(const EnumTable& table) {
    std::string out;
    for (const EnumEntry& e : table.entries) {
        if (e.token.empty())
            continue;
        if (!out.empty())
            out += ", ";
        out += e.token;
    }
    return out;
}

} // namespace

std::optional<std::uint32_t> SpecParser::lookup(EnumKind kind, std::string_view token,
                                                std::uint32_t line) {
    const EnumTable& table = enum_table(kind);
    std::string_view t = trim(token);
    if (t.empty()) {
        error(line, "missing " + std::string(table.what));
        return std::nullopt;
    }
    if (std::optional<std::uint32_t> v = enum_lookup(table, t))
        return v;
    error(line, "unknown " + std::string(table.what) + " '" + std::string(t) +
                    "' (expected one of: " + expected_tokens(table) + ")");
    return std::nullopt;
}

// A bit set written as tokens joined by '|' or ','.
std::optional<std::uint32_t> SpecParser::lookup_bits(EnumKind kind, std::string_view text,
                                                     std::uint32_t line) {
    std::vector<std::string> tokens = split_any(text, "|,");
    if (tokens.empty()) {
        error(line, "missing " + std::string(enum_table(kind).what));
        return std::nullopt;
    }
    std::uint32_t bits = 0;
    bool ok = true;
    for (const std::string& t : tokens) {
        std::optional<std::uint32_t> v = lookup(kind, t, line);
        if (v)
            bits |= *v;
        ok = ok && v;
    }
    if (!ok)
        return std::nullopt;
    return bits;
}

bool SpecParser::number(std::string_view text, Num& out, std::uint32_t line,
                        std::string_view what) {
    std::string why;
    if (parse_num(text, out, why))
        return true;
    error(line, std::string(what) + ": " + why);
    return false;
}

// A small unsigned number the parser must know (priority, ...).
std::optional<std::uint32_t> SpecParser::small_number(std::string_view text, std::uint32_t line,
                                                      std::string_view what) {
    Num n;
    if (!number(text, n, line, what))
        return std::nullopt;
    if (!n.value || *n.value < 0 || *n.value > std::numeric_limits<std::uint32_t>::max()) {
        error(line, std::string(what) + ": expected a number from 0 to 4294967295, got '" +
                        std::string(trim(text)) + "'");
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(*n.value);
}

// "-EINTR", "EINTR", "-4" or "4" -> "EINTR".
std::optional<std::string> SpecParser::errno_token(std::string_view text, std::uint32_t line) {
    std::string_view t = trim(text);
    if (std::optional<std::int64_t> n = parse_int_literal(t)) {
        constexpr std::int64_t max = std::numeric_limits<int>::max();
        std::string_view name;
        if (*n >= -max && *n <= max)
            name = errno_name(static_cast<int>(*n < 0 ? -*n : *n));
        if (name.empty()) {
            error(line, "unknown error number " + std::string(t));
            return std::nullopt;
        }
        return std::string(name);
    }
    if (t.starts_with("-"))
        t = trim(t.substr(1));
    if (t.empty()) {
        error(line, "missing error name");
        return std::nullopt;
    }
    if (!errno_value(t)) {
        error(line, "unknown error '" + std::string(t) + "'");
        return std::nullopt;
    }
    return std::string(t);
}

// "SIGINT" or a number from 1 to 64.
std::optional<int> SpecParser::signal_number(std::string_view text, std::uint32_t line) {
    std::string_view t = trim(text);
    if (std::optional<std::int64_t> n = parse_int_literal(t)) {
        if (*n < 1 || *n > 64) {
            error(line, "signal number " + std::string(t) + " is out of range 1..64");
            return std::nullopt;
        }
        return static_cast<int>(*n);
    }
    if (std::optional<int> v = signal_value(t))
        return v;
    error(line, "unknown signal '" + std::string(t) + "'");
    return std::nullopt;
}

// sigaction flags: SA_* names and numbers joined by '|' or ','.
std::optional<std::uint32_t> SpecParser::sa_flags(std::string_view text, std::uint32_t line) {
    std::uint32_t bits = 0;
    std::vector<std::string> tokens = split_any(text, "|,");
    if (tokens.empty()) {
        error(line, "missing sigaction flags");
        return std::nullopt;
    }
    for (const std::string& t : tokens) {
        if (std::optional<std::uint32_t> v = sa_flag_value(t)) {
            bits |= *v;
        } else if (std::optional<std::int64_t> n = parse_int_literal(t);
                   n && *n >= 0 && *n <= std::numeric_limits<std::uint32_t>::max()) {
            bits |= static_cast<std::uint32_t>(*n);
        } else {
            error(line, "unknown sigaction flag '" + t + "'");
            return std::nullopt;
        }
    }
    return bits;
}

std::optional<bool> SpecParser::yes_no(const Field& f, std::string_view what) {
    std::string v = lower(f.value());
    if (v == "yes" || v == "true" || v == "1")
        return true;
    if (v == "no" || v == "false" || v == "0")
        return false;
    error(f.line, std::string(what) + ": expected yes or no, got '" + f.value() + "'");
    return std::nullopt;
}

void SpecParser::apply_param(const Block& b) {
    std::string name = b.head_value();
    if (!is_identifier(name)) {
        error(b.line, name.empty() ? "param: missing parameter name"
                                   : "param: '" + name + "' is not a parameter name");
        return;
    }
    for (const ParamDraft& d : drafts_)
        if (d.param.name == name) {
            error(b.line,
                  "duplicate 'param: " + name + "' (first on line " + std::to_string(d.line) + ")");
            return;
        }
    ParamDraft d;
    d.param.name = name;
    d.line = b.line;
    Param& p = d.param;

    if (const Field* f = b.field("type")) {
        // "fd" or "fd, input": the type, then flags
        std::vector<std::string> tokens = split_any(f->value(), ",|");
        if (tokens.empty()) {
            error(f->line, "missing param type");
        } else if (std::optional<std::uint32_t> type =
                       lookup(EnumKind::ParamType, tokens[0], f->line)) {
            p.type = *type;
        }
        for (std::size_t i = 1; i < tokens.size(); i++)
            if (std::optional<std::uint32_t> flag =
                    lookup(EnumKind::ParamFlags, tokens[i], f->line))
                p.flags |= *flag;
    }
    if (const Field* f = b.field("flags"))
        if (std::optional<std::uint32_t> flags =
                lookup_bits(EnumKind::ParamFlags, f->value(), f->line))
            p.flags |= *flags;
    // user-space pointers and paths are user memory, whichever way written
    if (p.type == KAPI_TYPE_USER_PTR || p.type == KAPI_TYPE_PATH)
        p.flags |= KAPI_PARAM_USER;

    // Which aux values the constraint-type expression set: the long-form
    // keys must not set them again.
    std::vector<std::string> set_by_expr;
    if (const Field* f = b.field("constraint-type"))
        apply_constraint_expr(d, *f, set_by_expr);

    auto twice = [&](const Field* f, std::string_view key) {
        for (const std::string& s : set_by_expr)
            if (s == key) {
                error(f->line,
                      "'" + std::string(key) + ":' repeats what constraint-type already gives");
                return true;
            }
        return false;
    };
    // meaningful only with some constraint types
    auto needs = [&](const Field* f, std::string_view key,
                     std::initializer_list<std::uint32_t> types) {
        for (std::uint32_t t : types)
            if (p.constraint == t)
                return true;
        std::string names;
        for (std::uint32_t t : types)
            names += (names.empty() ? "" : " or ") + std::string(constraint_type_name(t));
        error(f->line, "'" + std::string(key) + ":' needs constraint-type " + names + "; param '" +
                           p.name + "' has " + std::string(constraint_type_name(p.constraint)));
        return false;
    };

    if (const Field* f = b.field("range");
        f && !twice(f, "range") &&
        needs(f, "range", {KAPI_CONSTRAINT_RANGE, KAPI_CONSTRAINT_USER_STRING})) {
        std::vector<std::string> parts = split_top_level(f->value(), ',');
        if (parts.size() != 2)
            error(f->line, "range: expected 'MIN, MAX', got '" + f->value() + "'");
        else if (number(parts[0], p.min, f->line, "range"))
            number(parts[1], p.max, f->line, "range");
    }
    if (const Field* f = b.field("valid-mask");
        f && !twice(f, "valid-mask") && needs(f, "valid-mask", {KAPI_CONSTRAINT_MASK}))
        number(f->value(), p.mask, f->line, "valid-mask");
    if (const Field* f = b.field("valid-values");
        f && !twice(f, "valid-values") && needs(f, "valid-values", {KAPI_CONSTRAINT_ENUM})) {
        for (const std::string& v : split_top_level(f->value(), ',')) {
            Num n;
            if (number(v, n, f->line, "valid-values"))
                p.values.push_back(n);
        }
    }
    if (const Field* f = b.field("alignment"); f && !twice(f, "alignment"))
        number(f->value(), p.alignment, f->line, "alignment");
    if (const Field* f = b.field("size"); f && !twice(f, "size"))
        number(f->value(), p.size, f->line, "size");
    if (const Field* f = b.field("struct")) {
        std::string sname = f->value();
        if (sname.starts_with("struct "))
            sname = std::string(trim(std::string_view(sname).substr(7)));
        if (!is_identifier(sname))
            error(f->line, "struct: '" + f->value() + "' is not a struct name");
        p.struct_name = sname;
        d.struct_line = f->line;
    }
    if (const Field* f = b.field("count-param")) {
        if (p.struct_name.empty())
            error(f->line, "'count-param:' needs 'struct:' (an array of structs); param '" +
                               p.name + "' has none");
        d.count_param = f->value();
        d.count_param_line = f->line;
    }
    if (const Field* f = b.field("max-count")) {
        if (!b.field("count-param"))
            error(f->line, "'max-count:' needs 'count-param:'; param '" + p.name + "' has none");
        number(f->value(), p.max_count, f->line, "max-count");
    }
    if (const Field* f = b.field("size-param");
        f && !twice(f, "size-param") &&
        (!p.struct_name.empty() ||
         needs(f, "size-param", {KAPI_CONSTRAINT_BUFFER, KAPI_CONSTRAINT_FD}))) {
        d.size_param = f->value();
        d.size_param_line = f->line;
    }
    if (const Field* f = b.field("size-mult");
        f && !twice(f, "size-mult") && needs(f, "size-mult", {KAPI_CONSTRAINT_BUFFER}))
        number(f->value(), p.size_mult, f->line, "size-mult");
    if (const Field* f = b.field("cdesc"))
        p.constraint_text = f->value();
    if (const Field* f = b.field("desc")) {
        p.description = f->value();
        d.has_desc = true;
    }
    if (const Field* f = b.field("errno")) {
        if (std::optional<std::string> e = errno_token(f->value(), f->line))
            p.violation_error = *e;
        d.explicit_errno = true;
    }
    if (const Field* f = b.field("ctype")) {
        d.ctype = f->value();
        d.ctype_line = f->line;
    }
    if (const Field* f = b.field("fd-access");
        f && needs(f, "fd-access", {KAPI_CONSTRAINT_FD}))
        number(f->value(), p.mask, f->line, "fd-access");
    if (const Field* f = b.field("order")) {
        // "N" or "N, audit": the rank, and whether enforce leaves it alone
        std::vector<std::string> parts = split_top_level(f->value(), ',');
        std::optional<std::uint32_t> rank;
        if (!parts.empty())
            rank = small_number(parts[0], f->line, "order");
        if (rank && *rank > KAPI_PARAM_ORDER_RANK) {
            error(f->line, "order: the rank is at most " + std::to_string(KAPI_PARAM_ORDER_RANK));
            rank.reset();
        }
        if (rank)
            p.order = *rank;
        for (std::size_t i = 1; i < parts.size(); i++) {
            if (trim(parts[i]) == "audit")
                p.order |= KAPI_PARAM_ORDER_AUDIT;
            else
                error(f->line, "order: expected 'N' or 'N, audit', got '" + f->value() + "'");
        }
    }

    // what each constraint type needs
    auto require = [&](std::uint32_t type, bool present, std::string_view what) {
        if (p.constraint == type && !present && !d.expr_args)
            error(b.line, "param '" + p.name + "': " + std::string(constraint_type_name(type)) +
                              " needs " + std::string(what));
    };
    require(KAPI_CONSTRAINT_RANGE, !p.min.empty() || !p.max.empty() || b.field("range"),
            "'range: MIN, MAX' or range(MIN, MAX)");
    require(KAPI_CONSTRAINT_MASK, !p.mask.empty() || b.field("valid-mask"),
            "'valid-mask:' or mask(BITS)");
    require(KAPI_CONSTRAINT_ENUM, !p.values.empty() || b.field("valid-values"),
            "'valid-values:' or enum(VALUES)");
    require(KAPI_CONSTRAINT_ALIGNMENT, !p.alignment.empty() || b.field("alignment"),
            "'alignment:' or alignment(N)");
    require(KAPI_CONSTRAINT_BUFFER, !d.size_param.empty() || b.field("size-param"),
            "'size-param:' or buffer(PARAM)");
    require(KAPI_CONSTRAINT_FD, !p.mask.empty(), "'fd-access:'");
    if (p.constraint == KAPI_CONSTRAINT_BUFFER && p.size_mult.empty())
        p.size_mult.value = 1;

    drafts_.push_back(std::move(d));
}

// constraint-type: KAPI_CONSTRAINT_X, or the short form NAME / NAME(ARGS).
void SpecParser::apply_constraint_expr(ParamDraft& d, const Field& f,
                                       std::vector<std::string>& set_by) {
    Param& p = d.param;
    std::string text = f.value();
    std::string name = text;
    std::vector<std::string> args;
    bool has_args = false;
    if (std::size_t open = text.find('('); open != std::string::npos) {
        if (text.back() != ')') {
            error(f.line, "constraint-type: expected NAME(ARGS), got '" + text + "'");
            return;
        }
        name = std::string(trim(std::string_view(text).substr(0, open)));
        args =
            split_top_level(std::string_view(text).substr(open + 1, text.size() - open - 2), ',');
        has_args = true;
        d.expr_args = true;
    }
    std::optional<std::uint32_t> type = lookup(EnumKind::ConstraintType, name, f.line);
    if (!type)
        return;
    p.constraint = *type;
    if (!has_args)
        return;

    std::string label =
        constraint_type_token(*type).empty() ? name : std::string(constraint_type_token(*type));
    auto arity = [&](std::size_t min, std::size_t max, std::string_view form) {
        if (args.size() >= min && args.size() <= max)
            return true;
        error(f.line, label + "() takes " + std::string(form) + ", got " +
                          std::to_string(args.size()) + " argument" +
                          (args.size() == 1 ? "" : "s"));
        return false;
    };
    switch (*type) {
    case KAPI_CONSTRAINT_RANGE:
        if (arity(2, 2, "2 arguments (MIN, MAX)") && number(args[0], p.min, f.line, "range") &&
            number(args[1], p.max, f.line, "range"))
            set_by.push_back("range");
        break;
    case KAPI_CONSTRAINT_MASK: {
        // the whole text between the parentheses, commas and all
        std::size_t open = text.find('(');
        std::string inner = text.substr(open + 1, text.size() - open - 2);
        if (trim(inner).empty())
            arity(1, 1, "1 argument (BITS)");
        else if (number(inner, p.mask, f.line, "mask"))
            set_by.push_back("valid-mask");
        break;
    }
    case KAPI_CONSTRAINT_ENUM:
        if (arity(1, 1000, "1 or more arguments (VALUES)")) {
            for (const std::string& a : args) {
                Num n;
                if (number(a, n, f.line, "enum"))
                    p.values.push_back(n);
            }
            set_by.push_back("valid-values");
        }
        break;
    case KAPI_CONSTRAINT_ALIGNMENT:
        if (arity(1, 1, "1 argument (N)") && number(args[0], p.alignment, f.line, "alignment"))
            set_by.push_back("alignment");
        break;
    case KAPI_CONSTRAINT_USER_STRING:
        if (arity(0, 1, "at most 1 argument (MAX_SIZE)") && !args.empty() &&
            number(args[0], p.size, f.line, "user_string"))
            set_by.push_back("size");
        break;
    case KAPI_CONSTRAINT_BUFFER:
        if (arity(1, 2, "1 or 2 arguments (SIZE_PARAM[, MULT])")) {
            d.size_param = args[0];
            d.size_param_line = f.line;
            set_by.push_back("size-param");
            if (args.size() == 2 && number(args[1], p.size_mult, f.line, "buffer"))
                set_by.push_back("size-mult");
        }
        break;
    case KAPI_CONSTRAINT_CUSTOM:
        if (arity(0, 1, "at most 1 argument (FUNCTION)") && !args.empty())
            d.custom_fn = args[0];
        break;
    default:
        arity(0, 0, "no arguments");
        break;
    }
}

void SpecParser::apply_return(const Block& b) {
    Return& r = spec_.ret;
    if (!b.head_value().empty())
        error(b.line, "return: the block takes no value on its first line");
    if (const Field* f = b.field("type"))
        if (std::optional<std::uint32_t> t = lookup(EnumKind::ParamType, f->value(), f->line))
            r.type = *t;
    std::optional<std::uint32_t> check;
    if (const Field* f = b.field("check-type"))
        check = lookup(EnumKind::ReturnCheck, f->value(), f->line);
    if (check)
        r.check = *check;
    if (const Field* f = b.field("desc"))
        r.description = f->value();
    const Field* f = b.field("success");
    if (!f)
        return;
    // "N", "= N", "== N" (one value) or ">= N" (N up to S64_MAX)
    std::string success = f->value();
    std::string_view s = trim(success);
    bool at_least = false;
    if (s.starts_with(">=")) {
        at_least = true;
        s.remove_prefix(2);
    } else if (s.starts_with("==")) {
        s.remove_prefix(2);
    } else if (s.starts_with("=")) {
        s.remove_prefix(1);
    }
    Num n;
    if (!number(s, n, f->line, "success"))
        return;
    if (at_least) {
        if (check && *check == KAPI_RETURN_EXACT) {
            error(f->line, "success: '>= N' is a range, but check-type is KAPI_RETURN_EXACT");
            return;
        }
        if (!check)
            r.check = KAPI_RETURN_RANGE;
        r.success_min = n;
        r.success_max = Num{std::numeric_limits<std::int64_t>::max(), "S64_MAX"};
        return;
    }
    r.success_min = n;
    if (r.check == KAPI_RETURN_RANGE)
        r.success_max = n;
}

void SpecParser::apply_error(const Block& b) {
    std::string head = b.head_value();
    std::string condition;
    std::size_t comma = head.find(',');
    std::string name(trim(std::string_view(head).substr(0, comma)));
    if (comma != std::string::npos)
        condition = std::string(trim(std::string_view(head).substr(comma + 1)));
    if (name.starts_with("-"))
        name = std::string(trim(std::string_view(name).substr(1)));
    if (name.empty()) {
        error(b.line, "error: missing error name");
        return;
    }
    std::optional<int> value = errno_value(name);
    if (!value) {
        error(b.line, "unknown error '" + name + "'");
        return;
    }
    auto [it, inserted] = error_names_.emplace(name, b.line);
    if (!inserted) {
        error(b.line,
              "duplicate error '" + name + "' (first on line " + std::to_string(it->second) + ")");
        return;
    }
    ErrorSpec e;
    e.code = -*value;
    e.name = name;
    e.condition = condition;
    if (const Field* f = b.field("condition"))
        e.condition = f->value();
    if (const Field* f = b.field("desc"))
        e.description = f->value();
    if (const Field* f = b.field("objects"))
        e.objects = object_selectors(f->value(), f->line);
    if (const Field* f = b.field("trigger"))
        apply_trigger(name, *f);
    spec_.errors.push_back(e);
}


// "trigger: none -- REASON" or "trigger: KEY=VALUE, ..." (see ErrorTrigger).
// Parameter names are checked in finish_triggers(), once the declaration
// has given them.
void SpecParser::apply_trigger(const std::string& error_name, const Field& f) {
    std::string text = f.value();
    ErrorTrigger t;
    t.error = error_name;
    t.file = file_;
    t.line = f.line;
    std::string_view v = trim(text);
    if (v == "none" || v.starts_with("none ") || v.starts_with("none--")) {
        std::string_view rest = trim(v.substr(4));
        if (!rest.starts_with("--") || trim(rest.substr(2)).empty()) {
            error(f.line, "trigger: 'none' needs a reason: 'none -- REASON'");
            return;
        }
        t.none = true;
        t.reason = std::string(trim(rest.substr(2)));
        triggers_.push_back(std::move(t));
        return;
    }
    if (v.empty()) {
        error(f.line, "trigger: empty (give a recipe or 'none -- REASON')");
        return;
    }
    bool ok = true;
    for (const std::string& item : split_top_level(v, ',')) {
        std::size_t eq = item.find('=');
        if (eq == std::string::npos) {
            error(f.line, "trigger: '" + item + "' is not KEY=VALUE");
            ok = false;
            continue;
        }
        TriggerItem ti{std::string(trim(std::string_view(item).substr(0, eq))),
                       std::string(trim(std::string_view(item).substr(eq + 1)))};
        if (!kapi::is_fixture_name(ti.key)) {
            error(f.line, "trigger: bad key '" + ti.key + "' (a parameter, setup or check)");
            ok = false;
            continue;
        }
        if (ti.value.empty()) {
            error(f.line, "trigger: '" + ti.key + "=' has no value");
            ok = false;
            continue;
        }
        if (ti.key == "setup" || ti.key == "check") {
            if (!kapi::is_fixture_name(ti.value)) {
                error(f.line, "trigger: " + ti.key + "=" + ti.value +
                                  ": expected a fixture name (a lowercase identifier)");
                ok = false;
                continue;
            }
        } else {
            for (const TriggerItem& seen : t.items)
                if (seen.key == ti.key) {
                    error(f.line, "trigger: parameter '" + ti.key + "' given twice");
                    ok = false;
                }
            Num n;
            if (!kapi::is_fixture_name(ti.value) &&
                !number(ti.value, n, f.line, "trigger: " + ti.key))
                ok = false;
        }
        t.items.push_back(std::move(ti));
    }
    if (ok)
        triggers_.push_back(std::move(t));
}

void SpecParser::finish_triggers() {
    for (ErrorTrigger& t : triggers_) {
        t.api = spec_.name;
        for (const TriggerItem& ti : t.items) {
            if (ti.key == "setup" || ti.key == "check")
                continue;
            bool known = false;
            for (const Param& p : spec_.params)
                known = known || p.name == ti.key;
            if (!known)
                error(t.line, "trigger: '" + ti.key + "' is not a parameter of " + spec_.name);
        }
    }
}

void SpecParser::take_triggers(std::vector<ErrorTrigger>& out) {
    for (ErrorTrigger& t : triggers_)
        out.push_back(std::move(t));
    triggers_.clear();
}

// "objects: SEL, SEL, ...", each SEL a type name, an implementation name
// or TYPE:IMPL with '*' for either coordinate (include/kapi/objects.h).
// Selectors that are unknown, select every object or repeat another are
// diagnosed and left out.
std::vector<ObjectSelector> SpecParser::object_selectors(std::string_view text,
                                                         std::uint32_t line) {
    std::vector<ObjectSelector> out;
    if (trim(text).empty()) {
        error(line, "objects: empty list (leave objects: out for an error of every object)");
        return out;
    }
    auto part = [&](std::string_view name, bool type) -> std::optional<std::uint16_t> {
        std::optional<std::uint16_t> v = type ? object_type_value(name) : object_impl_value(name);
        if (v)
            return v;
        std::string what = type ? "object type" : "object implementation";
        std::string hint;
        if (type && object_impl_value(name))
            hint = " ('" + std::string(name) +
                   "' is an implementation: write *:" + std::string(name) + " or " +
                   std::string(name) + ")";
        else if (!type && object_type_value(name))
            hint = " ('" + std::string(name) + "' is a type: write " + std::string(name) +
                   ":* or " + std::string(name) + ")";
        error(line, "objects: unknown " + what + " '" + std::string(name) + "'" + hint);
        return std::nullopt;
    };
    std::string rest(text);
    std::size_t start = 0;
    while (start <= rest.size()) {
        std::size_t comma = rest.find(',', start);
        if (comma == std::string::npos)
            comma = rest.size();
        std::string_view sel = trim(std::string_view(rest).substr(start, comma - start));
        start = comma + 1;
        if (sel.empty()) {
            error(line, "objects: empty selector in '" + std::string(trim(text)) + "'");
            continue;
        }
        ObjectSelector o;
        std::size_t colon = sel.find(':');
        if (colon == std::string_view::npos) {
            if (sel == "*") {
                error(line, "objects: '*' selects every object; leave objects: out instead");
                continue;
            }
            if (std::optional<std::uint16_t> t = object_type_value(sel)) {
                o.type = *t;
            } else if (std::optional<std::uint16_t> i = object_impl_value(sel)) {
                o.impl = *i;
            } else {
                error(line,
                      "objects: unknown object type or implementation '" + std::string(sel) + "'");
                continue;
            }
        } else {
            std::optional<std::uint16_t> t = part(trim(sel.substr(0, colon)), true);
            std::optional<std::uint16_t> i = part(trim(sel.substr(colon + 1)), false);
            if (!t || !i)
                continue;
            o.type = *t;
            o.impl = *i;
            if (o.type == KAPI_OBJ_ANY && o.impl == KAPI_IMPL_ANY) {
                error(line, "objects: '" + std::string(sel) +
                                "' selects every object; leave objects: out instead");
                continue;
            }
        }
        bool seen = false;
        for (const ObjectSelector& prev : out)
            seen = seen || prev == o;
        if (seen) {
            error(line, "objects: duplicate selector '" + std::string(sel) + "' (" +
                            object_selector_name(o.type, o.impl) + ")");
            continue;
        }
        out.push_back(o);
    }
    return out;
}

void SpecParser::apply_lock(const Block& b) {
    Lock lock;
    std::string head = b.head_value();
    std::optional<std::uint32_t> head_type;
    if (std::size_t comma = head.rfind(','); comma != std::string::npos) {
        head_type = lookup(EnumKind::LockType, std::string_view(head).substr(comma + 1), b.line);
        head = std::string(trim(std::string_view(head).substr(0, comma)));
    }
    if (head.empty()) {
        error(b.line, "lock: missing lock name");
        return;
    }
    lock.name = head;
    if (head_type)
        lock.type = *head_type;
    if (const Field* f = b.field("type")) {
        if (head_type)
            error(f->line, "lock: type given twice (first on line " + std::to_string(b.line) + ")");
        else if (std::optional<std::uint32_t> t = lookup(EnumKind::LockType, f->value(), f->line))
            lock.type = *t;
    }
    if (const Field* f = b.field("desc"))
        lock.description = f->value();

    // acquired/released/held-on-*: yes or no; "conditional" counts as yes
    auto flag = [&](std::string_view key) -> std::optional<bool> {
        const Field* f = b.field(key);
        if (!f)
            return std::nullopt;
        if (lower(f->value()) == "conditional")
            return true;
        return yes_no(*f, key);
    };
    std::optional<bool> acquired = flag("acquired");
    std::optional<bool> released = flag("released");
    std::optional<bool> entry = flag("held-on-entry");
    std::optional<bool> exit = flag("held-on-exit");
    bool acq = acquired.value_or(false);
    bool rel = released.value_or(false);
    if (acq && !rel)
        lock.scope = KAPI_LOCK_ACQUIRES;
    else if (rel && !acq)
        lock.scope = KAPI_LOCK_RELEASES;
    else if (!acq && !rel && entry.value_or(false))
        lock.scope = exit.value_or(true) ? KAPI_LOCK_CALLER_HELD : KAPI_LOCK_RELEASES;
    else if (!acq && !rel && exit.value_or(false))
        lock.scope = KAPI_LOCK_ACQUIRES;
    if (const Field* f = b.field("scope"))
        if (std::optional<std::uint32_t> s = lookup(EnumKind::LockScope, f->value(), f->line))
            lock.scope = *s;
    spec_.locks.push_back(lock);
}

void SpecParser::apply_signal(const Block& b) {
    Signal s;
    s.name = b.head_value();
    if (s.name.empty()) {
        error(b.line, "signal: missing signal name");
        return;
    }
    // "SIGPIPE" names a signal; anything else ("Any signal") is a description
    if (s.name.starts_with("SIG") && s.name.find(' ') == std::string::npos) {
        if (std::optional<int> v = signal_value(s.name))
            s.number = Num{*v, s.name};
        else
            error(b.line, "unknown signal '" + s.name + "'");
    }
    if (const Field* f = b.field("number")) {
        std::string v = f->value();
        if (std::optional<std::int64_t> n = parse_int_literal(v)) {
            if (signal_number(v, f->line))
                s.number = Num{*n, ""};
        } else if (std::optional<int> sig = signal_number(v, f->line)) {
            s.number = Num{*sig, v};
        }
    }
    if (const Field* f = b.field("direction"))
        if (auto bits = lookup_bits(EnumKind::SignalDirection, f->value(), f->line))
            s.direction = *bits;
    if (const Field* f = b.field("action"))
        if (auto v = lookup(EnumKind::SignalAction, f->value(), f->line))
            s.action = *v;
    if (const Field* f = b.field("timing"))
        if (auto v = lookup(EnumKind::SignalTiming, f->value(), f->line))
            s.timing = *v;
    if (const Field* f = b.field("restartable"))
        if (std::optional<bool> yes = yes_no(*f, "restartable"); yes && *yes)
            s.flags |= KAPI_SIGNAL_RESTARTABLE;
    if (const Field* f = b.field("interruptible"))
        if (std::optional<bool> yes = yes_no(*f, "interruptible"); yes && *yes)
            s.flags |= KAPI_SIGNAL_INTERRUPTIBLE;
    if (const Field* f = b.field("errno"))
        if (std::optional<std::string> e = errno_token(f->value(), f->line))
            s.error = *e;
    if (const Field* f = b.field("priority"))
        if (auto v = small_number(f->value(), f->line, "priority"))
            s.priority = *v;
    if (const Field* f = b.field("transform-to"))
        if (std::optional<int> v = signal_number(f->value(), f->line))
            s.transform_to = *v;
    if (const Field* f = b.field("sa-flags-required"))
        if (auto v = sa_flags(f->value(), f->line))
            s.sa_flags_required = *v;
    if (const Field* f = b.field("sa-flags-forbidden"))
        if (auto v = sa_flags(f->value(), f->line))
            s.sa_flags_forbidden = *v;
    // process states, with or without the KAPI_SIGNAL_STATE_ prefix
    if (const Field* f = b.field("state-required"))
        if (auto v = lookup_bits(EnumKind::SignalState, f->value(), f->line))
            s.state_required = *v;
    if (const Field* f = b.field("state-forbidden"))
        if (auto v = lookup_bits(EnumKind::SignalState, f->value(), f->line))
            s.state_forbidden = *v;
    if (const Field* f = b.field("target"))
        s.target = f->value();
    if (const Field* f = b.field("condition"))
        s.condition = f->value();
    if (const Field* f = b.field("desc"))
        s.description = f->value();
    if (const Field* f = b.field("queue"))
        s.queue = f->value();
    spec_.signals.push_back(s);
}

void SpecParser::apply_effect(const Block& b) {
    SideEffect e;
    std::string head = b.head_value();
    std::vector<std::string> parts = split_top_level(head, ',');
    if (parts.empty() || parts[0].empty()) {
        error(b.line, "side-effect: missing side-effect type");
        return;
    }
    // flat form: "TYPES, target, desc[, condition=...][, reversible=yes|no]"
    std::string target;
    std::string desc;
    std::string condition;
    std::optional<std::string> reversible;
    for (std::size_t i = 2; i < parts.size(); i++) {
        if (parts[i].starts_with("condition="))
            condition = parts[i].substr(10);
        else if (parts[i].starts_with("reversible="))
            reversible = parts[i].substr(11);
        else
            desc += (desc.empty() ? "" : ", ") + parts[i];
    }
    if (parts.size() > 1)
        target = parts[1];
    if (auto bits = lookup_bits(EnumKind::EffectType, parts[0], b.line))
        e.type = *bits;

    // a value from the flat form or from its sub-key, not both
    auto take = [&](std::string_view key, const std::string& flat, std::string& out) {
        const Field* f = b.field(key);
        if (f && !flat.empty())
            error(f->line, "side-effect: " + std::string(key) + " given twice (first on line " +
                               std::to_string(b.line) + ")");
        else if (f)
            out = f->value();
        else
            out = flat;
    };
    take("target", target, e.target);
    take("desc", desc, e.description);
    take("condition", condition, e.condition);
    std::optional<bool> rev;
    if (reversible) {
        Field f{b.line, Fold::Words, {Line{b.line, 0, *reversible}}};
        rev = yes_no(f, "reversible");
    }
    if (const Field* f = b.field("reversible")) {
        if (reversible)
            error(f->line, "side-effect: reversible given twice (first on line " +
                               std::to_string(b.line) + ")");
        else
            rev = yes_no(*f, "reversible");
    }
    if (rev.value_or(false))
        e.flags |= KAPI_EFFECT_REVERSIBLE;
    spec_.effects.push_back(e);
}

void SpecParser::apply_transition(const Block& b) {
    StateTransition t;
    std::string head = b.head_value();
    std::vector<std::string> parts = split_top_level(head, ',');
    if (parts.size() > 1) {
        // flat form: "OBJECT, FROM, TO[, DESC]"; DESC keeps its commas
        if (parts.size() < 3) {
            error(b.line, "state-trans: expected 'OBJECT, FROM, TO[, DESC]', got '" + head + "'");
            return;
        }
        t.object = parts[0];
        t.from = parts[1];
        t.to = parts[2];
        if (parts.size() > 3)
            t.description = after_comma(head, 3);
    } else if (!parts.empty()) {
        t.object = parts[0];
    }
    auto take = [&](std::string_view key, std::string& out) {
        const Field* f = b.field(key);
        if (!f)
            return;
        if (!out.empty())
            error(f->line, "state-trans: " + std::string(key) + " given twice (first on line " +
                               std::to_string(b.line) + ")");
        else
            out = f->value();
    };
    take("object", t.object);
    take("from", t.from);
    take("to", t.to);
    take("condition", t.condition);
    take("desc", t.description);
    if (t.object.empty() || t.from.empty() || t.to.empty()) {
        error(b.line, "state-trans: needs an object, 'from:' and 'to:'");
        return;
    }
    spec_.transitions.push_back(t);
}

void SpecParser::apply_capability(const Block& b) {
    std::string head = b.head_value();
    std::vector<std::string> parts = split_top_level(head, ',');
    if (parts.empty() || parts[0].empty()) {
        error(b.line, "capability: missing capability name");
        return;
    }
    if (lower(parts[0]) == "none" && parts.size() == 1 && b.fields.empty())
        return; // "capability: none" says there is none
    Capability c;
    c.name = parts[0];
    std::optional<int> value = capability_value(c.name);
    if (!value) {
        error(b.line, "unknown capability '" + c.name + "'");
        return;
    }
    c.cap = Num{*value, c.name};
    // flat form: "CAP_X, TYPE, desc"
    std::string desc;
    if (parts.size() > 1)
        if (auto v = lookup(EnumKind::CapabilityAction, parts[1], b.line))
            c.action = *v;
    if (parts.size() > 2)
        desc = after_comma(head, 2);
    if (const Field* f = b.field("type")) {
        if (parts.size() > 1)
            error(f->line,
                  "capability: type given twice (first on line " + std::to_string(b.line) + ")");
        else if (auto v = lookup(EnumKind::CapabilityAction, f->value(), f->line))
            c.action = *v;
    }
    if (const Field* f = b.field("desc")) {
        if (!desc.empty())
            error(f->line,
                  "capability: desc given twice (first on line " + std::to_string(b.line) + ")");
        else
            desc = f->value();
    }
    if (const Field* f = b.field("allows"))
        c.allows = f->value();
    // the model has no separate description: it tells what the capability allows
    if (!desc.empty())
        c.allows = c.allows.empty() ? desc : c.allows + "\n\n" + desc;
    if (const Field* f = b.field("without"))
        c.without = f->value();
    if (const Field* f = b.field("condition"))
        c.condition = f->value();
    if (const Field* f = b.field("priority"))
        if (auto v = small_number(f->value(), f->line, "priority"))
            c.priority = *v;
    spec_.caps.push_back(c);
}

void SpecParser::apply_constraint(const Block& b) {
    Constraint c;
    std::string head = b.head_value();
    std::size_t comma = head.find(',');
    c.name = std::string(trim(std::string_view(head).substr(0, comma)));
    if (comma != std::string::npos)
        c.description = std::string(trim(std::string_view(head).substr(comma + 1)));
    if (c.name.empty()) {
        error(b.line, "constraint: missing constraint name");
        return;
    }
    if (const Field* f = b.field("desc")) {
        if (!c.description.empty())
            error(f->line,
                  "constraint: desc given twice (first on line " + std::to_string(b.line) + ")");
        else
            c.description = f->value();
    }
    if (const Field* f = b.field("expr"))
        c.expr = f->value();
    spec_.constraints.push_back(c);
}

} // namespace kapi::detail

namespace kapi {

bool is_fixture_name(std::string_view s) {
    if (s.empty() || s[0] < 'a' || s[0] > 'z')
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

} // namespace kapi
