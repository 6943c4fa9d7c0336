// SPDX-License-Identifier: GPL-2.0
//
// The plain-text renderer, kapi-dump's default: a spec laid out like a
// manual page, for people at a terminal. Every line fits in 80 columns
// (prose is wrapped; only a word longer than a line, or an example line,
// can exceed it) unless RenderOptions::wrap is off (kapi-dump into a pipe),
// sections and fields that are empty are left out, numbers show their
// expression and value, and control characters in spec text are shown as
// '?'.
#include <algorithm>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "kapi/names.h"
#include "kapi/render.h"
#include "text.h"
#include "util.h"

namespace kapi {

namespace {

using render::num_given;
using render::num_text;
using render::NumStyle;
using render::printable;

constexpr std::size_t kWidth = 78;                     // prose
constexpr std::size_t kMaxLine = 80;                   // anything
constexpr std::size_t kNoWrap = std::string::npos / 2; // wider than any line
constexpr std::string_view kIndent = "    ";
constexpr std::string_view kIndent2 = "        ";

class PlainWriter {
public:
    // Lines are wrapped at 80 columns, or not at all without WRAP.
    PlainWriter(std::ostream& out, bool wrap)
        : out_(out), width_(wrap ? kWidth : kNoWrap), max_line_(wrap ? kMaxLine : kNoWrap) {}

    // A section heading, after a blank line.
    void heading(std::string_view title) {
        out_ << '\n' << title << '\n';
        first_item_ = true;
    }

    // Starts an item of a section: a blank line between items.
    void item() {
        if (!first_item_)
            out_ << '\n';
        first_item_ = false;
    }

    // Prose paragraphs at INDENT, wrapped, separated by blank lines. With
    // SPACE_BEFORE, a blank line comes first. The parser folds prose into
    // one line per paragraph, but for list items ("- item").
    void prose(std::string_view text, std::string_view indent, bool space_before = false) {
        bool first = true;
        for (const std::vector<std::string>& para : render::paragraphs(printable(text))) {
            if (!first || space_before)
                out_ << '\n';
            first = false;
            // Lines inside a paragraph are list items ("- item"); each is
            // wrapped on its own, its continuation under its text.
            for (const std::string& line : para) {
                std::string rest(indent);
                if (line.starts_with("- "))
                    rest += "  ";
                for (const std::string& l : render::wrap(line, width_, indent, rest))
                    out_ << l << '\n';
            }
        }
    }

    // Verbatim lines (examples, expressions) at INDENT; a line too long for
    // 80 columns is broken between words.
    void verbatim(std::string_view text, std::string_view indent) {
        const std::string clean = printable(text);
        for (std::string_view line : render::lines(clean)) {
            if (line.empty())
                out_ << '\n';
            else if (indent.size() + line.size() <= max_line_)
                out_ << indent << line << '\n';
            else // too long for the terminal: continued, indented further
                for (const std::string& l :
                     render::wrap(line, max_line_, indent, std::string(indent) + "    "))
                    out_ << l << '\n';
        }
    }

    // "key: value" at INDENT, wrapped with the value's continuation lines
    // indented further; nothing for an empty value.
    void field(std::string_view key, const std::string& value, std::string_view indent) {
        if (value.empty())
            return;
        std::string first = std::string(indent) + std::string(key) + ": ";
        std::string rest = std::string(indent) + std::string(kIndent);
        for (const std::string& l : render::wrap(printable(value), width_, first, rest)) {
            out_ << l << '\n';
        }
    }

    // A wrapped line at INDENT.
    void line(const std::string& text, std::string_view indent) {
        for (const std::string& l :
             render::wrap(printable(text), width_, indent, std::string(indent) + "  "))
            out_ << l << '\n';
    }

    std::ostream& out() { return out_; }

private:
    std::ostream& out_;
    std::size_t width_;
    std::size_t max_line_;
    bool first_item_ = true;
};

std::string errno_text(const Spec& s, const std::string& name) {
    std::optional<render::ErrnoRef> ref = render::errno_ref(s, name);
    if (!ref)
        return name;
    return ref->name + " (" + std::to_string(ref->code) + ")";
}

void write_params(PlainWriter& w, const Spec& s) {
    if (s.params.empty())
        return;
    w.heading("PARAMETERS");
    for (std::size_t i = 0; i < s.params.size(); i++) {
        const Param& p = s.params[i];
        w.item();
        std::string head = p.name;
        if (!p.type_name.empty())
            head += " (" + p.type_name + ")";
        w.line(head, kIndent);
        w.prose(p.description, kIndent2);
        std::string type(param_type_token(p.type));
        std::string flags = join(param_flag_tokens(p.flags));
        w.field("type", type + (flags.empty() ? "" : ", " + flags), kIndent2);
        w.field("constraint", render::constraint_summary(s, p), kIndent2);
        if (p.constraint != KAPI_CONSTRAINT_USER_PTR &&
            p.constraint != KAPI_CONSTRAINT_USER_STRING && num_given(p.size))
            w.field("size", num_text(p.size, NumStyle::Unsigned) + " bytes", kIndent2);
        const Param* size_source = render::size_source(s, p);
        if (p.constraint != KAPI_CONSTRAINT_BUFFER && size_source != nullptr)
            w.field("size given by", size_source->name, kIndent2);
        if (p.constraint != KAPI_CONSTRAINT_ALIGNMENT && num_given(p.alignment))
            w.field("alignment", num_text(p.alignment, NumStyle::Unsigned), kIndent2);
        if (const Param* buf = render::sized_by(s, i))
            w.field("gives the size of", buf->name, kIndent2);
        w.field("struct", render::struct_ref_text(s, p), kIndent2);
        w.field("on violation", errno_text(s, p.violation_error), kIndent2);
        if (p.order)
            w.field("kernel check order", render::order_text(p.order), kIndent2);
        w.prose(p.constraint_text, kIndent2, true);
    }
}

// The structs the params point to: size, alignment and each field.
void write_structs(PlainWriter& w, const Spec& s, const SpecSet& set) {
    std::vector<const StructSpec*> structs = render::structs_of(s, set);
    if (structs.empty())
        return;
    w.heading("STRUCTS");
    for (const StructSpec* st : structs) {
        w.item();
        w.line("struct " + st->name, kIndent);
        w.prose(st->description, kIndent2);
        w.field("size", num_text(st->size, NumStyle::Unsigned) + " bytes", kIndent2);
        if (num_given(st->alignment))
            w.field("alignment", num_text(st->alignment, NumStyle::Unsigned), kIndent2);
        for (const StructField& f : st->fields) {
            Param p = render::field_as_param(f);
            std::string head = "field " + f.name;
            if (!f.type_name.empty())
                head += " (" + f.type_name + ")";
            w.line(head, kIndent2);
            std::string indent = std::string(kIndent2) + "  ";
            std::string type(param_type_token(f.type));
            std::string flags = join(param_flag_tokens(f.flags));
            w.field("type", type + (flags.empty() ? "" : ", " + flags), indent);
            w.field("offset", num_text(f.offset, NumStyle::Unsigned), indent);
            w.field("size", num_text(f.size, NumStyle::Unsigned) + " bytes", indent);
            w.field("constraint", render::constraint_summary(Spec{}, p), indent);
            w.field("on violation", errno_text(Spec{}, f.violation_error), indent);
            w.prose(f.description, indent);
        }
    }
}

void write_return(PlainWriter& w, const Spec& s) {
    const Return& r = s.ret;
    w.heading("RETURN VALUE");
    std::string head = r.type_name.empty() ? std::string(param_type_token(r.type)) : r.type_name;
    w.line(head, kIndent);
    w.field("type", std::string(param_type_token(r.type)), kIndent2);
    w.field("success", render::success_summary(r), kIndent2);
    w.prose(r.description, kIndent2, true);
}

void write_errors(PlainWriter& w, const Spec& s) {
    if (s.errors.empty())
        return;
    w.heading("ERRORS");
    for (const ErrorSpec& e : s.errors) {
        w.item();
        w.line(e.name + " (" + std::to_string(e.code) + ")", kIndent);
        std::string objects;
        for (const std::string& o : render::object_names(e))
            objects += (objects.empty() ? "" : ", ") + o;
        w.field("objects", objects, kIndent2);
        w.prose(e.condition, kIndent2);
        w.prose(e.description, kIndent2, !e.condition.empty() || !e.objects.empty());
    }
}

void write_locks(PlainWriter& w, const Spec& s) {
    if (s.locks.empty())
        return;
    w.heading("LOCKS");
    for (const Lock& l : s.locks) {
        w.item();
        w.line(l.name + " (" + std::string(lock_type_token(l.type)) + ", " +
                   std::string(lock_scope_token(l.scope)) + ")",
               kIndent);
        w.prose(l.description, kIndent2);
    }
}

void write_signals(PlainWriter& w, const Spec& s) {
    if (s.signals.empty())
        return;
    w.heading("SIGNALS");
    for (const Signal& g : s.signals) {
        w.item();
        w.line(render::signal_heading(g), kIndent);
        w.field("direction", join(signal_direction_tokens(g.direction)), kIndent2);
        w.field("action", std::string(signal_action_token(g.action)), kIndent2);
        w.field("timing", std::string(signal_timing_token(g.timing)), kIndent2);
        w.field("flags", join(signal_flag_tokens(g.flags)), kIndent2);
        w.field("error", errno_text(s, g.error), kIndent2);
        w.field("target", g.target, kIndent2);
        w.field("condition", g.condition, kIndent2);
        w.field("priority", g.priority ? std::to_string(g.priority) : "", kIndent2);
        w.field("sa_flags required", join(sa_flag_names(g.sa_flags_required)), kIndent2);
        w.field("sa_flags forbidden", join(sa_flag_names(g.sa_flags_forbidden)), kIndent2);
        w.field("transform to", g.transform_to ? render::signal_text(g.transform_to) : "",
                kIndent2);
        w.field("state required", join(signal_state_tokens(g.state_required)), kIndent2);
        w.field("state forbidden", join(signal_state_tokens(g.state_forbidden)), kIndent2);
        w.field("queue", g.queue, kIndent2);
        w.prose(g.description, kIndent2, true);
    }
}

void write_effects(PlainWriter& w, const Spec& s) {
    if (s.effects.empty())
        return;
    w.heading("SIDE EFFECTS");
    for (const SideEffect& e : s.effects) {
        w.item();
        std::string head = join(effect_type_tokens(e.type));
        if (!e.target.empty())
            head += (head.empty() ? "" : ": ") + e.target;
        w.line(head, kIndent);
        w.field("condition", e.condition, kIndent2);
        w.field("reversible", (e.flags & KAPI_EFFECT_REVERSIBLE) ? "yes" : "no", kIndent2);
        w.prose(e.description, kIndent2, true);
    }
}

void write_transitions(PlainWriter& w, const Spec& s) {
    if (s.transitions.empty())
        return;
    w.heading("STATE TRANSITIONS");
    for (const StateTransition& t : s.transitions) {
        w.item();
        w.line(t.object + ": " + t.from + " -> " + t.to, kIndent);
        w.field("condition", t.condition, kIndent2);
        w.prose(t.description, kIndent2, !t.condition.empty());
    }
}

void write_caps(PlainWriter& w, const Spec& s) {
    if (s.caps.empty())
        return;
    w.heading("CAPABILITIES");
    for (const Capability& c : s.caps) {
        w.item();
        std::string head = render::capability_heading(c);
        w.line(head + ": " + std::string(capability_action_token(c.action)), kIndent);
        w.field("allows", c.allows, kIndent2);
        w.field("without", c.without, kIndent2);
        w.field("condition", c.condition, kIndent2);
        w.field("priority", c.priority ? std::to_string(c.priority) : "", kIndent2);
    }
}

void write_constraints(PlainWriter& w, const Spec& s) {
    if (s.constraints.empty())
        return;
    w.heading("CONSTRAINTS");
    for (const Constraint& k : s.constraints) {
        w.item();
        w.line(k.name, kIndent);
        w.prose(k.description, kIndent2);
        if (!k.expr.empty()) {
            if (!k.description.empty())
                w.out() << '\n';
            w.verbatim(k.expr, kIndent2);
        }
    }
}

class PlainRenderer : public render::TextRenderer {
public:
    explicit PlainRenderer(const RenderOptions& options) : wrap_(options.wrap) {}

private:
    void write_list(const SpecSet& specs, std::ostream& out) const override {
        std::size_t name_width = 4;
        for (const Spec& s : specs.specs)
            name_width = std::max(name_width, std::min<std::size_t>(s.name.size(), 32));
        constexpr std::size_t kKindWidth = 8; // "function"
        auto pad = [](std::string s, std::size_t width) {
            if (s.size() < width)
                s.append(width - s.size(), ' ');
            return s;
        };
        out << pad("NAME", name_width) << "  " << pad("KIND", kKindWidth) << "  DESCRIPTION\n";
        const std::string rest(name_width + kKindWidth + 4, ' ');
        for (const Spec& s : specs.specs) {
            std::string first = pad(printable(s.name), name_width) + "  " +
                                pad(std::string(api_kind_token(s.kind)), kKindWidth) + "  ";
            // Wrapped, a long name stands on a line of its own; unwrapped,
            // every API is one line.
            if (wrap_ && first.size() > rest.size()) {
                out << first << '\n';
                first = rest;
            }
            for (const std::string& l :
                 render::wrap(printable(s.summary), wrap_ ? kWidth : kNoWrap, first, rest))
                out << l << '\n';
        }
    }

    void write_spec(const Spec& s, const SpecSet& set, std::ostream& out) const override {
        PlainWriter w(out, wrap_);
        w.line(s.name + (s.summary.empty() ? "" : " - " + s.summary), "");
        out << '\n';
        w.field("Kind", std::string(render::kind_words(s.kind)), "");
        w.field("Context", join(context_flag_tokens(s.context)), "");
        if (s.kind == KAPI_KIND_IOCTL)
            w.field("Command", num_text(s.ioctl_cmd, NumStyle::Hex), "");
        w.field("Since", s.since, "");
        if (s.flags & KAPI_SPEC_DEPRECATED)
            w.field("Deprecated",
                    s.replacement.empty() ? "yes" : "yes, use " + s.replacement + " instead", "");
        else
            w.field("Replacement", s.replacement, "");
        if (!s.source.file.empty())
            w.field("Source", s.source.file + ":" + std::to_string(s.source.line), "");
        if (!s.description.empty()) {
            w.heading("DESCRIPTION");
            w.prose(s.description, kIndent);
        }
        write_params(w, s);
        write_return(w, s);
        write_errors(w, s);
        write_locks(w, s);
        write_signals(w, s);
        write_effects(w, s);
        write_transitions(w, s);
        write_caps(w, s);
        write_constraints(w, s);
        write_structs(w, s, set);
        if (!s.examples.empty()) {
            w.heading("EXAMPLES");
            w.verbatim(s.examples, kIndent);
        }
        if (!s.notes.empty()) {
            w.heading("NOTES");
            w.prose(s.notes, kIndent);
        }
    }

    bool wrap_;
};

} // namespace

std::unique_ptr<Renderer> make_plain_renderer(const RenderOptions& options) {
    return std::make_unique<PlainRenderer>(options);
}

} // namespace kapi
