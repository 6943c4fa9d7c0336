// SPDX-License-Identifier: GPL-2.0
//
// libFuzzer target of the spec image decoder, the reader of every image
// kapi-dump gets from debugfs, an ELF section or (later) netlink. Any input
// must decode or be refused with a message, never crash or read out of
// bounds (ASan, UBSan). An image that decodes must survive the round trip
// the unit tests check on known images: its specs encode, and decode again
// to the same specs; and every renderer must render them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <sstream>

#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/render.h"

namespace {

void render_all(const kapi::SpecSet& specs) {
    for (const kapi::RendererInfo& info : kapi::renderers()) {
        for (bool pretty : {false, true}) {
            auto r = info.make(kapi::RenderOptions{pretty});
            std::ostringstream out;
            r->list(specs, out);
            for (const kapi::Spec& s : specs.specs)
                r->spec(s, out);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    kapi::DecodeImagesResult all = kapi::decode_images(bytes);
    kapi::DecodeResult one = kapi::decode_image(bytes);
    if (!one.ok())
        return 0;
    // One whole image is also a sequence of one image.
    if (!all.ok() || all.images.size() != 1)
        std::abort();
    std::vector<std::uint8_t> again;
    try {
        again = kapi::encode_image(one.specs);
    } catch (const kapi::Error&) {
        // A newer minor version may hold what this version cannot write.
        return 0;
    }
    kapi::DecodeResult round = kapi::decode_image(again);
    if (!round.ok() || !(round.specs == one.specs))
        std::abort();
    render_all(one.specs);
    return 0;
}
