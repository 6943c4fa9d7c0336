// SPDX-License-Identifier: GPL-2.0
//
// The JSON writer (kapi/json.h): the layout and string escapes of
// module/debugfs.c's specs-json writer, so that kapi-dump's JSON and the
// kernel's can be compared with cmp.
#include "kapi/json.h"

#include <cstdio>
#include <sstream>

#include "utf8.h"

namespace kapi {

namespace {

void write_string(std::ostream& out, std::string_view s) {
    out << '"';
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end && *p != 0) {
        switch (*p) {
        case '"':
            out << "\\\"";
            break;
        case '\\':
            out << "\\\\";
            break;
        case '\b':
            out << "\\b";
            break;
        case '\f':
            out << "\\f";
            break;
        case '\n':
            out << "\\n";
            break;
        case '\r':
            out << "\\r";
            break;
        case '\t':
            out << "\\t";
            break;
        default:
            if (*p < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof(buf), "\\u%04x", *p);
                out << buf;
            } else if (*p < 0x80) {
                out << static_cast<char>(*p);
            } else if (std::size_t n = utf8_length(p, end); n != 0) {
                out.write(reinterpret_cast<const char*>(p), static_cast<std::streamsize>(n));
                p += n;
                continue;
            } else {
                out << "\\ufffd";
            }
        }
        p++;
    }
    out << '"';
}

} // namespace

JsonWriter::JsonWriter(std::ostream& out, bool pretty)
    : out_(out), pretty_(pretty), nonempty_(1, false) {}

void JsonWriter::begin_object(const char* key) {
    member(key);
    out_ << '{';
    nonempty_.push_back(false);
}

void JsonWriter::end_object() {
    close('}');
}

void JsonWriter::begin_array(const char* key) {
    member(key);
    out_ << '[';
    nonempty_.push_back(false);
}

void JsonWriter::end_array() {
    close(']');
}

void JsonWriter::string(const char* key, std::string_view v) {
    member(key);
    write_string(out_, v);
}

void JsonWriter::integer(const char* key, std::int64_t v) {
    member(key);
    out_ << v;
}

void JsonWriter::uinteger(const char* key, std::uint64_t v) {
    member(key);
    out_ << v;
}

void JsonWriter::boolean(const char* key, bool v) {
    member(key);
    out_ << (v ? "true" : "false");
}

void JsonWriter::null(const char* key) {
    member(key);
    out_ << "null";
}

void JsonWriter::end() {
    out_ << '\n';
}

// The separator before a value, its indentation and its key.
void JsonWriter::member(const char* key) {
    std::size_t depth = nonempty_.size() - 1;
    if (depth > 0) {
        if (pretty_)
            out_ << (nonempty_.back() ? ",\n" : "\n") << std::string(depth * 2, ' ');
        else if (nonempty_.back())
            out_ << ',';
        nonempty_.back() = true;
    }
    if (key != nullptr) {
        write_string(out_, key);
        out_ << (pretty_ ? ": " : ":");
    }
}

void JsonWriter::close(char bracket) {
    if (pretty_ && nonempty_.back())
        out_ << '\n' << std::string((nonempty_.size() - 2) * 2, ' ');
    nonempty_.pop_back();
    out_ << bracket;
}

std::string json_string(std::string_view s) {
    std::ostringstream out;
    write_string(out, s);
    return out.str();
}

} // namespace kapi
