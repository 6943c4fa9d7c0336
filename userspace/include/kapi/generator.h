// SPDX-License-Identifier: GPL-2.0
//
// The C generator behind kapi-gen: writes a spec image as kernel C source.
// The image is one static const object in section ".kapi_specs"
// (KAPI_IMAGE_SECTION) whose numbers are C expressions, so the compiler
// evaluates O_CREAT, INT_MAX or -EBADF against the target kernel's headers;
// the generator computes the string table and the record layout (the same
// layout encode_image() writes), and the compiler fills in table offsets and
// sizes. Compiled, the object's bytes are a valid spec image.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"

namespace kapi {

// Returns the C source of a spec image holding SPECS. INCLUDES are #include
// lines (verbatim, e.g. "#include <linux/fcntl.h>") written before the
// kernel headers the generated code needs and "uapi/linux/kapi.h";
// duplicates are written once. The file defines exactly two global symbols:
//
//   const void *const SYMBOL_data;   the image
//   const size_t SYMBOL_size;        its size in bytes
//
// Throws kapi::Error(ExitCode::Usage) naming the spec and field if SYMBOL is
// not a C identifier, an expression cannot be pasted into C safely
// (unbalanced parentheses, a ';', a comment, a string...) or the specs would
// make an invalid image (duplicate names, an enumeration out of range...).
std::string generate_c(const SpecSet& specs, const std::vector<std::string>& includes,
                       const std::string& symbol);

// Checks SPECS the way the kernel will check the generated image, with the
// numbers the compiler computes left out; returns "" or the first problem,
// naming the spec ("spec 2 (sys_write): param 1: ..."). *SPEC_INDEX, if not
// null, is set to the index of that spec, or -1.
std::string check_specs(const SpecSet& specs, int* spec_index = nullptr);

} // namespace kapi
