// SPDX-License-Identifier: GPL-2.0
//
// Private to libkapi: the spec image as tables of host-order records before
// it is written out. The encoder (image.cpp) serializes it to bytes and the
// C generator (generator.cpp) prints it as initializers, so both lay out
// records and strings the same way and a compiled generated image equals
// the encoder's bytes for the same values. fields() visits the fields of
// any record as include/kapi/image_records.h lists them, for the kernel too.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "kapi/error.h"
#include "kapi/model.h"
#include "uapi/linux/kapi.h"
// After the UAPI header, whose types and constants the lists name.
#include "kapi/image_records.h"
#include "util.h"

namespace kapi::detail {

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

// The kinds of fields of include/kapi/image_records.h.
enum class FieldKind {
    U32,
    S32,
    STR,
    SPEC_NAME,
    PARAM_NAME,
    ERROR_NAME,
    ENUM,
    BITS,
    FLAGS,
    ERRNO,
    SIZE_PARAM,
    RESERVED,
    NUM,
    NUM32,
    SLICE,
    RET,
    ENUM16,
    STRUCT_REF,
};

// Calls v(kind, name, field, arg) for each field of record R, in memory
// order, from the lists in include/kapi/image_records.h.
#define KAPI_IMAGE_F(kind, field, arg)                                                             \
    v(FieldKind::kind, #field, r.field, static_cast<std::uint32_t>(arg));

template <Is<kapi_image_return> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_RETURN_FIELDS
}

template <Is<kapi_image_spec> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_SPEC_FIELDS
}

template <Is<kapi_image_param> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_PARAM_FIELDS
}

template <Is<kapi_image_error> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_ERROR_FIELDS
}

template <Is<kapi_image_object> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_OBJECT_FIELDS
}

template <Is<kapi_image_lock> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_LOCK_FIELDS
}

template <Is<kapi_image_signal> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_SIGNAL_FIELDS
}

template <Is<kapi_image_effect> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_EFFECT_FIELDS
}

template <Is<kapi_image_transition> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_TRANSITION_FIELDS
}

template <Is<kapi_image_cap> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_CAP_FIELDS
}

template <Is<kapi_image_constraint> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_CONSTRAINT_FIELDS
}

template <Is<kapi_image_struct> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_STRUCT_FIELDS
}

template <Is<kapi_image_struct_field> R, class V>
constexpr void fields(R& r, V& v) {
    KAPI_IMAGE_STRUCT_FIELD_FIELDS
}

#undef KAPI_IMAGE_F

// Encode: every number must be known (the bytes are final). Generate: the C
// compiler computes the numbers; unknown ones are left 0 here, and errno
// names are kept so the generator can write them as -ENAME.
enum class LayoutMode { Encode, Generate };

struct ImageLayout {
    std::vector<kapi_image_spec> specs;
    std::vector<kapi_image_param> params;
    std::vector<kapi_image_error> errors;
    std::vector<kapi_image_lock> locks;
    std::vector<kapi_image_signal> signals;
    std::vector<kapi_image_effect> effects;
    std::vector<kapi_image_transition> transitions;
    std::vector<kapi_image_cap> caps;
    std::vector<kapi_image_constraint> constraints;
    std::vector<kapi_image_num> values;
    std::vector<kapi_image_object> objects;
    std::string strings; // the string table; starts with the empty string
    std::vector<kapi_image_struct> structs;
    std::vector<kapi_image_struct_field> fields;

    // Generate mode only: the errno name (e.g. "EINVAL") behind each
    // param's violation_error and each signal's error, "" for none or a
    // plain number. Indexed like params and signals.
    std::vector<std::string> param_violation_names;
    std::vector<std::string> signal_error_names;
    std::vector<std::string> field_violation_names; // indexed like fields

    // The NUL-terminated string at OFFSET of the string table.
    std::string_view string_at(std::uint32_t offset) const;
};

// A model that cannot become an image; spec() is the index of the spec at
// fault, or -1.
class LayoutError : public Error {
public:
    LayoutError(const std::string& message, int spec)
        : Error(ExitCode::Usage, message), spec_(spec) {}

    int spec() const noexcept { return spec_; }

private:
    int spec_;
};

// Where each table goes, and the size of the whole image.
struct ImageGeometry {
    std::array<kapi_image_table, KAPI_TABLE_COUNT> tables{};
    std::uint32_t size = 0;
};

// Names of the tables, indexed by enum kapi_image_table_id ("specs",
// "params", ..., "strings"), as used in messages and in generated C.
extern const std::array<const char*, KAPI_TABLE_COUNT> kTableNames;

// Size of the record of table ID this reader knows (1 for strings).
std::uint32_t record_size(std::size_t id);

// Builds the tables of SPECS. Throws LayoutError for a string with a NUL
// byte and, in Encode mode, for a Num without value or an errno name that
// cannot be resolved.
ImageLayout build_layout(const SpecSet& specs, LayoutMode mode);

// The layout that both generators (the image's C, the specialised
// checks) write from: SYMBOL must be a C identifier and SPECS pass
// check_specs(), else Error(Usage); then build_layout() in Generate mode.
ImageLayout generated_layout(const SpecSet& specs, const std::string& symbol);

// Places the tables: header first, then each table in id order at the next
// 8-byte boundary; the size is rounded up to 8. Throws LayoutError if the
// image would exceed KAPI_IMAGE_MAX_SIZE.
ImageGeometry layout_geometry(const ImageLayout& layout);

// The image bytes of LAYOUT (little-endian).
std::vector<std::uint8_t> serialize(const ImageLayout& layout);

// The kernel's limit on errno values (MAX_ERRNO).
constexpr std::int32_t kMaxErrno = 4095;

// A decimal errno number ("-135" or "135") as a negative errno, if it is
// one (1..kMaxErrno).
std::optional<std::int32_t> parse_errno_number(std::string_view s);

} // namespace kapi::detail
