// SPDX-License-Identifier: GPL-2.0
//
// Shared wording of the plain-text and reStructuredText renderers (see
// text.h).
#include "text.h"

#include <cstdint>
#include <sstream>

#include "common.h"
#include "kapi/names.h"
#include "utf8.h"

namespace kapi::render {

std::string constraint_summary(const Spec& spec, const Param& p, const Words& words) {
    const auto& num = words.num;
    NumStyle style = p.type == KAPI_TYPE_UINT ? NumStyle::Unsigned : NumStyle::Signed;
    switch (p.constraint) {
    case KAPI_CONSTRAINT_NONE:
        return {};
    case KAPI_CONSTRAINT_RANGE:
        return "range " + num(p.min, style) + " .. " + num(p.max, style);
    case KAPI_CONSTRAINT_MASK:
        return "no bits outside " + num(p.mask, NumStyle::Hex);
    case KAPI_CONSTRAINT_ENUM: {
        std::string out = "one of ";
        for (std::size_t i = 0; i < p.values.size(); i++)
            out += (i ? ", " : "") + num(p.values[i], style);
        return out;
    }
    case KAPI_CONSTRAINT_ALIGNMENT:
        return "a multiple of " + num(p.alignment, NumStyle::Unsigned);
    case KAPI_CONSTRAINT_POWER_OF_TWO:
        return "a power of two";
    case KAPI_CONSTRAINT_PAGE_ALIGNED:
        return "a multiple of the page size";
    case KAPI_CONSTRAINT_NONZERO:
        return "not zero";
    case KAPI_CONSTRAINT_USER_STRING:
        return "a NUL-terminated user string of " + num(p.min, style) + " .. " + num(p.max, style) +
               " bytes";
    case KAPI_CONSTRAINT_USER_PATH:
        return "a user path name, shorter than PATH_MAX";
    case KAPI_CONSTRAINT_USER_PTR:
        return "a user pointer to " + num(p.size, NumStyle::Unsigned) + " bytes";
    case KAPI_CONSTRAINT_BUFFER: {
        std::string size;
        if (const Param* source = size_source(spec, p))
            size = words.name(source->name);
        if (num_given(p.size_mult) && !(p.size_mult.value == 1 && p.size_mult.expr.empty()))
            size += (size.empty() ? "" : " * ") + num(p.size_mult, NumStyle::Unsigned);
        if (size.empty())
            size = num(p.size, NumStyle::Unsigned);
        return "a user buffer of " + size + " bytes";
    }
    case KAPI_CONSTRAINT_CUSTOM:
        return "custom (see the text)";
    case KAPI_CONSTRAINT_FD: {
        // the requirements in the order the kernel checks them
        static constexpr struct {
            std::uint32_t bit;
            const char* words;
        } kAccess[] = {
            {KAPI_FD_OPEN, "open"},
            {KAPI_FD_NOT_PATH, "not O_PATH"},
            {KAPI_FD_READ, "open for reading"},
            {KAPI_FD_WRITE, "open for writing"},
            {KAPI_FD_CAN_READ, "with a read method"},
            {KAPI_FD_CAN_WRITE, "with a write method"},
            {KAPI_FD_DIR, "a directory"},
            {KAPI_FD_AT_FDCWD, "or AT_FDCWD"},
        };
        std::uint64_t need = p.mask.value ? static_cast<std::uint64_t>(*p.mask.value) : 0;
        std::string out = "a descriptor";
        if (!p.mask.value)
            return out + " (" + num(p.mask, NumStyle::Hex) + ")";
        const char* sep = ": ";
        for (const auto& a : kAccess)
            if (need & a.bit) {
                out += sep + std::string(a.words);
                sep = ", ";
            }
        if ((need & KAPI_FD_IF_RELATIVE) && p.size_param >= 0 &&
            static_cast<std::size_t>(p.size_param) < spec.params.size())
            out += "; looked at only when " +
                   words.name(spec.params[static_cast<std::size_t>(p.size_param)].name) +
                   " is a relative path";
        if (need & KAPI_FD_NEGATIVE_OK)
            out += "; a negative value is no violation (the call fails with " +
                   (p.violation_error.empty() ? std::string("its error") : p.violation_error) + ")";
        return out;
    }
    case KAPI_CONSTRAINT_OPEN_FLAGS:
        return "open(2) flags that build_open_flags() accepts";
    default:
        return std::string(constraint_type_token(p.constraint));
    }
}

std::string success_summary(const Return& r, const Words& words) {
    auto num = [&](const Num& n) { return words.num(n, NumStyle::Signed); };
    switch (r.check) {
    case KAPI_RETURN_EXACT:
        return "exactly " + num(r.success_min);
    case KAPI_RETURN_RANGE:
        // The parser writes ">= 0" as 0 .. S64_MAX.
        if (r.success_max.value == INT64_MAX || r.success_max.expr == "S64_MAX")
            return ">= " + num(r.success_min);
        if (r.success_min.value == INT64_MIN || r.success_min.expr == "S64_MIN")
            return "<= " + num(r.success_max);
        return num(r.success_min) + " .. " + num(r.success_max);
    case KAPI_RETURN_ERROR_CHECK:
        return "anything but an error";
    case KAPI_RETURN_FD:
        return "a new file descriptor";
    case KAPI_RETURN_CUSTOM:
        return "custom (see the text)";
    case KAPI_RETURN_NO_RETURN:
        return "does not return";
    default:
        return std::string(return_check_token(r.check));
    }
}

std::string signal_heading(const Signal& g, const Words& words) {
    if (g.name.empty())
        return words.num(g.number, NumStyle::Signed);
    std::string head = words.name(g.name);
    if (g.number.value && (g.number.expr.empty() || g.number.expr == g.name))
        head += " (" + std::to_string(*g.number.value) + ")";
    else if (num_given(g.number))
        head += " (" + words.num(g.number, NumStyle::Signed) + ")";
    return head;
}

std::string capability_heading(const Capability& c, const Words& words) {
    if (c.name.empty())
        return words.num(c.cap, NumStyle::Signed);
    std::string head = words.name(c.name);
    if (c.cap.value && c.cap.expr != std::to_string(*c.cap.value))
        head += " (" + std::to_string(*c.cap.value) + ")";
    return head;
}

std::string_view kind_words(std::uint32_t kind) {
    switch (kind) {
    case KAPI_KIND_SYSCALL:
        return "system call";
    case KAPI_KIND_IOCTL:
        return "ioctl";
    case KAPI_KIND_FUNCTION:
        return "kernel function";
    default:
        return api_kind_token(kind);
    }
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c == '\t') {
            out += ' ';
        } else if ((c < 0x20 && c != '\n') || c == 0x7f) {
            out += '?';
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (std::size_t n = utf8_length(p, end); n != 0) {
            // C1 controls, U+0080 .. U+009F (CSI is U+009B), are 0xc2 0x80 ..
            // 0xc2 0x9f.
            if (n == 2 && c == 0xc2 && p[1] < 0xa0)
                out += '?';
            else
                out.append(reinterpret_cast<const char*>(p), n);
            p += n;
            continue;
        } else {
            out += "\xef\xbf\xbd"; // U+FFFD, as the JSON writer writes it
        }
        p++;
    }
    return out;
}

void TextRenderer::list(const SpecSet& specs, std::ostream& out) const {
    std::ostringstream text;
    write_list(specs, text);
    out << printable(text.str());
}

void TextRenderer::spec(const Spec& s, std::ostream& out) const {
    spec_in(s, SpecSet{}, out);
}

void TextRenderer::spec_in(const Spec& s, const SpecSet& set, std::ostream& out) const {
    std::ostringstream text;
    write_spec(s, set, text);
    out << printable(text.str());
}

Param field_as_param(const StructField& f) {
    Param p;
    p.name = f.name;
    p.type_name = f.type_name;
    p.constraint_text = f.description;
    p.type = f.type;
    p.flags = f.flags;
    p.constraint = f.constraint;
    p.size = f.size;
    p.min = f.min;
    p.max = f.max;
    p.mask = f.mask;
    p.values = f.values;
    p.violation_error = f.violation_error;
    return p;
}

void TextRenderer::all(const SpecSet& specs, std::ostream& out) const {
    std::ostringstream text;
    for (std::size_t i = 0; i < specs.specs.size(); i++) {
        if (i != 0)
            text << '\n';
        write_spec(specs.specs[i], specs, text);
    }
    out << printable(text.str());
}

} // namespace kapi::render
