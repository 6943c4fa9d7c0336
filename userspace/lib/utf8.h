// SPDX-License-Identifier: GPL-2.0
//
// UTF-8 validation shared by the writers of JSON strings (the renderer and
// the netlink commands' output). Private to libkapi.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kapi {

// Length of the valid UTF-8 sequence at P (END is one past the text), 0 if
// it is not one: overlong forms, surrogates and values above U+10FFFF are
// not valid.
inline std::size_t utf8_length(const unsigned char* p, const unsigned char* end) {
    std::size_t n;
    std::uint32_t cp;
    if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        n = 2;
        cp = p[0] & 0x1fU;
    } else if ((p[0] & 0xf0) == 0xe0) {
        n = 3;
        cp = p[0] & 0x0fU;
    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        n = 4;
        cp = p[0] & 0x07U;
    } else {
        return 0;
    }
    if (static_cast<std::size_t>(end - p) < n)
        return 0;
    for (std::size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3fU);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

} // namespace kapi
