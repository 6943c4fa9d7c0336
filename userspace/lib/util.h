// SPDX-License-Identifier: GPL-2.0
//
// Small string helpers that several parts of libkapi share (the parser, the
// generator, the renderers, the netlink messages): ASCII character classes
// of C, C identifiers, case-insensitive comparison, hexadecimal numbers and
// joined word lists. ASCII only and independent of the locale, as C and the
// kernel read text. Private to libkapi.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kapi {

// White space as C's isspace() in the "C" locale.
inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A character that can start a C identifier: a letter or '_'.
inline bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// A character of a C identifier: a letter, a digit or '_'.
inline bool is_ident_char(char c) {
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

// Whether S is a C identifier ("O_CREAT", "_x1"; not "", "1x" or "a-b").
inline bool is_identifier(std::string_view s) {
    if (s.empty() || !is_ident_start(s[0]))
        return false;
    for (char c : s)
        if (!is_ident_char(c))
            return false;
    return true;
}

// C with 'A' to 'Z' made lowercase.
inline char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether A and B are equal but for the case of ASCII letters.
inline bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); i++)
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return false;
    return true;
}

// V in lowercase hexadecimal with a 0x prefix: "0x0", "0x7fff".
inline std::string hex(std::uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    char buf[2 + 16];
    std::size_t n = sizeof(buf);
    do {
        buf[--n] = kDigits[v & 0xf];
        v >>= 4;
    } while (v != 0);
    buf[--n] = 'x';
    buf[--n] = '0';
    return std::string(buf + n, sizeof(buf) - n);
}

// WORDS with SEP between them: "a, b, c"; "" for none.
inline std::string join(const std::vector<std::string_view>& words, std::string_view sep = ", ") {
    std::string out;
    for (std::string_view w : words) {
        if (!out.empty())
            out += sep;
        out += w;
    }
    return out;
}

} // namespace kapi
