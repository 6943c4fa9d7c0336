// SPDX-License-Identifier: GPL-2.0
//
// The cheap test that lets kapi-dump --source skip the files of a large tree
// that cannot hold a spec, before the parser lexes them. The parser makes a
// kerneldoc comment a spec only if it has a context-flags tag (in one of the
// spellings of the parser's own tag table); this scan looks for such a key,
// or a tag only specs use, or "struct" (a struct comment), followed by a colon anywhere in the text, which
// is a superset of what the parser accepts, so a file it rejects has no
// spec and no error (and no warning about a spec missing its context-flags,
// unless that spec has only tags that ordinary kerneldoc uses too).
#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/source.h"
#include "parser/parser_internal.h"

namespace kapi {

namespace {

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

// A key as normalize_key() writes it: lower case, '_' as '-'.
char normalized(char c) {
    if (c >= 'A' && c <= 'Z')
        return static_cast<char>(c - 'A' + 'a');
    return c == '_' ? '-' : c;
}

struct Spellings {
    std::vector<std::string_view> names;
    std::size_t longest = 0;
};

// The context-flags tag, which every spec has, and the tags that only a
// spec has, which a comment meant as a spec but missing its context-flags
// has: the parser warns about such a comment (almost_spec_comment()).
const Spellings& context_flags_spellings() {
    static const Spellings spellings = [] {
        Spellings s;
        for (std::string_view tag : {"context-flags", "long-desc", "api-type", "param-count",
                                     "side-effect", "state-trans", "ioctl-cmd"})
            for (std::string_view n : detail::tag_spellings(tag))
                s.names.push_back(n);
        s.names.push_back("struct"); // a struct comment's first tag
        for (std::string_view n : s.names)
            s.longest = std::max(s.longest, n.size());
        return s;
    }();
    return spellings;
}

// Whether the word that ends at END (exclusive) is one of the spellings.
bool spelling_ends_at(std::string_view text, std::size_t end, const Spellings& s) {
    std::size_t begin = end;
    while (begin > 0 && end - begin <= s.longest && is_key_char(text[begin - 1]))
        begin--;
    std::size_t len = end - begin;
    if (len == 0 || len > s.longest)
        return false;
    for (std::string_view name : s.names) {
        if (name.size() != len)
            continue;
        bool same = true;
        for (std::size_t i = 0; i < len && same; i++)
            same = normalized(text[begin + i]) == name[i];
        if (same)
            return true;
    }
    return false;
}

} // namespace

bool may_contain_specs(std::string_view text) {
    if (text.find("/**") == std::string_view::npos)
        return false;
    const Spellings& s = context_flags_spellings();
    for (std::size_t colon = text.find(':'); colon != std::string_view::npos;
         colon = text.find(':', colon + 1)) {
        // The parser allows spaces between a key and its colon.
        std::size_t end = colon;
        while (end > 0 && text[end - 1] == ' ')
            end--;
        if (spelling_ends_at(text, end, s))
            return true;
    }
    return false;
}

} // namespace kapi
