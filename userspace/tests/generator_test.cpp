// SPDX-License-Identifier: GPL-2.0
//
// Tests of the C generator (kapi/generator.h), of the syscalls.h reader
// (kapi/syscalls.h) and of kapi-gen. The golden test compares the
// generator's output for tests/data/golden/spec_input.c byte for byte with
// spec_input.generated.c (regenerate it on purpose with
// KAPI_UPDATE_GOLDEN=1, see Documentation/testing.rst); the compile test
// builds that output with the host compiler, dumps the compiled object and
// checks that its bytes are exactly the image encode_image() writes. Then
// the syscalls.h cross-check, and the kapi-gen command line end to end.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/error.h"
#include "kapi/generator.h"
#include "kapi/image.h"
#include "kapi/model.h"
#include "kapi/parser.h"
#include "kapi/syscalls.h"
#include "test_util.h"
#include "uapi/linux/kapi.h"

namespace {

namespace fs = std::filesystem;
using kapi::Num;
using kapi::Spec;
using kapi::SpecSet;
using kapi_test::read_file;
using kapi_test::TempDir;
using kapi_test::write_file;
using ::testing::HasSubstr;

const std::string kData = KAPI_TEST_DATA_DIR; // userspace/tests/data
const std::string kGolden = kData + "/golden";
const std::string kInputName = "tests/data/golden/spec_input.c"; // as recorded in the image

// Parses the golden input as the file name the image records.
kapi::ParseResult parse_golden() {
    return kapi::parse_annotations(read_file(kGolden + "/spec_input.c"), kInputName);
}

// Runs a shell command; returns its exit status (-1 if it did not exit).
int run(const std::string& command) {
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// ---- Golden file ----------------------------------------------------------------

TEST(GeneratorGoldenTest, OutputMatchesGoldenFile) {
    kapi::ParseResult parsed = parse_golden();
    ASSERT_TRUE(parsed.ok()) << parsed.errors.front().str();
    ASSERT_EQ(parsed.specs.specs.size(), 3U);
    std::string out = kapi::generate_c(parsed.specs, parsed.includes, "kapi_builtin_image");
    const std::string golden_path = kGolden + "/spec_input.generated.c";
    if (kapi_test::update_golden()) {
        write_file(golden_path, out);
        GTEST_SKIP() << "rewrote " << golden_path;
    }
    EXPECT_EQ(out, read_file(golden_path))
        << "the generator's output changed; if that is intended, rerun with "
           "KAPI_UPDATE_GOLDEN=1 and review the diff of "
        << golden_path;
}

TEST(GeneratorGoldenTest, GoldenInputUsesEveryRecordKind) {
    kapi::ParseResult parsed = parse_golden();
    ASSERT_TRUE(parsed.ok());
    std::size_t params = 0, errors = 0, locks = 0, signals = 0, effects = 0, transitions = 0,
                caps = 0, constraints = 0, values = 0, objects = 0;
    std::set<std::uint32_t> kinds;
    for (const Spec& s : parsed.specs.specs) {
        kinds.insert(s.kind);
        params += s.params.size();
        errors += s.errors.size();
        locks += s.locks.size();
        signals += s.signals.size();
        effects += s.effects.size();
        transitions += s.transitions.size();
        caps += s.caps.size();
        constraints += s.constraints.size();
        for (const kapi::Param& p : s.params)
            values += p.values.size();
        for (const kapi::ErrorSpec& e : s.errors)
            objects += e.objects.size();
    }
    EXPECT_EQ(kinds.size(), std::size_t{KAPI_KIND_COUNT});
    for (std::size_t n :
         {params, errors, locks, signals, effects, transitions, caps, constraints, values, objects})
        EXPECT_GT(n, 0U);
}

// ---- Compile test ---------------------------------------------------------------

// Sets the value of every Num that has an expression from VALUES (what the
// host compiler computes), and of every unset Num to 0: the model the
// compiled image must decode to.
void resolve(SpecSet& set, const std::map<std::string, std::int64_t>& values) {
    auto fix = [&](Num& n) {
        if (n.expr.empty()) {
            if (!n.value)
                n.value = 0;
            return;
        }
        auto it = values.find(n.expr);
        if (it == values.end()) {
            ADD_FAILURE() << "no host value for expression '" << n.expr << "'";
            return;
        }
        n.value = it->second;
    };
    for (Spec& s : set.specs) {
        fix(s.ioctl_cmd);
        fix(s.ret.success_min);
        fix(s.ret.success_max);
        for (kapi::Param& p : s.params) {
            for (Num* n :
                 {&p.size, &p.size_mult, &p.alignment, &p.min, &p.max, &p.mask, &p.max_count})
                fix(*n);
            for (Num& n : p.values)
                fix(n);
        }
        for (kapi::Signal& g : s.signals)
            fix(g.number);
        for (kapi::Capability& c : s.caps)
            fix(c.cap);
    }
    for (kapi::StructSpec& st : set.structs) {
        fix(st.size);
        fix(st.alignment);
        for (kapi::StructField& f : st.fields) {
            for (Num* n : {&f.offset, &f.size, &f.min, &f.max, &f.mask})
                fix(*n);
            for (Num& n : f.values)
                fix(n);
        }
    }
}

// Compiles C (a generated image) and host_dump.c with the host compiler and
// returns the image bytes the program dumps.
std::vector<std::uint8_t> compile_and_dump(const std::string& c_source, const std::string& dir) {
    const std::string cc = std::string(KAPI_TEST_CC) + " -x c -std=gnu11 -Wall -Wextra -Werror";
    write_file(dir + "/image.c", c_source);
    std::string log = dir + "/cc.log";
    std::string build = cc + " -include " + kGolden + "/host_shim.h -I" + KAPI_TEST_UAPI_DIR +
                        " -c " + dir + "/image.c -o " + dir + "/image.o >" + log + " 2>&1 && " +
                        cc + " -c " + kGolden + "/host_dump.c -o " + dir + "/dump.o >>" + log +
                        " 2>&1 && " + KAPI_TEST_CC + " " + dir + "/image.o " + dir + "/dump.o -o " +
                        dir + "/dump >>" + log + " 2>&1";
    EXPECT_EQ(run(build), 0) << read_file(log);
    EXPECT_EQ(run(dir + "/dump " + dir + "/image.bin"), 0);
    std::string bytes = read_file(dir + "/image.bin");
    return {bytes.begin(), bytes.end()};
}

TEST(GeneratorCompileTest, CompiledGoldenImageIsTheEncodersImage) {
    kapi::ParseResult parsed = parse_golden();
    ASSERT_TRUE(parsed.ok());
    TempDir tmp("golden");
    std::vector<std::uint8_t> bytes = compile_and_dump(
        kapi::generate_c(parsed.specs, parsed.includes, "kapi_builtin_image"), tmp.str());
    ASSERT_FALSE(bytes.empty());

    kapi::DecodeResult decoded = kapi::decode_image(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error;
    // The compiler laid the object out exactly as the encoder would.
    EXPECT_EQ(kapi::encode_image(decoded.specs), bytes);

    // x86-64 values of the expressions, as the host's UAPI headers have them.
    SpecSet want = parsed.specs;
    resolve(want, {
                      {"INT_MAX", 2147483647},
                      {"S64_MAX", 9223372036854775807LL},
                      {"SIGINT", 2},
                      {"CAP_DAC_OVERRIDE", 1},
                      {"FS_IOC_GETFLAGS", 0x80086601},
                      {"sizeof(long)", 8},
                      {"PATH_MAX", 4096},
                      {"O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL", 0303},
                      {"SEEK_SET", 0},
                      {"SEEK_CUR", 1},
                      {"SEEK_END", 2},
                      {"UIO_MAXIOV", 1024},
                      {"sizeof(struct iovec)", 16},
                      {"__alignof__(struct iovec)", 8},
                      {"offsetof(struct iovec, iov_base)", 0},
                      {"offsetof(struct iovec, iov_len)", 8},
                      {"sizeof(void *)", 8},
                  });
    EXPECT_EQ(decoded.specs, want);
}

TEST(GeneratorCompileTest, EmptyImageCompiles) {
    TempDir tmp("empty");
    std::vector<std::uint8_t> bytes =
        compile_and_dump(kapi::generate_c(SpecSet{}, {}, "kapi_builtin_image"), tmp.str());
    kapi::DecodeResult decoded = kapi::decode_image(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error;
    EXPECT_TRUE(decoded.specs.specs.empty());
    EXPECT_EQ(bytes, kapi::encode_image(SpecSet{}));
}

// ---- Generator units ------------------------------------------------------------

Spec small_spec(const std::string& name) {
    Spec s;
    s.name = name;
    s.kind = KAPI_KIND_FUNCTION;
    kapi::Param p;
    p.name = "x";
    p.type_name = "int";
    s.params = {p};
    return s;
}

std::string generate_error(const SpecSet& set, const std::string& symbol = "sym") {
    try {
        kapi::generate_c(set, {}, symbol);
    } catch (const kapi::Error& e) {
        EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
        return e.what();
    }
    return "(no error)";
}

TEST(GeneratorTest, DefinesTheTwoSymbols) {
    std::string out = kapi::generate_c(SpecSet{{small_spec("f")}}, {}, "my_image");
    EXPECT_THAT(out, HasSubstr("\nconst void *const my_image_data = &kapi_gen_image_obj;\n"));
    EXPECT_THAT(out, HasSubstr("\nconst size_t my_image_size = sizeof(kapi_gen_image_obj);\n"));
    EXPECT_THAT(out, HasSubstr("__section(KAPI_IMAGE_SECTION) __aligned(KAPI_IMAGE_ALIGN) __used"));
}

TEST(GeneratorTest, IncludesSpecFileIncludesOnceThenItsOwn) {
    std::string out = kapi::generate_c(
        SpecSet{{small_spec("f")}},
        {"#include <linux/fcntl.h>", "#include <linux/errno.h>", "#include <linux/fcntl.h>"}, "s");
    EXPECT_THAT(out, HasSubstr("#include <linux/fcntl.h>\n#include <linux/errno.h>\n"
                               "#include <linux/types.h>\n#include <linux/stddef.h>\n"
                               "#include \"uapi/linux/kapi.h\"\n"));
    EXPECT_EQ(out.find("#include <linux/fcntl.h>"), out.rfind("#include <linux/fcntl.h>"));
    EXPECT_EQ(out.find("capability.h"), std::string::npos);
}

TEST(GeneratorTest, ErrnoNamesBecomeNegatedMacrosWithChecks) {
    Spec s = small_spec("f");
    s.errors = {{-11, "EWOULDBLOCK", "", "", {}}};
    s.params[0].violation_error = "EWOULDBLOCK";
    std::string out = kapi::generate_c(SpecSet{{s}}, {}, "s");
    EXPECT_THAT(out, HasSubstr(".code = -EWOULDBLOCK,"));
    EXPECT_THAT(out, HasSubstr(".violation_error = -EWOULDBLOCK,"));
    EXPECT_THAT(out, HasSubstr("_Static_assert((EWOULDBLOCK) > 0 && (EWOULDBLOCK) <= 4095, "
                               "\"EWOULDBLOCK is not an errno number\");"));
}

TEST(GeneratorTest, NumbersAreExpressionsOrLiterals) {
    Spec s = small_spec("f");
    s.params[0].min = Num{std::nullopt, "-PAGE_SIZE"};
    s.params[0].max = Num{-9223372036854775807LL - 1, ""};
    s.params[0].mask = Num{0x100000000LL, ""};
    s.params[0].alignment = Num{8, ""};
    std::string out = kapi::generate_c(SpecSet{{s}}, {}, "s");
    EXPECT_THAT(out, HasSubstr(".min = { .value = (__force __s64)(-PAGE_SIZE), .expr = "));
    EXPECT_THAT(out, HasSubstr(".max = { .value = (-9223372036854775807LL - 1) },"));
    EXPECT_THAT(out, HasSubstr(".mask = { .value = 4294967296LL },"));
    EXPECT_THAT(out, HasSubstr(".alignment = { .value = 8 },"));
}

// Capabilities, signal numbers, alignments and ioctl commands are 32-bit
// numbers; the compiler checks that the target's values fit.
TEST(GeneratorTest, SmallNumbersAre32BitWithRangeChecks) {
    Spec s = small_spec("f");
    s.kind = KAPI_KIND_IOCTL;
    s.ioctl_cmd = Num{std::nullopt, "_IOR('f', 1, long)"};
    s.params[0].alignment = Num{std::nullopt, "PAGE_SIZE"};
    s.signals = {kapi::Signal{}};
    s.signals[0].number = Num{std::nullopt, "SIGKILL"};
    s.caps = {kapi::Capability{}};
    s.caps[0].cap = Num{std::nullopt, "CAP_SYS_ADMIN"};
    std::string out = kapi::generate_c(SpecSet{{s}}, {}, "s");
    EXPECT_THAT(out, HasSubstr(".ioctl_cmd = { .value = (__force __s32)(_IOR('f', 1, long)), .expr = "));
    EXPECT_THAT(out, HasSubstr(".alignment = { .value = (__force __s32)(PAGE_SIZE), .expr = "));
    EXPECT_THAT(out, HasSubstr(".number = { .value = (__force __s32)(SIGKILL), .expr = "));
    EXPECT_THAT(out, HasSubstr(".cap = { .value = (__force __s32)(CAP_SYS_ADMIN), .expr = "));
    EXPECT_THAT(out, HasSubstr("_Static_assert((unsigned long long)(_IOR('f', 1, long)) <= "
                               "0xffffffffULL, \"spec 0 (f): ioctl_cmd is not a 32-bit ioctl "
                               "command\");"));
    EXPECT_THAT(out, HasSubstr("_Static_assert((long long)(PAGE_SIZE) == (__s32)(PAGE_SIZE), "
                               "\"spec 0 (f): param 0 (x): alignment does not fit in __s32\");"));
    EXPECT_EQ(out.find("(__s64)("), std::string::npos);

    // Literals are written as the __s32 the image holds: an ioctl command
    // with the top bit set is negative there.
    s.ioctl_cmd = Num{0xc0045878LL, ""};
    s.params[0].alignment = Num{-2147483647LL - 1, ""};
    out = kapi::generate_c(SpecSet{{s}}, {}, "s");
    EXPECT_THAT(out, HasSubstr(".ioctl_cmd = { .value = -1073457032 },"));
    EXPECT_THAT(out, HasSubstr(".alignment = { .value = (-2147483647 - 1) },"));
    EXPECT_EQ(out.find("ioctl_cmd is not"), std::string::npos);
}

TEST(GeneratorTest, SmallNumberLiteralsOutOfRangeAreRefused) {
    Spec s = small_spec("f");
    s.params[0].alignment = Num{1LL << 32, ""};
    EXPECT_EQ(generate_error(SpecSet{{s}}), "spec 0 (f): param 0: alignment 4294967296 does not "
                                            "fit in its 32-bit field (-2147483648..2147483647)");
    s = small_spec("f");
    s.kind = KAPI_KIND_IOCTL;
    s.ioctl_cmd = Num{-5, ""};
    EXPECT_EQ(generate_error(SpecSet{{s}}),
              "spec 0 (f): ioctl_cmd -5 does not fit in its 32-bit field (0..4294967295)");
}

TEST(GeneratorTest, UnsafeExpressionsAreRefused) {
    const std::pair<const char*, const char*> cases[] = {
        {"1; evil()", "contains ';'"},
        {"(1", "has an unbalanced '('"},
        {"1)", "has an unbalanced ')'"},
        {"1 /* x */", "contains a comment"},
        {"\"s\"", "contains '\"'"},
        {"'ab'", "contains a character constant other than 'x'"},
        {"A\nB", "contains a control character"},
        {"#x", "contains '#'"},
    };
    for (const auto& [expr, why] : cases) {
        Spec s = small_spec("f");
        s.params[0].max = Num{std::nullopt, expr};
        EXPECT_EQ(generate_error(SpecSet{{small_spec("g"), s}}),
                  "spec 1 (f): param 0: max expression '" + std::string(expr) +
                      "' cannot be used in C: " + why);
    }
    Spec ok = small_spec("f");
    ok.ioctl_cmd = Num{std::nullopt, "_IOR('f', 1, long)"};
    EXPECT_EQ(generate_error(SpecSet{{ok}}), "(no error)");
}

TEST(GeneratorTest, SymbolMustBeAnIdentifier) {
    EXPECT_EQ(generate_error(SpecSet{}, "1image"), "symbol '1image' is not a C identifier");
    EXPECT_EQ(generate_error(SpecSet{}, "my-image"), "symbol 'my-image' is not a C identifier");
}

TEST(GeneratorTest, InvalidSpecsAreRefusedLikeTheKernelWould) {
    SpecSet set{{small_spec("f"), small_spec("f")}};
    EXPECT_EQ(generate_error(set), "spec 1 (f): name duplicates spec 0");
    int at = -2;
    EXPECT_EQ(kapi::check_specs(set, &at), "spec 1 (f): name duplicates spec 0");
    EXPECT_EQ(at, 1);

    set = SpecSet{{small_spec("f")}};
    set.specs[0].params[0].size_param = 5;
    EXPECT_EQ(kapi::check_specs(set, &at),
              "spec 0 (f): param 0: size_param 5 out of range (-1..0)");
    EXPECT_EQ(at, 0);

    set = SpecSet{{small_spec("f")}};
    set.specs[0].signals = {kapi::Signal{}};
    set.specs[0].signals[0].error = "E NOT";
    EXPECT_EQ(kapi::check_specs(set, &at),
              "spec 0 (f): signal 0: error 'E NOT' is not an errno name");

    EXPECT_EQ(kapi::check_specs(SpecSet{{small_spec("f")}}, &at), "");
    EXPECT_EQ(at, -1);
}

// check_specs() promises the kernel's checks: kapi.ko refuses these names
// (module/image.c), so kapi-gen must not write them.
TEST(GeneratorTest, SpecAndErrorNamesFollowTheKernelsRules) {
    int at = -2;
    EXPECT_EQ(kapi::check_specs(SpecSet{{small_spec("f"), small_spec("bad name!")}}, &at),
              "spec 1: name \"bad name!\" has byte 3 (0x20), which is not allowed in a name "
              "([A-Za-z0-9_][A-Za-z0-9_.-]*)");
    EXPECT_EQ(at, 1);
    EXPECT_EQ(kapi::check_specs(SpecSet{{small_spec(".f")}}, &at),
              "spec 0: name \".f\" has byte 0 (0x2e), which is not allowed in a name "
              "([A-Za-z0-9_][A-Za-z0-9_.-]*)");
    EXPECT_EQ(kapi::check_specs(SpecSet{{small_spec("f.v2-x_y")}}, &at), "");
    EXPECT_EQ(at, -1);

    Spec s = small_spec("f");
    s.errors = {{-22, "not_an_errno", "", "", {}}};
    EXPECT_EQ(kapi::check_specs(SpecSet{{s}}, &at),
              "spec 0 (f): error 0: name \"not_an_errno\" is not an error name (E[A-Z0-9_]+)");
    EXPECT_EQ(at, 0);
    EXPECT_EQ(generate_error(SpecSet{{s}}),
              "spec 0 (f): error 0: name \"not_an_errno\" is not an error name (E[A-Z0-9_]+)");
    s.errors = {{-22, "EINVAL", "", "", {}}, {-4095, "E4095", "", "", {}}};
    EXPECT_EQ(kapi::check_specs(SpecSet{{s}}, &at), "");
}

TEST(GeneratorTest, UnresolvedNumbersNeedNoValue) {
    // The generator, unlike encode_image(), leaves numbers to the compiler.
    Spec s = small_spec("f");
    s.params[0].max = Num{std::nullopt, "INT_MAX"};
    s.errors = {{0, "ENOSYS", "", "", {}}};
    EXPECT_EQ(kapi::check_specs(SpecSet{{s}}), "");
    EXPECT_THAT(kapi::generate_c(SpecSet{{s}}, {}, "s"), HasSubstr(".code = -ENOSYS,"));
}

// ---- syscalls.h cross-check -----------------------------------------------------

std::vector<kapi::SyscallDecl> fixture_decls() {
    return kapi::parse_syscall_decls(read_file(kGolden + "/syscalls.h"));
}

TEST(SyscallDeclTest, ParsesTheShapesOfSyscallsH) {
    std::vector<kapi::SyscallDecl> decls = fixture_decls();
    std::vector<std::string> names;
    for (const kapi::SyscallDecl& d : decls)
        names.push_back(d.name);
    EXPECT_EQ(names,
              (std::vector<std::string>{"sys_golden_read", "sys_socket", "sys_sync", "sys_pipe2",
                                        "sys_rt_sigaction", "sys_clone", "sys_clone"}));
    ASSERT_EQ(decls.size(), 7U);
    EXPECT_EQ(decls[0].params, (std::vector<std::string>{"fd", "buf", "count"}));
    EXPECT_EQ(decls[0].text,
              "asmlinkage long sys_golden_read(unsigned int fd, char __user *buf, size_t count);");
    EXPECT_EQ(decls[0].line, 13U);
    EXPECT_EQ(decls[1].params, (std::vector<std::string>{"", "", ""}));
    EXPECT_TRUE(decls[2].params.empty());
    EXPECT_EQ(decls[3].params, (std::vector<std::string>{"fildes", "flags"}));
    EXPECT_EQ(decls[4].params, (std::vector<std::string>{"", "", "", ""}));
    EXPECT_EQ(decls[4].text, "asmlinkage long sys_rt_sigaction(int, const struct sigaction __user "
                             "*, struct sigaction __user *, size_t);");
    EXPECT_EQ(decls[6].params,
              (std::vector<std::string>{"flags", "newsp", "parent_tid", "child_tid", "tls"}));
}

Spec syscall(const std::string& name, const std::vector<std::string>& params) {
    Spec s;
    s.name = name;
    s.kind = KAPI_KIND_SYSCALL;
    for (const std::string& p : params) {
        kapi::Param param;
        param.name = p;
        s.params.push_back(param);
    }
    return s;
}

TEST(SyscallDeclTest, MatchingSpecsPass) {
    std::vector<kapi::SyscallDecl> decls = fixture_decls();
    EXPECT_EQ(kapi::check_syscall(syscall("sys_golden_read", {"fd", "buf", "count"}), decls, "h"),
              "");
    EXPECT_EQ(kapi::check_syscall(syscall("sys_sync", {}), decls, "h"), "");
    // Unnamed parameters match any name.
    EXPECT_EQ(
        kapi::check_syscall(syscall("sys_socket", {"family", "type", "protocol"}), decls, "h"), "");
    // Either declaration of sys_clone will do.
    EXPECT_EQ(
        kapi::check_syscall(
            syscall("sys_clone", {"flags", "newsp", "parent_tid", "tls", "child_tid"}), decls, "h"),
        "");
    EXPECT_EQ(
        kapi::check_syscall(
            syscall("sys_clone", {"flags", "newsp", "parent_tid", "child_tid", "tls"}), decls, "h"),
        "");
}

TEST(SyscallDeclTest, MismatchesAreReportedWithThePrototype) {
    std::vector<kapi::SyscallDecl> decls = fixture_decls();
    const std::string proto = "asmlinkage long sys_golden_read(unsigned int fd, char __user *buf, "
                              "size_t count); (inc/syscalls.h:13)";
    EXPECT_EQ(
        kapi::check_syscall(syscall("sys_golden_read", {"fd", "buf"}), decls, "inc/syscalls.h"),
        "sys_golden_read has 2 parameters, the kernel's prototype 3: " + proto);
    EXPECT_EQ(kapi::check_syscall(syscall("sys_golden_read", {"fd", "buffer", "count"}), decls,
                                  "inc/syscalls.h"),
              "sys_golden_read parameter 1 is 'buffer', the kernel's prototype calls it 'buf': " +
                  proto);
    EXPECT_EQ(kapi::check_syscall(syscall("sys_golden_read", {"count", "buf", "fd"}), decls,
                                  "inc/syscalls.h"),
              "sys_golden_read parameter 0 is 'count', the kernel's prototype calls it 'fd': " +
                  proto);
    EXPECT_EQ(kapi::check_syscall(syscall("sys_sync", {"x"}), decls, "h"),
              "sys_sync has 1 parameters, the kernel's prototype 0: asmlinkage long "
              "sys_sync(void); (h:16)");
}

TEST(SyscallDeclTest, UndeclaredSyscallIsAnError) {
    std::vector<kapi::SyscallDecl> decls = fixture_decls();
    for (const char* name : {"sys_nonexistent", "sys_in_a_comment", "sys_in_a_macro"})
        EXPECT_EQ(kapi::check_syscall(syscall(name, {"a"}), decls, "h"),
                  std::string(name) + " is not declared in h (no 'asmlinkage long " + name +
                      "(...)')");
}

// include/linux/syscalls.h of a kernel provisioned by scripts/fetch-kernels.sh
// (in the -common half of Debian's header packages), or "".
std::string provisioned_syscalls_h(const std::string& series) {
    std::string cache;
    if (const char* c = std::getenv("KAPI_CACHE"))
        cache = c;
    else if (const char* x = std::getenv("XDG_CACHE_HOME"))
        cache = std::string(x) + "/kapi";
    else if (const char* h = std::getenv("HOME"))
        cache = std::string(h) + "/.cache/kapi";
    std::ifstream env(cache + "/kernels/" + series + ".env");
    std::string line;
    while (std::getline(env, line)) {
        if (!line.starts_with("KAPI_KDIR="))
            continue;
        std::string kdir = line.substr(10);
        for (std::string dir : {kdir, kdir.substr(0, kdir.rfind('-')) + "-common"}) {
            std::string path = dir + "/include/linux/syscalls.h";
            if (fs::exists(path))
                return path;
        }
    }
    return {};
}

TEST(SyscallDeclTest, RealDebianHeadersDeclareTheFileSyscalls) {
    const std::string kHeaders[] = {provisioned_syscalls_h("6.1"), provisioned_syscalls_h("6.12")};
    int checked = 0;
    for (const std::string& path : kHeaders) {
        if (path.empty())
            continue;
        ++checked;
        std::vector<kapi::SyscallDecl> decls = kapi::parse_syscall_decls(read_file(path));
        EXPECT_GT(decls.size(), 400U) << path;
        EXPECT_EQ(kapi::check_syscall(syscall("sys_read", {"fd", "buf", "count"}), decls, path),
                  "");
        EXPECT_EQ(kapi::check_syscall(syscall("sys_openat", {"dfd", "filename", "flags", "mode"}),
                                      decls, path),
                  "");
        EXPECT_EQ(kapi::check_syscall(syscall("sys_close", {"fd"}), decls, path), "");
        EXPECT_EQ(
            kapi::check_syscall(syscall("sys_open", {"filename", "flags", "mode"}), decls, path),
            "");
        EXPECT_EQ(kapi::check_syscall(syscall("sys_write", {"fd", "buf", "count"}), decls, path),
                  "");
    }
    if (checked == 0)
        GTEST_SKIP() << "no provisioned Debian kernel headers";
}

// ---- kapi-gen ------------------------------------------------------------------

struct GenResult {
    int exit_code;
    std::string out;
    std::string err;
};

GenResult kapi_gen(const std::string& dir, const std::string& args) {
    int code = run(std::string(KAPI_GEN_PATH) + " " + args + " >" + dir + "/stdout 2>" + dir +
                   "/stderr </dev/null");
    return {code, read_file(dir + "/stdout"), read_file(dir + "/stderr")};
}

TEST(KapiGenTest, WritesTheGeneratedFile) {
    TempDir tmp("ok");
    const std::string& dir = tmp.str();
    GenResult r =
        kapi_gen(dir, "--syscalls-h " + kGolden + "/syscalls.h --symbol kapi_builtin_image -o " +
                          dir + "/out.c " + kGolden + "/spec_input.c");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, "");
    // The image records the file name as given. A long name is split over
    // several string literals, so join them before looking for it.
    std::string got = read_file(dir + "/out.c");
    EXPECT_THAT(got, HasSubstr(" *   sys_golden_read (" + kGolden + "/spec_input.c:16)\n"));
    std::string joined;
    for (std::size_t at = 0;;) {
        std::size_t cut = got.find("\"\n\t\t\"", at);
        joined += got.substr(at, cut - at);
        if (cut == std::string::npos)
            break;
        at = cut + 5;
    }
    EXPECT_THAT(joined, HasSubstr(" \"" + kGolden + "/spec_input.c\\0\"\n"));
}

TEST(KapiGenTest, SourceRootMakesFileNamesRelative) {
    TempDir tmp("root");
    const std::string& dir = tmp.str();
    std::string userspace = fs::path(kData).parent_path().parent_path().string();
    GenResult r = kapi_gen(dir, "--source-root " + userspace + " -o " + dir + "/out.c " + kGolden +
                                    "/spec_input.c");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_file(dir + "/out.c"), read_file(kGolden + "/spec_input.generated.c"));
}

TEST(KapiGenTest, NoFilesGiveAnEmptyImage) {
    TempDir tmp("none");
    const std::string& dir = tmp.str();
    GenResult r = kapi_gen(dir, "-o " + dir + "/out.c");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_file(dir + "/out.c"), kapi::generate_c(SpecSet{}, {}, "kapi_builtin_image"));
}

TEST(KapiGenTest, AnnotationErrorsAreReportedAndNothingIsWritten) {
    TempDir tmp("bad");
    const std::string& dir = tmp.str();
    write_file(dir + "/bad.c", "/**\n"
                               " * f - broken\n"
                               " * contexts: process\n"
                               " * param: x\n"
                               " *   type: nonsense\n"
                               " */\n"
                               "long f(int x);\n");
    GenResult r = kapi_gen(dir, "-o " + dir + "/out.c " + dir + "/bad.c");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr(dir + "/bad.c:5: "));
    EXPECT_FALSE(fs::exists(dir + "/out.c"));
}

// A struct may be described in another file than the specs that use it;
// a name no input describes is an error with the line of "struct:".
TEST(KapiGenTest, StructsAreSharedByAllInputs) {
    TempDir tmp("structs");
    const std::string& dir = tmp.str();
    std::string input = read_file(kGolden + "/spec_input.c");
    std::size_t at = input.find("/**\n * struct: iovec");
    ASSERT_NE(at, std::string::npos);
    write_file(dir + "/specs.c", input.substr(0, at));
    write_file(dir + "/structs.c", "#include <linux/uio.h>\n" + input.substr(at));
    GenResult ok = kapi_gen(dir, "-o " + dir + "/out.c " + dir + "/specs.c " + dir + "/structs.c");
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_THAT(read_file(dir + "/out.c"), HasSubstr(".struct_id = 1, /* struct iovec */"));
    GenResult bad = kapi_gen(dir, "-o " + dir + "/out2.c " + dir + "/specs.c");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_THAT(bad.err, HasSubstr(dir + "/specs.c:40: param 'buf' of sys_golden_read: unknown "
                                         "struct 'iovec'"));
    EXPECT_FALSE(fs::exists(dir + "/out2.c"));
}

TEST(KapiGenTest, DuplicateSpecsAcrossFilesNameBothPlaces) {
    TempDir tmp("dup");
    const std::string& dir = tmp.str();
    fs::copy_file(kGolden + "/spec_input.c", dir + "/a.c");
    fs::copy_file(kGolden + "/spec_input.c", dir + "/b.c");
    write_file(dir + "/out.c", "old");
    GenResult r = kapi_gen(dir, "-o " + dir + "/out.c " + dir + "/a.c " + dir + "/b.c");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err,
                HasSubstr(dir + "/b.c:16: duplicate spec 'sys_golden_read', first defined at " +
                          dir + "/a.c:16\n"));
    EXPECT_THAT(r.err, HasSubstr(dir + "/b.c:130: duplicate spec 'golden_open', first defined at " +
                                 dir + "/a.c:130\n"));
    EXPECT_THAT(r.err, HasSubstr(dir + "/b.c: duplicate struct 'iovec' in the inputs\n"));
    EXPECT_EQ(read_file(dir + "/out.c"), "old"); // left alone
}

TEST(KapiGenTest, SyscallMismatchIsAnError) {
    TempDir tmp("mismatch");
    const std::string& dir = tmp.str();
    std::string header = read_file(kGolden + "/syscalls.h");
    header.replace(header.find("char __user *buf"), 16, "char __user *buffer");
    write_file(dir + "/syscalls.h", header);
    GenResult r = kapi_gen(dir, "--syscalls-h " + dir + "/syscalls.h -o " + dir + "/out.c " +
                                    kGolden + "/spec_input.c");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, kGolden +
                         "/spec_input.c:16: sys_golden_read parameter 1 is 'buf', the "
                         "kernel's prototype calls it 'buffer': asmlinkage long "
                         "sys_golden_read(unsigned int fd, char __user *buffer, size_t "
                         "count); (" +
                         dir + "/syscalls.h:13)\n");
    EXPECT_FALSE(fs::exists(dir + "/out.c"));

    write_file(dir + "/empty.h", "");
    r = kapi_gen(dir, "--syscalls-h " + dir + "/empty.h -o " + dir + "/out.c " + kGolden +
                          "/spec_input.c");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, kGolden + "/spec_input.c:16: sys_golden_read is not declared in " + dir +
                         "/empty.h (no 'asmlinkage long sys_golden_read(...)')\n");
}

TEST(KapiGenTest, StatsShowTheCostOfEachSpec) {
    TempDir tmp("stats");
    const std::string& dir = tmp.str();
    GenResult r = kapi_gen(dir, "--stats -o " + dir + "/out.c " + kGolden + "/spec_input.c");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    kapi::ImageCost cost = kapi::image_cost(kapi::parse_file(kGolden + "/spec_input.c").specs);
    EXPECT_THAT(r.out, HasSubstr("\nsys_golden_read "));
    EXPECT_THAT(r.out, HasSubstr("image: 3 specs, " + std::to_string(cost.total_bytes) + " bytes"));
    EXPECT_THAT(r.out, HasSubstr("upstream v2: ~400-450 KB per spec"));
}

TEST(KapiGenTest, UsageErrors) {
    TempDir tmp("usage");
    const std::string& dir = tmp.str();
    GenResult r = kapi_gen(dir, kGolden + "/spec_input.c");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "kapi-gen: no output file: give -o OUT.c\nTry 'kapi-gen --help'.\n");
    r = kapi_gen(dir, "--bogus -o x.c");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "kapi-gen: unrecognized option '--bogus'\nTry 'kapi-gen --help'.\n");
    r = kapi_gen(dir, "-o");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "kapi-gen: option '-o' requires an argument\nTry 'kapi-gen --help'.\n");
    r = kapi_gen(dir, "--symbol 9x -o " + dir + "/out.c");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "kapi-gen: symbol '9x' is not a C identifier\n");
    r = kapi_gen(dir, "--syscalls-h " + dir + "/missing.h -o " + dir + "/out.c");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "kapi-gen: cannot read '" + dir + "/missing.h'\n");
    r = kapi_gen(dir, "--help");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_THAT(r.out, HasSubstr("Usage: kapi-gen [OPTIONS] -o OUT.c [FILE...]"));
}

TEST(KapiGenTest, UnwritableOutputFails) {
    TempDir tmp("unwritable");
    const std::string& dir = tmp.str();
    GenResult r = kapi_gen(dir, "-o " + dir + "/no/such/dir/out.c");
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_THAT(r.err, HasSubstr("kapi-gen: cannot write '" + dir + "/no/such/dir/out.c.tmp."));
}

} // namespace
