// SPDX-License-Identifier: GPL-2.0
//
// Tests of the renderers (kapi/render.h). Golden files: every spec and the
// list of two fixtures (tests/data/render/specs.c and the generator's
// golden input, both compiled into ELF objects by the build so that their
// numbers have values) in every format, byte for byte, under
// tests/data/golden/render/; regenerate them on purpose with
// KAPI_UPDATE_GOLDEN=1 (Documentation/kapi-dump.rst). Then the rules each
// format promises: JSON escapes and layout, compact JSON being pretty JSON
// without white space, plain text within 80 columns, reStructuredText
// escapes, syzlang types; and that specs read from sources render as those
// read from an image, but for the numbers only a compiler can resolve.

#include <algorithm>
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

using kapi::Num;
using kapi::Spec;
using kapi::SpecSet;
using kapi_test::read_file;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kData = KAPI_TEST_DATA_DIR;
const std::string kRepo = KAPI_TEST_REPO_DIR;
const std::string kFixtures = KAPI_TEST_FIXTURE_DIR;

SpecSet read_elf(const std::string& path) {
    kapi::SourceResult r = kapi::elf_source(path)->read();
    EXPECT_TRUE(r.ok());
    return r.specs;
}

// The golden inputs: name -> specs (from the compiled fixtures).
const std::map<std::string, SpecSet>& inputs() {
    static const std::map<std::string, SpecSet> specs = {
        {"render", read_elf(kFixtures + "/render_specs.o")},
        {"spec_input", read_elf(kFixtures + "/spec_input.o")},
    };
    return specs;
}

// Specs from annotated sources, named as the build names them.
SpecSet parse(const std::string& path, const std::string& name) {
    kapi::ParseResult r = kapi::parse_annotations(read_file(path), name);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().str());
    return r.specs;
}

// The five syscall specs kapi.ko carries, from module/specs/fs.c.
const SpecSet& fs_specs() {
    static const SpecSet specs = parse(kRepo + "/module/specs/fs.c", "module/specs/fs.c");
    return specs;
}

std::string render(std::string_view format, const SpecSet& specs, const std::string& api,
                   bool pretty = false) {
    const kapi::RendererInfo* info = kapi::find_renderer(format);
    EXPECT_NE(info, nullptr) << format;
    std::unique_ptr<kapi::Renderer> r = info->make(kapi::RenderOptions{pretty});
    std::ostringstream out;
    if (api.empty()) {
        r->list(specs, out);
    } else {
        const Spec* s = specs.find(api);
        EXPECT_NE(s, nullptr) << api;
        if (s)
            r->spec_in(*s, specs, out);
    }
    return out.str();
}

// --- golden files -------------------------------------------------------

struct Golden {
    std::string input;  // key of inputs()
    std::string api;    // "" for the list
    std::string format; // renderer name
};

std::string extension(const std::string& format) {
    if (format == "json")
        return ".json";
    if (format == "plain")
        return ".txt";
    if (format == "syzlang")
        return ".syz";
    if (format == "c-header")
        return ".h";
    return "." + format;
}

std::vector<Golden> golden_cases() {
    std::vector<Golden> cases;
    for (const auto& [input, specs] : inputs()) {
        std::vector<std::string> apis{""};
        for (const Spec& s : specs.specs)
            apis.push_back(s.name);
        for (const kapi::RendererInfo& r : kapi::renderers())
            for (const std::string& api : apis)
                cases.push_back({input, api, std::string(r.name)});
    }
    return cases;
}

class RenderGoldenTest : public ::testing::TestWithParam<Golden> {};

TEST_P(RenderGoldenTest, MatchesGoldenFile) {
    const Golden& g = GetParam();
    // JSON golden files are pretty: diffs of them are readable.
    std::string out = render(g.format, inputs().at(g.input), g.api, g.format == "json");
    const std::string path = kData + "/golden/render/" + g.input + "/" +
                             (g.api.empty() ? "list" : g.api) + extension(g.format);
    if (kapi_test::update_golden()) {
        kapi_test::write_file(path, out);
        GTEST_SKIP() << "rewrote " << path;
    }
    EXPECT_EQ(out, read_file(path))
        << "the " << g.format << " output changed; if that is intended, rerun with "
        << "KAPI_UPDATE_GOLDEN=1 and review the diff of " << path;
}

INSTANTIATE_TEST_SUITE_P(Render, RenderGoldenTest, ::testing::ValuesIn(golden_cases()),
                         [](const ::testing::TestParamInfo<Golden>& param_info) {
                             const Golden& g = param_info.param;
                             std::string format = g.format;
                             std::replace(format.begin(), format.end(), '-', '_');
                             return g.input + "_" + (g.api.empty() ? "list" : g.api) + "_" +
                                    format;
                         });

TEST(RenderGoldenTest, FixturesCoverWhatRenderersTreatSpecially) {
    const SpecSet& specs = inputs().at("render");
    std::set<std::uint32_t> constraints, kinds;
    for (const Spec& s : specs.specs) {
        kinds.insert(s.kind);
        for (const kapi::Param& p : s.params)
            constraints.insert(p.constraint);
    }
    EXPECT_EQ(kinds.size(), std::size_t{KAPI_KIND_COUNT});
    // Every constraint type (USER_PATH is in module/specs/fs.c).
    for (std::uint32_t c = KAPI_CONSTRAINT_NONE; c < KAPI_CONSTRAINT_COUNT; c++) {
        if (c != KAPI_CONSTRAINT_USER_PATH) {
            EXPECT_TRUE(constraints.count(c)) << "constraint " << c;
        }
    }
}

// --- the table ------------------------------------------------------------

TEST(RendererTableTest, HasTheFiveFormatsCaseInsensitively) {
    std::vector<std::string> names;
    for (const kapi::RendererInfo& r : kapi::renderers()) {
        names.emplace_back(r.name);
        EXPECT_FALSE(r.summary.empty());
        EXPECT_EQ(kapi::find_renderer(r.name), &r);
    }
    EXPECT_THAT(names, ::testing::ElementsAre("plain", "json", "rst", "syzlang", "c-header"));
    EXPECT_EQ(kapi::find_renderer("JSON"), kapi::find_renderer("json"));
    EXPECT_EQ(kapi::find_renderer("Rst"), kapi::find_renderer("rst"));
    EXPECT_EQ(kapi::find_renderer("xml"), nullptr);
    EXPECT_EQ(kapi::find_renderer(""), nullptr);
    EXPECT_EQ(kapi::find_renderer("jso"), nullptr);
}

TEST(RendererTableTest, OnlyJsonWritesErrors) {
    for (const kapi::RendererInfo& r : kapi::renderers()) {
        std::ostringstream out;
        bool wrote = r.make({})->error("bad \"input\"", out);
        EXPECT_EQ(wrote, r.name == "json") << r.name;
        EXPECT_EQ(out.str(), wrote ? "{\"error\":\"bad \\\"input\\\"\"}\n" : "") << r.name;
    }
    std::ostringstream pretty;
    kapi::make_json_renderer({true})->error("x", pretty);
    EXPECT_EQ(pretty.str(), "{\n  \"error\": \"x\"\n}\n");
}

// --- JSON -------------------------------------------------------------------

Spec minimal_spec(const std::string& name) {
    Spec s;
    s.name = name;
    s.kind = KAPI_KIND_FUNCTION;
    return s;
}

std::string json_of(const Spec& s, bool pretty = false) {
    std::ostringstream out;
    kapi::make_json_renderer({pretty})->spec(s, out);
    return out.str();
}

// Removes the white space outside strings.
std::string minify(const std::string& json) {
    std::string out;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); i++) {
        char c = json[i];
        if (in_string) {
            out += c;
            if (c == '\\' && i + 1 < json.size())
                out += json[++i];
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
            out += c;
        } else if (c != ' ' && c != '\n') {
            out += c;
        }
    }
    return out;
}

TEST(JsonRenderTest, CompactIsPrettyWithoutWhiteSpace) {
    for (const auto& [input, specs] : inputs()) {
        for (const Spec& s : specs.specs) {
            std::string compact = json_of(s);
            ASSERT_TRUE(compact.ends_with("}\n"));
            EXPECT_EQ(compact.find('\n'), compact.size() - 1) << "one line: " << s.name;
            EXPECT_EQ(compact, minify(json_of(s, true)) + "\n") << s.name;
        }
        EXPECT_EQ(render("json", specs, ""), minify(render("json", specs, "", true)) + "\n");
    }
}

TEST(JsonRenderTest, EscapesStringsAsTheKernelDoes) {
    Spec s = minimal_spec("f");
    s.summary = "q\" b\\ nl\n cr\r tab\t bs\b ff\f bell\x07 del\x7f";
    s.description = "\xc3\xa9 ok, \xe2\x82\xac ok, \xf0\x9f\x98\x80 ok";
    s.notes = "bad \xff, overlong \xc0\xaf, surrogate \xed\xa0\x80, cut \xe2\x82";
    std::string json = json_of(s);
    EXPECT_THAT(json, HasSubstr(R"("description":"q\" b\\ nl\n cr\r tab\t bs\b ff\f bell\u0007 del)"
                                "\x7f\""));
    EXPECT_THAT(json, HasSubstr("\"long_description\":\"\xc3\xa9 ok, \xe2\x82\xac ok, "
                                "\xf0\x9f\x98\x80 ok\""));
    EXPECT_THAT(json, HasSubstr(R"("notes":"bad \ufffd, overlong \ufffd\ufffd, surrogate )"
                                R"(\ufffd\ufffd\ufffd, cut \ufffd\ufffd")"));
}

TEST(JsonRenderTest, NumbersAreValueAndExpressionWithNullsAsDocumented) {
    Spec s = minimal_spec("f");
    kapi::Param p;
    p.name = "x";
    p.constraint = KAPI_CONSTRAINT_RANGE;
    p.min = Num{0, ""};
    p.max = Num{std::nullopt, "INT_MAX"};
    p.size = Num{0, ""};
    p.alignment = Num{std::nullopt, "sizeof(long)"};
    p.mask = Num{0xff, ""}; // not a MASK constraint: null
    s.params.push_back(p);
    std::string json = json_of(s);
    EXPECT_THAT(json, HasSubstr(R"("min_value":{"value":0,"expr":null})"));
    EXPECT_THAT(json, HasSubstr(R"("max_value":{"value":null,"expr":"INT_MAX"})"));
    EXPECT_THAT(json, HasSubstr(R"("valid_mask":null)"));
    EXPECT_THAT(json, HasSubstr(R"("size":null)"));
    EXPECT_THAT(json, HasSubstr(R"("size_multiplier":null)"));
    EXPECT_THAT(json, HasSubstr(R"x("alignment":{"value":null,"expr":"sizeof(long)"})x"));
    EXPECT_THAT(json, HasSubstr(R"("size_param_idx":null)"));
    EXPECT_THAT(json, HasSubstr(R"("ioctl_cmd":null)"));
    EXPECT_THAT(json, HasSubstr(R"("success_value":{"value":0,"expr":null})"));
    EXPECT_THAT(json, HasSubstr(R"("success_min":null,"success_max":null)"));
}

TEST(JsonRenderTest, ErrorReferencesAreNamedByTheSpecsOwnErrorsFirst) {
    Spec s = minimal_spec("f");
    s.errors.push_back({-11, "EWOULDBLOCK", "", "", {}});
    auto with_error = [&](const std::string& name) {
        Spec t = s;
        kapi::Param p;
        p.name = "x";
        p.violation_error = name;
        t.params.push_back(p);
        kapi::Signal g;
        g.error = name;
        t.signals.push_back(g);
        return json_of(t);
    };
    // EAGAIN is -11: the spec's own entry names it EWOULDBLOCK.
    EXPECT_THAT(with_error("EAGAIN"),
                HasSubstr(R"("violation_error":{"name":"EWOULDBLOCK","code":-11})"));
    EXPECT_THAT(with_error("EAGAIN"),
                HasSubstr(R"("error_on_signal":{"name":"EWOULDBLOCK","code":-11})"));
    EXPECT_THAT(with_error("EINVAL"),
                HasSubstr(R"("violation_error":{"name":"EINVAL","code":-22})"));
    // As the image decoder names a code it has no name for.
    EXPECT_THAT(with_error("-4000"), HasSubstr(R"("violation_error":null)"));
    EXPECT_THAT(with_error("-22"), HasSubstr(R"("violation_error":{"name":"EINVAL","code":-22})"));
    EXPECT_THAT(with_error(""), HasSubstr(R"("violation_error":null)"));
    EXPECT_THAT(with_error("EBOGUS"), HasSubstr(R"("error_on_signal":null)"));
}

TEST(JsonRenderTest, KeysComeInTheDocumentedOrder) {
    std::string json = json_of(fs_specs().specs.front());
    std::vector<std::string> keys{
        "name",       "api_type",  "description",  "long_description",  "context_flags",
        "deprecated", "since",     "replacement",  "examples",          "notes",
        "source",     "ioctl_cmd", "parameters",   "return_spec",       "errors",
        "locks",      "signals",   "side_effects", "state_transitions", "capabilities",
        "constraints"};
    std::size_t at = json.find("\"api_details\":{");
    ASSERT_NE(at, std::string::npos);
    for (const std::string& k : keys) {
        std::size_t next = json.find("\"" + k + "\":", at);
        ASSERT_NE(next, std::string::npos) << k;
        at = next;
    }
}

// --- sources against images -------------------------------------------------

// The pretty JSON of specs read from sources is line by line the JSON of the
// same specs compiled into an image, except for "value": null where the
// compiler computed the value of an expression; returns those expressions.
std::vector<std::string> compiler_only(const Spec& from_source, const Spec& from_image) {
    std::istringstream a(json_of(from_source, true));
    std::istringstream b(json_of(from_image, true));
    std::vector<std::string> exprs;
    std::string la, lb, prev_expr;
    std::vector<std::string> lines_b;
    while (std::getline(a, la)) {
        EXPECT_TRUE(std::getline(b, lb)) << "image JSON ends early";
        if (la == lb)
            continue;
        EXPECT_THAT(la, ::testing::EndsWith("\"value\": null,"));
        EXPECT_THAT(lb, ::testing::ContainsRegex("\"value\": -?[0-9]+,$"));
        std::getline(a, la);
        std::getline(b, lb);
        EXPECT_EQ(la, lb) << "the expression differs";
        exprs.push_back(la.substr(la.find(':') + 2));
    }
    EXPECT_FALSE(std::getline(b, lb)) << "image JSON is longer";
    return exprs;
}

TEST(SourceConsistencyTest, SourcesDifferFromImagesOnlyInCompilerResolvedValues) {
    SpecSet source = parse(kData + "/render/specs.c", "render/specs.c");
    const SpecSet& image = inputs().at("render");
    ASSERT_EQ(source.specs.size(), image.specs.size());
    std::set<std::string> exprs;
    for (std::size_t i = 0; i < source.specs.size(); i++)
        for (const std::string& e : compiler_only(source.specs[i], image.specs[i]))
            exprs.insert(e);
    // Kernel macros: only the compiler knows them. Error, signal and
    // capability names, and literal arithmetic, the parser resolves itself.
    EXPECT_THAT(exprs, ::testing::UnorderedElementsAre(
                           "\"PATH_MAX\"", "\"O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL\"",
                           "\"SEEK_SET\"", "\"SEEK_CUR\"", "\"SEEK_END\"", "\"FS_IOC_GETFLAGS\"",
                           "\"KAPI_FD_OPEN | KAPI_FD_READ\""));
}

TEST(SourceConsistencyTest, ListsAreIdentical) {
    SpecSet source = parse(kData + "/render/specs.c", "render/specs.c");
    for (const kapi::RendererInfo& r : kapi::renderers()) {
        if (r.name == "syzlang")
            continue; // flag sets and commands prefer values
        EXPECT_EQ(render(r.name, source, ""), render(r.name, inputs().at("render"), "")) << r.name;
    }
}

// --- plain text ---------------------------------------------------------------

TEST(PlainRenderTest, FitsIn80Columns) {
    std::vector<const SpecSet*> sets{&fs_specs()};
    for (const auto& [input, specs] : inputs())
        sets.push_back(&specs);
    for (const SpecSet* specs : sets) {
        std::vector<std::string> outs{render("plain", *specs, "")};
        for (const Spec& s : specs->specs)
            outs.push_back(render("plain", *specs, s.name));
        for (const std::string& out : outs) {
            std::istringstream in(out);
            for (std::string line; std::getline(in, line);) {
                // Count columns, not bytes: UTF-8 continuation bytes take none.
                std::size_t cols = 0;
                for (char c : line)
                    cols += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
                EXPECT_LE(cols, 80U) << line;
                EXPECT_EQ(line.find_first_of("\t\r\x1b"), std::string::npos) << line;
            }
        }
    }
}

TEST(PlainRenderTest, ControlCharactersCannotReachTheTerminal) {
    Spec s = minimal_spec("f");
    s.summary = "bell\x07 escape\x1b[31m tab\t";
    std::ostringstream out;
    kapi::make_plain_renderer({})->spec(s, out);
    EXPECT_THAT(out.str(), HasSubstr("f - bell? escape?[31m tab\n"));
}

// Whether TEXT is valid UTF-8 without a control character but newline:
// no C0, no DEL, no C1 (U+0080 .. U+009F). Written apart from the
// renderers' code, on purpose.
bool terminal_safe(const std::string& text, std::string* why) {
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
            i++;
            continue;
        }
        std::size_t n = c >= 0xf0 && c <= 0xf4   ? 4
                        : c >= 0xe0 && c <= 0xef ? 3
                        : c >= 0xc2 && c <= 0xdf ? 2
                                                 : 0;
        bool ok = n != 0 && i + n <= text.size();
        std::uint32_t cp = n == 2 ? (c & 0x1fU) : n == 3 ? (c & 0x0fU) : (c & 0x07U);
        for (std::size_t k = 1; ok && k < n; k++) {
            auto b = static_cast<unsigned char>(text[i + k]);
            ok = (b & 0xc0) == 0x80;
            cp = (cp << 6) | (b & 0x3fU);
        }
        ok = ok && !(n == 3 && cp < 0x800) && !(n == 4 && cp < 0x10000) && cp <= 0x10ffff &&
             !(cp >= 0xd800 && cp <= 0xdfff) && !(cp >= 0x80 && cp <= 0x9f);
        if (!ok) {
            *why = "byte " + std::to_string(i) + " (0x" + std::to_string(static_cast<unsigned>(c)) +
                   " decimal) in: " + text.substr(i > 20 ? i - 20 : 0, 40);
            return false;
        }
        i += n;
    }
    return true;
}

// Spec text from an image is anything: ESC and CSI sequences (C0 and C1),
// DEL, invalid UTF-8 must not reach a terminal or Sphinx through any field.
TEST(HumanRenderTest, NoControlCharacterOrInvalidUtf8InAnyField) {
    const std::string evil = "a\x1b[31mb \xc2\x9b"
                             "31mc \x07\x7f\r\x01 bad\xff\xfe cut\xe2\x82 "
                             "ok\xc3\xa9\xe2\x82\xac \xed\xa0\x80 \xc0\xaf";
    Spec s = minimal_spec("f" + evil);
    s.kind = KAPI_KIND_SYSCALL;
    s.summary = s.description = s.notes = s.examples = s.since = s.replacement = evil;
    s.source.file = evil;
    kapi::Param p;
    p.name = p.type_name = p.description = p.constraint_text = evil;
    p.type = KAPI_TYPE_INT;
    p.constraint = KAPI_CONSTRAINT_RANGE;
    p.min = Num{0, evil};
    p.max = Num{std::nullopt, evil};
    s.params.push_back(p);
    kapi::ErrorSpec e;
    e.code = -22;
    e.name = e.condition = e.description = evil;
    s.errors.push_back(e);
    SpecSet set;
    set.specs.push_back(s);
    for (const char* format : {"plain", "rst"}) {
        SCOPED_TRACE(format);
        std::unique_ptr<kapi::Renderer> r = kapi::find_renderer(format)->make({});
        std::ostringstream list;
        std::ostringstream one;
        r->list(set, list);
        r->spec(s, one);
        for (const std::string& out : {list.str(), one.str()}) {
            std::string why;
            EXPECT_TRUE(terminal_safe(out, &why)) << why;
            // What is valid stays; what is not is marked, not dropped.
            EXPECT_THAT(out, HasSubstr("ok\xc3\xa9\xe2\x82\xac"));
            EXPECT_THAT(out, HasSubstr("bad\xef\xbf\xbd\xef\xbf\xbd"));
        }
        EXPECT_THAT(one.str(), HasSubstr("a?[31mb ?31mc ???? bad"));
    }
}

// --- reStructuredText -----------------------------------------------------------

TEST(RstRenderTest, EscapesMarkupInProse) {
    Spec s = minimal_spec("f");
    s.description = "*a* `b` _c_ |d| \\e\n\n- item\n\n1. not a list\n\nends with::";
    std::ostringstream out;
    kapi::make_rst_renderer({})->spec(s, out);
    EXPECT_THAT(out.str(), HasSubstr("\\*a\\* \\`b\\` \\_c\\_ \\|d\\| \\\\e\n\n"));
    EXPECT_THAT(out.str(), HasSubstr("\n- item\n\n")); // a list item is a list item
    EXPECT_THAT(out.str(), HasSubstr("\n\\1. not a list\n\n"));
    EXPECT_THAT(out.str(), HasSubstr("\nends with:\\:\n"));
}

TEST(RstRenderTest, ManualFilesAreNamedUniquely) {
    SpecSet set;
    for (const char* name : {"a/b", "a_b", "index", "", "sys_read"})
        set.specs.push_back(minimal_spec(name));
    std::vector<std::string> names;
    for (const kapi::ManualFile& f : kapi::rst_manual(set))
        names.push_back(f.name);
    EXPECT_EQ(names, (std::vector<std::string>{"conf.py", "index.rst", "a_b.rst", "a_b-2.rst",
                                               "index-2.rst", "api.rst", "sys_read.rst"}));
    std::vector<kapi::ManualFile> empty = kapi::rst_manual(SpecSet{});
    ASSERT_EQ(empty.size(), 2U);
    EXPECT_THAT(empty[1].text, Not(HasSubstr("toctree")));
}

// --- syzlang ------------------------------------------------------------------

// The rules of syzkaller's language and the specs of the project: see
// syzlang_test.cpp.
TEST(SyzlangRenderTest, DescribesTheFileSystemCalls) {
    std::string out = render("syzlang", fs_specs(), "");
    EXPECT_THAT(out, HasSubstr("\nread$kapi(fd kapi_fd, buf buffer[out], count len[buf])\n"));
    EXPECT_THAT(out, HasSubstr("\nwrite$kapi(fd kapi_fd, buf buffer[in], count len[buf])\n"));
    EXPECT_THAT(out, HasSubstr("\nclose$kapi(fd kapi_fd[opt])\n"));
    EXPECT_THAT(out, ::testing::ContainsRegex(
                         "\nopen\\$kapi\\(filename ptr\\[in, filename\\], .*\\) kapi_fd\n"));
    EXPECT_THAT(out, ::testing::ContainsRegex(
                         "\nopenat\\$kapi\\(dfd kapi_fd_dir\\[opt\\], .*\\) kapi_fd\n"));
}

TEST(SyzlangRenderTest, MasksAndEnumerationsBecomeFlagSets) {
    std::string out = render("syzlang", inputs().at("render"), "sys_render_open");
    EXPECT_THAT(out, HasSubstr("flags flags[kapi_render_open_flags]"));
    EXPECT_THAT(
        out, HasSubstr("\nkapi_render_open_flags = O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL\n"));
    EXPECT_THAT(out, HasSubstr("\nkapi_render_open_whence = SEEK_SET, SEEK_CUR, SEEK_END, 4\n"));
    // A literal mask: its bits.
    EXPECT_THAT(out, HasSubstr("\nkapi_render_open_mode = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, "
                               "0x80, 0x100\n"));
    EXPECT_THAT(out, Not(HasSubstr("render_helper")));
}

TEST(SyzlangRenderTest, FunctionsAreSkippedAndIoctlsAreVariants) {
    std::string out = render("syzlang", inputs().at("render"), "");
    EXPECT_THAT(out, HasSubstr("# render_helper: a kernel function, not a system call: skipped\n"));
    // The command as an _IOC() define under a kapi name (KAPI_ + its own).
    EXPECT_THAT(out, HasSubstr("\ndefine KAPI_FS_IOC_GETFLAGS\t_IOC(_IOC_READ, 0x66, 1, 8)\n"));
    EXPECT_THAT(out, HasSubstr("ioctl$kapi_render_ioc_get(fd kapi_fd, cmd "
                               "const[KAPI_FS_IOC_GETFLAGS], arg ptr[out, array[int8, 8]])"));
}

} // namespace
