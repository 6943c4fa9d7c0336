// SPDX-License-Identifier: GPL-2.0
//
// Tests of the annotation parser (kapi/parser.h): every tag and sub-key in
// both spellings (upstream v2's KAPI_* identifiers and the short tokens,
// which must give identical specs), numbers, declarations, text folding,
// every diagnostic with its exact message and line, and upstream's own spec
// blocks (tests/data/upstream), which must parse unchanged.

#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/model.h"
#include "kapi/names.h"
#include "kapi/parser.h"
#include "kapi/source.h"
#include "uapi/linux/kapi.h"

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::int64_t kS64Max = std::numeric_limits<std::int64_t>::max();

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// An upstream fixture without its first "# source: ..." line.
std::string upstream(const std::string& name) {
    std::string text = read_text(std::string(KAPI_TEST_DATA_DIR) + "/upstream/" + name);
    EXPECT_TRUE(text.starts_with("# source:")) << name;
    return text.substr(text.find('\n') + 1);
}

std::string errors_of(const kapi::ParseResult& r) {
    std::string out;
    for (const kapi::Diagnostic& d : r.errors)
        out += d.str() + "\n";
    return out;
}

// Wraps body (lines separated by '\n', without the comment's " * ") in the
// spec comment of sys_foo, followed by decl. Line 1 is "/**", line 2 the
// name line, so the body's first line is line 3.
std::string spec_text(std::string_view body,
                      std::string_view decl = "asmlinkage long sys_foo(int a);") {
    std::string text = "/**\n * sys_foo - do foo\n";
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t nl = body.find('\n', start);
        std::string_view line = body.substr(start, nl == std::string_view::npos ? nl : nl - start);
        text += line.empty() ? " *\n" : " * " + std::string(line) + "\n";
        if (nl == std::string_view::npos)
            break;
        start = nl + 1;
    }
    text += " */\n";
    text += decl;
    text += "\n";
    return text;
}

// The lines every minimal spec of sys_foo(int a) starts with: lines 3-5.
constexpr std::string_view kPrefix = "context-flags: KAPI_CTX_PROCESS\n"
                                     "param: a\n"
                                     "  type: int\n";

// The one spec of text, which must parse without errors.
kapi::Spec one_spec(const std::string& text) {
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    EXPECT_TRUE(r.ok()) << errors_of(r) << text;
    EXPECT_EQ(r.specs.specs.size(), 1U) << text;
    if (r.specs.specs.size() != 1)
        return {};
    return r.specs.specs[0];
}

// text with the spec's name sys_foo replaced by name.
std::string renamed(std::string text, std::string_view name) {
    return text.replace(text.find("sys_foo"), 7, name);
}

kapi::Spec minimal(std::string_view extra) {
    return one_spec(spec_text(std::string(kPrefix) + std::string(extra)));
}

kapi::Num num(std::optional<std::int64_t> value, std::string expr = "") {
    return kapi::Num{value, std::move(expr)};
}

// The fields in which two specs differ, for failure messages (gtest would
// print the structs as bytes).
std::string differences(const kapi::Spec& a, const kapi::Spec& b) {
    std::string out;
    auto field = [&](std::string_view name, bool same) {
        if (!same)
            out += " " + std::string(name);
    };
    field("name", a.name == b.name);
    field("kind", a.kind == b.kind);
    field("summary", a.summary == b.summary);
    field("description", a.description == b.description);
    field("context", a.context == b.context);
    field("flags", a.flags == b.flags);
    field("since", a.since == b.since);
    field("replacement", a.replacement == b.replacement);
    field("examples", a.examples == b.examples);
    field("notes", a.notes == b.notes);
    field("source", a.source == b.source);
    field("ioctl_cmd", a.ioctl_cmd == b.ioctl_cmd);
    field("params.size", a.params.size() == b.params.size());
    for (std::size_t i = 0; i < a.params.size() && i < b.params.size(); i++) {
        const kapi::Param& p = a.params[i];
        const kapi::Param& q = b.params[i];
        std::string at = "params[" + std::to_string(i) + "].";
        field(at + "name", p.name == q.name);
        field(at + "type_name", p.type_name == q.type_name);
        field(at + "description", p.description == q.description);
        field(at + "constraint_text", p.constraint_text == q.constraint_text);
        field(at + "type", p.type == q.type);
        field(at + "flags", p.flags == q.flags);
        field(at + "constraint", p.constraint == q.constraint);
        field(at + "size_param", p.size_param == q.size_param);
        field(at + "size", p.size == q.size);
        field(at + "size_mult", p.size_mult == q.size_mult);
        field(at + "alignment", p.alignment == q.alignment);
        field(at + "min", p.min == q.min);
        field(at + "max", p.max == q.max);
        field(at + "mask", p.mask == q.mask);
        field(at + "values", p.values == q.values);
        field(at + "violation_error", p.violation_error == q.violation_error);
    }
    field("ret", a.ret == b.ret);
    for (std::size_t i = 0; i < a.errors.size() && i < b.errors.size(); i++)
        field("errors[" + std::to_string(i) + "]", a.errors[i] == b.errors[i]);
    field("errors.size", a.errors.size() == b.errors.size());
    for (std::size_t i = 0; i < a.locks.size() && i < b.locks.size(); i++)
        field("locks[" + std::to_string(i) + "]", a.locks[i] == b.locks[i]);
    field("locks.size", a.locks.size() == b.locks.size());
    for (std::size_t i = 0; i < a.signals.size() && i < b.signals.size(); i++)
        field("signals[" + std::to_string(i) + "]", a.signals[i] == b.signals[i]);
    field("signals.size", a.signals.size() == b.signals.size());
    for (std::size_t i = 0; i < a.effects.size() && i < b.effects.size(); i++)
        field("effects[" + std::to_string(i) + "]", a.effects[i] == b.effects[i]);
    field("effects.size", a.effects.size() == b.effects.size());
    for (std::size_t i = 0; i < a.transitions.size() && i < b.transitions.size(); i++)
        field("transitions[" + std::to_string(i) + "]", a.transitions[i] == b.transitions[i]);
    field("transitions.size", a.transitions.size() == b.transitions.size());
    for (std::size_t i = 0; i < a.caps.size() && i < b.caps.size(); i++)
        field("caps[" + std::to_string(i) + "]", a.caps[i] == b.caps[i]);
    field("caps.size", a.caps.size() == b.caps.size());
    for (std::size_t i = 0; i < a.constraints.size() && i < b.constraints.size(); i++)
        field("constraints[" + std::to_string(i) + "]", a.constraints[i] == b.constraints[i]);
    field("constraints.size", a.constraints.size() == b.constraints.size());
    return out.empty() ? "" : "differ in:" + out;
}

// ---------------------------------------------------------------------------
// Upstream's spec blocks

class UpstreamFixtureTest : public ::testing::TestWithParam<const char*> {};

TEST_P(UpstreamFixtureTest, ParsesUnchanged) {
    kapi::ParseResult r = kapi::parse_annotations(upstream(GetParam()), GetParam());
    EXPECT_TRUE(r.ok()) << errors_of(r);
    ASSERT_EQ(r.specs.specs.size(), 1U);
    const kapi::Spec& s = r.specs.specs[0];
    EXPECT_EQ(s.kind, static_cast<std::uint32_t>(KAPI_KIND_SYSCALL));
    EXPECT_EQ(s.context, static_cast<std::uint32_t>(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE));
    EXPECT_FALSE(s.description.empty());
    EXPECT_FALSE(s.errors.empty());
    EXPECT_EQ(s.ret.type_name, "long");
    for (const kapi::Param& p : s.params) {
        EXPECT_FALSE(p.type_name.empty()) << p.name;
        EXPECT_FALSE(p.description.empty()) << p.name;
    }
}

INSTANTIATE_TEST_SUITE_P(Upstream, UpstreamFixtureTest,
                         ::testing::Values("sys_read.txt", "sys_write.txt", "sys_close.txt",
                                           "sys_open.txt", "sys_read.shortform.txt",
                                           "sys_close.shortform.txt", "sys_open.shortform.txt"),
                         [](const auto& param_info) {
                             std::string name = param_info.param;
                             for (char& c : name)
                                 if (c == '.')
                                     c = '_';
                             return name;
                         });

TEST(UpstreamTest, SysReadV2) {
    kapi::Spec s = one_spec(upstream("sys_read.txt"));
    EXPECT_EQ(s.name, "sys_read");
    EXPECT_EQ(s.summary, "Read data from a file descriptor");
    EXPECT_EQ(s.source.line, 2U);
    ASSERT_EQ(s.params.size(), 3U);
    EXPECT_EQ(s.params[0].name, "fd");
    EXPECT_EQ(s.params[1].name, "buf");
    EXPECT_EQ(s.params[2].name, "count");

    const kapi::Param& fd = s.params[0];
    EXPECT_EQ(fd.type_name, "unsigned int");
    EXPECT_EQ(fd.type, static_cast<std::uint32_t>(KAPI_TYPE_FD));
    EXPECT_EQ(fd.flags, static_cast<std::uint32_t>(KAPI_PARAM_IN));
    EXPECT_EQ(fd.constraint, static_cast<std::uint32_t>(KAPI_CONSTRAINT_RANGE));
    EXPECT_EQ(fd.min, num(0));
    EXPECT_EQ(fd.max, num(std::nullopt, "INT_MAX"));
    EXPECT_EQ(fd.violation_error, "EBADF");
    EXPECT_EQ(fd.description, "File descriptor to read from");
    EXPECT_TRUE(fd.constraint_text.starts_with("Must be a valid, open file descriptor with read "
                                               "permission. The file must have been opened"));

    const kapi::Param& buf = s.params[1];
    EXPECT_EQ(buf.type_name, "char __user *");
    EXPECT_EQ(buf.type, static_cast<std::uint32_t>(KAPI_TYPE_USER_PTR));
    EXPECT_EQ(buf.flags, static_cast<std::uint32_t>(KAPI_PARAM_OUT | KAPI_PARAM_USER));
    EXPECT_EQ(buf.constraint, static_cast<std::uint32_t>(KAPI_CONSTRAINT_BUFFER));
    EXPECT_EQ(buf.size_param, 2);
    EXPECT_EQ(buf.size_mult, num(1));
    EXPECT_EQ(buf.violation_error, "EFAULT");

    const kapi::Param& count = s.params[2];
    EXPECT_EQ(count.type_name, "size_t");
    EXPECT_EQ(count.max, num(std::nullopt, "SIZE_MAX"));
    EXPECT_EQ(count.violation_error, "EINVAL");

    EXPECT_EQ(s.ret.type, static_cast<std::uint32_t>(KAPI_TYPE_INT));
    EXPECT_EQ(s.ret.check, static_cast<std::uint32_t>(KAPI_RETURN_RANGE));
    EXPECT_EQ(s.ret.success_min, num(0));
    EXPECT_EQ(s.ret.success_max, num(kS64Max, "S64_MAX"));

    std::vector<std::string> names;
    std::vector<std::int32_t> codes;
    for (const kapi::ErrorSpec& e : s.errors) {
        names.push_back(e.name);
        codes.push_back(e.code);
    }
    EXPECT_THAT(names, ElementsAre("EBADF", "EFAULT", "EINVAL", "EISDIR", "EAGAIN", "EINTR", "EIO",
                                   "EOVERFLOW", "ENOBUFS", "ERESTARTSYS", "EACCES", "EPERM",
                                   "ENODATA", "EOPNOTSUPP"));
    EXPECT_THAT(codes,
                ElementsAre(-9, -14, -22, -21, -11, -4, -5, -75, -105, -512, -13, -1, -61, -95));
    EXPECT_EQ(s.errors[0].condition, "Bad file descriptor");
    EXPECT_TRUE(s.errors[0].description.starts_with("fd is not a valid file descriptor, or fd "
                                                    "was not opened for reading. This"));

    ASSERT_EQ(s.locks.size(), 3U);
    EXPECT_EQ(s.locks[0].name, "file->f_pos_lock");
    EXPECT_EQ(s.locks[0].type, static_cast<std::uint32_t>(KAPI_LOCK_MUTEX));
    // "acquired: conditional" and "released: true": taken and dropped inside
    EXPECT_EQ(s.locks[0].scope, static_cast<std::uint32_t>(KAPI_LOCK_INTERNAL));
    EXPECT_EQ(s.locks[2].type, static_cast<std::uint32_t>(KAPI_LOCK_RCU));

    // v2's indented "error: -EINTR" is the signal's errno, not an error
    ASSERT_EQ(s.signals.size(), 1U);
    const kapi::Signal& sig = s.signals[0];
    EXPECT_EQ(sig.name, "Any signal");
    EXPECT_TRUE(sig.number.empty());
    EXPECT_EQ(sig.direction, static_cast<std::uint32_t>(KAPI_SIGNAL_RECEIVE));
    EXPECT_EQ(sig.action, static_cast<std::uint32_t>(KAPI_SIGNAL_ACTION_RETURN));
    EXPECT_EQ(sig.error, "EINTR");
    EXPECT_EQ(sig.timing, static_cast<std::uint32_t>(KAPI_SIGNAL_TIME_DURING));
    EXPECT_EQ(sig.flags, KAPI_SIGNAL_RESTARTABLE);
    EXPECT_EQ(sig.condition, "When blocked waiting for data on interruptible operations");

    ASSERT_EQ(s.effects.size(), 4U);
    EXPECT_EQ(s.effects[0].type, static_cast<std::uint32_t>(KAPI_EFFECT_FILE_POSITION));
    EXPECT_EQ(s.effects[0].target, "file->f_pos");
    EXPECT_EQ(s.effects[0].flags, 0U);

    ASSERT_EQ(s.caps.size(), 2U);
    EXPECT_EQ(s.caps[0].name, "CAP_DAC_OVERRIDE");
    EXPECT_EQ(s.caps[0].cap, num(1, "CAP_DAC_OVERRIDE"));
    EXPECT_EQ(s.caps[0].action, static_cast<std::uint32_t>(KAPI_CAP_BYPASS_CHECK));
    EXPECT_EQ(s.caps[0].without, "Standard DAC checks are enforced");

    ASSERT_EQ(s.constraints.size(), 2U);
    EXPECT_EQ(s.constraints[0].name, "MAX_RW_COUNT");
    EXPECT_EQ(s.constraints[0].expr, "actual_count = min(count, MAX_RW_COUNT)");

    EXPECT_EQ(s.examples, "n = read(fd, buf, sizeof(buf));  // Basic read\n"
                          "n = read(STDIN_FILENO, buf, 1024);  // Read from stdin\n"
                          "while ((n = read(fd, buf, 4096)) > 0) { process(buf, n); }  // Read "
                          "loop\n"
                          "if (read(fd, buf, count) == 0) { handle_eof(); }  // Check for EOF");
    EXPECT_TRUE(s.notes.starts_with("The behavior of read() varies significantly depending on "
                                    "the type of file descriptor:\n\n- Regular files: Reads "
                                    "from current position"));
    EXPECT_TRUE(s.description.starts_with("Attempts to read up to count bytes"));
    EXPECT_NE(s.description.find("the file offset is not used.\n\nIf count is zero"),
              std::string::npos);
}

TEST(UpstreamTest, SysOpenV1) {
    kapi::Spec s = one_spec(upstream("sys_open.txt"));
    EXPECT_EQ(s.name, "sys_open");
    EXPECT_EQ(s.since, "1.0"); // v1's since-version:
    ASSERT_EQ(s.params.size(), 3U);
    EXPECT_EQ(s.params[0].type_name, "const char __user *");
    EXPECT_EQ(s.params[0].type, static_cast<std::uint32_t>(KAPI_TYPE_PATH));
    EXPECT_EQ(s.params[0].constraint, static_cast<std::uint32_t>(KAPI_CONSTRAINT_USER_PATH));
    EXPECT_EQ(s.params[1].constraint, static_cast<std::uint32_t>(KAPI_CONSTRAINT_MASK));
    // a mask written over four lines
    EXPECT_EQ(s.params[1].mask,
              num(std::nullopt, "O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | "
                                "O_TRUNC | O_APPEND | O_NONBLOCK | O_DSYNC | O_SYNC | FASYNC | "
                                "O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME "
                                "| O_CLOEXEC | O_PATH | O_TMPFILE"));
    EXPECT_EQ(s.params[2].type_name, "umode_t");
    EXPECT_EQ(s.ret.check, static_cast<std::uint32_t>(KAPI_RETURN_FD));
    // EAGAIN and its alias EWOULDBLOCK are both listed
    const kapi::ErrorSpec& last = s.errors.back();
    EXPECT_EQ(last.name, "EWOULDBLOCK");
    EXPECT_EQ(last.code, -11);
    ASSERT_EQ(s.caps.size(), 4U);
    EXPECT_EQ(s.caps[3].cap, num(21, "CAP_SYS_ADMIN"));
    EXPECT_EQ(s.caps[3].action, static_cast<std::uint32_t>(KAPI_CAP_INCREASE_LIMIT));
    ASSERT_EQ(s.effects.size(), 4U);
    EXPECT_EQ(s.effects[0].type,
              static_cast<std::uint32_t>(KAPI_EFFECT_RESOURCE_CREATE | KAPI_EFFECT_ALLOC_MEMORY));
    EXPECT_EQ(s.effects[0].flags, KAPI_EFFECT_REVERSIBLE);
    EXPECT_EQ(s.locks[1].type, static_cast<std::uint32_t>(KAPI_LOCK_RWLOCK));
    EXPECT_EQ(s.constraints.size(), 3U);
}

TEST(UpstreamTest, SysCloseV2) {
    kapi::Spec s = one_spec(upstream("sys_close.txt"));
    ASSERT_EQ(s.params.size(), 1U);
    EXPECT_EQ(s.ret.check, static_cast<std::uint32_t>(KAPI_RETURN_EXACT));
    EXPECT_EQ(s.ret.success_min, num(0));
    EXPECT_TRUE(s.ret.success_max.empty());
    EXPECT_EQ(s.signals[0].flags, 0U); // restartable: no
    ASSERT_EQ(s.transitions.size(), 2U);
    EXPECT_EQ(s.transitions[0].object, "file_descriptor");
    EXPECT_EQ(s.transitions[0].from, "open");
    EXPECT_EQ(s.transitions[0].to, "closed/free");
    EXPECT_EQ(s.transitions[0].condition, "Valid fd passed to close");
    EXPECT_EQ(s.transitions[1].to, "n-1 (or freed if n was 1)");
    EXPECT_EQ(s.effects[0].type,
              static_cast<std::uint32_t>(KAPI_EFFECT_RESOURCE_DESTROY | KAPI_EFFECT_IRREVERSIBLE));
    EXPECT_EQ(s.effects[0].condition, "Always (when fd is valid)");
    EXPECT_EQ(s.locks.size(), 4U);
    // "additional cleanup\n *   includes: fsnotify" is text, not a tag
    EXPECT_NE(s.description.find("additional cleanup includes: fsnotify"), std::string::npos);
}

TEST(UpstreamTest, SysWriteV2) {
    kapi::Spec s = one_spec(upstream("sys_write.txt"));
    ASSERT_EQ(s.params.size(), 3U);
    EXPECT_EQ(s.params[1].type_name, "const char __user *");
    EXPECT_EQ(s.params[1].flags, static_cast<std::uint32_t>(KAPI_PARAM_IN | KAPI_PARAM_USER));
    ASSERT_EQ(s.signals.size(), 3U);
    EXPECT_EQ(s.signals[0].name, "SIGPIPE");
    EXPECT_EQ(s.signals[0].number, num(13, "SIGPIPE"));
    EXPECT_EQ(s.signals[0].direction, static_cast<std::uint32_t>(KAPI_SIGNAL_SEND));
    EXPECT_EQ(s.signals[1].number, num(25, "SIGXFSZ"));
}

TEST(UpstreamTest, ShortFormsAgreeWithLongFormsWhereTheTextsAgree) {
    // The post-v2 short-form fixtures revise some texts, so only the parts
    // whose text is the same in both versions are compared.
    kapi::Spec long_read = one_spec(upstream("sys_read.txt"));
    kapi::Spec short_read = one_spec(upstream("sys_read.shortform.txt"));
    EXPECT_EQ(short_read.params[0], long_read.params[0]); // fd: range(0, INT_MAX)
    EXPECT_EQ(short_read.ret, long_read.ret);
    EXPECT_EQ(short_read.context, long_read.context);
    kapi::Signal short_signal = short_read.signals.at(0);
    short_signal.description = long_read.signals.at(0).description;
    EXPECT_EQ(short_signal, long_read.signals.at(0));
    EXPECT_EQ(short_read.examples, long_read.examples);
    EXPECT_EQ(short_read.notes, long_read.notes);
    EXPECT_EQ(short_read.constraints[1].expr, long_read.constraints[1].expr);
    // buf: buffer(2) and user_ptr, output (USER implied) as in the long form
    kapi::Param short_buf = short_read.params[1];
    short_buf.constraint_text = long_read.params[1].constraint_text;
    EXPECT_EQ(short_buf, long_read.params[1]);
    // the short form no longer constrains count
    EXPECT_EQ(short_read.params[2].constraint, static_cast<std::uint32_t>(KAPI_CONSTRAINT_NONE));
    EXPECT_EQ(short_read.params[2].violation_error, "");

    kapi::Spec long_close = one_spec(upstream("sys_close.txt"));
    kapi::Spec short_close = one_spec(upstream("sys_close.shortform.txt"));
    EXPECT_EQ(short_close.transitions[1], long_close.transitions[1]);
    EXPECT_EQ(short_close.effects[2].type, long_close.effects[2].type);
    EXPECT_EQ(short_close.locks[2], long_close.locks[2]);
    EXPECT_EQ(short_close.ret.check, long_close.ret.check);
    EXPECT_EQ(short_close.ret.success_min, long_close.ret.success_min);

    kapi::Spec long_open = one_spec(upstream("sys_open.txt"));
    kapi::Spec short_open = one_spec(upstream("sys_open.shortform.txt"));
    EXPECT_EQ(short_open.params[0], long_open.params[0]);
    EXPECT_EQ(short_open.caps, long_open.caps);
    EXPECT_EQ(short_open.examples, long_open.examples);
}

// ---------------------------------------------------------------------------
// Long and short spellings give identical specs

TEST(SpellingTest, LongAndShortFixturesGiveTheSameSpecs) {
    kapi::ParseResult l = kapi::parse_file(std::string(KAPI_TEST_DATA_DIR) + "/parser/long.c");
    kapi::ParseResult s = kapi::parse_file(std::string(KAPI_TEST_DATA_DIR) + "/parser/short.c");
    ASSERT_TRUE(l.ok()) << errors_of(l);
    ASSERT_TRUE(s.ok()) << errors_of(s);
    ASSERT_EQ(l.specs.specs.size(), 2U);
    ASSERT_EQ(s.specs.specs.size(), 2U);
    EXPECT_EQ(l.includes, s.includes);
    for (std::size_t i = 0; i < 2; i++) {
        kapi::Spec a = l.specs.specs[i];
        kapi::Spec b = s.specs.specs[i];
        a.source = {};
        b.source = {};
        EXPECT_EQ(a, b) << a.name << " " << differences(a, b);
    }
}

TEST(SpellingTest, LongFixtureValues) {
    kapi::ParseResult r = kapi::parse_file(std::string(KAPI_TEST_DATA_DIR) + "/parser/long.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    const kapi::Spec& s = r.specs.specs[0];
    EXPECT_EQ(s.source.file, std::string(KAPI_TEST_DATA_DIR) + "/parser/long.c");
    EXPECT_EQ(s.source.line, 11U);
    EXPECT_EQ(s.flags, KAPI_SPEC_DEPRECATED);
    EXPECT_EQ(s.since, "6.1");
    EXPECT_EQ(s.replacement, "sys_kapi_sample2");
    EXPECT_EQ(s.description, "Does nothing useful. It exists so that the parser tests can use "
                             "every tag.\n\nSecond paragraph.");
    ASSERT_EQ(s.params.size(), 13U);
    const kapi::Param& buf = s.params[1];
    EXPECT_EQ(buf.size_param, 2);
    EXPECT_EQ(buf.size_mult, num(4));
    const kapi::Param& flags = s.params[3];
    EXPECT_EQ(flags.mask, num(std::nullopt, "O_ACCMODE | O_CREAT | O_EXCL"));
    const kapi::Param& whence = s.params[4];
    EXPECT_THAT(whence.values, ElementsAre(num(0), num(1), num(std::nullopt, "SEEK_END")));
    EXPECT_EQ(s.params[5].alignment, num(8));
    EXPECT_EQ(s.params[5].flags, static_cast<std::uint32_t>(KAPI_PARAM_IN | KAPI_PARAM_OPTIONAL));
    const kapi::Param& name = s.params[6];
    EXPECT_EQ(name.size, num(256));
    EXPECT_EQ(name.min, num(1));
    EXPECT_EQ(name.max, num(255));
    EXPECT_EQ(name.violation_error, "EFAULT");
    EXPECT_EQ(s.params[9].violation_error, "EINVAL"); // errno: overrides EFAULT
    EXPECT_EQ(s.params[12].constraint_text, "kapi_check_cookie");
    EXPECT_EQ(s.params[12].type_name, "unsigned long");

    ASSERT_EQ(s.signals.size(), 2U);
    const kapi::Signal& any = s.signals[0];
    EXPECT_EQ(any.flags, KAPI_SIGNAL_RESTARTABLE | KAPI_SIGNAL_INTERRUPTIBLE);
    EXPECT_EQ(any.priority, 2U);
    EXPECT_EQ(any.state_required, static_cast<std::uint32_t>(KAPI_SIGNAL_STATE_SLEEPING));
    EXPECT_EQ(any.state_forbidden,
              static_cast<std::uint32_t>(KAPI_SIGNAL_STATE_STOPPED | KAPI_SIGNAL_STATE_TRACED));
    EXPECT_EQ(any.sa_flags_required, 0x10000000U);  // SA_RESTART
    EXPECT_EQ(any.sa_flags_forbidden, 0xc0000000U); // SA_RESETHAND | SA_NODEFER
    EXPECT_EQ(any.queue, "realtime");
    const kapi::Signal& pipe = s.signals[1];
    EXPECT_EQ(pipe.transform_to, 15);
    EXPECT_EQ(pipe.target, "the calling thread");
    EXPECT_EQ(pipe.timing, static_cast<std::uint32_t>(KAPI_SIGNAL_TIME_AFTER));

    EXPECT_EQ(s.locks[1].scope, static_cast<std::uint32_t>(KAPI_LOCK_CALLER_HELD));
    EXPECT_EQ(s.effects[1].target, "page cache");
    EXPECT_EQ(s.effects[1].description, "pages may be allocated");
    EXPECT_EQ(s.transitions[0].description, "Advances by the count returned.");
    EXPECT_EQ(s.transitions[1].description, "released, even on error");
    EXPECT_EQ(s.caps[0].priority, 1U);
    EXPECT_EQ(s.caps[1].allows, "Bypass permission checks");
    EXPECT_EQ(s.examples, "n = kapi_sample(fd, buf, 4);\nif (n < 0)\n    perror(\"kapi_sample\");");
    EXPECT_EQ(s.notes, "First note paragraph.\n\n- one\n- two");

    const kapi::Spec& ioc = r.specs.specs[1];
    EXPECT_EQ(ioc.name, "kapi_sample_ioc_set");
    EXPECT_EQ(ioc.kind, static_cast<std::uint32_t>(KAPI_KIND_IOCTL));
    EXPECT_EQ(ioc.ioctl_cmd, num(std::nullopt, "KAPI_SAMPLE_IOC_SET"));
    ASSERT_EQ(ioc.params.size(), 1U);
    EXPECT_EQ(ioc.params[0].type_name, "const struct kapi_sample __user *");
    EXPECT_EQ(ioc.params[0].description, "the new value");
    EXPECT_EQ(ioc.params[0].size, num(std::nullopt, "sizeof(struct kapi_sample)"));
    EXPECT_EQ(ioc.ret.type_name, "long");
}

// One construct in two spellings; the specs must be identical.
struct SpellingCase {
    const char* name;
    const char* a;
    const char* b;
};

class SpellingPairTest : public ::testing::TestWithParam<SpellingCase> {};

TEST_P(SpellingPairTest, SameSpec) {
    const SpellingCase& c = GetParam();
    kapi::Spec a = one_spec(spec_text(c.a));
    kapi::Spec b = one_spec(spec_text(c.b));
    EXPECT_EQ(a, b) << differences(a, b);
}

#define PARAM_A "context-flags: KAPI_CTX_PROCESS\nparam: a\n"
#define CTX "context-flags: KAPI_CTX_PROCESS\n" PARAM_INT
#define PARAM_INT "param: a\n  type: int\n"

const SpellingCase kSpellings[] = {
    {"contexts", "context-flags: KAPI_CTX_PROCESS | KAPI_CTX_ATOMIC\n" PARAM_INT,
     "contexts: process, atomic\n" PARAM_INT},
    {"contexts_mixed",
     "context-flags: KAPI_CTX_SOFTIRQ | KAPI_CTX_HARDIRQ | KAPI_CTX_NMI\n" PARAM_INT,
     "CONTEXTS: softirq | KAPI_CTX_HARDIRQ, NMI\n" PARAM_INT},
    {"type_fd", PARAM_A "  type: KAPI_TYPE_FD\n  flags: KAPI_PARAM_IN",
     PARAM_A "  type: fd, input"},
    {"type_user_ptr_implies_user",
     PARAM_A "  type: KAPI_TYPE_USER_PTR\n  flags: KAPI_PARAM_OUT | KAPI_PARAM_USER",
     PARAM_A "  type: user_ptr, output"},
    {"type_path_implies_user",
     PARAM_A "  type: KAPI_TYPE_PATH\n  flags: KAPI_PARAM_IN | KAPI_PARAM_USER",
     PARAM_A "  type: path\n  flags: in"},
    {"flags_comma",
     PARAM_A "  type: int\n  flags: KAPI_PARAM_IN | KAPI_PARAM_OPTIONAL | KAPI_PARAM_DMA",
     PARAM_A "  type: int, dma\n  flags: optional, input"},
    {"flags_inout", PARAM_A "  type: ptr\n  flags: KAPI_PARAM_INOUT",
     PARAM_A "  type: ptr, in, out"},
    {"flags_more",
     PARAM_A "  type: array\n  flags: KAPI_PARAM_CONST | KAPI_PARAM_VOLATILE | KAPI_PARAM_ALIGNED",
     PARAM_A "  type: ARRAY, Const, volatile, aligned"},
    {"range", PARAM_A "  type: int\n  constraint-type: KAPI_CONSTRAINT_RANGE\n  range: -1, 0x10",
     PARAM_A "  type: int\n  constraint-type: range(-1, 0x10)"},
    {"mask", PARAM_A "  type: uint\n  constraint-type: KAPI_CONSTRAINT_MASK\n  valid-mask: A | B",
     PARAM_A "  type: uint\n  constraint-type: mask(A | B)"},
    {"bitmask", PARAM_A "  type: uint\n  constraint-type: KAPI_CONSTRAINT_BITMASK\n  mask: 7",
     PARAM_A "  type: uint\n  constraint-type: bitmask(7)"},
    {"enum",
     PARAM_A "  type: int\n  constraint-type: KAPI_CONSTRAINT_ENUM\n  valid-values: 1, 2, X",
     PARAM_A "  type: int\n  constraint-type: enum(1, 2, X)"},
    {"alignment",
     PARAM_A "  type: uint\n  constraint-type: KAPI_CONSTRAINT_ALIGNMENT\n  alignment: 16",
     PARAM_A "  type: uint\n  constraint-type: alignment(16)"},
    {"user_string",
     PARAM_A "  type: uptr\n  constraint-type: KAPI_CONSTRAINT_USER_STRING\n  size: PATH_MAX",
     PARAM_A "  type: uptr\n  constraint-type: user_string(PATH_MAX)"},
    {"custom", PARAM_A "  type: int\n  constraint-type: KAPI_CONSTRAINT_CUSTOM\n  cdesc: check_a",
     PARAM_A "  type: int\n  constraint-type: custom(check_a)"},
    {"constraint_case", PARAM_A "  type: int\n  constraint-type: KAPI_CONSTRAINT_NONZERO",
     PARAM_A "  type: int\n  constraint-type: NonZero"},
    {"cdesc_alias", PARAM_A "  type: int\n  cdesc: text",
     PARAM_A "  type: int\n  constraint: text"},
    {"desc_over_at", "@a: ignored\n" PARAM_A "  type: int\n  desc: used",
     PARAM_A "  type: int\n  description: used"},
    {"return",
     CTX "return:\n  type: KAPI_TYPE_INT\n  check-type: KAPI_RETURN_ERROR_CHECK\n  desc: x",
     CTX "return:\n  type: int\n  check-type: error_check\n  description: x"},
    {"return_range", CTX "return:\n  check-type: KAPI_RETURN_RANGE\n  success: >= 0",
     CTX "return:\n  success: >=0"},
    {"return_exact", CTX "return:\n  check-type: KAPI_RETURN_EXACT\n  success: 0",
     CTX "return:\n  success: == 0"},
    {"return_exact_eq", CTX "return:\n  success: 0x1", CTX "return:\n  success: = 1"},
    {"return_no_return", CTX "return:\n  check-type: KAPI_RETURN_NO_RETURN",
     CTX "returns:\n  check-type: no_return"},
    {"error", CTX "error: EBADF, bad fd\n  desc: long text",
     CTX "error: -EBADF\n  condition: bad fd\n  description: long text"},
    {"lock_type", CTX "lock: l\n  type: KAPI_LOCK_SEQLOCK", CTX "lock: l, seqlock"},
    {"lock_scope", CTX "lock: l\n  type: KAPI_LOCK_RWLOCK\n  scope: KAPI_LOCK_ACQUIRES",
     CTX "lock: l\n  type: rwlock\n  acquired: yes\n  released: no"},
    {"lock_releases", CTX "lock: l\n  scope: KAPI_LOCK_RELEASES", CTX "lock: l\n  released: true"},
    {"lock_caller_held", CTX "lock: l\n  scope: caller_held",
     CTX "lock: l\n  held-on-entry: yes\n  held-on-exit: yes"},
    {"lock_held_released", CTX "lock: l\n  scope: releases",
     CTX "lock: l\n  held_on_entry: yes\n  held_on_exit: no"},
    {"signal",
     CTX "signal: SIGINT\n  direction: KAPI_SIGNAL_RECEIVE | KAPI_SIGNAL_HANDLE\n"
         "  action: KAPI_SIGNAL_ACTION_RESTART\n  timing: KAPI_SIGNAL_TIME_ENTRY\n  error: -EINTR",
     CTX "signal: SIGINT\n  direction: receive, handle\n  action: restart\n  timing: before\n  "
         "errno: EINTR"},
    {"signal_errno_number", CTX "signal: x\n  errno: -4", CTX "signal: x\n  errno: EINTR"},
    {"signal_number", CTX "signal: SIGUSR1", CTX "signal: SIGUSR1\n  number: SIGUSR1"},
    {"signal_timing", CTX "signal: x\n  timing: KAPI_SIGNAL_TIME_BLOCKING",
     CTX "signal: x\n  timing: while_blocked"},
    {"signal_states",
     CTX "signal: x\n  state-required: KAPI_SIGNAL_STATE_RUNNING | KAPI_SIGNAL_STATE_DEAD",
     CTX "signal: x\n  state_required: running, dead"},
    {"signal_sa_flags", CTX "signal: x\n  sa-flags-required: SA_SIGINFO | SA_ONSTACK",
     CTX "signal: x\n  sa_flags_required: 0x08000004"},
    {"signal_transform", CTX "signal: x\n  transform-to: SIGKILL",
     CTX "signal: x\n  transform_to: 9"},
    {"effect",
     CTX "side-effect: KAPI_EFFECT_SCHEDULE | KAPI_EFFECT_NETWORK\n  target: t\n  desc: d",
     CTX "side_effect: schedule | network, t, d"},
    {"effect_flat_extras",
     CTX "side-effect: hardware\n  target: t\n  desc: d, more\n  condition: c\n  reversible: yes",
     CTX "side-effect: KAPI_EFFECT_HARDWARE, t, d, more, condition=c, reversible=yes"},
    {"transition", CTX "state-trans: o\n  from: a\n  to: b\n  desc: x, y",
     CTX "state-trans: o, a, b, x, y"},
    {"transition_object", CTX "state-trans: o\n  from: a\n  to: b",
     CTX "state-trans:\n  object: o\n  from: a\n  to: b"},
    {"capability", CTX "capability: CAP_KILL\n  type: KAPI_CAP_GRANT_PERMISSION\n  allows: signals",
     CTX "capability: CAP_KILL, grant_permission, signals"},
    {"capability_none", CTX "error: EPERM, x", CTX "error: EPERM, x\ncapability: none"},
    {"constraint", CTX "constraint: c\n  desc: d\n  expr: a < b",
     CTX "constraint: c, d\n  expr: a < b"},
    {"api_type", CTX "api-type: KAPI_KIND_FUNCTION", CTX "api-type: function"},
    {"since", CTX "since: 2.6", CTX "since-version: 2.6"},
    {"examples", CTX "examples: a\n  b", CTX "example: a\n    b"},
    {"notes", CTX "notes: n", CTX "Note: n"},
    {"long_desc", CTX "long-desc: d", CTX "long_desc: d"},
};

INSTANTIATE_TEST_SUITE_P(Pairs, SpellingPairTest, ::testing::ValuesIn(kSpellings),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// ---------------------------------------------------------------------------
// Tags and values

TEST(TagTest, MinimalSpec) {
    kapi::Spec s = minimal("");
    EXPECT_EQ(s.name, "sys_foo");
    EXPECT_EQ(s.summary, "do foo");
    EXPECT_EQ(s.kind, static_cast<std::uint32_t>(KAPI_KIND_SYSCALL));
    EXPECT_EQ(s.source, (kapi::SourceLocation{"t.c", 2}));
    EXPECT_EQ(s.context, static_cast<std::uint32_t>(KAPI_CTX_PROCESS));
    ASSERT_EQ(s.params.size(), 1U);
    EXPECT_EQ(s.params[0].name, "a");
    EXPECT_EQ(s.params[0].type_name, "int");
    EXPECT_EQ(s.params[0].type, static_cast<std::uint32_t>(KAPI_TYPE_INT));
    EXPECT_EQ(s.params[0].size_param, -1);
    EXPECT_EQ(s.params[0].violation_error, "");
    EXPECT_EQ(s.ret.type_name, "long");
    EXPECT_EQ(s.ret.check, static_cast<std::uint32_t>(KAPI_RETURN_EXACT));
    EXPECT_TRUE(s.ret.success_min.empty());
}

TEST(TagTest, ViolationErrorDefaults) {
    struct Case {
        const char* lines;
        const char* expected;
    };
    const Case cases[] = {
        {"  type: fd", ""},
        {"  type: fd\n  constraint-type: range(0, 1)", "EBADF"},
        {"  type: uptr\n  constraint-type: buffer(1)", "EFAULT"},
        {"  type: uptr\n  constraint-type: user_ptr", "EFAULT"},
        {"  type: uptr\n  constraint-type: user_string", "EFAULT"},
        {"  type: path\n  constraint-type: user_path", "EFAULT"},
        {"  type: int\n  constraint-type: range(0, 1)", "EINVAL"},
        {"  type: int\n  constraint-type: nonzero", "EINVAL"},
        {"  type: int", ""},
        {"  type: int\n  constraint-type: nonzero\n  errno: ERANGE", "ERANGE"},
        {"  type: fd\n  errno: -ENOTSOCK", "ENOTSOCK"},
        {"  type: int\n  errno: 22", "EINVAL"},
    };
    for (const Case& c : cases) {
        kapi::Spec s = one_spec(spec_text(std::string("context-flags: process\nparam: a\n") +
                                              c.lines + "\nparam: b\n  type: uint",
                                          "asmlinkage long sys_foo(int a, size_t b);"));
        ASSERT_EQ(s.params.size(), 2U) << c.lines;
        EXPECT_EQ(s.params[0].violation_error, c.expected) << c.lines;
    }
}

TEST(TagTest, SizeParamByIndexOrName) {
    const char* decl = "asmlinkage long sys_foo(void __user *a, size_t n);";
    for (const char* body :
         {"  type: uptr\n  constraint-type: buffer(1)",
          "  type: uptr\n  constraint-type: buffer(n)",
          "  type: uptr\n  constraint-type: KAPI_CONSTRAINT_BUFFER\n  size-param: n"}) {
        kapi::Spec s = one_spec(spec_text(std::string("contexts: process\nparam: a\n") + body +
                                              "\nparam: n\n  type: uint",
                                          decl));
        ASSERT_EQ(s.params.size(), 2U);
        EXPECT_EQ(s.params[0].size_param, 1) << body;
        EXPECT_EQ(s.params[0].size_mult, num(1)) << body;
    }
}

// order: N[, audit], fd-access: and path-param: (a descriptor rule).
TEST(TagTest, OrderAndDescriptorRules) {
    const char* decl = "asmlinkage long sys_foo(int dfd, const char __user *path, int flags);";
    kapi::Spec s = one_spec(spec_text(
        "contexts: process\n"
        "param: dfd\n  type: fd\n  constraint-type: fd\n"
        "  fd-access: KAPI_FD_OPEN | KAPI_FD_DIR | KAPI_FD_IF_RELATIVE\n"
        "  path-param: path\n  order: 3, audit\n"
        "param: path\n  type: path\n  constraint-type: user_path\n  order: 2\n"
        "param: flags\n  type: int\n  constraint-type: KAPI_CONSTRAINT_OPEN_FLAGS\n"
        "  order: 1",
        decl));
    ASSERT_EQ(s.params.size(), 3U);
    EXPECT_EQ(s.params[0].constraint, static_cast<std::uint32_t>(KAPI_CONSTRAINT_FD));
    EXPECT_EQ(s.params[0].mask, num(std::nullopt, "KAPI_FD_OPEN | KAPI_FD_DIR | KAPI_FD_IF_RELATIVE"));
    EXPECT_EQ(s.params[0].size_param, 1);
    EXPECT_EQ(s.params[0].order, 3U | KAPI_PARAM_ORDER_AUDIT);
    EXPECT_EQ(s.params[0].violation_error, "EBADF");
    EXPECT_EQ(s.params[1].order, 2U);
    EXPECT_EQ(s.params[2].constraint, static_cast<std::uint32_t>(KAPI_CONSTRAINT_OPEN_FLAGS));
    EXPECT_EQ(s.params[2].order, 1U);
    EXPECT_EQ(s.params[2].violation_error, "EINVAL");

    for (const char* bad : {"  order: 70000", "  order: 1, enforce", "  order: x",
                            "  fd-access: KAPI_FD_OPEN"}) {
        kapi::ParseResult r =
            kapi::parse_annotations(spec_text(std::string(kPrefix) + bad), "t.c");
        EXPECT_FALSE(r.ok()) << bad;
    }
    kapi::ParseResult r = kapi::parse_annotations(
        spec_text("context-flags: KAPI_CTX_PROCESS\nparam: a\n  type: fd\n"
                  "  constraint-type: fd"),
        "t.c");
    EXPECT_FALSE(r.ok()) << "fd without fd-access";
}

TEST(TagTest, ReturnSuccessForms) {
    struct Case {
        const char* lines;
        std::uint32_t check;
        kapi::Num min;
        kapi::Num max;
    };
    const Case cases[] = {
        {"  success: 0", KAPI_RETURN_EXACT, num(0), num(std::nullopt)},
        {"  success: == -1", KAPI_RETURN_EXACT, num(-1), num(std::nullopt)},
        {"  success: >= 0", KAPI_RETURN_RANGE, num(0), num(kS64Max, "S64_MAX")},
        {"  success: >= 1", KAPI_RETURN_RANGE, num(1), num(kS64Max, "S64_MAX")},
        {"  check-type: range\n  success: >= 0", KAPI_RETURN_RANGE, num(0),
         num(kS64Max, "S64_MAX")},
        {"  success: >= 0\n  check-type: fd", KAPI_RETURN_FD, num(0), num(kS64Max, "S64_MAX")},
        {"  check-type: range\n  success: 5", KAPI_RETURN_RANGE, num(5), num(5)},
        {"  success: PAGE_SIZE", KAPI_RETURN_EXACT, num(std::nullopt, "PAGE_SIZE"),
         num(std::nullopt)},
        {"  check-type: custom", KAPI_RETURN_CUSTOM, num(std::nullopt), num(std::nullopt)},
    };
    for (const Case& c : cases) {
        kapi::Spec s = minimal(std::string("return:\n") + c.lines);
        EXPECT_EQ(s.ret.check, c.check) << c.lines;
        EXPECT_EQ(s.ret.success_min, c.min) << c.lines;
        EXPECT_EQ(s.ret.success_max, c.max) << c.lines;
    }
}

TEST(TagTest, LockScopes) {
    struct Case {
        const char* lines;
        std::uint32_t scope;
    };
    const Case cases[] = {
        {"", KAPI_LOCK_INTERNAL},
        {"  acquired: true\n  released: true", KAPI_LOCK_INTERNAL},
        {"  acquired: conditional\n  released: true", KAPI_LOCK_INTERNAL},
        {"  acquired: yes", KAPI_LOCK_ACQUIRES},
        {"  released: yes", KAPI_LOCK_RELEASES},
        {"  acquired: no\n  released: no", KAPI_LOCK_INTERNAL},
        {"  held-on-entry: yes", KAPI_LOCK_CALLER_HELD},
        {"  held-on-entry: yes\n  held-on-exit: no", KAPI_LOCK_RELEASES},
        {"  held-on-exit: yes", KAPI_LOCK_ACQUIRES},
        {"  acquired: yes\n  scope: caller_held", KAPI_LOCK_CALLER_HELD},
        {"  scope: KAPI_LOCK_HELD_EXIT", KAPI_LOCK_CALLER_HELD},
    };
    for (const Case& c : cases) {
        kapi::Spec s = minimal(std::string("lock: l\n") + c.lines);
        ASSERT_EQ(s.locks.size(), 1U);
        EXPECT_EQ(s.locks[0].scope, c.scope) << c.lines;
    }
}

TEST(TagTest, SignalNames) {
    kapi::Spec s = minimal("signal: SIGRTMIN+2\nsignal: pending signals\nsignal: x\n  number: 3");
    ASSERT_EQ(s.signals.size(), 3U);
    EXPECT_EQ(s.signals[0].number, num(34, "SIGRTMIN+2"));
    EXPECT_TRUE(s.signals[1].number.empty());
    EXPECT_EQ(s.signals[2].number, num(3));
}

TEST(TagTest, CapabilityDescription) {
    kapi::Spec s = minimal("capability: CAP_SYS_NICE\n  allows: raising priority\n"
                           "  desc: see sched(7)\ncapability: CAP_IPC_LOCK, modify, lock memory");
    ASSERT_EQ(s.caps.size(), 2U);
    EXPECT_EQ(s.caps[0].allows, "raising priority\n\nsee sched(7)");
    EXPECT_EQ(s.caps[0].action, static_cast<std::uint32_t>(KAPI_CAP_BYPASS_CHECK));
    EXPECT_EQ(s.caps[1].cap, num(14, "CAP_IPC_LOCK"));
    EXPECT_EQ(s.caps[1].action, static_cast<std::uint32_t>(KAPI_CAP_MODIFY_BEHAVIOR));
    EXPECT_EQ(s.caps[1].allows, "lock memory");
}

TEST(TagTest, ParamCountMatches) {
    kapi::Spec s = minimal("param-count: 1");
    EXPECT_EQ(s.params.size(), 1U);
}

TEST(TagTest, DeprecatedNo) {
    EXPECT_EQ(minimal("deprecated: no").flags, 0U);
    EXPECT_EQ(minimal("deprecated: yes").flags, KAPI_SPEC_DEPRECATED);
}

TEST(TagTest, SpecWithoutParameters) {
    kapi::Spec s = one_spec(
        renamed(spec_text("contexts: process\nerror: EINTR, x", "asmlinkage long sys_pause(void);"),
                "sys_pause"));
    EXPECT_EQ(s.name, "sys_pause");
    EXPECT_THAT(s.params, IsEmpty());
}

// ---------------------------------------------------------------------------
// Text folding

TEST(TextTest, LongDescParagraphsAndBullets) {
    kapi::Spec s = minimal("long-desc: First line\n"
                           "  continues here.\n"
                           "\n"
                           "  Second paragraph:\n"
                           "  - bullet one\n"
                           "    wraps\n"
                           "  - bullet two\n"
                           "\n"
                           "\n"
                           "  Third.\n");
    EXPECT_EQ(s.description, "First line continues here.\n\n"
                             "Second paragraph:\n- bullet one wraps\n- bullet two\n\nThird.");
}

TEST(TextTest, LongDescContinuesInColumnZero) {
    // kernel-doc's rule: a section runs until the next tag
    kapi::Spec s = minimal("long-desc: one\ntwo\n\nthree");
    EXPECT_EQ(s.description, "one two\n\nthree");
}

TEST(TextTest, ExamplesKeepLines) {
    kapi::Spec s = minimal("examples:\n"
                           "    if (x)\n"
                           "        y();\n"
                           "\n"
                           "\n"
                           "    z();  // done\n");
    EXPECT_EQ(s.examples, "if (x)\n    y();\n\nz();  // done");
}

TEST(TextTest, SubKeyValuesFoldParagraphs) {
    kapi::Spec s = minimal("error: EIO, disk\n"
                           "  desc: one\n"
                           "    two\n"
                           "\n"
                           "    three");
    ASSERT_EQ(s.errors.size(), 1U);
    EXPECT_EQ(s.errors[0].description, "one two\n\nthree");
}

TEST(TextTest, SubKeyTextContinuesAtTheSameIndentation) {
    kapi::Spec s = minimal("error: EIO, disk\n  desc: one\n  Note: two");
    EXPECT_EQ(s.errors[0].description, "one Note: two");
}

TEST(TextTest, ParamDescriptionsContinue) {
    kapi::Spec s = one_spec("/**\n"
                            " * sys_foo - do foo\n"
                            " * @a: first line\n"
                            " *   second line\n"
                            " * third line\n"
                            " *\n"
                            " * context-flags: KAPI_CTX_PROCESS\n"
                            " * param: a\n"
                            " *   type: int\n"
                            " */\n"
                            "long sys_foo(int a);\n");
    EXPECT_EQ(s.params[0].description, "first line second line third line");
}

TEST(TextTest, FreeDescriptionIsTheFallbackDescription) {
    kapi::Spec s = one_spec(spec_text("This is what foo does.\n"
                                      "Really.\n"
                                      "\n"
                                      "Context: Process context. Sleeps.\n"
                                      "Return: 0 or an error\n"
                                      "  still the return section\n" +
                                      std::string(kPrefix)));
    EXPECT_EQ(s.description, "This is what foo does. Really.");
    kapi::Spec t = one_spec(spec_text("Description: The old way.\n" + std::string(kPrefix) +
                                      "long-desc: The new way."));
    EXPECT_EQ(t.description, "The new way.");
}

TEST(TextTest, KernelDocReturnSectionsInSpecs) {
    for (const char* section : {"Return: 0 on success,\n  or an error", "Return:\n0 on success",
                                "Returns:\n  0 on success"}) {
        kapi::Spec s = minimal(std::string(section) + "\nreturn:\n  success: 0");
        EXPECT_EQ(s.ret.success_min, num(0)) << section;
    }
}

TEST(TextTest, SubKeysAreCaseInsensitive) {
    kapi::Spec s = minimal("error: EIO, x\n  Desc: one\n  Condition: two");
    EXPECT_EQ(s.errors[0].description, "one");
    EXPECT_EQ(s.errors[0].condition, "two");
}

// ---- Error object selectors (objects:) ----------------------------------------

using Sel = kapi::ObjectSelector;

TEST(ObjectsTest, EveryFormOfSelector) {
    kapi::Spec s = minimal("error: EINVAL, x\n"
                           "  objects: sock:tcp, proc, fifo, *:tmpfs, reg:*, chr : tty, "
                           "unix-stream, bpffs, inet-raw");
    ASSERT_EQ(s.errors.size(), 1U);
    const std::vector<Sel> want = {
        {KAPI_OBJ_SOCK, KAPI_IMPL_TCP},        {KAPI_OBJ_ANY, KAPI_IMPL_PROC},
        {KAPI_OBJ_FIFO, KAPI_IMPL_ANY},        {KAPI_OBJ_ANY, KAPI_IMPL_TMPFS},
        {KAPI_OBJ_REG, KAPI_IMPL_ANY},         {KAPI_OBJ_CHR, KAPI_IMPL_TTY},
        {KAPI_OBJ_ANY, KAPI_IMPL_UNIX_STREAM}, {KAPI_OBJ_ANY, KAPI_IMPL_BPF_FS},
        {KAPI_OBJ_ANY, KAPI_IMPL_INET_RAW},
    };
    EXPECT_EQ(s.errors[0].objects, want);
}

TEST(ObjectsTest, AnErrorWithoutObjectsAppliesToEveryObject) {
    kapi::Spec s = minimal("error: EINVAL, x\nerror: EBADF, y\n  objects: dir");
    ASSERT_EQ(s.errors.size(), 2U);
    EXPECT_TRUE(s.errors[0].objects.empty());
    EXPECT_EQ(s.errors[1].objects, (std::vector<Sel>{{KAPI_OBJ_DIR, KAPI_IMPL_ANY}}));
}

TEST(ObjectsTest, EveryNameOfTheListIsAccepted) {
    for (const kapi::ObjectName& t : kapi::object_type_table()) {
        for (const kapi::ObjectName& i : kapi::object_impl_table()) {
            if (t.value == KAPI_OBJ_ANY && i.value == KAPI_IMPL_ANY)
                continue;
            std::string sel = std::string(t.name) + ":" + std::string(i.name);
            kapi::Spec s = minimal("error: EINVAL, x\n  objects: " + sel);
            ASSERT_EQ(s.errors.size(), 1U) << sel;
            EXPECT_EQ(s.errors[0].objects, (std::vector<Sel>{{t.value, i.value}})) << sel;
            EXPECT_EQ(kapi::object_selector_name(t.value, i.value), sel);
        }
    }
}

TEST(TextTest, LiteralColonsAndUrlsAreNotTags) {
    kapi::Spec s = minimal("notes: see\nhttp://example.org/x and\nstd::string works");
    EXPECT_EQ(s.notes, "see http://example.org/x and std::string works");
}

TEST(TextTest, TabIndentation) {
    kapi::Spec s = one_spec("/**\n"
                            " * sys_foo - do foo\n"
                            " * context-flags: KAPI_CTX_PROCESS\n"
                            " * param: a\n"
                            " *\ttype: fd\n"
                            " *\tcdesc: one\n"
                            " *\t\ttwo\n"
                            " */\n"
                            "long sys_foo(int a);\n");
    EXPECT_EQ(s.params[0].type, static_cast<std::uint32_t>(KAPI_TYPE_FD));
    EXPECT_EQ(s.params[0].constraint_text, "one two");
}

// ---------------------------------------------------------------------------
// Numbers

struct NumberCase {
    const char* text;
    std::optional<std::int64_t> value;
    const char* expr;
};

class NumberTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(NumberTest, Parses) {
    const NumberCase& c = GetParam();
    std::string error;
    std::optional<kapi::Num> n = kapi::parse_number(c.text, &error);
    ASSERT_TRUE(n) << c.text << ": " << error;
    EXPECT_EQ(n->value, c.value) << c.text;
    EXPECT_EQ(n->expr, c.expr) << c.text;
}

const NumberCase kNumbers[] = {
    {"0", 0, ""},
    {"42", 42, ""},
    {" 7 ", 7, ""},
    {"-1", -1, ""},
    {"0x7ffff000", 0x7ffff000, ""},
    {"0XFF", 255, ""},
    {"0755", 0755, ""},
    {"0b101", 5, ""},
    {"10UL", 10, ""},
    {"10ull", 10, ""},
    {"1LLU", 1, ""},
    {"9223372036854775807", kS64Max, ""},
    {"-9223372036854775808", std::numeric_limits<std::int64_t>::min(), ""},
    {"0xffffffffffffffff", -1, "0xffffffffffffffff"},
    {"1 << 4", 16, "1 << 4"},
    {"(1 | 2) & ~1", 2, "(1 | 2) & ~1"},
    {"2 + 3 * 4", 14, "2 + 3 * 4"},
    {"(2 + 3) * 4", 20, "(2 + 3) * 4"},
    {"7 / 2 - 7 % 2", 2, "7 / 2 - 7 % 2"},
    {"-8 >> 1", -4, "-8 >> 1"},
    {"1 ^ 3", 2, "1 ^ 3"},
    {"0x10 | 010 | 0b1", 25, "0x10 | 010 | 0b1"},
    {"- - 3", 3, "- - 3"},
    {"INT_MAX", std::nullopt, "INT_MAX"},
    {"O_RDONLY | O_WRONLY", std::nullopt, "O_RDONLY | O_WRONLY"},
    {"PAGE_SIZE * 2", std::nullopt, "PAGE_SIZE * 2"},
    {"sizeof(struct stat)", std::nullopt, "sizeof(struct stat)"},
    {"(size_t)-1", std::nullopt, "(size_t)-1"},
    {"1 < 2", std::nullopt, "1 < 2"},
};

INSTANTIATE_TEST_SUITE_P(Numbers, NumberTest, ::testing::ValuesIn(kNumbers));

TEST(NumberErrorTest, Errors) {
    struct Case {
        const char* text;
        const char* error;
    };
    const Case cases[] = {
        {"", "missing number"},
        {"   ", "missing number"},
        {"12abc", "invalid number '12abc': bad integer literal '12abc'"},
        {"0x", "invalid number '0x': bad integer literal '0x'"},
        {"08", "invalid number '08': bad integer literal '08'"},
        {"1.5", "invalid number '1.5': bad integer literal '1.5'"},
        {"1uu", "invalid number '1uu': bad integer literal '1uu'"},
        {"99999999999999999999",
         "invalid number '99999999999999999999': integer literal '99999999999999999999' does "
         "not fit in 64 bits"},
        {"(1", "invalid number '(1': unbalanced parentheses"},
        {"1)", "invalid number '1)': unbalanced parentheses"},
        {"1 +", "invalid number '1 +': malformed expression"},
        {"1 2", "invalid number '1 2': malformed expression"},
        {"1 / 0", "invalid number '1 / 0': division by zero"},
        {"1 << 64", "invalid number '1 << 64': shift count out of range"},
        {"\"x\"", "invalid number '\"x\"': unexpected character '\"'"},
        {"a; b", "invalid number 'a; b': unexpected character ';'"},
    };
    for (const Case& c : cases) {
        std::string error;
        EXPECT_EQ(kapi::parse_number(c.text, &error), std::nullopt) << c.text;
        EXPECT_EQ(error, c.error) << c.text;
    }
    EXPECT_EQ(kapi::parse_number("x y z("), std::nullopt); // no error string asked for
}

// ---------------------------------------------------------------------------
// Declarations

TEST(DeclarationTest, Forms) {
    struct Case {
        const char* name;
        const char* decl;
        std::vector<std::pair<std::string, std::string>> params;
        std::uint32_t kind;
        const char* ret;
    };
    const Case cases[] = {
        {"sys_foo", "SYSCALL_DEFINE1(foo, int, a)", {{"a", "int"}}, KAPI_KIND_SYSCALL, "long"},
        {"sys_foo",
         "SYSCALL_DEFINE3(foo, const char __user *, a,\n\t\tunsigned int, b, umode_t,\n c)",
         {{"a", "const char __user *"}, {"b", "unsigned int"}, {"c", "umode_t"}},
         KAPI_KIND_SYSCALL,
         "long"},
        {"sys_foo", "SYSCALL_DEFINE0(foo)", {}, KAPI_KIND_SYSCALL, "long"},
        {"compat_sys_foo",
         "COMPAT_SYSCALL_DEFINE1(foo, compat_uptr_t, a)",
         {{"a", "compat_uptr_t"}},
         KAPI_KIND_SYSCALL,
         "long"},
        {"sys_foo",
         "asmlinkage long sys_foo(char __user *a, size_t b);",
         {{"a", "char __user *"}, {"b", "size_t"}},
         KAPI_KIND_SYSCALL,
         "long"},
        {"sys_foo",
         "long sys_foo(char __user*a,\n    struct stat  __user * * b)",
         {{"a", "char __user *"}, {"b", "struct stat __user **"}},
         KAPI_KIND_SYSCALL,
         "long"},
        {"foo", "static int foo(void)\n{\n\treturn 0;\n}", {}, KAPI_KIND_FUNCTION, "int"},
        {"foo",
         "struct file *\nfoo(int a, int fds[2], int (*cb)(int, void *), ...)",
         {{"a", "int"}, {"fds", "int [2]"}, {"cb", "int (*)(int, void *)"}},
         KAPI_KIND_FUNCTION,
         "struct file *"},
        {"foo",
         "static inline __must_check unsigned long foo(const void *const p);",
         {{"p", "const void * const"}},
         KAPI_KIND_FUNCTION,
         "unsigned long"},
    };
    for (const Case& c : cases) {
        std::string text =
            "/**\n * " + std::string(c.name) + " - x\n * contexts: process\n * long-desc: x\n";
        for (const auto& [name, type] : c.params)
            text += " * param: " + name + "\n";
        text += " */\n" + std::string(c.decl) + "\n";
        kapi::Spec s = one_spec(text);
        EXPECT_EQ(s.name, c.name) << c.decl;
        EXPECT_EQ(s.kind, c.kind) << c.decl;
        EXPECT_EQ(s.ret.type_name, c.ret) << c.decl;
        ASSERT_EQ(s.params.size(), c.params.size()) << c.decl;
        for (std::size_t i = 0; i < c.params.size(); i++) {
            EXPECT_EQ(s.params[i].name, c.params[i].first) << c.decl;
            EXPECT_EQ(s.params[i].type_name, c.params[i].second) << c.decl;
        }
    }
}

TEST(DeclarationTest, ParamsFollowTheDeclarationsOrder) {
    kapi::Spec s = one_spec(spec_text("contexts: process\nparam: b\n  type: uint\nparam: a\n"
                                      "  type: int",
                                      "long sys_foo(int a, unsigned int b);"));
    ASSERT_EQ(s.params.size(), 2U);
    EXPECT_EQ(s.params[0].name, "a");
    EXPECT_EQ(s.params[1].name, "b");
}

TEST(DeclarationTest, CommentsBlankLinesAndPreprocessorLinesAreSkipped) {
    kapi::Spec s = one_spec(spec_text(kPrefix, "\n/*\n * Careful here!\n */\n"
                                               "// one more\n#ifdef CONFIG_X\n"
                                               "SYSCALL_DEFINE1(foo, int, a)\n#endif"));
    EXPECT_EQ(s.name, "sys_foo");
}

TEST(DeclarationTest, ApiTypeOverridesTheDefault) {
    kapi::Spec s =
        one_spec(spec_text(std::string(kPrefix) + "api-type: function", "long sys_foo(int a);"));
    EXPECT_EQ(s.kind, static_cast<std::uint32_t>(KAPI_KIND_FUNCTION));
    kapi::Spec t = one_spec("/**\n * do_foo - x\n * contexts: process\n * api-type: syscall\n"
                            " * long-desc: x\n */\nlong do_foo(void);\n");
    EXPECT_EQ(t.kind, static_cast<std::uint32_t>(KAPI_KIND_SYSCALL));
}

TEST(DeclarationTest, IoctlSpecsNeedNoDeclaration) {
    kapi::ParseResult r = kapi::parse_annotations(
        "/**\n * foo_ioc - x\n * contexts: process\n * api-type: ioctl\n"
        " * ioctl-cmd: _IOW('f', 1, int)\n * param: arg\n *   type: uptr\n */\n",
        "t.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    const kapi::Spec& s = r.specs.specs[0];
    EXPECT_EQ(s.ioctl_cmd, num(std::nullopt, "_IOW('f', 1, int)"));
    EXPECT_EQ(s.params[0].type_name, "");
}

// ---------------------------------------------------------------------------
// Files

TEST(FileTest, NonSpecCommentsAreIgnored) {
    const char* text = "#include <linux/fs.h>\n"
                       "  #  include \"local.h\" /* why */\n"
                       "/**\n * struct foo - a structure\n * @a: a member\n */\n"
                       "struct foo { int a; };\n"
                       "/**\n * helper - a function\n * @x: x\n *\n"
                       " * Context: Any context.\n * Return: 0.\n */\n"
                       "int helper(int x);\n"
                       "/*\n * context-flags: KAPI_CTX_PROCESS\n * param: x\n */\n"
                       "/**\n * notes: no context tag, so not a spec\n * param: x\n */\n"
                       "/** DOC: a doc block with context-flags: in text */\n"
                       "const char *s = \"/** not a comment */\";\n";
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    EXPECT_TRUE(r.ok()) << errors_of(r);
    EXPECT_THAT(r.specs.specs, IsEmpty());
    EXPECT_THAT(r.includes, ElementsAre("#include <linux/fs.h>", "#  include \"local.h\""));
}

TEST(FileTest, SeveralSpecsInOrder) {
    std::string text = spec_text(kPrefix) + "\n/* between */\n" +
                       "/**\n * sys_bar - do bar\n * contexts: process\n * long-desc: x\n */\n"
                       "SYSCALL_DEFINE0(bar)\n";
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    ASSERT_TRUE(r.ok()) << errors_of(r);
    ASSERT_EQ(r.specs.specs.size(), 2U);
    EXPECT_EQ(r.specs.specs[0].name, "sys_foo");
    EXPECT_EQ(r.specs.specs[1].name, "sys_bar");
    EXPECT_EQ(r.specs.specs[1].source.line, 12U);
    EXPECT_EQ(r.specs.find("sys_bar"), &r.specs.specs[1]);
}

TEST(FileTest, AnyErrorDropsAllSpecs) {
    std::string text =
        spec_text(kPrefix) +
        renamed(spec_text("contexts: bogus\nlong-desc: x", "long sys_foo2(void);"), "sys_foo2");
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(r.specs.specs, IsEmpty());
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].line, 11U);
}

TEST(FileTest, ParseFileReportsUnreadableFiles) {
    kapi::ParseResult r = kapi::parse_file("/nonexistent/kapi.c");
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].file, "/nonexistent/kapi.c");
    EXPECT_EQ(r.errors[0].line, 0U);
    EXPECT_EQ(r.errors[0].message, "cannot open: No such file or directory");
}

TEST(FileTest, DiagnosticStr) {
    kapi::Diagnostic d{"specs/fs.c", 12, "unknown tag 'foo:'"};
    EXPECT_EQ(d.str(), "specs/fs.c:12: unknown tag 'foo:'");
}

// ---------------------------------------------------------------------------
// Diagnostics: each bad input gives one diagnostic, at the offending line.

struct ErrorCase {
    const char* name;
    std::string text; // a whole file
    std::uint32_t line;
    const char* message;
};

// A spec of sys_foo(int a) with extra lines after the prefix (from line 6).
std::string with(std::string_view extra) {
    return spec_text(std::string(kPrefix) + std::string(extra));
}

std::string with_decl(std::string_view body, std::string_view decl) {
    return spec_text(body, decl);
}

class ErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ErrorTest, ReportsOneDiagnostic) {
    const ErrorCase& c = GetParam();
    kapi::ParseResult r = kapi::parse_annotations(c.text, "t.c");
    EXPECT_THAT(r.specs.specs, IsEmpty());
    ASSERT_EQ(r.errors.size(), 1U) << errors_of(r) << c.text;
    EXPECT_EQ(r.errors[0].file, "t.c");
    EXPECT_EQ(r.errors[0].line, c.line) << c.text;
    EXPECT_EQ(r.errors[0].message, c.message) << c.text;
}

const ErrorCase kErrors[] = {
    {"unknown_tag", with("frobnicate: yes"), 6, "unknown tag 'frobnicate:'"},
    {"unknown_tag_in_long_desc", with("long-desc: text\n  more\nWarning: this"), 8,
     "unknown tag 'Warning:'"},
    {"unknown_sub_key", with("  colour: red"), 6, "unknown sub-key 'colour:' in 'param:' block"},
    {"indented_tag", with("  error: EINVAL, x"), 6,
     "unknown sub-key 'error:' in 'param:' block (tags start in the first column)"},
    {"duplicate_sub_key", with("  type: uint"), 6,
     "duplicate 'type:' in 'param:' block (first on line 5)"},
    {"duplicate_sub_key_alias", with("  desc: x\n  description: y"), 7,
     "duplicate 'desc:' in 'param:' block (first on line 6)"},
    {"column_zero_text_in_block", with("error: EIO, x\nstray text"), 7,
     "text in column 0 inside the 'error:' block; indent continuation lines"},
    {"column_zero_text_in_value", with("api-type: syscall\nstray"), 7,
     "text in column 0 inside the 'api-type:' block; indent continuation lines"},
    {"duplicate_tag", with("long-desc: a\nlong-desc: b"), 7,
     "duplicate tag 'long-desc:' (first on line 6)"},
    {"duplicate_context_spellings", with("contexts: process"), 6,
     "duplicate tag 'context-flags:' (first on line 3)"},
    {"duplicate_return", with("return:\n  type: int\nreturn:\n  type: int"), 8,
     "duplicate tag 'return:' (first on line 6)"},
    {"bad_param_type", spec_text("context-flags: KAPI_CTX_PROCESS\nparam: a\n  type: fdd"), 5,
     "unknown param type 'fdd' (expected one of: void, int, uint, ptr, struct, union, enum, "
     "func_ptr, array, fd, user_ptr, path, custom)"},
    {"bad_param_flag", with("  flags: KAPI_PARAM_FOO"), 6,
     "unknown param flag 'KAPI_PARAM_FOO' (expected one of: input, output, inout, optional, "
     "const, volatile, user, dma, aligned)"},
    {"bad_type_line_flag", spec_text("context-flags: process\nparam: a\n  type: int, inptu"), 5,
     "unknown param flag 'inptu' (expected one of: input, output, inout, optional, const, "
     "volatile, user, dma, aligned)"},
    {"bad_context_flag", spec_text("context-flags: KAPI_CTX_PROCESS | bogus\nparam: a"), 3,
     "unknown context flag 'bogus' (expected one of: process, softirq, hardirq, nmi, atomic, "
     "sleepable, preempt_disabled, irq_disabled)"},
    {"empty_contexts", spec_text("contexts:\nparam: a"), 3, "missing context flag"},
    {"bad_constraint_type", with("  constraint-type: between(1, 2)"), 6,
     "unknown constraint type 'between' (expected one of: none, range, mask, enum, alignment, "
     "power_of_two, page_aligned, nonzero, user_string, user_path, user_ptr, buffer, custom, fd, "
     "open_flags)"},
    {"constraint_expr_unclosed", with("  constraint-type: range(1, 2"), 6,
     "constraint-type: expected NAME(ARGS), got 'range(1, 2'"},
    {"bad_return_check", with("return:\n  check-type: positive"), 7,
     "unknown return check type 'positive' (expected one of: exact, range, error_check, fd, "
     "custom, no_return)"},
    {"bad_lock_type", with("lock: l\n  type: mutexx"), 7,
     "unknown lock type 'mutexx' (expected one of: none, mutex, spinlock, rwlock, seqlock, rcu, "
     "semaphore, custom)"},
    {"bad_lock_head_type", with("lock: l, bogus"), 6,
     "unknown lock type 'bogus' (expected one of: none, mutex, spinlock, rwlock, seqlock, rcu, "
     "semaphore, custom)"},
    {"bad_lock_scope", with("lock: l\n  scope: outer"), 7,
     "unknown lock scope 'outer' (expected one of: internal, acquires, releases, caller_held)"},
    {"lock_type_twice", with("lock: l, mutex\n  type: rcu"), 7,
     "lock: type given twice (first on line 6)"},
    {"bad_yes_no", with("lock: l\n  acquired: maybe"), 7,
     "acquired: expected yes or no, got 'maybe'"},
    {"bad_signal_direction", with("signal: x\n  direction: inbound"), 7,
     "unknown signal direction 'inbound' (expected one of: receive, send, handle, block, "
     "ignore)"},
    {"bad_signal_action", with("signal: x\n  action: explode"), 7,
     "unknown signal action 'explode' (expected one of: default, terminate, coredump, stop, "
     "continue, custom, return, restart, queue, discard, transform)"},
    {"bad_signal_timing", with("signal: x\n  timing: soon"), 7,
     "unknown signal timing 'soon' (expected one of: before, during, after, anytime, blocking, "
     "sleeping)"},
    {"bad_signal_state", with("signal: x\n  state-required: awake"), 7,
     "unknown signal state 'awake' (expected one of: running, sleeping, stopped, traced, "
     "zombie, dead)"},
    {"bad_restartable", with("signal: x\n  restartable: sometimes"), 7,
     "restartable: expected yes or no, got 'sometimes'"},
    {"unknown_signal", with("signal: SIGFOO"), 6, "unknown signal 'SIGFOO'"},
    {"unknown_signal_number", with("signal: x\n  number: SIGBAR"), 7, "unknown signal 'SIGBAR'"},
    {"signal_number_range", with("signal: x\n  number: 99"), 7,
     "signal number 99 is out of range 1..64"},
    {"unknown_transform", with("signal: x\n  transform-to: SIGNOPE"), 7,
     "unknown signal 'SIGNOPE'"},
    {"unknown_signal_errno", with("signal: x\n  errno: -EFOO"), 7, "unknown error 'EFOO'"},
    {"unknown_signal_errno_number", with("signal: x\n  error: -600"), 7,
     "unknown error number -600"},
    {"bad_sa_flag", with("signal: x\n  sa-flags-required: SA_NOPE"), 7,
     "unknown sigaction flag 'SA_NOPE'"},
    {"bad_priority", with("signal: x\n  priority: high"), 7,
     "priority: expected a number from 0 to 4294967295, got 'high'"},
    {"bad_priority_number", with("signal: x\n  priority: 0x"), 7,
     "priority: invalid number '0x': bad integer literal '0x'"},
    {"signal_without_name", with("signal:\n  direction: send"), 6, "signal: missing signal name"},
    {"bad_effect_type", with("side-effect: KAPI_EFFECT_MAGIC"), 6,
     "unknown side-effect type 'KAPI_EFFECT_MAGIC' (expected one of: none, alloc_memory, "
     "free_memory, modify_state, signal_send, file_position, lock_acquire, lock_release, "
     "resource_create, resource_destroy, schedule, hardware, network, filesystem, "
     "process_state, irreversible)"},
    {"effect_without_type", with("side-effect:\n  target: x"), 6,
     "side-effect: missing side-effect type"},
    {"effect_target_twice", with("side-effect: schedule, t, d\n  target: u"), 7,
     "side-effect: target given twice (first on line 6)"},
    {"effect_bad_reversible", with("side-effect: schedule\n  reversible: perhaps"), 7,
     "reversible: expected yes or no, got 'perhaps'"},
    {"transition_missing_to", with("state-trans: x\n  from: a"), 6,
     "state-trans: needs an object, 'from:' and 'to:'"},
    {"transition_flat_too_short", with("state-trans: x, y"), 6,
     "state-trans: expected 'OBJECT, FROM, TO[, DESC]', got 'x, y'"},
    {"transition_from_twice", with("state-trans: o, a, b\n  from: c"), 7,
     "state-trans: from given twice (first on line 6)"},
    {"bad_cap_action", with("capability: CAP_KILL\n  type: kill_all"), 7,
     "unknown capability action 'kill_all' (expected one of: bypass_check, increase_limit, "
     "override_restriction, grant_permission, modify_behavior, access_resource, "
     "perform_operation)"},
    {"unknown_capability", with("capability: CAP_FOO"), 6, "unknown capability 'CAP_FOO'"},
    {"capability_type_twice", with("capability: CAP_KILL, bypass\n  type: grant"), 7,
     "capability: type given twice (first on line 6)"},
    {"unknown_errno", with("error: EFOO, x"), 6, "unknown error 'EFOO'"},
    {"error_without_name", with("error:\n  desc: x"), 6, "error: missing error name"},
    {"duplicate_error", with("error: EBADF, x\nerror: EBADF, y"), 7,
     "duplicate error 'EBADF' (first on line 6)"},
    {"unknown_param_errno", with("  errno: EWHAT"), 6, "unknown error 'EWHAT'"},
    {"objects_unknown_name", with("error: EBADF, x\n  objects: sock, pipe"), 7,
     "objects: unknown object type or implementation 'pipe'"},
    {"objects_unknown_type", with("error: EBADF, x\n  objects: socket:tcp"), 7,
     "objects: unknown object type 'socket'"},
    {"objects_unknown_impl", with("error: EBADF, x\n  objects: sock:sctp"), 7,
     "objects: unknown object implementation 'sctp'"},
    {"objects_impl_as_type", with("error: EBADF, x\n  objects: proc:*"), 7,
     "objects: unknown object type 'proc' ('proc' is an implementation: write *:proc or proc)"},
    {"objects_type_as_impl", with("error: EBADF, x\n  objects: *:fifo"), 7,
     "objects: unknown object implementation 'fifo' ('fifo' is a type: write fifo:* or fifo)"},
    {"objects_every_object", with("error: EBADF, x\n  objects: *:*"), 7,
     "objects: '*:*' selects every object; leave objects: out instead"},
    {"objects_lone_star", with("error: EBADF, x\n  objects: reg, *"), 7,
     "objects: '*' selects every object; leave objects: out instead"},
    {"objects_empty_list", with("error: EBADF, x\n  objects:"), 7,
     "objects: empty list (leave objects: out for an error of every object)"},
    {"objects_empty_selector", with("error: EBADF, x\n  objects: reg,, dir"), 7,
     "objects: empty selector in 'reg,, dir'"},
    {"objects_duplicate", with("error: EBADF, x\n  objects: proc, dir, *:proc"), 7,
     "objects: duplicate selector '*:proc' (*:proc)"},
    {"objects_duplicate_spelling", with("error: EBADF, x\n  objects: fifo:*, fifo"), 7,
     "objects: duplicate selector 'fifo' (fifo:*)"},
    {"objects_names_are_lowercase", with("error: EBADF, x\n  objects: SOCK"), 7,
     "objects: unknown object type or implementation 'SOCK'"},
    {"constraint_without_name", with("constraint:\n  expr: x"), 6,
     "constraint: missing constraint name"},
    {"constraint_desc_twice", with("constraint: c, d\n  desc: e"), 7,
     "constraint: desc given twice (first on line 6)"},
    {"bad_number", with("  constraint-type: range(0, 12abc)"), 6,
     "range: invalid number '12abc': bad integer literal '12abc'"},
    {"bad_range", with("  constraint-type: range\n  range: 0"), 7,
     "range: expected 'MIN, MAX', got '0'"},
    {"bad_size", with("  size: 1 +"), 6, "size: invalid number '1 +': malformed expression"},
    {"range_arity", with("  constraint-type: range(1)"), 6,
     "range() takes 2 arguments (MIN, MAX), got 1 argument"},
    {"no_args_allowed", with("  constraint-type: nonzero(1)"), 6,
     "nonzero() takes no arguments, got 1 argument"},
    {"buffer_arity", with("  constraint-type: buffer(1, 2, 3)"), 6,
     "buffer() takes 1 or 2 arguments (SIZE_PARAM[, MULT]), got 3 arguments"},
    {"range_without_range_constraint", with("  range: 0, 1"), 6,
     "'range:' needs constraint-type KAPI_CONSTRAINT_RANGE or KAPI_CONSTRAINT_USER_STRING; "
     "param 'a' has KAPI_CONSTRAINT_NONE"},
    {"mask_without_mask_constraint", with("  constraint-type: nonzero\n  valid-mask: 3"), 7,
     "'valid-mask:' needs constraint-type KAPI_CONSTRAINT_MASK; param 'a' has "
     "KAPI_CONSTRAINT_NONZERO"},
    {"values_without_enum_constraint", with("  valid-values: 1, 2"), 6,
     "'valid-values:' needs constraint-type KAPI_CONSTRAINT_ENUM; param 'a' has "
     "KAPI_CONSTRAINT_NONE"},
    {"size_param_without_buffer", with("  size-param: 0"), 6,
     "'size-param:' needs constraint-type KAPI_CONSTRAINT_BUFFER or KAPI_CONSTRAINT_FD; param 'a' "
     "has KAPI_CONSTRAINT_NONE"},
    {"range_constraint_without_range", with("  constraint-type: KAPI_CONSTRAINT_RANGE"), 4,
     "param 'a': KAPI_CONSTRAINT_RANGE needs 'range: MIN, MAX' or range(MIN, MAX)"},
    {"mask_constraint_without_mask", with("  constraint-type: mask"), 4,
     "param 'a': KAPI_CONSTRAINT_MASK needs 'valid-mask:' or mask(BITS)"},
    {"enum_constraint_without_values", with("  constraint-type: enum"), 4,
     "param 'a': KAPI_CONSTRAINT_ENUM needs 'valid-values:' or enum(VALUES)"},
    {"alignment_constraint_without_alignment", with("  constraint-type: alignment"), 4,
     "param 'a': KAPI_CONSTRAINT_ALIGNMENT needs 'alignment:' or alignment(N)"},
    {"buffer_without_size_param", with("  constraint-type: buffer"), 4,
     "param 'a': KAPI_CONSTRAINT_BUFFER needs 'size-param:' or buffer(PARAM)"},
    {"aux_given_twice", with("  constraint-type: range(0, 1)\n  range: 0, 2"), 7,
     "'range:' repeats what constraint-type already gives"},
    {"size_param_out_of_range", with("  constraint-type: buffer(5)"), 6,
     "size-param of 'a': index 5 is out of range (sys_foo has 1 parameter)"},
    {"size_param_self", with("  constraint-type: buffer(0)"), 6,
     "size-param of 'a' refers to the parameter itself"},
    {"size_param_self_by_name", with("  constraint-type: buffer(a)"), 6,
     "size-param of 'a' refers to the parameter itself"},
    {"size_param_unknown_name", with("  constraint-type: buffer(len)"), 6,
     "size-param of 'a': 'len' is neither a parameter index nor a name"},
    {"missing_param_block", with_decl(kPrefix, "long sys_foo(int a, int b);"), 8,
     "parameter 'b' of sys_foo has no 'param:' block"},
    {"undeclared_param", with("param: zz\n  type: int"), 6,
     "'param: zz' names no parameter of sys_foo"},
    {"duplicate_param", with("param: a"), 6, "duplicate 'param: a' (first on line 4)"},
    {"bad_param_name", with("param: 1x"), 6, "param: '1x' is not a parameter name"},
    {"missing_param_name", with("param:\n  type: int"), 6, "param: missing parameter name"},
    {"unknown_at_param", spec_text("@zz: text\n\n" + std::string(kPrefix)), 3,
     "'@zz:' describes no parameter of sys_foo"},
    {"duplicate_at_param", spec_text("@a: one\n@a: two\n" + std::string(kPrefix)), 4,
     "duplicate '@a:' (first on line 3)"},
    {"ctype_in_syscall", with("  ctype: int"), 6,
     "'ctype:' is only for ioctl specs; the declaration gives the C type"},
    {"param_count_mismatch", with("param-count: 2"), 6,
     "param-count: 2 does not match the 1 parameter of sys_foo"},
    {"bad_param_count", with("param-count: two"), 6, "param-count: expected a number, got 'two'"},
    {"bad_api_type", with("api-type: method"), 6,
     "unknown API type 'method' (expected one of: syscall, ioctl, function)"},
    {"bad_deprecated", with("deprecated: sort of"), 6,
     "deprecated: expected yes or no, got 'sort of'"},
    {"bad_ioctl_cmd",
     "/**\n * f - x\n * contexts: process\n * api-type: ioctl\n"
     " * ioctl-cmd: 1 +\n */\n",
     5, "ioctl-cmd: invalid number '1 +': malformed expression"},
    {"ioctl_without_cmd",
     "/**\n * f - x\n * contexts: process\n * api-type: ioctl\n"
     " * long-desc: x\n */\n",
     2, "ioctl spec 'f' needs 'ioctl-cmd:'"},
    {"ioctl_cmd_outside_ioctl", with("ioctl-cmd: 5"), 6,
     "'ioctl-cmd:' is only for ioctl specs (api-type: ioctl)"},
    {"success_range_but_exact", with("return:\n  check-type: exact\n  success: >= 0"), 8,
     "success: '>= N' is a range, but check-type is KAPI_RETURN_EXACT"},
    {"bad_success", with("return:\n  success: >= zero)"), 7,
     "success: invalid number 'zero)': unbalanced parentheses"},
    {"missing_declaration", with_decl(kPrefix, ""), 2,
     "spec 'sys_foo' is not followed by a declaration"},
    {"declaration_too_far", with_decl(kPrefix, "\n\n\n\n\n\n\n\n\n\nlong sys_foo(int a);"), 2,
     "spec 'sys_foo' is not followed by a declaration"},
    {"next_spec_instead_of_declaration",
     with_decl(kPrefix, "") + "/**\n * sys_bar - x\n * contexts: process\n * long-desc: x\n"
                              " */\nlong sys_bar(void);\n",
     2, "spec 'sys_foo' is not followed by a declaration"},
    {"not_a_declaration", with_decl(kPrefix, "static int x = 5;"), 8,
     "expected the declaration of 'sys_foo' after its spec, found 'static int x = 5;'"},
    {"struct_instead_of_declaration", with_decl(kPrefix, "struct foo {\n\tint a;\n};"), 8,
     "expected the declaration of 'sys_foo' after its spec, found 'struct foo {'"},
    {"unreadable_declaration", with_decl(kPrefix, "FOO(sys_foo, 1)"), 8,
     "cannot read the declaration 'FOO(sys_foo, 1)'"},
    {"syscall_define_arity", with_decl(kPrefix, "SYSCALL_DEFINE2(foo, int, a)"), 8,
     "SYSCALL_DEFINE2(foo, ...) has 2 type and name arguments, expected 4"},
    {"unnamed_parameter", with_decl(kPrefix, "long sys_foo(int);"), 8,
     "sys_foo(): parameter 1 ('int') has no name"},
    {"name_mismatch", with_decl(kPrefix, "long sys_bar(int a);"), 2,
     "spec 'sys_foo' is followed by the declaration of 'sys_bar'"},
    {"no_name_line",
     "/**\n * context-flags: KAPI_CTX_PROCESS\n * long-desc: x\n */\nint x(void);\n", 2,
     "a spec must begin with 'name - summary'"},
    {"duplicate_spec", with("") + with(""), 10, "duplicate spec 'sys_foo' (first on line 2)"},
};

// limits that keep hostile input from crashing the parser
TEST(RobustnessTest, Limits) {
    std::string error;
    std::string deep = std::string(500, '(') + "1" + std::string(500, ')');
    EXPECT_EQ(kapi::parse_number(deep, &error), std::nullopt);
    EXPECT_EQ(error, "invalid number '" + deep + "': expression nested too deeply");
    std::string unary(1000, '-');
    EXPECT_EQ(kapi::parse_number(unary + "1", &error), std::nullopt);
    EXPECT_EQ(kapi::parse_number(std::string(100, '(') + "1" + std::string(100, ')')),
              num(1, std::string(100, '(') + "1" + std::string(100, ')')));

    kapi::ParseResult r = kapi::parse_annotations(
        with_decl(kPrefix, "SYSCALL_DEFINE99999999999999999999(foo, int, a)"), "t.c");
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].message, "cannot read the declaration "
                                   "'SYSCALL_DEFINE99999999999999999999(foo, int, a)'");
    r = kapi::parse_annotations(with("signal: x\n  errno: -9223372036854775808"), "t.c");
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].message, "unknown error number -9223372036854775808");
}

// Every prefix of the upstream fixtures, and every fixture with one byte
// changed, parses to a result (errors or specs) without crashing.
TEST(RobustnessTest, TruncatedAndMutatedInput) {
    for (const char* name : {"sys_read.txt", "sys_open.shortform.txt", "sys_close.shortform.txt"}) {
        std::string text = upstream(name);
        for (std::size_t n = 0; n <= text.size(); n += 53) {
            kapi::ParseResult r = kapi::parse_annotations(text.substr(0, n), name);
            EXPECT_TRUE(r.ok() || r.specs.specs.empty());
        }
        const char replacements[] = {'\0', '\n', '*', '/', ':', '(', ')', ',', '|', ' ', 'x'};
        std::size_t k = 0;
        for (std::size_t i = 0; i < text.size(); i += 41) {
            std::string mutated = text;
            mutated[i] = replacements[k++ % sizeof(replacements)];
            kapi::ParseResult r = kapi::parse_annotations(mutated, name);
            EXPECT_TRUE(r.ok() || r.specs.specs.empty());
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Diagnostics, ErrorTest, ::testing::ValuesIn(kErrors),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(DiagnosticsTest, ErrorsAreReportedTogether) {
    std::string text = with("  type2: x\nbogus: y\nerror: ENOPE");
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    ASSERT_EQ(r.errors.size(), 3U) << errors_of(r);
    EXPECT_EQ(r.errors[0].str(), "t.c:6: unknown sub-key 'type2:' in 'param:' block");
    EXPECT_EQ(r.errors[1].str(), "t.c:7: unknown tag 'bogus:'");
    EXPECT_EQ(r.errors[2].str(), "t.c:8: unknown error 'ENOPE'");
}

} // namespace

// --- comments that look meant as specs but are not --------------------------

namespace {

kapi::ParseResult parse_comment(const std::string& body) {
    return kapi::parse_annotations("/**\n" + body + " */\nlong f(int a);\n", "w.c");
}

} // namespace

TEST(AlmostSpecTest, ContextFlagsAloneIsAWarning) {
    kapi::ParseResult r = parse_comment(" * sys_foo - foo\n *\n * contexts: process\n");
    EXPECT_TRUE(r.ok());
    EXPECT_TRUE(r.specs.specs.empty());
    ASSERT_EQ(r.warnings.size(), 1U);
    EXPECT_EQ(r.warnings[0].str(), "w.c:1: warning: kerneldoc comment with 'contexts:' but no "
                                   "other spec tag is not a spec (ignored)");
}

TEST(AlmostSpecTest, SpecTagsWithoutContextFlagsIsAWarning) {
    kapi::ParseResult r = parse_comment(" * sys_foo - foo\n"
                                        " * @a: the argument\n"
                                        " *\n"
                                        " * param-count: 1\n"
                                        " * error: EBADF, a bad descriptor\n"
                                        " * error: EINVAL, bad\n"
                                        " * return: 0\n");
    EXPECT_TRUE(r.ok());
    EXPECT_TRUE(r.specs.specs.empty());
    ASSERT_EQ(r.warnings.size(), 1U);
    EXPECT_EQ(r.warnings[0].str(),
              "w.c:1: warning: kerneldoc comment with spec tags ('param-count:', 'error:') but "
              "no 'contexts:' tag is not a spec (ignored)");
}

TEST(AlmostSpecTest, OrdinaryKerneldocIsNoWarning) {
    for (const char* body : {
             // kerneldoc's own sections
             " * f - do f\n * @a: a\n *\n * Context: process.\n * Return: 0 on success.\n",
             // one spec-like word in prose
             " * f - do f\n *\n * returns 0.\n * side-effect: a is set.\n",
             // a DOC: block that speaks of contexts
             " * DOC: Logical Ring Contexts\n *\n * Contexts: many.\n",
             // not a name line
             " * Some prose first.\n * contexts: process\n",
         }) {
        SCOPED_TRACE(body);
        kapi::ParseResult r = parse_comment(body);
        EXPECT_TRUE(r.ok());
        EXPECT_TRUE(r.warnings.empty()) << r.warnings[0].str();
    }
    // A spec is a spec, without a warning.
    kapi::ParseResult r = kapi::parse_annotations(spec_text(std::string(kPrefix)), "t.c");
    EXPECT_TRUE(r.ok()) << errors_of(r);
    EXPECT_EQ(r.specs.specs.size(), 1U);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(AlmostSpecTest, ThePreFilterPassesWhatTheParserWarnsAbout) {
    EXPECT_TRUE(kapi::may_contain_specs("/**\n * sys_foo - foo\n * param-count: 1\n"
                                        " * api-type: syscall\n */\n"));
    EXPECT_FALSE(kapi::may_contain_specs("/**\n * f - foo\n * Return: 1\n */\n"));
}

// ---- Structs (Documentation/spec-language.rst, "Structs") ------------------------

namespace {

constexpr const char* kIovecStruct = R"(/**
 * struct: iovec
 * desc: one segment
 * size: sizeof(struct iovec)
 * alignment: 8
 *
 * field: iov_base
 *   type: user_ptr, input
 *   type-name: void __user *
 *   offset: offsetof(struct iovec, iov_base)
 *   size: 8
 *   cdesc: where the segment starts
 *
 * field: iov_len
 *   type: uint, input
 *   type-name: __kernel_size_t
 *   offset: 8
 *   size: 8
 *   constraint-type: range(0, SSIZE_MAX)
 *   errno: EINVAL
 */
)";

// A function whose vec param is an array of iovec counted by vlen.
std::string vec_spec(const std::string& vec_keys) {
    return R"(/**
 * kvec - take segments
 * @vec: the segments
 * @vlen: how many
 *
 * contexts: process
 *
 * param: vec
 *   type: user_ptr, input
)" + vec_keys + R"( *
 * param: vlen
 *   type: uint, input
 */
long kvec(const struct iovec __user *vec, unsigned long vlen);
)";
}

} // namespace

TEST(StructTest, ParsesAStructAndAnArrayOfIt) {
    kapi::ParseResult r = kapi::parse_annotations(
        std::string(kIovecStruct) +
            vec_spec(" *   struct: iovec\n *   count-param: vlen\n *   max-count: UIO_MAXIOV\n"),
        "t.c");
    ASSERT_TRUE(r.ok()) << r.errors.front().str();
    ASSERT_EQ(r.specs.structs.size(), 1U);
    const kapi::StructSpec& st = r.specs.structs[0];
    EXPECT_EQ(st.name, "iovec");
    EXPECT_EQ(st.description, "one segment");
    EXPECT_EQ(st.size.expr, "sizeof(struct iovec)");
    EXPECT_FALSE(st.size.value);
    EXPECT_EQ(st.alignment.value, 8);
    ASSERT_EQ(st.fields.size(), 2U);
    EXPECT_EQ(st.fields[0].name, "iov_base");
    EXPECT_EQ(st.fields[0].type, KAPI_TYPE_USER_PTR);
    EXPECT_EQ(st.fields[0].flags, KAPI_PARAM_IN | KAPI_PARAM_USER);
    EXPECT_EQ(st.fields[0].type_name, "void __user *");
    EXPECT_EQ(st.fields[0].offset.expr, "offsetof(struct iovec, iov_base)");
    EXPECT_EQ(st.fields[0].description, "where the segment starts");
    EXPECT_EQ(st.fields[0].violation_error, "");
    EXPECT_EQ(st.fields[1].constraint, KAPI_CONSTRAINT_RANGE);
    EXPECT_EQ(st.fields[1].min.value, 0);
    EXPECT_EQ(st.fields[1].max.expr, "SSIZE_MAX");
    EXPECT_EQ(st.fields[1].offset.value, 8);
    EXPECT_EQ(st.fields[1].violation_error, "EINVAL");
    ASSERT_EQ(r.specs.specs.size(), 1U);
    const kapi::Param& vec = r.specs.specs[0].params[0];
    EXPECT_EQ(vec.struct_name, "iovec");
    EXPECT_EQ(vec.count_param, 1);
    EXPECT_EQ(vec.max_count.expr, "UIO_MAXIOV");
    EXPECT_EQ(r.specs.specs[0].params[1].struct_name, "");
    EXPECT_EQ(r.specs.specs[0].params[1].count_param, -1);
    ASSERT_EQ(r.struct_refs.size(), 1U);
    EXPECT_EQ(r.struct_refs[0].name, "iovec");
    EXPECT_EQ(r.struct_refs[0].param, "vec");
    EXPECT_EQ(r.struct_refs[0].line, 31U);
    EXPECT_TRUE(kapi::link_structs(r.specs, r.struct_refs).empty());
}

// A struct pointer with a size parameter (open_how and its usize).
TEST(StructTest, AStructPointerMayHaveASizeParam) {
    kapi::ParseResult r = kapi::parse_annotations(
        std::string(kIovecStruct) + vec_spec(" *   struct: iovec\n *   size-param: vlen\n"),
        "t.c");
    ASSERT_TRUE(r.ok()) << r.errors.front().str();
    EXPECT_EQ(r.specs.specs[0].params[0].size_param, 1);
    EXPECT_EQ(r.specs.specs[0].params[0].count_param, -1);
}

TEST(StructTest, UnknownStructIsAnErrorWithItsLine) {
    kapi::ParseResult r = kapi::parse_annotations(vec_spec(" *   struct: iovec2\n"), "t.c");
    ASSERT_TRUE(r.ok()); // another file may describe it
    std::vector<kapi::Diagnostic> d = kapi::link_structs(r.specs, r.struct_refs);
    ASSERT_EQ(d.size(), 1U);
    EXPECT_EQ(d[0].str(), "t.c:10: param 'vec' of kvec: unknown struct 'iovec2' (no 'struct: "
                          "iovec2' comment in the inputs)");
}

TEST(StructTest, CountParamThatDoesNotExistIsAnError) {
    kapi::ParseResult r = kapi::parse_annotations(
        std::string(kIovecStruct) + vec_spec(" *   struct: iovec\n *   count-param: nvec\n"),
        "t.c");
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].str(), "t.c:32: count-param of 'vec': 'nvec' is not a parameter of kvec");
}

TEST(StructTest, CountParamNeedsAStruct) {
    kapi::ParseResult r =
        kapi::parse_annotations(vec_spec(" *   count-param: vlen\n"), "t.c");
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.errors[0].str(),
              "t.c:10: 'count-param:' needs 'struct:' (an array of structs); param 'vec' has none");
}

TEST(StructTest, DuplicateFieldIsAnError) {
    std::string text = kIovecStruct;
    text.replace(text.find("field: iov_len"), 14, "field: iov_base");
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].str(),
              "t.c:14: duplicate 'field: iov_base' in struct iovec (first on line 7)");
    EXPECT_TRUE(r.specs.structs.empty());
}

TEST(StructTest, FieldBeyondTheStructIsAnError) {
    std::string text = kIovecStruct;
    text.replace(text.find("sizeof(struct iovec)"), 20, "12");
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].str(),
              "t.c:14: field 'iov_len' (offset 8, size 8) lies beyond struct iovec (size 12)");
}

TEST(StructTest, DuplicateStructIsAnError) {
    kapi::ParseResult r =
        kapi::parse_annotations(std::string(kIovecStruct) + "\n" + kIovecStruct, "t.c");
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].str(), "t.c:23: duplicate struct 'iovec' (first on line 1)");
}

TEST(StructTest, FieldNeedsOffsetAndSizeAndStructNeedsSize) {
    kapi::ParseResult r = kapi::parse_annotations(
        "/**\n * struct: s\n *\n * field: a\n *   type: int\n */\n", "t.c");
    std::vector<std::string> msgs;
    for (const kapi::Diagnostic& d : r.errors)
        msgs.push_back(d.str());
    EXPECT_THAT(msgs, ElementsAre("t.c:4: field 'a' of struct s needs 'offset:'",
                                  "t.c:4: field 'a' of struct s needs 'size:'",
                                  "t.c:2: struct s needs 'size:'"));
}

TEST(StructTest, UnknownFieldSubKeyIsAnError) {
    std::string text = kIovecStruct;
    text.replace(text.find("cdesc:"), 6, "count-param:");
    kapi::ParseResult r = kapi::parse_annotations(text, "t.c");
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].str(), "t.c:12: unknown sub-key 'count-param:' in 'field:' block");
}
