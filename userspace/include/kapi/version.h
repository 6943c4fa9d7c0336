// SPDX-License-Identifier: GPL-2.0
//
// Version information of the kapi userspace tools: the release they belong
// to, and the versions of the kernel interfaces they understand (the spec
// image format and the generic netlink family), as defined by
// include/uapi/linux/kapi.h.
#pragma once

#include <string_view>

namespace kapi {

// A MAJOR.MINOR interface version. Readers refuse a MAJOR they do not know
// and accept any MINOR of a MAJOR they know (Documentation/abi.rst).
struct FormatVersion {
    unsigned int major;
    unsigned int minor;

    friend bool operator==(const FormatVersion&, const FormatVersion&) = default;
};

// Release of the tools, e.g. "0.1.0"; the same as kapi.ko's.
std::string_view tool_version() noexcept;

// Spec image format version this build reads.
FormatVersion image_format_version() noexcept;

// Name and version of the generic netlink family this build speaks.
std::string_view genl_family_name() noexcept;
unsigned int genl_family_version() noexcept;

} // namespace kapi
