// SPDX-License-Identifier: GPL-2.0
//
// Tests of the spec image codec (kapi/image.h): encoding lays out the format
// of include/uapi/linux/kapi.h exactly, encode and decode are inverse, and
// the decoder refuses every kind of damaged image with one precise message.
// The corruption cases are one table: each case damages a valid image and
// says which message the decoder must give. The malformed images of
// include/kapi/image_bad_cases.h, which kapi.ko's KUnit suite refuses too,
// must be refused with the errno the kernel gives.

#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/image_bad_cases.h"
#include "kapi/model.h"
#include "uapi/linux/kapi.h"

namespace {

using kapi::ErrorSpec;
using kapi::Num;
using kapi::Spec;
using kapi::SpecSet;
using Bytes = std::vector<std::uint8_t>;

Num val(std::int64_t v, std::string expr = {}) {
    Num n;
    n.value = v;
    n.expr = std::move(expr);
    return n;
}

// A resolved model: every record kind, every field set, every Num valued.
Spec full_spec() {
    Spec s;
    s.name = "sys_test";
    s.kind = KAPI_KIND_SYSCALL;
    s.summary = "test a thing";
    s.description = "Long description.";
    s.context = KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE;
    s.flags = KAPI_SPEC_DEPRECATED;
    s.since = "2.6.0";
    s.replacement = "sys_test2";
    s.examples = "test(0, buf, 1);";
    s.notes = "Notes.";
    s.source = {"module/specs/test.c", 42};
    s.ioctl_cmd = val(0);

    kapi::Param fd;
    fd.name = "fd";
    fd.type_name = "unsigned int";
    fd.description = "descriptor";
    fd.constraint_text = "open";
    fd.type = KAPI_TYPE_FD;
    fd.flags = KAPI_PARAM_IN;
    fd.constraint = KAPI_CONSTRAINT_RANGE;
    fd.min = val(0);
    fd.max = val(2147483647, "INT_MAX");
    fd.size = val(0);
    fd.size_mult = val(0);
    fd.alignment = val(0);
    fd.mask = val(0);
    fd.violation_error = "EBADF";
    fd.max_count = val(0);

    kapi::Param buf;
    buf.name = "buf";
    buf.type_name = "char __user *";
    buf.description = "buffer";
    buf.type = KAPI_TYPE_USER_PTR;
    buf.flags = KAPI_PARAM_OUT | KAPI_PARAM_USER;
    buf.constraint = KAPI_CONSTRAINT_BUFFER;
    buf.size_param = 2;
    buf.size = val(0);
    buf.size_mult = val(1);
    buf.alignment = val(8);
    buf.min = val(0);
    buf.max = val(0);
    buf.mask = val(0);
    buf.violation_error = "EFAULT";
    buf.struct_name = "iovec";
    buf.count_param = 0;
    buf.max_count = val(1024, "UIO_MAXIOV");

    kapi::Param mode;
    mode.name = "mode";
    mode.type_name = "int";
    mode.type = KAPI_TYPE_INT;
    mode.flags = KAPI_PARAM_IN;
    mode.constraint = KAPI_CONSTRAINT_ENUM;
    mode.size = val(0);
    mode.size_mult = val(0);
    mode.alignment = val(0);
    mode.min = val(0);
    mode.max = val(0);
    mode.mask = val(0x41, "O_CREAT | O_WRONLY");
    mode.values = {val(0, "SEEK_SET"), val(1, "SEEK_CUR"), val(-7)};
    mode.violation_error = "EAGAIN"; // named after the spec's EWOULDBLOCK below
    mode.max_count = val(0);
    s.params = {fd, buf, mode};

    s.ret.type_name = "ssize_t";
    s.ret.type = KAPI_TYPE_INT;
    s.ret.check = KAPI_RETURN_RANGE;
    s.ret.description = "bytes";
    s.ret.success_min = val(0);
    s.ret.success_max = val(9223372036854775807LL, "S64_MAX");

    s.errors = {
        ErrorSpec{-9,
                  "EBADF",
                  "fd is not open",
                  "Bad file descriptor.",
                  {{KAPI_OBJ_SOCK, KAPI_IMPL_TCP}, {KAPI_OBJ_ANY, KAPI_IMPL_PROC}}},
        ErrorSpec{-14, "EFAULT", "buf is outside the address space", "", {}},
        ErrorSpec{
            -11, "EWOULDBLOCK", "would block", "Try again.", {{KAPI_OBJ_FIFO, KAPI_IMPL_ANY}}},
    };
    s.locks = {{"file->f_pos_lock", KAPI_LOCK_MUTEX, KAPI_LOCK_ACQUIRES, "position lock"}};

    kapi::Signal sig;
    sig.number = val(2, "SIGINT");
    sig.name = "SIGINT";
    sig.direction = KAPI_SIGNAL_RECEIVE | KAPI_SIGNAL_HANDLE;
    sig.action = KAPI_SIGNAL_ACTION_RETURN;
    sig.timing = KAPI_SIGNAL_TIME_DURING;
    sig.flags = KAPI_SIGNAL_RESTARTABLE;
    sig.error = "EINTR";
    sig.target = "the caller";
    sig.condition = "while blocked";
    sig.description = "interrupts the wait";
    sig.priority = 3;
    sig.sa_flags_required = 0x10000000;
    sig.sa_flags_forbidden = 0x4;
    sig.transform_to = 0;
    sig.state_required = KAPI_SIGNAL_STATE_SLEEPING;
    sig.state_forbidden = KAPI_SIGNAL_STATE_ZOMBIE;
    sig.queue = "standard";
    s.signals = {sig};

    s.effects = {{KAPI_EFFECT_FILE_POSITION | KAPI_EFFECT_MODIFY_STATE, KAPI_EFFECT_REVERSIBLE,
                  "file->f_pos", "on success", "advances the position"}};
    s.transitions = {{"file position", "p", "p + n", "on success", "moves"}};
    s.caps = {{val(1, "CAP_DAC_OVERRIDE"), "CAP_DAC_OVERRIDE", KAPI_CAP_BYPASS_CHECK,
               "read anything", "permission checks apply", "always", 5}};
    s.constraints = {{"MAX_RW_COUNT", "count is clamped", "min(count, MAX_RW_COUNT)"}};
    return s;
}

Spec small_spec(std::string name) {
    Spec s;
    s.name = std::move(name);
    s.kind = KAPI_KIND_FUNCTION;
    s.summary = "test a thing"; // shared with full_spec(): stored once
    s.ioctl_cmd = val(0);
    s.ret.success_min = val(0);
    s.ret.success_max = val(0);
    return s;
}

// A described struct with two fields, every field set, every Num valued.
kapi::StructSpec iovec_struct() {
    kapi::StructSpec st;
    st.name = "iovec";
    st.description = "one segment";
    st.size = val(16, "sizeof(struct iovec)");
    st.alignment = val(8);
    kapi::StructField base;
    base.name = "iov_base";
    base.type_name = "void __user *";
    base.description = "start";
    base.type = KAPI_TYPE_USER_PTR;
    base.flags = KAPI_PARAM_IN | KAPI_PARAM_USER;
    base.offset = val(0, "offsetof(struct iovec, iov_base)");
    base.size = val(8);
    base.min = val(0);
    base.max = val(0);
    base.mask = val(0);
    kapi::StructField len = base;
    len.name = "iov_len";
    len.type_name = "__kernel_size_t";
    len.description = "length";
    len.type = KAPI_TYPE_UINT;
    len.flags = KAPI_PARAM_IN;
    len.constraint = KAPI_CONSTRAINT_RANGE;
    len.offset = val(8, "offsetof(struct iovec, iov_len)");
    len.max = val(9223372036854775807LL, "SSIZE_MAX");
    len.violation_error = "EINVAL";
    st.fields = {base, len};
    return st;
}

SpecSet two_specs() {
    SpecSet set{{full_spec(), small_spec("kfunc")}};
    set.structs = {iovec_struct()};
    return set;
}

std::uint32_t get32(const Bytes& b, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i)
        v |= std::uint32_t{b.at(at + i)} << (8 * i);
    return v;
}

void put32(Bytes& b, std::size_t at, std::uint32_t v) {
    for (std::size_t i = 0; i < 4; ++i)
        b.at(at + i) = static_cast<std::uint8_t>(v >> (8 * i));
}

void put16(Bytes& b, std::size_t at, std::uint16_t v) {
    b.at(at) = static_cast<std::uint8_t>(v);
    b.at(at + 1) = static_cast<std::uint8_t>(v >> 8);
}

// A valid image of two_specs() and the means to damage it.
struct Image {
    Bytes b = kapi::encode_image(two_specs());

    static std::size_t table_field(std::size_t id, std::size_t field) {
        return offsetof(kapi_image_header, tables) + id * sizeof(kapi_image_table) + field;
    }
    std::uint32_t offset(std::size_t id) const {
        return get32(b, table_field(id, offsetof(kapi_image_table, offset)));
    }
    std::uint32_t count(std::size_t id) const {
        return get32(b, table_field(id, offsetof(kapi_image_table, count)));
    }
    std::uint32_t entsize(std::size_t id) const {
        return get32(b, table_field(id, offsetof(kapi_image_table, entsize)));
    }
    void set_table(std::size_t id, std::size_t field, std::uint32_t v) {
        put32(b, table_field(id, field), v);
    }
    // Byte offset of FIELD of record INDEX of table ID.
    std::size_t at(std::size_t id, std::size_t index, std::size_t field) const {
        return offset(id) + index * entsize(id) + field;
    }
    void set(std::size_t id, std::size_t index, std::size_t field, std::uint32_t v) {
        put32(b, at(id, index, field), v);
    }
    std::uint32_t strtab() const { return count(KAPI_TABLE_STRINGS); }
    std::string size() const { return std::to_string(b.size()); }
};

// ---- Layout ------------------------------------------------------------------

TEST(ImageEncodeTest, HeaderDescribesTheImage) {
    Image img;
    const Bytes& b = img.b;
    ASSERT_GE(b.size(), sizeof(kapi_image_header));
    EXPECT_EQ(std::string(b.begin(), b.begin() + 4), "KAPI");
    EXPECT_EQ(get32(b, offsetof(kapi_image_header, magic)), KAPI_IMAGE_MAGIC);
    EXPECT_EQ(b[offsetof(kapi_image_header, version_major)], KAPI_IMAGE_VERSION_MAJOR);
    EXPECT_EQ(b[offsetof(kapi_image_header, version_minor)], KAPI_IMAGE_VERSION_MINOR);
    EXPECT_EQ(get32(b, offsetof(kapi_image_header, size)), b.size());
    EXPECT_EQ(b[offsetof(kapi_image_header, header_size)], sizeof(kapi_image_header));
    EXPECT_EQ(b[offsetof(kapi_image_header, table_count)], KAPI_TABLE_COUNT);
    EXPECT_EQ(b.size() % KAPI_IMAGE_ALIGN, 0U);

    const std::uint32_t counts[KAPI_TABLE_COUNT] = {2, 3, 3, 1, 1, 1, 1,           1,
                                                    1, 3, 3, img.strtab(), 1, 2};
    // Written out from the UAPI structs on purpose, not taken from the
    // encoder's record_size(): the header must match the kernel's contract.
    const std::uint32_t sizes[KAPI_TABLE_COUNT] = {
        sizeof(kapi_image_spec),       sizeof(kapi_image_param),  sizeof(kapi_image_error),
        sizeof(kapi_image_lock),       sizeof(kapi_image_signal), sizeof(kapi_image_effect),
        sizeof(kapi_image_transition), sizeof(kapi_image_cap),    sizeof(kapi_image_constraint),
        sizeof(kapi_image_num),        sizeof(kapi_image_object), 1,
        sizeof(kapi_image_struct),     sizeof(kapi_image_struct_field)};
    std::uint32_t expect = sizeof(kapi_image_header);
    for (std::size_t id = 0; id < KAPI_TABLE_COUNT; ++id) {
        expect = (expect + 7) & ~7U;
        EXPECT_EQ(img.offset(id), expect) << "table " << id;
        EXPECT_EQ(img.count(id), counts[id]) << "table " << id;
        EXPECT_EQ(img.entsize(id), sizes[id]) << "table " << id;
        expect += counts[id] * sizes[id];
    }
    EXPECT_EQ(b.size(), (expect + 7) & ~7U);
}

TEST(ImageEncodeTest, RecordSizesAreMultiplesOfEight) {
    EXPECT_EQ(sizeof(kapi_image_header), 248U);
    EXPECT_EQ(sizeof(kapi_image_struct) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_struct_field) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_spec) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_param) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_error) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_lock) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_signal) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_effect) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_transition) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_cap) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_constraint) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_num) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_num32) % 8, 0U);
    EXPECT_EQ(sizeof(kapi_image_object) % 8, 0U);
}

// The sizes and offsets Documentation/image-format.rst gives.
TEST(ImageEncodeTest, RecordSizesAndOffsetsAreTheDocumentedOnes) {
    EXPECT_EQ(sizeof(kapi_image_num), 16U);
    EXPECT_EQ(sizeof(kapi_image_num32), 8U);
    EXPECT_EQ(offsetof(kapi_image_num32, expr), 4U);
    EXPECT_EQ(sizeof(kapi_image_spec), 168U);
    EXPECT_EQ(offsetof(kapi_image_spec, ioctl_cmd), 48U);
    EXPECT_EQ(offsetof(kapi_image_spec, params), 56U);
    EXPECT_EQ(offsetof(kapi_image_spec, ret), 120U);
    EXPECT_EQ(sizeof(kapi_image_param), 160U);
    EXPECT_EQ(offsetof(kapi_image_param, struct_id), 136U);
    EXPECT_EQ(offsetof(kapi_image_param, count_param), 140U);
    EXPECT_EQ(offsetof(kapi_image_param, max_count), 144U);
    EXPECT_EQ(sizeof(kapi_image_struct), 40U);
    EXPECT_EQ(offsetof(kapi_image_struct, size), 8U);
    EXPECT_EQ(offsetof(kapi_image_struct, alignment), 24U);
    EXPECT_EQ(offsetof(kapi_image_struct, fields), 32U);
    EXPECT_EQ(sizeof(kapi_image_struct_field), 120U);
    EXPECT_EQ(offsetof(kapi_image_struct_field, offset), 24U);
    EXPECT_EQ(offsetof(kapi_image_struct_field, values), 104U);
    EXPECT_EQ(offsetof(kapi_image_struct_field, violation_error), 112U);
    EXPECT_EQ(offsetof(kapi_image_param, alignment), 64U);
    EXPECT_EQ(offsetof(kapi_image_param, min), 72U);
    EXPECT_EQ(offsetof(kapi_image_param, values), 120U);
    EXPECT_EQ(offsetof(kapi_image_param, order), 132U);
    EXPECT_EQ(sizeof(kapi_image_signal), 72U);
    EXPECT_EQ(offsetof(kapi_image_signal, name), 8U);
    EXPECT_EQ(offsetof(kapi_image_signal, queue), 68U);
    EXPECT_EQ(sizeof(kapi_image_cap), 32U);
    EXPECT_EQ(offsetof(kapi_image_cap, name), 8U);
    EXPECT_EQ(offsetof(kapi_image_cap, priority), 28U);
    EXPECT_EQ(sizeof(kapi_image_error), 24U);
    EXPECT_EQ(offsetof(kapi_image_error, objects), 16U);
    EXPECT_EQ(sizeof(kapi_image_object), 8U);
    EXPECT_EQ(offsetof(kapi_image_object, impl), 2U);
    EXPECT_EQ(offsetof(kapi_image_object, reserved), 4U);
    EXPECT_EQ(sizeof(kapi_image_lock), 16U);
    EXPECT_EQ(sizeof(kapi_image_effect), 24U);
    EXPECT_EQ(sizeof(kapi_image_transition), 24U);
    EXPECT_EQ(sizeof(kapi_image_constraint), 16U);
}

// A 32-bit number is its value (4 bytes) and its expression (4 bytes).
TEST(ImageEncodeTest, SmallNumbersTakeEightBytes) {
    Image img;
    auto at = [&](std::size_t id, std::size_t index, std::size_t field) {
        return get32(img.b, img.at(id, index, field));
    };
    const std::size_t expr = offsetof(kapi_image_num32, expr);
    const std::size_t cap = offsetof(kapi_image_cap, cap);
    const std::size_t number = offsetof(kapi_image_signal, number);
    const std::size_t alignment = offsetof(kapi_image_param, alignment);
    EXPECT_EQ(at(KAPI_TABLE_CAPS, 0, cap), 1U);
    EXPECT_EQ(at(KAPI_TABLE_SIGNALS, 0, number), 2U);
    EXPECT_EQ(at(KAPI_TABLE_PARAMS, 1, alignment), 8U);
    EXPECT_EQ(at(KAPI_TABLE_PARAMS, 1, alignment + expr), 0U); // a literal
    // The expressions are the strings the author wrote.
    const char* strings =
        reinterpret_cast<const char*>(img.b.data()) + img.offset(KAPI_TABLE_STRINGS);
    EXPECT_STREQ(strings + at(KAPI_TABLE_CAPS, 0, cap + expr), "CAP_DAC_OVERRIDE");
    EXPECT_STREQ(strings + at(KAPI_TABLE_SIGNALS, 0, number + expr), "SIGINT");
}

TEST(ImageEncodeTest, StringsAreStoredOnceAndOffsetZeroIsEmpty) {
    Image img;
    const char* table =
        reinterpret_cast<const char*>(img.b.data()) + img.offset(KAPI_TABLE_STRINGS);
    std::string strings(table, img.strtab());
    EXPECT_EQ(strings.front(), '\0');
    EXPECT_EQ(strings.back(), '\0');
    // "test a thing" is the summary of both specs; "SIGINT" is a signal's
    // name and its number's expression; "CAP_DAC_OVERRIDE" likewise.
    for (const char* s : {"test a thing", "SIGINT", "CAP_DAC_OVERRIDE", "EBADF"}) {
        std::string needle = std::string(1, '\0') + s + '\0';
        std::size_t first = strings.find(needle);
        ASSERT_NE(first, std::string::npos) << s;
        EXPECT_EQ(strings.find(needle, first + 1), std::string::npos) << s;
    }
    // The spec records of both specs point at the same summary string.
    EXPECT_EQ(get32(img.b, img.at(KAPI_TABLE_SPECS, 0, offsetof(kapi_image_spec, summary))),
              get32(img.b, img.at(KAPI_TABLE_SPECS, 1, offsetof(kapi_image_spec, summary))));
    // Unset strings are offset 0.
    EXPECT_EQ(get32(img.b, img.at(KAPI_TABLE_SPECS, 1, offsetof(kapi_image_spec, notes))), 0U);
}

TEST(ImageEncodeTest, ErrnoNamesAreStoredAsNegativeNumbers) {
    Image img;
    auto param_error = [&](std::size_t i) {
        return static_cast<std::int32_t>(get32(
            img.b, img.at(KAPI_TABLE_PARAMS, i, offsetof(kapi_image_param, violation_error))));
    };
    EXPECT_EQ(param_error(0), -9);  // EBADF
    EXPECT_EQ(param_error(1), -14); // EFAULT
    EXPECT_EQ(param_error(2), -11); // EAGAIN
    EXPECT_EQ(static_cast<std::int32_t>(
                  get32(img.b, img.at(KAPI_TABLE_SIGNALS, 0, offsetof(kapi_image_signal, error)))),
              -4); // EINTR
    EXPECT_EQ(static_cast<std::int32_t>(
                  get32(img.b, img.at(KAPI_TABLE_ERRORS, 0, offsetof(kapi_image_error, code)))),
              -9);
}

// Selectors land in the objects table in spec and error order, and the
// encoder refuses the selectors no reader accepts.
TEST(ImageEncodeTest, ErrorSelectorsAreStoredInOrder) {
    Image img;
    auto sel = [&](std::size_t i) {
        std::uint32_t v = get32(img.b, img.at(KAPI_TABLE_OBJECTS, i, 0));
        return std::pair<std::uint32_t, std::uint32_t>{v & 0xffff, v >> 16};
    };
    ASSERT_EQ(img.count(KAPI_TABLE_OBJECTS), 3U);
    EXPECT_EQ(sel(0), (std::pair<std::uint32_t, std::uint32_t>{KAPI_OBJ_SOCK, KAPI_IMPL_TCP}));
    EXPECT_EQ(sel(1), (std::pair<std::uint32_t, std::uint32_t>{KAPI_OBJ_ANY, KAPI_IMPL_PROC}));
    EXPECT_EQ(sel(2), (std::pair<std::uint32_t, std::uint32_t>{KAPI_OBJ_FIFO, KAPI_IMPL_ANY}));
    std::size_t objects = offsetof(kapi_image_error, objects);
    EXPECT_EQ(get32(img.b, img.at(KAPI_TABLE_ERRORS, 0, objects)), 0U);
    EXPECT_EQ(get32(img.b, img.at(KAPI_TABLE_ERRORS, 0, objects + 4)), 2U);
    EXPECT_EQ(get32(img.b, img.at(KAPI_TABLE_ERRORS, 1, objects + 4)), 0U);
    EXPECT_EQ(get32(img.b, img.at(KAPI_TABLE_ERRORS, 2, objects)), 2U);
    EXPECT_EQ(get32(img.b, img.at(KAPI_TABLE_ERRORS, 2, objects + 4)), 1U);

    SpecSet every = two_specs();
    every.specs[0].errors[1].objects = {{KAPI_OBJ_ANY, KAPI_IMPL_ANY}};
    EXPECT_THROW(kapi::encode_image(every), kapi::Error);
    SpecSet twice = two_specs();
    twice.specs[0].errors[1].objects = {{KAPI_OBJ_DIR, KAPI_IMPL_ANY},
                                        {KAPI_OBJ_DIR, KAPI_IMPL_ANY}};
    EXPECT_THROW(kapi::encode_image(twice), kapi::Error);
}

TEST(ImageEncodeTest, EmptySetIsAValidImage) {
    Bytes b = kapi::encode_image(SpecSet{});
    EXPECT_EQ(b.size(), 256U); // header + the one-byte string table, padded
    kapi::DecodeResult r = kapi::decode_image(b);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_TRUE(r.specs.specs.empty());
}

// ---- Round trips ---------------------------------------------------------------

TEST(ImageRoundTripTest, DecodeOfEncodeIsTheModel) {
    SpecSet in = two_specs();
    kapi::DecodeResult r = kapi::decode_image(kapi::encode_image(in));
    ASSERT_TRUE(r.ok()) << r.error;
    // EAGAIN and EWOULDBLOCK are both 11: the decoder names the number
    // after the spec's own error entry.
    in.specs[0].params[2].violation_error = "EWOULDBLOCK";
    EXPECT_EQ(r.specs, in);
}

TEST(ImageRoundTripTest, EncodeOfDecodeIsTheBytes) {
    Bytes b = kapi::encode_image(two_specs());
    kapi::DecodeResult r = kapi::decode_image(b);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(kapi::encode_image(r.specs), b);
}

TEST(ImageRoundTripTest, UnsetNumbersDecodeAsZero) {
    Spec s = small_spec("f");
    s.ioctl_cmd = Num{};
    kapi::DecodeResult r = kapi::decode_image(kapi::encode_image(SpecSet{{s}}));
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.specs.specs[0].ioctl_cmd, val(0));
}

// An ioctl command is a __u32 stored in an __s32: all 32 bits survive, and
// it reads back unsigned.
TEST(ImageRoundTripTest, IoctlCommandIsUnsigned32Bits) {
    Spec s = small_spec("ioc");
    s.kind = KAPI_KIND_IOCTL;
    s.ioctl_cmd = val(0x80086601, "FS_IOC_GETFLAGS");
    Bytes b = kapi::encode_image(SpecSet{{s}});
    Image img;
    img.b = b;
    EXPECT_EQ(get32(b, img.at(KAPI_TABLE_SPECS, 0, offsetof(kapi_image_spec, ioctl_cmd))),
              0x80086601U);
    kapi::DecodeResult r = kapi::decode_image(b);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.specs.specs[0].ioctl_cmd, val(2148034049LL, "FS_IOC_GETFLAGS"));
    EXPECT_EQ(kapi::encode_image(r.specs), b);
    s.ioctl_cmd = val(0xffffffffLL);
    r = kapi::decode_image(kapi::encode_image(SpecSet{{s}}));
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.specs.specs[0].ioctl_cmd, val(0xffffffffLL));
}

TEST(ImageRoundTripTest, SmallNumbersKeepTheirSign) {
    SpecSet set = two_specs();
    set.specs[0].params[0].alignment = val(-2147483647LL - 1, "INT_MIN");
    set.specs[0].signals[0].number = val(2147483647, "INT_MAX");
    set.specs[0].caps[0].cap = val(-1);
    kapi::DecodeResult r = kapi::decode_image(kapi::encode_image(set));
    ASSERT_TRUE(r.ok()) << r.error;
    set.specs[0].params[2].violation_error = "EWOULDBLOCK";
    EXPECT_EQ(r.specs, set);
}

TEST(ImageRoundTripTest, ErrnoNumbersWithoutNameDecodeAsNumbers) {
    Spec s = small_spec("f");
    kapi::Param p;
    p.name = "x";
    p.violation_error = "-1234"; // no errno has this number
    s.params = {p};
    kapi::DecodeResult r = kapi::decode_image(kapi::encode_image(SpecSet{{s}}));
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.specs.specs[0].params[0].violation_error, "-1234");
    EXPECT_EQ(r.specs.specs[0].params[0].min, val(0));
}

TEST(ImageRoundTripTest, ErrnoNamesOutsideTheSpecComeFromTheErrnoTable) {
    Spec s = small_spec("f");
    kapi::Signal g;
    g.error = "ERESTARTSYS";
    s.signals = {g};
    kapi::DecodeResult r = kapi::decode_image(kapi::encode_image(SpecSet{{s}}));
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.specs.specs[0].signals[0].error, "ERESTARTSYS");
}

// ---- Encoder errors --------------------------------------------------------------

std::string encode_error(const SpecSet& set) {
    try {
        kapi::encode_image(set);
    } catch (const kapi::Error& e) {
        EXPECT_EQ(e.code(), kapi::ExitCode::Usage);
        return e.what();
    }
    return "(no error)";
}

TEST(ImageEncodeTest, NumWithoutValueIsRefused) {
    SpecSet set = two_specs();
    set.specs[0].params[0].max = Num{std::nullopt, "INT_MAX"};
    EXPECT_EQ(encode_error(set),
              "spec 0 (sys_test): param 0: max has expression 'INT_MAX' but no value");
    set = two_specs();
    set.specs[0].caps[0].cap.value.reset();
    EXPECT_EQ(encode_error(set),
              "spec 0 (sys_test): cap 0: cap has expression 'CAP_DAC_OVERRIDE' but no value");
    set = two_specs();
    set.specs[0].params[2].values[1].value.reset();
    EXPECT_EQ(encode_error(set),
              "spec 0 (sys_test): param 2: value 1 has expression 'SEEK_CUR' but no value");
}

TEST(ImageEncodeTest, SmallNumberOutOfItsRangeIsRefused) {
    SpecSet set = two_specs();
    set.specs[0].params[1].alignment = val(4294967296LL);
    EXPECT_EQ(encode_error(set), "spec 0 (sys_test): param 1: alignment 4294967296 does not fit "
                                 "in its 32-bit field (-2147483648..2147483647)");
    set = two_specs();
    set.specs[0].params[1].alignment = val(-2147483649LL, "-PAGE_SIZE_HUGE");
    EXPECT_EQ(encode_error(set),
              "spec 0 (sys_test): param 1: alignment -2147483649 ('-PAGE_SIZE_HUGE') does not fit "
              "in its 32-bit field (-2147483648..2147483647)");
    set = two_specs();
    set.specs[0].signals[0].number = val(2147483648LL, "SIGINT");
    EXPECT_EQ(encode_error(set), "spec 0 (sys_test): signal 0: number 2147483648 ('SIGINT') does "
                                 "not fit in its 32-bit field (-2147483648..2147483647)");
    set = two_specs();
    set.specs[0].caps[0].cap = val(1LL << 40, "CAP_DAC_OVERRIDE");
    EXPECT_EQ(encode_error(set), "spec 0 (sys_test): cap 0: cap 1099511627776 ('CAP_DAC_OVERRIDE') "
                                 "does not fit in its 32-bit field (-2147483648..2147483647)");
    // An ioctl command is unsigned: 0..U32_MAX.
    set = two_specs();
    set.specs[1].ioctl_cmd = val(-1);
    EXPECT_EQ(encode_error(set),
              "spec 1 (kfunc): ioctl_cmd -1 does not fit in its 32-bit field (0..4294967295)");
    set = two_specs();
    set.specs[1].ioctl_cmd = val(0x100000000LL, "BIG_CMD");
    EXPECT_EQ(encode_error(set), "spec 1 (kfunc): ioctl_cmd 4294967296 ('BIG_CMD') does not fit "
                                 "in its 32-bit field (0..4294967295)");
    set = two_specs();
    set.specs[1].ioctl_cmd = Num{std::nullopt, "FS_IOC_GETFLAGS"};
    EXPECT_EQ(encode_error(set),
              "spec 1 (kfunc): ioctl_cmd has expression 'FS_IOC_GETFLAGS' but no value");
}

TEST(ImageEncodeTest, UnknownErrnoNameIsRefused) {
    SpecSet set = two_specs();
    set.specs[0].signals[0].error = "ENOTANERRNO";
    EXPECT_EQ(encode_error(set),
              "spec 0 (sys_test): signal 0: error 'ENOTANERRNO' is not a known errno name");
    set = two_specs();
    set.specs[1].errors = {ErrorSpec{0, "EBOGUS", "", "", {}}};
    EXPECT_EQ(encode_error(set), "spec 1 (kfunc): error 0: 'EBOGUS' has no errno code");
}

TEST(ImageEncodeTest, ErrorCodeIsTakenFromItsNameWhenMissing) {
    SpecSet set{{small_spec("f")}};
    set.specs[0].errors = {ErrorSpec{0, "ENOENT", "", "", {}}};
    kapi::DecodeResult r = kapi::decode_image(kapi::encode_image(set));
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.specs.specs[0].errors[0].code, -2);
}

TEST(ImageEncodeTest, NulByteInStringIsRefused) {
    SpecSet set = two_specs();
    set.specs[1].notes = std::string("a\0b", 3);
    EXPECT_EQ(encode_error(set), "spec 1 (kfunc): notes contains a NUL byte");
}

TEST(ImageEncodeTest, InvalidModelIsRefused) {
    SpecSet set = two_specs();
    set.specs[1].name = "sys_test";
    EXPECT_EQ(encode_error(set), "invalid spec: spec 1 (sys_test): name duplicates spec 0");
    set = two_specs();
    set.specs[0].params[1].size_param = 1;
    EXPECT_EQ(encode_error(set),
              "invalid spec: spec 0 (sys_test): param 1: size_param 1 refers to the param itself");
}

// ---- Corruption ----------------------------------------------------------------

struct Corruption {
    const char* name;
    // Damages the image and returns the message the decoder must give.
    std::function<std::string(Image&)> damage;
};

std::ostream& operator<<(std::ostream& os, const Corruption& c) {
    return os << c.name;
}

constexpr std::size_t kSpecName = offsetof(kapi_image_spec, name);
constexpr std::size_t kParamName = offsetof(kapi_image_param, name);
const std::string kSpec0 = "spec 0 (sys_test): ";

// Sets table ID's count so far that it ends past the image.
std::string too_many(Image& img, std::size_t id) {
    std::uint32_t n = 0x10000000;
    img.set_table(id, offsetof(kapi_image_table, count), n);
    std::uint64_t end = img.offset(id) + std::uint64_t{n} * img.entsize(id);
    static const char* const names[] = {"specs",       "params",  "errors",      "locks",
                                        "signals",     "effects", "transitions", "caps",
                                        "constraints", "values",  "objects",     "strings"};
    return std::string(names[id]) + " table: " + std::to_string(n) + " records of " +
           std::to_string(img.entsize(id)) + " bytes at offset " + std::to_string(img.offset(id)) +
           " end at " + std::to_string(end) + ", past the image end (" + img.size() + ")";
}

std::string truncate_to(Image& img, std::size_t n) {
    img.b.resize(n);
    return "image truncated: " + std::to_string(n) + " bytes, the header needs 216";
}

const Corruption kCorruptions[] = {
    // Header.
    {"empty", [](Image& i) { return truncate_to(i, 0); }},
    {"truncated_in_magic", [](Image& i) { return truncate_to(i, 3); }},
    {"truncated_after_magic", [](Image& i) { return truncate_to(i, 4); }},
    {"truncated_in_version", [](Image& i) { return truncate_to(i, 6); }},
    {"truncated_after_version", [](Image& i) { return truncate_to(i, 8); }},
    {"truncated_after_size", [](Image& i) { return truncate_to(i, 12); }},
    {"truncated_after_counts", [](Image& i) { return truncate_to(i, 16); }},
    {"truncated_after_reserved", [](Image& i) { return truncate_to(i, 24); }},
    {"truncated_in_tables", [](Image& i) { return truncate_to(i, 100); }},
    {"truncated_in_last_table", [](Image& i) { return truncate_to(i, 215); }},
    {"truncated_after_header",
     [](Image& i) {
         std::string full = i.size();
         i.b.resize(216);
         return "image size " + full + " in the header, but 216 bytes given";
     }},
    {"truncated_by_eight",
     [](Image& i) {
         std::string full = i.size();
         i.b.resize(i.b.size() - 8);
         return "image size " + full + " in the header, but " + i.size() + " bytes given";
     }},
    {"trailing_bytes",
     [](Image& i) {
         std::string full = i.size();
         i.b.resize(i.b.size() + 8);
         return "image size " + full + " in the header, but " + i.size() + " bytes given";
     }},
    {"bad_magic",
     [](Image& i) {
         i.b[0] = 'L';
         return std::string("bad magic 0x4950414c, expected 0x4950414b (\"KAPI\")");
     }},
    {"unknown_major",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, version_major), KAPI_IMAGE_VERSION_MAJOR + 1);
         return "unsupported image version " + std::to_string(KAPI_IMAGE_VERSION_MAJOR + 1) +
                ".1: this reader knows major version 2";
     }},
    {"major_zero",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, version_major), 0);
         return std::string("image format 0.1 is older than this reader's 2.x (errors gained "
                            "object selectors in 2.0): rebuild the image with a matching kapi-gen");
     }},
    {"format_1",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, version_major), 1);
         return std::string("image format 1.1 is older than this reader's 2.x (errors gained "
                            "object selectors in 2.0): rebuild the image with a matching kapi-gen");
     }},
    {"header_size_small",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, header_size), 208);
         return std::string("header size 208 is smaller than 216");
     }},
    {"header_size_unaligned",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, header_size), 220);
         return std::string("header size 220 is not a multiple of 8");
     }},
    {"tables_overlap",
     [](Image& i) {
         i.set_table(KAPI_TABLE_LOCKS, offsetof(kapi_image_table, offset),
                     i.offset(KAPI_TABLE_PARAMS) + 8);
         return std::string("locks table: overlaps the params table");
     }},
    {"size_below_header",
     [](Image& i) {
         put32(i.b, offsetof(kapi_image_header, size), 100);
         return std::string("image size 100 is smaller than the header size 248");
     }},
    {"size_over_limit",
     [](Image& i) {
         put32(i.b, offsetof(kapi_image_header, size), KAPI_IMAGE_MAX_SIZE + 8);
         return std::string("image size 16777224 exceeds the limit of 16777216 bytes");
     }},
    {"size_larger_than_data",
     [](Image& i) {
         put32(i.b, offsetof(kapi_image_header, size), static_cast<std::uint32_t>(i.b.size() + 8));
         return "image size " + std::to_string(i.b.size() + 8) + " in the header, but " + i.size() +
                " bytes given";
     }},
    {"table_count_small",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, table_count), KAPI_TABLE_COUNT_2_0 - 1);
         return std::string("table count 11 is smaller than 12");
     }},
    {"table_count_beyond_header",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, table_count), KAPI_TABLE_COUNT + 1);
         return std::string("header size 248 is too small for 15 tables");
     }},
    {"header_flags",
     [](Image& i) {
         put32(i.b, offsetof(kapi_image_header, flags), 1);
         return std::string("header flags 0x1 not zero");
     }},
    {"header_reserved",
     [](Image& i) {
         put32(i.b, offsetof(kapi_image_header, reserved), 0x20);
         return std::string("header reserved field 0x20 not zero");
     }},
    // Tables.
    {"specs_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_SPECS); }},
    {"params_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_PARAMS); }},
    {"errors_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_ERRORS); }},
    {"locks_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_LOCKS); }},
    {"signals_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_SIGNALS); }},
    {"effects_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_EFFECTS); }},
    {"transitions_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_TRANSITIONS); }},
    {"caps_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_CAPS); }},
    {"constraints_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_CONSTRAINTS); }},
    {"values_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_VALUES); }},
    {"objects_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_OBJECTS); }},
    {"strings_past_end", [](Image& i) { return too_many(i, KAPI_TABLE_STRINGS); }},
    {"offset_plus_count_overflows_32_bits",
     [](Image& i) {
         i.set_table(KAPI_TABLE_ERRORS, offsetof(kapi_image_table, offset), 0xfffffff8);
         i.set_table(KAPI_TABLE_ERRORS, offsetof(kapi_image_table, count), 0xffffffff);
         return "errors table: 4294967295 records of 24 bytes at offset 4294967288 end at " +
                std::to_string(0xfffffff8ULL + 0xffffffffULL * 24) + ", past the image end (" +
                i.size() + ")";
     }},
    {"offset_past_end",
     [](Image& i) {
         i.set_table(KAPI_TABLE_LOCKS, offsetof(kapi_image_table, offset),
                     static_cast<std::uint32_t>(i.b.size()));
         return "locks table: 1 records of 16 bytes at offset " + i.size() + " end at " +
                std::to_string(i.b.size() + 16) + ", past the image end (" + i.size() + ")";
     }},
    {"offset_misaligned",
     [](Image& i) {
         std::uint32_t off = i.offset(KAPI_TABLE_PARAMS) + 4;
         i.set_table(KAPI_TABLE_PARAMS, offsetof(kapi_image_table, offset), off);
         return "params table: offset " + std::to_string(off) + " is not 8-byte aligned";
     }},
    {"offset_in_header",
     [](Image& i) {
         i.set_table(KAPI_TABLE_CAPS, offsetof(kapi_image_table, offset), 208);
         return std::string("caps table: offset 208 overlaps the header (248 bytes)");
     }},
    {"entsize_small",
     [](Image& i) {
         i.set_table(KAPI_TABLE_SIGNALS, offsetof(kapi_image_table, entsize), 64);
         return std::string("signals table: entsize 64 is smaller than the 72-byte record");
     }},
    {"entsize_small_newer_minor",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, version_minor), KAPI_IMAGE_VERSION_MINOR + 1);
         i.set_table(KAPI_TABLE_EFFECTS, offsetof(kapi_image_table, entsize), 16);
         return std::string("effects table: entsize 16 is smaller than the 24-byte record");
     }},
    {"entsize_unaligned_newer_minor",
     [](Image& i) {
         put16(i.b, offsetof(kapi_image_header, version_minor), KAPI_IMAGE_VERSION_MINOR + 1);
         i.set_table(KAPI_TABLE_EFFECTS, offsetof(kapi_image_table, entsize), 28);
         return std::string("effects table: entsize 28 is not a multiple of 8");
     }},
    {"strings_entsize",
     [](Image& i) {
         i.set_table(KAPI_TABLE_STRINGS, offsetof(kapi_image_table, entsize), 2);
         return std::string("strings table: entsize 2, expected 1");
     }},
    {"table_reserved",
     [](Image& i) {
         i.set_table(KAPI_TABLE_VALUES, offsetof(kapi_image_table, reserved), 3);
         return std::string("values table: reserved field 0x3 not zero");
     }},
    {"strings_empty",
     [](Image& i) {
         i.set_table(KAPI_TABLE_STRINGS, offsetof(kapi_image_table, count), 0);
         return std::string(
             "strings table: empty; it must hold at least the empty string at offset 0");
     }},
    {"strings_unterminated",
     [](Image& i) {
         i.b[i.offset(KAPI_TABLE_STRINGS) + i.strtab() - 1] = 'x';
         return std::string("strings table: not NUL-terminated");
     }},
    {"strings_first_not_empty",
     [](Image& i) {
         i.b[i.offset(KAPI_TABLE_STRINGS)] = 'x';
         return std::string("strings table: does not start with the empty string");
     }},
    // Strings in records.
    {"spec_name_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 0, kSpecName, i.strtab());
         return "spec 0: name offset " + std::to_string(i.strtab()) +
                " outside string table (size " + std::to_string(i.strtab()) + ")";
     }},
    {"param_name_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 1, kParamName, 4711);
         return kSpec0 + "param 1: name offset 4711 outside string table (size " +
                std::to_string(i.strtab()) + ")";
     }},
    {"summary_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 1, offsetof(kapi_image_spec, summary), 0xffffffff);
         return "spec 1 (kfunc): summary offset 4294967295 outside string table (size " +
                std::to_string(i.strtab()) + ")";
     }},
    {"num_expr_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 0,
               offsetof(kapi_image_param, max) + offsetof(kapi_image_num, expr), i.strtab() + 1);
         return kSpec0 + "param 0: max expr offset " + std::to_string(i.strtab() + 1) +
                " outside string table (size " + std::to_string(i.strtab()) + ")";
     }},
    // The 32-bit numbers have no reserved field; their expressions are
    // strings like any other.
    {"ioctl_cmd_expr_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 1,
               offsetof(kapi_image_spec, ioctl_cmd) + offsetof(kapi_image_num32, expr), i.strtab());
         return "spec 1 (kfunc): ioctl_cmd expr offset " + std::to_string(i.strtab()) +
                " outside string table (size " + std::to_string(i.strtab()) + ")";
     }},
    {"alignment_expr_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 1,
               offsetof(kapi_image_param, alignment) + offsetof(kapi_image_num32, expr), 99999);
         return kSpec0 + "param 1: alignment expr offset 99999 outside string table (size " +
                std::to_string(i.strtab()) + ")";
     }},
    {"signal_number_expr_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_SIGNALS, 0,
               offsetof(kapi_image_signal, number) + offsetof(kapi_image_num32, expr),
               i.strtab() + 7);
         return kSpec0 + "signal 0: number expr offset " + std::to_string(i.strtab() + 7) +
                " outside string table (size " + std::to_string(i.strtab()) + ")";
     }},
    {"cap_expr_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_CAPS, 0, offsetof(kapi_image_cap, cap) + offsetof(kapi_image_num32, expr),
               0x80000000);
         return kSpec0 + "cap 0: cap expr offset 2147483648 outside string table (size " +
                std::to_string(i.strtab()) + ")";
     }},
    {"value_expr_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_VALUES, 1, offsetof(kapi_image_num, expr), i.strtab());
         return kSpec0 + "param 2: value 1 expr offset " + std::to_string(i.strtab()) +
                " outside string table (size " + std::to_string(i.strtab()) + ")";
     }},
    {"lock_description_outside_strings",
     [](Image& i) {
         i.set(KAPI_TABLE_LOCKS, 0, offsetof(kapi_image_lock, description), i.strtab());
         return kSpec0 + "lock 0: description offset " + std::to_string(i.strtab()) +
                " outside string table (size " + std::to_string(i.strtab()) + ")";
     }},
    // Names.
    {"spec_name_empty",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 1, kSpecName, 0);
         return std::string("spec 1: name is empty");
     }},
    {"spec_name_duplicate",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 1, kSpecName, get32(i.b, i.at(KAPI_TABLE_SPECS, 0, kSpecName)));
         return std::string("spec 1 (sys_test): name duplicates spec 0");
     }},
    {"param_name_empty",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 2, kParamName, 0);
         return kSpec0 + "param 2: name is empty";
     }},
    {"param_name_duplicate",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 2, kParamName,
               get32(i.b, i.at(KAPI_TABLE_PARAMS, 0, kParamName)));
         return kSpec0 + "param 2: name \"fd\" duplicates param 0";
     }},
    {"error_name_empty",
     [](Image& i) {
         i.set(KAPI_TABLE_ERRORS, 1, offsetof(kapi_image_error, name), 0);
         return kSpec0 + "error 1: name is empty";
     }},
    // Slices.
    {"params_slice_outside_table",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 0, offsetof(kapi_image_spec, params) + 4, 4);
         return kSpec0 + "params [0, 4) outside the params table (3 records)";
     }},
    {"slice_overflows_32_bits",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 0, offsetof(kapi_image_spec, errors), 0xffffffff);
         return kSpec0 + "errors [4294967295, 4294967298) outside the errors table (3 records)";
     }},
    {"values_slice_outside_table",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 2, offsetof(kapi_image_param, values), 1);
         return kSpec0 + "param 2: values [1, 4) outside the values table (3 records)";
     }},
    {"caps_slice_of_empty_spec",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 1, offsetof(kapi_image_spec, caps) + 4, 2);
         return std::string("spec 1 (kfunc): caps [0, 2) outside the caps table (1 records)");
     }},
    // Enumerations and bit sets, one per record kind.
    {"spec_kind",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 0, offsetof(kapi_image_spec, kind), KAPI_KIND_COUNT);
         return kSpec0 + "kind 3 out of range (0..2)";
     }},
    {"spec_context",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 0, offsetof(kapi_image_spec, context), 0x121);
         return kSpec0 + "context 0x121 has bits outside 0xff";
     }},
    {"spec_flags",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 0, offsetof(kapi_image_spec, flags), 2);
         return kSpec0 + "flags 0x2 has bits outside 0x1";
     }},
    {"return_type",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 0,
               offsetof(kapi_image_spec, ret) + offsetof(kapi_image_return, type), KAPI_TYPE_COUNT);
         return kSpec0 + "return: type 13 out of range (0..12)";
     }},
    {"return_check",
     [](Image& i) {
         i.set(KAPI_TABLE_SPECS, 0,
               offsetof(kapi_image_spec, ret) + offsetof(kapi_image_return, check), 6);
         return kSpec0 + "return: check 6 out of range (0..5)";
     }},
    {"param_type",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 1, offsetof(kapi_image_param, type), 99);
         return kSpec0 + "param 1: type 99 out of range (0..12)";
     }},
    {"param_flags",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, flags), 0x201);
         return kSpec0 + "param 0: flags 0x201 has bits outside 0x1fb";
     }},
    {"param_flags_unused_bit",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, flags), 0x5);
         return kSpec0 + "param 0: flags 0x5 has bits outside 0x1fb";
     }},
    {"param_constraint",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, constraint), KAPI_CONSTRAINT_COUNT);
         return kSpec0 + "param 0: constraint 15 out of range (0..14)";
     }},
    {"lock_type",
     [](Image& i) {
         i.set(KAPI_TABLE_LOCKS, 0, offsetof(kapi_image_lock, type), KAPI_LOCK_COUNT);
         return kSpec0 + "lock 0: type 8 out of range (0..7)";
     }},
    {"lock_scope",
     [](Image& i) {
         i.set(KAPI_TABLE_LOCKS, 0, offsetof(kapi_image_lock, scope), KAPI_LOCK_SCOPE_COUNT);
         return kSpec0 + "lock 0: scope 4 out of range (0..3)";
     }},
    {"signal_direction",
     [](Image& i) {
         i.set(KAPI_TABLE_SIGNALS, 0, offsetof(kapi_image_signal, direction), 0x20);
         return kSpec0 + "signal 0: direction 0x20 has bits outside 0x1f";
     }},
    {"signal_action",
     [](Image& i) {
         i.set(KAPI_TABLE_SIGNALS, 0, offsetof(kapi_image_signal, action),
               KAPI_SIGNAL_ACTION_COUNT);
         return kSpec0 + "signal 0: action 11 out of range (0..10)";
     }},
    {"signal_timing",
     [](Image& i) {
         i.set(KAPI_TABLE_SIGNALS, 0, offsetof(kapi_image_signal, timing), KAPI_SIGNAL_TIME_COUNT);
         return kSpec0 + "signal 0: timing 6 out of range (0..5)";
     }},
    {"signal_flags",
     [](Image& i) {
         i.set(KAPI_TABLE_SIGNALS, 0, offsetof(kapi_image_signal, flags), 4);
         return kSpec0 + "signal 0: flags 0x4 has bits outside 0x3";
     }},
    {"signal_state_required",
     [](Image& i) {
         i.set(KAPI_TABLE_SIGNALS, 0, offsetof(kapi_image_signal, state_required), 0x40);
         return kSpec0 + "signal 0: state_required 0x40 has bits outside 0x3f";
     }},
    {"signal_state_forbidden",
     [](Image& i) {
         i.set(KAPI_TABLE_SIGNALS, 0, offsetof(kapi_image_signal, state_forbidden), 0x80000000);
         return kSpec0 + "signal 0: state_forbidden 0x80000000 has bits outside 0x3f";
     }},
    {"effect_type",
     [](Image& i) {
         i.set(KAPI_TABLE_EFFECTS, 0, offsetof(kapi_image_effect, type), 0x8000);
         return kSpec0 + "effect 0: type 0x8000 has bits outside 0x7fff";
     }},
    {"effect_flags",
     [](Image& i) {
         i.set(KAPI_TABLE_EFFECTS, 0, offsetof(kapi_image_effect, flags), 3);
         return kSpec0 + "effect 0: flags 0x3 has bits outside 0x1";
     }},
    {"cap_action",
     [](Image& i) {
         i.set(KAPI_TABLE_CAPS, 0, offsetof(kapi_image_cap, action), KAPI_CAP_COUNT);
         return kSpec0 + "cap 0: action 7 out of range (0..6)";
     }},
    // Object selectors (error 0: sock:tcp, *:proc; error 2: fifo:*).
    {"object_type",
     [](Image& i) {
         put16(i.b, i.at(KAPI_TABLE_OBJECTS, 0, offsetof(kapi_image_object, type)),
               KAPI_OBJ_TYPE_COUNT);
         return kSpec0 + "error 0: object 0 type 9 out of range (0..8)";
     }},
    {"object_impl",
     [](Image& i) {
         put16(i.b, i.at(KAPI_TABLE_OBJECTS, 1, offsetof(kapi_image_object, impl)),
               KAPI_IMPL_COUNT);
         return kSpec0 + "error 0: object 1 impl 58 out of range (0..57)";
     }},
    {"object_reserved",
     [](Image& i) {
         i.set(KAPI_TABLE_OBJECTS, 2, offsetof(kapi_image_object, reserved), 1);
         return kSpec0 + "error 2: object 0 reserved field 0x1 not zero";
     }},
    {"object_every_object",
     [](Image& i) {
         i.set(KAPI_TABLE_OBJECTS, 1, offsetof(kapi_image_object, type), 0);
         return kSpec0 +
                "error 0: object 1 is *:* (every object): an error for every object has no "
                "selectors";
     }},
    {"object_duplicate",
     [](Image& i) {
         i.set(KAPI_TABLE_OBJECTS, 1, offsetof(kapi_image_object, type),
               KAPI_OBJ_SOCK | (KAPI_IMPL_TCP << 16));
         return kSpec0 + "error 0: object 1 (sock:tcp) duplicates an earlier selector of the error";
     }},
    {"object_slice",
     [](Image& i) {
         i.set(KAPI_TABLE_ERRORS, 0,
               offsetof(kapi_image_error, objects) + offsetof(kapi_image_slice, count), 4);
         return kSpec0 + "error 0: objects [0, 4) outside the objects table (3 records)";
     }},
    // Errno numbers.
    {"error_code_positive",
     [](Image& i) {
         i.set(KAPI_TABLE_ERRORS, 0, offsetof(kapi_image_error, code), 9);
         return kSpec0 + "error 0: code 9 is not a negative errno";
     }},
    {"error_code_zero",
     [](Image& i) {
         i.set(KAPI_TABLE_ERRORS, 2, offsetof(kapi_image_error, code), 0);
         return kSpec0 + "error 2: code 0 is not a negative errno";
     }},
    {"error_code_too_negative",
     [](Image& i) {
         i.set(KAPI_TABLE_ERRORS, 0, offsetof(kapi_image_error, code),
               static_cast<std::uint32_t>(-4096));
         return kSpec0 + "error 0: code -4096 is not a negative errno";
     }},
    {"violation_error_positive",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 1, offsetof(kapi_image_param, violation_error), 14);
         return kSpec0 + "param 1: violation_error 14 is not 0 or a negative errno";
     }},
    {"signal_error_positive",
     [](Image& i) {
         i.set(KAPI_TABLE_SIGNALS, 0, offsetof(kapi_image_signal, error), 4);
         return kSpec0 + "signal 0: error 4 is not 0 or a negative errno";
     }},
    // size_param.
    {"size_param_too_large",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 1, offsetof(kapi_image_param, size_param), 3);
         return kSpec0 + "param 1: size_param 3 out of range (-1..2)";
     }},
    {"size_param_below_minus_one",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, size_param),
               static_cast<std::uint32_t>(-2));
         return kSpec0 + "param 0: size_param -2 out of range (-1..2)";
     }},
    {"size_param_self",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 2, offsetof(kapi_image_param, size_param), 2);
         return kSpec0 + "param 2: size_param 2 refers to the param itself";
     }},
    // Descriptor rules, as kapi.ko refuses them.
    {"fd_access_unknown_bit",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, constraint), KAPI_CONSTRAINT_FD);
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, mask), KAPI_FD_ACCESS_ALL + 1);
         return kSpec0 + "param 0: fd access 0x400 sets unknown bits";
     }},
    {"fd_if_relative_without_path",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, constraint), KAPI_CONSTRAINT_FD);
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, mask),
               KAPI_FD_OPEN | KAPI_FD_IF_RELATIVE);
         return kSpec0 +
                "param 0: KAPI_FD_IF_RELATIVE needs size_param to name a user_path parameter";
     }},
    // Reserved fields.
    {"param_order_bits",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, order), 0x100000);
         return kSpec0 + "param 0: order 0x100000 has bits outside 0x8000ffff";
     }},
    {"num_reserved",
     [](Image& i) {
         i.set(KAPI_TABLE_PARAMS, 1,
               offsetof(kapi_image_param, size_mult) + offsetof(kapi_image_num, reserved), 2);
         return kSpec0 + "param 1: size_mult reserved field 0x2 not zero";
     }},
    {"value_reserved",
     [](Image& i) {
         i.set(KAPI_TABLE_VALUES, 2, offsetof(kapi_image_num, reserved), 0xff);
         return kSpec0 + "param 2: value 2 reserved field 0xff not zero";
     }},
    {"effect_reserved",
     [](Image& i) {
         i.set(KAPI_TABLE_EFFECTS, 0, offsetof(kapi_image_effect, reserved), 1);
         return kSpec0 + "effect 0: reserved field 0x1 not zero";
     }},
    {"transition_reserved",
     [](Image& i) {
         i.set(KAPI_TABLE_TRANSITIONS, 0, offsetof(kapi_image_transition, reserved), 1);
         return kSpec0 + "transition 0: reserved field 0x1 not zero";
     }},
    {"constraint_reserved",
     [](Image& i) {
         i.set(KAPI_TABLE_CONSTRAINTS, 0, offsetof(kapi_image_constraint, reserved), 1);
         return kSpec0 + "constraint 0: reserved field 0x1 not zero";
     }},
    // Names too long for the kernel.
    {"spec_name_too_long",
     [](Image& i) {
         // Make the string table one long string (but its first and last
         // byte): the spec's name runs to its end.
         std::size_t str = i.offset(KAPI_TABLE_STRINGS);
         std::size_t n = i.strtab();
         for (std::size_t k = 1; k + 1 < n; ++k)
             i.b[str + k] = 'a';
         return "spec 0: name is " +
                std::to_string(n - 1 - get32(i.b, i.at(KAPI_TABLE_SPECS, 0, kSpecName))) +
                " bytes long, the limit is 127";
     }},
};

class ImageCorruptionTest : public testing::TestWithParam<Corruption> {};

TEST_P(ImageCorruptionTest, IsRefusedWithExactMessage) {
    Image img;
    ASSERT_TRUE(kapi::decode_image(img.b).ok());
    std::string expected = GetParam().damage(img);
    kapi::DecodeResult r = kapi::decode_image(img.b);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error, expected);
    EXPECT_TRUE(r.specs.specs.empty());
}

INSTANTIATE_TEST_SUITE_P(Cases, ImageCorruptionTest, testing::ValuesIn(kCorruptions),
                         [](const testing::TestParamInfo<Corruption>& param) {
                             return std::string(param.param.name);
                         });

// ---- Malformed images shared with kapi.ko's KUnit suite ------------------------

struct SharedCase {
    const char* what;
    int err;
    int at;
    int table;
    std::size_t offset;
    int width;
    std::uint32_t value;
    const char* reason; // kapi.ko's words
};

std::ostream& operator<<(std::ostream& os, const SharedCase& c) {
    return os << c.what;
}

#define KAPI_IMAGE_BAD(what, err, at, table, offset, width, value, reason)                         \
    SharedCase{what, err, at, table, offset, width, value, reason},
const SharedCase kSharedCases[] = KAPI_IMAGE_BAD_CASES;
#undef KAPI_IMAGE_BAD

class SharedBadImageTest : public testing::TestWithParam<SharedCase> {};

TEST_P(SharedBadImageTest, IsRefusedWithTheKernelsErrno) {
    const SharedCase& c = GetParam();
    Image img;
    ASSERT_TRUE(kapi::decode_image(img.b).ok());
    std::size_t at = c.offset;
    if (c.at == KAPI_BAD_AT_TABLE) {
        at = Image::table_field(static_cast<std::size_t>(c.table), c.offset);
    } else if (c.at == KAPI_BAD_AT_RECORD) {
        ASSERT_GT(img.count(static_cast<std::size_t>(c.table)), 0U);
        at = img.at(static_cast<std::size_t>(c.table), 0, c.offset);
    }
    if (c.width == 2)
        put16(img.b, at, static_cast<std::uint16_t>(c.value));
    else
        put32(img.b, at, c.value);
    kapi::DecodeResult r = kapi::decode_image(img.b);
    EXPECT_FALSE(r.ok()) << "kapi.ko: " << c.reason;
    EXPECT_EQ(r.error_code, c.err) << r.error << "; kapi.ko: " << c.reason;
    EXPECT_TRUE(r.specs.specs.empty());
}

INSTANTIATE_TEST_SUITE_P(Cases, SharedBadImageTest, testing::ValuesIn(kSharedCases),
                         [](const testing::TestParamInfo<SharedCase>& param) {
                             std::string name;
                             for (const char* p = param.param.what; *p != '\0'; ++p)
                                 name +=
                                     std::isalnum(static_cast<unsigned char>(*p)) != 0 ? *p : '_';
                             return name;
                         });

TEST(ImageDecodeTest, ErrnoIsTheKernels) {
    Image ok;
    EXPECT_EQ(kapi::decode_image(ok.b).error_code, 0);
    Image magic;
    magic.b[0] = 'L';
    EXPECT_EQ(kapi::decode_image(magic.b).error_code, -ENOEXEC);
    Image major;
    put16(major.b, offsetof(kapi_image_header, version_major), KAPI_IMAGE_VERSION_MAJOR + 1);
    EXPECT_EQ(kapi::decode_image(major.b).error_code, -EOPNOTSUPP);
    Image dup;
    dup.set(KAPI_TABLE_SPECS, 1, kSpecName, get32(dup.b, dup.at(KAPI_TABLE_SPECS, 0, kSpecName)));
    EXPECT_EQ(kapi::decode_image(dup.b).error_code, -EEXIST);
    Image truncated;
    truncated.b.resize(100);
    EXPECT_EQ(kapi::decode_image(truncated.b).error_code, -EBADMSG);
}

// kapi.ko checks every record, also one no spec refers to; so does the
// decoder, with the kernel's words.
TEST(ImageDecodeTest, RecordsNoSpecRefersToAreChecked) {
    Image img;
    const std::size_t locks = offsetof(kapi_image_spec, locks) + offsetof(kapi_image_slice, count);
    img.set(KAPI_TABLE_SPECS, 0, locks, 0);
    ASSERT_TRUE(kapi::decode_image(img.b).ok());
    img.set(KAPI_TABLE_LOCKS, 0, offsetof(kapi_image_lock, type), KAPI_LOCK_COUNT);
    kapi::DecodeResult r = kapi::decode_image(img.b);
    EXPECT_EQ(r.error, "locks[0], field type: value 8 is out of range (0..7)");
    EXPECT_EQ(r.error_code, -EBADMSG);
    EXPECT_EQ(r.error_spec, -1);
}

// An empty table has no bytes; kapi.ko does not care where it stands.
TEST(ImageDecodeTest, EmptyTableMayStandAnywhere) {
    Image img;
    img.set_table(KAPI_TABLE_LOCKS, offsetof(kapi_image_table, count), 0);
    img.set_table(KAPI_TABLE_LOCKS, offsetof(kapi_image_table, offset), 0);
    const std::size_t locks = offsetof(kapi_image_spec, locks) + offsetof(kapi_image_slice, count);
    img.set(KAPI_TABLE_SPECS, 0, locks, 0);
    kapi::DecodeResult r = kapi::decode_image(img.b);
    EXPECT_TRUE(r.ok()) << r.error;
}

// Spec and error names follow kapi.ko's rules.
TEST(ImageDecodeTest, NamesFollowTheKernelsRules) {
    Image img;
    std::size_t name =
        img.offset(KAPI_TABLE_STRINGS) + get32(img.b, img.at(KAPI_TABLE_SPECS, 0, kSpecName));
    img.b[name + 3] = ' '; // "sys test"
    EXPECT_EQ(kapi::decode_image(img.b).error,
              "spec 0: name \"sys test\" has byte 3 (0x20), which is not allowed in a name "
              "([A-Za-z0-9_][A-Za-z0-9_.-]*)");
    Image err;
    std::size_t ename =
        err.offset(KAPI_TABLE_STRINGS) +
        get32(err.b, err.at(KAPI_TABLE_ERRORS, 0, offsetof(kapi_image_error, name)));
    err.b[ename + 1] = 'b'; // "EbADF"
    EXPECT_EQ(kapi::decode_image(err.b).error,
              "spec 0 (sys_test): error 0: name \"EbADF\" is not an error name (E[A-Z0-9_]+)");
}

TEST(ImageDecodeTest, ErrorNamesTheSpec) {
    Image img;
    img.set(KAPI_TABLE_LOCKS, 0, offsetof(kapi_image_lock, type), 100);
    EXPECT_EQ(kapi::decode_image(img.b).error_spec, 0);
    Image img2;
    put32(img2.b, offsetof(kapi_image_header, flags), 1);
    EXPECT_EQ(kapi::decode_image(img2.b).error_spec, -1);
}

TEST(ImageDecodeTest, NewerMinorIsAcceptedWithFieldsThisReaderDoesNotKnow) {
    Image img;
    put16(img.b, offsetof(kapi_image_header, version_minor), KAPI_IMAGE_VERSION_MINOR + 1);
    put32(img.b, offsetof(kapi_image_header, flags), 1);
    put32(img.b, offsetof(kapi_image_header, reserved), 1);
    img.set_table(KAPI_TABLE_PARAMS, offsetof(kapi_image_table, reserved), 1);
    img.set(KAPI_TABLE_PARAMS, 0, offsetof(kapi_image_param, order), 0x100007);
    img.set(KAPI_TABLE_EFFECTS, 0, offsetof(kapi_image_effect, type), 0x18000);
    img.set(KAPI_TABLE_LOCKS, 0, offsetof(kapi_image_lock, type), KAPI_LOCK_COUNT);
    kapi::DecodeResult r = kapi::decode_image(img.b);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.specs.specs[0].effects[0].type, 0x18000U);
    EXPECT_EQ(r.specs.specs[0].locks[0].type, std::uint32_t{KAPI_LOCK_COUNT});
}

// kapi.ko steps over records larger than it knows in an image of any minor
// version, and so does the decoder.
TEST(ImageDecodeTest, LargerRecordsOfTheSameMinorAreReadLikeTheKernelReadsThem) {
    Image img;
    const std::size_t id = KAPI_TABLE_SPECS;
    const std::uint32_t old_size = img.entsize(id), new_size = old_size + 8;
    const std::uint32_t n = img.count(id);
    Bytes specs;
    for (std::uint32_t k = 0; k < n; ++k) {
        auto rec = img.b.begin() + img.offset(id) + k * old_size;
        specs.insert(specs.end(), rec, rec + old_size);
        specs.insert(specs.end(), 8, 0xee);
    }
    const std::uint32_t at = static_cast<std::uint32_t>(img.b.size());
    img.b.insert(img.b.end(), specs.begin(), specs.end());
    put32(img.b, offsetof(kapi_image_header, size), static_cast<std::uint32_t>(img.b.size()));
    img.set_table(id, offsetof(kapi_image_table, offset), at);
    img.set_table(id, offsetof(kapi_image_table, entsize), new_size);
    kapi::DecodeResult r = kapi::decode_image(img.b);
    ASSERT_TRUE(r.ok()) << r.error;
    SpecSet want = two_specs();
    want.specs[0].params[2].violation_error = "EWOULDBLOCK";
    EXPECT_EQ(r.specs, want);
}

// A newer minor version appended 8 bytes to every param record.
TEST(ImageDecodeTest, NewerMinorWithLargerRecordsIsRead) {
    Image img;
    const std::size_t id = KAPI_TABLE_PARAMS;
    const std::uint32_t old_size = img.entsize(id), new_size = old_size + 8;
    const std::uint32_t n = img.count(id);
    Bytes params;
    for (std::uint32_t k = 0; k < n; ++k) {
        auto rec = img.b.begin() + img.offset(id) + k * old_size;
        params.insert(params.end(), rec, rec + old_size);
        params.insert(params.end(), 8, 0xee);
    }
    // Put the bigger table at the end of the image.
    const std::uint32_t at = static_cast<std::uint32_t>(img.b.size());
    img.b.insert(img.b.end(), params.begin(), params.end());
    put32(img.b, offsetof(kapi_image_header, size), static_cast<std::uint32_t>(img.b.size()));
    put16(img.b, offsetof(kapi_image_header, version_minor), KAPI_IMAGE_VERSION_MINOR + 1);
    img.set_table(id, offsetof(kapi_image_table, offset), at);
    img.set_table(id, offsetof(kapi_image_table, entsize), new_size);
    kapi::DecodeResult r = kapi::decode_image(img.b);
    ASSERT_TRUE(r.ok()) << r.error;
    SpecSet want = two_specs();
    want.specs[0].params[2].violation_error = "EWOULDBLOCK";
    EXPECT_EQ(r.specs, want);
}

TEST(ImageDecodeTest, TruncationAtAnyLengthIsRefused) {
    Bytes b = kapi::encode_image(two_specs());
    for (std::size_t n = 0; n < b.size(); ++n) {
        kapi::DecodeResult r = kapi::decode_image(std::span(b.data(), n));
        EXPECT_FALSE(r.ok()) << "length " << n;
    }
}

TEST(ImageDecodeTest, RandomDamageNeverCrashes) {
    const Bytes good = kapi::encode_image(two_specs());
    std::mt19937 rng(12345);
    std::uniform_int_distribution<std::size_t> pos(0, good.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    int refused = 0;
    for (int round = 0; round < 3000; ++round) {
        Bytes b = good;
        for (int k = 0; k < 1 + round % 4; ++k)
            b[pos(rng)] = static_cast<std::uint8_t>(byte(rng));
        kapi::DecodeResult r = kapi::decode_image(b);
        if (!r.ok()) {
            ++refused;
            EXPECT_TRUE(r.specs.specs.empty());
        }
    }
    EXPECT_GT(refused, 0);
}

// ---- Several images ------------------------------------------------------------

TEST(ImageSequenceTest, TwoImagesBackToBack) {
    Bytes a = kapi::encode_image(two_specs());
    Bytes b = kapi::encode_image(SpecSet{{small_spec("other")}});
    Bytes both = a;
    both.insert(both.end(), b.begin(), b.end());
    kapi::DecodeImagesResult r = kapi::decode_images(both);
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_EQ(r.images.size(), 2U);
    EXPECT_EQ(r.images[0].offset, 0U);
    EXPECT_EQ(r.images[0].size, a.size());
    EXPECT_EQ(r.images[1].offset, a.size());
    EXPECT_EQ(r.images[1].size, b.size());
    EXPECT_EQ(r.images[1].specs.specs[0].name, "other");
    SpecSet merged = r.merged();
    ASSERT_EQ(merged.specs.size(), 3U);
    EXPECT_EQ(merged.specs[0].name, "sys_test");
    EXPECT_EQ(merged.specs[1].name, "kfunc");
    EXPECT_EQ(merged.specs[2].name, "other");
}

TEST(ImageSequenceTest, EmptyBufferHoldsNoImages) {
    kapi::DecodeImagesResult r = kapi::decode_images({});
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_TRUE(r.images.empty());
}

// An image whose size is not a multiple of 8 is followed by padding.
Bytes padded_pair(std::uint8_t pad) {
    Bytes a = kapi::encode_image(SpecSet{{small_spec("first")}});
    a.insert(a.end(), 4, 0); // four bytes that belong to the image
    put32(a, offsetof(kapi_image_header, size), static_cast<std::uint32_t>(a.size()));
    a.insert(a.end(), 4, pad); // padding to the next 8-byte boundary
    Bytes b = kapi::encode_image(SpecSet{{small_spec("second")}});
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

TEST(ImageSequenceTest, ImagesStartEightByteAligned) {
    Bytes both = padded_pair(0);
    kapi::DecodeImagesResult r = kapi::decode_images(both);
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_EQ(r.images.size(), 2U);
    EXPECT_EQ(r.images[0].size % 8, 4U);
    EXPECT_EQ(r.images[1].offset, r.images[0].size + 4);
    EXPECT_EQ(r.images[1].specs.specs[0].name, "second");
}

TEST(ImageSequenceTest, NonzeroPaddingIsRefused) {
    Bytes both = padded_pair(0xaa);
    kapi::DecodeImagesResult r = kapi::decode_images(both);
    std::size_t size = get32(both, offsetof(kapi_image_header, size));
    EXPECT_EQ(r.error,
              "image 0 at offset 0: padding byte at offset " + std::to_string(size) + " not zero");
}

TEST(ImageSequenceTest, ErrorInSecondImageNamesIt) {
    Bytes a = kapi::encode_image(two_specs());
    Bytes b = kapi::encode_image(SpecSet{{small_spec("other")}});
    b[0] = 'X';
    Bytes both = a;
    both.insert(both.end(), b.begin(), b.end());
    kapi::DecodeImagesResult r = kapi::decode_images(both);
    EXPECT_EQ(r.error, "image 1 at offset " + std::to_string(a.size()) +
                           ": bad magic 0x49504158, expected 0x4950414b (\"KAPI\")");
}

TEST(ImageSequenceTest, TruncatedSecondImageIsRefused) {
    Bytes a = kapi::encode_image(two_specs());
    Bytes b = kapi::encode_image(SpecSet{{small_spec("other")}});
    Bytes both = a;
    both.insert(both.end(), b.begin(), b.end() - 8);
    kapi::DecodeImagesResult r = kapi::decode_images(both);
    EXPECT_EQ(r.error, "image 1 at offset " + std::to_string(a.size()) + ": image size " +
                           std::to_string(b.size()) + " exceeds the " +
                           std::to_string(b.size() - 8) + " bytes left");
}

// ---- Cost ----------------------------------------------------------------------

TEST(ImageCostTest, CountsRecordsAndStringsPerSpec) {
    kapi::ImageCost cost = kapi::image_cost(two_specs());
    Bytes b = kapi::encode_image(two_specs());
    EXPECT_EQ(cost.total_bytes, b.size());
    EXPECT_EQ(cost.header_bytes, sizeof(kapi_image_header));
    ASSERT_EQ(cost.specs.size(), 2U);
    EXPECT_EQ(cost.specs[1].name, "kfunc");
    EXPECT_EQ(cost.specs[1].structure_bytes, sizeof(kapi_image_spec));
    EXPECT_EQ(cost.specs[1].text_bytes,
              std::string("kfunc").size() + 1 + std::string("test a thing").size() + 1);
    EXPECT_EQ(cost.specs[0].structure_bytes,
              sizeof(kapi_image_spec) + 3 * sizeof(kapi_image_param) + 3 * sizeof(kapi_image_num) +
                  3 * sizeof(kapi_image_error) + 3 * sizeof(kapi_image_object) +
                  sizeof(kapi_image_lock) + sizeof(kapi_image_signal) + sizeof(kapi_image_effect) +
                  sizeof(kapi_image_transition) + sizeof(kapi_image_cap) +
                  sizeof(kapi_image_constraint));
    EXPECT_EQ(cost.structure_bytes, cost.specs[0].structure_bytes + cost.specs[1].structure_bytes);
    EXPECT_LE(cost.header_bytes + cost.structure_bytes + cost.string_table_bytes, cost.total_bytes);
}

} // namespace

// ---- Format 2.0 images (no structs) ------------------------------------------------

namespace {

// The image of SET as a 2.0 writer lays it out: 12 tables, a 216-byte
// header and 136-byte param records. SET must have no structs.
Bytes as_format_2_0(const SpecSet& set) {
    Bytes in = kapi::encode_image(set);
    auto table = [&](std::size_t id, std::size_t field) {
        return get32(in, offsetof(kapi_image_header, tables) + id * sizeof(kapi_image_table) +
                             field);
    };
    Bytes out(KAPI_IMAGE_HEADER_SIZE_2_0, 0);
    std::copy(in.begin(), in.begin() + offsetof(kapi_image_header, tables), out.begin());
    put16(out, offsetof(kapi_image_header, version_minor), 0);
    put16(out, offsetof(kapi_image_header, header_size), KAPI_IMAGE_HEADER_SIZE_2_0);
    put16(out, offsetof(kapi_image_header, table_count), KAPI_TABLE_COUNT_2_0);
    for (std::size_t id = 0; id < KAPI_TABLE_COUNT_2_0; ++id) {
        std::uint32_t off = table(id, offsetof(kapi_image_table, offset));
        std::uint32_t count = table(id, offsetof(kapi_image_table, count));
        std::uint32_t entsize = table(id, offsetof(kapi_image_table, entsize));
        std::uint32_t old = id == KAPI_TABLE_PARAMS ? KAPI_IMAGE_PARAM_SIZE_2_0 : entsize;
        out.resize((out.size() + 7) & ~std::size_t{7}, 0);
        std::size_t at = offsetof(kapi_image_header, tables) + id * sizeof(kapi_image_table);
        put32(out, at + offsetof(kapi_image_table, offset), static_cast<std::uint32_t>(out.size()));
        put32(out, at + offsetof(kapi_image_table, count), count);
        put32(out, at + offsetof(kapi_image_table, entsize), old);
        for (std::uint32_t i = 0; i < count; ++i)
            out.insert(out.end(), in.begin() + off + i * entsize, in.begin() + off + i * entsize + old);
    }
    out.resize((out.size() + 7) & ~std::size_t{7}, 0);
    put32(out, offsetof(kapi_image_header, size), static_cast<std::uint32_t>(out.size()));
    return out;
}

} // namespace

TEST(ImageDecodeTest, AFormat20ImageIsReadWithoutStructs) {
    SpecSet set = two_specs();
    set.structs.clear();
    kapi::Param& buf = set.specs[0].params[1];
    buf.struct_name.clear();
    buf.count_param = -1;
    buf.max_count = val(0);
    Bytes old = as_format_2_0(set);
    EXPECT_LT(old.size(), kapi::encode_image(set).size());
    kapi::DecodeResult r = kapi::decode_image(old);
    ASSERT_TRUE(r.ok()) << r.error;
    set.specs[0].params[2].violation_error = "EWOULDBLOCK";
    EXPECT_EQ(r.specs, set);
}

TEST(ImageDecodeTest, StructReferencesAreChecked) {
    Image img;
    // buf (param 1) refers to struct 1 (iovec); there is only one struct.
    put32(img.b, img.at(KAPI_TABLE_PARAMS, 1, offsetof(kapi_image_param, struct_id)), 2);
    kapi::DecodeResult r = kapi::decode_image(img.b);
    EXPECT_EQ(r.error, kSpec0 + "param 1: struct_id 2 out of range (0..1)");
    Image img2;
    put32(img2.b, img2.at(KAPI_TABLE_PARAMS, 1, offsetof(kapi_image_param, count_param)), 1);
    r = kapi::decode_image(img2.b);
    EXPECT_EQ(r.error, kSpec0 + "param 1: count_param 1 refers to the param itself");
    Image img3;
    // iov_len at offset 9 runs past the 16-byte struct.
    put32(img3.b,
          img3.at(KAPI_TABLE_FIELDS, 1,
                  offsetof(kapi_image_struct_field, offset) + offsetof(kapi_image_num, value)),
          9);
    r = kapi::decode_image(img3.b);
    EXPECT_EQ(r.error,
              "struct 0 (iovec): field 1: offset 9 + size 8 exceeds the struct's size 16");
    Image img4;
    put32(img4.b, img4.at(KAPI_TABLE_STRUCTS, 0, offsetof(kapi_image_struct, fields)), 1);
    r = kapi::decode_image(img4.b);
    EXPECT_EQ(r.error, "struct 0 (iovec): fields [1, 3) outside the fields table (2 records)");
}
