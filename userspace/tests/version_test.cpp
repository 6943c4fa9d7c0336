// SPDX-License-Identifier: GPL-2.0
//
// Tests of kapi/version.h: the tool version is the project version (the
// repository's VERSION file, shared with kapi.ko), and the interface
// versions are exactly those of include/uapi/linux/kapi.h.

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "kapi/version.h"
#include "uapi/linux/kapi.h"

namespace {

TEST(VersionTest, ToolVersionIsProjectVersion) {
    EXPECT_EQ(kapi::tool_version(), KAPI_TEST_PROJECT_VERSION);
}

TEST(VersionTest, ToolVersionIsFirstLineOfVersionFile) {
    std::ifstream file(KAPI_TEST_VERSION_FILE);
    ASSERT_TRUE(file) << "cannot open " << KAPI_TEST_VERSION_FILE;
    std::string line;
    ASSERT_TRUE(std::getline(file, line));
    EXPECT_EQ(kapi::tool_version(), line);
}

TEST(VersionTest, ImageFormatVersionIsUapiVersion) {
    kapi::FormatVersion version = kapi::image_format_version();
    EXPECT_EQ(version.major, KAPI_IMAGE_VERSION_MAJOR);
    EXPECT_EQ(version.minor, KAPI_IMAGE_VERSION_MINOR);
}

TEST(VersionTest, NetlinkFamilyIsUapiFamily) {
    EXPECT_EQ(kapi::genl_family_name(), KAPI_GENL_NAME);
    EXPECT_EQ(kapi::genl_family_version(), KAPI_GENL_VERSION);
}

} // namespace
