// SPDX-License-Identifier: GPL-2.0
//
// Tests of the JSON writer (kapi/json.h) that every JSON document of the
// tools goes through: the kernel's string escapes (module/debugfs.c),
// compact documents without white space, and pretty ones with two spaces
// per level and empty containers as {} and [].

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "kapi/json.h"

namespace {

using kapi::json_string;
using kapi::JsonWriter;

// A document with every kind of value, nested containers and empty ones.
std::string document(bool pretty) {
    std::ostringstream out;
    JsonWriter j(out, pretty);
    j.begin_object();
    j.string("s", "x");
    j.integer("i", -22);
    j.uinteger("u", std::numeric_limits<std::uint64_t>::max());
    j.boolean("t", true);
    j.boolean("f", false);
    j.null("n");
    j.begin_array("a");
    j.integer(nullptr, 1);
    j.begin_object();
    j.string("k", "v");
    j.end_object();
    j.begin_array();
    j.end_array();
    j.end_array();
    j.begin_object("empty");
    j.end_object();
    j.end_object();
    j.end();
    return out.str();
}

TEST(JsonWriterTest, CompactHasNoWhiteSpace) {
    EXPECT_EQ(document(false), "{\"s\":\"x\",\"i\":-22,\"u\":18446744073709551615,\"t\":true,"
                               "\"f\":false,\"n\":null,\"a\":[1,{\"k\":\"v\"},[]],\"empty\":{}}\n");
}

TEST(JsonWriterTest, PrettyIsTheKernelsLayout) {
    EXPECT_EQ(document(true), "{\n"
                              "  \"s\": \"x\",\n"
                              "  \"i\": -22,\n"
                              "  \"u\": 18446744073709551615,\n"
                              "  \"t\": true,\n"
                              "  \"f\": false,\n"
                              "  \"n\": null,\n"
                              "  \"a\": [\n"
                              "    1,\n"
                              "    {\n"
                              "      \"k\": \"v\"\n"
                              "    },\n"
                              "    []\n"
                              "  ],\n"
                              "  \"empty\": {}\n"
                              "}\n");
}

TEST(JsonWriterTest, TopLevelArrayAndScalar) {
    std::ostringstream out;
    JsonWriter j(out, true);
    j.begin_array();
    j.string(nullptr, "a");
    j.end_array();
    EXPECT_EQ(out.str(), "[\n  \"a\"\n]");
    std::ostringstream one;
    JsonWriter k(one, true);
    k.integer(nullptr, 7);
    EXPECT_EQ(one.str(), "7");
}

TEST(JsonStringTest, EscapesAsTheKernelDoes) {
    EXPECT_EQ(json_string(""), "\"\"");
    EXPECT_EQ(json_string("a\"b\\c/"), "\"a\\\"b\\\\c/\"");
    EXPECT_EQ(json_string("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
    EXPECT_EQ(json_string("\x01\x1f"), "\"\\u0001\\u001f\"");
    // DEL is not a control character to JSON; the kernel writes it as is.
    EXPECT_EQ(json_string("\x7f"), "\"\x7f\"");
}

TEST(JsonStringTest, KeepsValidUtf8AndReplacesTheRest) {
    EXPECT_EQ(json_string("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"),
              "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
    EXPECT_EQ(json_string("\xff"), "\"\\ufffd\"");
    EXPECT_EQ(json_string("\xc3"), "\"\\ufffd\"");                       // cut short
    EXPECT_EQ(json_string("\xc0\xaf"), "\"\\ufffd\\ufffd\"");            // overlong
    EXPECT_EQ(json_string("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\""); // surrogate
}

TEST(JsonStringTest, NulEndsTheTextAsInC) {
    EXPECT_EQ(json_string(std::string("ab\0cd", 5)), "\"ab\"");
}

TEST(JsonWriterTest, KeysAreEscapedToo) {
    std::ostringstream out;
    JsonWriter j(out, false);
    j.begin_object();
    j.null("a\"b");
    j.end_object();
    EXPECT_EQ(out.str(), "{\"a\\\"b\":null}");
}

} // namespace
