// SPDX-License-Identifier: GPL-2.0
//
// The client of kapi.ko's generic netlink family "kapi" (include/uapi/
// linux/kapi.h, Documentation/netlink.rst): the messages of the family as
// plain structs, functions that encode requests and decode replies and
// events (pure, testable without a kernel: they take and return bytes), the
// text and JSON forms kapi-dump prints, and Client, which talks to the
// loaded module through libnl-genl-3. Everything received is checked like
// any untrusted input: a message that lacks an attribute it must have, or
// has one of the wrong size, throws kapi::Error(ExitCode::Usage) naming it;
// attributes a reader does not know are skipped (the family may grow).
#pragma once

#include <linux/netlink.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/json.h"
#include "kapi/model.h"
#include "uapi/linux/kapi.h"

namespace kapi::netlink {

// GET_SPEC: one spec, as its own spec image plus its key fields.
struct SpecMessage {
    std::string name;
    std::uint32_t kind = 0;
    std::string summary;
    std::uint32_t context = 0;
    std::uint32_t flags = 0;
    std::uint32_t params = 0;
    std::uint32_t errors = 0;
    std::string owner; // the module that registered it; "" if not given
    std::vector<std::uint8_t> image;
};

// Decodes a GET_SPEC message (a whole nlmsghdr with its genetlink header):
// the image is the concatenation of the KAPI_A_SPEC_IMAGE attributes and
// must be exactly KAPI_A_SPEC_IMAGE_SIZE bytes.
SpecMessage parse_spec(const nlmsghdr* nlh);

// The spec the message carries: its image decoded (and checked) like any
// image, holding exactly one spec whose name, kind, context, flags and
// counts of parameters and errors are those of the key attributes.
// STRUCTS, if given, receives the structs of the image (those the spec's
// params point to).
Spec decode_spec(const SpecMessage& m, std::vector<StructSpec>* structs = nullptr);

struct ParamStats {
    std::uint32_t index = 0;
    std::string name;
    std::string rule; // the constraint: "range", "buffer", ...
    std::uint64_t violations = 0;
};

// One error code that failed calls returned on one kind of object.
struct ErrnoStats {
    std::uint32_t code = 0; // positive
    std::string name;       // "ESRCH", or the number
    std::uint64_t count = 0;    // of them undocumented
    std::uint32_t obj_type = 0; // enum kapi_object_type, 0: unknown
    std::uint32_t obj_impl = 0; // enum kapi_object_impl
    std::uint64_t failed = 0;   // all of them, documented or not
};

// An object kind as kapi.ko's reports name it: "sock:tcp", "reg:ext4";
// "unknown" for type 0; a number for a value this build has no name for.
std::string object_text(std::uint32_t type, std::uint32_t impl);

// GET_STATS: the counters of one hooked spec.
struct SpecStats {
    std::string name;
    std::uint64_t calls = 0;
    std::uint64_t violations = 0;
    std::uint64_t return_violations = 0;
    std::uint64_t undocumented = 0;
    std::uint64_t divergences = 0;
    std::uint64_t enforced = 0;
    std::uint64_t context = 0;
    std::vector<ParamStats> params;
    std::vector<ErrnoStats> errnos;
    std::uint64_t errno_other = 0;        // undocumented errors without a slot
    std::uint64_t errno_other_failed = 0; // failed calls without a slot
};

SpecStats parse_stats(const nlmsghdr* nlh);

// The lines of /sys/kernel/debug/kapi/runtime/stats for S, byte for byte
// (Documentation/runtime.rst), each ending with a newline.
std::string stats_text(const SpecStats& s);

// S as the JSON value KEY of J (nullptr: an array element or the
// document): {"name":...,"calls":...,...}, the layout of
// Documentation/netlink.rst. The write_json() functions below do the same
// for the other records.
void write_json(JsonWriter& j, const char* key, const SpecStats& s);
// S as one compact JSON document.
std::string stats_json(const SpecStats& s);

// The filter: the fields that are set.
struct Filter {
    std::optional<std::uint32_t> pid;
    std::optional<std::uint32_t> tgid;
    std::optional<std::uint32_t> uid;
    std::optional<std::string> comm;

    bool empty() const { return !pid && !tgid && !uid && !comm; }
    friend bool operator==(const Filter&, const Filter&) = default;
};

// The words of "kapi-dump filter ...", as runtime/filter takes them:
// "clear", or key=value pairs (pid, tgid, uid, comm), each key at most
// once, with the ranges of Documentation/runtime.rst. Throws
// kapi::Error(ExitCode::Usage) with a precise message otherwise.
Filter parse_filter_words(std::span<const std::string> words);

// "pid=N|- tgid=N|- uid=N|- comm=NAME|-", as runtime/filter reads.
std::string filter_text(const Filter& f);
// {"pid":N|null,"tgid":N|null,"uid":N|null,"comm":"NAME"|null}
void write_json(JsonWriter& j, const char* key, const Filter& f);
std::string filter_json(const Filter& f);

// GET_STATUS: the mode, the filter, the ring and the event counters.
struct Status {
    std::uint32_t mode = KAPI_GENL_MODE_OFF;
    Filter filter;
    std::uint32_t ring_capacity = 0;
    std::uint32_t ring_records = 0;
    std::uint64_t ring_dropped = 0;
    std::uint64_t seq = 0;
    std::uint64_t events_sent = 0;
    std::uint64_t events_lost = 0;
    std::uint64_t events_failed = 0;
    bool log = false; // KAPI_A_LOG: violations go to the kernel log too
};

Status parse_status(const nlmsghdr* nlh);

// "off", "audit", "enforce"; the number for a mode this reader does not know.
std::string mode_name(std::uint32_t mode);
// The mode called NAME, or std::nullopt.
std::optional<std::uint32_t> parse_mode(std::string_view name);

// "# mode=audit ring=2/256 dropped=0 seq=2 events: sent=2 lost=0 failed=0"
std::string status_text(const Status& s);
// {"mode":"audit","filter":{...},"ring":{...},"events":{...}}
void write_json(JsonWriter& j, const char* key, const Status& s);
std::string status_json(const Status& s);

// A VIOLATION event: one record of the violation ring.
struct Violation {
    std::uint64_t seq = 0;
    std::uint64_t ts = 0;
    std::uint32_t pid = 0;
    std::uint32_t tgid = 0;
    std::uint32_t uid = 0;
    std::string comm;
    std::string spec;
    std::vector<std::uint64_t> args;
    std::string rule;
    std::string expected;
    std::string actual;
    std::uint32_t mode = KAPI_GENL_MODE_AUDIT;
    // A record of a failed call names its object (KAPI_VIOLATION_A_OBJ_*).
    bool has_object = false;
    std::uint32_t obj_type = 0;
    std::uint32_t obj_impl = 0;
    std::uint64_t events_lost = 0; // kapi.ko's count of records lost so far
};

Violation parse_violation(const nlmsghdr* nlh);

// The record's line of runtime/violations, byte for byte, with a newline.
std::string violation_text(const Violation& v);
// {"seq":...,"ts":...,...,"args":["0x0",...],...,"mode":"audit"}
void write_json(JsonWriter& j, const char* key, const Violation& v);
// The record as one compact JSON document, with a newline.
std::string violation_json(const Violation& v);

// A request to the family.
struct Request {
    std::uint8_t cmd = KAPI_CMD_UNSPEC;
    bool dump = false;
    std::optional<std::string> name;   // KAPI_A_SPEC_NAME
    std::optional<std::uint32_t> mode; // KAPI_A_MODE
    std::optional<Filter> filter;      // KAPI_A_FILTER (an empty one clears)
    std::optional<std::uint32_t> log;  // KAPI_A_LOG
};

// The bytes of REQUEST as a message to family FAMILY with sequence number
// SEQ: NLM_F_REQUEST | NLM_F_ACK, and NLM_F_DUMP for a dump.
std::vector<std::uint8_t> encode_request(const Request& request, std::uint16_t family,
                                         std::uint32_t seq);

// An error the kernel answered with: NLMSG_ERROR, or the status at the end
// of a dump (NLMSG_DONE), with the extended ACK message if there is one.
struct KernelError {
    int error = 0; // a negative errno, 0 for an ACK
    std::string message;
};

// Decodes an NLMSG_ERROR or NLMSG_DONE message.
KernelError parse_error(const nlmsghdr* nlh);

// A connection to the loaded kapi.ko. Every call throws
// kapi::Error(ExitCode::Usage) with a clear message when kapi.ko is not
// loaded, speaks another version of the family, refuses the request
// (EPERM: "... needs CAP_NET_ADMIN") or sends something malformed.
class Client {
public:
    Client();
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    std::vector<SpecMessage> specs();         // every spec, in registration order
    std::vector<SpecStats> stats();           // every hooked spec
    SpecStats stats(const std::string& name); // one
    Status status();
    void set_mode(std::uint32_t mode);
    void set_filter(const Filter& filter);
    void reset_stats();
    void set_log(bool on);

    // What monitor() hands its callback: a violation, or a gap in the
    // sequence numbers (records lost between two events: overwritten in
    // the ring before they were sent, or dropped because the receive
    // buffer was full).
    struct Event {
        std::optional<Violation> violation;
        std::uint64_t lost = 0;
    };

    // Joins the violations group, calls ON_READY once it receives, then
    // ON_EVENT for every event until ON_EVENT returns false or STOP() is
    // true (checked at least every 200 ms and after each signal). Gaps are
    // counted from the last record made when it joined.
    void monitor(const std::function<void()>& on_ready,
                 const std::function<bool(const Event&)>& on_event,
                 const std::function<bool()>& stop);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kapi::netlink
