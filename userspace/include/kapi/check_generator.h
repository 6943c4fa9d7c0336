// SPDX-License-Identifier: GPL-2.0
//
// The checks generator behind kapi-gen --checks: for each spec of an image,
// kernel C that does exactly what the check engine's interpreter
// (module/check.c: kapi_check_before(), kapi_check_after()) does for that
// spec, without reading the image: only the spec's rules, each with its
// numbers pasted in as the C expressions the image holds, so the compiler
// folds them against the target kernel's headers. The rules themselves are
// the interpreter's own inline helpers (module/check.h); what is generated
// is which rule applies to which argument, with which numbers, error and
// order, the return rule and the error list. See Documentation/runtime.rst,
// "Specialised checks".
#pragma once

#include <string>
#include <vector>

#include "kapi/model.h"

namespace kapi {

// The declared type of a parameter as the kernel's check engine reads it
// (kapi_check_param_type() in module/check.c): width in bits and
// signedness.
struct CheckType {
    unsigned bits = 64;
    bool is_signed = true;

    friend bool operator==(const CheckType&, const CheckType&) = default;
};

// kapi_check_param_type() for a parameter of enum kapi_param_type TYPE
// declared as TYPE_NAME.
CheckType check_param_type(std::uint32_t type, std::string_view type_name);

// Returns the C source of the specialised checks of SPECS, for the image
// generate_c(SPECS, INCLUDES, SYMBOL) writes. INCLUDES are #include lines
// as for generate_c(). Every spec with at most six parameters gets a
// before and an after function; the file defines
//
//   const struct kapi_check_gen SYMBOL_checks[];     one entry per such spec
//   const unsigned int SYMBOL_checks_count;
//
// (struct kapi_check_gen in module/check.h). Throws kapi::Error like
// generate_c() for specs that make no valid image.
std::string generate_checks_c(const SpecSet& specs, const std::vector<std::string>& includes,
                              const std::string& symbol);

} // namespace kapi
