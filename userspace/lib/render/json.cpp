// SPDX-License-Identifier: GPL-2.0
//
// The JSON renderer: the layout of Documentation/json.rst, checked by
// Documentation/schema/kapi-spec.schema.json. It writes exactly what
// kapi.ko's debugfs specs-json/<name> files hold (module/debugfs.c): the
// same keys in the same order, the same rules for which numbers are null,
// the same error names and, through the JSON writer (kapi/json.h), the
// same string escapes; with --pretty the very same bytes (two spaces per
// level, one member per line), so that the two can be compared with cmp.
// Without --pretty the document is one line.
#include "kapi/json.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "common.h"
#include "kapi/names.h"
#include "kapi/render.h"

namespace kapi {

namespace {

// The values of a spec document that are more than one JSON value: numbers
// with their expressions, enumerations and bit sets by name, error
// references.
class SpecJson : public JsonWriter {
public:
    using JsonWriter::JsonWriter;

    // A number: {"value": 2147483647, "expr": "INT_MAX"}; the value is null
    // when only the compiler knows it, the expression null for a literal.
    // An empty number is 0, as in an image.
    void num(const char* key, const Num& n) {
        begin_object(key);
        if (n.value || n.expr.empty())
            integer("value", n.value.value_or(0));
        else
            null("value");
        if (n.expr.empty())
            null("expr");
        else
            string("expr", n.expr);
        end_object();
    }

    void num_if(const char* key, const Num& n, bool present) {
        if (present)
            num(key, n);
        else
            null(key);
    }

    void enumeration(const char* key, EnumKind kind, std::uint32_t v) {
        string(key, enum_name(enum_table(kind), v));
    }

    void bits(const char* key, EnumKind kind, std::uint32_t v) {
        begin_array(key);
        for (std::string_view name : bit_names(enum_table(kind), v))
            string(nullptr, name);
        end_array();
    }

    // An error reference, {"name": "EINVAL", "code": -22}, or null.
    void errno_ref(const char* key, const Spec& spec, const std::string& name) {
        std::optional<render::ErrnoRef> ref = render::errno_ref(spec, name);
        if (!ref) {
            null(key);
            return;
        }
        begin_object(key);
        string("name", ref->name);
        integer("code", ref->code);
        end_object();
    }
};

void write_param(SpecJson& j, const Spec& s, std::size_t index) {
    const Param& p = s.params[index];
    bool range =
        p.constraint == KAPI_CONSTRAINT_RANGE || p.constraint == KAPI_CONSTRAINT_USER_STRING;
    j.begin_object();
    j.integer("index", static_cast<std::int64_t>(index));
    j.string("name", p.name);
    j.string("type_name", p.type_name);
    j.string("description", p.description);
    j.enumeration("param_type", EnumKind::ParamType, p.type);
    j.bits("flags", EnumKind::ParamFlags, p.flags);
    j.enumeration("constraint_type", EnumKind::ConstraintType, p.constraint);
    j.string("constraint", p.constraint_text);
    j.num_if("min_value", p.min, range);
    j.num_if("max_value", p.max, range);
    j.num_if("valid_mask", p.mask, p.constraint == KAPI_CONSTRAINT_MASK);
    j.begin_array("enum_values");
    if (p.constraint == KAPI_CONSTRAINT_ENUM)
        for (const Num& v : p.values)
            j.num(nullptr, v);
    j.end_array();
    j.num_if("size", p.size, render::num_given(p.size));
    j.num_if("size_multiplier", p.size_mult, render::num_given(p.size_mult));
    j.num_if("alignment", p.alignment, render::num_given(p.alignment));
    if (p.size_param < 0)
        j.null("size_param_idx");
    else
        j.integer("size_param_idx", p.size_param);
    j.errno_ref("violation_error", s, p.violation_error);
    j.num_if("fd_access", p.mask, p.constraint == KAPI_CONSTRAINT_FD);
    j.integer("order", p.order & KAPI_PARAM_ORDER_RANK);
    j.boolean("order_audit", (p.order & KAPI_PARAM_ORDER_AUDIT) != 0);
    if (p.struct_name.empty())
        j.null("struct");
    else
        j.string("struct", p.struct_name);
    if (p.count_param < 0)
        j.null("count_param_idx");
    else
        j.integer("count_param_idx", p.count_param);
    j.num_if("max_count", p.max_count, render::num_given(p.max_count));
    j.end_object();
}

// A struct a param points to (Documentation/json.rst, "structs").
void write_struct(SpecJson& j, const StructSpec& st) {
    j.begin_object();
    j.string("name", st.name);
    j.string("description", st.description);
    j.num("size", st.size);
    j.num_if("alignment", st.alignment, render::num_given(st.alignment));
    j.begin_array("fields");
    for (const StructField& f : st.fields) {
        bool range =
            f.constraint == KAPI_CONSTRAINT_RANGE || f.constraint == KAPI_CONSTRAINT_USER_STRING;
        j.begin_object();
        j.string("name", f.name);
        j.string("type_name", f.type_name);
        j.string("description", f.description);
        j.enumeration("field_type", EnumKind::ParamType, f.type);
        j.bits("flags", EnumKind::ParamFlags, f.flags);
        j.enumeration("constraint_type", EnumKind::ConstraintType, f.constraint);
        j.num("offset", f.offset);
        j.num("size", f.size);
        j.num_if("min_value", f.min, range);
        j.num_if("max_value", f.max, range);
        j.num_if("valid_mask", f.mask, f.constraint == KAPI_CONSTRAINT_MASK);
        j.begin_array("enum_values");
        if (f.constraint == KAPI_CONSTRAINT_ENUM)
            for (const Num& v : f.values)
                j.num(nullptr, v);
        j.end_array();
        j.errno_ref("violation_error", Spec{}, f.violation_error);
        j.end_object();
    }
    j.end_array();
    j.end_object();
}

void write_return(SpecJson& j, const Return& r) {
    j.begin_object("return_spec");
    j.string("type_name", r.type_name);
    j.enumeration("return_type", EnumKind::ParamType, r.type);
    j.enumeration("check_type", EnumKind::ReturnCheck, r.check);
    j.string("description", r.description);
    j.num_if("success_value", r.success_min, r.check == KAPI_RETURN_EXACT);
    j.num_if("success_min", r.success_min, r.check == KAPI_RETURN_RANGE);
    j.num_if("success_max", r.success_max, r.check == KAPI_RETURN_RANGE);
    j.end_object();
}

void write_signal(SpecJson& j, const Spec& s, const Signal& g) {
    j.begin_object();
    j.num("signal_num", g.number);
    j.string("signal_name", g.name);
    j.bits("direction", EnumKind::SignalDirection, g.direction);
    j.enumeration("action", EnumKind::SignalAction, g.action);
    j.enumeration("timing", EnumKind::SignalTiming, g.timing);
    j.boolean("restartable", (g.flags & KAPI_SIGNAL_RESTARTABLE) != 0);
    j.boolean("interruptible", (g.flags & KAPI_SIGNAL_INTERRUPTIBLE) != 0);
    j.errno_ref("error_on_signal", s, g.error);
    j.string("target", g.target);
    j.string("condition", g.condition);
    j.string("description", g.description);
    j.integer("priority", g.priority);
    j.integer("sa_flags_required", g.sa_flags_required);
    j.integer("sa_flags_forbidden", g.sa_flags_forbidden);
    j.integer("transform_to", g.transform_to);
    j.bits("state_required", EnumKind::SignalState, g.state_required);
    j.bits("state_forbidden", EnumKind::SignalState, g.state_forbidden);
    j.string("queue", g.queue);
    j.end_object();
}

void write_lists(SpecJson& j, const Spec& s) {
    j.begin_array("errors");
    for (const ErrorSpec& e : s.errors) {
        j.begin_object();
        j.string("name", e.name);
        j.integer("error_code", e.code);
        j.string("condition", e.condition);
        j.string("description", e.description);
        // Always present: [] is an error of every object.
        j.begin_array("objects");
        for (const std::string& o : render::object_names(e))
            j.string(nullptr, o);
        j.end_array();
        j.end_object();
    }
    j.end_array();

    j.begin_array("locks");
    for (const Lock& l : s.locks) {
        j.begin_object();
        j.string("lock_name", l.name);
        j.enumeration("lock_type", EnumKind::LockType, l.type);
        j.enumeration("scope", EnumKind::LockScope, l.scope);
        j.string("description", l.description);
        j.end_object();
    }
    j.end_array();

    j.begin_array("signals");
    for (const Signal& g : s.signals)
        write_signal(j, s, g);
    j.end_array();

    j.begin_array("side_effects");
    for (const SideEffect& e : s.effects) {
        j.begin_object();
        j.bits("effect_type", EnumKind::EffectType, e.type);
        j.string("target", e.target);
        j.string("condition", e.condition);
        j.string("description", e.description);
        j.boolean("reversible", (e.flags & KAPI_EFFECT_REVERSIBLE) != 0);
        j.end_object();
    }
    j.end_array();

    j.begin_array("state_transitions");
    for (const StateTransition& t : s.transitions) {
        j.begin_object();
        j.string("object", t.object);
        j.string("from_state", t.from);
        j.string("to_state", t.to);
        j.string("condition", t.condition);
        j.string("description", t.description);
        j.end_object();
    }
    j.end_array();

    j.begin_array("capabilities");
    for (const Capability& c : s.caps) {
        j.begin_object();
        j.num("capability", c.cap);
        j.string("name", c.name);
        j.enumeration("action", EnumKind::CapabilityAction, c.action);
        j.string("allows", c.allows);
        j.string("without_cap", c.without);
        j.string("check_condition", c.condition);
        j.integer("priority", c.priority);
        j.end_object();
    }
    j.end_array();

    j.begin_array("constraints");
    for (const Constraint& k : s.constraints) {
        j.begin_object();
        j.string("name", k.name);
        j.string("description", k.description);
        j.string("expression", k.expr);
        j.end_object();
    }
    j.end_array();
}

class JsonRenderer : public Renderer {
public:
    explicit JsonRenderer(const RenderOptions& options) : pretty_(options.pretty) {}

    void list(const SpecSet& specs, std::ostream& out) const override {
        SpecJson j(out, pretty_);
        j.begin_object();
        j.begin_array("apis");
        for (const Spec& s : specs.specs) {
            j.begin_object();
            j.string("name", s.name);
            j.string("api_type", api_kind_token(s.kind));
            j.string("description", s.summary);
            j.end_object();
        }
        j.end_array();
        j.end_object();
        j.end();
    }

    void spec(const Spec& s, std::ostream& out) const override { spec_in(s, SpecSet{}, out); }

    void spec_in(const Spec& s, const SpecSet& set, std::ostream& out) const override {
        SpecJson j(out, pretty_);
        j.begin_object();
        write_details(j, s, set);
        j.end_object();
        j.end();
    }

    void all(const SpecSet& specs, std::ostream& out) const override {
        SpecJson j(out, pretty_);
        j.begin_object();
        j.begin_array("specs");
        for (const Spec& s : specs.specs) {
            j.begin_object();
            write_details(j, s, specs);
            j.end_object();
        }
        j.end_array();
        j.end_object();
        j.end();
    }

    // "api_details": {...}, the member of a spec's document.
    static void write_details(SpecJson& j, const Spec& s, const SpecSet& set) {
        j.begin_object("api_details");
        j.string("name", s.name);
        j.string("api_type", api_kind_token(s.kind));
        j.string("description", s.summary);
        j.string("long_description", s.description);
        j.bits("context_flags", EnumKind::ContextFlags, s.context);
        j.boolean("deprecated", (s.flags & KAPI_SPEC_DEPRECATED) != 0);
        j.string("since", s.since);
        j.string("replacement", s.replacement);
        j.string("examples", s.examples);
        j.string("notes", s.notes);
        j.begin_object("source");
        j.string("file", s.source.file);
        j.integer("line", s.source.line);
        j.end_object();
        j.num_if("ioctl_cmd", s.ioctl_cmd, s.kind == KAPI_KIND_IOCTL);
        j.begin_array("parameters");
        for (std::size_t i = 0; i < s.params.size(); i++)
            write_param(j, s, i);
        j.end_array();
        write_return(j, s.ret);
        write_lists(j, s);
        j.begin_array("structs");
        for (const StructSpec* st : render::structs_of(s, set))
            write_struct(j, *st);
        j.end_array();
        j.end_object();
    }

    using Renderer::error;

    bool error(std::string_view message, std::span<const Diagnostic> details,
               std::ostream& out) const override {
        SpecJson j(out, pretty_);
        j.begin_object();
        j.string("error", message);
        if (!details.empty()) {
            j.begin_array("errors");
            for (const Diagnostic& d : details) {
                j.begin_object();
                j.string("file", d.file);
                j.uinteger("line", d.line);
                j.string("message", d.message);
                j.end_object();
            }
            j.end_array();
        }
        j.end_object();
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
