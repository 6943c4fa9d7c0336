// SPDX-License-Identifier: GPL-2.0
//
// Small helpers the source, renderer and CLI tests share: reading and
// writing whole files, and a temporary directory that removes itself.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

#include <gtest/gtest.h>

namespace kapi_test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    EXPECT_TRUE(out) << "cannot write " << path;
}

// A fresh directory for one test's files, removed with everything in it
// when the test ends.
class TempDir {
public:
    explicit TempDir(const std::string& name)
        : path_((std::filesystem::path(::testing::TempDir()) /
                 ("kapi-test-" + std::to_string(getpid()) + "-" + name))
                    .string()) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }

    const std::string& str() const { return path_; }
    std::string operator/(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

// True when KAPI_UPDATE_GOLDEN=1: golden tests then rewrite their files.
inline bool update_golden() {
    const char* update = std::getenv("KAPI_UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

} // namespace kapi_test
