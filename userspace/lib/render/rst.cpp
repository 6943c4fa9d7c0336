// SPDX-License-Identifier: GPL-2.0
//
// The reStructuredText renderer: one spec is one document of a user-space
// API manual (title, field list, then a section per part of the spec), and
// the list of APIs is a table, so that a manual is the list plus one file
// per API under a toctree (Documentation/kapi-dump.rst shows how; the tests
// build one with sphinx-build -W). Spec text is prose from outside: every
// character reStructuredText would read as markup is escaped, each
// paragraph becomes one line (so no line of it can start a list, a table or
// a directive), and names, types and expressions are inline literals.
#include <cctype>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "kapi/names.h"
#include "kapi/render.h"
#include "text.h"

namespace kapi {

namespace {

using render::num_given;
using render::NumStyle;
using render::printable;

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_punct_or_digit(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~') || (c >= '0' && c <= '9');
}

// Escapes TEXT (one paragraph, on one line) so that it is only text: the
// inline markup characters get a backslash, a first character that could
// start a block construct (a bullet, an enumerator such as "1." or "A.", a
// directive, a field, a table) gets one, and a final "::" (which would
// announce a literal block) is broken.
std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); i++) {
        char c = text[i];
        bool first = i == 0;
        if (c == '\\' || c == '*' || c == '`' || c == '_' || c == '|' ||
            (first && is_ascii_punct_or_digit(c)) ||
            (first && is_ascii_letter(c) && !(text.size() > 1 && is_ascii_letter(text[1]))))
            out += '\\';
        out += c;
    }
    if (out.size() >= 2 && out.ends_with("::"))
        out.insert(out.size() - 1, "\\");
    return out;
}

// Spec text as plain escaped text; "" for "".
std::string escaped(std::string_view text) {
    return escape(printable(text));
}

// TEXT made printable, on one line: newlines become spaces.
std::string one_line(std::string_view text) {
    std::string out = printable(text);
    for (char& c : out)
        if (c == '\n')
            c = ' ';
    return out;
}

// An inline literal (``text``), or escaped text when a literal cannot hold
// it (empty, white space at either end, or containing ``).
std::string literal(std::string_view text) {
    std::string clean = one_line(text);
    if (clean.empty() || clean.front() == ' ' || clean.back() == ' ' ||
        clean.find("``") != std::string::npos || clean.ends_with('\\'))
        return escape(clean);
    return "``" + clean + "``";
}

std::string num(const Num& n, NumStyle style) {
    if (n.expr.empty())
        return render::num_text(n, style);
    std::string out = literal(n.expr);
    if (n.value) {
        Num bare{n.value, {}};
        std::string v = render::num_text(bare, style);
        if (v != n.expr)
            out += " (" + v + ")";
    }
    return out;
}

const render::Words kWords{num, [](const std::string& s) { return literal(s); }};

std::string errno_text(const Spec& s, const std::string& name) {
    std::optional<render::ErrnoRef> ref = render::errno_ref(s, name);
    if (!ref)
        return literal(name);
    return literal(ref->name) + " (" + std::to_string(ref->code) + ")";
}

std::string literals(const std::vector<std::string_view>& words) {
    std::string out;
    for (std::string_view w : words)
        out += (out.empty() ? "" : ", ") + literal(w);
    return out;
}

class RstWriter {
public:
    explicit RstWriter(std::ostream& out) : out_(out) {}

    void title(std::string_view text) {
        std::string line(text.size(), '=');
        out_ << line << '\n' << text << '\n' << line << "\n\n";
    }

    void section(std::string_view text) {
        out_ << text << '\n' << std::string(text.size(), '-') << "\n\n";
    }

    // Paragraphs of prose at INDENT, each on one line and followed by a
    // blank line. The parser folds prose into one line per paragraph, but
    // for list items ("- item"), which become a bullet list here.
    void prose(std::string_view text, std::string_view indent = "") {
        for (const std::vector<std::string>& para : render::paragraphs(printable(text))) {
            bool in_list = false;
            for (const std::string& l : para) {
                std::string_view t = l;
                while (!t.empty() && t.front() == ' ')
                    t.remove_prefix(1);
                bool item = t.starts_with("- ") && t.size() > 2;
                if (in_list && !item)
                    out_ << '\n';
                if (item)
                    out_ << indent << "- " << escape(t.substr(2)) << '\n';
                else
                    out_ << indent << escape(t) << "\n\n";
                in_list = item;
            }
            if (in_list)
                out_ << '\n';
        }
    }

    // A field of a field list; VALUE is already markup. Nothing if empty.
    void field(std::string_view name, const std::string& value, std::string_view indent = "") {
        if (!value.empty()) {
            out_ << indent << ':' << name << ": " << value << '\n';
            fields_ = true;
        }
    }

    // Ends a field list with a blank line, if one was written.
    void end_fields() {
        if (fields_)
            out_ << '\n';
        fields_ = false;
    }

    // A literal block at INDENT.
    void code(std::string_view text, std::string_view indent) {
        out_ << indent << "::\n\n";
        const std::string clean = printable(text);
        for (std::string_view line : render::lines(clean)) {
            if (line.find_first_not_of(' ') == std::string_view::npos)
                out_ << '\n';
            else
                out_ << indent << "   " << line << '\n';
        }
        out_ << '\n';
    }

    // The term of a definition list item; its definition follows indented.
    void term(const std::string& markup) { out_ << markup << '\n'; }

    // A definition that would otherwise be empty.
    void placeholder(std::string_view indent) { out_ << indent << "(no details)\n\n"; }

    std::ostream& out() { return out_; }

private:
    std::ostream& out_;
    bool fields_ = false;
};

constexpr std::string_view kIn = "   ";

// "array of ``vlen`` ``struct iovec`` (at most ``UIO_MAXIOV`` (1024))".
std::string struct_ref(const Spec& s, const Param& p) {
    auto name_of = [&](std::int32_t i) {
        return i >= 0 && static_cast<std::size_t>(i) < s.params.size()
                   ? literal(s.params[static_cast<std::size_t>(i)].name)
                   : std::to_string(i);
    };
    std::string text;
    if (p.count_param >= 0) {
        text = "array of " + name_of(p.count_param) + " " + literal("struct " + p.struct_name);
        if (num_given(p.max_count))
            text += " (at most " + num(p.max_count, NumStyle::Unsigned) + ")";
    } else {
        text = "pointer to " + literal("struct " + p.struct_name);
        if (p.size_param >= 0)
            text += " (its size in " + name_of(p.size_param) + ")";
    }
    return text;
}

void write_params(RstWriter& w, const Spec& s) {
    if (s.params.empty())
        return;
    w.section("Parameters");
    for (std::size_t i = 0; i < s.params.size(); i++) {
        const Param& p = s.params[i];
        std::string term = literal(p.name);
        if (!p.type_name.empty())
            term += " (" + literal(p.type_name) + ")";
        w.term(term);
        w.prose(p.description, kIn);
        std::string type = literal(param_type_token(p.type));
        if (p.flags != 0)
            type += "; " + literals(param_flag_tokens(p.flags));
        w.field("Type", type, kIn);
        w.field("Constraint", render::constraint_summary(s, p, kWords), kIn);
        if (p.constraint != KAPI_CONSTRAINT_USER_PTR &&
            p.constraint != KAPI_CONSTRAINT_USER_STRING && num_given(p.size))
            w.field("Size", num(p.size, NumStyle::Unsigned) + " bytes", kIn);
        const Param* size_source = render::size_source(s, p);
        if (p.constraint != KAPI_CONSTRAINT_BUFFER && size_source != nullptr)
            w.field("Size given by", literal(size_source->name), kIn);
        if (p.constraint != KAPI_CONSTRAINT_ALIGNMENT && num_given(p.alignment))
            w.field("Alignment", num(p.alignment, NumStyle::Unsigned), kIn);
        if (const Param* buf = render::sized_by(s, i))
            w.field("Gives the size of", literal(buf->name), kIn);
        if (!p.struct_name.empty())
            w.field("Struct", struct_ref(s, p), kIn);
        if (!p.violation_error.empty())
            w.field("On violation", errno_text(s, p.violation_error), kIn);
        if (p.order)
            w.field("Kernel check order", render::order_text(p.order), kIn);
        w.end_fields();
        w.prose(p.constraint_text, kIn);
    }
}

void write_return(RstWriter& w, const Spec& s) {
    const Return& r = s.ret;
    w.section("Return value");
    w.term(literal(r.type_name.empty() ? param_type_token(r.type) : r.type_name));
    w.field("Type", literal(param_type_token(r.type)), kIn);
    w.field("Success", render::success_summary(r, kWords), kIn);
    w.end_fields();
    w.prose(r.description, kIn);
}

void write_errors(RstWriter& w, const Spec& s) {
    if (s.errors.empty())
        return;
    w.section("Errors");
    for (const ErrorSpec& e : s.errors) {
        w.term(literal(e.name) + " (" + std::to_string(e.code) + ")");
        std::string objects;
        for (const std::string& o : render::object_names(e))
            objects += (objects.empty() ? "" : ", ") + literal(o);
        w.field("Objects", objects, kIn);
        w.end_fields();
        if (e.condition.empty() && e.description.empty() && e.objects.empty())
            w.placeholder(kIn);
        w.prose(e.condition, kIn);
        w.prose(e.description, kIn);
    }
}

void write_locks(RstWriter& w, const Spec& s) {
    if (s.locks.empty())
        return;
    w.section("Locks");
    for (const Lock& l : s.locks) {
        w.term(literal(l.name));
        w.field("Type", literal(lock_type_token(l.type)), kIn);
        w.field("Scope", literal(lock_scope_token(l.scope)), kIn);
        w.end_fields();
        w.prose(l.description, kIn);
    }
}

void write_signals(RstWriter& w, const Spec& s) {
    if (s.signals.empty())
        return;
    w.section("Signals");
    for (const Signal& g : s.signals) {
        w.term(render::signal_heading(g, kWords));
        w.field("Direction", literals(signal_direction_tokens(g.direction)), kIn);
        w.field("Action", literal(signal_action_token(g.action)), kIn);
        w.field("Timing", literal(signal_timing_token(g.timing)), kIn);
        w.field("Flags", literals(signal_flag_tokens(g.flags)), kIn);
        if (!g.error.empty())
            w.field("Error", errno_text(s, g.error), kIn);
        w.field("Target", escaped(g.target), kIn);
        w.field("Condition", escaped(g.condition), kIn);
        if (g.priority)
            w.field("Priority", std::to_string(g.priority), kIn);
        w.field("SA flags required", literals(sa_flag_names(g.sa_flags_required)), kIn);
        w.field("SA flags forbidden", literals(sa_flag_names(g.sa_flags_forbidden)), kIn);
        if (g.transform_to)
            w.field("Transform to", escape(render::signal_text(g.transform_to)), kIn);
        w.field("State required", literals(signal_state_tokens(g.state_required)), kIn);
        w.field("State forbidden", literals(signal_state_tokens(g.state_forbidden)), kIn);
        w.field("Queue", escaped(g.queue), kIn);
        w.end_fields();
        w.prose(g.description, kIn);
    }
}

void write_effects(RstWriter& w, const Spec& s) {
    if (s.effects.empty())
        return;
    w.section("Side effects");
    for (const SideEffect& e : s.effects) {
        std::string term = literals(effect_type_tokens(e.type));
        if (!e.target.empty())
            term += (term.empty() ? "" : ": ") + escaped(e.target);
        w.term(term.empty() ? "(unspecified)" : term);
        w.field("Condition", escaped(e.condition), kIn);
        w.field("Reversible", (e.flags & KAPI_EFFECT_REVERSIBLE) ? "yes" : "no", kIn);
        w.end_fields();
        w.prose(e.description, kIn);
    }
}

void write_transitions(RstWriter& w, const Spec& s) {
    if (s.transitions.empty())
        return;
    w.section("State transitions");
    for (const StateTransition& t : s.transitions) {
        w.term(t.object.empty() ? "(unnamed)" : escaped(t.object));
        w.field("From", escaped(t.from), kIn);
        w.field("To", escaped(t.to), kIn);
        w.field("Condition", escaped(t.condition), kIn);
        w.end_fields();
        if (t.from.empty() && t.to.empty() && t.condition.empty() && t.description.empty())
            w.placeholder(kIn);
        w.prose(t.description, kIn);
    }
}

void write_caps(RstWriter& w, const Spec& s) {
    if (s.caps.empty())
        return;
    w.section("Capabilities");
    for (const Capability& c : s.caps) {
        w.term(render::capability_heading(c, kWords));
        w.field("Action", literal(capability_action_token(c.action)), kIn);
        w.field("Allows", escaped(c.allows), kIn);
        w.field("Without", escaped(c.without), kIn);
        w.field("Condition", escaped(c.condition), kIn);
        if (c.priority)
            w.field("Priority", std::to_string(c.priority), kIn);
        w.end_fields();
    }
}

void write_constraints(RstWriter& w, const Spec& s) {
    if (s.constraints.empty())
        return;
    w.section("Constraints");
    for (const Constraint& k : s.constraints) {
        w.term(k.name.empty() ? "(unnamed)" : escaped(k.name));
        if (k.description.empty() && k.expr.empty())
            w.placeholder(kIn);
        w.prose(k.description, kIn);
        if (!k.expr.empty())
            w.code(k.expr, kIn);
    }
}

// The structs the params point to: size, alignment and each field.
void write_structs(RstWriter& w, const Spec& s, const SpecSet& set) {
    std::vector<const StructSpec*> structs = render::structs_of(s, set);
    if (structs.empty())
        return;
    w.section("Structs");
    for (const StructSpec* st : structs) {
        w.term(literal("struct " + st->name));
        w.prose(st->description, kIn);
        w.field("Size", num(st->size, NumStyle::Unsigned) + " bytes", kIn);
        if (num_given(st->alignment))
            w.field("Alignment", num(st->alignment, NumStyle::Unsigned), kIn);
        w.end_fields();
        for (const StructField& f : st->fields) {
            Param p = render::field_as_param(f);
            std::string term = "Field " + literal(f.name);
            if (!f.type_name.empty())
                term += " (" + literal(f.type_name) + ")";
            w.prose(term, kIn);
            std::string type = literal(param_type_token(f.type));
            if (f.flags != 0)
                type += "; " + literals(param_flag_tokens(f.flags));
            w.field("Type", type, kIn);
            w.field("Offset", num(f.offset, NumStyle::Unsigned), kIn);
            w.field("Size", num(f.size, NumStyle::Unsigned) + " bytes", kIn);
            w.field("Constraint", render::constraint_summary(Spec{}, p, kWords), kIn);
            if (!f.violation_error.empty())
                w.field("On violation", errno_text(Spec{}, f.violation_error), kIn);
            w.end_fields();
            w.prose(f.description, kIn);
        }
    }
}

// all() makes one document: each spec's document in turn, their titles
// sections of one level.
class RstRenderer : public render::TextRenderer {
private:
    void write_list(const SpecSet& specs, std::ostream& out) const override {
        RstWriter w(out);
        w.title("Kernel API specifications");
        if (specs.specs.empty()) {
            out << "No specifications.\n";
            return;
        }
        out << ".. list-table::\n"
               "   :header-rows: 1\n"
               "   :widths: 30 12 58\n\n"
               "   * - API\n"
               "     - Kind\n"
               "     - Description\n";
        for (const Spec& s : specs.specs) {
            std::string summary = one_line(s.summary);
            out << "   * - " << literal(s.name) << "\n"
                << "     - " << api_kind_token(s.kind) << "\n"
                << "     -" << (summary.empty() ? "" : " " + escape(summary)) << "\n";
        }
    }

    void write_spec(const Spec& s, const SpecSet& set, std::ostream& out) const override {
        RstWriter w(out);
        w.title(printable(s.name));
        w.prose(s.summary);
        w.field("Kind", std::string(render::kind_words(s.kind)));
        w.field("Context", literals(context_flag_tokens(s.context)));
        if (s.kind == KAPI_KIND_IOCTL)
            w.field("Command", num(s.ioctl_cmd, NumStyle::Hex));
        w.field("Since", escaped(s.since));
        if (s.flags & KAPI_SPEC_DEPRECATED)
            w.field("Deprecated", s.replacement.empty()
                                      ? "yes"
                                      : "yes, use " + literal(s.replacement) + " instead");
        else if (!s.replacement.empty())
            w.field("Replacement", literal(s.replacement));
        if (!s.source.file.empty())
            w.field("Source", literal(s.source.file + ":" + std::to_string(s.source.line)));
        w.end_fields();
        if (!s.description.empty()) {
            w.section("Description");
            w.prose(s.description);
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
            w.section("Examples");
            w.code(s.examples, "");
        }
        if (!s.notes.empty()) {
            w.section("Notes");
            w.prose(s.notes);
        }
    }
};

} // namespace

std::vector<ManualFile> rst_manual(const SpecSet& specs) {
    RstRenderer r;
    std::vector<ManualFile> files;
    files.push_back({"conf.py",
                     "# Sphinx configuration of a manual written by kapi-dump --rst --all "
                     "--output-dir.\n"
                     "project = 'Kernel API specifications'\n"
                     "master_doc = 'index'\n"
                     "extensions = []\n"
                     "exclude_patterns = ['_build']\n"});
    std::ostringstream index;
    r.list(specs, index);
    std::set<std::string> taken{"index", "genindex", "search", "conf", "_build"};
    std::vector<std::string> docs;
    for (const Spec& s : specs.specs) {
        std::string base;
        for (char c : s.name)
            base += (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-')
                        ? c
                        : '_';
        if (base.empty())
            base = "api";
        std::string doc = base;
        for (int n = 2; !taken.insert(doc).second; n++)
            doc = base + "-" + std::to_string(n);
        docs.push_back(doc);
        std::ostringstream text;
        r.spec_in(s, specs, text);
        files.push_back({doc + ".rst", text.str()});
    }
    if (!docs.empty()) {
        index << "\n.. toctree::\n   :maxdepth: 1\n\n";
        for (const std::string& d : docs)
            index << "   " << d << '\n';
    }
    files.insert(files.begin() + 1, {"index.rst", index.str()});
    return files;
}

std::unique_ptr<Renderer> make_rst_renderer(const RenderOptions&) {
    return std::make_unique<RstRenderer>();
}

} // namespace kapi
