// SPDX-License-Identifier: GPL-2.0
//
// The syzlang renderer: syzkaller system call descriptions
// (docs/syscall_descriptions_syntax.md in syzkaller) from the specs, for
// fuzzer authors. Each system call spec becomes one call (sys_read ->
// read), each ioctl spec an ioctl$NAME variant with its command as a
// constant; kernel functions have no syzkaller form and are skipped with a
// comment. Parameter types follow the spec: file descriptors are the fd
// resource (a call that returns one creates it), paths are
// ptr[in, filename], user buffers buffer[in|out|inout], other user memory
// ptr[dir, array[int8(, N)]], a parameter that gives another's size
// len[that one], masks and enumerations flag sets (named CALL_PARAM, listed
// after the calls), ranges int ranges, other integers intN by their C type
// (system call arguments take no base type for len and flags). The fd resource and filename are
// syzkaller's own (sys/linux/sys.txt), so the output belongs next to
// syzkaller's Linux descriptions.
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common.h"
#include "kapi/names.h"
#include "kapi/render.h"
#include "util.h"

namespace kapi {

namespace {

using render::num_given;

struct FlagSet {
    std::string name;
    std::vector<std::string> values;
};

// Collects the calls (each with its comment lines) and flag sets of one
// rendering.
struct Output {
    std::vector<std::string> calls;
    std::vector<FlagSet> flags;
};

// A name syzkaller accepts: letters, digits and '_'.
std::string identifier(std::string_view s) {
    std::string out;
    for (char c : s)
        out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])))
        out.insert(0, "_");
    return out;
}

// A number as syzkaller can read it: the expression when it is a single name
// (syzkaller resolves names against the kernel headers), else the value;
// std::nullopt when only a C compiler could tell (an expression such as
// sizeof(long) read from sources).
std::optional<std::string> constant(const Num& n) {
    if (is_identifier(n.expr))
        return n.expr;
    if (n.value)
        return std::to_string(*n.value);
    return std::nullopt;
}

// The integer type of a C type name: intptr for long and the size types,
// int64 for 64-bit types, int16/int8 for the small ones, else int32.
std::string int_type(const std::string& c_type) {
    auto has = [&](std::string_view w) { return c_type.find(w) != std::string::npos; };
    if (has("long long") || has("64"))
        return "int64";
    if (has("long") || has("size_t") || has("off_t") || has("loff_t") || has("uintptr"))
        return "intptr";
    if (has("short") || has("16"))
        return "int16";
    if ((has("char") || has("8")) && !has("*"))
        return "int8";
    return "int32";
}

// The elements of a mask: the names ORed in its expression, else its bits.
std::vector<std::string> mask_values(const Num& mask) {
    std::vector<std::string> names;
    bool simple = !mask.expr.empty();
    std::size_t start = 0;
    while (simple && start <= mask.expr.size()) {
        std::size_t bar = mask.expr.find('|', start);
        std::string_view word = std::string_view(mask.expr).substr(
            start, bar == std::string::npos ? std::string::npos : bar - start);
        while (!word.empty() && word.front() == ' ')
            word.remove_prefix(1);
        while (!word.empty() && word.back() == ' ')
            word.remove_suffix(1);
        simple = is_identifier(word);
        names.emplace_back(word);
        if (bar == std::string::npos)
            break;
        start = bar + 1;
    }
    if (simple)
        return names;
    std::vector<std::string> bits;
    std::uint64_t v = static_cast<std::uint64_t>(mask.value.value_or(0));
    for (unsigned int bit = 0; bit < 64; bit++)
        if (v & (std::uint64_t{1} << bit))
            bits.push_back(hex(std::uint64_t{1} << bit));
    return bits;
}

std::string direction(std::uint32_t flags) {
    bool in = flags & KAPI_PARAM_IN;
    bool out = flags & KAPI_PARAM_OUT;
    return in && out ? "inout" : out ? "out" : "in";
}

// The syzlang type of parameter INDEX of SPEC, adding flag sets to OUT.
std::string param_type(const Spec& s, std::size_t index, const std::string& call, Output& out) {
    const Param& p = s.params[index];
    std::string opt = (p.flags & KAPI_PARAM_OPTIONAL) ? ", opt" : "";
    if (p.type == KAPI_TYPE_FD)
        return "fd";
    if (p.type == KAPI_TYPE_PATH || p.constraint == KAPI_CONSTRAINT_USER_PATH)
        return "ptr[in, filename" + opt + "]";
    bool pointer =
        p.type == KAPI_TYPE_USER_PTR || p.type == KAPI_TYPE_PTR || p.type == KAPI_TYPE_ARRAY ||
        (p.flags & KAPI_PARAM_USER) || p.constraint == KAPI_CONSTRAINT_BUFFER ||
        p.constraint == KAPI_CONSTRAINT_USER_PTR || p.constraint == KAPI_CONSTRAINT_USER_STRING;
    if (pointer && p.type != KAPI_TYPE_INT && p.type != KAPI_TYPE_UINT) {
        std::string dir = direction(p.flags);
        if (p.constraint == KAPI_CONSTRAINT_USER_STRING)
            return "ptr[in, string" + opt + "]";
        if (p.constraint == KAPI_CONSTRAINT_BUFFER) {
            std::optional<std::string> mult = constant(p.size_mult);
            if (num_given(p.size_mult) && p.size_mult.value != 1 && mult)
                return "ptr[" + dir + ", array[array[int8, " + *mult + "]]" + opt + "]";
            return "buffer[" + dir + opt + "]";
        }
        if (std::optional<std::string> size = constant(p.size); num_given(p.size) && size)
            return "ptr[" + dir + ", array[int8, " + *size + "]" + opt + "]";
        return "ptr[" + dir + ", array[int8]" + opt + "]";
    }
    std::string base = int_type(p.type_name);
    if (const Param* buf = render::sized_by(s, index))
        return "len[" + identifier(buf->name) + "]";
    if (p.constraint == KAPI_CONSTRAINT_MASK || p.constraint == KAPI_CONSTRAINT_ENUM) {
        FlagSet set{identifier(call + "_" + p.name), {}};
        if (p.constraint == KAPI_CONSTRAINT_MASK)
            set.values = mask_values(p.mask);
        else
            for (const Num& v : p.values)
                if (std::optional<std::string> c = constant(v))
                    set.values.push_back(*c);
        if (!set.values.empty()) {
            out.flags.push_back(set);
            return "flags[" + set.name + "]";
        }
    }
    // Ranges are numbers in syzlang.
    if (p.constraint == KAPI_CONSTRAINT_RANGE && p.min.value && p.max.value)
        return base + "[" + std::to_string(*p.min.value) + ":" + std::to_string(*p.max.value) + "]";
    return base;
}

bool returns_fd(const Spec& s) {
    return s.ret.type == KAPI_TYPE_FD || s.ret.check == KAPI_RETURN_FD;
}

void describe(const Spec& s, Output& out) {
    if (s.kind == KAPI_KIND_FUNCTION) {
        out.calls.push_back("# " + s.name + ": a kernel function, not a system call: skipped");
        return;
    }
    std::string line = "# " + s.name;
    if (!s.summary.empty())
        line += ": " + s.summary;
    for (char& c : line)
        if (c == '\n' || static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    line += '\n';
    if (s.kind == KAPI_KIND_IOCTL) {
        // The command's number when known: the name may come from a header
        // syzkaller does not read (a module's own).
        std::string cmd = s.ioctl_cmd.value ? hex(static_cast<std::uint64_t>(*s.ioctl_cmd.value))
                                            : s.ioctl_cmd.expr;
        if (s.ioctl_cmd.value && !s.ioctl_cmd.expr.empty())
            line += "# command " + s.ioctl_cmd.expr + "\n";
        std::string call = "ioctl$" + identifier(s.name);
        line += call + "(fd fd, cmd const[" + cmd;
        std::string arg = "intptr";
        for (std::size_t i = 0; i < s.params.size(); i++)
            if (s.params[i].name == "arg")
                arg = param_type(s, i, identifier(s.name), out);
        line += "], arg " + arg + ")";
    } else {
        std::string call = identifier(render::call_name(s));
        line += call + "(";
        for (std::size_t i = 0; i < s.params.size(); i++) {
            if (i > 0)
                line += ", ";
            line += identifier(s.params[i].name) + " " + param_type(s, i, call, out);
        }
        line += ")";
    }
    if (returns_fd(s))
        line += " fd";
    out.calls.push_back(line);
}

void write(const Output& out, std::ostream& os) {
    os << "# syzkaller descriptions generated by kapi-dump from kernel API specifications.\n"
          "# fd and filename are syzkaller's own (sys/linux/sys.txt).\n";
    for (const std::string& c : out.calls)
        os << '\n' << c << '\n';
    if (!out.flags.empty())
        os << '\n';
    for (const FlagSet& f : out.flags) {
        os << f.name << " = ";
        for (std::size_t i = 0; i < f.values.size(); i++)
            os << (i ? ", " : "") << f.values[i];
        os << '\n';
    }
}

class SyzlangRenderer : public Renderer {
public:
    // A description file of every call the specs describe.
    void list(const SpecSet& specs, std::ostream& os) const override {
        Output out;
        for (const Spec& s : specs.specs)
            describe(s, out);
        write(out, os);
    }

    void spec(const Spec& s, std::ostream& os) const override {
        Output out;
        describe(s, out);
        write(out, os);
    }
};

} // namespace

std::unique_ptr<Renderer> make_syzlang_renderer(const RenderOptions&) {
    return std::make_unique<SyzlangRenderer>();
}

} // namespace kapi
