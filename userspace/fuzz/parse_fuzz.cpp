// SPDX-License-Identifier: GPL-2.0
//
// libFuzzer target of the annotation parser, the reader of kapi-dump
// --source and of kapi-gen. Any text must parse or yield diagnostics, never
// crash (ASan, UBSan). Two properties are checked on the way: the cheap
// pre-filter of the tree scan (may_contain_specs()) lets every text through
// in which the parser finds a spec or an error, so skipping a file never
// loses one; and the specs of a text without errors render in every format.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "kapi/parser.h"
#include "kapi/render.h"
#include "kapi/source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    kapi::ParseResult r = kapi::parse_annotations(text, "fuzz.c");
    if ((!r.specs.specs.empty() || !r.errors.empty()) && !kapi::may_contain_specs(text))
        std::abort();
    for (const kapi::Diagnostic& d : r.errors)
        if (d.message.empty())
            std::abort();
    if (!r.ok())
        return 0;
    for (const kapi::RendererInfo& info : kapi::renderers()) {
        auto renderer = info.make(kapi::RenderOptions{});
        std::ostringstream out;
        renderer->list(r.specs, out);
        for (const kapi::Spec& s : r.specs.specs)
            renderer->spec(s, out);
    }
    return 0;
}
