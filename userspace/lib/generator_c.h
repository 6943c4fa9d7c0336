// SPDX-License-Identifier: GPL-2.0
//
// Private to libkapi: pieces of C that both generators write (the spec
// image, generator.cpp, and the specialised checks, check_generator.cpp):
// string literals, comments, number literals and UAPI identifiers.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/names.h"
#include "util.h"

namespace kapi::detail {

// The body of a C string literal holding S.
inline std::string c_escape(std::string_view s) {
    static constexpr char kOctal[] = "01234567";
    std::string out;
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '?': // never a trigraph
            out += "\\?";
            break;
        default:
            if (c >= 0x20 && c < 0x7f) {
                out += ch;
            } else {
                out += '\\';
                out += kOctal[(c >> 6) & 7];
                out += kOctal[(c >> 3) & 7];
                out += kOctal[c & 7];
            }
        }
    }
    return out;
}

// S made safe inside a C comment: printable ASCII only, no "/*" or "*/",
// no "??" (trigraphs) or backslashes.
inline std::string comment_safe(std::string_view s) {
    std::string out;
    for (char c : s) {
        bool ok = c >= 0x20 && c < 0x7f && c != '\\' && c != '"';
        if (!ok || (c == '/' && !out.empty() && out.back() == '*') ||
            (c == '*' && !out.empty() && out.back() == '/') ||
            (c == '?' && !out.empty() && out.back() == '?'))
            c = '.';
        out += c;
    }
    return out;
}

// A 64-bit literal that means V in C.
inline std::string s64_literal(std::int64_t v) {
    if (v == std::numeric_limits<std::int64_t>::min())
        return "(-9223372036854775807LL - 1)";
    std::string s = std::to_string(v);
    if (v > std::numeric_limits<std::int32_t>::max() ||
        v < std::numeric_limits<std::int32_t>::min())
        s += "LL";
    return s;
}

// A 32-bit literal that means V in C.
inline std::string s32_literal(std::int32_t v) {
    if (v == std::numeric_limits<std::int32_t>::min())
        return "(-2147483647 - 1)";
    return std::to_string(v);
}

// An enumeration value by its UAPI identifier, or the number.
inline std::string enum_c(EnumKind kind, std::uint32_t v) {
    std::string_view name = enum_name(enum_table(kind), v);
    return name.empty() ? std::to_string(v) : std::string(name);
}

// A bit set as KAPI_A | KAPI_B, with unknown bits in hex.
inline std::string bits_c(EnumKind kind, std::uint32_t v) {
    if (v == 0)
        return "0";
    const EnumTable& t = enum_table(kind);
    std::vector<std::string_view> names = bit_names(t, v);
    std::uint32_t known = 0;
    for (std::string_view n : names)
        known |= enum_lookup(t, n).value_or(0);
    std::string out = join(names, " | ");
    if ((v & ~known) != 0)
        out += (out.empty() ? "" : " | ") + hex(v & ~known);
    return out;
}

} // namespace kapi::detail
