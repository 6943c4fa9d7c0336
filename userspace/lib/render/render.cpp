// SPDX-License-Identifier: GPL-2.0
//
// The name -> factory table of kapi's output formats. kapi-dump's
// -f/--format, its --json/--rst/--plain/--syzlang shorthands and --help all
// read it, so a format added here is available everywhere at once.
#include "kapi/render.h"

#include <array>

#include "util.h"

namespace kapi {

namespace {

constexpr std::array kRenderers = {
    RendererInfo{"plain", "plain text for people (the default)", make_plain_renderer},
    RendererInfo{"json", "JSON as Documentation/json.rst defines it", make_json_renderer},
    RendererInfo{"rst", "reStructuredText, a user-space API manual", make_rst_renderer},
    RendererInfo{"syzlang", "syzkaller system call descriptions", make_syzlang_renderer},
    RendererInfo{"c-header", "a C header that makes compilers reject bad constant arguments",
                 make_cheader_renderer},
};

} // namespace

std::span<const RendererInfo> renderers() {
    return kRenderers;
}

const RendererInfo* find_renderer(std::string_view name) {
    for (const RendererInfo& r : kRenderers)
        if (iequal(name, r.name))
            return &r;
    return nullptr;
}

} // namespace kapi
