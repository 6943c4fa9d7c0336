// SPDX-License-Identifier: GPL-2.0
//
// Tests of error triggers (the "trigger:" sub-key of "error:" blocks, read
// by the annotation parser into ParseResult::triggers) and of the
// conformance generator behind kapi-gen --conformance (kapi/conformance.h):
// the recipes and their diagnostics, that a trigger leaves the spec model
// unchanged, the generated case tables, and that every trigger of
// module/specs/fs.c names fixtures the runner has.

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/conformance.h"
#include "kapi/parser.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// sys_foo(int fd, char *buf, size_t count) with BODY's error blocks; the
// error lines start at line 21.
std::string spec(std::string_view errors) {
    std::string text = "/**\n"
                       " * sys_foo - do foo\n"
                       " * context-flags: KAPI_CTX_PROCESS\n"
                       " *\n"
                       " * param: fd\n"
                       " *   type: fd, input\n"
                       " *   constraint-type: fd\n"
                       " *   fd-access: KAPI_FD_OPEN | KAPI_FD_READ\n"
                       " *\n"
                       " * param: buf\n"
                       " *   type: user_ptr, output\n"
                       " *   constraint-type: buffer(count)\n"
                       " *\n"
                       " * param: count\n"
                       " *   type: uint, input\n"
                       " *\n"
                       " * return:\n"
                       " *   type: int\n"
                       " *   success: >= 0\n"
                       " *\n";
    std::size_t start = 0;
    while (start < errors.size()) {
        std::size_t nl = errors.find('\n', start);
        if (nl == std::string_view::npos)
            nl = errors.size();
        std::string_view line = errors.substr(start, nl - start);
        text += line.empty() ? " *\n" : " * " + std::string(line) + "\n";
        start = nl + 1;
    }
    text += " */\nasmlinkage long sys_foo(unsigned int fd, char __user *buf, size_t count);\n";
    return text;
}

std::string errors_of(const kapi::ParseResult& r) {
    std::string out;
    for (const kapi::Diagnostic& d : r.errors)
        out += d.str() + "\n";
    return out;
}

TEST(TriggerTest, RecipeItemsInOrder) {
    kapi::ParseResult r = kapi::parse_annotations(
        spec("error: EBADF, not open\n"
             "  trigger: fd=closed, count=1, setup=alarm, check=pos_unchanged\n"
             "  desc: Not open.\n"),
        "t.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    ASSERT_EQ(r.triggers.size(), 1U);
    const kapi::ErrorTrigger& t = r.triggers[0];
    EXPECT_EQ(t.api, "sys_foo");
    EXPECT_EQ(t.error, "EBADF");
    EXPECT_EQ(t.file, "t.c");
    EXPECT_EQ(t.line, 22U);
    EXPECT_FALSE(t.none);
    EXPECT_THAT(t.items,
                ElementsAre(kapi::TriggerItem{"fd", "closed"}, kapi::TriggerItem{"count", "1"},
                            kapi::TriggerItem{"setup", "alarm"},
                            kapi::TriggerItem{"check", "pos_unchanged"}));
}

TEST(TriggerTest, ExpressionsAndContinuationLines) {
    kapi::ParseResult r =
        kapi::parse_annotations(spec("error: EFAULT, bad buffer\n"
                                     "  trigger: fd=file_rdonly, buf=kernel_ptr,\n"
                                     "    count=(1 << 4) | O_NONBLOCK\n"),
                                "t.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    ASSERT_EQ(r.triggers.size(), 1U);
    EXPECT_THAT(r.triggers[0].items,
                ElementsAre(kapi::TriggerItem{"fd", "file_rdonly"},
                            kapi::TriggerItem{"buf", "kernel_ptr"},
                            kapi::TriggerItem{"count", "(1 << 4) | O_NONBLOCK"}));
}

TEST(TriggerTest, NoneWithReason) {
    kapi::ParseResult r = kapi::parse_annotations(spec("error: EIO, I/O error\n"
                                                       "  trigger: none -- needs failing\n"
                                                       "    hardware\n"),
                                                  "t.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    ASSERT_EQ(r.triggers.size(), 1U);
    EXPECT_TRUE(r.triggers[0].none);
    EXPECT_EQ(r.triggers[0].reason, "needs failing hardware");
    EXPECT_THAT(r.triggers[0].items, IsEmpty());
}

// A trigger is a test-side annotation: the spec is the same without it.
TEST(TriggerTest, SpecModelUnchanged) {
    kapi::ParseResult with =
        kapi::parse_annotations(spec("error: EBADF, not open\n  trigger: fd=closed\n"
                                     "error: EIO, I/O error\n  trigger: none -- hardware\n"),
                                "t.c");
    kapi::ParseResult without =
        kapi::parse_annotations(spec("error: EBADF, not open\n\nerror: EIO, I/O error\n\n"), "t.c");
    ASSERT_TRUE(with.ok()) << errors_of(with);
    ASSERT_TRUE(without.ok()) << errors_of(without);
    EXPECT_EQ(with.specs, without.specs);
    EXPECT_THAT(without.triggers, IsEmpty());
}

struct BadTrigger {
    std::string_view trigger;
    std::string_view message;
};

class BadTriggerTest : public ::testing::TestWithParam<BadTrigger> {};

TEST_P(BadTriggerTest, Diagnostic) {
    kapi::ParseResult r = kapi::parse_annotations(
        spec("error: EBADF, not open\n  trigger: " + std::string(GetParam().trigger) + "\n"),
        "t.c");
    EXPECT_EQ(errors_of(r), "t.c:22: " + std::string(GetParam().message) + "\n");
    EXPECT_THAT(r.triggers, IsEmpty());
    EXPECT_THAT(r.specs.specs, IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    All, BadTriggerTest,
    ::testing::Values(
        BadTrigger{"none", "trigger: 'none' needs a reason: 'none -- REASON'"},
        BadTrigger{"none --", "trigger: 'none' needs a reason: 'none -- REASON'"},
        BadTrigger{"none because", "trigger: 'none' needs a reason: 'none -- REASON'"},
        BadTrigger{"fd", "trigger: 'fd' is not KEY=VALUE"},
        BadTrigger{"fd=closed, Fd=closed", "trigger: bad key 'Fd' (a parameter, setup or check)"},
        BadTrigger{"fd=", "trigger: 'fd=' has no value"},
        BadTrigger{"fd=closed, fd=dir", "trigger: parameter 'fd' given twice"},
        BadTrigger{"count=12abc",
                   "trigger: count: invalid number '12abc': bad integer literal '12abc'"},
        BadTrigger{"setup=ALARM", "trigger: setup=ALARM: expected a fixture name (a lowercase "
                                  "identifier)"},
        BadTrigger{"flags=O_RDONLY", "trigger: 'flags' is not a parameter of sys_foo"}));

TEST(TriggerTest, OnlyInErrorBlocks) {
    kapi::ParseResult r = kapi::parse_annotations(
        spec("error: EBADF, not open\n\nlock: x\n  trigger: fd=closed\n"), "t.c");
    EXPECT_THAT(errors_of(r), HasSubstr("t.c:24: "));
    EXPECT_THAT(errors_of(r), HasSubstr("trigger"));
}

kapi::ConformanceResult generate(std::string_view errors) {
    kapi::ParseResult r = kapi::parse_annotations(spec(errors), "t.c");
    EXPECT_TRUE(r.ok()) << errors_of(r);
    return kapi::generate_conformance_c(r.specs, r.triggers);
}

TEST(ConformanceTest, TriggerCaseWithDefaults) {
    kapi::ConformanceResult c = generate("error: EBADF, not open\n"
                                         "  trigger: fd=closed, setup=alarm, check=sigpipe\n");
    ASSERT_THAT(c.errors, IsEmpty());
    EXPECT_THAT(c.c, HasSubstr("#include \"conform.h\""));
    EXPECT_THAT(c.c, HasSubstr("long cf_fx_closed(void);"));
    EXPECT_THAT(c.c, HasSubstr("void cf_setup_alarm(void);"));
    EXPECT_THAT(c.c, HasSubstr("extern const struct cf_check cf_check_sigpipe;"));
    EXPECT_THAT(c.c, HasSubstr("\t\t.api = \"sys_foo\", .error = \"EBADF\", .err = EBADF,\n"
                               "\t\t.bound = false, .label = \"fd=closed, setup=alarm, "
                               "check=sigpipe\",\n"
                               "\t\t.where = \"t.c:22\",\n"
                               "\t\t.nr = __NR_foo, .nargs = 3,\n"
                               "\t\t.args = { CF_FX(closed), CF_FX(buf), CF_VAL(0) },\n"
                               "\t\t.setup = { cf_setup_alarm },\n"
                               "\t\t.checks = { &cf_check_sigpipe },\n"));
    EXPECT_THAT(c.c, HasSubstr("{ \"sys_foo\", \"EBADF\", CF_TRIGGER },"));
    EXPECT_THAT(c.c, HasSubstr("const unsigned int cf_errors_count = 1;"));
}

TEST(ConformanceTest, NoneAndUntriagedErrorsAreCountedNotRun) {
    kapi::ConformanceResult c = generate("error: EIO, I/O error\n"
                                         "  trigger: none -- hardware\n"
                                         "error: EINTR, a signal\n");
    ASSERT_THAT(c.errors, IsEmpty());
    EXPECT_THAT(c.c, HasSubstr("{ \"sys_foo\", \"EIO\", CF_NONE },"));
    EXPECT_THAT(c.c, HasSubstr("{ \"sys_foo\", \"EINTR\", CF_UNTRIAGED },"));
    EXPECT_THAT(c.c, Not(HasSubstr(".error = \"EIO\"")));
    EXPECT_THAT(c.c, Not(HasSubstr(".error = \"EINTR\"")));
}

// An FD constraint is called inside its bounds (success) and at the
// descriptors just outside (the parameter's error).
TEST(ConformanceTest, DescriptorBounds) {
    kapi::ConformanceResult c = generate("error: EBADF, not open\n");
    ASSERT_THAT(c.errors, IsEmpty());
    EXPECT_THAT(c.c, HasSubstr(".error = \"\", .err = 0,\n\t\t.bound = true, .label = "
                               "\"fd=file_rdwr\""));
    for (std::string_view v : {"closed", "first_unused", "-1", "INT_MAX"})
        EXPECT_THAT(c.c, HasSubstr(".error = \"EBADF\", .err = EBADF,\n\t\t.bound = true, "
                                   ".label = \"fd=" +
                                   std::string(v) + "\""));
    EXPECT_THAT(c.c, HasSubstr("const unsigned int cf_cases_count = 7;"));
}

// A buffer constraint ends at the top of the user address space: one byte
// there is inside, two reach past it (the parameter's error).
TEST(ConformanceTest, BufferBounds) {
    kapi::ConformanceResult c = generate("error: EBADF, not open\n");
    ASSERT_THAT(c.errors, IsEmpty());
    EXPECT_THAT(c.c, HasSubstr(".error = \"\", .err = 0,\n\t\t.bound = true, .label = "
                               "\"buf=buf_user_top, count=1\",\n\t\t.where = \"t.c:2\",\n"
                               "\t\t.nr = __NR_foo, .nargs = 3,\n"
                               "\t\t.args = { CF_FX(file_rdwr), CF_FX(buf_user_top), CF_VAL(1) },"));
    EXPECT_THAT(c.c, HasSubstr(".error = \"EFAULT\", .err = EFAULT,\n\t\t.bound = true, "
                               ".label = \"buf=buf_user_top, count=2\""));
}

// Each parameter's constraint goes into a table beside the cases, for the
// runner's count of the violations kapi must report: fd's access bits as
// the spec wrote them, buf's size parameter.
TEST(ConformanceTest, ParameterTable) {
    kapi::ConformanceResult c = generate("error: EBADF, not open\n");
    ASSERT_THAT(c.errors, IsEmpty());
    EXPECT_THAT(c.c, HasSubstr("#include \"uapi/linux/kapi.h\""));
    EXPECT_THAT(c.c, HasSubstr("static const struct cf_spec cf_spec_0 = {\n\t.hooked = true,\n"
                               "\t.nparams = 3,\n\t.params = {\n"
                               "\t\t{ \"fd\", 13, false, 32, false, 0, 0, "
                               "(long)(KAPI_FD_OPEN | KAPI_FD_READ), -1, 1, 0, 0, 0, NULL },\n"
                               "\t\t{ \"buf\", 11, false, 64, false, 0, 0, 0, 2, 1L, 0, 0, 0, "
                               "NULL },\n"));
    EXPECT_THAT(c.c, HasSubstr("\t\t.spec = &cf_spec_0,\n\t\t.api = \"sys_foo\""));
}

// A path at PATH_MAX: with its NUL in PATH_MAX bytes (at) and one byte
// shorter (inside) it succeeds, without a NUL there (outside) ENAMETOOLONG.
TEST(ConformanceTest, PathBounds) {
    std::string text = spec("error: ENOENT, no such file\n");
    text.replace(text.find(" * param: count\n"), 0,
                 " * param: name\n *   type: path, input\n *   constraint-type: user_path\n"
                 " *\n");
    text.replace(text.find("size_t count);"), 0, "const char __user *name, ");
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    kapi::ConformanceResult c = kapi::generate_conformance_c(r.specs, r.triggers);
    ASSERT_THAT(c.errors, IsEmpty());
    EXPECT_THAT(c.c, HasSubstr(".error = \"\", .err = 0,\n\t\t.bound = true, .label = "
                               "\"name=path_max_with_nul\""));
    EXPECT_THAT(c.c, HasSubstr(".error = \"\", .err = 0,\n\t\t.bound = true, .label = "
                               "\"name=path_max_minus_one\""));
    EXPECT_THAT(c.c, HasSubstr(".error = \"ENAMETOOLONG\", .err = ENAMETOOLONG,\n"
                               "\t\t.bound = true, .label = \"name=path_too_long\""));
}

// RANGE, MASK and ENUM at their bounds: just outside, the parameter's
// error; at the bound and inside, any outcome but that error. A bound that
// is the type's own limit (0 of an unsigned parameter) has nothing beyond.
TEST(ConformanceTest, RangeMaskEnumBounds) {
    std::string text = spec("error: EINVAL, bad argument\n");
    text.replace(text.find(" * return:\n"), 0,
                 " * param: n\n *   type: uint, input\n *   constraint-type: range\n"
                 " *   range: 0, UIO_MAXIOV\n *   errno: EINVAL\n *\n"
                 " * param: flags\n *   type: int, input\n *   constraint-type: mask\n"
                 " *   valid-mask: O_CLOEXEC\n *   errno: EINVAL\n *\n"
                 " * param: whence\n *   type: uint, input\n *   constraint-type: enum\n"
                 " *   valid-values: 0, 1, 4\n *   errno: ENXIO\n *\n");
    text.replace(text.find("size_t count);"), 14,
                 "size_t count, unsigned int n, int flags, unsigned int whence);");
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    kapi::ConformanceResult c = kapi::generate_conformance_c(r.specs, r.triggers);
    ASSERT_THAT(c.errors, IsEmpty());
    auto outside = [](const std::string& err, const std::string& label) {
        return ".error = \"" + err + "\", .err = " + err + ",\n\t\t.bound = true, .label = \"" +
               label + "\"";
    };
    auto inside = [](const std::string& err, const std::string& label) {
        return ".error = \"" + err + "\", .err = " + err +
               ",\n\t\t.bound = true, .not_err = true, .label = \"" + label + "\"";
    };
    for (const char* l : {"n=min", "n=min+1", "n=max-1", "n=max"})
        EXPECT_THAT(c.c, HasSubstr(inside("EINVAL", l)));
    EXPECT_THAT(c.c, HasSubstr(outside("EINVAL", "n=max+1")));
    EXPECT_THAT(c.c, HasSubstr("CF_VAL(((unsigned long long)(UIO_MAXIOV) + 1ULL))"));
    EXPECT_THAT(c.c, Not(HasSubstr("n=min-1")));
    EXPECT_THAT(c.c, HasSubstr(inside("EINVAL", "flags=mask")));
    EXPECT_THAT(c.c, HasSubstr(outside("EINVAL", "flags=lowest_bit_outside")));
    EXPECT_THAT(c.c, HasSubstr("CF_VAL((((unsigned long long)(O_CLOEXEC) + 1ULL) & "
                               "~(unsigned long long)(O_CLOEXEC)))"));
    for (const char* l : {"whence=0", "whence=1", "whence=4"})
        EXPECT_THAT(c.c, HasSubstr(inside("ENXIO", l)));
    EXPECT_THAT(c.c, HasSubstr(outside("ENXIO", "whence=largest+1")));
    EXPECT_THAT(c.c, Not(HasSubstr("whence=smallest-1")));
}

// An ioctl spec is called as ioctl(fd, cmd, arg), its command the spec's
// own; the spec file's quoted includes come along for the constants.
TEST(ConformanceTest, IoctlCases) {
    std::string text = "#include <linux/errno.h>\n#include \"dev.h\"\n\n"
                       "/**\n"
                       " * dev_ioc_set - set\n"
                       " *\n"
                       " * api-type: ioctl\n"
                       " * ioctl-cmd: DEV_IOC_SET\n"
                       " * context-flags: KAPI_CTX_PROCESS\n"
                       " *\n"
                       " * param: fd\n *   type: KAPI_TYPE_FD\n *   ctype: int\n"
                       " *   flags: KAPI_PARAM_IN\n *\n"
                       " * param: cmd\n *   type: KAPI_TYPE_UINT\n *   ctype: unsigned int\n"
                       " *   flags: KAPI_PARAM_IN\n *   constraint-type: KAPI_CONSTRAINT_ENUM\n"
                       " *   valid-values: DEV_IOC_SET\n *\n"
                       " * param: arg\n *   type: KAPI_TYPE_USER_PTR\n"
                       " *   ctype: const int __user *\n *   flags: KAPI_PARAM_IN\n *\n"
                       " * return:\n *   type: KAPI_TYPE_INT\n *   check-type: KAPI_RETURN_EXACT\n"
                       " *   success: 0\n *\n"
                       " * error: EBADF, fd is not open\n"
                       " *   trigger: fd=closed\n"
                       " */\n";
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    kapi::ConformanceResult c = kapi::generate_conformance_c(r.specs, r.triggers, r.includes);
    ASSERT_THAT(c.errors, IsEmpty());
    EXPECT_THAT(c.c, HasSubstr("#include \"dev.h\"\n"));
    EXPECT_THAT(c.c, Not(HasSubstr("#include <linux/errno.h>")));
    EXPECT_THAT(c.c, HasSubstr("\t.hooked = false,\n"));
    // The command's constraint: one valid value, the spec's own.
    EXPECT_THAT(c.c, HasSubstr("{ \"cmd\", 3, false, 32, false, 0, 0, 0, -1, 1, 0, 0, 1, "
                               "(const long[]){ (long)(DEV_IOC_SET) } },"));
    EXPECT_THAT(c.c, HasSubstr("\t\t.nr = __NR_ioctl, .nargs = 3,\n"
                               "\t\t.args = { CF_FX(closed), CF_VAL(DEV_IOC_SET), CF_FX(buf) },"));
}

TEST(ConformanceTest, UnknownFixturesAreErrors) {
    kapi::ConformanceResult c = generate("error: EBADF, not open\n"
                                         "  trigger: fd=no_such, setup=closed, check=nope\n");
    ASSERT_EQ(c.errors.size(), 3U);
    EXPECT_EQ(c.errors[0].str(), "t.c:22: trigger: unknown fixture 'no_such'");
    EXPECT_EQ(c.errors[1].str(), "t.c:22: trigger: unknown setup fixture 'closed'");
    EXPECT_EQ(c.errors[2].str(), "t.c:22: trigger: unknown check 'nope'");
    EXPECT_THAT(c.c, IsEmpty());
}

TEST(ConformanceTest, FixtureNamesAreUnique) {
    const std::vector<kapi::FixtureDef>& f = kapi::conformance_fixtures();
    for (std::size_t i = 0; i < f.size(); i++)
        for (std::size_t j = i + 1; j < f.size(); j++)
            EXPECT_NE(f[i].name, f[j].name);
}

// Every trigger of kapi's own specs parses and names known fixtures, and
// the fixtures the runner defines are the ones the generator knows.
TEST(ConformanceTest, KapiSpecs) {
    kapi::ParseResult r = kapi::parse_file(KAPI_SPECS_FILE);
    ASSERT_TRUE(r.ok()) << errors_of(r);
    EXPECT_GE(r.triggers.size(), 80U);
    kapi::ConformanceResult c = kapi::generate_conformance_c(r.specs, r.triggers);
    std::string errs;
    for (const kapi::Diagnostic& d : c.errors)
        errs += d.str() + "\n";
    EXPECT_EQ(errs, "");

    std::ifstream in(KAPI_FIXTURES_FILE);
    std::ostringstream text;
    text << in.rdbuf();
    for (const kapi::FixtureDef& f : kapi::conformance_fixtures()) {
        std::string def = f.kind == kapi::FixtureKind::Value ? "FX(" + std::string(f.name) + ")"
                          : f.kind == kapi::FixtureKind::Setup
                              ? "SETUP(" + std::string(f.name) + ")"
                              : "cf_check_" + std::string(f.name) + " = ";
        EXPECT_THAT(text.str(), HasSubstr(def)) << f.name;
    }
}

// The positioned I/O specs (module/specs/rw.c): lseek, pread64 and
// pwrite64, each with a trigger for at least 90 % of its documented errors,
// every trigger naming known fixtures, and a reason for every "none".
TEST(ConformanceTest, RwSpecsTriggerNinetyPercent) {
    kapi::ParseResult r = kapi::parse_file(KAPI_RW_SPECS_FILE);
    ASSERT_TRUE(r.ok()) << errors_of(r);
    std::vector<std::string> names;
    for (const kapi::Spec& s : r.specs.specs)
        names.push_back(s.name);
    EXPECT_THAT(names, ::testing::ElementsAre("sys_lseek", "sys_pread64", "sys_pwrite64"));
    kapi::ConformanceResult c = kapi::generate_conformance_c(r.specs, r.triggers);
    std::string errs;
    for (const kapi::Diagnostic& d : c.errors)
        errs += d.str() + "\n";
    EXPECT_EQ(errs, "");
    for (const kapi::Spec& s : r.specs.specs) {
        std::size_t provoked = 0;
        for (const kapi::ErrorSpec& e : s.errors) {
            const kapi::ErrorTrigger* t = nullptr;
            for (const kapi::ErrorTrigger& x : r.triggers)
                if (x.api == s.name && x.error == e.name)
                    t = &x;
            ASSERT_NE(t, nullptr) << s.name << " " << e.name << " has no trigger";
            if (t->none)
                EXPECT_FALSE(t->reason.empty()) << s.name << " " << e.name;
            else
                provoked++;
        }
        EXPECT_GE(provoked * 10, s.errors.size() * 9)
            << s.name << ": " << provoked << " of " << s.errors.size() << " errors provoked";
    }
}

// openat2 (module/specs/openat2.c): a trigger for at least 90 % of its
// errors; size, whose range excludes 0, defaults to its lower bound; just
// outside the range's upper bound the case expects E2BIG, the kernel's own
// error there, not the rule's EINVAL (kBoundErrors), and just outside the
// lower bound EINVAL.
TEST(ConformanceTest, Openat2SizeBoundsAndDefault) {
    kapi::ParseResult r = kapi::parse_file(KAPI_OPENAT2_SPECS_FILE);
    ASSERT_TRUE(r.ok()) << errors_of(r);
    ASSERT_EQ(r.specs.specs.size(), 1U);
    const kapi::Spec& s = r.specs.specs[0];
    EXPECT_EQ(s.name, "sys_openat2");
    std::size_t provoked = 0;
    for (const kapi::ErrorTrigger& t : r.triggers)
        provoked += !t.none;
    EXPECT_GE(provoked * 10, s.errors.size() * 9);
    kapi::ConformanceResult c = kapi::generate_conformance_c(r.specs, r.triggers);
    std::string errs;
    for (const kapi::Diagnostic& d : c.errors)
        errs += d.str() + "\n";
    ASSERT_EQ(errs, "");
    // EACCES's recipe leaves how and size out: buf and OPEN_HOW_SIZE_VER0.
    EXPECT_THAT(c.c, HasSubstr("CF_FX(path_private), CF_FX(buf), CF_VAL(OPEN_HOW_SIZE_VER0) }"));
    auto case_of = [&](const std::string& label) {
        std::size_t at = c.c.find(".label = \"" + label + "\"");
        EXPECT_NE(at, std::string::npos) << label;
        if (at == std::string::npos)
            return std::string();
        std::size_t from = c.c.rfind(".api = ", at);
        return c.c.substr(from, at - from);
    };
    EXPECT_THAT(case_of("size=max+1"), HasSubstr(".error = \"E2BIG\", .err = E2BIG"));
    EXPECT_THAT(case_of("size=min-1"), HasSubstr(".error = \"EINVAL\", .err = EINVAL"));
    // At the bound: anything but the rule's error.
    EXPECT_THAT(case_of("size=max"),
                HasSubstr(".err = EINVAL,\n\t\t.bound = true, .not_err = true"));
    EXPECT_THAT(case_of("size=max+1"), Not(HasSubstr(".not_err")));
}

// Documentation/spec-language.rst lists every fixture in its tables.
TEST(ConformanceTest, FixturesDocumented) {
    std::ifstream in(KAPI_SPEC_LANGUAGE_RST);
    std::ostringstream text;
    text << in.rdbuf();
    ASSERT_THAT(text.str(), HasSubstr("Fixtures\n~~~~~~~~"));
    for (const kapi::FixtureDef& f : kapi::conformance_fixtures())
        EXPECT_THAT(text.str(), HasSubstr("   * - ``" + std::string(f.name) + "``\n")) << f.name;
}

} // namespace
