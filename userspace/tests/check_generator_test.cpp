// SPDX-License-Identifier: GPL-2.0
//
// Tests of the checks generator (kapi/check_generator.h) and of
// kapi-gen --checks. The kernel compiles the generated C and KUnit (suite
// kapi_check_gen) compares what it computes with the interpreter; here the
// generator's own promises are checked: the same output for the same
// input, one rule per constrained parameter with the numbers as the image
// holds them, nothing for unconstrained ones, the error list with its
// object selectors, the table, and the type widths the kernel reads.

#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/check_generator.h"
#include "kapi/error.h"
#include "kapi/parser.h"
#include "test_util.h"
#include "uapi/linux/kapi.h"

namespace {

using kapi_test::read_file;
using kapi_test::TempDir;
using kapi_test::write_file;
using ::testing::HasSubstr;
using ::testing::Not;

// One spec with a parameter of every constraint kind the engine checks
// (six at most per spec: two specs), an error with object selectors and
// one without, and a spec with more than six parameters.
constexpr const char* kSpecs = R"(#include <linux/fcntl.h>

/**
 * gen_numbers - numeric rules
 * @value: range
 * @flags: mask
 * @whence: enum
 * @align: alignment
 * @order: power of two
 * @addr: page aligned
 *
 * contexts: process, sleepable
 *
 * param: value
 *   type: int, input
 *   constraint-type: range(-5, 100)
 *   errno: ERANGE
 *   order: 2
 *
 * param: flags
 *   type: uint, input
 *   constraint-type: mask(0x10f)
 *   errno: EINVAL
 *   order: 1
 *
 * param: whence
 *   type: int, input
 *   constraint-type: enum(0, 1, 2, -1)
 *   errno: ENXIO
 *
 * param: align
 *   type: uint, input
 *   constraint-type: alignment(16)
 *   errno: EXDEV
 *
 * param: order
 *   type: uint, input
 *   constraint-type: power_of_two
 *   errno: EDOM
 *
 * param: addr
 *   type: uint, input
 *   constraint-type: page_aligned
 *   errno: EINVAL
 *
 * return:
 *   type: int
 *   check-type: exact
 *   success: 0
 *
 * error: ERANGE, value out of range
 *
 * error: EINVAL, flags or addr invalid
 *   objects: sock:tcp, proc
 */
static int gen_numbers(int value, unsigned int flags, int whence, unsigned int align,
		       unsigned long order, unsigned long addr);

/**
 * gen_memory - the other rules
 * @fd: a descriptor
 * @name: a string
 * @path: a path
 * @buf: a buffer
 * @count: its size, nonzero
 * @oflags: open flags
 *
 * contexts: process
 *
 * param: fd
 *   type: fd, input
 *   constraint-type: KAPI_CONSTRAINT_FD
 *   fd-access: KAPI_FD_OPEN | KAPI_FD_READ
 *   errno: EBADF
 *
 * param: name
 *   type: user_ptr, input
 *   constraint-type: user_string
 *   range: 2, 8
 *   errno: EFAULT
 *
 * param: path
 *   type: path, input
 *   constraint-type: user_path
 *   errno: EFAULT
 *
 * param: buf
 *   type: user_ptr, output, optional
 *   constraint-type: buffer(count, 8)
 *   errno: EFAULT
 *
 * param: count
 *   type: uint, input
 *   constraint-type: nonzero
 *   errno: ENOENT
 *
 * param: oflags
 *   type: int, input
 *   constraint-type: KAPI_CONSTRAINT_OPEN_FLAGS
 *   errno: EINVAL
 *
 * return:
 *   type: int
 *   check-type: fd
 */
static long gen_memory(int fd, const char __user *name, const char __user *path,
		       void __user *buf, unsigned int count, int oflags);
)";

kapi::ParseResult parse_specs() {
    return kapi::parse_annotations(kSpecs, "gen.c");
}

std::string generate() {
    kapi::ParseResult r = parse_specs();
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().str());
    EXPECT_EQ(r.specs.specs.size(), 2U);
    return kapi::generate_checks_c(r.specs, r.includes, "gen_image");
}

TEST(CheckGeneratorTest, OutputIsDeterministic) {
    std::string a = generate();
    EXPECT_FALSE(a.empty());
    EXPECT_EQ(a, generate());
}

TEST(CheckGeneratorTest, OneRulePerConstrainedParameter) {
    std::string c = generate();
    // Numbers are the image's: expressions cast to __s64, literals as is.
    EXPECT_THAT(c, HasSubstr("kapi_check_range_ok(call->args[0], "
                             "((struct kapi_check_type){ 32, true }),"));
    EXPECT_THAT(c, HasSubstr("-5,"));
    EXPECT_THAT(c, HasSubstr("~(u64)271"));
    EXPECT_THAT(c, HasSubstr("b == kapi_check_bits((u64)-1, ((struct kapi_check_type){ 32, true }))"));
    EXPECT_THAT(c, HasSubstr("KAPI_WHY_ALIGNMENT"));
    EXPECT_THAT(c, HasSubstr("b && !(b & (b - 1))"));
    EXPECT_THAT(c, HasSubstr("& ~PAGE_MASK"));
    EXPECT_THAT(c, HasSubstr("kapi_check_fd_ok(call, 0,"));
    EXPECT_THAT(c, HasSubstr("kapi_check_string_ok(KAPI_CONSTRAINT_USER_STRING, 0,"));
    EXPECT_THAT(c, HasSubstr("kapi_check_string_ok(KAPI_CONSTRAINT_USER_PATH, 0,"));
    // buffer(count, 8): the count is argument 4, the optional flag kept.
    EXPECT_THAT(c, HasSubstr("kapi_check_user_range_ok(KAPI_PARAM_OPTIONAL, true,\n"
                             "\t\t\t\t\t      call->args[4],"));
    EXPECT_THAT(c, HasSubstr("KAPI_WHY_NONZERO"));
    EXPECT_THAT(c, HasSubstr("kapi_check_open_flags_ok("));
    // The order field, and the errors as -NAME.
    EXPECT_THAT(c, HasSubstr("KAPI_WHY_RANGE, -ERANGE, 2,"));
    EXPECT_THAT(c, HasSubstr("KAPI_WHY_MASK, -EINVAL, 1,"));
    // The context and the return rules.
    EXPECT_THAT(c, HasSubstr("kapi_check_context_ok(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE,"));
    EXPECT_THAT(c, HasSubstr("kapi_check_context_ok(KAPI_CTX_PROCESS,"));
    EXPECT_THAT(c, HasSubstr("kapi_check_result(KAPI_RETURN_EXACT,"));
    EXPECT_THAT(c, HasSubstr("kapi_check_result(KAPI_RETURN_FD,"));
}

TEST(CheckGeneratorTest, ErrorListWithSelectors) {
    std::string c = generate();
    EXPECT_THAT(c, HasSubstr("\tif (code == -ERANGE)\n\t\treturn true;"));
    EXPECT_THAT(c, HasSubstr("if (code == -EINVAL &&\n\t    (obj.type == KAPI_OBJ_ANY ||\n"
                             "\t     kapi_check_selector_is(KAPI_OBJ_SOCK, KAPI_IMPL_TCP, obj) ||"));
    EXPECT_THAT(c, HasSubstr("kapi_check_selector_is(KAPI_OBJ_ANY, KAPI_IMPL_PROC, obj)))"));
}

TEST(CheckGeneratorTest, TableNamesEverySpecWithItsTypes) {
    std::string c = generate();
    EXPECT_THAT(c, HasSubstr("const struct kapi_check_gen gen_image_checks[] = {"));
    EXPECT_THAT(c, HasSubstr(".spec = \"gen_numbers\",\n\t\t.nparams = 6,\n"
                             "\t\t.type = { { 32, true }, { 32, false }, { 32, true }, "
                             "{ 32, false }, { 64, false }, { 64, false } },"));
    EXPECT_THAT(c, HasSubstr(".spec = \"gen_memory\","));
    EXPECT_THAT(c, HasSubstr("const unsigned int gen_image_checks_count = "
                             "ARRAY_SIZE(gen_image_checks);"));
    // Another number of arguments than the spec's goes to the interpreter.
    EXPECT_THAT(c, HasSubstr("if (unlikely(call->nargs != 6)) {\n\t\tkapi_check_before(call, pre);"));
}

TEST(CheckGeneratorTest, UnconstrainedParametersHaveNoCode) {
    kapi::ParseResult r = kapi::parse_annotations(R"(/**
 * gen_free - nothing to check
 * @a: anything
 *
 * contexts: process
 *
 * param: a
 *   type: int, input
 *
 * return:
 *   type: int
 *   check-type: error_check
 */
static int gen_free(int a);
)",
                                                  "free.c");
    ASSERT_TRUE(r.ok()) << r.errors.front().str();
    ASSERT_EQ(r.specs.specs.size(), 1U);
    std::string c = kapi::generate_checks_c(r.specs, r.includes, "free_image");
    EXPECT_THAT(c, HasSubstr("/* not checked */"));
    EXPECT_THAT(c, Not(HasSubstr("u32 best")));
    EXPECT_THAT(c, Not(HasSubstr("kapi_check_violation(")));
    EXPECT_THAT(c, HasSubstr("return false;"));
}

// A spec with more parameters than a system call has is left to the
// interpreter: no functions, no table entry.
TEST(CheckGeneratorTest, MoreThanSixParametersAreNotGenerated) {
    std::string params, decl, docs;
    for (int i = 0; i < 7; ++i) {
        const std::string n = "p" + std::to_string(i);
        docs += " * @" + n + ": a number\n";
        params += " * param: " + n + "\n *   type: int, input\n *   constraint-type: range(0, 9)\n"
                  " *\n";
        decl += std::string(i ? ", " : "") + "int " + n;
    }
    const std::string text = "/**\n * gen_seven - seven parameters\n" + docs +
                             " *\n * contexts: process\n *\n" + params +
                             " * return:\n *   type: int\n *   check-type: exact\n *   success: 0\n"
                             " */\nstatic int gen_seven(" +
                             decl + ");\n";
    kapi::ParseResult r = kapi::parse_annotations(text, "seven.c");
    ASSERT_TRUE(r.ok()) << r.errors.front().str();
    ASSERT_EQ(r.specs.specs.size(), 1U);
    ASSERT_EQ(r.specs.specs[0].params.size(), 7U);
    std::string c = kapi::generate_checks_c(r.specs, r.includes, "seven_image");
    EXPECT_THAT(c, Not(HasSubstr("seven_image_before_0")));
    EXPECT_THAT(c, Not(HasSubstr(".spec = ")));
    EXPECT_THAT(c, HasSubstr("const struct kapi_check_gen seven_image_checks[] = {\n};"));
}

TEST(CheckGeneratorTest, RejectsBadSymbol) {
    kapi::ParseResult r = parse_specs();
    ASSERT_TRUE(r.ok());
    EXPECT_THROW(kapi::generate_checks_c(r.specs, r.includes, "not an identifier"), kapi::Error);
}

// kapi_check_param_type() of module/check.c, case by case.
TEST(CheckGeneratorTest, ParamTypes) {
    using kapi::CheckType;
    using kapi::check_param_type;
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, "int"), (CheckType{32, true}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_UINT, "unsigned int"), (CheckType{32, false}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_UINT, "const  unsigned\tint"), (CheckType{32, false}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, "umode_t"), (CheckType{16, false}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, "u8"), (CheckType{8, false}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, "size_t"), (CheckType{64, false}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, "long"), (CheckType{64, true}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, "const char __user *"), (CheckType{64, false}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, "char buf[16]"), (CheckType{64, false}));
    // Unknown names: 64 bits, unsigned only for unsigned kinds.
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, "foo_t"), (CheckType{64, true}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_UINT, "foo_t"), (CheckType{64, false}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, std::string(60, 'x')), (CheckType{64, true}));
    EXPECT_EQ(check_param_type(KAPI_TYPE_INT, ""), (CheckType{64, true}));
}

// ---- kapi-gen --checks ---------------------------------------------------------

TEST(KapiGenChecksTest, WritesTheChecksFile) {
    TempDir tmp("checks");
    const std::string& dir = tmp.str();
    write_file(dir + "/gen.c", kSpecs);
    std::string cmd = std::string(KAPI_GEN_PATH) + " --checks --symbol gen_image -o " + dir +
                      "/out.c " + dir + "/gen.c >" + dir + "/stdout 2>" + dir + "/stderr";
    int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << read_file(dir + "/stderr");
    std::string out = read_file(dir + "/out.c");
    EXPECT_EQ(out, generate());
    EXPECT_THAT(out, HasSubstr("#include <linux/fcntl.h>\n"));
    EXPECT_THAT(out, HasSubstr("#include \"check.h\"\n"));
}

} // namespace
