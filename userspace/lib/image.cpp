// SPDX-License-Identifier: GPL-2.0
//
// The spec image codec (kapi/image.h): builds the image tables from a
// SpecSet (shared with the C generator through image_layout.h), writes them
// as little-endian bytes, and decodes untrusted images back into a SpecSet,
// validating every offset, count, string and enumeration before use. Each
// record type's fields are listed once, for the kernel and for this codec,
// in include/kapi/image_records.h; fields() turns that list into calls of a
// visitor, which drive writing, reading, the rules the kernel applies to
// every record, the strings a spec uses and a compile-time check that no
// field was forgotten.

#include "kapi/image.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <concepts>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "image_layout.h"
#include "kapi/error.h"
#include "kapi/names.h"

namespace kapi {
namespace detail {
namespace {

// ---- The fields of each record, in memory order ---------------------------

template <Is<kapi_image_table> R, class F>
constexpr void each(R& r, F& f) {
    f(r.offset);
    f(r.count);
    f(r.entsize);
    f(r.reserved);
}

template <Is<kapi_image_header> R, class F>
constexpr void each(R& r, F& f) {
    f(r.magic);
    f(r.version_major);
    f(r.version_minor);
    f(r.size);
    f(r.header_size);
    f(r.table_count);
    f(r.flags);
    f(r.reserved);
    for (auto& t : r.tables)
        f(t);
}

template <Is<kapi_image_num> R, class F>
constexpr void each(R& r, F& f) {
    f(r.value);
    f(r.expr);
    f(r.reserved);
}

template <Is<kapi_image_num32> R, class F>
constexpr void each(R& r, F& f) {
    f(r.value);
    f(r.expr);
}

template <Is<kapi_image_slice> R, class F>
constexpr void each(R& r, F& f) {
    f(r.first);
    f(r.count);
}

// The fields of a record (and of the return record) without their kinds.
template <class F>
struct EachField {
    F& f;

    template <class T>
    constexpr void operator()(FieldKind, const char*, T& field, std::uint32_t) {
        f(field);
    }
};

template <class R, class F>
requires Is<R, kapi_image_return> || Is<R, kapi_image_spec> || Is<R, kapi_image_param> ||
    Is<R, kapi_image_error> || Is<R, kapi_image_lock> || Is<R, kapi_image_signal> ||
    Is<R, kapi_image_effect> || Is<R, kapi_image_transition> || Is<R, kapi_image_cap> ||
    Is<R, kapi_image_constraint> || Is<R, kapi_image_object> || Is<R, kapi_image_struct> ||
    Is<R, kapi_image_struct_field>
constexpr void each(R& r, F& f) {
    EachField<F> e{f};
    fields(r, e);
}

template <class T>
constexpr bool kIsInt = std::is_integral_v<std::remove_const_t<T>>;

// Adds up the sizes of the fields each() visits.
struct Sizer {
    std::size_t bytes = 0;

    template <class T>
    constexpr void operator()(T& v) {
        if constexpr (kIsInt<T>)
            bytes += sizeof(T);
        else
            each(v, *this);
    }
};

template <class R>
constexpr std::size_t visited_size() {
    R r{};
    Sizer s;
    each(r, s);
    return s.bytes;
}

// Every byte of every record is a visited field: no padding, none forgotten.
static_assert(visited_size<kapi_image_header>() == sizeof(kapi_image_header));
static_assert(visited_size<kapi_image_num>() == sizeof(kapi_image_num));
static_assert(visited_size<kapi_image_num32>() == sizeof(kapi_image_num32));
static_assert(visited_size<kapi_image_spec>() == sizeof(kapi_image_spec));
static_assert(visited_size<kapi_image_param>() == sizeof(kapi_image_param));
static_assert(visited_size<kapi_image_error>() == sizeof(kapi_image_error));
static_assert(visited_size<kapi_image_lock>() == sizeof(kapi_image_lock));
static_assert(visited_size<kapi_image_signal>() == sizeof(kapi_image_signal));
static_assert(visited_size<kapi_image_effect>() == sizeof(kapi_image_effect));
static_assert(visited_size<kapi_image_transition>() == sizeof(kapi_image_transition));
static_assert(visited_size<kapi_image_cap>() == sizeof(kapi_image_cap));
static_assert(visited_size<kapi_image_constraint>() == sizeof(kapi_image_constraint));
static_assert(visited_size<kapi_image_object>() == sizeof(kapi_image_object));
static_assert(visited_size<kapi_image_struct>() == sizeof(kapi_image_struct));
static_assert(visited_size<kapi_image_struct_field>() == sizeof(kapi_image_struct_field));
// Format 2.0's param record ends where 2.1's fields begin.
static_assert(offsetof(kapi_image_param, struct_id) == KAPI_IMAGE_PARAM_SIZE_2_0);
static_assert(offsetof(kapi_image_header, tables) +
                  KAPI_TABLE_COUNT_2_0 * sizeof(kapi_image_table) ==
              KAPI_IMAGE_HEADER_SIZE_2_0);

// Writes the visited fields little-endian at P.
struct LeWriter {
    std::uint8_t* p;

    template <class T>
    void operator()(const T& v) {
        if constexpr (kIsInt<T>) {
            using U = std::make_unsigned_t<T>;
            auto u = static_cast<U>(v);
            for (std::size_t i = 0; i < sizeof(T); ++i)
                *p++ = static_cast<std::uint8_t>(u >> (8 * i));
        } else {
            each(v, *this);
        }
    }
};

// Reads the visited fields little-endian from P.
struct LeReader {
    const std::uint8_t* p;

    template <class T>
    void operator()(T& v) {
        if constexpr (kIsInt<T>) {
            using U = std::make_unsigned_t<T>;
            U u = 0;
            for (std::size_t i = 0; i < sizeof(T); ++i)
                u = static_cast<U>(u | static_cast<U>(static_cast<U>(p[i]) << (8 * i)));
            p += sizeof(T);
            v = static_cast<T>(u);
        } else {
            each(v, *this);
        }
    }
};

template <class R>
void write_record(std::vector<std::uint8_t>& out, std::size_t pos, const R& r) {
    LeWriter w{out.data() + pos};
    each(r, w);
}

template <class R>
R read_record(const std::uint8_t* p) {
    R r{};
    LeReader rd{p};
    each(r, rd);
    return r;
}

// A record of which only the first AVAIL bytes exist (a record of an older
// minor version): the missing fields read as zero bytes.
template <class R>
R read_record(const std::uint8_t* p, std::size_t avail) {
    if (avail >= sizeof(R))
        return read_record<R>(p);
    std::array<std::uint8_t, sizeof(R)> buf{};
    std::copy(p, p + avail, buf.begin());
    return read_record<R>(buf.data());
}

constexpr std::uint64_t align8(std::uint64_t n) {
    return (n + (KAPI_IMAGE_ALIGN - 1)) & ~std::uint64_t{KAPI_IMAGE_ALIGN - 1};
}

std::string num_str(std::uint64_t v) {
    return std::to_string(v);
}

// The negative errno that NAME stands for in SPEC: the code of the spec's
// own error entry of that name, else the errno of that name, else NAME as a
// decimal number.
std::optional<std::int32_t> resolve_errno(const Spec& spec, const std::string& name) {
    for (const ErrorSpec& e : spec.errors)
        if (e.name == name && e.code != 0)
            return e.code;
    if (std::optional<int> v = errno_value(name); v && *v != 0)
        return *v < 0 ? *v : -*v;
    return parse_errno_number(name);
}

// The name a negative errno CODE is written as in SPEC (see resolve_errno).
std::string errno_to_name(const Spec& spec, std::int32_t code) {
    if (code == 0)
        return {};
    for (const ErrorSpec& e : spec.errors)
        if (e.code == code && !e.name.empty())
            return e.name;
    if (std::string_view n = errno_name(-code); !n.empty())
        return std::string(n);
    return std::to_string(code);
}

// Collects the string offsets records refer to: their strings and the
// expressions of their numbers (slices are not followed).
struct StringRefs {
    std::set<std::uint32_t>& out;

    template <class T>
    void operator()(FieldKind kind, const char*, const T& v, std::uint32_t) {
        if constexpr (std::is_integral_v<T>) {
            bool is_string = kind == FieldKind::STR || kind == FieldKind::SPEC_NAME ||
                             kind == FieldKind::PARAM_NAME || kind == FieldKind::ERROR_NAME;
            if (is_string && v != 0)
                out.insert(static_cast<std::uint32_t>(v));
        } else if constexpr (Is<T, kapi_image_num> || Is<T, kapi_image_num32>) {
            if (v.expr != 0)
                out.insert(v.expr);
        } else if constexpr (Is<T, kapi_image_return>) {
            fields(v, *this);
        }
    }

    template <class R>
    void record(const R& r) {
        if constexpr (Is<R, kapi_image_num>)
            (*this)(FieldKind::NUM, "value", r, 0);
        else
            fields(r, *this);
    }
};

// ---- Building the tables --------------------------------------------------

class Builder {
public:
    explicit Builder(LayoutMode mode) : mode_(mode) { out_.strings.push_back('\0'); }

    ImageLayout build(const SpecSet& set) {
        // Structs are numbered first (params refer to them) and written
        // after the specs, whose strings come first in the string table.
        for (std::size_t i = 0; i < set.structs.size(); ++i) {
            spec_ = -1;
            ctx_ = "struct " + num_str(i) + " (" + set.structs[i].name + "): ";
            if (!struct_ids_.try_emplace(set.structs[i].name, static_cast<std::uint32_t>(i)).second)
                fail("duplicate struct name");
        }
        for (std::size_t i = 0; i < set.specs.size(); ++i)
            add_spec(i, set.specs[i]);
        spec_ = -1;
        for (std::size_t i = 0; i < set.structs.size(); ++i)
            add_struct(i, set.structs[i]);
        return std::move(out_);
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw LayoutError(ctx_ + what, spec_); }

    // Interns S in the string table; FIELD names it in messages.
    std::uint32_t str(const std::string& s, std::string_view field) {
        if (s.empty())
            return 0;
        if (s.find('\0') != std::string::npos)
            fail(std::string(field) + " contains a NUL byte");
        auto [it, added] = offsets_.try_emplace(s, static_cast<std::uint32_t>(out_.strings.size()));
        if (added) {
            if (out_.strings.size() + s.size() + 1 > KAPI_IMAGE_MAX_SIZE)
                fail("the string table exceeds the image size limit");
            out_.strings.append(s);
            out_.strings.push_back('\0');
        }
        return it->second;
    }

    kapi_image_num num(const Num& n, std::string_view field) {
        kapi_image_num r{};
        r.expr = str(n.expr, field);
        if (n.value)
            r.value = *n.value;
        else if (!n.expr.empty() && mode_ == LayoutMode::Encode)
            fail(std::string(field) + " has expression '" + n.expr + "' but no value");
        return r;
    }

    // A number of a 32-bit field, whose value must lie in [LO, HI]: the
    // s32 range, or 0..U32_MAX for a field readers take as __u32 (its 32
    // bits are stored).
    kapi_image_num32 num32(const Num& n, std::string_view field, std::int64_t lo, std::int64_t hi) {
        kapi_image_num32 r{};
        r.expr = str(n.expr, field);
        if (n.value) {
            if (*n.value < lo || *n.value > hi)
                fail(std::string(field) + " " + std::to_string(*n.value) +
                     (n.expr.empty() ? "" : " ('" + n.expr + "')") +
                     " does not fit in its 32-bit field (" + std::to_string(lo) + ".." +
                     std::to_string(hi) + ")");
            r.value = static_cast<std::int32_t>(static_cast<std::uint32_t>(*n.value));
        } else if (!n.expr.empty() && mode_ == LayoutMode::Encode) {
            fail(std::string(field) + " has expression '" + n.expr + "' but no value");
        }
        return r;
    }

    kapi_image_num32 s32(const Num& n, std::string_view field) {
        return num32(n, field, std::numeric_limits<std::int32_t>::min(),
                     std::numeric_limits<std::int32_t>::max());
    }

    kapi_image_num32 u32(const Num& n, std::string_view field) {
        return num32(n, field, 0, std::numeric_limits<std::uint32_t>::max());
    }

    // A negative errno for NAME (errno names of violation_error and
    // Signal::error). In Generate mode an unresolved name becomes -1 here:
    // the generated C writes -NAME and the compiler resolves it.
    std::int32_t errno_code(const Spec& spec, const std::string& name, std::string_view field,
                            std::string* keep_name) {
        if (name.empty())
            return 0;
        std::optional<std::int32_t> code = resolve_errno(spec, name);
        if (mode_ == LayoutMode::Generate) {
            if (!parse_errno_number(name))
                *keep_name = name;
            return code.value_or(-1);
        }
        if (!code)
            fail(std::string(field) + " '" + name + "' is not a known errno name");
        return *code;
    }

    // An empty list is {0, 0}, wherever its table stands.
    static kapi_image_slice slice(std::size_t first, std::size_t count) {
        if (count == 0)
            return {0, 0};
        return {static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(count)};
    }

    void add_spec(std::size_t index, const Spec& s) {
        spec_ = static_cast<int>(index);
        ctx_ = "spec " + num_str(index) + " (" + s.name + "): ";
        const std::string base = ctx_;
        kapi_image_spec r{};
        r.name = str(s.name, "name");
        r.kind = s.kind;
        r.summary = str(s.summary, "summary");
        r.description = str(s.description, "description");
        r.context = s.context;
        r.flags = s.flags;
        r.since = str(s.since, "since");
        r.replacement = str(s.replacement, "replacement");
        r.examples = str(s.examples, "examples");
        r.notes = str(s.notes, "notes");
        r.source_file = str(s.source.file, "source file");
        r.source_line = s.source.line;
        r.ioctl_cmd = u32(s.ioctl_cmd, "ioctl_cmd");

        ctx_ = base + "return: ";
        r.ret.type_name = str(s.ret.type_name, "type_name");
        r.ret.type = s.ret.type;
        r.ret.check = s.ret.check;
        r.ret.description = str(s.ret.description, "description");
        r.ret.success_min = num(s.ret.success_min, "success_min");
        r.ret.success_max = num(s.ret.success_max, "success_max");

        r.params = slice(out_.params.size(), s.params.size());
        for (std::size_t i = 0; i < s.params.size(); ++i) {
            ctx_ = base + "param " + num_str(i) + ": ";
            add_param(s, s.params[i]);
        }
        r.errors = slice(out_.errors.size(), s.errors.size());
        for (std::size_t i = 0; i < s.errors.size(); ++i) {
            ctx_ = base + "error " + num_str(i) + ": ";
            add_error(s.errors[i]);
        }
        r.locks = slice(out_.locks.size(), s.locks.size());
        for (std::size_t i = 0; i < s.locks.size(); ++i) {
            ctx_ = base + "lock " + num_str(i) + ": ";
            const Lock& l = s.locks[i];
            kapi_image_lock lr{};
            lr.name = str(l.name, "name");
            lr.type = l.type;
            lr.scope = l.scope;
            lr.description = str(l.description, "description");
            out_.locks.push_back(lr);
        }
        r.signals = slice(out_.signals.size(), s.signals.size());
        for (std::size_t i = 0; i < s.signals.size(); ++i) {
            ctx_ = base + "signal " + num_str(i) + ": ";
            add_signal(s, s.signals[i]);
        }
        r.effects = slice(out_.effects.size(), s.effects.size());
        for (std::size_t i = 0; i < s.effects.size(); ++i) {
            ctx_ = base + "effect " + num_str(i) + ": ";
            const SideEffect& e = s.effects[i];
            kapi_image_effect er{};
            er.type = e.type;
            er.flags = e.flags;
            er.target = str(e.target, "target");
            er.condition = str(e.condition, "condition");
            er.description = str(e.description, "description");
            out_.effects.push_back(er);
        }
        r.transitions = slice(out_.transitions.size(), s.transitions.size());
        for (std::size_t i = 0; i < s.transitions.size(); ++i) {
            ctx_ = base + "transition " + num_str(i) + ": ";
            const StateTransition& t = s.transitions[i];
            kapi_image_transition tr{};
            tr.object = str(t.object, "object");
            tr.from = str(t.from, "from");
            tr.to = str(t.to, "to");
            tr.condition = str(t.condition, "condition");
            tr.description = str(t.description, "description");
            out_.transitions.push_back(tr);
        }
        r.caps = slice(out_.caps.size(), s.caps.size());
        for (std::size_t i = 0; i < s.caps.size(); ++i) {
            ctx_ = base + "cap " + num_str(i) + ": ";
            const Capability& c = s.caps[i];
            kapi_image_cap cr{};
            cr.cap = s32(c.cap, "cap");
            cr.name = str(c.name, "name");
            cr.action = c.action;
            cr.allows = str(c.allows, "allows");
            cr.without = str(c.without, "without");
            cr.condition = str(c.condition, "condition");
            cr.priority = c.priority;
            out_.caps.push_back(cr);
        }
        r.constraints = slice(out_.constraints.size(), s.constraints.size());
        for (std::size_t i = 0; i < s.constraints.size(); ++i) {
            ctx_ = base + "constraint " + num_str(i) + ": ";
            const Constraint& c = s.constraints[i];
            kapi_image_constraint cr{};
            cr.name = str(c.name, "name");
            cr.description = str(c.description, "description");
            cr.expr = str(c.expr, "expr");
            out_.constraints.push_back(cr);
        }
        out_.specs.push_back(r);
    }

    void add_param(const Spec& s, const Param& p) {
        kapi_image_param r{};
        r.name = str(p.name, "name");
        r.type_name = str(p.type_name, "type_name");
        r.description = str(p.description, "description");
        r.constraint_text = str(p.constraint_text, "constraint_text");
        r.type = p.type;
        r.flags = p.flags;
        r.constraint = p.constraint;
        r.size_param = p.size_param;
        r.size = num(p.size, "size");
        r.size_mult = num(p.size_mult, "size_mult");
        r.alignment = s32(p.alignment, "alignment");
        r.min = num(p.min, "min");
        r.max = num(p.max, "max");
        r.mask = num(p.mask, "mask");
        r.values = slice(out_.values.size(), p.values.size());
        for (std::size_t i = 0; i < p.values.size(); ++i)
            out_.values.push_back(num(p.values[i], "value " + num_str(i)));
        std::string keep;
        r.violation_error = errno_code(s, p.violation_error, "violation_error", &keep);
        r.order = p.order;
        r.struct_id = 0;
        if (!p.struct_name.empty()) {
            auto it = struct_ids_.find(p.struct_name);
            if (it == struct_ids_.end())
                fail("struct '" + p.struct_name + "' is not described in the image");
            r.struct_id = it->second + 1;
        }
        r.count_param = p.count_param;
        r.max_count = num(p.max_count, "max_count");
        out_.params.push_back(r);
        out_.param_violation_names.push_back(std::move(keep));
    }

    void add_struct(std::size_t index, const StructSpec& st) {
        ctx_ = "struct " + num_str(index) + " (" + st.name + "): ";
        kapi_image_struct r{};
        r.name = str(st.name, "name");
        r.description = str(st.description, "description");
        r.size = num(st.size, "size");
        // Only the compiler knows a size written as sizeof(): for the
        // generator's own check of the layout it is as large as can be (the
        // generated C asserts that each field fits, with the real values).
        if (mode_ == LayoutMode::Generate && !st.size.value && !st.size.expr.empty())
            r.size.value = std::numeric_limits<std::int64_t>::max();
        r.alignment = s32(st.alignment, "alignment");
        r.fields = slice(out_.fields.size(), st.fields.size());
        const std::string base = ctx_;
        for (std::size_t i = 0; i < st.fields.size(); ++i) {
            const StructField& f = st.fields[i];
            ctx_ = base + "field " + num_str(i) + ": ";
            kapi_image_struct_field fr{};
            fr.name = str(f.name, "name");
            fr.type_name = str(f.type_name, "type_name");
            fr.description = str(f.description, "description");
            fr.type = f.type;
            fr.flags = f.flags;
            fr.constraint = f.constraint;
            fr.offset = num(f.offset, "offset");
            fr.size = num(f.size, "size");
            fr.min = num(f.min, "min");
            fr.max = num(f.max, "max");
            fr.mask = num(f.mask, "mask");
            fr.values = slice(out_.values.size(), f.values.size());
            for (std::size_t k = 0; k < f.values.size(); ++k)
                out_.values.push_back(num(f.values[k], "value " + num_str(k)));
            std::string keep;
            fr.violation_error = errno_code(Spec{}, f.violation_error, "violation_error", &keep);
            out_.fields.push_back(fr);
            out_.field_violation_names.push_back(std::move(keep));
        }
        out_.structs.push_back(r);
    }

    void add_error(const ErrorSpec& e) {
        kapi_image_error r{};
        r.code = e.code;
        if (r.code == 0) {
            std::optional<int> v = errno_value(e.name);
            if (v && *v != 0)
                r.code = *v < 0 ? *v : -*v;
            else if (mode_ == LayoutMode::Generate)
                r.code = -1; // the generated C writes -NAME
            else
                fail("'" + e.name + "' has no errno code");
        }
        r.name = str(e.name, "name");
        r.condition = str(e.condition, "condition");
        r.description = str(e.description, "description");
        r.objects = slice(out_.objects.size(), e.objects.size());
        for (const ObjectSelector& o : e.objects) {
            kapi_image_object orec{};
            orec.type = o.type;
            orec.impl = o.impl;
            out_.objects.push_back(orec);
        }
        out_.errors.push_back(r);
    }

    void add_signal(const Spec& s, const Signal& g) {
        kapi_image_signal r{};
        r.number = s32(g.number, "number");
        r.name = str(g.name, "name");
        r.direction = g.direction;
        r.action = g.action;
        r.timing = g.timing;
        r.flags = g.flags;
        std::string keep;
        r.error = errno_code(s, g.error, "error", &keep);
        r.target = str(g.target, "target");
        r.condition = str(g.condition, "condition");
        r.description = str(g.description, "description");
        r.priority = g.priority;
        r.sa_flags_required = g.sa_flags_required;
        r.sa_flags_forbidden = g.sa_flags_forbidden;
        r.transform_to = g.transform_to;
        r.state_required = g.state_required;
        r.state_forbidden = g.state_forbidden;
        r.queue = str(g.queue, "queue");
        out_.signals.push_back(r);
        out_.signal_error_names.push_back(std::move(keep));
    }

    LayoutMode mode_;
    ImageLayout out_;
    std::unordered_map<std::string, std::uint32_t> offsets_;
    std::map<std::string, std::uint32_t> struct_ids_;
    std::string ctx_;
    int spec_ = -1;
};

// Why NAME cannot be a spec name, or "" if it can: kapi.ko's rule
// ([A-Za-z0-9_][A-Za-z0-9_.-]*, 1..KAPI_IMAGE_MAX_NAME - 1 bytes).
std::string spec_name_problem(std::string_view name) {
    if (name.empty())
        return "is empty";
    if (name.size() >= KAPI_IMAGE_MAX_NAME)
        return "is longer than " + std::to_string(KAPI_IMAGE_MAX_NAME - 1) + " bytes";
    for (std::size_t i = 0; i < name.size(); ++i) {
        auto ch = static_cast<unsigned char>(name[i]);
        bool ok = std::isalnum(ch) != 0 || ch == '_' || (i > 0 && (ch == '.' || ch == '-'));
        if (!ok || ch >= 0x80)
            return "has byte " + std::to_string(i) + " (" + hex(ch) +
                   "), which is not allowed in a name ([A-Za-z0-9_][A-Za-z0-9_.-]*)";
    }
    return {};
}

// kapi.ko's rule for error names: an errno symbol, E[A-Z0-9_]+.
bool is_error_name(std::string_view name) {
    if (name.size() < 2 || name.size() > KAPI_IMAGE_MAX_NAME || name[0] != 'E')
        return false;
    return std::all_of(name.begin() + 1, name.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
    });
}

// ---- Decoding ---------------------------------------------------------------

// Thrown inside the decoder; decode_image() turns it into DecodeResult.
struct Bad {
    std::string message;
    int spec = -1;
    int code = -EBADMSG; // the errno kapi.ko refuses the image with
};

class Decoder {
public:
    Decoder(std::span<const std::uint8_t> data, bool exact) : d_(data), exact_(exact) {}

    // Decodes the image at the start of the data; returns its size.
    std::size_t run(SpecSet& out) {
        read_header();
        read_tables();
        out.specs.reserve(specs_.size());
        for (std::size_t i = 0; i < specs_.size(); ++i)
            out.specs.push_back(decode_spec(i));
        out.structs.reserve(structs_.size());
        for (std::size_t i = 0; i < structs_.size(); ++i)
            out.structs.push_back(decode_struct(i));
        check_all_records();
        return h_.size;
    }

private:
    [[noreturn]] void fail(const std::string& what, int code = -EBADMSG) const {
        throw Bad{ctx_ + what, spec_, code};
    }

    [[noreturn]] void truncated() const {
        fail("image truncated: " + num_str(d_.size()) + " bytes, the header needs " +
             num_str(KAPI_IMAGE_HEADER_SIZE_2_0));
    }

    std::uint32_t le32(std::size_t off) const {
        std::uint32_t v = 0;
        LeReader r{d_.data() + off};
        r(v);
        return v;
    }

    void read_header() {
        if (d_.size() < 4)
            truncated();
        std::uint32_t magic = le32(0);
        if (magic != KAPI_IMAGE_MAGIC)
            fail("bad magic " + hex(magic) + ", expected " + hex(KAPI_IMAGE_MAGIC) + " (\"KAPI\")",
                 -ENOEXEC);
        if (d_.size() < 8)
            truncated();
        std::uint32_t version = le32(4);
        std::uint32_t major = version & 0xffff, minor = version >> 16;
        if (major < KAPI_IMAGE_VERSION_MAJOR)
            fail("image format " + num_str(major) + "." + num_str(minor) +
                     " is older than this reader's " + num_str(KAPI_IMAGE_VERSION_MAJOR) +
                     ".x (errors gained object selectors in 2.0): rebuild the image with a "
                     "matching kapi-gen",
                 -EOPNOTSUPP);
        if (major != KAPI_IMAGE_VERSION_MAJOR)
            fail("unsupported image version " + num_str(major) + "." + num_str(minor) +
                     ": this reader knows major version " + num_str(KAPI_IMAGE_VERSION_MAJOR),
                 -EOPNOTSUPP);
        if (d_.size() < KAPI_IMAGE_HEADER_SIZE_2_0)
            truncated();
        // A 2.0 header holds 12 table descriptors: read what is there.
        h_ = read_record<kapi_image_header>(d_.data(),
                                            std::min(d_.size(), sizeof(kapi_image_header)));
        strict_ = h_.version_minor <= KAPI_IMAGE_VERSION_MINOR;

        if (h_.header_size < KAPI_IMAGE_HEADER_SIZE_2_0)
            fail("header size " + num_str(h_.header_size) + " is smaller than " +
                 num_str(KAPI_IMAGE_HEADER_SIZE_2_0));
        if (h_.header_size % KAPI_IMAGE_ALIGN != 0)
            fail("header size " + num_str(h_.header_size) + " is not a multiple of " +
                 num_str(KAPI_IMAGE_ALIGN));
        if (h_.size < h_.header_size)
            fail("image size " + num_str(h_.size) + " is smaller than the header size " +
                 num_str(h_.header_size));
        if (h_.size > KAPI_IMAGE_MAX_SIZE)
            fail("image size " + num_str(h_.size) + " exceeds the limit of " +
                 num_str(KAPI_IMAGE_MAX_SIZE) + " bytes");
        if (exact_ && h_.size != d_.size())
            fail("image size " + num_str(h_.size) + " in the header, but " + num_str(d_.size()) +
                 " bytes given");
        if (h_.size > d_.size())
            fail("image size " + num_str(h_.size) + " exceeds the " + num_str(d_.size()) +
                 " bytes left");
        if (h_.table_count < KAPI_TABLE_COUNT_2_0)
            fail("table count " + num_str(h_.table_count) + " is smaller than " +
                 num_str(KAPI_TABLE_COUNT_2_0));
        std::uint64_t table_bytes = offsetof(kapi_image_header, tables) +
                                    std::uint64_t{h_.table_count} * sizeof(kapi_image_table);
        if (table_bytes > h_.header_size)
            fail("header size " + num_str(h_.header_size) + " is too small for " +
                 num_str(h_.table_count) + " tables");
        // The tables of a newer format than the image's are empty (2.0: no
        // structs, no fields).
        for (std::size_t id = h_.table_count; id < KAPI_TABLE_COUNT; ++id)
            h_.tables[id] = kapi_image_table{};
        if (strict_ && h_.flags != 0)
            fail("header flags " + hex(h_.flags) + " not zero");
        if (strict_ && h_.reserved != 0)
            fail("header reserved field " + hex(h_.reserved) + " not zero");

        for (std::size_t id = 0; id < std::min<std::size_t>(h_.table_count, KAPI_TABLE_COUNT); ++id)
            check_table(id, h_.tables[id]);
        // Each byte has one meaning: tables with records do not overlap.
        for (std::size_t i = 0; i < KAPI_TABLE_COUNT; ++i) {
            for (std::size_t j = i + 1; j < KAPI_TABLE_COUNT; ++j) {
                const kapi_image_table& a = h_.tables[i];
                const kapi_image_table& b = h_.tables[j];
                std::uint64_t a_end = a.offset + std::uint64_t{a.count} * a.entsize;
                std::uint64_t b_end = b.offset + std::uint64_t{b.count} * b.entsize;
                if (a_end != a.offset && b_end != b.offset && a.offset < b_end && b.offset < a_end)
                    fail(std::string(kTableNames[j]) + " table: overlaps the " + kTableNames[i] +
                         " table");
            }
        }
    }

    void check_table(std::size_t id, const kapi_image_table& t) {
        const std::string name = kTableNames[id];
        ctx_ = name + " table: ";
        // A param record may end before the fields of 2.1 (a 2.0 image):
        // they read as "no struct" (read_table()).
        std::uint32_t known =
            id == KAPI_TABLE_PARAMS ? KAPI_IMAGE_PARAM_SIZE_2_0 : record_size(id);
        if (id == KAPI_TABLE_STRINGS) {
            if (t.entsize != 1)
                fail("entsize " + num_str(t.entsize) + ", expected 1");
        } else if (t.entsize < known) {
            // Like kapi.ko, step over a larger record whatever the minor
            // version says: the fields this reader knows come first.
            fail("entsize " + num_str(t.entsize) + " is smaller than the " + num_str(known) +
                 "-byte record");
        } else if (t.entsize % KAPI_IMAGE_ALIGN != 0) {
            fail("entsize " + num_str(t.entsize) + " is not a multiple of " +
                 num_str(KAPI_IMAGE_ALIGN));
        }
        if (t.offset % KAPI_IMAGE_ALIGN != 0)
            fail("offset " + num_str(t.offset) + " is not " + num_str(KAPI_IMAGE_ALIGN) +
                 "-byte aligned");
        std::uint64_t end = std::uint64_t{t.offset} + std::uint64_t{t.count} * t.entsize;
        // An empty table has no bytes: where it stands does not matter.
        if (end != t.offset && t.offset < h_.header_size)
            fail("offset " + num_str(t.offset) + " overlaps the header (" +
                 num_str(h_.header_size) + " bytes)");
        if (end > h_.size)
            fail(num_str(t.count) + " records of " + num_str(t.entsize) + " bytes at offset " +
                 num_str(t.offset) + " end at " + num_str(end) + ", past the image end (" +
                 num_str(h_.size) + ")");
        if (strict_ && t.reserved != 0)
            fail("reserved field " + hex(t.reserved) + " not zero");
        ctx_.clear();
    }

    template <class R>
    std::vector<R> read_table(std::size_t id) {
        const kapi_image_table& t = h_.tables[id];
        std::vector<R> v;
        v.reserve(t.count);
        for (std::uint32_t i = 0; i < t.count; ++i) {
            v.push_back(read_record<R>(d_.data() + t.offset + std::size_t{i} * t.entsize,
                                       t.entsize));
            // A 2.0 param record ends before count_param: none.
            if constexpr (Is<R, kapi_image_param>)
                if (t.entsize < offsetof(kapi_image_param, count_param) + 4)
                    v.back().count_param = -1;
        }
        return v;
    }

    void read_tables() {
        const kapi_image_table& st = h_.tables[KAPI_TABLE_STRINGS];
        ctx_ = "strings table: ";
        if (st.count == 0)
            fail("empty; it must hold at least the empty string at offset 0");
        strings_ = std::string_view(reinterpret_cast<const char*>(d_.data()) + st.offset, st.count);
        if (strings_.front() != '\0')
            fail("does not start with the empty string");
        if (strings_.back() != '\0')
            fail("not NUL-terminated");
        ctx_.clear();

        specs_ = read_table<kapi_image_spec>(KAPI_TABLE_SPECS);
        params_ = read_table<kapi_image_param>(KAPI_TABLE_PARAMS);
        errors_ = read_table<kapi_image_error>(KAPI_TABLE_ERRORS);
        locks_ = read_table<kapi_image_lock>(KAPI_TABLE_LOCKS);
        signals_ = read_table<kapi_image_signal>(KAPI_TABLE_SIGNALS);
        effects_ = read_table<kapi_image_effect>(KAPI_TABLE_EFFECTS);
        transitions_ = read_table<kapi_image_transition>(KAPI_TABLE_TRANSITIONS);
        caps_ = read_table<kapi_image_cap>(KAPI_TABLE_CAPS);
        constraints_ = read_table<kapi_image_constraint>(KAPI_TABLE_CONSTRAINTS);
        values_ = read_table<kapi_image_num>(KAPI_TABLE_VALUES);
        objects_ = read_table<kapi_image_object>(KAPI_TABLE_OBJECTS);
        structs_ = read_table<kapi_image_struct>(KAPI_TABLE_STRUCTS);
        fields_ = read_table<kapi_image_struct_field>(KAPI_TABLE_FIELDS);
    }

    StructSpec decode_struct(std::size_t index) {
        const kapi_image_struct& r = structs_[index];
        StructSpec st;
        ctx_ = "struct " + num_str(index) + ": ";
        st.name = str(r.name, "name");
        if (st.name.empty() || st.name.size() >= KAPI_IMAGE_MAX_NAME)
            fail("name is empty or longer than " + num_str(KAPI_IMAGE_MAX_NAME - 1) + " bytes");
        ctx_ = "struct " + num_str(index) + " (" + st.name + "): ";
        for (std::size_t j = 0; j < index; ++j)
            if (str(structs_[j].name, "name") == st.name)
                fail("name duplicates struct " + num_str(j));
        st.description = str(r.description, "description");
        st.size = num(r.size, "size");
        st.alignment = num32(r.alignment, "alignment");
        auto fields = range(r.fields, KAPI_TABLE_FIELDS);
        const std::string base = ctx_;
        for (std::size_t i = fields.first; i < fields.second; ++i) {
            const kapi_image_struct_field& fr = fields_[i];
            ctx_ = base + "field " + num_str(i - fields.first) + ": ";
            StructField f;
            f.name = str(fr.name, "name");
            if (f.name.empty() || f.name.size() >= KAPI_IMAGE_MAX_NAME)
                fail("name is empty or longer than " + num_str(KAPI_IMAGE_MAX_NAME - 1) +
                     " bytes");
            for (const StructField& prev : st.fields)
                if (prev.name == f.name)
                    fail("name \"" + f.name + "\" duplicates an earlier field");
            f.type_name = str(fr.type_name, "type_name");
            f.description = str(fr.description, "description");
            f.type = enumv(fr.type, KAPI_TYPE_COUNT, "type");
            f.flags = bits(fr.flags, KAPI_PARAM_FLAGS_ALL, "flags");
            f.constraint = enumv(fr.constraint, KAPI_CONSTRAINT_COUNT, "constraint");
            f.offset = num(fr.offset, "offset");
            f.size = num(fr.size, "size");
            if (!field_fits(fr.offset.value, fr.size.value, r.size.value))
                fail("offset " + std::to_string(fr.offset.value) + " + size " +
                     std::to_string(fr.size.value) + " exceeds the struct's size " +
                     std::to_string(r.size.value));
            f.min = num(fr.min, "min");
            f.max = num(fr.max, "max");
            f.mask = num(fr.mask, "mask");
            auto values = range(fr.values, KAPI_TABLE_VALUES);
            for (std::size_t k = values.first; k < values.second; ++k)
                f.values.push_back(num(values_[k], "value " + num_str(k - values.first)));
            f.violation_error =
                errno_to_name(Spec{}, errno_or_zero(fr.violation_error, "violation_error"));
            reserved(fr.reserved);
            st.fields.push_back(std::move(f));
        }
        ctx_.clear();
        return st;
    }

    // kapi.ko's rule: a field lies inside its struct (no overflow).
    static bool field_fits(std::int64_t offset, std::int64_t size, std::int64_t total) {
        return offset >= 0 && size >= 0 && total >= 0 && offset <= total && size <= total - offset;
    }

    std::string str(std::uint32_t off, std::string_view field) const {
        if (off >= strings_.size())
            fail(std::string(field) + " offset " + num_str(off) + " outside string table (size " +
                 num_str(strings_.size()) + ")");
        return std::string(strings_.substr(off, strings_.find('\0', off) - off));
    }

    void reserved(std::uint32_t v, std::string_view field = "reserved field") const {
        if (strict_ && v != 0)
            fail(std::string(field) + " " + hex(v) + " not zero");
    }

    // An enumeration value below COUNT.
    std::uint32_t enumv(std::uint32_t v, std::uint32_t count, std::string_view field) const {
        if (strict_ && v >= count)
            fail(std::string(field) + " " + num_str(v) + " out of range (0.." + num_str(count - 1) +
                 ")");
        return v;
    }

    // A bit set within ALL.
    std::uint32_t bits(std::uint32_t v, std::uint32_t all, std::string_view field) const {
        if (strict_ && (v & ~all) != 0)
            fail(std::string(field) + " " + hex(v) + " has bits outside " + hex(all));
        return v;
    }

    // 0 or a negative errno.
    std::int32_t errno_or_zero(std::int32_t v, std::string_view field) const {
        if (v > 0 || v < -kMaxErrno)
            fail(std::string(field) + " " + std::to_string(v) + " is not 0 or a negative errno");
        return v;
    }

    Num num(const kapi_image_num& r, std::string_view field) const {
        Num n;
        n.value = r.value;
        n.expr = str(r.expr, std::string(field) + " expr");
        reserved(r.reserved, std::string(field) + " reserved field");
        return n;
    }

    // A 32-bit number; a field readers take as __u32 (ioctl_cmd) decodes
    // to 0..U32_MAX.
    Num num32(const kapi_image_num32& r, std::string_view field, bool is_unsigned = false) const {
        Num n;
        if (is_unsigned)
            n.value = static_cast<std::uint32_t>(r.value);
        else
            n.value = r.value;
        n.expr = str(r.expr, std::string(field) + " expr");
        return n;
    }

    // Checks a slice of table ID and returns it as [first, end).
    std::pair<std::size_t, std::size_t> range(const kapi_image_slice& s, std::size_t id) const {
        std::uint64_t end = std::uint64_t{s.first} + s.count;
        std::uint32_t n = h_.tables[id].count;
        if (end > n)
            fail(std::string(kTableNames[id]) + " [" + num_str(s.first) + ", " + num_str(end) +
                 ") outside the " + kTableNames[id] + " table (" + num_str(n) + " records)");
        return {s.first, static_cast<std::size_t>(end)};
    }

    Spec decode_spec(std::size_t index) {
        const kapi_image_spec& r = specs_[index];
        spec_ = static_cast<int>(index);
        Spec s;
        ctx_ = "spec " + num_str(index) + ": ";
        s.name = str(r.name, "name");
        if (s.name.empty())
            fail("name is empty");
        if (s.name.size() >= KAPI_IMAGE_MAX_NAME)
            fail("name is " + num_str(s.name.size()) + " bytes long, the limit is " +
                 num_str(KAPI_IMAGE_MAX_NAME - 1));
        if (std::string why = spec_name_problem(s.name); !why.empty())
            fail("name \"" + s.name + "\" " + why);
        const std::string base = "spec " + num_str(index) + " (" + s.name + "): ";
        ctx_ = base;
        if (auto [it, added] = names_.try_emplace(s.name, index); !added)
            fail("name duplicates spec " + num_str(it->second), -EEXIST);
        s.kind = enumv(r.kind, KAPI_KIND_COUNT, "kind");
        s.summary = str(r.summary, "summary");
        s.description = str(r.description, "description");
        s.context = bits(r.context, KAPI_CTX_ALL, "context");
        s.flags = bits(r.flags, KAPI_SPEC_DEPRECATED, "flags");
        s.since = str(r.since, "since");
        s.replacement = str(r.replacement, "replacement");
        s.examples = str(r.examples, "examples");
        s.notes = str(r.notes, "notes");
        s.source.file = str(r.source_file, "source_file");
        s.source.line = r.source_line;
        s.ioctl_cmd = num32(r.ioctl_cmd, "ioctl_cmd", true);

        auto params = range(r.params, KAPI_TABLE_PARAMS);
        auto errors = range(r.errors, KAPI_TABLE_ERRORS);
        auto locks = range(r.locks, KAPI_TABLE_LOCKS);
        auto signals = range(r.signals, KAPI_TABLE_SIGNALS);
        auto effects = range(r.effects, KAPI_TABLE_EFFECTS);
        auto transitions = range(r.transitions, KAPI_TABLE_TRANSITIONS);
        auto caps = range(r.caps, KAPI_TABLE_CAPS);
        auto constraints = range(r.constraints, KAPI_TABLE_CONSTRAINTS);

        ctx_ = base + "return: ";
        s.ret.type_name = str(r.ret.type_name, "type_name");
        s.ret.type = enumv(r.ret.type, KAPI_TYPE_COUNT, "type");
        s.ret.check = enumv(r.ret.check, KAPI_RETURN_COUNT, "check");
        s.ret.description = str(r.ret.description, "description");
        s.ret.success_min = num(r.ret.success_min, "success_min");
        s.ret.success_max = num(r.ret.success_max, "success_max");

        // Errors first: the errno numbers of params and signals are named
        // after them.
        for (std::size_t i = errors.first; i < errors.second; ++i) {
            ctx_ = base + "error " + num_str(i - errors.first) + ": ";
            s.errors.push_back(decode_error(errors_[i]));
        }
        std::size_t nparams = params.second - params.first;
        std::map<std::string, std::size_t> pnames;
        for (std::size_t i = params.first; i < params.second; ++i) {
            std::size_t j = i - params.first;
            ctx_ = base + "param " + num_str(j) + ": ";
            Param p = decode_param(params_[i], j, nparams, s);
            if (auto [it, added] = pnames.try_emplace(p.name, j); !added)
                fail("name \"" + p.name + "\" duplicates param " + num_str(it->second));
            s.params.push_back(std::move(p));
        }
        for (std::size_t j = 0; j < nparams; ++j) {
            ctx_ = base + "param " + num_str(j) + ": ";
            check_fd_rule(s, j);
        }
        for (std::size_t i = locks.first; i < locks.second; ++i) {
            ctx_ = base + "lock " + num_str(i - locks.first) + ": ";
            const kapi_image_lock& l = locks_[i];
            Lock m;
            m.name = str(l.name, "name");
            m.type = enumv(l.type, KAPI_LOCK_COUNT, "type");
            m.scope = enumv(l.scope, KAPI_LOCK_SCOPE_COUNT, "scope");
            m.description = str(l.description, "description");
            s.locks.push_back(std::move(m));
        }
        for (std::size_t i = signals.first; i < signals.second; ++i) {
            ctx_ = base + "signal " + num_str(i - signals.first) + ": ";
            s.signals.push_back(decode_signal(signals_[i], s));
        }
        for (std::size_t i = effects.first; i < effects.second; ++i) {
            ctx_ = base + "effect " + num_str(i - effects.first) + ": ";
            const kapi_image_effect& e = effects_[i];
            SideEffect m;
            m.type = bits(e.type, KAPI_EFFECT_ALL, "type");
            m.flags = bits(e.flags, KAPI_EFFECT_REVERSIBLE, "flags");
            m.target = str(e.target, "target");
            m.condition = str(e.condition, "condition");
            m.description = str(e.description, "description");
            reserved(e.reserved);
            s.effects.push_back(std::move(m));
        }
        for (std::size_t i = transitions.first; i < transitions.second; ++i) {
            ctx_ = base + "transition " + num_str(i - transitions.first) + ": ";
            const kapi_image_transition& t = transitions_[i];
            StateTransition m;
            m.object = str(t.object, "object");
            m.from = str(t.from, "from");
            m.to = str(t.to, "to");
            m.condition = str(t.condition, "condition");
            m.description = str(t.description, "description");
            reserved(t.reserved);
            s.transitions.push_back(std::move(m));
        }
        for (std::size_t i = caps.first; i < caps.second; ++i) {
            ctx_ = base + "cap " + num_str(i - caps.first) + ": ";
            const kapi_image_cap& c = caps_[i];
            Capability m;
            m.cap = num32(c.cap, "cap");
            m.name = str(c.name, "name");
            m.action = enumv(c.action, KAPI_CAP_COUNT, "action");
            m.allows = str(c.allows, "allows");
            m.without = str(c.without, "without");
            m.condition = str(c.condition, "condition");
            m.priority = c.priority;
            s.caps.push_back(std::move(m));
        }
        for (std::size_t i = constraints.first; i < constraints.second; ++i) {
            ctx_ = base + "constraint " + num_str(i - constraints.first) + ": ";
            const kapi_image_constraint& c = constraints_[i];
            Constraint m;
            m.name = str(c.name, "name");
            m.description = str(c.description, "description");
            m.expr = str(c.expr, "expr");
            reserved(c.reserved);
            s.constraints.push_back(std::move(m));
        }
        ctx_.clear();
        spec_ = -1;
        return s;
    }

    // kapi.ko's rules for every field of every record, in its order and
    // with its messages ("locks[3], field type: value 8 is out of range
    // (0..7)"). decode_spec() has checked the records the specs refer to;
    // this also covers records no spec refers to, which kapi.ko checks too.
    class KernelRules {
    public:
        KernelRules(const Decoder& d, std::string where) : d_(d), where_(std::move(where)) {}

        template <class T>
        void operator()(FieldKind kind, const char* name, const T& v, std::uint32_t arg) {
            std::string field = prefix_ + name;
            if constexpr (std::is_integral_v<T>)
                scalar(kind, field, static_cast<std::uint32_t>(v), arg);
            else if constexpr (Is<T, kapi_image_num>) {
                if (d_.strict_ && v.reserved != 0)
                    refuse(field + ".reserved", "is " + num_str(v.reserved) + ", must be 0");
                string(field + ".expr", v.expr);
            } else if constexpr (Is<T, kapi_image_num32>) {
                string(field + ".expr", v.expr);
            } else if constexpr (Is<T, kapi_image_slice>) {
                std::uint32_t n = d_.h_.tables[arg].count;
                if (v.first > n || v.count > n - v.first)
                    refuse(field, "records " + num_str(v.first) + ".." +
                                      num_str(std::uint64_t{v.first} + v.count) +
                                      " are outside table " + kTableNames[arg] + " (" + num_str(n) +
                                      " records)");
            } else if constexpr (Is<T, kapi_image_return>) {
                prefix_ = "ret.";
                fields(v, *this);
                prefix_.clear();
            }
        }

    private:
        [[noreturn]] void refuse(const std::string& field, const std::string& what) const {
            throw Bad{where_ + ", field " + field + ": " + what, -1, -EBADMSG};
        }

        std::string_view string(const std::string& field, std::uint32_t off) const {
            if (off >= d_.strings_.size())
                refuse(field, "string offset " + num_str(off) + " is outside the string table (" +
                                  num_str(d_.strings_.size()) + " bytes)");
            std::string_view rest = d_.strings_.substr(off);
            return rest.substr(0, rest.find('\0'));
        }

        void scalar(FieldKind kind, const std::string& field, std::uint32_t u, std::uint32_t arg) {
            auto n = static_cast<std::int32_t>(u);
            switch (kind) {
            case FieldKind::STR:
                string(field, u);
                break;
            case FieldKind::SPEC_NAME: {
                std::string_view name = string(field, u);
                if (name.empty())
                    refuse(field, "is empty");
                if (name.size() >= KAPI_IMAGE_MAX_NAME)
                    refuse(field, "longer than " + num_str(KAPI_IMAGE_MAX_NAME - 1) + " bytes");
                if (std::string why = spec_name_problem(name); !why.empty())
                    refuse(field, why);
                where_ += " (" + std::string(name) + ")";
                break;
            }
            case FieldKind::PARAM_NAME: {
                std::string_view name = string(field, u);
                if (name.empty() || name.size() >= KAPI_IMAGE_MAX_NAME)
                    refuse(field, "is empty or longer than " + num_str(KAPI_IMAGE_MAX_NAME - 1) +
                                      " bytes");
                break;
            }
            case FieldKind::ERROR_NAME: {
                std::string_view name = string(field, u);
                if (!is_error_name(name))
                    refuse(field,
                           "\"" + std::string(name) + "\" is not an error name (E[A-Z0-9_]+)");
                break;
            }
            case FieldKind::ENUM:
            case FieldKind::ENUM16:
                if (d_.strict_ && u >= arg)
                    refuse(field, "value " + num_str(u) + " is out of range (0.." +
                                      num_str(arg - 1) + ")");
                break;
            case FieldKind::BITS:
                if (d_.strict_ && (u & ~arg) != 0)
                    refuse(field, hex(u) + " sets bit " +
                                      num_str(static_cast<unsigned>(std::countr_zero(u & ~arg))) +
                                      ", which has no meaning");
                break;
            case FieldKind::FLAGS:
                if (d_.strict_ && (u & ~arg) != 0)
                    refuse(field, hex(u) + " sets unknown bits " + hex(u & ~arg));
                break;
            case FieldKind::ERRNO:
                if (!((arg != 0 && n == 0) || (n < 0 && n >= -kMaxErrno)))
                    refuse(field, std::to_string(n) + " is not a negative error code (-" +
                                      std::to_string(kMaxErrno) + "..-1)" +
                                      (arg != 0 ? " or 0" : ""));
                break;
            case FieldKind::SIZE_PARAM:
                if (n < -1)
                    refuse(field, std::to_string(n) + ", must be -1 or a parameter index");
                break;
            case FieldKind::STRUCT_REF:
                if (u > d_.h_.tables[KAPI_TABLE_STRUCTS].count)
                    refuse(field, num_str(u) + " is not 0 or 1 + a record of table structs (" +
                                      num_str(d_.h_.tables[KAPI_TABLE_STRUCTS].count) +
                                      " records)");
                break;
            case FieldKind::RESERVED:
                if (d_.strict_ && u != 0)
                    refuse(field, "is " + num_str(u) + ", must be 0");
                break;
            default:
                break;
            }
        }

        const Decoder& d_;
        std::string where_;
        std::string prefix_;
    };

    template <class R>
    void check_records(std::size_t id, const std::vector<R>& records) const {
        for (std::size_t i = 0; i < records.size(); ++i) {
            KernelRules rules(*this, std::string(kTableNames[id]) + "[" + num_str(i) + "]");
            if constexpr (Is<R, kapi_image_num>)
                rules(FieldKind::NUM, "value", records[i], 0);
            else
                fields(records[i], rules);
        }
    }

    // In kapi.ko's order: the records specs refer to before the specs.
    void check_all_records() const {
        check_records(KAPI_TABLE_OBJECTS, objects_);
        check_records(KAPI_TABLE_FIELDS, fields_);
        check_records(KAPI_TABLE_STRUCTS, structs_);
        check_records(KAPI_TABLE_PARAMS, params_);
        check_records(KAPI_TABLE_ERRORS, errors_);
        check_records(KAPI_TABLE_LOCKS, locks_);
        check_records(KAPI_TABLE_SIGNALS, signals_);
        check_records(KAPI_TABLE_EFFECTS, effects_);
        check_records(KAPI_TABLE_TRANSITIONS, transitions_);
        check_records(KAPI_TABLE_CAPS, caps_);
        check_records(KAPI_TABLE_CONSTRAINTS, constraints_);
        check_records(KAPI_TABLE_VALUES, values_);
        check_records(KAPI_TABLE_SPECS, specs_);
    }

    ErrorSpec decode_error(const kapi_image_error& r) const {
        ErrorSpec e;
        if (r.code >= 0 || r.code < -kMaxErrno)
            fail("code " + std::to_string(r.code) + " is not a negative errno");
        e.code = r.code;
        e.name = str(r.name, "name");
        if (e.name.empty())
            fail("name is empty");
        if (!is_error_name(e.name))
            fail("name \"" + e.name + "\" is not an error name (E[A-Z0-9_]+)");
        e.condition = str(r.condition, "condition");
        e.description = str(r.description, "description");
        auto objects = range(r.objects, KAPI_TABLE_OBJECTS);
        for (std::size_t i = objects.first; i < objects.second; ++i) {
            const kapi_image_object& o = objects_[i];
            const std::string field = "object " + num_str(i - objects.first);
            ObjectSelector sel;
            sel.type =
                static_cast<std::uint16_t>(enumv(o.type, KAPI_OBJ_TYPE_COUNT, field + " type"));
            sel.impl = static_cast<std::uint16_t>(enumv(o.impl, KAPI_IMPL_COUNT, field + " impl"));
            reserved(o.reserved, field + " reserved field");
            if (sel.type == KAPI_OBJ_ANY && sel.impl == KAPI_IMPL_ANY)
                fail(field + " is *:* (every object): an error for every object has no selectors");
            for (const ObjectSelector& prev : e.objects)
                if (prev == sel)
                    fail(field + " (" + object_selector_name(sel.type, sel.impl) +
                         ") duplicates an earlier selector of the error");
            e.objects.push_back(sel);
        }
        return e;
    }

    // A descriptor rule, as kapi.ko checks it (kapi_image_check_param_fd):
    // its access bits are known ones, and with KAPI_FD_IF_RELATIVE its
    // size_param names the path parameter.
    void check_fd_rule(const Spec& s, std::size_t j) const {
        const Param& p = s.params[j];
        if (p.constraint != KAPI_CONSTRAINT_FD)
            return;
        std::uint64_t need = p.mask.value ? static_cast<std::uint64_t>(*p.mask.value) : 0;
        if (need & ~static_cast<std::uint64_t>(KAPI_FD_ACCESS_ALL))
            fail("fd access " + hex(need) + " sets unknown bits");
        if (!(need & KAPI_FD_IF_RELATIVE))
            return;
        if (p.size_param < 0 ||
            s.params[static_cast<std::size_t>(p.size_param)].constraint != KAPI_CONSTRAINT_USER_PATH)
            fail("KAPI_FD_IF_RELATIVE needs size_param to name a user_path parameter");
    }

    Param decode_param(const kapi_image_param& r, std::size_t index, std::size_t nparams,
                       const Spec& s) const {
        Param p;
        p.name = str(r.name, "name");
        if (p.name.empty())
            fail("name is empty");
        if (p.name.size() >= KAPI_IMAGE_MAX_NAME)
            fail("name is " + num_str(p.name.size()) + " bytes long, the limit is " +
                 num_str(KAPI_IMAGE_MAX_NAME - 1));
        p.type_name = str(r.type_name, "type_name");
        p.description = str(r.description, "description");
        p.constraint_text = str(r.constraint_text, "constraint_text");
        p.type = enumv(r.type, KAPI_TYPE_COUNT, "type");
        p.flags = bits(r.flags, KAPI_PARAM_FLAGS_ALL, "flags");
        p.constraint = enumv(r.constraint, KAPI_CONSTRAINT_COUNT, "constraint");
        if (r.size_param < -1 || r.size_param >= static_cast<std::int64_t>(nparams))
            fail("size_param " + std::to_string(r.size_param) + " out of range (-1.." +
                 std::to_string(static_cast<std::int64_t>(nparams) - 1) + ")");
        if (r.size_param == static_cast<std::int64_t>(index))
            fail("size_param " + std::to_string(r.size_param) + " refers to the param itself");
        p.size_param = r.size_param;
        p.size = num(r.size, "size");
        p.size_mult = num(r.size_mult, "size_mult");
        p.alignment = num32(r.alignment, "alignment");
        p.min = num(r.min, "min");
        p.max = num(r.max, "max");
        p.mask = num(r.mask, "mask");
        auto values = range(r.values, KAPI_TABLE_VALUES);
        for (std::size_t i = values.first; i < values.second; ++i)
            p.values.push_back(num(values_[i], "value " + num_str(i - values.first)));
        p.violation_error = errno_to_name(s, errno_or_zero(r.violation_error, "violation_error"));
        p.order = bits(r.order, KAPI_PARAM_ORDER_ALL, "order");
        if (r.struct_id > structs_.size())
            fail("struct_id " + num_str(r.struct_id) + " out of range (0.." +
                 num_str(structs_.size()) + ")");
        if (r.struct_id != 0)
            p.struct_name = str(structs_[r.struct_id - 1].name, "struct name");
        if (r.count_param < -1 || r.count_param >= static_cast<std::int64_t>(nparams))
            fail("count_param " + std::to_string(r.count_param) + " out of range (-1.." +
                 std::to_string(static_cast<std::int64_t>(nparams) - 1) + ")");
        if (r.count_param == static_cast<std::int64_t>(index))
            fail("count_param " + std::to_string(r.count_param) + " refers to the param itself");
        p.count_param = r.count_param;
        p.max_count = num(r.max_count, "max_count");
        return p;
    }

    Signal decode_signal(const kapi_image_signal& r, const Spec& s) const {
        Signal g;
        g.number = num32(r.number, "number");
        g.name = str(r.name, "name");
        g.direction = bits(r.direction, KAPI_SIGNAL_DIRECTION_ALL, "direction");
        g.action = enumv(r.action, KAPI_SIGNAL_ACTION_COUNT, "action");
        g.timing = enumv(r.timing, KAPI_SIGNAL_TIME_COUNT, "timing");
        g.flags = bits(r.flags, KAPI_SIGNAL_RESTARTABLE | KAPI_SIGNAL_INTERRUPTIBLE, "flags");
        g.error = errno_to_name(s, errno_or_zero(r.error, "error"));
        g.target = str(r.target, "target");
        g.condition = str(r.condition, "condition");
        g.description = str(r.description, "description");
        g.priority = r.priority;
        g.sa_flags_required = r.sa_flags_required;
        g.sa_flags_forbidden = r.sa_flags_forbidden;
        g.transform_to = r.transform_to;
        g.state_required = bits(r.state_required, KAPI_SIGNAL_STATE_ALL, "state_required");
        g.state_forbidden = bits(r.state_forbidden, KAPI_SIGNAL_STATE_ALL, "state_forbidden");
        g.queue = str(r.queue, "queue");
        return g;
    }

    std::span<const std::uint8_t> d_;
    bool exact_;
    bool strict_ = true;
    kapi_image_header h_{};
    std::string_view strings_;
    std::vector<kapi_image_spec> specs_;
    std::vector<kapi_image_param> params_;
    std::vector<kapi_image_error> errors_;
    std::vector<kapi_image_lock> locks_;
    std::vector<kapi_image_signal> signals_;
    std::vector<kapi_image_effect> effects_;
    std::vector<kapi_image_transition> transitions_;
    std::vector<kapi_image_cap> caps_;
    std::vector<kapi_image_constraint> constraints_;
    std::vector<kapi_image_num> values_;
    std::vector<kapi_image_object> objects_;
    std::vector<kapi_image_struct> structs_;
    std::vector<kapi_image_struct_field> fields_;
    std::map<std::string, std::size_t> names_;
    std::string ctx_;
    int spec_ = -1;
};

} // namespace

#define KAPI_IMAGE_T(name, type) name,
const std::array<const char*, KAPI_TABLE_COUNT> kTableNames = KAPI_IMAGE_TABLES;
#undef KAPI_IMAGE_T

std::uint32_t record_size(std::size_t id) {
#define KAPI_IMAGE_T(name, type) sizeof(type),
    static constexpr std::array<std::uint32_t, KAPI_TABLE_COUNT> kSizes = KAPI_IMAGE_TABLES;
#undef KAPI_IMAGE_T
    return kSizes.at(id);
}

std::string_view ImageLayout::string_at(std::uint32_t offset) const {
    std::string_view all = strings;
    std::string_view rest = all.substr(offset);
    return rest.substr(0, rest.find('\0'));
}

ImageLayout build_layout(const SpecSet& specs, LayoutMode mode) {
    return Builder(mode).build(specs);
}

ImageGeometry layout_geometry(const ImageLayout& l) {
    const std::array<std::size_t, KAPI_TABLE_COUNT> counts = {
        l.specs.size(),       l.params.size(),  l.errors.size(),      l.locks.size(),
        l.signals.size(),     l.effects.size(), l.transitions.size(), l.caps.size(),
        l.constraints.size(), l.values.size(),  l.objects.size(),     l.strings.size(),
        l.structs.size(),     l.fields.size(),
    };
    ImageGeometry g;
    std::uint64_t pos = sizeof(kapi_image_header);
    for (std::size_t id = 0; id < KAPI_TABLE_COUNT; ++id) {
        pos = align8(pos);
        std::uint64_t bytes = std::uint64_t{counts[id]} * record_size(id);
        if (pos + bytes > KAPI_IMAGE_MAX_SIZE)
            throw LayoutError("the spec image would exceed the limit of " +
                                  num_str(KAPI_IMAGE_MAX_SIZE) + " bytes",
                              -1);
        g.tables[id].offset = static_cast<std::uint32_t>(pos);
        g.tables[id].count = static_cast<std::uint32_t>(counts[id]);
        g.tables[id].entsize = record_size(id);
        pos += bytes;
    }
    g.size = static_cast<std::uint32_t>(align8(pos));
    return g;
}

std::vector<std::uint8_t> serialize(const ImageLayout& l) {
    ImageGeometry g = layout_geometry(l);
    std::vector<std::uint8_t> out(g.size, 0);

    kapi_image_header h{};
    h.magic = KAPI_IMAGE_MAGIC;
    h.version_major = KAPI_IMAGE_VERSION_MAJOR;
    h.version_minor = KAPI_IMAGE_VERSION_MINOR;
    h.size = g.size;
    h.header_size = sizeof(kapi_image_header);
    h.table_count = KAPI_TABLE_COUNT;
    for (std::size_t id = 0; id < KAPI_TABLE_COUNT; ++id)
        h.tables[id] = g.tables[id];
    write_record(out, 0, h);

    auto put = [&](std::size_t id, const auto& records) {
        std::size_t pos = g.tables[id].offset;
        for (const auto& r : records) {
            write_record(out, pos, r);
            pos += g.tables[id].entsize;
        }
    };
    put(KAPI_TABLE_SPECS, l.specs);
    put(KAPI_TABLE_PARAMS, l.params);
    put(KAPI_TABLE_ERRORS, l.errors);
    put(KAPI_TABLE_LOCKS, l.locks);
    put(KAPI_TABLE_SIGNALS, l.signals);
    put(KAPI_TABLE_EFFECTS, l.effects);
    put(KAPI_TABLE_TRANSITIONS, l.transitions);
    put(KAPI_TABLE_CAPS, l.caps);
    put(KAPI_TABLE_CONSTRAINTS, l.constraints);
    put(KAPI_TABLE_VALUES, l.values);
    put(KAPI_TABLE_OBJECTS, l.objects);
    put(KAPI_TABLE_STRUCTS, l.structs);
    put(KAPI_TABLE_FIELDS, l.fields);
    std::copy(l.strings.begin(), l.strings.end(),
              out.begin() + g.tables[KAPI_TABLE_STRINGS].offset);
    return out;
}

// Parses a decimal errno number ("-135" or "135") as a negative errno.
std::optional<std::int32_t> parse_errno_number(std::string_view s) {
    bool negative = !s.empty() && s.front() == '-';
    if (negative)
        s.remove_prefix(1);
    std::int32_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0 || v > kMaxErrno)
        return std::nullopt;
    return -v;
}

} // namespace detail

std::vector<std::uint8_t> encode_image(const SpecSet& specs) {
    std::vector<std::uint8_t> bytes =
        detail::serialize(detail::build_layout(specs, detail::LayoutMode::Encode));
    // Never write an image a reader would refuse (a duplicate name, an enum
    // out of range, a size_param out of bounds...).
    if (DecodeResult check = decode_image(bytes); !check.ok())
        throw Error(ExitCode::Usage, "invalid spec: " + check.error);
    return bytes;
}

DecodeResult decode_image(std::span<const std::uint8_t> data) {
    DecodeResult result;
    try {
        detail::Decoder(data, true).run(result.specs);
    } catch (const detail::Bad& bad) {
        result.specs = {};
        result.error = bad.message;
        result.error_spec = bad.spec;
        result.error_code = bad.code;
    }
    return result;
}

ImageCost image_cost(const SpecSet& specs) {
    using namespace detail;
    const ImageLayout l = build_layout(specs, LayoutMode::Generate);
    const ImageGeometry g = layout_geometry(l);
    ImageCost cost;
    cost.header_bytes = sizeof(kapi_image_header);
    cost.string_table_bytes = l.strings.size();
    cost.total_bytes = g.size;
    for (std::size_t id = 0; id < KAPI_TABLE_STRINGS; ++id)
        cost.structure_bytes += std::size_t{g.tables[id].count} * g.tables[id].entsize;

    for (const kapi_image_spec& r : l.specs) {
        SpecCost c;
        c.name = l.string_at(r.name);
        std::set<std::uint32_t> strings;
        StringRefs refs{strings};
        // The records of slice S of TABLE, with their strings.
        auto records = [&](const kapi_image_slice& s, const auto& table) {
            c.structure_bytes += std::size_t{s.count} * sizeof(table[0]);
            for (std::size_t i = s.first; i < std::size_t{s.first} + s.count; ++i)
                refs.record(table[i]);
        };
        c.structure_bytes += sizeof(kapi_image_spec);
        refs.record(r);
        records(r.params, l.params);
        for (std::size_t i = r.params.first; i < std::size_t{r.params.first} + r.params.count; ++i)
            records(l.params[i].values, l.values);
        records(r.errors, l.errors);
        for (std::size_t i = r.errors.first; i < std::size_t{r.errors.first} + r.errors.count; ++i)
            records(l.errors[i].objects, l.objects);
        records(r.locks, l.locks);
        records(r.signals, l.signals);
        records(r.effects, l.effects);
        records(r.transitions, l.transitions);
        records(r.caps, l.caps);
        records(r.constraints, l.constraints);
        for (std::uint32_t off : strings)
            c.text_bytes += l.string_at(off).size() + 1;
        cost.specs.push_back(std::move(c));
    }
    return cost;
}

SpecSet DecodeImagesResult::merged() const {
    SpecSet all;
    for (const DecodedImage& image : images) {
        all.specs.insert(all.specs.end(), image.specs.specs.begin(), image.specs.specs.end());
        // A struct name that an earlier image describes keeps that
        // description (one struct per name in a set).
        for (const StructSpec& st : image.specs.structs)
            if (!all.find_struct(st.name))
                all.structs.push_back(st);
    }
    return all;
}

DecodeImagesResult decode_images(std::span<const std::uint8_t> data) {
    DecodeImagesResult result;
    std::size_t pos = 0;
    while (pos < data.size()) {
        DecodedImage image;
        image.offset = pos;
        const std::string where = "image " + std::to_string(result.images.size()) + " at offset " +
                                  std::to_string(pos) + ": ";
        try {
            image.size = detail::Decoder(data.subspan(pos), false).run(image.specs);
        } catch (const detail::Bad& bad) {
            result.error = where + bad.message;
            return result;
        }
        std::size_t end = pos + image.size;
        std::size_t next = std::min<std::size_t>(detail::align8(end), data.size());
        for (std::size_t i = end; i < next; ++i) {
            if (data[i] != 0) {
                result.error = where + "padding byte at offset " + std::to_string(i) + " not zero";
                return result;
            }
        }
        result.images.push_back(std::move(image));
        pos = next;
    }
    return result;
}

} // namespace kapi
