// SPDX-License-Identifier: GPL-2.0
//
// End-to-end tests of the kapi-dump command line: they run the built binary
// (KAPI_DUMP_PATH, set by CMake) with stdin from /dev/null and stdout and
// stderr captured separately, and check exit status and both streams.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <initializer_list>
#include <ostream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/error.h"
#include "kapi/version.h"
#include "uapi/linux/kapi.h"

namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

[[noreturn]] void throw_errno(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

// An anonymous temporary file (unlinked at once) that captures a stream.
class CaptureFile {
public:
    CaptureFile() {
        std::string path = ::testing::TempDir() + "kapi-dump-XXXXXX";
        fd_ = mkstemp(path.data());
        if (fd_ < 0)
            throw_errno("mkstemp " + path);
        unlink(path.c_str());
    }
    CaptureFile(const CaptureFile&) = delete;
    CaptureFile& operator=(const CaptureFile&) = delete;
    ~CaptureFile() { close(fd_); }

    int fd() const { return fd_; }

    std::string contents() const {
        std::string data;
        char buf[4096];
        for (off_t offset = 0;;) {
            ssize_t n = pread(fd_, buf, sizeof(buf), offset);
            if (n < 0)
                throw_errno("pread");
            if (n == 0)
                return data;
            data.append(buf, static_cast<size_t>(n));
            offset += n;
        }
    }

private:
    int fd_;
};

struct Result {
    int exit_code; // -1 if kapi-dump did not exit normally
    std::string out;
    std::string err;
};

// Runs kapi-dump with ARGS; its stdout goes to STDOUT_PATH if given.
Result run_kapi_dump(const std::vector<std::string>& args, const char* stdout_path = nullptr) {
    CaptureFile out;
    CaptureFile err;

    std::vector<std::string> strings{KAPI_DUMP_PATH};
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : strings)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (stdout_path != nullptr)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path, O_WRONLY, 0);
    else
        posix_spawn_file_actions_adddup2(&actions, out.fd(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.fd(), STDERR_FILENO);

    pid_t pid;
    int rc = posix_spawn(&pid, KAPI_DUMP_PATH, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        throw std::system_error(rc, std::generic_category(), "posix_spawn " KAPI_DUMP_PATH);

    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            throw_errno("waitpid");
    }
    int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return {exit_code, out.contents(), err.contents()};
}

constexpr int kSuccess = kapi::to_int(kapi::ExitCode::Success);
constexpr int kUsage = kapi::to_int(kapi::ExitCode::Usage);
constexpr int kFailure = kapi::to_int(kapi::ExitCode::Failure);

constexpr const char* kHelpHint = "Try 'kapi-dump --help'.\n";

TEST(CliTest, HelpShowsUsageOnStdout) {
    for (const char* option : {"--help", "-h"}) {
        SCOPED_TRACE(option);
        Result r = run_kapi_dump({option});
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_THAT(r.out, StartsWith("Usage: kapi-dump [SOURCE] [FORMAT] [OPTIONS] [API_NAME]\n"));
        EXPECT_THAT(r.out, HasSubstr("--version"));
        EXPECT_THAT(r.out, HasSubstr("Not implemented yet"));
        EXPECT_THAT(r.err, IsEmpty());
    }
}

TEST(CliTest, VersionShowsToolAndInterfaceVersions) {
    std::string expected = "kapi-dump " + std::string(kapi::tool_version()) +
                           " (spec image format " + std::to_string(KAPI_IMAGE_VERSION_MAJOR) + "." +
                           std::to_string(KAPI_IMAGE_VERSION_MINOR) + ", netlink family " +
                           KAPI_GENL_NAME + " v" + std::to_string(KAPI_GENL_VERSION) + ")\n";
    for (const char* option : {"--version", "-V"}) {
        SCOPED_TRACE(option);
        Result r = run_kapi_dump({option});
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_EQ(r.out, expected);
        EXPECT_THAT(r.err, IsEmpty());
    }
}

TEST(CliTest, NoSourceIsImplementedYet) {
    Result r = run_kapi_dump({});
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_THAT(r.out, IsEmpty());
    EXPECT_THAT(r.err, StartsWith("kapi-dump: no spec source is implemented yet"));
}

TEST(CliTest, WriteErrorOnStdoutFails) {
    if (access("/dev/full", W_OK) != 0)
        GTEST_SKIP() << "no writable /dev/full";
    Result r = run_kapi_dump({"--help"}, "/dev/full");
    EXPECT_EQ(r.exit_code, kFailure);
    EXPECT_EQ(r.err, "kapi-dump: error writing to standard output\n");
}

// A command line that kapi-dump must reject, and the error it must give.
struct BadUsage {
    std::string name; // CTest name suffix
    std::vector<std::string> args;
    std::string error; // first line of stderr, without "kapi-dump: "
};

void PrintTo(const BadUsage& usage, std::ostream* os) {
    *os << "kapi-dump";
    for (const std::string& arg : usage.args)
        *os << " '" << arg << "'";
}

class BadUsageTest : public ::testing::TestWithParam<BadUsage> {};

TEST_P(BadUsageTest, ExitsTwoWithErrorAndHintOnStderrOnly) {
    Result r = run_kapi_dump(GetParam().args);
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_THAT(r.out, IsEmpty());
    EXPECT_EQ(r.err, "kapi-dump: " + GetParam().error + "\n" + kHelpHint);
}

INSTANTIATE_TEST_SUITE_P(
    CliTest, BadUsageTest,
    ::testing::Values(
        BadUsage{"UnknownLongOption", {"--bogus"}, "unrecognized option '--bogus'"},
        BadUsage{"UnknownShortOption", {"-x"}, "invalid option -- 'x'"},
        BadUsage{"UnknownOptionInCluster", {"--version", "-Vx"}, "invalid option -- 'x'"},
        BadUsage{"ArgumentToFlag", {"--help=yes"}, "option '--help' doesn't allow an argument"},
        BadUsage{"StrayArgument", {"stray"}, "unexpected argument 'stray'"},
        BadUsage{"StrayAfterVersion", {"--version", "stray"}, "unexpected argument 'stray'"},
        BadUsage{"UnknownOptionAfterHelp", {"--help", "--bogus"}, "unrecognized option '--bogus'"}),
    [](const ::testing::TestParamInfo<BadUsage>& param_info) { return param_info.param.name; });

} // namespace
