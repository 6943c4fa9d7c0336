// SPDX-License-Identifier: GPL-2.0
//
// Tests of the spec sources (kapi/source.h): debugfs (a directory holding
// an image file, as /sys/kernel/debug/kapi/ does), ELF files (the compiled
// fixtures of tests/CMakeLists.txt, and damaged copies of them), source
// trees, the cheap pre-filter of the tree scan, and the netlink source
// without kapi.ko. Every bad input must give exactly one precise message
// and kapi::Error with ExitCode::Usage.

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/parser.h"
#include "kapi/source.h"
#include "test_util.h"
#include "uapi/linux/kapi.h"

namespace {

namespace fs = std::filesystem;
using kapi::SourceResult;
using kapi::SpecSet;
using kapi_test::read_file;
using kapi_test::TempDir;
using kapi_test::write_file;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kData = KAPI_TEST_DATA_DIR;
const std::string kRepo = KAPI_TEST_REPO_DIR;
const std::string kFixtures = KAPI_TEST_FIXTURE_DIR;
const std::string kRenderElf = kFixtures + "/render_specs.o";
const std::string kInputElf = kFixtures + "/spec_input.o";

std::vector<std::string> names(const SpecSet& specs) {
    std::vector<std::string> out;
    for (const kapi::Spec& s : specs.specs)
        out.push_back(s.name);
    return out;
}

// The kapi::Error that F throws; fails the test if it throws none.
kapi::Error error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const kapi::Error& e) {
        return e;
    }
    ADD_FAILURE() << "no kapi::Error thrown";
    return kapi::Error(kapi::ExitCode::Success, "");
}

std::string section_of(const std::string& elf) {
    std::string bytes = read_file(elf);
    std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
    std::vector<std::uint8_t> s = kapi::elf_section(data, elf, KAPI_IMAGE_SECTION);
    return std::string(s.begin(), s.end());
}

std::string padded(std::string image) {
    image.resize((image.size() + 7) / 8 * 8, '\0');
    return image;
}

const std::vector<std::string> kRenderNames{"sys_render_open", "sys_render_xfer", "sys_render_misc",
                                            "render_ioc_get", "render_helper"};

// --- debugfs --------------------------------------------------------------

TEST(DebugfsSourceTest, DecodesTheImageFile) {
    TempDir dir("debugfs-one");
    write_file(dir / "image", section_of(kRenderElf));
    SourceResult r = kapi::debugfs_source(dir.str())->read();
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(names(r.specs), kRenderNames);
    // A trailing slash names the same directory.
    EXPECT_EQ(kapi::debugfs_source(dir.str() + "/")->read().specs, r.specs);
}

TEST(DebugfsSourceTest, ReadsSeveralImagesInOrder) {
    TempDir dir("debugfs-two");
    write_file(dir / "image", padded(section_of(kRenderElf)) + padded(section_of(kInputElf)));
    SourceResult r = kapi::debugfs_source(dir.str())->read();
    std::vector<std::string> expected = kRenderNames;
    for (const kapi::Spec& s : kapi::elf_source(kInputElf)->read().specs.specs)
        expected.push_back(s.name);
    EXPECT_EQ(names(r.specs), expected);
}

TEST(DebugfsSourceTest, AnEmptyImageFileHasNoSpecs) {
    TempDir dir("debugfs-empty");
    write_file(dir / "image", "");
    EXPECT_TRUE(kapi::debugfs_source(dir.str())->read().specs.specs.empty());
}

TEST(DebugfsSourceTest, MissingDirectoryNamesTheFileAndHowToFixIt) {
    TempDir dir("debugfs-missing");
    kapi::Error e = error_of([&] { kapi::debugfs_source(dir / "nope")->read(); });
    EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
    EXPECT_EQ(std::string(e.what()),
              "cannot read '" + (dir / "nope") + "/image': No such file or directory");
    EXPECT_THAT(e.hint(), HasSubstr("Is kapi.ko loaded"));
}

TEST(DebugfsSourceTest, ImageThatIsADirectory) {
    TempDir dir("debugfs-dir");
    fs::create_directories(dir / "image");
    kapi::Error e = error_of([&] { kapi::debugfs_source(dir.str())->read(); });
    EXPECT_EQ(std::string(e.what()), "cannot read '" + (dir / "image") + "': Is a directory");
}

TEST(DebugfsSourceTest, UnreadableImage) {
    if (geteuid() == 0)
        GTEST_SKIP() << "root reads files without permission";
    TempDir dir("debugfs-perm");
    write_file(dir / "image", "");
    chmod((dir / "image").c_str(), 0);
    kapi::Error e = error_of([&] { kapi::debugfs_source(dir.str())->read(); });
    EXPECT_THAT(e.what(), HasSubstr("Permission denied"));
    EXPECT_THAT(e.hint(), HasSubstr("root"));
}

struct BadImage {
    std::string name;
    std::function<std::string(std::string)> damage;
    // The message after "DIR/image: ", given the undamaged image's size.
    std::function<std::string(std::size_t)> message;
};

class DebugfsBadImageTest : public ::testing::TestWithParam<BadImage> {};

TEST_P(DebugfsBadImageTest, IsRefusedWithAPreciseMessage) {
    TempDir dir("debugfs-bad-" + GetParam().name);
    std::string image = section_of(kRenderElf);
    ASSERT_EQ(image.size() % 8, 0U);
    write_file(dir / "image", GetParam().damage(image));
    kapi::Error e = error_of([&] { kapi::debugfs_source(dir.str())->read(); });
    EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
    EXPECT_EQ(std::string(e.what()), dir / "image" + ": " + GetParam().message(image.size()));
}

std::string set_u32(std::string s, std::size_t at, std::uint32_t v) {
    std::memcpy(s.data() + at, &v, sizeof(v));
    return s;
}

std::string n(std::size_t v) {
    return std::to_string(v);
}

INSTANTIATE_TEST_SUITE_P(
    Source, DebugfsBadImageTest,
    ::testing::Values(
        BadImage{"Truncated", [](std::string s) { return s.substr(0, s.size() - 9); },
                 [](std::size_t size) {
                     return "image 0 at offset 0: image size " + n(size) + " exceeds the " +
                            n(size - 9) + " bytes left";
                 }},
        BadImage{"HeaderOnly", [](std::string s) { return s.substr(0, 20); },
                 [](std::size_t) {
                     return std::string("image 0 at offset 0: image truncated: 20 bytes, the "
                                        "header needs 216");
                 }},
        BadImage{"BadMagic", [](std::string s) { return set_u32(s, 0, 0x12345678); },
                 [](std::size_t) {
                     return std::string("image 0 at offset 0: bad magic 0x12345678, expected "
                                        "0x4950414b (\"KAPI\")");
                 }},
        BadImage{"TrailingByte", [](std::string s) { return s + s + "x"; },
                 [](std::size_t size) {
                     return "image 2 at offset " + n(2 * size) +
                            ": image truncated: 1 bytes, the header needs 216";
                 }},
        BadImage{"GarbageAfterImage", [](std::string s) { return s + std::string(8, '\x01'); },
                 [](std::size_t size) {
                     return "image 1 at offset " + n(size) +
                            ": bad magic 0x1010101, expected 0x4950414b (\"KAPI\")";
                 }}),
    [](const ::testing::TestParamInfo<BadImage>& param_info) { return param_info.param.name; });

// The messages are the decoder's own, after the file's name.
TEST(DebugfsSourceTest, BadImageMessagesAreTheDecodersOwn) {
    TempDir dir("debugfs-exact");
    std::string image = section_of(kRenderElf);
    std::string truncated = image.substr(0, image.size() - 9);
    write_file(dir / "image", truncated);
    kapi::DecodeImagesResult d = kapi::decode_images(
        std::span(reinterpret_cast<const std::uint8_t*>(truncated.data()), truncated.size()));
    ASSERT_FALSE(d.ok());
    kapi::Error e = error_of([&] { kapi::debugfs_source(dir.str())->read(); });
    EXPECT_EQ(std::string(e.what()), dir / "image" + ": " + d.error);
}

// --- ELF ---------------------------------------------------------------------

TEST(ElfSourceTest, ReadsTheSectionOfAnObjectFile) {
    SourceResult r = kapi::elf_source(kRenderElf)->read();
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(names(r.specs), kRenderNames);
    // The same bytes as debugfs would export: the same specs.
    TempDir dir("elf-vs-debugfs");
    write_file(dir / "image", section_of(kRenderElf));
    EXPECT_EQ(kapi::debugfs_source(dir.str())->read().specs, r.specs);
}

TEST(ElfSourceTest, AnElfFileWithoutTheSection) {
    // This test program is an ELF file without specs.
    kapi::Error e = error_of([] { kapi::elf_source("/proc/self/exe")->read(); });
    EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
    EXPECT_EQ(std::string(e.what()),
              "'/proc/self/exe' has no .kapi_specs section (not a module or kernel with kapi "
              "specs)");
}

TEST(ElfSourceTest, AFileThatIsNotElf) {
    TempDir dir("elf-text");
    write_file(dir / "notes.txt", "just text\n");
    kapi::Error e = error_of([&] { kapi::elf_source(dir / "notes.txt")->read(); });
    EXPECT_EQ(std::string(e.what()),
              "'" + (dir / "notes.txt") + "' is not an ELF file (no ELF magic number)");
    write_file(dir / "empty", "");
    e = error_of([&] { kapi::elf_source(dir / "empty")->read(); });
    EXPECT_EQ(std::string(e.what()),
              "'" + (dir / "empty") + "' is not an ELF file (no ELF magic number)");
}

TEST(ElfSourceTest, MissingFileAndDirectory) {
    TempDir dir("elf-missing");
    kapi::Error e = error_of([&] { kapi::elf_source(dir / "kapi.ko")->read(); });
    EXPECT_EQ(std::string(e.what()),
              "cannot read '" + (dir / "kapi.ko") + "': No such file or directory");
    e = error_of([&] { kapi::elf_source(dir.str())->read(); });
    EXPECT_EQ(std::string(e.what()), "cannot read '" + dir.str() + "': Is a directory");
}

TEST(ElfSourceTest, TruncatedElfFiles) {
    TempDir dir("elf-truncated");
    std::string elf = read_file(kRenderElf);
    // Cut inside the header, inside the section data, and before the
    // section headers at the end of the file.
    for (std::size_t size : {std::size_t{10}, std::size_t{40}, elf.size() / 2, elf.size() - 1}) {
        SCOPED_TRACE(size);
        write_file(dir / "cut.o", elf.substr(0, size));
        kapi::Error e = error_of([&] { kapi::elf_source(dir / "cut.o")->read(); });
        EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
        EXPECT_THAT(e.what(), StartsWith("'" + (dir / "cut.o") + "'"));
    }
}

TEST(ElfSourceTest, ACorruptedImageInTheSection) {
    TempDir dir("elf-corrupt");
    std::string elf = read_file(kRenderElf);
    std::size_t at = elf.find("KAPI");
    ASSERT_NE(at, std::string::npos);
    elf[at + 4] = 99; // version_major
    write_file(dir / "bad.o", elf);
    kapi::Error e = error_of([&] { kapi::elf_source(dir / "bad.o")->read(); });
    EXPECT_THAT(e.what(),
                StartsWith(dir / "bad.o" + ": section .kapi_specs: image 0 at offset 0: "));
    EXPECT_THAT(e.what(), HasSubstr("99"));
}

// --- source trees ----------------------------------------------------------------

TEST(TreeSourceTest, OneFileWhateverItsName) {
    TempDir dir("tree-file");
    write_file(dir / "specs.txt", read_file(kData + "/render/specs.c"));
    SourceResult r = kapi::tree_source(dir / "specs.txt")->read();
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(names(r.specs), kRenderNames);
    EXPECT_EQ(r.specs.specs[0].source.file,
              fs::path(dir / "specs.txt").lexically_normal().generic_string());
}

TEST(TreeSourceTest, ADirectoryIsScannedRecursivelyInPathOrder) {
    TempDir dir("tree-dir");
    write_file(dir / "b/render.c", read_file(kData + "/render/specs.c"));
    write_file(dir / "a/deep/input.h", read_file(kData + "/golden/spec_input.c"));
    write_file(dir / "a/notes.txt", read_file(kRepo + "/module/specs/fs.c")); // not .c/.h
    write_file(dir / "c/plain.c", "/** not a spec */\nint x;\n");
    fs::create_directory_symlink(dir.str(), dir / "a/loop"); // not followed
    SourceResult r = kapi::tree_source(dir.str() + "/")->read();
    ASSERT_TRUE(r.ok()) << r.diagnostics.front().str();
    std::vector<std::string> expected;
    for (const kapi::Spec& s : kapi::elf_source(kInputElf)->read().specs.specs)
        expected.push_back(s.name);
    expected.insert(expected.end(), kRenderNames.begin(), kRenderNames.end());
    EXPECT_EQ(names(r.specs), expected);
    EXPECT_EQ(r.specs.specs[0].source.file,
              fs::path(dir / "a/deep/input.h").lexically_normal().generic_string());
    EXPECT_EQ(r.files_scanned, 3U);
    EXPECT_EQ(r.files_parsed, 2U); // plain.c holds no context-flags tag
}

TEST(TreeSourceTest, ThreadsDoNotChangeTheResult) {
    SourceResult one = kapi::tree_source(kData, {1})->read();
    SourceResult many = kapi::tree_source(kData, {4})->read();
    EXPECT_EQ(one.specs, many.specs);
    EXPECT_EQ(one.files_scanned, many.files_scanned);
    ASSERT_EQ(one.diagnostics.size(), many.diagnostics.size());
    for (std::size_t i = 0; i < one.diagnostics.size(); i++)
        EXPECT_EQ(one.diagnostics[i].str(), many.diagnostics[i].str());
}

TEST(TreeSourceTest, AnnotationErrorsAreDiagnosticsWithFileAndLine) {
    TempDir dir("tree-errors");
    write_file(dir / "bad.c", "/**\n"
                              " * sys_bad - bad\n"
                              " *\n"
                              " * contexts: process\n"
                              " * error: ENOTANERROR, never\n"
                              " */\n"
                              "asmlinkage long sys_bad(void);\n");
    write_file(dir / "good.c", read_file(kData + "/render/specs.c"));
    SourceResult r = kapi::tree_source(dir.str())->read();
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.specs.specs.empty()) << "no specs when there are errors";
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics[0].file, dir / "bad.c");
    EXPECT_EQ(r.diagnostics[0].line, 5U);
    EXPECT_THAT(r.diagnostics[0].str(), StartsWith(dir / "bad.c:5: "));
}

TEST(TreeSourceTest, ASpecDefinedTwiceNamesBothPlaces) {
    TempDir dir("tree-dup");
    write_file(dir / "one.c", read_file(kData + "/render/specs.c"));
    write_file(dir / "two.c", read_file(kData + "/render/specs.c"));
    SourceResult r = kapi::tree_source(dir.str())->read();
    ASSERT_EQ(r.diagnostics.size(), kRenderNames.size());
    EXPECT_EQ(r.diagnostics[0].str(), dir / "two.c:19: duplicate spec 'sys_render_open', first "
                                            "defined at " +
                                          dir / "one.c:19");
}

TEST(TreeSourceTest, MissingAndSpecialPaths) {
    TempDir dir("tree-missing");
    kapi::Error e = error_of([&] { kapi::tree_source(dir / "nope")->read(); });
    EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
    EXPECT_EQ(std::string(e.what()),
              "cannot read '" + (dir / "nope") + "': No such file or directory");
    e = error_of([] { kapi::tree_source("/dev/null")->read(); });
    EXPECT_EQ(std::string(e.what()), "'/dev/null' is neither a file nor a directory");
}

TEST(TreeSourceTest, UnreadableDirectory) {
    if (geteuid() == 0)
        GTEST_SKIP() << "root reads directories without permission";
    TempDir dir("tree-perm");
    fs::create_directories(dir / "locked");
    chmod((dir / "locked").c_str(), 0);
    kapi::Error e = error_of([&] { kapi::tree_source(dir.str())->read(); });
    chmod((dir / "locked").c_str(), 0700);
    EXPECT_THAT(e.what(), HasSubstr("Permission denied"));
}

// --- the pre-filter ----------------------------------------------------------------

TEST(PrefilterTest, NeedsAKerneldocCommentAndAContextFlagsTag) {
    EXPECT_FALSE(kapi::may_contain_specs(""));
    EXPECT_FALSE(kapi::may_contain_specs("context-flags: process\n"));            // no /**
    EXPECT_FALSE(kapi::may_contain_specs("/**\n * foo - bar\n * param: x\n */")); // no tag
    EXPECT_FALSE(kapi::may_contain_specs("/**\n * Context: Process context.\n */"));
    EXPECT_FALSE(kapi::may_contain_specs("/**\n * contextflags: process\n */"));
    for (const char* tag :
         {"context-flags:", "contexts:", "CONTEXTS :", "Context_Flags:", "context-flags  :"})
        EXPECT_TRUE(kapi::may_contain_specs(std::string("/**\n * ") + tag + " process\n */"))
            << tag;
}

// Whatever the parser finds a spec (or an error) in, the filter lets pass.
TEST(PrefilterTest, PassesEveryFileThatHasSpecs) {
    std::vector<std::string> files{kRepo + "/module/specs/fs.c",
                                   kRepo + "/samples/kapi_sample_specs.c"};
    for (const auto& dir : {"/upstream", "/parser", "/golden", "/render"})
        for (const fs::directory_entry& e : fs::directory_iterator(kData + dir))
            if (e.is_regular_file())
                files.push_back(e.path().string());
    int with_specs = 0;
    for (const std::string& f : files) {
        std::string text = read_file(f);
        kapi::ParseResult r = kapi::parse_annotations(text, f);
        if (!r.specs.specs.empty() || !r.errors.empty()) {
            with_specs++;
            EXPECT_TRUE(kapi::may_contain_specs(text)) << f;
        }
    }
    EXPECT_GE(with_specs, 10);
}

// --- netlink ------------------------------------------------------------------------

// kapi.ko is never loaded on the build host (tests/netlink_test.cpp
// covers the messages; the VM tests the live family).
TEST(NetlinkSourceTest, WithoutKapiKoSaysSo) {
    kapi::Error e = error_of([] { kapi::netlink_source()->read(); });
    EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
    EXPECT_EQ(std::string(e.what()),
              "kapi.ko is not loaded: there is no generic netlink family 'kapi'");
    EXPECT_THAT(e.hint(), HasSubstr("--elf"));
}

} // namespace
