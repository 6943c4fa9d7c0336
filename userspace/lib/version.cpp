// SPDX-License-Identifier: GPL-2.0
//
// Version information of the kapi userspace tools: the release version comes
// from CMake (generated version_config.h), the interface versions from the
// UAPI header shared with kapi.ko, so neither is written down twice.
#include "kapi/version.h"

#include "uapi/linux/kapi.h"
#include "version_config.h"

namespace kapi {

std::string_view tool_version() noexcept {
    return KAPI_TOOL_VERSION;
}

FormatVersion image_format_version() noexcept {
    return {KAPI_IMAGE_VERSION_MAJOR, KAPI_IMAGE_VERSION_MINOR};
}

std::string_view genl_family_name() noexcept {
    return KAPI_GENL_NAME;
}

unsigned int genl_family_version() noexcept {
    return KAPI_GENL_VERSION;
}

} // namespace kapi
