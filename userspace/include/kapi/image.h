// SPDX-License-Identifier: GPL-2.0
//
// The spec image codec: turns a SpecSet into the binary spec image of
// include/uapi/linux/kapi.h and back. The decoder treats its input as
// untrusted (an ELF section, a debugfs file, a netlink attribute): it checks
// every offset, count, string and enumeration before it reads through it and
// reports the first problem as one precise message. The byte-by-byte format
// is described in Documentation/image-format.rst.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kapi/model.h"

namespace kapi {

// Encodes SPECS as one spec image: little-endian, tables 8-byte aligned in
// table-id order after the header, the string table last and deduplicated
// (offset 0 is ""), the whole image padded to a multiple of 8 bytes. Every
// Num must have a value, or be empty (which encodes as 0); errno names
// (Param::violation_error, Signal::error) are resolved through the spec's
// own errors list, then names.h, then as a decimal number. The 32-bit
// number fields (Capability::cap, Signal::number, Param::alignment: an
// int32; Spec::ioctl_cmd: 0..UINT32_MAX) must fit. Throws
// kapi::Error(ExitCode::Usage) naming the spec and field on a Num without a
// value, a value too large for its field, an unknown errno name or a model
// the decoder would reject.
std::vector<std::uint8_t> encode_image(const SpecSet& specs);

// The outcome of decoding one image: the specs, or the first problem found.
// A Num always decodes with a value (0 for a field the writer left unset;
// Spec::ioctl_cmd as the unsigned 32-bit command);
// errno numbers decode to the name of the matching entry of the spec's
// errors list, else to the errno name from names.h, else to the decimal
// number ("-135").
struct DecodeResult {
    SpecSet specs;
    std::string error;   // empty on success
    int error_spec = -1; // index of the spec the error is about, or -1
    // The errno kapi.ko refuses the same image with (module/image.c):
    // -ENOEXEC not a spec image, -EOPNOTSUPP an unknown major version,
    // -EEXIST two specs of one name, -EBADMSG anything else; 0 on success.
    int error_code = 0;

    bool ok() const { return error.empty(); }
};

// Decodes one image that fills DATA exactly, refusing what kapi.ko refuses
// (every record is checked by the kernel's rules, including records no spec
// refers to, spec names and error names). Accepts any minor version of a
// known major version; fields an image of a newer minor may use (reserved
// fields, enumeration values and bits this reader does not know, bytes past
// the known part of a record) are only checked for images whose minor
// version is not newer than KAPI_IMAGE_VERSION_MINOR.
DecodeResult decode_image(std::span<const std::uint8_t> data);

// One image of a sequence, with where it was found.
struct DecodedImage {
    std::size_t offset = 0; // byte offset of the image in the buffer
    std::size_t size = 0;   // its header's size
    SpecSet specs;
};

struct DecodeImagesResult {
    std::vector<DecodedImage> images;
    std::string error; // empty on success

    bool ok() const { return error.empty(); }
    // All specs of all images, in order.
    SpecSet merged() const;
};

// Decodes a buffer holding zero or more images back to back, each starting
// at an 8-byte aligned offset, with zero bytes of padding between them (the
// layout of /sys/kernel/debug/kapi/image). Errors name the image and its
// offset.
DecodeImagesResult decode_images(std::span<const std::uint8_t> data);

// What one spec costs in an image: the bytes of its records (spec record,
// params, errors, ... and enumeration values) and of its text (every
// distinct string it refers to, with its NUL; strings shared with other
// specs are counted for each of them).
struct SpecCost {
    std::string name;
    std::size_t structure_bytes = 0;
    std::size_t text_bytes = 0;
};

struct ImageCost {
    std::vector<SpecCost> specs;
    std::size_t header_bytes = 0;       // the image header
    std::size_t structure_bytes = 0;    // all records
    std::size_t string_table_bytes = 0; // after deduplication
    std::size_t total_bytes = 0;        // the image, padding included
};

// The cost of SPECS as an image. Numbers need not be resolved: the layout
// does not depend on them. Throws kapi::Error(ExitCode::Usage) like
// encode_image() for a model that cannot become an image.
ImageCost image_cost(const SpecSet& specs);

} // namespace kapi
