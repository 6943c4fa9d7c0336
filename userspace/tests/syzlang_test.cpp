// SPDX-License-Identifier: GPL-2.0
//
// The syzlang output against the rules of syzkaller's description language
// that make syzkaller's compiler (syz-sysgen) refuse a file, and against
// golden outputs of the project's own specs: module/specs/fs.c and the
// sample module's ioctls (samples/kapi_sample_specs.c, read from the source
// and from its compiled image). The rules are checked here by a small
// reader of the subset of syzlang kapi-dump writes (SyzlangChecker), so the
// test needs neither syzkaller nor Go; Documentation/kapi-dump.rst says how
// the same output was checked with syzkaller's real compiler. Regenerate
// the golden files on purpose with KAPI_UPDATE_GOLDEN=1.

#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/model.h"
#include "kapi/parser.h"
#include "kapi/render.h"
#include "kapi/source.h"
#include "test_util.h"
#include "uapi/linux/kapi.h"

namespace {

using kapi::Param;
using kapi::Spec;
using kapi::SpecSet;
using kapi_test::read_file;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kData = KAPI_TEST_DATA_DIR;
const std::string kRepo = KAPI_TEST_REPO_DIR;
const std::string kFixtures = KAPI_TEST_FIXTURE_DIR;

// --- the rules ---------------------------------------------------------------

// A type expression: NAME[ARG, ...]; an argument is a type, a number, a
// range A:B or a string literal.
struct TypeExpr {
    std::string name;      // identifier, number, or "\"...\"" for strings
    std::string range_end; // B of A:B
    bool has_range = false;
    std::vector<TypeExpr> args;
};

bool is_ident(const std::string& s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_'))
        return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
            return false;
    return true;
}

bool is_number(const std::string& s) {
    if (s.empty())
        return false;
    std::size_t i = s[0] == '-' ? 1 : 0;
    if (s.compare(i, 2, "0x") == 0) {
        if (s.size() == i + 2)
            return false;
        for (std::size_t j = i + 2; j < s.size(); j++)
            if (!std::isxdigit(static_cast<unsigned char>(s[j])))
                return false;
        return true;
    }
    if (s.size() == i)
        return false;
    for (std::size_t j = i; j < s.size(); j++)
        if (!std::isdigit(static_cast<unsigned char>(s[j])))
            return false;
    return true;
}

// Checks a syzlang file: errors() lists every broken rule, each with its
// line, and is empty for a file syzkaller's compiler would accept (as far
// as the rules below go).
class SyzlangChecker {
public:
    explicit SyzlangChecker(const std::string& text) {
        std::istringstream in(text);
        std::string line;
        std::vector<std::string> lines;
        while (std::getline(in, line))
            lines.push_back(line);
        declare_all(lines);
        for (std::size_t i = 0; i < lines.size(); i++)
            check_line(lines, i);
        for (const auto& [res, where] : inputs_)
            if (!made(res))
                error(where, "resource " + res + " can't be created (no call returns it)");
        for (const std::string& res : returned_)
            if (resources_.count(res) && !taken(res))
                error(returned_at_.at(res), "resource " + res + " is never used as an input");
    }

    const std::vector<std::string>& errors() const { return errors_; }

private:
    std::vector<std::string> errors_;
    std::map<std::string, std::string> resources_; // name -> base
    std::set<std::string> flags_, structs_, declared_;
    std::set<std::string> returned_;
    std::map<std::string, std::size_t> returned_at_; // resource -> line
    std::map<std::string, std::size_t> inputs_;      // resource -> line used
    std::size_t line_ = 0;

    void error(std::size_t line, const std::string& msg) {
        errors_.push_back("line " + std::to_string(line + 1) + ": " + msg);
    }
    void error(const std::string& msg) { error(line_, msg); }

    static std::string strip(std::string s) {
        bool quoted = false;
        for (std::size_t i = 0; i < s.size(); i++) {
            if (s[i] == '"')
                quoted = !quoted;
            if (s[i] == '#' && !quoted) {
                s.resize(i);
                break;
            }
        }
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
            s.pop_back();
        std::size_t b = 0;
        while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b])))
            b++;
        return s.substr(b);
    }

    static bool builtin(const std::string& n) {
        static const std::set<std::string> names = {
            "int8",     "int16",    "int32",  "int64",           "intptr", "int16be",
            "int32be",  "int64be",  "flags",  "const",           "len",    "bytesize",
            "ptr",      "ptr64",    "buffer", "array",           "string", "stringnoz",
            "filename", "glob",     "vma",    "vma64",           "proc",   "text",
            "void",     "fd",       "bool8",  "bool16",          "bool32", "bool64",
            "fmt",      "offsetof", "csum",   "compressed_image"};
        return names.count(n) != 0;
    }

    void declare(const std::string& name, const std::string& kind) {
        if (!is_ident(name))
            error(kind + " name '" + name + "' is not an identifier");
        else if (name == "opt" || name == "in" || name == "out" || name == "inout")
            error(kind + " uses reserved name " + name);
        else if (builtin(name))
            error(kind + " " + name + " redeclares a builtin type");
        else if (!declared_.insert(name).second)
            error(kind + " " + name + " redeclared");
        else if (kind != "define" && !name.starts_with("kapi_"))
            error(kind + " " + name + " may clash with syzkaller's names: no kapi_ prefix");
        else if (kind == "define" && !name.starts_with("KAPI_"))
            error("define " + name + " may clash with a kernel macro: no KAPI_ prefix");
    }

    // First pass: the names every later line may refer to.
    void declare_all(const std::vector<std::string>& lines) {
        for (line_ = 0; line_ < lines.size(); line_++) {
            std::string l = strip(lines[line_]);
            if (l.starts_with("resource ")) {
                std::size_t open = l.find('['), close = l.find(']');
                if (open == std::string::npos || close == std::string::npos || close < open) {
                    error("resource without a base type");
                    continue;
                }
                std::string name = l.substr(9, open - 9);
                declare(name, "resource");
                resources_[name] = l.substr(open + 1, close - open - 1);
            } else if (l.starts_with("define ")) {
                std::istringstream w(l.substr(7));
                std::string name;
                w >> name;
                declare(name, "define");
            } else if (std::size_t eq = l.find(" = "); eq != std::string::npos) {
                declare(l.substr(0, eq), "flags");
                flags_.insert(l.substr(0, eq));
            } else if (l.ends_with(" {")) {
                declare(l.substr(0, l.size() - 2), "struct");
                structs_.insert(l.substr(0, l.size() - 2));
            } else if (std::size_t paren = l.find('(');
                       paren != std::string::npos && !l.starts_with("define")) {
                std::size_t close = l.rfind(')');
                std::string ret = close == std::string::npos ? "" : strip(l.substr(close + 1));
                if (!ret.empty()) {
                    returned_.insert(ret);
                    returned_at_.emplace(ret, line_);
                }
            }
        }
    }

    bool made(const std::string& res) const {
        // A call that returns RES or a resource derived from it.
        for (const std::string& r : returned_)
            for (std::string cur = r; resources_.count(cur); cur = resources_.at(cur))
                if (cur == res)
                    return true;
        return false;
    }

    bool taken(const std::string& res) const {
        // A call that takes RES or a resource derived from it.
        for (const auto& in : inputs_)
            for (std::string cur = in.first; resources_.count(cur); cur = resources_.at(cur))
                if (cur == res)
                    return true;
        return false;
    }

    // Parses a type expression from S at POS.
    bool parse(const std::string& s, std::size_t& pos, TypeExpr& t) {
        while (pos < s.size() && s[pos] == ' ')
            pos++;
        if (pos < s.size() && s[pos] == '"') {
            std::size_t end = s.find('"', pos + 1);
            if (end == std::string::npos)
                return false;
            t.name = s.substr(pos, end + 1 - pos);
            pos = end + 1;
            return true;
        }
        std::size_t b = pos;
        while (pos < s.size() &&
               (std::isalnum(static_cast<unsigned char>(s[pos])) || s[pos] == '_' || s[pos] == '-'))
            pos++;
        t.name = s.substr(b, pos - b);
        if (t.name.empty())
            return false;
        if (pos < s.size() && s[pos] == ':') {
            b = ++pos;
            while (pos < s.size() &&
                   (std::isalnum(static_cast<unsigned char>(s[pos])) || s[pos] == '-'))
                pos++;
            t.has_range = true;
            t.range_end = s.substr(b, pos - b);
            return is_number(t.name) && is_number(t.range_end);
        }
        if (pos < s.size() && s[pos] == '[') {
            pos++;
            for (;;) {
                TypeExpr a;
                if (!parse(s, pos, a))
                    return false;
                t.args.push_back(a);
                while (pos < s.size() && s[pos] == ' ')
                    pos++;
                if (pos < s.size() && s[pos] == ',') {
                    pos++;
                    continue;
                }
                if (pos < s.size() && s[pos] == ']') {
                    pos++;
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    static std::int64_t num(const std::string& s) { return std::stoll(s, nullptr, 0); }

    void check_int(const TypeExpr& t) {
        if (t.args.size() > 1) {
            error(t.name + " takes at most 1 argument");
            return;
        }
        if (t.args.empty() || !t.args[0].has_range)
            return;
        std::int64_t lo = num(t.args[0].name), hi = num(t.args[0].range_end);
        if (lo > hi)
            error("bad int range [" + t.args[0].name + ":" + t.args[0].range_end + "]");
        int bits = t.name == "intptr" ? 32 : std::stoi(t.name.substr(3));
        if (bits >= 64)
            return;
        std::int64_t umax = (std::int64_t{1} << bits) - 1;
        std::int64_t smin = -(std::int64_t{1} << (bits - 1)), smax = -smin - 1;
        if (!((lo >= 0 && hi <= umax) || (lo >= smin && hi <= smax)))
            error("int range [" + t.args[0].name + ":" + t.args[0].range_end +
                  "] is too large for " + t.name);
    }

    void check_dir(const TypeExpr& t) {
        if (t.name != "in" && t.name != "out" && t.name != "inout")
            error("'" + t.name + "' is not a direction");
    }

    // Checks type T; SIBLINGS are the names len[] may refer to; ARG: a
    // call argument (resources there are inputs); OPT_OK: opt allowed.
    void check_type(const TypeExpr& t, const std::set<std::string>& siblings, bool arg,
                    bool in_ptr) {
        const std::string& n = t.name;
        std::size_t a = t.args.size();
        auto arity = [&](std::size_t lo, std::size_t hi) {
            if (a < lo || a > hi) {
                error(n + " takes " + std::to_string(lo) + " to " + std::to_string(hi) +
                      " arguments, not " + std::to_string(a));
                return false;
            }
            return true;
        };
        auto is_opt = [&](std::size_t i) { return a > i && t.args[i].name == "opt"; };
        if (n == "int8" || n == "int16" || n == "int32" || n == "int64" || n == "intptr") {
            check_int(t);
        } else if (n == "flags") {
            if (arity(1, 2) && !flags_.count(t.args[0].name))
                error("unknown flags " + t.args[0].name);
        } else if (n == "const") {
            if (arity(1, 2) && !is_ident(t.args[0].name) && !is_number(t.args[0].name))
                error("const of '" + t.args[0].name + "'");
        } else if (n == "len" || n == "bytesize") {
            if (arity(1, 2) && !siblings.count(t.args[0].name))
                error(n + " of unknown field " + t.args[0].name);
        } else if (n == "ptr" || n == "ptr64") {
            if (!arity(2, 3))
                return;
            check_dir(t.args[0]);
            if (a == 3 && !is_opt(2))
                error("ptr's third argument must be opt");
            check_type(t.args[1], {}, false, true);
        } else if (n == "buffer") {
            if (arity(1, 1))
                check_dir(t.args[0]);
        } else if (n == "array") {
            if (arg)
                error("array as a call argument (only behind a pointer)");
            if (!arity(1, 2))
                return;
            check_type(t.args[0], {}, false, true);
            if (a == 2 && !is_number(t.args[1].name) && !is_ident(t.args[1].name))
                error("array size '" + t.args[1].name + "'");
        } else if (n == "string" || n == "filename") {
            if (!in_ptr)
                error(n + " outside a pointer");
            if (n == "filename" ? !arity(0, 1) || (a == 1 && !is_opt(0)) : !arity(0, 2))
                return;
            if (n == "string" && a >= 1 && t.args[0].name[0] != '"' && !is_opt(0))
                error("string of '" + t.args[0].name + "'");
        } else if (resources_.count(n)) {
            if (arity(0, 1) && a == 1 && !is_opt(0))
                error("resource " + n + " takes only opt");
            if (arg)
                inputs_.emplace(n, line_);
        } else if (structs_.count(n)) {
            arity(0, 0);
        } else {
            error("unknown type " + n);
        }
    }

    // "name type, name type" -> (name, type) pairs, split at top-level commas.
    std::vector<std::pair<std::string, TypeExpr>> fields(const std::string& s) {
        std::vector<std::pair<std::string, TypeExpr>> out;
        std::size_t pos = 0;
        while (pos < s.size()) {
            while (pos < s.size() && (s[pos] == ' ' || s[pos] == ',' || s[pos] == '\t'))
                pos++;
            if (pos >= s.size())
                break;
            std::size_t b = pos;
            while (pos < s.size() && s[pos] != ' ' && s[pos] != '\t')
                pos++;
            std::string name = s.substr(b, pos - b);
            while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t'))
                pos++;
            TypeExpr t;
            if (!parse(s, pos, t)) {
                error("cannot read the type of " + name);
                break;
            }
            out.emplace_back(name, t);
        }
        return out;
    }

    void check_fields(const std::vector<std::pair<std::string, TypeExpr>>& fs, bool args) {
        std::set<std::string> names;
        for (const auto& [name, t] : fs) {
            if (!is_ident(name))
                error("field name '" + name + "' is not an identifier");
            if (name == "parent" || name == "syscall")
                error("reserved field name " + name);
            if (!names.insert(name).second)
                error("duplicate field " + name);
        }
        for (const auto& f : fs)
            check_type(f.second, names, args, false);
    }

    void check_line(const std::vector<std::string>& lines, std::size_t& i) {
        line_ = i;
        std::string l = strip(lines[i]);
        if (l.empty())
            return;
        if (l.starts_with("include ") || l.starts_with("incdir ")) {
            std::string path = strip(l.substr(l.find(' ') + 1));
            if (path.size() < 3 || path.front() != '<' || path.back() != '>')
                error("include/incdir takes <path>");
        } else if (l.starts_with("resource ")) {
            const std::string& base = resources_[l.substr(9, l.find('[') - 9)];
            if (base != "int8" && base != "int16" && base != "int32" && base != "int64" &&
                base != "intptr" && !resources_.count(base))
                error("resource base " + base + " is not an int type or a resource");
        } else if (l.starts_with("define ")) {
            // Anything C; checked by the compiler of syz-extract.
        } else if (std::size_t eq = l.find(" = "); eq != std::string::npos) {
            std::string values = l.substr(eq + 3);
            std::istringstream w(values);
            std::string v;
            while (std::getline(w, v, ',')) {
                v = strip(v);
                if (!is_ident(v) && !is_number(v))
                    error("flag value '" + v + "'");
            }
        } else if (l.ends_with(" {")) {
            std::vector<std::pair<std::string, TypeExpr>> fs;
            for (i++; i < lines.size() && strip(lines[i]) != "}"; i++) {
                line_ = i;
                auto f = fields(strip(lines[i]));
                fs.insert(fs.end(), f.begin(), f.end());
            }
            if (fs.empty())
                error("struct without fields");
            check_fields(fs, false);
        } else if (std::size_t paren = l.find('('); paren != std::string::npos) {
            std::string name = l.substr(0, paren);
            std::size_t dollar = name.find('$');
            if (dollar == std::string::npos)
                error("call " + name + " is no variant: it redeclares syzkaller's own");
            else if (!is_ident(name.substr(0, dollar)) || !is_ident(name.substr(dollar + 1)))
                error("call name " + name);
            else if (!name.substr(dollar + 1).starts_with("kapi"))
                error("call variant " + name + " may clash with syzkaller's: not $kapi...");
            std::size_t close = l.rfind(')');
            auto fs = fields(l.substr(paren + 1, close - paren - 1));
            if (fs.size() > 9)
                error("call " + name + " has more than 9 arguments");
            check_fields(fs, true);
            std::string ret = strip(l.substr(close + 1));
            if (!ret.empty() && !resources_.count(ret))
                error("call returns " + ret + ", not a resource");
        } else {
            error("cannot read '" + l + "'");
        }
    }
};

std::vector<std::string> check(const std::string& text) {
    return SyzlangChecker(text).errors();
}

// --- the inputs ------------------------------------------------------------

SpecSet parse(const std::string& path, const std::string& name) {
    kapi::ParseResult r = kapi::parse_annotations(read_file(path), name);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().str());
    return r.specs;
}

SpecSet read_elf(const std::string& path) {
    kapi::SourceResult r = kapi::elf_source(path)->read();
    EXPECT_TRUE(r.ok()) << path;
    return r.specs;
}

// Golden name -> specs: the project's own specs, from sources and (the
// sample's, compiled for the host by the build) from an image.
const std::map<std::string, SpecSet>& inputs() {
    static const std::map<std::string, SpecSet> specs = {
        {"fs", parse(kRepo + "/module/specs/fs.c", "module/specs/fs.c")},
        {"rw", parse(kRepo + "/module/specs/rw.c", "module/specs/rw.c")},
        {"kapi_sample",
         parse(kRepo + "/samples/kapi_sample_specs.c", "samples/kapi_sample_specs.c")},
        {"kapi_sample.elf", read_elf(kFixtures + "/sample_specs.o")},
        {"render.elf", read_elf(kFixtures + "/render_specs.o")},
    };
    return specs;
}

std::string render(const SpecSet& specs, const Spec* one = nullptr) {
    std::unique_ptr<kapi::Renderer> r = kapi::find_renderer("syzlang")->make(kapi::RenderOptions{});
    std::ostringstream out;
    if (one)
        r->spec(*one, out);
    else
        r->list(specs, out);
    return out.str();
}

// --- golden outputs ---------------------------------------------------------

class SyzlangGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SyzlangGoldenTest, MatchesGoldenFileAndFollowsTheRules) {
    std::string out = render(inputs().at(GetParam()));
    const std::string path = kData + "/golden/syzlang/" + GetParam() + ".syz";
    EXPECT_THAT(check(out), ::testing::IsEmpty());
    if (kapi_test::update_golden()) {
        kapi_test::write_file(path, out);
        GTEST_SKIP() << "rewrote " << path;
    }
    std::string golden = read_file(path);
    EXPECT_EQ(out, golden) << "the syzlang output changed; if that is intended, rerun with "
                           << "KAPI_UPDATE_GOLDEN=1 and review the diff of " << path;
    // The golden file itself keeps to the rules (it is what was checked
    // with syzkaller's compiler).
    EXPECT_THAT(check(golden), ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Specs, SyzlangGoldenTest,
                         ::testing::Values("fs", "rw", "kapi_sample", "kapi_sample.elf"),
                         [](const ::testing::TestParamInfo<std::string>& p) {
                             std::string n = p.param;
                             for (char& c : n)
                                 if (c == '.')
                                     c = '_';
                             return n;
                         });

// Each spec alone makes a file that compiles too (kapi-dump --syzlang NAME).
TEST(SyzlangRulesTest, EverySpecAloneFollowsTheRules) {
    for (const auto& [name, specs] : inputs())
        for (const Spec& s : specs.specs)
            EXPECT_THAT(check(render(specs, &s)), ::testing::IsEmpty()) << name << " " << s.name;
}

// Both spec files in one output (--source on a directory of both, or a
// system where both modules are loaded): one declaration of each name.
TEST(SyzlangRulesTest, AllSpecsTogetherFollowTheRules) {
    SpecSet all = inputs().at("fs");
    for (const Spec& s : inputs().at("kapi_sample.elf").specs)
        all.specs.push_back(s);
    std::string out = render(all);
    EXPECT_THAT(check(out), ::testing::IsEmpty());
    EXPECT_THAT(out, HasSubstr("\nioctl$kapi_sample_ioc_set("));
    EXPECT_THAT(out, HasSubstr("\nread$kapi("));
}

TEST(SyzlangRulesTest, TheTestFixturesFollowTheRules) {
    EXPECT_THAT(check(render(inputs().at("render.elf"))), ::testing::IsEmpty());
}

// --- what the output says -----------------------------------------------------

TEST(SyzlangRenderTest, FileSystemCallsAreKapiVariants) {
    std::string out = render(inputs().at("fs"));
    EXPECT_THAT(out, HasSubstr("\nresource kapi_fd[int32]: -1\n"));
    EXPECT_THAT(out, HasSubstr("\nresource kapi_fd_dir[kapi_fd]: AT_FDCWD\n"));
    EXPECT_THAT(out, HasSubstr("\nread$kapi(fd kapi_fd, buf buffer[out], count len[buf])\n"));
    EXPECT_THAT(out, HasSubstr("\nwrite$kapi(fd kapi_fd, buf buffer[in], count len[buf])\n"));
    // close accepts negative numbers (KAPI_FD_NEGATIVE_OK): -1 is fine.
    EXPECT_THAT(out, HasSubstr("\nclose$kapi(fd kapi_fd[opt])\n"));
    EXPECT_THAT(out, HasSubstr("\nopen$kapi(filename ptr[in, filename], flags "
                               "flags[kapi_open_flags], mode flags[kapi_open_mode]) kapi_fd\n"));
    // openat's dfd: a directory or AT_FDCWD (KAPI_FD_DIR | KAPI_FD_AT_FDCWD).
    EXPECT_THAT(out, HasSubstr("\nopenat$kapi(dfd kapi_fd_dir[opt], filename ptr[in, filename], "
                               "flags flags[kapi_open_flags], mode flags[kapi_open_mode]) "
                               "kapi_fd\n"));
    EXPECT_THAT(out, HasSubstr(") kapi_fd_dir\n"));
    EXPECT_THAT(out, HasSubstr("\nkapi_open_flags = O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, "));
    EXPECT_THAT(out, HasSubstr("\nkapi_open_mode = S_IRUSR, "));
    EXPECT_THAT(out, HasSubstr("\ninclude <uapi/linux/fcntl.h>\n"));
    EXPECT_THAT(out, Not(HasSubstr("\nread(")));
}

TEST(SyzlangRenderTest, SampleIoctlsTakeTheDeviceTheyOpen) {
    for (const char* input : {"kapi_sample", "kapi_sample.elf"}) {
        std::string out = render(inputs().at(input));
        EXPECT_THAT(out, HasSubstr("\nresource kapi_dev_kapi_sample[kapi_fd]\n")) << input;
        EXPECT_THAT(out, HasSubstr("\nopenat$kapi_dev_kapi_sample(fd const[AT_FDCWD], file "
                                   "ptr[in, string[\"/dev/kapi_sample\"]], flags "
                                   "flags[kapi_open_flags], mode const[0]) "
                                   "kapi_dev_kapi_sample\n"))
            << input;
        EXPECT_THAT(out, HasSubstr("\nioctl$kapi_sample_ioc_set(fd kapi_dev_kapi_sample, cmd "
                                   "const[KAPI_SAMPLE_IOC_SET], arg ptr[in, int32])\n"))
            << input;
        EXPECT_THAT(out, HasSubstr("\nioctl$kapi_sample_ioc_get(fd kapi_dev_kapi_sample, cmd "
                                   "const[KAPI_SAMPLE_IOC_GET], arg ptr[out, int32])\n"))
            << input;
        EXPECT_THAT(out, HasSubstr("arg ptr[in, kapi_sample_config])\n")) << input;
    }
    // From an image: the numbers as _IOC() defines, arch-neutral.
    std::string elf = render(inputs().at("kapi_sample.elf"));
    EXPECT_THAT(elf, HasSubstr("\ndefine KAPI_SAMPLE_IOC_SET\t_IOC(_IOC_WRITE, 0xb7, 1, 4)\n"));
    EXPECT_THAT(elf, HasSubstr("\ndefine KAPI_SAMPLE_IOC_CONFIG\t_IOC(_IOC_WRITE, 0xb7, 3, 24)\n"));
    EXPECT_THAT(elf, HasSubstr("\ninclude <uapi/asm/ioctl.h>\n"));
    EXPECT_THAT(elf, HasSubstr("\tbytes\tarray[int8, 24]\n"));
}

Param param(const std::string& name, std::uint32_t type, const std::string& ctype) {
    Param p;
    p.name = name;
    p.type = type;
    p.type_name = ctype;
    p.flags = KAPI_PARAM_IN;
    return p;
}

TEST(SyzlangRenderTest, ReservedNamesRangesAndOptionalBuffersAreMadeValid) {
    Spec s;
    s.name = "sys_odd";
    s.params.push_back(param("parent", KAPI_TYPE_INT, "int"));
    s.params.push_back(param("syscall", KAPI_TYPE_INT, "int"));
    Param small = param("small", KAPI_TYPE_INT, "char");
    small.constraint = KAPI_CONSTRAINT_RANGE;
    small.min.value = 0;
    small.max.value = 300; // wider than int8
    s.params.push_back(small);
    Param neg = param("neg", KAPI_TYPE_INT, "short");
    neg.constraint = KAPI_CONSTRAINT_RANGE;
    neg.min.value = -5;
    neg.max.value = 5;
    s.params.push_back(neg);
    Param buf = param("buf", KAPI_TYPE_USER_PTR, "void __user *");
    buf.flags = KAPI_PARAM_IN | KAPI_PARAM_USER | KAPI_PARAM_OPTIONAL;
    buf.constraint = KAPI_CONSTRAINT_BUFFER;
    s.params.push_back(buf);
    Param dup = param("small", KAPI_TYPE_UINT, "unsigned long");
    s.params.push_back(dup);
    SpecSet set;
    set.specs.push_back(s);
    std::string out = render(set);
    EXPECT_THAT(out, HasSubstr("odd$kapi(parent_ int32, syscall_ int32, small int16[0:300], "
                               "neg int16[-5:5], buf ptr[in, array[int8], opt], small_ intptr)"));
    EXPECT_THAT(check(out), ::testing::IsEmpty());
}

// What syzkaller's compiler refused in the ELF output of the file I/O
// specs (checked with syz-sysgen, Documentation/kapi-dump.rst): arguments
// wider than a 32-bit pointer, argument sizes that differ from syzkaller's
// own declaration of the call, kernel-internal mask names, arrays of size 0.
TEST(SyzlangRenderTest, ArgumentsFitEveryTargetAndSyzkallersOwnCalls) {
    Spec s;
    s.name = "sys_preadv";
    Param pos = param("pos", KAPI_TYPE_INT, "loff_t");
    pos.constraint = KAPI_CONSTRAINT_RANGE;
    pos.min.value = 0;
    pos.max.value = INT64_MAX;
    s.params.push_back(pos);
    s.params.push_back(param("wide", KAPI_TYPE_UINT, "__u64"));
    Param low = param("pos_l", KAPI_TYPE_UINT, "unsigned long");
    low.constraint = KAPI_CONSTRAINT_RANGE;
    low.min.value = 0;
    low.max.value = INT64_MAX;
    s.params.push_back(low);
    Param flags = param("flags", KAPI_TYPE_UINT, "rwf_t");
    flags.constraint = KAPI_CONSTRAINT_MASK;
    flags.mask.expr = "RWF_SUPPORTED";
    flags.mask.value = 0x1f;
    s.params.push_back(flags);
    Param how = param("how", KAPI_TYPE_USER_PTR, "struct open_how __user *");
    how.flags |= KAPI_PARAM_USER;
    how.size.value = 0;
    s.params.push_back(how);
    SpecSet set;
    set.specs.push_back(s);
    std::string out = render(set);
    EXPECT_THAT(out, HasSubstr("preadv$kapi(pos intptr, wide intptr, pos_l int32, flags "
                               "flags[kapi_preadv_flags], how ptr[in, kapi_open_how])"));
    EXPECT_THAT(out, HasSubstr("kapi_preadv_flags = 0x1, 0x2, 0x4, 0x8, 0x10\n"));
    EXPECT_THAT(out, HasSubstr("kapi_open_how {\n\tbytes\tarray[int8]\n}"));
    EXPECT_THAT(check(out), ::testing::IsEmpty());

    // Names ORed in an expression stay names, with the header that has them.
    Spec c;
    c.name = "sys_close_range";
    Param cf = param("flags", KAPI_TYPE_UINT, "unsigned int");
    cf.constraint = KAPI_CONSTRAINT_MASK;
    cf.mask.expr = "CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC";
    cf.mask.value = 6;
    c.params.push_back(cf);
    SpecSet cs;
    cs.specs.push_back(c);
    std::string cout = render(cs);
    EXPECT_THAT(cout, HasSubstr("include <uapi/linux/close_range.h>\n"));
    EXPECT_THAT(cout, HasSubstr("= CLOSE_RANGE_UNSHARE, CLOSE_RANGE_CLOEXEC\n"));
    EXPECT_THAT(check(cout), ::testing::IsEmpty());
}

// syzkaller refuses a resource no call takes: open alone returns a number.
TEST(SyzlangRenderTest, ADescriptorNothingTakesIsNoResource) {
    const SpecSet& fs = inputs().at("fs");
    std::string out = render(fs, fs.find("sys_open"));
    EXPECT_THAT(out, HasSubstr("# (its descriptor is returned as a number: no call here takes "
                               "one)\nopen$kapi(filename ptr[in, filename], flags "
                               "flags[kapi_open_flags], mode flags[kapi_open_mode])\n"));
    EXPECT_THAT(out, Not(HasSubstr("resource")));
    EXPECT_THAT(check(out), ::testing::IsEmpty());
    // With close, it is one.
    std::string close = render(fs, fs.find("sys_close"));
    EXPECT_THAT(close, HasSubstr("\nresource kapi_fd[int32]: -1\n"));
    EXPECT_THAT(close, HasSubstr(") kapi_fd\n")); // openat$kapi_fd
}

TEST(SyzlangRenderTest, CallsWithTooManyArgumentsAreSkipped) {
    Spec s;
    s.name = "sys_many";
    for (int i = 0; i < 10; i++)
        s.params.push_back(param("a" + std::to_string(i), KAPI_TYPE_INT, "int"));
    SpecSet set;
    set.specs.push_back(s);
    std::string out = render(set);
    EXPECT_THAT(out, HasSubstr("# more than 9 arguments: skipped"));
    EXPECT_THAT(out, Not(HasSubstr("many$kapi(")));
    EXPECT_THAT(check(out), ::testing::IsEmpty());
}

// --- the checker can fail -----------------------------------------------------

struct Bad {
    const char* text;
    const char* error;
};

class SyzlangCheckerTest : public ::testing::TestWithParam<Bad> {};

// A valid file, to which each case adds one wrong line.
const std::string kValid = "resource kapi_fd[int32]: -1\n"
                           "kapi_flags = A, B\n"
                           "openat$kapi_fd(fd const[-100], file ptr[in, filename]) kapi_fd\n"
                           "close$kapi(fd kapi_fd[opt])\n";

TEST(SyzlangCheckerTest, AcceptsAValidFile) {
    EXPECT_THAT(check(kValid), ::testing::IsEmpty());
}

TEST_P(SyzlangCheckerTest, RefusesWhatSyzkallerRefuses) {
    std::vector<std::string> errors = check(kValid + GetParam().text + "\n");
    EXPECT_THAT(errors, ::testing::Contains(HasSubstr(GetParam().error))) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, SyzlangCheckerTest,
    ::testing::Values(
        Bad{"read$kapi(fd fd)", "unknown type fd"}, Bad{"read(f kapi_fd)", "is no variant"},
        Bad{"read$x(f kapi_fd)", "not $kapi"},
        Bad{"w$kapi(b buffer[in, opt])", "buffer takes 1 to 1 arguments, not 2"},
        Bad{"w$kapi(b buffer[sideways])", "is not a direction"},
        Bad{"w$kapi(parent int32)", "reserved field name parent"},
        Bad{"w$kapi(syscall int32)", "reserved field name syscall"},
        Bad{"w$kapi(a int32, a int32)", "duplicate field a"},
        Bad{"w$kapi(a int8[0:300])", "too large for int8"},
        Bad{"w$kapi(a int32[5:1])", "bad int range"},
        Bad{"w$kapi(a int32[0:1, 2, 3])", "int32 takes at most 1 argument"},
        Bad{"w$kapi(a flags[nope])", "unknown flags nope"},
        Bad{"w$kapi(a flags[kapi_flags, int32, int8])", "flags takes 1 to 2 arguments"},
        Bad{"w$kapi(a len[b])", "len of unknown field b"},
        Bad{"w$kapi(a ptr[in])", "ptr takes 2 to 3 arguments"},
        Bad{"w$kapi(a ptr[in, int8, yes])", "third argument must be opt"},
        Bad{"w$kapi(a array[int8])", "array as a call argument"},
        Bad{"w$kapi(a filename)", "filename outside a pointer"},
        Bad{"w$kapi(a kapi_fd[1])", "takes only opt"},
        Bad{"w$kapi(a0 int8, a1 int8, a2 int8, a3 int8, a4 int8, a5 int8, a6 int8, a7 int8, "
            "a8 int8, a9 int8)",
            "more than 9 arguments"},
        Bad{"w$kapi() int32", "not a resource"},
        Bad{"resource kapi_x[int32]\nw$kapi(a kapi_x)", "kapi_x can't be created"},
        Bad{"resource kapi_y[int32]\nw$kapi() kapi_y", "kapi_y is never used as an input"},
        Bad{"open_flags = A", "no kapi_ prefix"}, Bad{"kapi_flags = C", "redeclared"},
        Bad{"opt = A", "reserved name opt"}, Bad{"kapi_f = O_RDONLY, x-y", "flag value 'x-y'"},
        Bad{"define FOO 1", "no KAPI_ prefix"}, Bad{"kapi_s {\n}", "struct without fields"},
        Bad{"include linux/fs.h", "takes <path>"}));

} // namespace
