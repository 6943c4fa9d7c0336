// SPDX-License-Identifier: GPL-2.0
//
// End-to-end tests of the kapi-dump command line: they run the built binary
// (KAPI_DUMP_PATH, set by CMake) with stdin from /dev/null and stdout and
// stderr captured separately, and check exit status and both streams: every
// option, every exit status, the formats against the renderers' golden
// files, and bad input of every kind, which must fail with exit status 2, a
// precise message and no output presented as a result.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/cli.h"
#include "kapi/error.h"
#include "kapi/model.h"
#include "kapi/source.h"
#include "kapi/version.h"
#include "test_util.h"
#include "uapi/linux/kapi.h"

namespace {

using kapi_test::read_file;
using kapi_test::TempDir;
using kapi_test::write_file;
using ::testing::EndsWith;
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
    double seconds = 0;  // wall-clock time until it exited
    long max_rss_kb = 0; // its peak resident memory
};

// How to run kapi-dump: stdout to a file (STDOUT_PATH) instead of being
// captured; stdin from a file (STDIN_PATH, default /dev/null) or from a pipe
// fed with STDIN_DATA.
struct RunOptions {
    const char* stdout_path = nullptr;
    std::string stdin_path = "/dev/null";
    std::optional<std::string> stdin_data;
    std::string cwd; // "": the test's
};

// A kapi-dump that has not exited after this long is killed: the test
// fails instead of hanging (a FIFO given to --elf once did).
constexpr auto kRunTimeout = std::chrono::seconds(30);

Result run_kapi_dump_with(const std::vector<std::string>& args, const RunOptions& options) {
    CaptureFile out;
    CaptureFile err;

    std::vector<std::string> strings{KAPI_DUMP_PATH};
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : strings)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    // A kapi-dump that exits before reading all of STDIN_DATA must not kill
    // the test with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    int pipe_fds[2] = {-1, -1};
    if (options.stdin_data && pipe2(pipe_fds, O_CLOEXEC) != 0)
        throw_errno("pipe2");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (options.stdin_data)
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
    else
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, options.stdin_path.c_str(),
                                         O_RDONLY, 0);
    if (options.stdout_path != nullptr)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, options.stdout_path, O_WRONLY, 0);
    else
        posix_spawn_file_actions_adddup2(&actions, out.fd(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.fd(), STDERR_FILENO);
    if (!options.cwd.empty())
        posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());

    auto start = std::chrono::steady_clock::now();
    pid_t pid;
    int rc = posix_spawn(&pid, KAPI_DUMP_PATH, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        throw std::system_error(rc, std::generic_category(), "posix_spawn " KAPI_DUMP_PATH);
    if (options.stdin_data) {
        close(pipe_fds[0]);
        const std::string& data = *options.stdin_data;
        for (std::size_t done = 0; done < data.size();) {
            ssize_t n = write(pipe_fds[1], data.data() + done, data.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                break; // kapi-dump stopped reading: its exit status tells
            done += static_cast<std::size_t>(n);
        }
        close(pipe_fds[1]);
    }

    int status;
    struct rusage usage {};
    for (;;) {
        pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done < 0 && errno != EINTR)
            throw_errno("wait4");
        if (done == pid)
            break;
        if (std::chrono::steady_clock::now() - start > kRunTimeout) {
            kill(pid, SIGKILL);
            while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
            }
            ADD_FAILURE() << "kapi-dump did not exit within 30 s; killed";
            break;
        }
        usleep(2000);
    }
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return {exit_code, out.contents(), err.contents(), took.count(), usage.ru_maxrss};
}

// Runs kapi-dump with ARGS; its stdout goes to STDOUT_PATH if given.
Result run_kapi_dump(const std::vector<std::string>& args, const char* stdout_path = nullptr) {
    RunOptions options;
    options.stdout_path = stdout_path;
    return run_kapi_dump_with(args, options);
}

constexpr int kSuccess = kapi::to_int(kapi::ExitCode::Success);
constexpr int kNotFound = kapi::to_int(kapi::ExitCode::NotFound);
constexpr int kUsage = kapi::to_int(kapi::ExitCode::Usage);
constexpr int kFailure = kapi::to_int(kapi::ExitCode::Failure);

constexpr const char* kHelpHint = "Try 'kapi-dump --help'.\n";

const std::string kData = KAPI_TEST_DATA_DIR;
const std::string kFixtures = KAPI_TEST_FIXTURE_DIR;
const std::string kElf = kFixtures + "/render_specs.o";
const std::string kSource = kData + "/render/specs.c";
const std::string kGolden = kData + "/golden/render/render/";
const std::string kDefaultImage = std::string(kapi::kDefaultDebugfsDir) + "/image";

// A debugfs directory whose image file holds the render fixture's image.
class DebugfsDir {
public:
    DebugfsDir() : dir_("cli-debugfs") {
        std::string elf = read_file(kElf);
        std::vector<std::uint8_t> data(elf.begin(), elf.end());
        std::vector<std::uint8_t> image = kapi::elf_section(data, kElf, KAPI_IMAGE_SECTION);
        write_file(dir_ / "image", std::string(image.begin(), image.end()));
    }
    std::string option() const { return "--debugfs=" + dir_.str(); }
    const std::string& str() const { return dir_.str(); }

private:
    TempDir dir_;
};

bool default_debugfs_exists() {
    return access(kDefaultImage.c_str(), F_OK) == 0;
}

TEST(CliTest, HelpShowsUsageAndExamplesOnStdout) {
    for (const char* option : {"--help", "-h"}) {
        SCOPED_TRACE(option);
        Result r = run_kapi_dump({option});
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_THAT(r.out, StartsWith("Usage: kapi-dump [SOURCE] [FORMAT] [OPTIONS] [API_NAME]\n"));
        for (const char* text :
             {"--debugfs [DIR]", "--elf FILE", "--vmlinux FILE", "--source PATH", "--netlink",
              "--plain", "--json", "--rst", "--syzlang", "--format NAME", "--pretty", "--version",
              "Examples:", "Exit status:"})
            EXPECT_THAT(r.out, HasSubstr(text));
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

TEST(CliTest, VersionAsJson) {
    std::string expected = "{\"version\":{\"tool\":\"" + std::string(kapi::tool_version()) +
                           "\",\"image_format\":\"" + std::to_string(KAPI_IMAGE_VERSION_MAJOR) +
                           "." + std::to_string(KAPI_IMAGE_VERSION_MINOR) +
                           "\",\"netlink_family\":\"" KAPI_GENL_NAME "\",\"netlink_version\":" +
                           std::to_string(KAPI_GENL_VERSION) + "}}\n";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"-j", "--version"}, std::vector<std::string>{"-V", "-fjson"}}) {
        Result r = run_kapi_dump(args);
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_EQ(r.out, expected);
        EXPECT_THAT(r.err, IsEmpty());
    }
    Result r = run_kapi_dump({"-p", "-V"});
    EXPECT_THAT(r.out, StartsWith("{\n  \"version\": {\n    \"tool\": \""));
}

TEST(CliTest, WriteErrorOnStdoutFails) {
    if (access("/dev/full", W_OK) != 0)
        GTEST_SKIP() << "no writable /dev/full";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--help"}, std::vector<std::string>{"--elf", kElf}}) {
        Result r = run_kapi_dump(args, "/dev/full");
        EXPECT_EQ(r.exit_code, kFailure);
        EXPECT_EQ(r.err, "kapi-dump: error writing to standard output\n");
    }
}

// --- sources ------------------------------------------------------------------

TEST(CliTest, DebugfsIsTheDefaultSource) {
    if (default_debugfs_exists())
        GTEST_SKIP() << kDefaultImage << " exists on this machine";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{}, std::vector<std::string>{"--debugfs"},
          std::vector<std::string>{"sys_read"}}) {
        Result r = run_kapi_dump(args);
        EXPECT_EQ(r.exit_code, kUsage);
        EXPECT_THAT(r.out, IsEmpty());
        EXPECT_THAT(r.err, StartsWith("kapi-dump: cannot read '" + kDefaultImage + "': "));
    }
}

TEST(CliTest, EverySourceGivesTheSameList) {
    DebugfsDir debugfs;
    std::string expected = read_file(kGolden + "list.txt");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{debugfs.option()}, std::vector<std::string>{"--elf", kElf},
          std::vector<std::string>{"--source", kSource},
          std::vector<std::string>{"--source", kData + "/render"}}) {
        SCOPED_TRACE(args.front());
        Result r = run_kapi_dump(args);
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_EQ(r.out, expected);
        EXPECT_THAT(r.err, IsEmpty());
    }
}

TEST(CliTest, DebugfsAndElfGiveByteIdenticalJson) {
    DebugfsDir debugfs;
    for (const char* api : {"", "sys_render_open", "sys_render_xfer", "render_ioc_get"}) {
        SCOPED_TRACE(api);
        std::vector<std::string> a{debugfs.option(), "--json"}, b{"--elf", kElf, "-j"};
        if (*api) {
            a.emplace_back(api);
            b.emplace_back(api);
        }
        Result from_debugfs = run_kapi_dump(a);
        Result from_elf = run_kapi_dump(b);
        EXPECT_EQ(from_debugfs.exit_code, kSuccess);
        EXPECT_EQ(from_debugfs.out, from_elf.out);
        EXPECT_FALSE(from_elf.out.empty());
    }
}

// Upstream's spellings: --vmlinux FILE is --elf FILE; --debugfs PATH takes a
// separate argument, kapi's directory or the debugfs root, when it has a '/'
// or names a directory (else it is the API name).
TEST(CliTest, UpstreamSpellingsOfTheSources) {
    DebugfsDir debugfs;
    TempDir root("cli-debugfs-root");
    write_file(root / "kapi/image", read_file(debugfs.str() + "/image"));
    const std::string expected = run_kapi_dump({"--elf", kElf, "-j", "sys_render_open"}).out;
    ASSERT_THAT(expected, StartsWith("{\"api_details\":"));
    const std::string relative = std::filesystem::path(root.str()).filename().string();
    for (const std::vector<std::string>& args : {
             std::vector<std::string>{"--vmlinux", kElf},
             std::vector<std::string>{"--debugfs", debugfs.str()},
             std::vector<std::string>{"--debugfs", root.str()},
             std::vector<std::string>{"--debugfs", root.str() + "/"},
             std::vector<std::string>{"--debugfs=" + root.str()},
             std::vector<std::string>{"-j", "--debugfs", root.str() + "/kapi"},
         }) {
        SCOPED_TRACE(args.back());
        std::vector<std::string> full = args;
        full.insert(full.end(), {"-j", "sys_render_open"});
        Result r = run_kapi_dump(full);
        EXPECT_EQ(r.exit_code, kSuccess) << r.err;
        EXPECT_EQ(r.out, expected);
    }
    // A directory named without a '/', from where it is.
    RunOptions in_parent;
    in_parent.cwd = std::filesystem::path(root.str()).parent_path().string();
    Result r = run_kapi_dump_with({"--debugfs", relative, "-j", "sys_render_open"}, in_parent);
    EXPECT_EQ(r.exit_code, kSuccess) << r.err;
    EXPECT_EQ(r.out, expected);
    // A word that is not a directory is the API name, as before.
    r = run_kapi_dump_with({"--debugfs", "sys_render_open"}, in_parent);
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_THAT(r.err, StartsWith("kapi-dump: cannot read '" + kDefaultImage + "'"));
    // A debugfs root without kapi's directory names the file it wanted.
    TempDir empty("cli-debugfs-empty");
    r = run_kapi_dump({"--debugfs", empty.str()});
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_THAT(r.err, StartsWith("kapi-dump: cannot read '" + empty.str() + "/image': "));
}

// kapi.ko is never loaded on the build host: the netlink source and every
// runtime command say so, exit 2, and write nothing to stdout but a JSON
// error document when JSON is asked for.
TEST(CliTest, NetlinkAndTheRuntimeCommandsNeedKapiKo) {
    const std::string message = "kapi.ko is not loaded: there is no generic netlink family 'kapi'";
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--netlink"},
                                                 {"--netlink", "sys_read"},
                                                 {"monitor"},
                                                 {"stats"},
                                                 {"stats", "sys_read"},
                                                 {"stats", "--reset"},
                                                 {"mode"},
                                                 {"mode", "audit"},
                                                 {"log"},
                                                 {"log", "on"},
                                                 {"filter"},
                                                 {"filter", "clear"},
                                                 {"--netlink", "monitor"}}) {
        Result r = run_kapi_dump(args);
        std::string line = ::testing::PrintToString(args);
        EXPECT_EQ(r.exit_code, kUsage) << line;
        EXPECT_THAT(r.out, IsEmpty()) << line;
        EXPECT_EQ(r.err, "kapi-dump: " + message +
                             "\nLoad it (insmod kapi.ko), or read the module file with --elf.\n")
            << line;
        std::vector<std::string> json = args;
        json.push_back("-j");
        r = run_kapi_dump(json);
        EXPECT_EQ(r.exit_code, kUsage) << line;
        EXPECT_EQ(r.out, "{\"error\":\"" + message + "\"}\n") << line;
        // The commands take --pretty like every JSON output.
        json.back() = "-p";
        r = run_kapi_dump(json);
        EXPECT_EQ(r.exit_code, kUsage) << line;
        EXPECT_EQ(r.out, "{\n  \"error\": \"" + message + "\"\n}\n") << line;
    }
}

// --- formats --------------------------------------------------------------------

// Two annotation errors (an unknown error name, line 5; an unknown lock
// type), in a spec that parses otherwise.
constexpr const char* kBadSpec = "/**\n"
                                 " * sys_bad - bad\n"
                                 " *\n"
                                 " * contexts: process\n"
                                 " * error: ENOTANERROR, never\n"
                                 " * lock: l\n"
                                 " *   type: nosuchlock\n"
                                 " */\n"
                                 "asmlinkage long sys_bad(void);\n";

struct FormatCase {
    std::vector<std::string> options;
    std::string api;
    std::string golden; // file under kGolden
};

TEST(CliTest, FormatsMatchTheRenderersGoldenFiles) {
    const std::vector<FormatCase> cases{
        // The golden plain text is wrapped, as at a terminal.
        {{"--wrap"}, "sys_render_open", "sys_render_open.txt"},
        {{"--plain", "--wrap"}, "", "list.txt"},
        {{"--rst"}, "sys_render_xfer", "sys_render_xfer.rst"},
        {{"--rst"}, "", "list.rst"},
        {{"--syzlang"}, "", "list.syz"},
        {{"--syzlang"}, "render_ioc_get", "render_ioc_get.syz"},
        {{"--json", "--pretty"}, "sys_render_open", "sys_render_open.json"},
        {{"-p"}, "render_helper", "render_helper.json"},
        {{"-jp"}, "", "list.json"},
        {{"-f", "rst"}, "render_ioc_get", "render_ioc_get.rst"},
        {{"--format=SYZLANG"}, "sys_render_misc", "sys_render_misc.syz"},
        {{"-fPlain", "--no-wrap", "--wrap"}, "sys_render_misc", "sys_render_misc.txt"},
        {{"-f", "json", "-p"}, "sys_render_misc", "sys_render_misc.json"},
    };
    for (const FormatCase& c : cases) {
        std::vector<std::string> args{"--elf", kElf};
        args.insert(args.end(), c.options.begin(), c.options.end());
        if (!c.api.empty())
            args.push_back(c.api);
        SCOPED_TRACE(c.golden);
        Result r = run_kapi_dump(args);
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_EQ(r.out, read_file(kGolden + c.golden));
        EXPECT_THAT(r.err, IsEmpty());
    }
}

TEST(CliTest, JsonWithoutPrettyIsOneLine) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--elf", kElf, "-j"},
          std::vector<std::string>{"--elf", kElf, "--json", "sys_render_open"},
          std::vector<std::string>{"--elf", kElf, "-f", "JSON", "render_helper"}}) {
        Result r = run_kapi_dump(args);
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_THAT(r.out, StartsWith("{\""));
        EXPECT_THAT(r.out, EndsWith("}\n"));
        EXPECT_EQ(r.out.find('\n'), r.out.size() - 1);
    }
}

TEST(CliTest, ApiNameWithItsOwnSpecIsFoundAfterOptions) {
    Result r = run_kapi_dump({"sys_render_open", "--elf", kElf, "-j"});
    EXPECT_EQ(r.exit_code, kSuccess);
    EXPECT_THAT(r.out, StartsWith("{\"api_details\":{\"name\":\"sys_render_open\","));
}

// --- not found --------------------------------------------------------------------

TEST(CliTest, UnknownApiExitsOneWithTheNamesOnStderr) {
    Result r = run_kapi_dump({"--elf", kElf, "sys_nope"});
    EXPECT_EQ(r.exit_code, kNotFound);
    EXPECT_THAT(r.out, IsEmpty());
    EXPECT_EQ(r.err, "kapi-dump: API 'sys_nope' not found\n"
                     "Available APIs:\n"
                     "  sys_render_open\n"
                     "  sys_render_xfer\n"
                     "  sys_render_misc\n"
                     "  render_ioc_get\n"
                     "  render_helper\n");
}

// --- name lookup ------------------------------------------------------------------

kapi::SpecSet named_specs(std::initializer_list<std::pair<const char*, std::uint32_t>> names) {
    kapi::SpecSet set;
    for (const auto& [name, kind] : names) {
        kapi::Spec s;
        s.name = name;
        s.kind = kind;
        set.specs.push_back(s);
    }
    return set;
}

TEST(NameLookupTest, ASystemCallIsFoundWithoutItsPrefix) {
    kapi::SpecSet set = named_specs({{"sys_read", KAPI_KIND_SYSCALL},
                                     {"sys_open", KAPI_KIND_SYSCALL},
                                     {"open", KAPI_KIND_FUNCTION},
                                     {"sys_helper", KAPI_KIND_FUNCTION}});
    EXPECT_EQ(kapi::cli::find_spec(set, "sys_read"), &set.specs[0]);
    EXPECT_EQ(kapi::cli::find_spec(set, "read"), &set.specs[0]);
    EXPECT_EQ(kapi::cli::find_spec(set, "open"), &set.specs[2]); // the exact name first
    EXPECT_EQ(kapi::cli::find_spec(set, "helper"), nullptr);     // not a system call
    EXPECT_EQ(kapi::cli::find_spec(set, "sys_sys_read"), nullptr);
    EXPECT_EQ(kapi::cli::find_spec(set, ""), nullptr);
    EXPECT_EQ(kapi::cli::find_spec(set, "write"), nullptr);
}

TEST(NameLookupTest, NearNamesAreTyposThenSubstrings) {
    kapi::SpecSet set = named_specs({{"sys_read", KAPI_KIND_SYSCALL},
                                     {"sys_write", KAPI_KIND_SYSCALL},
                                     {"sys_open", KAPI_KIND_SYSCALL},
                                     {"sys_openat", KAPI_KIND_SYSCALL},
                                     {"sys_close", KAPI_KIND_SYSCALL},
                                     {"kapi_sample_ioc_get", KAPI_KIND_IOCTL}});
    using V = std::vector<std::string>;
    EXPECT_EQ(kapi::cli::near_names(set, "sys_raed"), V{"sys_read"});
    EXPECT_EQ(kapi::cli::near_names(set, "raed"), V{"sys_read"});
    EXPECT_EQ(kapi::cli::near_names(set, "wirte"), V{"sys_write"});
    EXPECT_EQ(kapi::cli::near_names(set, "opne"), (V{"sys_open"}));
    EXPECT_EQ(kapi::cli::near_names(set, "sys_opena"), (V{"sys_open", "sys_openat"}));
    EXPECT_EQ(kapi::cli::near_names(set, "ioc_get"), V{"kapi_sample_ioc_get"});
    EXPECT_EQ(kapi::cli::near_names(set, "ioctl"), V{});
    EXPECT_EQ(kapi::cli::near_names(set, "x"), V{});
    EXPECT_EQ(kapi::cli::near_names(set, "s", 0), V{});
}

TEST(CliTest, NameWithoutSysPrefixAndNearNames) {
    Result r = run_kapi_dump({"--elf", kElf, "-j", "render_open"});
    EXPECT_EQ(r.exit_code, kSuccess) << r.err;
    EXPECT_EQ(r.out, run_kapi_dump({"--elf", kElf, "-j", "sys_render_open"}).out);
    r = run_kapi_dump({"--elf", kElf, "render_opne"});
    EXPECT_EQ(r.exit_code, kNotFound);
    EXPECT_THAT(r.out, IsEmpty());
    EXPECT_EQ(r.err, "kapi-dump: API 'render_opne' not found\n"
                     "Did you mean:\n"
                     "  sys_render_open\n");
    r = run_kapi_dump({"--elf", kElf, "render"});
    EXPECT_EQ(r.exit_code, kNotFound);
    EXPECT_EQ(r.err, "kapi-dump: API 'render' not found\n"
                     "Did you mean:\n"
                     "  sys_render_open\n"
                     "  sys_render_xfer\n"
                     "  sys_render_misc\n"
                     "  render_ioc_get\n"
                     "  render_helper\n");
}

TEST(CliTest, UnknownApiInJsonIsAnErrorDocument) {
    for (bool pretty : {false, true}) {
        Result r = run_kapi_dump({"--elf", kElf, pretty ? "-p" : "-j", "sys_nope"});
        EXPECT_EQ(r.exit_code, kNotFound);
        EXPECT_EQ(r.out, pretty ? "{\n  \"error\": \"API 'sys_nope' not found\"\n}\n"
                                : "{\"error\":\"API 'sys_nope' not found\"}\n");
        EXPECT_EQ(r.err, "kapi-dump: API 'sys_nope' not found\n");
    }
}

TEST(CliTest, UnknownApiInAnEmptySource) {
    TempDir dir("cli-empty");
    write_file(dir / "image", "");
    Result r = run_kapi_dump({"--debugfs=" + dir.str(), "sys_read"});
    EXPECT_EQ(r.exit_code, kNotFound);
    EXPECT_EQ(r.err, "kapi-dump: API 'sys_read' not found\n"
                     "No APIs are available from this source.\n");
    r = run_kapi_dump({"--debugfs=" + dir.str(), "-j"});
    EXPECT_EQ(r.exit_code, kSuccess);
    EXPECT_EQ(r.out, "{\"apis\":[]}\n");
}

// --- every API in detail --------------------------------------------------------------

TEST(CliTest, AllIsEverySpecInDetail) {
    const std::vector<std::string> names{"sys_render_open", "sys_render_xfer", "sys_render_misc",
                                         "render_ioc_get", "render_helper"};
    // Plain text and RST: each spec's text, a blank line between two.
    for (const char* format : {"--plain", "--rst"}) {
        SCOPED_TRACE(format);
        std::string expected;
        for (const std::string& n : names)
            expected += (expected.empty() ? "" : "\n") +
                        run_kapi_dump({"--elf", kElf, "--wrap", format, n}).out;
        Result r = run_kapi_dump({"--elf", kElf, "--wrap", format, "--all"});
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_EQ(r.out, expected);
        EXPECT_THAT(r.err, IsEmpty());
    }
    // JSON: {"specs": [...]} of each spec's document.
    std::string expected = "{\"specs\":[";
    for (const std::string& n : names) {
        std::string one = run_kapi_dump({"--elf", kElf, "-j", n}).out;
        ASSERT_THAT(one, EndsWith("\n"));
        expected += (n == names.front() ? "" : ",") + one.substr(0, one.size() - 1);
    }
    expected += "]}\n";
    EXPECT_EQ(run_kapi_dump({"--all", "--elf", kElf, "-j"}).out, expected);
    Result pretty = run_kapi_dump({"--all", "--elf", kElf, "-p"});
    EXPECT_THAT(pretty.out, StartsWith("{\n  \"specs\": [\n    {\n      \"api_details\": {\n"));
    // syzlang describes every call in its list already.
    EXPECT_EQ(run_kapi_dump({"--all", "--elf", kElf, "--syzlang"}).out,
              run_kapi_dump({"--elf", kElf, "--syzlang"}).out);
    // An empty source.
    TempDir dir("cli-all-empty");
    write_file(dir / "image", "");
    EXPECT_EQ(run_kapi_dump({"--all", "--debugfs=" + dir.str(), "-j"}).out, "{\"specs\":[]}\n");
    EXPECT_EQ(run_kapi_dump({"--all", "--debugfs=" + dir.str()}).out, "");
}

TEST(CliTest, OutputDirIsAManualForSphinx) {
    TempDir dir("cli-manual");
    const std::string out = dir / "manual";
    Result r = run_kapi_dump({"--elf", kElf, "--rst", "--output-dir", out});
    EXPECT_EQ(r.exit_code, kSuccess) << r.err;
    EXPECT_THAT(r.out, IsEmpty());
    EXPECT_THAT(read_file(out + "/conf.py"), HasSubstr("master_doc = 'index'\n"));
    const std::string index = read_file(out + "/index.rst");
    EXPECT_THAT(index, StartsWith(run_kapi_dump({"--elf", kElf, "--rst"}).out));
    EXPECT_THAT(index, EndsWith(".. toctree::\n   :maxdepth: 1\n\n   sys_render_open\n"
                                "   sys_render_xfer\n   sys_render_misc\n   render_ioc_get\n"
                                "   render_helper\n"));
    for (const char* name : {"sys_render_open", "render_helper"})
        EXPECT_EQ(read_file(out + "/" + name + ".rst"),
                  run_kapi_dump({"--elf", kElf, "--rst", name}).out);
    // Written again over itself.
    r = run_kapi_dump({"--elf", kElf, "--rst", "--all", "--output-dir=" + out});
    EXPECT_EQ(r.exit_code, kSuccess) << r.err;
    // A directory that cannot be made.
    write_file(dir / "file", "");
    r = run_kapi_dump({"--elf", kElf, "--rst", "--output-dir", dir / "file/manual"});
    EXPECT_EQ(r.exit_code, kFailure);
    EXPECT_THAT(r.err, StartsWith("kapi-dump: cannot make '" + dir / "file/manual" + "': "));
}

// --- wrapping -------------------------------------------------------------------------

// The longest line of TEXT, in bytes.
std::size_t longest_line(const std::string& text) {
    std::size_t longest = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        longest = std::max(longest, line.size());
    return longest;
}

TEST(CliTest, NoWrappingUnlessStdoutIsATerminal) {
    const std::string wrapped = read_file(kGolden + "sys_render_open.txt");
    ASSERT_LE(longest_line(wrapped), 80U);
    // Into a file (a pipe alike): every paragraph on one line.
    Result r = run_kapi_dump({"--elf", kElf, "sys_render_open"});
    EXPECT_EQ(r.exit_code, kSuccess);
    EXPECT_GT(longest_line(r.out), 80U);
    EXPECT_EQ(r.out, run_kapi_dump({"--elf", kElf, "--no-wrap", "sys_render_open"}).out);
    EXPECT_EQ(run_kapi_dump({"--elf", kElf, "--wrap", "sys_render_open"}).out, wrapped);
    // The same words either way.
    auto words = [](const std::string& text) {
        std::istringstream in(text);
        std::vector<std::string> out;
        for (std::string w; in >> w;)
            out.push_back(w);
        return out;
    };
    EXPECT_EQ(words(r.out), words(wrapped));

    // At a terminal: wrapped by default.
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    ASSERT_GE(master, 0);
    ASSERT_EQ(grantpt(master), 0);
    ASSERT_EQ(unlockpt(master), 0);
    std::string slave_path = ptsname(master);
    // Held open here too, so that the output stays readable after kapi-dump
    // exits.
    int slave = open(slave_path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    ASSERT_GE(slave, 0);
    RunOptions tty;
    tty.stdout_path = slave_path.c_str();
    r = run_kapi_dump_with({"--elf", kElf, "sys_render_open"}, tty);
    EXPECT_EQ(r.exit_code, kSuccess);
    std::string out;
    fcntl(master, F_SETFL, O_NONBLOCK);
    char buf[4096];
    for (ssize_t n; (n = read(master, buf, sizeof(buf))) > 0;)
        out.append(buf, static_cast<std::size_t>(n));
    close(slave);
    close(master);
    // The terminal turns each newline into CR LF.
    for (std::size_t at; (at = out.find("\r\n")) != std::string::npos;)
        out.erase(at, 1);
    EXPECT_EQ(out, wrapped);
}

// --- ELF files ---------------------------------------------------------------------

// Runs SHELL_COMMAND with /bin/sh; fails the test unless it succeeds.
void shell(const std::string& command) {
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

TEST(CliTest, ElfFromStandardInput) {
    const std::string expected = run_kapi_dump({"--elf", kElf, "-j"}).out;
    ASSERT_THAT(expected, StartsWith("{\"apis\":[{"));
    // A pipe.
    RunOptions piped;
    piped.stdin_data = read_file(kElf);
    Result r = run_kapi_dump_with({"--elf", "-", "-j"}, piped);
    EXPECT_EQ(r.exit_code, kSuccess);
    EXPECT_EQ(r.out, expected);
    EXPECT_THAT(r.err, IsEmpty());
    // A file redirected to stdin.
    RunOptions redirected;
    redirected.stdin_path = kElf;
    r = run_kapi_dump_with({"--elf", "-", "-j"}, redirected);
    EXPECT_EQ(r.exit_code, kSuccess);
    EXPECT_EQ(r.out, expected);
    // An empty pipe, and junk through a pipe.
    piped.stdin_data = "";
    r = run_kapi_dump_with({"--elf", "-"}, piped);
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_EQ(r.err, "kapi-dump: 'standard input' is not an ELF file (no ELF magic number)\n");
    piped.stdin_data = std::string("\x7f"
                                   "ELF\x02\x01\x01",
                                   7) +
                       std::string(100, 'x');
    r = run_kapi_dump_with({"--elf", "-"}, piped);
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_THAT(r.err, StartsWith("kapi-dump: 'standard input' is truncated: its section headers"));
}

// make install compresses modules as the kernel's configuration says
// (CONFIG_MODULE_COMPRESS_*): xz on Debian, gzip and zstd elsewhere.
TEST(CliTest, CompressedModules) {
    TempDir dir("cli-compressed");
    const std::string expected = run_kapi_dump({"--elf", kElf, "-j"}).out;
    ASSERT_THAT(expected, StartsWith("{\"apis\":[{"));
    for (const char* tool : {"xz", "gzip", "zstd -q", "bzip2"}) {
        SCOPED_TRACE(tool);
        std::string command(tool);
        std::string ext = command == "zstd -q" ? "zst" : command == "bzip2" ? "bz2" : command;
        if (command == "gzip")
            ext = "gz";
        if (command == "bzip2" && std::system("command -v bzip2 >/dev/null") != 0)
            continue; // not in every installation; xz, gzip and zstd are
        std::string file = dir / ("render.ko." + ext);
        shell(command + " -c '" + kElf + "' > '" + file + "'");
        Result r = run_kapi_dump({"--elf", file, "-j"});
        EXPECT_EQ(r.exit_code, kSuccess) << r.err;
        EXPECT_EQ(r.out, expected);
        RunOptions piped;
        piped.stdin_data = read_file(file);
        r = run_kapi_dump_with({"--elf", "-", "-j"}, piped);
        EXPECT_EQ(r.exit_code, kSuccess) << r.err;
        EXPECT_EQ(r.out, expected);
        // A compressed file that is not ELF inside.
        std::string text = dir / ("text." + ext);
        shell("echo just text | " + command + " -c > '" + text + "'");
        r = run_kapi_dump({"--elf", text});
        EXPECT_EQ(r.exit_code, kUsage);
        EXPECT_THAT(r.err, HasSubstr("'" + text + "'"));
    }
}

// A 96 MiB ELF file whose .kapi_specs section is a few KiB: kapi-dump maps
// the file and touches only the pages it needs (it once read the whole
// file and copied it: twice the file's size in memory).
TEST(CliTest, MemoryFollowsTheSectionNotTheFile) {
    TempDir dir("cli-big-elf");
    shell("head -c 96M /dev/zero > '" + (dir / "padding") + "'");
    shell("objcopy --add-section .padding='" + (dir / "padding") + "' '" + kElf + "' '" +
          (dir / "big.o") + "'");
    struct stat st {};
    ASSERT_EQ(stat((dir / "big.o").c_str(), &st), 0);
    ASSERT_GT(st.st_size, 96 << 20);
    Result r = run_kapi_dump({"--elf", dir / "big.o", "-j"});
    EXPECT_EQ(r.exit_code, kSuccess) << r.err;
    EXPECT_EQ(r.out, run_kapi_dump({"--elf", kElf, "-j"}).out);
    EXPECT_LT(r.max_rss_kb, 32 * 1024);
}

// --- annotation errors and warnings -------------------------------------------------

TEST(CliTest, AnnotationErrorsAsJsonCarryFileAndLine) {
    TempDir dir("cli-annotation-errors");
    write_file(dir / "bad.c", kBadSpec);
    Result r = run_kapi_dump({"--source", dir / "bad.c", "-j"});
    EXPECT_EQ(r.exit_code, kUsage);
    const std::string file = dir / "bad.c";
    EXPECT_THAT(r.out, StartsWith("{\"error\":\"2 annotation errors in '" + file +
                                  "', the first: " + file +
                                  ":5: unknown error 'ENOTANERROR'\","
                                  "\"errors\":[{\"file\":\"" +
                                  file +
                                  "\",\"line\":5,"
                                  "\"message\":\"unknown error 'ENOTANERROR'\"},{\"file\":\"" +
                                  file + "\",\"line\":7,\"message\":\"unknown lock type"));
    EXPECT_THAT(r.out, EndsWith("\"}]}\n"));
    EXPECT_EQ(r.out.find('\n'), r.out.size() - 1);
}

TEST(CliTest, ACommentMeantAsASpecIsAWarning) {
    TempDir dir("cli-almost-spec");
    std::string specs = read_file(kSource);
    write_file(dir / "specs.c", specs + "\n/**\n"
                                        " * sys_forgot - a spec without its contexts\n"
                                        " * param-count: 0\n"
                                        " * api-type: syscall\n"
                                        " */\n"
                                        "long sys_forgot(void);\n");
    const auto line = static_cast<std::size_t>(std::count(specs.begin(), specs.end(), '\n')) + 2;
    for (const char* format : {"--plain", "-j"}) {
        SCOPED_TRACE(format);
        Result r = run_kapi_dump({"--source", dir / "specs.c", format});
        EXPECT_EQ(r.exit_code, kSuccess);
        EXPECT_EQ(r.out, run_kapi_dump({"--source", kSource, format}).out);
        EXPECT_EQ(r.err, dir / "specs.c" + ":" + std::to_string(line) +
                             ": warning: kerneldoc comment with spec tags ('param-count:', "
                             "'api-type:') but no 'contexts:' tag is not a spec (ignored)\n");
    }
}

// --- bad input ------------------------------------------------------------------------

// A source that must be refused: exit status 2, the exact message, nothing
// on stdout (with JSON: only the error document).
struct BadInput {
    std::string name;
    std::vector<std::string> args;      // DIR is replaced by a temporary directory
    std::string error;                  // first line of stderr, without "kapi-dump: "
    std::vector<std::string> err_lines; // lines before it (annotation diagnostics)
};

void PrintTo(const BadInput& input, std::ostream* os) {
    *os << input.name;
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {
protected:
    void SetUp() override {
        std::string image = read_file(kFixtures + "/spec_input.o");
        write_file(dir_ / "notelf.ko", "this is not an ELF file\n");
        write_file(dir_ / "truncated.ko", image.substr(0, 100));
        write_file(dir_ / "junk.ko", "\x7f"
                                     "ELF"
                                     "\xc8 junk after the ELF magic number");
        write_file(dir_ / "ident.ko", image.substr(0, 7));
        write_file(dir_ / "header.ko", image.substr(0, 40));
        write_file(dir_ / "bad.ko.xz", "\xfd"
                                       "7zXZ" +
                                           std::string(1, '\0') + "not xz data");
        write_file(dir_ / "bad.ko.zst", "\x28\xb5\x2f\xfd not zstd data");
        ASSERT_EQ(mkfifo((dir_ / "fifo").c_str(), 0600), 0);
        std::string section = image.substr(image.find("KAPI"));
        write_file(dir_ / "short/image", section.substr(0, 150));
        write_file(dir_ / "magic/image", "KAPX" + section.substr(4, 400));
        write_file(dir_ / "bad.c", kBadSpec);
    }

    std::vector<std::string> args() const {
        std::vector<std::string> out;
        for (std::string a : GetParam().args) {
            for (std::size_t at; (at = a.find("DIR")) != std::string::npos;)
                a.replace(at, 3, dir_.str());
            out.push_back(a);
        }
        return out;
    }

    std::string expand(std::string s) const {
        for (std::size_t at; (at = s.find("DIR")) != std::string::npos;)
            s.replace(at, 3, dir_.str());
        return s;
    }

    TempDir dir_{"cli-bad-" + GetParam().name};
};

// Each line of ERR starts with the matching expected prefix.
void expect_lines(const std::string& err, const std::vector<std::string>& prefixes) {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string l; std::getline(in, l);)
        lines.push_back(l);
    ASSERT_GE(lines.size(), prefixes.size()) << err;
    for (std::size_t i = 0; i < prefixes.size(); i++)
        EXPECT_THAT(lines[i], StartsWith(prefixes[i]));
}

TEST_P(BadInputTest, ExitsTwoWithAPreciseMessageAndNoOutput) {
    std::vector<std::string> expected;
    for (const std::string& l : GetParam().err_lines)
        expected.push_back(expand(l));
    expected.push_back("kapi-dump: " + expand(GetParam().error));

    Result r = run_kapi_dump(args());
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_THAT(r.out, IsEmpty());
    expect_lines(r.err, expected);
    // Refusing takes milliseconds; /dev/zero once grew to 17 GB and a FIFO
    // hung. The bounds leave room for a loaded machine.
    EXPECT_LT(r.seconds, 3.0);
    EXPECT_LT(r.max_rss_kb, 64 * 1024);

    std::vector<std::string> json = args();
    json.push_back("--json");
    r = run_kapi_dump(json);
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_THAT(r.out, StartsWith("{\"error\":\""));
    EXPECT_EQ(r.out.find('\n'), r.out.size() - 1);
    expect_lines(r.err, expected);
}

INSTANTIATE_TEST_SUITE_P(
    CliTest, BadInputTest,
    ::testing::Values(
        BadInput{"MissingDebugfs",
                 {"--debugfs=DIR/none"},
                 "cannot read 'DIR/none/image': No such file or directory",
                 {}},
        BadInput{"TruncatedImage",
                 {"--debugfs=DIR/short"},
                 "DIR/short/image: image 0 at offset 0: image truncated: 150 bytes, the header "
                 "needs 216",
                 {}},
        BadInput{"CorruptedImage",
                 {"--debugfs=DIR/magic", "sys_golden_read"},
                 "DIR/magic/image: image 0 at offset 0: bad magic 0x5850414b, expected "
                 "0x4950414b (\"KAPI\")",
                 {}},
        BadInput{"ElfWithoutSection",
                 {"--elf", KAPI_DUMP_PATH},
                 "'" KAPI_DUMP_PATH "' has no .kapi_specs section (not a module or kernel "
                 "with kapi specs)",
                 {}},
        BadInput{"NotElf",
                 {"--elf", "DIR/notelf.ko"},
                 "'DIR/notelf.ko' is not an ELF file (no ELF magic number)",
                 {}},
        BadInput{"TruncatedElf",
                 {"--elf", "DIR/truncated.ko"},
                 "'DIR/truncated.ko' is truncated: its section headers end at byte ",
                 {}},
        BadInput{"MissingElf",
                 {"--elf", "DIR/kapi.ko"},
                 "cannot read 'DIR/kapi.ko': No such file or directory",
                 {}},
        BadInput{"ElfIsADirectory", {"--elf", "DIR"}, "cannot read 'DIR': Is a directory", {}},
        BadInput{"ElfIsDevZero",
                 {"--elf", "/dev/zero"},
                 "cannot read '/dev/zero': it is a character device, not a regular file",
                 {}},
        BadInput{"ElfIsAFifo",
                 {"--vmlinux", "DIR/fifo"},
                 "cannot read 'DIR/fifo': it is a FIFO, not a regular file",
                 {}},
        BadInput{"ElfMagicAndJunk",
                 {"--elf", "DIR/junk.ko"},
                 "'DIR/junk.ko' is not a valid ELF file: unknown ELF class 200",
                 {}},
        BadInput{"ElfCutInTheIdentification",
                 {"--elf", "DIR/ident.ko"},
                 "'DIR/ident.ko' is truncated: 7 bytes, less than an ELF identification",
                 {}},
        BadInput{"ElfCutInTheHeader",
                 {"--elf", "DIR/header.ko"},
                 "'DIR/header.ko' is truncated: 40 bytes, less than its ELF header (64)",
                 {}},
        BadInput{"CorruptXz",
                 {"--elf", "DIR/bad.ko.xz"},
                 "'DIR/bad.ko.xz' is compressed but does not decompress into an ELF file",
                 {}},
        BadInput{"CorruptZstd",
                 {"--elf", "DIR/bad.ko.zst"},
                 "'DIR/bad.ko.zst': cannot decompress it (zstd): ",
                 {}},
        BadInput{"StdinIsATerminalOrDevice",
                 {"--elf", "-"},
                 "cannot read standard input: it is a character device",
                 {}},
        BadInput{"MissingSource",
                 {"--source", "DIR/src"},
                 "cannot read 'DIR/src': No such file or directory",
                 {}},
        BadInput{"MalformedAnnotations",
                 {"--source", "DIR/bad.c"},
                 "2 annotation errors in 'DIR/bad.c', the first: DIR/bad.c:5: ",
                 {"DIR/bad.c:5: unknown error 'ENOTANERROR'", "DIR/bad.c:7: unknown lock type"}}),
    [](const ::testing::TestParamInfo<BadInput>& param_info) { return param_info.param.name; });

// --- command-line errors -----------------------------------------------------------------

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
        BadUsage{"AmbiguousPrefix", {"--s", "x"}, "option '--s' is ambiguous"},
        BadUsage{"StrayArgument", {"sys_read", "stray"}, "unexpected argument 'stray'"},
        BadUsage{"OutputDirWithoutRst",
                 {"--output-dir", "x"},
                 "--output-dir writes a reStructuredText manual; it needs --rst"},
        BadUsage{"OutputDirOfOneApi",
                 {"--rst", "--output-dir", "x", "sys_read"},
                 "--all shows every API; it takes no API name ('sys_read')"},
        BadUsage{"AllWithAnApiName",
                 {"--all", "sys_read"},
                 "--all shows every API; it takes no API name ('sys_read')"},
        BadUsage{"AllWithACommand",
                 {"stats", "--all"},
                 "--all applies to reading specs, not to 'stats'"},
        BadUsage{"StrayAfterVersion", {"--version", "a", "b"}, "unexpected argument 'b'"},
        BadUsage{"UnknownOptionAfterHelp", {"--help", "--bogus"}, "unrecognized option '--bogus'"},
        BadUsage{"MissingElfArgument", {"--elf"}, "option '--elf' requires an argument"},
        BadUsage{
            "MissingVmlinuxArgument", {"--vmlinux"}, "option '--vmlinux' requires an argument"},
        BadUsage{"ElfAndVmlinux",
                 {"--elf", "a", "--vmlinux", "b"},
                 "only one source can be given, not both --elf and --vmlinux"},
        BadUsage{"DebugfsDirAndElf",
                 {"--debugfs", "/x", "--elf", "b"},
                 "only one source can be given, not both --debugfs and --elf"},
        BadUsage{"MissingFormatArgument", {"-f"}, "option '-f' requires an argument"},
        BadUsage{"EmptyElfPath", {"--elf", ""}, "option '--elf' needs a non-empty path"},
        BadUsage{"TwoSources",
                 {"--elf", "a", "--source", "b"},
                 "only one source can be given, not both --elf and --source"},
        BadUsage{"SourceTwice",
                 {"--source", "a", "--source", "b"},
                 "only one source can be given, not both --source and --source"},
        BadUsage{"DebugfsAndNetlink",
                 {"--debugfs", "--netlink"},
                 "only one source can be given, not both --debugfs and --netlink"},
        BadUsage{"UnknownFormat",
                 {"-f", "xml"},
                 "unknown format 'xml' (known: plain, json, rst, syzlang, c-header)"},
        BadUsage{"ConflictingFormats",
                 {"--rst", "--syzlang"},
                 "conflicting formats: --rst and --syzlang"},
        BadUsage{"ConflictingFormatNames",
                 {"--syzlang", "--format=plain"},
                 "conflicting formats: --syzlang and --format plain"},
        BadUsage{"PrettyWithRst", {"--rst", "-p"}, "--pretty applies to JSON only, not to --rst"},
        BadUsage{
            "UnknownMode", {"mode", "bogus"}, "unknown mode 'bogus' (known: off, audit, enforce)"},
        BadUsage{"TwoModes", {"mode", "off", "audit"}, "unexpected argument 'audit'"},
        BadUsage{"UnknownLogSwitch", {"log", "yes"}, "unknown log switch 'yes' (known: on, off)"},
        BadUsage{"TwoLogSwitches", {"log", "on", "off"}, "unexpected argument 'off'"},
        BadUsage{"MonitorArgument", {"monitor", "x"}, "unexpected argument 'x'"},
        BadUsage{"StatsOfTwo", {"stats", "a", "b"}, "unexpected argument 'b'"},
        BadUsage{
            "CountWithoutMonitor", {"--count", "3", "stats"}, "--count applies to 'monitor' only"},
        BadUsage{
            "CountZero", {"monitor", "--count", "0"}, "--count needs a positive number, not '0'"},
        BadUsage{"CountWord", {"monitor", "--count=x"}, "--count needs a positive number, not 'x'"},
        BadUsage{"ResetWithoutStats", {"--reset", "mode"}, "--reset applies to 'stats' only"},
        BadUsage{"ResetOneSpec",
                 {"stats", "--reset", "sys_read"},
                 "--reset resets every counter; it takes no API name"},
        BadUsage{"CommandWithASource",
                 {"--elf", "kapi.ko", "stats"},
                 "'stats' talks to kapi.ko through netlink; it takes no --elf"},
        BadUsage{
            "CommandInRst", {"--rst", "monitor"}, "'monitor' writes plain text or JSON, not --rst"},
        BadUsage{
            "CommandStats", {"--stats", "mode"}, "--stats applies to reading specs, not to 'mode'"},
        BadUsage{"BadFilter",
                 {"filter", "pid=0"},
                 "filter: pid='0': expected a number from 1 to 4194304"},
        BadUsage{"FilterTwice", {"filter", "comm=a", "comm=b"}, "filter: 'comm' given twice"},
        BadUsage{"FilterTooManyWords",
                 {"filter", "pid=1", "tgid=1", "uid=1", "comm=a", "x=1"},
                 "unexpected argument 'x=1'"}),
    [](const ::testing::TestParamInfo<BadUsage>& param_info) { return param_info.param.name; });

// With JSON requested anywhere on the line, command-line errors are also
// JSON documents on stdout.
TEST(CliTest, CommandLineErrorsAreJsonWhenJsonIsAsked) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"-j", "--bogus"}, std::vector<std::string>{"--bogus", "-j"},
          std::vector<std::string>{"--bogus", "-f", "json"}}) {
        Result r = run_kapi_dump(args);
        EXPECT_EQ(r.exit_code, kUsage);
        EXPECT_EQ(r.out, "{\"error\":\"unrecognized option '--bogus'\"}\n");
        EXPECT_EQ(r.err, std::string("kapi-dump: unrecognized option '--bogus'\n") + kHelpHint);
    }
    Result r = run_kapi_dump({"--bogus", "-p"});
    EXPECT_EQ(r.out, "{\n  \"error\": \"unrecognized option '--bogus'\"\n}\n");
    // The format that conflicts is not JSON, but JSON was asked first.
    r = run_kapi_dump({"--json", "--rst"});
    EXPECT_EQ(r.exit_code, kUsage);
    EXPECT_EQ(r.out, "{\"error\":\"conflicting formats: --json and --rst\"}\n");
}

} // namespace
