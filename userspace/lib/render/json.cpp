// SPDX-License-Identifier: GPL-2.0
//
// The JSON renderer: the layout of Documentation/json.rst, checked by
// Documentation/schema/kapi-spec.schema.json. It writes exactly what
// kapi.ko's debugfs specs-json/<name> files hold (module/debugfs.c): the
// same keys in the same order, the same rules for which numbers are null,
// the same error names and string escapes; with --pretty the very same
// bytes (two spaces per level, one member per line), so that the two can
// be compared with cmp. Without --pretty the document is one line.
#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "common.h"
#include "kapi/names.h"
#include "kapi/render.h"
#include "utf8.h"

namespace kapi {

namespace {

// A JSON string as kapi.ko writes it: '"' and '\' escaped with a backslash,
// control characters as \b \f \n \r \t or \u00xx, valid UTF-8 as it is,
// every other byte as \ufffd. A NUL byte ends the text, as in C.
void write_string(std::ostream& out, std::string_view s) {
    out << '"';
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end && *p != 0) {
        switch (*p) {
        case '"':
            out << "\\\"";
            break;
        case '\\':
            out << "\\\\";
            break;
        case '\b':
            out << "\\b";
            break;
        case '\f':
            out << "\\f";
            break;
        case '\n':
            out << "\\n";
            break;
        case '\r':
            out << "\\r";
            break;
        case '\t':
            out << "\\t";
            break;
        default:
            if (*p < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof(buf), "\\u%04x", *p);
                out << buf;
            } else if (*p < 0x80) {
                out << static_cast<char>(*p);
            } else if (std::size_t n = utf8_length(p, end); n != 0) {
                out.write(reinterpret_cast<const char*>(p), static_cast<std::streamsize>(n));
                p += n;
                continue;
            } else {
                out << "\\ufffd";
            }
        }
        p++;
    }
    out << '"';
}

// The writer of module/debugfs.c: with PRETTY, two spaces per level, one
// member per line, empty containers as {} and []; without, no white space.
class JsonWriter {
public:
    JsonWriter(std::ostream& out, bool pretty) : out_(out), pretty_(pretty), nonempty_(1, false) {}

    void open(const char* key, char bracket) {
        member(key);
        out_ << bracket;
        nonempty_.push_back(false);
    }

    void close(char bracket) {
        if (pretty_ && nonempty_.back())
            out_ << '\n' << std::string((nonempty_.size() - 2) * 2, ' ');
        nonempty_.pop_back();
        out_ << bracket;
    }

    void str(const char* key, std::string_view v) {
        member(key);
        write_string(out_, v);
    }

    void integer(const char* key, std::int64_t v) {
        member(key);
        out_ << v;
    }

    void boolean(const char* key, bool v) {
        member(key);
        out_ << (v ? "true" : "false");
    }

    void null(const char* key) {
        member(key);
        out_ << "null";
    }

    // A number: {"value": 2147483647, "expr": "INT_MAX"}; the value is null
    // when only the compiler knows it, the expression null for a literal.
    // An empty number is 0, as in an image.
    void num(const char* key, const Num& n) {
        open(key, '{');
        if (n.value || n.expr.empty())
            integer("value", n.value.value_or(0));
        else
            null("value");
        if (n.expr.empty())
            null("expr");
        else
            str("expr", n.expr);
        close('}');
    }

    void num_if(const char* key, const Num& n, bool present) {
        if (present)
            num(key, n);
        else
            null(key);
    }

    void enumeration(const char* key, EnumKind kind, std::uint32_t v) {
        str(key, enum_name(enum_table(kind), v));
    }

    void bits(const char* key, EnumKind kind, std::uint32_t v) {
        open(key, '[');
        for (std::string_view name : bit_names(enum_table(kind), v))
            str(nullptr, name);
        close(']');
    }

    // An error reference, {"name": "EINVAL", "code": -22}, or null.
    void errno_ref(const char* key, const Spec& spec, const std::string& name) {
        std::optional<render::ErrnoRef> ref = render::errno_ref(spec, name);
        if (!ref) {
            null(key);
            return;
        }
        open(key, '{');
        str("name", ref->name);
        integer("code", ref->code);
        close('}');
    }

    void end() { out_ << '\n'; }

private:
    void member(const char* key) {
        std::size_t depth = nonempty_.size() - 1;
        if (depth > 0) {
            if (pretty_) {
                out_ << (nonempty_.back() ? ",\n" : "\n") << std::string(depth * 2, ' ');
            } else if (nonempty_.back()) {
                out_ << ',';
            }
            nonempty_.back() = true;
        }
        if (key != nullptr) {
            out_ << '"' << key << (pretty_ ? "\": " : "\":");
        }
    }

    std::ostream& out_;
    bool pretty_;
    std::vector<bool> nonempty_; // per open container: has members
};

void write_param(JsonWriter& j, const Spec& s, std::size_t index) {
    const Param& p = s.params[index];
    bool range =
        p.constraint == KAPI_CONSTRAINT_RANGE || p.constraint == KAPI_CONSTRAINT_USER_STRING;
    j.open(nullptr, '{');
    j.integer("index", static_cast<std::int64_t>(index));
    j.str("name", p.name);
    j.str("type_name", p.type_name);
    j.str("description", p.description);
    j.enumeration("param_type", EnumKind::ParamType, p.type);
    j.bits("flags", EnumKind::ParamFlags, p.flags);
    j.enumeration("constraint_type", EnumKind::ConstraintType, p.constraint);
    j.str("constraint", p.constraint_text);
    j.num_if("min_value", p.min, range);
    j.num_if("max_value", p.max, range);
    j.num_if("valid_mask", p.mask, p.constraint == KAPI_CONSTRAINT_MASK);
    j.open("enum_values", '[');
    if (p.constraint == KAPI_CONSTRAINT_ENUM)
        for (const Num& v : p.values)
            j.num(nullptr, v);
    j.close(']');
    j.num_if("size", p.size, render::num_given(p.size));
    j.num_if("size_multiplier", p.size_mult, render::num_given(p.size_mult));
    j.num_if("alignment", p.alignment, render::num_given(p.alignment));
    if (p.size_param < 0)
        j.null("size_param_idx");
    else
        j.integer("size_param_idx", p.size_param);
    j.errno_ref("violation_error", s, p.violation_error);
    j.close('}');
}

void write_return(JsonWriter& j, const Return& r) {
    j.open("return_spec", '{');
    j.str("type_name", r.type_name);
    j.enumeration("return_type", EnumKind::ParamType, r.type);
    j.enumeration("check_type", EnumKind::ReturnCheck, r.check);
    j.str("description", r.description);
    j.num_if("success_value", r.success_min, r.check == KAPI_RETURN_EXACT);
    j.num_if("success_min", r.success_min, r.check == KAPI_RETURN_RANGE);
    j.num_if("success_max", r.success_max, r.check == KAPI_RETURN_RANGE);
    j.close('}');
}

void write_signal(JsonWriter& j, const Spec& s, const Signal& g) {
    j.open(nullptr, '{');
    j.num("signal_num", g.number);
    j.str("signal_name", g.name);
    j.bits("direction", EnumKind::SignalDirection, g.direction);
    j.enumeration("action", EnumKind::SignalAction, g.action);
    j.enumeration("timing", EnumKind::SignalTiming, g.timing);
    j.boolean("restartable", (g.flags & KAPI_SIGNAL_RESTARTABLE) != 0);
    j.boolean("interruptible", (g.flags & KAPI_SIGNAL_INTERRUPTIBLE) != 0);
    j.errno_ref("error_on_signal", s, g.error);
    j.str("target", g.target);
    j.str("condition", g.condition);
    j.str("description", g.description);
    j.integer("priority", g.priority);
    j.integer("sa_flags_required", g.sa_flags_required);
    j.integer("sa_flags_forbidden", g.sa_flags_forbidden);
    j.integer("transform_to", g.transform_to);
    j.bits("state_required", EnumKind::SignalState, g.state_required);
    j.bits("state_forbidden", EnumKind::SignalState, g.state_forbidden);
    j.str("queue", g.queue);
    j.close('}');
}

void write_lists(JsonWriter& j, const Spec& s) {
    j.open("errors", '[');
    for (const ErrorSpec& e : s.errors) {
        j.open(nullptr, '{');
        j.str("name", e.name);
        j.integer("error_code", e.code);
        j.str("condition", e.condition);
        j.str("description", e.description);
        j.close('}');
    }
    j.close(']');

    j.open("locks", '[');
    for (const Lock& l : s.locks) {
        j.open(nullptr, '{');
        j.str("lock_name", l.name);
        j.enumeration("lock_type", EnumKind::LockType, l.type);
        j.enumeration("scope", EnumKind::LockScope, l.scope);
        j.str("description", l.description);
        j.close('}');
    }
    j.close(']');

    j.open("signals", '[');
    for (const Signal& g : s.signals)
        write_signal(j, s, g);
    j.close(']');

    j.open("side_effects", '[');
    for (const SideEffect& e : s.effects) {
        j.open(nullptr, '{');
        j.bits("effect_type", EnumKind::EffectType, e.type);
        j.str("target", e.target);
        j.str("condition", e.condition);
        j.str("description", e.description);
        j.boolean("reversible", (e.flags & KAPI_EFFECT_REVERSIBLE) != 0);
        j.close('}');
    }
    j.close(']');

    j.open("state_transitions", '[');
    for (const StateTransition& t : s.transitions) {
        j.open(nullptr, '{');
        j.str("object", t.object);
        j.str("from_state", t.from);
        j.str("to_state", t.to);
        j.str("condition", t.condition);
        j.str("description", t.description);
        j.close('}');
    }
    j.close(']');

    j.open("capabilities", '[');
    for (const Capability& c : s.caps) {
        j.open(nullptr, '{');
        j.num("capability", c.cap);
        j.str("name", c.name);
        j.enumeration("action", EnumKind::CapabilityAction, c.action);
        j.str("allows", c.allows);
        j.str("without_cap", c.without);
        j.str("check_condition", c.condition);
        j.integer("priority", c.priority);
        j.close('}');
    }
    j.close(']');

    j.open("constraints", '[');
    for (const Constraint& k : s.constraints) {
        j.open(nullptr, '{');
        j.str("name", k.name);
        j.str("description", k.description);
        j.str("expression", k.expr);
        j.close('}');
    }
    j.close(']');
}

class JsonRenderer : public Renderer {
public:
    explicit JsonRenderer(const RenderOptions& options) : pretty_(options.pretty) {}

    void list(const SpecSet& specs, std::ostream& out) const override {
        JsonWriter j(out, pretty_);
        j.open(nullptr, '{');
        j.open("apis", '[');
        for (const Spec& s : specs.specs) {
            j.open(nullptr, '{');
            j.str("name", s.name);
            j.str("api_type", api_kind_token(s.kind));
            j.str("description", s.summary);
            j.close('}');
        }
        j.close(']');
        j.close('}');
        j.end();
    }

    void spec(const Spec& s, std::ostream& out) const override {
        JsonWriter j(out, pretty_);
        j.open(nullptr, '{');
        j.open("api_details", '{');
        j.str("name", s.name);
        j.str("api_type", api_kind_token(s.kind));
        j.str("description", s.summary);
        j.str("long_description", s.description);
        j.bits("context_flags", EnumKind::ContextFlags, s.context);
        j.boolean("deprecated", (s.flags & KAPI_SPEC_DEPRECATED) != 0);
        j.str("since", s.since);
        j.str("replacement", s.replacement);
        j.str("examples", s.examples);
        j.str("notes", s.notes);
        j.open("source", '{');
        j.str("file", s.source.file);
        j.integer("line", s.source.line);
        j.close('}');
        j.num_if("ioctl_cmd", s.ioctl_cmd, s.kind == KAPI_KIND_IOCTL);
        j.open("parameters", '[');
        for (std::size_t i = 0; i < s.params.size(); i++)
            write_param(j, s, i);
        j.close(']');
        write_return(j, s.ret);
        write_lists(j, s);
        j.close('}');
        j.close('}');
        j.end();
    }

    bool error(std::string_view message, std::ostream& out) const override {
        JsonWriter j(out, pretty_);
        j.open(nullptr, '{');
        j.str("error", message);
        j.close('}');
        j.end();
        return true;
    }

private:
    bool pretty_;
};

} // namespace

std::unique_ptr<Renderer> make_json_renderer(const RenderOptions& options) {
    return std::make_unique<JsonRenderer>(options);
}

} // namespace kapi
