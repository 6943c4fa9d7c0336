// SPDX-License-Identifier: GPL-2.0
//
// The JSON writer of kapi's tools: every JSON document they print (specs,
// lists, errors, the runtime commands' output) goes through it. It writes
// exactly as kapi.ko's debugfs specs-json writer does (module/debugfs.c):
// strings with the kernel's escapes, and with PRETTY two spaces per level,
// one member per line, empty containers as {} and []; without PRETTY no
// white space at all. Keys are written in the order they are given; the
// writer does not check that a document is complete.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kapi {

class JsonWriter {
public:
    JsonWriter(std::ostream& out, bool pretty);

    // Each value takes the KEY it has in the enclosing object; KEY is
    // nullptr for a value in an array and for the document itself.
    void begin_object(const char* key = nullptr);
    void end_object();
    void begin_array(const char* key = nullptr);
    void end_array();

    void string(const char* key, std::string_view v);
    void integer(const char* key, std::int64_t v);
    void uinteger(const char* key, std::uint64_t v);
    void boolean(const char* key, bool v);
    void null(const char* key);

    // Ends the document with a newline.
    void end();

private:
    void member(const char* key);
    void close(char bracket);

    std::ostream& out_;
    bool pretty_;
    std::vector<bool> nonempty_; // per open container: has members
};

// S as a JSON string, quotes included, as kapi.ko writes one: '"' and '\'
// escaped with a backslash, control characters as \b \f \n \r \t or
// \u00xx, valid UTF-8 as it is, every other byte as \ufffd. A NUL byte ends
// the text, as in C.
std::string json_string(std::string_view s);

} // namespace kapi
