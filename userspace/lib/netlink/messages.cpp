// SPDX-License-Identifier: GPL-2.0
//
// The messages of kapi.ko's generic netlink family, without a socket:
// decoding replies and events into kapi/netlink.h's structs, encoding
// requests, and the text and JSON forms kapi-dump prints. Attributes are
// walked by hand over the bytes, with every length checked before it is
// used, because a message is untrusted input; attributes this reader does
// not know are skipped, as the family may grow (Documentation/abi.rst).
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/json.h"
#include "kapi/names.h"
#include "kapi/netlink.h"
#include "util.h"

namespace kapi::netlink {

namespace {

constexpr std::size_t align4(std::size_t n) {
    return (n + 3) & ~std::size_t{3};
}

// The netlink headers' alignment macros mix int and size_t.
constexpr std::size_t kNlmsgHdrLen = align4(sizeof(nlmsghdr));
constexpr std::size_t kGenlHdrLen = align4(sizeof(genlmsghdr));
constexpr std::size_t kNlaHdrLen = align4(sizeof(nlattr));

[[noreturn]] void malformed(const std::string& what) {
    throw Error(ExitCode::Usage, "malformed message from kapi.ko: " + what);
}

// One attribute: its type (without the nested and byte-order flags) and
// its payload.
struct Attr {
    std::uint16_t type = 0;
    std::span<const std::uint8_t> data;
};

// The attributes in BYTES, in order. WHAT names the container in messages.
std::vector<Attr> attributes(std::span<const std::uint8_t> bytes, const std::string& what) {
    std::vector<Attr> out;
    std::size_t off = 0;
    while (off < bytes.size()) {
        if (bytes.size() - off < kNlaHdrLen)
            malformed(what + ": truncated attribute header at offset " + std::to_string(off));
        nlattr a;
        std::memcpy(&a, bytes.data() + off, sizeof(a));
        if (a.nla_len < kNlaHdrLen || a.nla_len > bytes.size() - off)
            malformed(what + ": attribute of length " + std::to_string(a.nla_len) + " at offset " +
                      std::to_string(off) + " does not fit");
        out.push_back(Attr{static_cast<std::uint16_t>(a.nla_type & NLA_TYPE_MASK),
                           bytes.subspan(off + kNlaHdrLen, a.nla_len - kNlaHdrLen)});
        off += align4(a.nla_len);
    }
    return out;
}

// The genetlink payload of NLH, checked to be a message of command CMD.
std::span<const std::uint8_t> genl_payload(const nlmsghdr* nlh, std::uint8_t cmd,
                                           const char* what) {
    if (nlh == nullptr || nlh->nlmsg_len < kNlmsgHdrLen + kGenlHdrLen)
        malformed(std::string(what) + ": too short for a generic netlink message");
    genlmsghdr g;
    std::memcpy(&g, reinterpret_cast<const std::uint8_t*>(nlh) + kNlmsgHdrLen, sizeof(g));
    if (g.cmd != cmd)
        malformed(std::string(what) + ": command " + std::to_string(g.cmd) + ", expected " +
                  std::to_string(cmd));
    const auto* p = reinterpret_cast<const std::uint8_t*>(nlh);
    return {p + kNlmsgHdrLen + kGenlHdrLen, nlh->nlmsg_len - kNlmsgHdrLen - kGenlHdrLen};
}

// Named accessors that check the payload's size.
class Reader {
public:
    Reader(std::string what) : what_(std::move(what)) {}

    std::uint32_t u32(const Attr& a, const char* name) const {
        return uint<std::uint32_t>(a, name);
    }
    std::uint64_t u64(const Attr& a, const char* name) const {
        return uint<std::uint64_t>(a, name);
    }
    std::string str(const Attr& a, const char* name) const {
        if (a.data.empty() || a.data.back() != 0)
            malformed(what_ + ": " + name + " is not a NUL-terminated string");
        const auto* c = reinterpret_cast<const char*>(a.data.data());
        return std::string(c, ::strnlen(c, a.data.size()));
    }
    [[noreturn]] void missing(const char* name) const {
        malformed(what_ + ": " + name + " is missing");
    }
    const std::string& what() const { return what_; }

private:
    template <typename T>
    T uint(const Attr& a, const char* name) const {
        if (a.data.size() != sizeof(T))
            malformed(what_ + ": " + name + " has " + std::to_string(a.data.size()) +
                      " bytes, not " + std::to_string(sizeof(T)));
        T v;
        std::memcpy(&v, a.data.data(), sizeof(T));
        return v;
    }

    std::string what_;
};

// Which required attributes were seen, by type.
class Seen {
public:
    void mark(std::uint16_t type) {
        if (type < bits_.size())
            bits_[type] = true;
    }
    bool has(std::uint16_t type) const { return type < bits_.size() && bits_[type]; }

private:
    std::array<bool, 64> bits_{};
};

void require(const Seen& seen, const Reader& r, std::initializer_list<std::uint16_t> types,
             std::initializer_list<const char*> names) {
    auto name = names.begin();
    for (std::uint16_t t : types) {
        if (!seen.has(t))
            r.missing(*name);
        ++name;
    }
}

// A word of runtime/violations: spaces as '_', control characters as '?'.
std::string word(std::string_view s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == ' ')
            out += '_';
        else if (u < 0x20 || u == 0x7f)
            out += '?';
        else
            out += c;
    }
    return out;
}

// An optional number or string as JSON: the value, or null.
template <typename T>
void optional_json(JsonWriter& j, const char* key, const std::optional<T>& v) {
    if (!v)
        j.null(key);
    else if constexpr (std::is_same_v<T, std::string>)
        j.string(key, *v);
    else
        j.uinteger(key, *v);
}

// V as one compact JSON document, without a newline.
template <typename T>
std::string compact_json(const T& v) {
    std::ostringstream out;
    JsonWriter j(out, false);
    write_json(j, nullptr, v);
    return out.str();
}

// Appends an attribute to OUT.
void put_attr(std::vector<std::uint8_t>& out, std::uint16_t type, const void* data,
              std::size_t len) {
    nlattr a{};
    a.nla_len = static_cast<std::uint16_t>(kNlaHdrLen + len);
    a.nla_type = type;
    const auto* ap = reinterpret_cast<const std::uint8_t*>(&a);
    out.insert(out.end(), ap, ap + sizeof(a));
    const auto* dp = static_cast<const std::uint8_t*>(data);
    out.insert(out.end(), dp, dp + len);
    out.resize(align4(out.size()), 0);
}

void put_u32(std::vector<std::uint8_t>& out, std::uint16_t type, std::uint32_t v) {
    put_attr(out, type, &v, sizeof(v));
}

void put_string(std::vector<std::uint8_t>& out, std::uint16_t type, const std::string& s) {
    put_attr(out, type, s.c_str(), s.size() + 1);
}

Filter parse_filter(std::span<const std::uint8_t> nest, const Reader& r) {
    Filter f;
    for (const Attr& a : attributes(nest, r.what() + " filter")) {
        switch (a.type) {
        case KAPI_FILTER_A_PID:
            f.pid = r.u32(a, "KAPI_FILTER_A_PID");
            break;
        case KAPI_FILTER_A_TGID:
            f.tgid = r.u32(a, "KAPI_FILTER_A_TGID");
            break;
        case KAPI_FILTER_A_UID:
            f.uid = r.u32(a, "KAPI_FILTER_A_UID");
            break;
        case KAPI_FILTER_A_COMM:
            f.comm = r.str(a, "KAPI_FILTER_A_COMM");
            break;
        default:
            break;
        }
    }
    return f;
}

ParamStats parse_param_stats(std::span<const std::uint8_t> nest, const Reader& r) {
    ParamStats p;
    Seen seen;
    for (const Attr& a : attributes(nest, r.what() + " param")) {
        seen.mark(a.type);
        switch (a.type) {
        case KAPI_PARAM_STATS_A_INDEX:
            p.index = r.u32(a, "KAPI_PARAM_STATS_A_INDEX");
            break;
        case KAPI_PARAM_STATS_A_NAME:
            p.name = r.str(a, "KAPI_PARAM_STATS_A_NAME");
            break;
        case KAPI_PARAM_STATS_A_RULE:
            p.rule = r.str(a, "KAPI_PARAM_STATS_A_RULE");
            break;
        case KAPI_PARAM_STATS_A_VIOLATIONS:
            p.violations = r.u64(a, "KAPI_PARAM_STATS_A_VIOLATIONS");
            break;
        default:
            break;
        }
    }
    require(seen, r,
            {KAPI_PARAM_STATS_A_INDEX, KAPI_PARAM_STATS_A_NAME, KAPI_PARAM_STATS_A_RULE,
             KAPI_PARAM_STATS_A_VIOLATIONS},
            {"KAPI_PARAM_STATS_A_INDEX", "KAPI_PARAM_STATS_A_NAME", "KAPI_PARAM_STATS_A_RULE",
             "KAPI_PARAM_STATS_A_VIOLATIONS"});
    return p;
}

ErrnoStats parse_errno_stats(std::span<const std::uint8_t> nest, const Reader& r) {
    ErrnoStats e;
    Seen seen;
    for (const Attr& a : attributes(nest, r.what() + " errno")) {
        seen.mark(a.type);
        switch (a.type) {
        case KAPI_ERRNO_STATS_A_CODE:
            e.code = r.u32(a, "KAPI_ERRNO_STATS_A_CODE");
            break;
        case KAPI_ERRNO_STATS_A_NAME:
            e.name = r.str(a, "KAPI_ERRNO_STATS_A_NAME");
            break;
        case KAPI_ERRNO_STATS_A_COUNT:
            e.count = r.u64(a, "KAPI_ERRNO_STATS_A_COUNT");
            break;
        case KAPI_ERRNO_STATS_A_OBJ_TYPE:
            e.obj_type = r.u32(a, "KAPI_ERRNO_STATS_A_OBJ_TYPE");
            break;
        case KAPI_ERRNO_STATS_A_OBJ_IMPL:
            e.obj_impl = r.u32(a, "KAPI_ERRNO_STATS_A_OBJ_IMPL");
            break;
        case KAPI_ERRNO_STATS_A_FAILED:
            e.failed = r.u64(a, "KAPI_ERRNO_STATS_A_FAILED");
            break;
        default:
            break;
        }
    }
    require(seen, r, {KAPI_ERRNO_STATS_A_CODE, KAPI_ERRNO_STATS_A_NAME, KAPI_ERRNO_STATS_A_COUNT},
            {"KAPI_ERRNO_STATS_A_CODE", "KAPI_ERRNO_STATS_A_NAME", "KAPI_ERRNO_STATS_A_COUNT"});
    return e;
}

} // namespace

std::string object_text(std::uint32_t type, std::uint32_t impl) {
    if (type == 0)
        return "unknown";
    std::string_view t = object_type_name(type);
    std::string_view i = object_impl_name(impl);
    return (t.empty() ? std::to_string(type) : std::string(t)) + ":" +
           (i.empty() ? std::to_string(impl) : std::string(i));
}

SpecMessage parse_spec(const nlmsghdr* nlh) {
    Reader r("GET_SPEC");
    SpecMessage m;
    Seen seen;
    std::uint32_t size = 0;
    for (const Attr& a : attributes(genl_payload(nlh, KAPI_CMD_GET_SPEC, "GET_SPEC"), "GET_SPEC")) {
        seen.mark(a.type);
        switch (a.type) {
        case KAPI_A_SPEC_NAME:
            m.name = r.str(a, "KAPI_A_SPEC_NAME");
            break;
        case KAPI_A_SPEC_KIND:
            m.kind = r.u32(a, "KAPI_A_SPEC_KIND");
            break;
        case KAPI_A_SPEC_SUMMARY:
            m.summary = r.str(a, "KAPI_A_SPEC_SUMMARY");
            break;
        case KAPI_A_SPEC_CONTEXT:
            m.context = r.u32(a, "KAPI_A_SPEC_CONTEXT");
            break;
        case KAPI_A_SPEC_FLAGS:
            m.flags = r.u32(a, "KAPI_A_SPEC_FLAGS");
            break;
        case KAPI_A_SPEC_PARAMS:
            m.params = r.u32(a, "KAPI_A_SPEC_PARAMS");
            break;
        case KAPI_A_SPEC_ERRORS:
            m.errors = r.u32(a, "KAPI_A_SPEC_ERRORS");
            break;
        case KAPI_A_SPEC_OWNER:
            m.owner = r.str(a, "KAPI_A_SPEC_OWNER");
            break;
        case KAPI_A_SPEC_IMAGE_SIZE:
            size = r.u32(a, "KAPI_A_SPEC_IMAGE_SIZE");
            if (size > KAPI_IMAGE_MAX_SIZE)
                malformed("GET_SPEC: KAPI_A_SPEC_IMAGE_SIZE " + std::to_string(size) +
                          " is larger than any image");
            m.image.reserve(size);
            break;
        case KAPI_A_SPEC_IMAGE:
            if (m.image.size() + a.data.size() > KAPI_IMAGE_MAX_SIZE)
                malformed("GET_SPEC: the KAPI_A_SPEC_IMAGE chunks exceed any image");
            m.image.insert(m.image.end(), a.data.begin(), a.data.end());
            break;
        default:
            break;
        }
    }
    require(seen, r,
            {KAPI_A_SPEC_NAME, KAPI_A_SPEC_KIND, KAPI_A_SPEC_CONTEXT, KAPI_A_SPEC_FLAGS,
             KAPI_A_SPEC_PARAMS, KAPI_A_SPEC_ERRORS, KAPI_A_SPEC_IMAGE_SIZE, KAPI_A_SPEC_IMAGE},
            {"KAPI_A_SPEC_NAME", "KAPI_A_SPEC_KIND", "KAPI_A_SPEC_CONTEXT", "KAPI_A_SPEC_FLAGS",
             "KAPI_A_SPEC_PARAMS", "KAPI_A_SPEC_ERRORS", "KAPI_A_SPEC_IMAGE_SIZE",
             "KAPI_A_SPEC_IMAGE"});
    if (m.image.size() != size)
        malformed("GET_SPEC " + m.name + ": the image has " + std::to_string(m.image.size()) +
                  " bytes, KAPI_A_SPEC_IMAGE_SIZE says " + std::to_string(size));
    return m;
}

Spec decode_spec(const SpecMessage& m, std::vector<StructSpec>* structs) {
    DecodeResult d = decode_image(m.image);
    if (!d.ok())
        malformed("GET_SPEC " + m.name + ": its image: " + d.error);
    if (d.specs.specs.size() != 1)
        malformed("GET_SPEC " + m.name + ": its image holds " +
                  std::to_string(d.specs.specs.size()) + " specs, not 1");
    Spec& s = d.specs.specs.front();
    if (structs != nullptr)
        *structs = d.specs.structs;
    auto differs = [&](const char* field) {
        malformed("GET_SPEC " + m.name + ": " + field + " differs from the spec in its image");
    };
    if (s.name != m.name)
        differs("KAPI_A_SPEC_NAME");
    if (s.kind != m.kind)
        differs("KAPI_A_SPEC_KIND");
    if (s.context != m.context)
        differs("KAPI_A_SPEC_CONTEXT");
    if (s.flags != m.flags)
        differs("KAPI_A_SPEC_FLAGS");
    if (s.params.size() != m.params)
        differs("KAPI_A_SPEC_PARAMS");
    if (s.errors.size() != m.errors)
        differs("KAPI_A_SPEC_ERRORS");
    return std::move(s);
}

SpecStats parse_stats(const nlmsghdr* nlh) {
    Reader r("GET_STATS");
    SpecStats s;
    Seen seen;
    for (const Attr& a :
         attributes(genl_payload(nlh, KAPI_CMD_GET_STATS, "GET_STATS"), "GET_STATS")) {
        seen.mark(a.type);
        if (a.type == KAPI_A_SPEC_NAME) {
            s.name = r.str(a, "KAPI_A_SPEC_NAME");
        } else if (a.type == KAPI_A_STATS) {
            Seen in;
            for (const Attr& b : attributes(a.data, "GET_STATS stats")) {
                in.mark(b.type);
                switch (b.type) {
                case KAPI_STATS_A_CALLS:
                    s.calls = r.u64(b, "KAPI_STATS_A_CALLS");
                    break;
                case KAPI_STATS_A_VIOLATIONS:
                    s.violations = r.u64(b, "KAPI_STATS_A_VIOLATIONS");
                    break;
                case KAPI_STATS_A_RETURN_VIOLATIONS:
                    s.return_violations = r.u64(b, "KAPI_STATS_A_RETURN_VIOLATIONS");
                    break;
                case KAPI_STATS_A_UNDOCUMENTED:
                    s.undocumented = r.u64(b, "KAPI_STATS_A_UNDOCUMENTED");
                    break;
                case KAPI_STATS_A_DIVERGENCES:
                    s.divergences = r.u64(b, "KAPI_STATS_A_DIVERGENCES");
                    break;
                case KAPI_STATS_A_ENFORCED:
                    s.enforced = r.u64(b, "KAPI_STATS_A_ENFORCED");
                    break;
                case KAPI_STATS_A_CONTEXT:
                    s.context = r.u64(b, "KAPI_STATS_A_CONTEXT");
                    break;
                case KAPI_STATS_A_PARAM:
                    s.params.push_back(parse_param_stats(b.data, r));
                    break;
                case KAPI_STATS_A_ERRNO:
                    s.errnos.push_back(parse_errno_stats(b.data, r));
                    break;
                case KAPI_STATS_A_ERRNO_OTHER:
                    s.errno_other = r.u64(b, "KAPI_STATS_A_ERRNO_OTHER");
                    break;
                case KAPI_STATS_A_ERRNO_OTHER_FAILED:
                    s.errno_other_failed = r.u64(b, "KAPI_STATS_A_ERRNO_OTHER_FAILED");
                    break;
                default:
                    break;
                }
            }
            require(in, r, {KAPI_STATS_A_CALLS}, {"KAPI_STATS_A_CALLS"});
        }
    }
    require(seen, r, {KAPI_A_SPEC_NAME, KAPI_A_STATS}, {"KAPI_A_SPEC_NAME", "KAPI_A_STATS"});
    return s;
}

std::string stats_text(const SpecStats& s) {
    const std::string& n = s.name;
    std::string out = n + " calls=" + std::to_string(s.calls) +
                      " violations=" + std::to_string(s.violations) +
                      " return_violations=" + std::to_string(s.return_violations) +
                      " undocumented=" + std::to_string(s.undocumented) +
                      " divergences=" + std::to_string(s.divergences) +
                      " enforced=" + std::to_string(s.enforced) + "\n";
    for (const ParamStats& p : s.params)
        out += n + " param=" + p.name + " rule=" + p.rule +
               " violations=" + std::to_string(p.violations) + "\n";
    if (s.context != 0)
        out += n + " rule=context violations=" + std::to_string(s.context) + "\n";
    for (const ErrnoStats& e : s.errnos)
        out += n + " errno=" + e.name + " object=" + object_text(e.obj_type, e.obj_impl) +
               " failed=" + std::to_string(e.failed) + " undocumented=" + std::to_string(e.count) +
               "\n";
    if (s.errno_other_failed != 0 || s.errno_other != 0)
        out += n + " errno=other failed=" + std::to_string(s.errno_other_failed) +
               " undocumented=" + std::to_string(s.errno_other) + "\n";
    return out;
}

void write_json(JsonWriter& j, const char* key, const SpecStats& s) {
    j.begin_object(key);
    j.string("name", s.name);
    j.uinteger("calls", s.calls);
    j.uinteger("violations", s.violations);
    j.uinteger("return_violations", s.return_violations);
    j.uinteger("undocumented", s.undocumented);
    j.uinteger("divergences", s.divergences);
    j.uinteger("enforced", s.enforced);
    j.uinteger("context", s.context);
    j.begin_array("params");
    for (const ParamStats& p : s.params) {
        j.begin_object();
        j.uinteger("index", p.index);
        j.string("name", p.name);
        j.string("rule", p.rule);
        j.uinteger("violations", p.violations);
        j.end_object();
    }
    j.end_array();
    j.begin_array("errnos");
    for (const ErrnoStats& e : s.errnos) {
        j.begin_object();
        j.uinteger("code", e.code);
        j.string("name", e.name);
        j.string("object", object_text(e.obj_type, e.obj_impl));
        j.uinteger("failed", e.failed);
        j.uinteger("undocumented", e.count);
        j.end_object();
    }
    j.end_array();
    j.uinteger("errno_other", s.errno_other);
    j.uinteger("errno_other_failed", s.errno_other_failed);
    j.end_object();
}

std::string stats_json(const SpecStats& s) {
    return compact_json(s);
}

Filter parse_filter_words(std::span<const std::string> words) {
    auto bad = [](const std::string& message) -> void {
        throw Error(ExitCode::Usage, "filter: " + message,
                    "Give 'clear', or pid=N, tgid=N, uid=N and comm=NAME, each at most once.");
    };
    Filter f;
    if (words.empty())
        bad("nothing to set");
    if (words.size() == 1 && words[0] == "clear")
        return f;
    for (const std::string& w : words) {
        std::size_t eq = w.find('=');
        if (eq == std::string::npos || eq == 0) {
            bad("'" + w + "' is not key=value");
            continue;
        }
        std::string key = w.substr(0, eq), value = w.substr(eq + 1);
        auto number = [&](std::uint64_t min, std::uint64_t max) -> std::uint32_t {
            std::uint64_t v = 0;
            bool ok = !value.empty() && value.size() <= 10;
            for (char c : value) {
                ok = ok && c >= '0' && c <= '9';
                if (ok)
                    v = v * 10 + static_cast<std::uint64_t>(c - '0');
            }
            if (!ok || v < min || v > max)
                bad(key + "='" + value + "': expected a number from " + std::to_string(min) +
                    " to " + std::to_string(max));
            return static_cast<std::uint32_t>(v);
        };
        bool twice = false;
        if (key == "pid") {
            twice = f.pid.has_value();
            f.pid = number(1, 4194304);
        } else if (key == "tgid") {
            twice = f.tgid.has_value();
            f.tgid = number(1, 4194304);
        } else if (key == "uid") {
            twice = f.uid.has_value();
            f.uid = number(0, 4294967294);
        } else if (key == "comm") {
            twice = f.comm.has_value();
            bool ok = !value.empty() && value.size() <= 15;
            for (char c : value)
                ok = ok && c > ' ' && c <= '~';
            if (!ok)
                bad("comm='" + value + "': expected 1 to 15 printable characters, no spaces");
            f.comm = value;
        } else {
            bad("unknown key '" + key + "'");
        }
        if (twice)
            bad("'" + key + "' given twice");
    }
    return f;
}

std::string filter_text(const Filter& f) {
    auto num = [](const std::optional<std::uint32_t>& v) {
        return v ? std::to_string(*v) : std::string("-");
    };
    return "pid=" + num(f.pid) + " tgid=" + num(f.tgid) + " uid=" + num(f.uid) +
           " comm=" + (f.comm ? *f.comm : std::string("-"));
}

void write_json(JsonWriter& j, const char* key, const Filter& f) {
    j.begin_object(key);
    optional_json(j, "pid", f.pid);
    optional_json(j, "tgid", f.tgid);
    optional_json(j, "uid", f.uid);
    optional_json(j, "comm", f.comm);
    j.end_object();
}

std::string filter_json(const Filter& f) {
    return compact_json(f);
}

Status parse_status(const nlmsghdr* nlh) {
    Reader r("GET_STATUS");
    Status s;
    Seen seen;
    for (const Attr& a :
         attributes(genl_payload(nlh, KAPI_CMD_GET_STATUS, "GET_STATUS"), "GET_STATUS")) {
        seen.mark(a.type);
        switch (a.type) {
        case KAPI_A_MODE:
            s.mode = r.u32(a, "KAPI_A_MODE");
            break;
        case KAPI_A_FILTER:
            s.filter = parse_filter(a.data, r);
            break;
        case KAPI_A_RING_CAPACITY:
            s.ring_capacity = r.u32(a, "KAPI_A_RING_CAPACITY");
            break;
        case KAPI_A_RING_RECORDS:
            s.ring_records = r.u32(a, "KAPI_A_RING_RECORDS");
            break;
        case KAPI_A_RING_DROPPED:
            s.ring_dropped = r.u64(a, "KAPI_A_RING_DROPPED");
            break;
        case KAPI_A_SEQ:
            s.seq = r.u64(a, "KAPI_A_SEQ");
            break;
        case KAPI_A_EVENTS_SENT:
            s.events_sent = r.u64(a, "KAPI_A_EVENTS_SENT");
            break;
        case KAPI_A_EVENTS_LOST:
            s.events_lost = r.u64(a, "KAPI_A_EVENTS_LOST");
            break;
        case KAPI_A_EVENTS_FAILED:
            s.events_failed = r.u64(a, "KAPI_A_EVENTS_FAILED");
            break;
        case KAPI_A_LOG:
            s.log = r.u32(a, "KAPI_A_LOG") != 0;
            break;
        default:
            break;
        }
    }
    require(seen, r, {KAPI_A_MODE, KAPI_A_FILTER, KAPI_A_SEQ},
            {"KAPI_A_MODE", "KAPI_A_FILTER", "KAPI_A_SEQ"});
    return s;
}

std::string mode_name(std::uint32_t mode) {
    switch (mode) {
    case KAPI_GENL_MODE_OFF:
        return "off";
    case KAPI_GENL_MODE_AUDIT:
        return "audit";
    case KAPI_GENL_MODE_ENFORCE:
        return "enforce";
    default:
        return std::to_string(mode);
    }
}

std::optional<std::uint32_t> parse_mode(std::string_view name) {
    for (std::uint32_t m : {KAPI_GENL_MODE_OFF, KAPI_GENL_MODE_AUDIT, KAPI_GENL_MODE_ENFORCE})
        if (mode_name(m) == name)
            return m;
    return std::nullopt;
}

std::string status_text(const Status& s) {
    return "# mode=" + mode_name(s.mode) + " ring=" + std::to_string(s.ring_records) + "/" +
           std::to_string(s.ring_capacity) + " dropped=" + std::to_string(s.ring_dropped) +
           " seq=" + std::to_string(s.seq) + " events: sent=" + std::to_string(s.events_sent) +
           " lost=" + std::to_string(s.events_lost) + " failed=" + std::to_string(s.events_failed) +
           "\n";
}

void write_json(JsonWriter& j, const char* key, const Status& s) {
    j.begin_object(key);
    j.string("mode", mode_name(s.mode));
    write_json(j, "filter", s.filter);
    j.begin_object("ring");
    j.uinteger("capacity", s.ring_capacity);
    j.uinteger("records", s.ring_records);
    j.uinteger("dropped", s.ring_dropped);
    j.uinteger("seq", s.seq);
    j.end_object();
    j.begin_object("events");
    j.uinteger("sent", s.events_sent);
    j.uinteger("lost", s.events_lost);
    j.uinteger("failed", s.events_failed);
    j.end_object();
    j.end_object();
}

std::string status_json(const Status& s) {
    return compact_json(s);
}

Violation parse_violation(const nlmsghdr* nlh) {
    Reader r("VIOLATION");
    Violation v;
    Seen seen;
    for (const Attr& a :
         attributes(genl_payload(nlh, KAPI_CMD_VIOLATION, "VIOLATION"), "VIOLATION")) {
        seen.mark(a.type);
        if (a.type == KAPI_A_EVENTS_LOST) {
            v.events_lost = r.u64(a, "KAPI_A_EVENTS_LOST");
            continue;
        }
        if (a.type != KAPI_A_VIOLATION)
            continue;
        Seen in;
        for (const Attr& b : attributes(a.data, "VIOLATION record")) {
            in.mark(b.type);
            switch (b.type) {
            case KAPI_VIOLATION_A_SEQ:
                v.seq = r.u64(b, "KAPI_VIOLATION_A_SEQ");
                break;
            case KAPI_VIOLATION_A_TS:
                v.ts = r.u64(b, "KAPI_VIOLATION_A_TS");
                break;
            case KAPI_VIOLATION_A_PID:
                v.pid = r.u32(b, "KAPI_VIOLATION_A_PID");
                break;
            case KAPI_VIOLATION_A_TGID:
                v.tgid = r.u32(b, "KAPI_VIOLATION_A_TGID");
                break;
            case KAPI_VIOLATION_A_UID:
                v.uid = r.u32(b, "KAPI_VIOLATION_A_UID");
                break;
            case KAPI_VIOLATION_A_COMM:
                v.comm = r.str(b, "KAPI_VIOLATION_A_COMM");
                break;
            case KAPI_VIOLATION_A_SPEC:
                v.spec = r.str(b, "KAPI_VIOLATION_A_SPEC");
                break;
            case KAPI_VIOLATION_A_ARG:
                if (v.args.size() >= 64)
                    malformed("VIOLATION: more than 64 KAPI_VIOLATION_A_ARG");
                v.args.push_back(r.u64(b, "KAPI_VIOLATION_A_ARG"));
                break;
            case KAPI_VIOLATION_A_RULE:
                v.rule = r.str(b, "KAPI_VIOLATION_A_RULE");
                break;
            case KAPI_VIOLATION_A_EXPECTED:
                v.expected = r.str(b, "KAPI_VIOLATION_A_EXPECTED");
                break;
            case KAPI_VIOLATION_A_ACTUAL:
                v.actual = r.str(b, "KAPI_VIOLATION_A_ACTUAL");
                break;
            case KAPI_VIOLATION_A_MODE:
                v.mode = r.u32(b, "KAPI_VIOLATION_A_MODE");
                break;
            case KAPI_VIOLATION_A_OBJ_TYPE:
                v.has_object = true;
                v.obj_type = r.u32(b, "KAPI_VIOLATION_A_OBJ_TYPE");
                break;
            case KAPI_VIOLATION_A_OBJ_IMPL:
                v.obj_impl = r.u32(b, "KAPI_VIOLATION_A_OBJ_IMPL");
                break;
            default:
                break;
            }
        }
        require(in, r,
                {KAPI_VIOLATION_A_SEQ, KAPI_VIOLATION_A_SPEC, KAPI_VIOLATION_A_RULE,
                 KAPI_VIOLATION_A_MODE},
                {"KAPI_VIOLATION_A_SEQ", "KAPI_VIOLATION_A_SPEC", "KAPI_VIOLATION_A_RULE",
                 "KAPI_VIOLATION_A_MODE"});
    }
    require(seen, r, {KAPI_A_VIOLATION}, {"KAPI_A_VIOLATION"});
    return v;
}

std::string violation_text(const Violation& v) {
    std::string out = "seq=" + std::to_string(v.seq) + " ts=" + std::to_string(v.ts) +
                      " pid=" + std::to_string(static_cast<std::int32_t>(v.pid)) +
                      " tgid=" + std::to_string(static_cast<std::int32_t>(v.tgid)) +
                      " uid=" + std::to_string(v.uid) + " comm=" + word(v.comm) +
                      " syscall=" + word(v.spec) + " args=";
    if (v.args.empty())
        out += '-';
    for (std::size_t i = 0; i < v.args.size(); i++)
        out += (i ? "," : "") + hex(v.args[i]);
    out += " rule=" + word(v.rule) + " expected=" + word(v.expected) + " actual=" + word(v.actual);
    if (v.has_object)
        out += " object=" + object_text(v.obj_type, v.obj_impl);
    return out + " mode=" + mode_name(v.mode) + "\n";
}

void write_json(JsonWriter& j, const char* key, const Violation& v) {
    j.begin_object(key);
    j.uinteger("seq", v.seq);
    j.uinteger("ts", v.ts);
    j.uinteger("pid", v.pid);
    j.uinteger("tgid", v.tgid);
    j.uinteger("uid", v.uid);
    j.string("comm", v.comm);
    j.string("syscall", v.spec);
    j.begin_array("args");
    for (std::uint64_t a : v.args)
        j.string(nullptr, hex(a));
    j.end_array();
    j.string("rule", v.rule);
    j.string("expected", v.expected);
    j.string("actual", v.actual);
    if (v.has_object)
        j.string("object", object_text(v.obj_type, v.obj_impl));
    j.string("mode", mode_name(v.mode));
    j.end_object();
}

std::string violation_json(const Violation& v) {
    return compact_json(v) + "\n";
}

std::vector<std::uint8_t> encode_request(const Request& request, std::uint16_t family,
                                         std::uint32_t seq) {
    std::vector<std::uint8_t> out(kNlmsgHdrLen + kGenlHdrLen, 0);
    if (request.name)
        put_string(out, KAPI_A_SPEC_NAME, *request.name);
    if (request.mode)
        put_u32(out, KAPI_A_MODE, *request.mode);
    if (request.log)
        put_u32(out, KAPI_A_LOG, *request.log);
    if (request.filter) {
        std::vector<std::uint8_t> nest;
        const Filter& f = *request.filter;
        if (f.pid)
            put_u32(nest, KAPI_FILTER_A_PID, *f.pid);
        if (f.tgid)
            put_u32(nest, KAPI_FILTER_A_TGID, *f.tgid);
        if (f.uid)
            put_u32(nest, KAPI_FILTER_A_UID, *f.uid);
        if (f.comm)
            put_string(nest, KAPI_FILTER_A_COMM, *f.comm);
        put_attr(out, KAPI_A_FILTER | NLA_F_NESTED, nest.data(), nest.size());
    }
    nlmsghdr h{};
    h.nlmsg_len = static_cast<std::uint32_t>(out.size());
    h.nlmsg_type = family;
    h.nlmsg_flags = NLM_F_REQUEST | (request.dump ? NLM_F_DUMP : NLM_F_ACK);
    h.nlmsg_seq = seq;
    genlmsghdr g{};
    g.cmd = request.cmd;
    g.version = KAPI_GENL_VERSION;
    std::memcpy(out.data(), &h, sizeof(h));
    std::memcpy(out.data() + kNlmsgHdrLen, &g, sizeof(g));
    return out;
}

KernelError parse_error(const nlmsghdr* nlh) {
    KernelError e;
    const auto* p = reinterpret_cast<const std::uint8_t*>(nlh);
    if (nlh == nullptr || nlh->nlmsg_len < kNlmsgHdrLen + sizeof(int))
        malformed("an error message too short for its error code");
    std::span<const std::uint8_t> body(p + kNlmsgHdrLen, nlh->nlmsg_len - kNlmsgHdrLen);
    std::memcpy(&e.error, body.data(), sizeof(int));
    std::size_t tlv_off;
    if (nlh->nlmsg_type == NLMSG_DONE) {
        tlv_off = sizeof(int);
    } else {
        // struct nlmsgerr: the error, then the request's header, and its
        // payload too unless the reply is capped.
        if (body.size() < sizeof(nlmsgerr))
            malformed("NLMSG_ERROR too short for struct nlmsgerr");
        nlmsghdr req;
        std::memcpy(&req, body.data() + sizeof(int), sizeof(req));
        tlv_off = sizeof(nlmsgerr);
        if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
            tlv_off = sizeof(int) + align4(req.nlmsg_len);
    }
    if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || tlv_off >= body.size())
        return e;
    for (const Attr& a : attributes(body.subspan(tlv_off), "extended ACK")) {
        if (a.type == NLMSGERR_ATTR_MSG && !a.data.empty() && a.data.back() == 0)
            e.message = reinterpret_cast<const char*>(a.data.data());
    }
    return e;
}

} // namespace kapi::netlink
