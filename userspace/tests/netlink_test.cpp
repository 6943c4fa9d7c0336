// SPDX-License-Identifier: GPL-2.0
//
// Tests of the netlink client's messages (kapi/netlink.h), without a
// kernel: replies and events are built with libnl exactly as kapi.ko lays
// them out (module/netlink.c) and fed to the decoders; requests are encoded
// and taken apart again with libnl. Each decoder must accept the real
// layout, skip attributes it does not know, and refuse every malformed
// message with a message naming what is wrong. The text forms must be
// runtime/stats's and runtime/violations's lines byte for byte.

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/netlink.h"
#include "kapi/source.h"
#include "uapi/linux/kapi.h"

namespace {

namespace nl = kapi::netlink;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kFamily = 0x1234;
const std::string kFixtures = KAPI_TEST_FIXTURE_DIR;

struct MsgDeleter {
    void operator()(nl_msg* m) const { nlmsg_free(m); }
};
using Msg = std::unique_ptr<nl_msg, MsgDeleter>;

// A message of the family with command CMD, as kapi.ko starts one.
Msg message(std::uint8_t cmd) {
    Msg m(nlmsg_alloc());
    genlmsg_put(m.get(), NL_AUTO_PORT, NL_AUTO_SEQ, kFamily, 0, 0, cmd, KAPI_GENL_VERSION);
    return m;
}

const nlmsghdr* hdr(const Msg& m) {
    return nlmsg_hdr(m.get());
}

void put_u64(const Msg& m, int type, std::uint64_t v) {
    nla_put_u64(m.get(), type, v);
}

// The kapi::Error that F throws; fails the test if it throws none.
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const kapi::Error& e) {
        EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
        return e.what();
    }
    ADD_FAILURE() << "no kapi::Error thrown";
    return {};
}

// The first spec of the renderer fixture, as an image of its own.
kapi::Spec fixture_spec() {
    kapi::SourceResult r = kapi::elf_source(kFixtures + "/render_specs.o")->read();
    EXPECT_FALSE(r.specs.specs.empty());
    return r.specs.specs.front();
}

std::vector<std::uint8_t> image_of(const kapi::Spec& s) {
    kapi::SpecSet set;
    set.specs.push_back(s);
    return kapi::encode_image(set);
}

// A GET_SPEC message for S, its image cut into chunks of CHUNK bytes.
Msg spec_message(const kapi::Spec& s, std::size_t chunk = KAPI_GENL_IMAGE_CHUNK) {
    std::vector<std::uint8_t> image = image_of(s);
    Msg m = message(KAPI_CMD_GET_SPEC);
    nla_put_string(m.get(), KAPI_A_SPEC_NAME, s.name.c_str());
    nla_put_u32(m.get(), KAPI_A_SPEC_KIND, s.kind);
    nla_put_string(m.get(), KAPI_A_SPEC_SUMMARY, s.summary.c_str());
    nla_put_u32(m.get(), KAPI_A_SPEC_CONTEXT, s.context);
    nla_put_u32(m.get(), KAPI_A_SPEC_FLAGS, s.flags);
    nla_put_u32(m.get(), KAPI_A_SPEC_PARAMS, static_cast<std::uint32_t>(s.params.size()));
    nla_put_u32(m.get(), KAPI_A_SPEC_ERRORS, static_cast<std::uint32_t>(s.errors.size()));
    nla_put_string(m.get(), KAPI_A_SPEC_OWNER, "kapi_sample");
    nla_put_u32(m.get(), KAPI_A_SPEC_IMAGE_SIZE, static_cast<std::uint32_t>(image.size()));
    for (std::size_t off = 0; off < image.size(); off += chunk)
        nla_put(m.get(), KAPI_A_SPEC_IMAGE, static_cast<int>(std::min(chunk, image.size() - off)),
                image.data() + off);
    return m;
}

// --- GET_SPEC -----------------------------------------------------------------------

TEST(NetlinkSpecTest, DecodesTheSpecFromChunks) {
    kapi::Spec s = fixture_spec();
    for (std::size_t chunk :
         {std::size_t{64}, std::size_t{1000}, std::size_t{KAPI_GENL_IMAGE_CHUNK}}) {
        Msg m = spec_message(s, chunk);
        nl::SpecMessage sm = nl::parse_spec(hdr(m));
        EXPECT_EQ(sm.name, s.name);
        EXPECT_EQ(sm.kind, s.kind);
        EXPECT_EQ(sm.summary, s.summary);
        EXPECT_EQ(sm.params, s.params.size());
        EXPECT_EQ(sm.owner, "kapi_sample");
        EXPECT_EQ(sm.image, image_of(s));
        EXPECT_EQ(nl::decode_spec(sm), s) << "chunks of " << chunk;
    }
}

TEST(NetlinkSpecTest, SkipsAttributesItDoesNotKnow) {
    kapi::Spec s = fixture_spec();
    Msg m = spec_message(s);
    nla_put_u32(m.get(), KAPI_A_MAX + 7, 42);
    nla_put_string(m.get(), 300, "from a newer kapi.ko");
    EXPECT_EQ(nl::decode_spec(nl::parse_spec(hdr(m))), s);
}

TEST(NetlinkSpecTest, RefusesAMissingAttribute) {
    Msg m = message(KAPI_CMD_GET_SPEC);
    nla_put_string(m.get(), KAPI_A_SPEC_NAME, "sys_x");
    EXPECT_EQ(error_of([&] { nl::parse_spec(hdr(m)); }),
              "malformed message from kapi.ko: GET_SPEC: KAPI_A_SPEC_KIND is missing");
}

TEST(NetlinkSpecTest, RefusesAnImageOfTheWrongSize) {
    kapi::Spec s = fixture_spec();
    Msg m = spec_message(s);
    std::uint8_t extra[8] = {};
    nla_put(m.get(), KAPI_A_SPEC_IMAGE, sizeof(extra), extra);
    EXPECT_THAT(error_of([&] { nl::parse_spec(hdr(m)); }),
                HasSubstr("KAPI_A_SPEC_IMAGE_SIZE says " + std::to_string(image_of(s).size())));
}

TEST(NetlinkSpecTest, RefusesAttributesOfTheWrongShape) {
    Msg m = message(KAPI_CMD_GET_SPEC);
    std::uint16_t two = 2;
    nla_put(m.get(), KAPI_A_SPEC_KIND, sizeof(two), &two);
    EXPECT_EQ(error_of([&] { nl::parse_spec(hdr(m)); }),
              "malformed message from kapi.ko: GET_SPEC: KAPI_A_SPEC_KIND has 2 bytes, not 4");
    Msg n = message(KAPI_CMD_GET_SPEC);
    nla_put(n.get(), KAPI_A_SPEC_NAME, 3, "abc");
    EXPECT_EQ(error_of([&] { nl::parse_spec(hdr(n)); }),
              "malformed message from kapi.ko: GET_SPEC: KAPI_A_SPEC_NAME is not a "
              "NUL-terminated string");
}

TEST(NetlinkSpecTest, RefusesAnAttributeThatDoesNotFit) {
    Msg m = spec_message(fixture_spec());
    // Make the last attribute claim more bytes than the message has.
    nlmsghdr* h = nlmsg_hdr(m.get());
    auto* a =
        reinterpret_cast<nlattr*>(reinterpret_cast<std::uint8_t*>(h) + NLMSG_HDRLEN + GENL_HDRLEN);
    a->nla_len = 0xfff0;
    EXPECT_THAT(error_of([&] { nl::parse_spec(h); }), HasSubstr("does not fit"));
    a->nla_len = 2;
    EXPECT_THAT(error_of([&] { nl::parse_spec(h); }), HasSubstr("attribute of length 2"));
}

TEST(NetlinkSpecTest, RefusesAnotherCommandOrATruncatedHeader) {
    Msg m = message(KAPI_CMD_GET_STATS);
    EXPECT_EQ(error_of([&] { nl::parse_spec(hdr(m)); }),
              "malformed message from kapi.ko: GET_SPEC: command 2, expected 1");
    nlmsghdr h{};
    h.nlmsg_len = sizeof(h);
    EXPECT_THAT(error_of([&] { nl::parse_spec(&h); }),
                HasSubstr("too short for a generic netlink message"));
}

TEST(NetlinkSpecTest, KeyFieldsMustAgreeWithTheImage) {
    kapi::Spec s = fixture_spec();
    nl::SpecMessage sm = nl::parse_spec(hdr(spec_message(s)));
    nl::SpecMessage bad = sm;
    bad.kind++;
    EXPECT_EQ(error_of([&] { nl::decode_spec(bad); }),
              "malformed message from kapi.ko: GET_SPEC " + s.name +
                  ": KAPI_A_SPEC_KIND differs from the spec in its image");
    bad = sm;
    bad.params++;
    EXPECT_THAT(error_of([&] { nl::decode_spec(bad); }), HasSubstr("KAPI_A_SPEC_PARAMS differs"));
    bad = sm;
    bad.name = "other";
    EXPECT_THAT(error_of([&] { nl::decode_spec(bad); }), HasSubstr("KAPI_A_SPEC_NAME differs"));
    // An image of two specs is not one spec.
    kapi::SpecSet two;
    two.specs.push_back(s);
    two.specs.push_back(s);
    two.specs.back().name += "_2";
    bad = sm;
    bad.image = kapi::encode_image(two);
    EXPECT_THAT(error_of([&] { nl::decode_spec(bad); }), HasSubstr("holds 2 specs, not 1"));
    // A damaged image gets the decoder's own message.
    bad = sm;
    bad.image[0] ^= 0xff;
    EXPECT_THAT(error_of([&] { nl::decode_spec(bad); }), HasSubstr(": its image: "));
}

// --- GET_STATS ------------------------------------------------------------------

Msg stats_message() {
    Msg m = message(KAPI_CMD_GET_STATS);
    nla_put_string(m.get(), KAPI_A_SPEC_NAME, "sys_read");
    nlattr* st = nla_nest_start(m.get(), KAPI_A_STATS);
    put_u64(m, KAPI_STATS_A_CALLS, 18);
    put_u64(m, KAPI_STATS_A_VIOLATIONS, 3);
    put_u64(m, KAPI_STATS_A_RETURN_VIOLATIONS, 0);
    put_u64(m, KAPI_STATS_A_UNDOCUMENTED, 2);
    put_u64(m, KAPI_STATS_A_DIVERGENCES, 0);
    put_u64(m, KAPI_STATS_A_ENFORCED, 0);
    put_u64(m, KAPI_STATS_A_CONTEXT, 1);
    const char* params[][2] = {{"fd", "range"}, {"buf", "buffer"}};
    for (std::uint32_t i = 0; i < 2; i++) {
        nlattr* p = nla_nest_start(m.get(), KAPI_STATS_A_PARAM);
        nla_put_u32(m.get(), KAPI_PARAM_STATS_A_INDEX, i);
        nla_put_string(m.get(), KAPI_PARAM_STATS_A_NAME, params[i][0]);
        nla_put_string(m.get(), KAPI_PARAM_STATS_A_RULE, params[i][1]);
        put_u64(m, KAPI_PARAM_STATS_A_VIOLATIONS, 1);
        nla_nest_end(m.get(), p);
    }
    nlattr* e = nla_nest_start(m.get(), KAPI_STATS_A_ERRNO);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_CODE, 3);
    nla_put_string(m.get(), KAPI_ERRNO_STATS_A_NAME, "ESRCH");
    put_u64(m, KAPI_ERRNO_STATS_A_COUNT, 1);
    put_u64(m, KAPI_ERRNO_STATS_A_FAILED, 1);
    nla_nest_end(m.get(), e);
    // The same code on another kind of object, and on an unknown one.
    e = nla_nest_start(m.get(), KAPI_STATS_A_ERRNO);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_CODE, 3);
    nla_put_string(m.get(), KAPI_ERRNO_STATS_A_NAME, "ESRCH");
    put_u64(m, KAPI_ERRNO_STATS_A_COUNT, 2);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_OBJ_TYPE, KAPI_OBJ_SOCK);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_OBJ_IMPL, KAPI_IMPL_TCP);
    put_u64(m, KAPI_ERRNO_STATS_A_FAILED, 6);
    nla_nest_end(m.get(), e);
    // A documented error: failed, none of them undocumented.
    e = nla_nest_start(m.get(), KAPI_STATS_A_ERRNO);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_CODE, 11);
    nla_put_string(m.get(), KAPI_ERRNO_STATS_A_NAME, "EAGAIN");
    put_u64(m, KAPI_ERRNO_STATS_A_COUNT, 0);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_OBJ_TYPE, KAPI_OBJ_SOCK);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_OBJ_IMPL, KAPI_IMPL_TCP);
    put_u64(m, KAPI_ERRNO_STATS_A_FAILED, 4);
    nla_nest_end(m.get(), e);
    e = nla_nest_start(m.get(), KAPI_STATS_A_ERRNO);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_CODE, 111);
    nla_put_string(m.get(), KAPI_ERRNO_STATS_A_NAME, "ECONNREFUSED");
    put_u64(m, KAPI_ERRNO_STATS_A_COUNT, 5);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_OBJ_TYPE, KAPI_OBJ_REG);
    nla_put_u32(m.get(), KAPI_ERRNO_STATS_A_OBJ_IMPL, KAPI_IMPL_COUNT + 7);
    put_u64(m, KAPI_ERRNO_STATS_A_FAILED, 5);
    nla_nest_end(m.get(), e);
    put_u64(m, KAPI_STATS_A_ERRNO_OTHER, 1);
    put_u64(m, KAPI_STATS_A_ERRNO_OTHER_FAILED, 3);
    nla_nest_end(m.get(), st);
    return m;
}

TEST(NetlinkStatsTest, IsRuntimeStatsLineForLine) {
    nl::SpecStats s = nl::parse_stats(hdr(stats_message()));
    EXPECT_EQ(s.name, "sys_read");
    EXPECT_EQ(s.calls, 18U);
    ASSERT_EQ(s.params.size(), 2U);
    EXPECT_EQ(s.params[1].rule, "buffer");
    EXPECT_EQ(nl::stats_text(s),
              "sys_read calls=18 violations=3 return_violations=0 undocumented=2 divergences=0 "
              "enforced=0\n"
              "sys_read param=fd rule=range violations=1\n"
              "sys_read param=buf rule=buffer violations=1\n"
              "sys_read rule=context violations=1\n"
              "sys_read errno=ESRCH object=unknown failed=1 undocumented=1\n"
              "sys_read errno=ESRCH object=sock:tcp failed=6 undocumented=2\n"
              "sys_read errno=EAGAIN object=sock:tcp failed=4 undocumented=0\n"
              "sys_read errno=ECONNREFUSED object=reg:" +
                  std::to_string(KAPI_IMPL_COUNT + 7) +
                  " failed=5 undocumented=5\n"
                  "sys_read errno=other failed=3 undocumented=1\n");
    ASSERT_EQ(s.errnos.size(), 4U);
    EXPECT_EQ(s.errnos[1].obj_type, static_cast<std::uint32_t>(KAPI_OBJ_SOCK));
    EXPECT_EQ(s.errnos[1].obj_impl, static_cast<std::uint32_t>(KAPI_IMPL_TCP));
    EXPECT_EQ(s.errnos[1].failed, 6U);
    EXPECT_EQ(s.errnos[2].failed, 4U);
    EXPECT_EQ(s.errnos[2].count, 0U);
    EXPECT_EQ(s.errno_other_failed, 3U);
    EXPECT_EQ(nl::stats_json(s),
              "{\"name\":\"sys_read\",\"calls\":18,\"violations\":3,\"return_violations\":0,"
              "\"undocumented\":2,\"divergences\":0,\"enforced\":0,\"context\":1,\"params\":["
              "{\"index\":0,\"name\":\"fd\",\"rule\":\"range\",\"violations\":1},"
              "{\"index\":1,\"name\":\"buf\",\"rule\":\"buffer\",\"violations\":1}],"
              "\"errnos\":[{\"code\":3,\"name\":\"ESRCH\",\"object\":\"unknown\",\"failed\":1,"
              "\"undocumented\":1},"
              "{\"code\":3,\"name\":\"ESRCH\",\"object\":\"sock:tcp\",\"failed\":6,"
              "\"undocumented\":2},"
              "{\"code\":11,\"name\":\"EAGAIN\",\"object\":\"sock:tcp\",\"failed\":4,"
              "\"undocumented\":0},"
              "{\"code\":111,\"name\":\"ECONNREFUSED\",\"object\":\"reg:" +
                  std::to_string(KAPI_IMPL_COUNT + 7) +
                  "\",\"failed\":5,\"undocumented\":5}],\"errno_other\":1,"
                  "\"errno_other_failed\":3}");
}

TEST(NetlinkStatsTest, ZeroContextAndOtherAreLeftOutAsInDebugfs) {
    nl::SpecStats s;
    s.name = "sys_close";
    EXPECT_EQ(nl::stats_text(s), "sys_close calls=0 violations=0 return_violations=0 "
                                 "undocumented=0 divergences=0 enforced=0\n");
}

TEST(NetlinkStatsTest, RefusesAParamWithoutItsName) {
    Msg m = message(KAPI_CMD_GET_STATS);
    nla_put_string(m.get(), KAPI_A_SPEC_NAME, "sys_read");
    nlattr* st = nla_nest_start(m.get(), KAPI_A_STATS);
    put_u64(m, KAPI_STATS_A_CALLS, 1);
    nlattr* p = nla_nest_start(m.get(), KAPI_STATS_A_PARAM);
    nla_put_u32(m.get(), KAPI_PARAM_STATS_A_INDEX, 0);
    nla_nest_end(m.get(), p);
    nla_nest_end(m.get(), st);
    EXPECT_EQ(error_of([&] { nl::parse_stats(hdr(m)); }),
              "malformed message from kapi.ko: GET_STATS: KAPI_PARAM_STATS_A_NAME is missing");
    Msg n = message(KAPI_CMD_GET_STATS);
    nla_put_string(n.get(), KAPI_A_SPEC_NAME, "sys_read");
    EXPECT_THAT(error_of([&] { nl::parse_stats(hdr(n)); }), HasSubstr("KAPI_A_STATS is missing"));
}

// --- GET_STATUS and the filter ---------------------------------------------------

TEST(NetlinkStatusTest, DecodesEveryField) {
    Msg m = message(KAPI_CMD_GET_STATUS);
    nla_put_u32(m.get(), KAPI_A_MODE, KAPI_GENL_MODE_ENFORCE);
    nlattr* f = nla_nest_start(m.get(), KAPI_A_FILTER);
    nla_put_u32(m.get(), KAPI_FILTER_A_PID, 42);
    nla_put_string(m.get(), KAPI_FILTER_A_COMM, "cat");
    nla_nest_end(m.get(), f);
    nla_put_u32(m.get(), KAPI_A_RING_CAPACITY, 256);
    nla_put_u32(m.get(), KAPI_A_RING_RECORDS, 2);
    put_u64(m, KAPI_A_RING_DROPPED, 5);
    put_u64(m, KAPI_A_SEQ, 7);
    put_u64(m, KAPI_A_EVENTS_SENT, 6);
    put_u64(m, KAPI_A_EVENTS_LOST, 1);
    put_u64(m, KAPI_A_EVENTS_FAILED, 0);
    nla_put_u32(m.get(), KAPI_A_LOG, 1);
    nl::Status s = nl::parse_status(hdr(m));
    EXPECT_EQ(s.mode, static_cast<std::uint32_t>(KAPI_GENL_MODE_ENFORCE));
    EXPECT_TRUE(s.log);
    EXPECT_FALSE(nl::Status().log); // off unless kapi.ko says so
    EXPECT_EQ(s.filter.pid, 42U);
    EXPECT_FALSE(s.filter.tgid);
    EXPECT_EQ(s.filter.comm, "cat");
    EXPECT_EQ(nl::filter_text(s.filter), "pid=42 tgid=- uid=- comm=cat");
    EXPECT_EQ(nl::filter_json(s.filter),
              "{\"pid\":42,\"tgid\":null,\"uid\":null,\"comm\":\"cat\"}");
    EXPECT_EQ(nl::status_text(s),
              "# mode=enforce ring=2/256 dropped=5 seq=7 events: sent=6 lost=1 failed=0\n");
    EXPECT_EQ(nl::status_json(s),
              "{\"mode\":\"enforce\",\"filter\":{\"pid\":42,\"tgid\":null,\"uid\":null,"
              "\"comm\":\"cat\"},\"ring\":{\"capacity\":256,\"records\":2,\"dropped\":5,"
              "\"seq\":7},\"events\":{\"sent\":6,\"lost\":1,\"failed\":0}}");
}

TEST(NetlinkStatusTest, PrettyJsonIsTheSameDocumentIndented) {
    nl::Status s;
    s.mode = KAPI_GENL_MODE_AUDIT;
    s.filter.comm = "cat";
    std::ostringstream out;
    kapi::JsonWriter j(out, true);
    nl::write_json(j, nullptr, s);
    EXPECT_EQ(out.str(), "{\n"
                         "  \"mode\": \"audit\",\n"
                         "  \"filter\": {\n"
                         "    \"pid\": null,\n"
                         "    \"tgid\": null,\n"
                         "    \"uid\": null,\n"
                         "    \"comm\": \"cat\"\n"
                         "  },\n"
                         "  \"ring\": {\n"
                         "    \"capacity\": 0,\n"
                         "    \"records\": 0,\n"
                         "    \"dropped\": 0,\n"
                         "    \"seq\": 0\n"
                         "  },\n"
                         "  \"events\": {\n"
                         "    \"sent\": 0,\n"
                         "    \"lost\": 0,\n"
                         "    \"failed\": 0\n"
                         "  }\n"
                         "}");
}

TEST(NetlinkStatusTest, ModeNames) {
    EXPECT_EQ(nl::mode_name(KAPI_GENL_MODE_OFF), "off");
    EXPECT_EQ(nl::mode_name(KAPI_GENL_MODE_AUDIT), "audit");
    EXPECT_EQ(nl::mode_name(9), "9");
    EXPECT_EQ(nl::parse_mode("enforce"), static_cast<std::uint32_t>(KAPI_GENL_MODE_ENFORCE));
    EXPECT_FALSE(nl::parse_mode("Audit"));
}

TEST(NetlinkFilterTest, ParsesWhatRuntimeFilterTakes) {
    std::vector<std::string> clear{"clear"};
    EXPECT_TRUE(nl::parse_filter_words(clear).empty());
    std::vector<std::string> all{"comm=my-prog", "uid=0", "tgid=4194304", "pid=1"};
    nl::Filter f = nl::parse_filter_words(all);
    EXPECT_EQ(f.pid, 1U);
    EXPECT_EQ(f.tgid, 4194304U);
    EXPECT_EQ(f.uid, 0U);
    EXPECT_EQ(f.comm, "my-prog");
    std::vector<std::string> uid{"uid=4294967294"};
    EXPECT_EQ(nl::parse_filter_words(uid).uid, 4294967294U);
}

TEST(NetlinkFilterTest, RefusesWhatRuntimeFilterRefuses) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{}, "filter: nothing to set"},
        {{"clear", "pid=1"}, "filter: 'clear' is not key=value"},
        {{"pid"}, "filter: 'pid' is not key=value"},
        {{"=1"}, "filter: '=1' is not key=value"},
        {{"gid=1"}, "filter: unknown key 'gid'"},
        {{"pid=1", "pid=2"}, "filter: 'pid' given twice"},
        {{"pid=0"}, "filter: pid='0': expected a number from 1 to 4194304"},
        {{"tgid=4194305"}, "filter: tgid='4194305': expected a number from 1 to 4194304"},
        {{"pid=+1"}, "filter: pid='+1': expected a number from 1 to 4194304"},
        {{"uid=4294967295"}, "filter: uid='4294967295': expected a number from 0 to 4294967294"},
        {{"uid=99999999999"}, "filter: uid='99999999999': expected a number from 0 to 4294967294"},
        {{"comm="}, "filter: comm='': expected 1 to 15 printable characters, no spaces"},
        {{"comm=a b"}, "filter: comm='a b': expected 1 to 15 printable characters, no spaces"},
        {{"comm=sixteen_chars_xx"},
         "filter: comm='sixteen_chars_xx': expected 1 to 15 printable characters, no spaces"},
    };
    for (const auto& [words, message] : cases)
        EXPECT_EQ(error_of([&] { nl::parse_filter_words(words); }), message);
}

// --- VIOLATION events ----------------------------------------------------------------

Msg violation_message(const std::vector<std::uint64_t>& args, const char* comm) {
    Msg m = message(KAPI_CMD_VIOLATION);
    nlattr* v = nla_nest_start(m.get(), KAPI_A_VIOLATION);
    put_u64(m, KAPI_VIOLATION_A_SEQ, 2);
    put_u64(m, KAPI_VIOLATION_A_TS, 3795156129);
    nla_put_u32(m.get(), KAPI_VIOLATION_A_PID, 147);
    nla_put_u32(m.get(), KAPI_VIOLATION_A_TGID, 146);
    nla_put_u32(m.get(), KAPI_VIOLATION_A_UID, 1000);
    nla_put_string(m.get(), KAPI_VIOLATION_A_COMM, comm);
    nla_put_string(m.get(), KAPI_VIOLATION_A_SPEC, "sys_read");
    for (std::uint64_t a : args)
        put_u64(m, KAPI_VIOLATION_A_ARG, a);
    nla_put_string(m.get(), KAPI_VIOLATION_A_RULE, "param:buf:buffer");
    nla_put_string(m.get(), KAPI_VIOLATION_A_EXPECTED, "user_range");
    nla_put_string(m.get(), KAPI_VIOLATION_A_ACTUAL, "0xfffffffffffff000+10");
    nla_put_u32(m.get(), KAPI_VIOLATION_A_MODE, KAPI_GENL_MODE_AUDIT);
    nla_nest_end(m.get(), v);
    put_u64(m, KAPI_A_EVENTS_LOST, 4);
    return m;
}

TEST(NetlinkViolationTest, IsARuntimeViolationsLine) {
    Msg m = violation_message({0, 0xfffffffffffff000ULL, 10}, "bad");
    nl::Violation v = nl::parse_violation(hdr(m));
    EXPECT_THAT(v.args, ElementsAre(0U, 0xfffffffffffff000ULL, 10U));
    EXPECT_EQ(v.events_lost, 4U);
    EXPECT_EQ(nl::violation_text(v),
              "seq=2 ts=3795156129 pid=147 tgid=146 uid=1000 comm=bad syscall=sys_read "
              "args=0x0,0xfffffffffffff000,0xa rule=param:buf:buffer expected=user_range "
              "actual=0xfffffffffffff000+10 mode=audit\n");
    EXPECT_EQ(nl::violation_json(v),
              "{\"seq\":2,\"ts\":3795156129,\"pid\":147,\"tgid\":146,\"uid\":1000,\"comm\":"
              "\"bad\",\"syscall\":\"sys_read\",\"args\":[\"0x0\",\"0xfffffffffffff000\","
              "\"0xa\"],\"rule\":\"param:buf:buffer\",\"expected\":\"user_range\",\"actual\":"
              "\"0xfffffffffffff000+10\",\"mode\":\"audit\"}\n");
}

TEST(NetlinkViolationTest, NamesTheObjectOfAFailedCall) {
    Msg m = message(KAPI_CMD_VIOLATION);
    nlattr* v = nla_nest_start(m.get(), KAPI_A_VIOLATION);
    put_u64(m, KAPI_VIOLATION_A_SEQ, 9);
    put_u64(m, KAPI_VIOLATION_A_TS, 5);
    nla_put_u32(m.get(), KAPI_VIOLATION_A_PID, 7);
    nla_put_u32(m.get(), KAPI_VIOLATION_A_TGID, 7);
    nla_put_u32(m.get(), KAPI_VIOLATION_A_UID, 0);
    nla_put_string(m.get(), KAPI_VIOLATION_A_COMM, "t");
    nla_put_string(m.get(), KAPI_VIOLATION_A_SPEC, "sys_read");
    put_u64(m, KAPI_VIOLATION_A_ARG, 3);
    nla_put_string(m.get(), KAPI_VIOLATION_A_RULE, "undocumented");
    nla_put_string(m.get(), KAPI_VIOLATION_A_EXPECTED, "documented_error");
    nla_put_string(m.get(), KAPI_VIOLATION_A_ACTUAL, "ECONNREFUSED");
    nla_put_u32(m.get(), KAPI_VIOLATION_A_MODE, KAPI_GENL_MODE_AUDIT);
    nla_put_u32(m.get(), KAPI_VIOLATION_A_OBJ_TYPE, KAPI_OBJ_SOCK);
    nla_put_u32(m.get(), KAPI_VIOLATION_A_OBJ_IMPL, KAPI_IMPL_TCP);
    nla_nest_end(m.get(), v);
    nl::Violation got = nl::parse_violation(hdr(m));
    EXPECT_TRUE(got.has_object);
    EXPECT_EQ(nl::violation_text(got),
              "seq=9 ts=5 pid=7 tgid=7 uid=0 comm=t syscall=sys_read args=0x3 rule=undocumented "
              "expected=documented_error actual=ECONNREFUSED object=sock:tcp mode=audit\n");
    EXPECT_THAT(nl::violation_json(got),
                HasSubstr("\"actual\":\"ECONNREFUSED\",\"object\":\"sock:tcp\",\"mode\""));
    // A record without an object (a parameter violation) shows none.
    nl::Violation param = nl::parse_violation(hdr(violation_message({1}, "p")));
    EXPECT_FALSE(param.has_object);
    EXPECT_THAT(nl::violation_text(param), Not(HasSubstr("object=")));
}

TEST(NetlinkObjectTest, NamesEveryKindFromObjectsH) {
    EXPECT_EQ(nl::object_text(KAPI_OBJ_ANY, KAPI_IMPL_ANY), "unknown");
    EXPECT_EQ(nl::object_text(KAPI_OBJ_ANY, KAPI_IMPL_TCP), "unknown");
    EXPECT_EQ(nl::object_text(KAPI_OBJ_DIR, KAPI_IMPL_PROC), "dir:proc");
    EXPECT_EQ(nl::object_text(KAPI_OBJ_ANON, KAPI_IMPL_TIMERFD), "anon:timerfd");
    EXPECT_EQ(nl::object_text(KAPI_OBJ_FIFO, KAPI_IMPL_PIPEFS), "fifo:pipefs");
    EXPECT_EQ(nl::object_text(KAPI_OBJ_CHR, KAPI_IMPL_OTHER), "chr:other");
    EXPECT_EQ(nl::object_text(KAPI_OBJ_TYPE_COUNT, KAPI_IMPL_OTHER),
              std::to_string(KAPI_OBJ_TYPE_COUNT) + ":other");
}

TEST(NetlinkViolationTest, ShowsStrangeCommandNamesSafely) {
    Msg m = violation_message({}, "a b\t\"\\\xc3\xa9\xff");
    nl::Violation v = nl::parse_violation(hdr(m));
    EXPECT_THAT(nl::violation_text(v), HasSubstr(" comm=a_b?\"\\\xc3\xa9\xff syscall="));
    EXPECT_THAT(nl::violation_text(v), HasSubstr(" args=- rule="));
    // The kernel's JSON escapes (kapi/json.h): a tab as \t.
    EXPECT_THAT(nl::violation_json(v),
                HasSubstr("\"comm\":\"a b\\t\\\"\\\\\xc3\xa9\\ufffd\",\"syscall\""));
    EXPECT_THAT(nl::violation_json(v), HasSubstr("\"args\":[],"));
}

TEST(NetlinkViolationTest, RefusesARecordWithoutItsSequence) {
    Msg m = message(KAPI_CMD_VIOLATION);
    nlattr* v = nla_nest_start(m.get(), KAPI_A_VIOLATION);
    nla_put_string(m.get(), KAPI_VIOLATION_A_SPEC, "sys_read");
    nla_nest_end(m.get(), v);
    EXPECT_EQ(error_of([&] { nl::parse_violation(hdr(m)); }),
              "malformed message from kapi.ko: VIOLATION: KAPI_VIOLATION_A_SEQ is missing");
}

// --- requests -----------------------------------------------------------------------

// The attributes of an encoded request, parsed back with libnl.
struct Parsed {
    nlmsghdr h;
    genlmsghdr g;
    std::vector<std::uint8_t> bytes;
    nlattr* tb[KAPI_A_MAX + 1] = {};
};

std::unique_ptr<Parsed> parse_request(const std::vector<std::uint8_t>& bytes) {
    auto p = std::make_unique<Parsed>();
    p->bytes = bytes;
    auto* h = reinterpret_cast<nlmsghdr*>(p->bytes.data());
    std::memcpy(&p->h, h, sizeof(p->h));
    std::memcpy(&p->g, p->bytes.data() + NLMSG_HDRLEN, sizeof(p->g));
    EXPECT_EQ(genlmsg_parse(h, 0, p->tb, KAPI_A_MAX, nullptr), 0);
    return p;
}

TEST(NetlinkRequestTest, EncodesADumpAndADo) {
    nl::Request dump;
    dump.cmd = KAPI_CMD_GET_SPEC;
    dump.dump = true;
    auto p = parse_request(nl::encode_request(dump, kFamily, 7));
    EXPECT_EQ(p->h.nlmsg_len, p->bytes.size());
    EXPECT_EQ(p->h.nlmsg_type, kFamily);
    EXPECT_EQ(p->h.nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
    EXPECT_EQ(p->h.nlmsg_seq, 7U);
    EXPECT_EQ(p->g.cmd, KAPI_CMD_GET_SPEC);
    EXPECT_EQ(p->g.version, KAPI_GENL_VERSION);
    EXPECT_EQ(p->g.reserved, 0);

    nl::Request get;
    get.cmd = KAPI_CMD_GET_STATS;
    get.name = "sys_openat";
    p = parse_request(nl::encode_request(get, kFamily, 8));
    EXPECT_EQ(p->h.nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
    ASSERT_NE(p->tb[KAPI_A_SPEC_NAME], nullptr);
    EXPECT_STREQ(nla_get_string(p->tb[KAPI_A_SPEC_NAME]), "sys_openat");
    EXPECT_EQ(nla_len(p->tb[KAPI_A_SPEC_NAME]), 11); // with its NUL

    nl::Request log;
    log.cmd = KAPI_CMD_SET_LOG;
    log.log = 1;
    p = parse_request(nl::encode_request(log, kFamily, 10));
    EXPECT_EQ(p->g.cmd, KAPI_CMD_SET_LOG);
    ASSERT_NE(p->tb[KAPI_A_LOG], nullptr);
    EXPECT_EQ(nla_get_u32(p->tb[KAPI_A_LOG]), 1U);
    EXPECT_EQ(p->tb[KAPI_A_MODE], nullptr);

    nl::Request mode;
    mode.cmd = KAPI_CMD_SET_MODE;
    mode.mode = KAPI_GENL_MODE_OFF;
    p = parse_request(nl::encode_request(mode, kFamily, 9));
    ASSERT_NE(p->tb[KAPI_A_MODE], nullptr);
    EXPECT_EQ(nla_len(p->tb[KAPI_A_MODE]), 4);
    EXPECT_EQ(nla_get_u32(p->tb[KAPI_A_MODE]), static_cast<std::uint32_t>(KAPI_GENL_MODE_OFF));
}

TEST(NetlinkRequestTest, EncodesTheFilterAsANest) {
    nl::Request r;
    r.cmd = KAPI_CMD_SET_FILTER;
    r.filter = nl::Filter{};
    r.filter->uid = 0;
    r.filter->comm = "cat";
    auto p = parse_request(nl::encode_request(r, kFamily, 1));
    nlattr* f = p->tb[KAPI_A_FILTER];
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(nla_type(f) == KAPI_A_FILTER && (f->nla_type & NLA_F_NESTED));
    nlattr* tb[KAPI_FILTER_A_MAX + 1] = {};
    ASSERT_EQ(nla_parse_nested(tb, KAPI_FILTER_A_MAX, f, nullptr), 0);
    EXPECT_EQ(tb[KAPI_FILTER_A_PID], nullptr);
    ASSERT_NE(tb[KAPI_FILTER_A_UID], nullptr);
    EXPECT_EQ(nla_get_u32(tb[KAPI_FILTER_A_UID]), 0U);
    EXPECT_STREQ(nla_get_string(tb[KAPI_FILTER_A_COMM]), "cat");

    // An empty filter clears: the nest is there, with nothing in it.
    r.filter = nl::Filter{};
    p = parse_request(nl::encode_request(r, kFamily, 2));
    ASSERT_NE(p->tb[KAPI_A_FILTER], nullptr);
    EXPECT_EQ(nla_len(p->tb[KAPI_A_FILTER]), 0);
}

// --- errors -------------------------------------------------------------------------

// An NLMSG_ERROR as the kernel sends it with NETLINK_CAP_ACK and an
// extended ACK message.
Msg error_message(int error, const char* ext) {
    Msg m(nlmsg_alloc_simple(NLMSG_ERROR, ext ? NLM_F_CAPPED | NLM_F_ACK_TLVS : NLM_F_CAPPED));
    nlmsgerr e{};
    e.error = error;
    e.msg.nlmsg_len = 40;
    nlmsg_append(m.get(), &e, sizeof(e), NLMSG_ALIGNTO);
    if (ext)
        nla_put_string(m.get(), NLMSGERR_ATTR_MSG, ext);
    return m;
}

TEST(NetlinkErrorTest, ReadsTheExtendedAck) {
    nl::KernelError e = nl::parse_error(hdr(error_message(-EINVAL, "Unknown attribute type")));
    EXPECT_EQ(e.error, -EINVAL);
    EXPECT_EQ(e.message, "Unknown attribute type");
    e = nl::parse_error(hdr(error_message(0, nullptr)));
    EXPECT_EQ(e.error, 0);
    EXPECT_EQ(e.message, "");
}

TEST(NetlinkErrorTest, ReadsTheEndOfADump) {
    Msg m(nlmsg_alloc_simple(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS));
    int err = -EMSGSIZE;
    nlmsg_append(m.get(), &err, sizeof(err), NLMSG_ALIGNTO);
    nla_put_string(m.get(), NLMSGERR_ATTR_MSG, "too large");
    nl::KernelError e = nl::parse_error(hdr(m));
    EXPECT_EQ(e.error, -EMSGSIZE);
    EXPECT_EQ(e.message, "too large");
}

TEST(NetlinkErrorTest, RefusesATruncatedError) {
    nlmsghdr h{};
    h.nlmsg_len = sizeof(h);
    h.nlmsg_type = NLMSG_ERROR;
    EXPECT_THAT(error_of([&] { nl::parse_error(&h); }), HasSubstr("too short"));
}

} // namespace
