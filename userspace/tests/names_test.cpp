// SPDX-License-Identifier: GPL-2.0
//
// Tests of kapi/names.h: every enumeration table round-trips (value ->
// canonical name and short token -> value, aliases and case included), bit
// sets list their bits in order, and the errno, signal, capability and
// sigaction numbers agree with the C library's and the kernel's headers.

#include <errno.h>
#include <linux/capability.h>
#include <signal.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kapi/names.h"
#include "uapi/linux/kapi.h"

namespace {

using kapi::EnumKind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool single_bit(std::uint32_t v) {
    return v != 0 && (v & (v - 1)) == 0;
}

const EnumKind kAllKinds[] = {
    EnumKind::ApiKind,          EnumKind::ParamType,    EnumKind::ParamFlags,
    EnumKind::ConstraintType,   EnumKind::ReturnCheck,  EnumKind::ContextFlags,
    EnumKind::LockType,         EnumKind::LockScope,    EnumKind::SignalDirection,
    EnumKind::SignalAction,     EnumKind::SignalTiming, EnumKind::SignalState,
    EnumKind::SignalFlags,      EnumKind::EffectType,   EnumKind::EffectFlags,
    EnumKind::CapabilityAction, EnumKind::SpecFlags,
};

class EnumTableTest : public ::testing::TestWithParam<EnumKind> {};

TEST_P(EnumTableTest, EveryEntryRoundTrips) {
    const kapi::EnumTable& table = kapi::enum_table(GetParam());
    ASSERT_FALSE(table.entries.empty());
    for (const kapi::EnumEntry& e : table.entries) {
        SCOPED_TRACE(std::string(e.name));
        EXPECT_TRUE(e.name.starts_with("KAPI_"));
        EXPECT_EQ(kapi::enum_lookup(table, e.name), e.value);
        EXPECT_EQ(kapi::enum_lookup(table, lower(e.name)), e.value);
        EXPECT_EQ(kapi::enum_name(table, e.value), e.name);
        if (!e.token.empty()) {
            EXPECT_EQ(kapi::enum_lookup(table, e.token), e.value);
            EXPECT_EQ(kapi::enum_lookup(table, upper(e.token)), e.value);
            EXPECT_EQ(kapi::enum_token(table, e.value), e.token);
        }
    }
}

TEST_P(EnumTableTest, AliasesResolveToTheirEntry) {
    const kapi::EnumTable& table = kapi::enum_table(GetParam());
    for (const kapi::EnumEntry& e : table.entries) {
        std::string_view aliases = e.aliases;
        while (!aliases.empty()) {
            std::size_t space = aliases.find(' ');
            std::string_view alias = aliases.substr(0, space);
            EXPECT_EQ(kapi::enum_lookup(table, alias), e.value) << alias;
            aliases.remove_prefix(space == std::string_view::npos ? aliases.size() : space + 1);
        }
    }
}

TEST_P(EnumTableTest, NamesAndTokensAreUnique) {
    const kapi::EnumTable& table = kapi::enum_table(GetParam());
    std::set<std::string> seen;
    for (const kapi::EnumEntry& e : table.entries) {
        EXPECT_TRUE(seen.insert(lower(e.name)).second) << e.name;
        if (!e.token.empty()) {
            EXPECT_TRUE(seen.insert(lower(e.token)).second) << e.token;
        }
    }
}

TEST_P(EnumTableTest, UnknownNamesAndValuesAreRejected) {
    const kapi::EnumTable& table = kapi::enum_table(GetParam());
    EXPECT_EQ(kapi::enum_lookup(table, "no_such_token"), std::nullopt);
    EXPECT_EQ(kapi::enum_lookup(table, ""), std::nullopt);
    EXPECT_EQ(kapi::enum_name(table, 0x80000000U), "");
    EXPECT_EQ(kapi::enum_token(table, 0x80000000U), "");
}

// "param_flag" for the table of param flags
std::string table_label(const ::testing::TestParamInfo<EnumKind>& info) {
    std::string name(kapi::enum_table(info.param).what);
    for (char& c : name)
        if (c == ' ' || c == '-')
            c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(AllTables, EnumTableTest, ::testing::ValuesIn(kAllKinds), table_label);

const EnumKind kBitSets[] = {
    EnumKind::ParamFlags,  EnumKind::ContextFlags, EnumKind::SignalDirection, EnumKind::SignalState,
    EnumKind::SignalFlags, EnumKind::EffectType,   EnumKind::EffectFlags,     EnumKind::SpecFlags,
};

class BitSetTest : public ::testing::TestWithParam<EnumKind> {};

TEST_P(BitSetTest, ListsItsBitsInOrder) {
    const kapi::EnumTable& table = kapi::enum_table(GetParam());
    ASSERT_TRUE(table.bits) << table.what;
    std::uint32_t all = 0;
    std::vector<std::string_view> names;
    std::vector<std::string_view> tokens;
    for (std::uint32_t bit = 1; bit != 0; bit <<= 1)
        for (const kapi::EnumEntry& e : table.entries)
            if (e.value == bit) {
                all |= bit;
                names.push_back(e.name);
                tokens.push_back(e.token);
            }
    EXPECT_EQ(kapi::bit_names(table, all), names);
    EXPECT_EQ(kapi::bit_tokens(table, all), tokens);
    EXPECT_THAT(kapi::bit_names(table, 0), IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(BitSets, BitSetTest, ::testing::ValuesIn(kBitSets), table_label);

TEST(EnumTest, EnumerationsCoverEveryValueBelowCount) {
    struct Case {
        EnumKind kind;
        std::uint32_t count;
    };
    const Case cases[] = {
        {EnumKind::ApiKind, KAPI_KIND_COUNT},
        {EnumKind::ParamType, KAPI_TYPE_COUNT},
        {EnumKind::ConstraintType, KAPI_CONSTRAINT_COUNT},
        {EnumKind::ReturnCheck, KAPI_RETURN_COUNT},
        {EnumKind::LockType, KAPI_LOCK_COUNT},
        {EnumKind::LockScope, KAPI_LOCK_SCOPE_COUNT},
        {EnumKind::SignalAction, KAPI_SIGNAL_ACTION_COUNT},
        {EnumKind::SignalTiming, KAPI_SIGNAL_TIME_COUNT},
        {EnumKind::CapabilityAction, KAPI_CAP_COUNT},
    };
    for (const Case& c : cases) {
        const kapi::EnumTable& table = kapi::enum_table(c.kind);
        EXPECT_FALSE(table.bits) << table.what;
        for (std::uint32_t v = 0; v < c.count; v++) {
            EXPECT_NE(kapi::enum_name(table, v), "") << table.what << " " << v;
            EXPECT_NE(kapi::enum_token(table, v), "") << table.what << " " << v;
        }
        EXPECT_EQ(kapi::enum_name(table, c.count), "") << table.what;
    }
}

TEST(EnumTest, BitSetsCoverTheirUapiMasks) {
    struct Case {
        EnumKind kind;
        std::uint32_t all;
    };
    const Case cases[] = {
        {EnumKind::ContextFlags, KAPI_CTX_ALL},
        {EnumKind::SignalDirection, KAPI_SIGNAL_DIRECTION_ALL},
        {EnumKind::SignalState, KAPI_SIGNAL_STATE_ALL},
        {EnumKind::EffectType, KAPI_EFFECT_ALL},
        {EnumKind::SignalFlags, KAPI_SIGNAL_RESTARTABLE | KAPI_SIGNAL_INTERRUPTIBLE},
        {EnumKind::EffectFlags, KAPI_EFFECT_REVERSIBLE},
        {EnumKind::SpecFlags, KAPI_SPEC_DEPRECATED},
    };
    for (const Case& c : cases) {
        const kapi::EnumTable& table = kapi::enum_table(c.kind);
        EXPECT_TRUE(table.bits) << table.what;
        std::uint32_t covered = 0;
        for (const kapi::EnumEntry& e : table.entries)
            if (single_bit(e.value))
                covered |= e.value;
        EXPECT_EQ(covered, c.all) << table.what;
    }
    // KAPI_PARAM_FLAGS_ALL also has bit 2, which no flag uses
    std::uint32_t covered = 0;
    for (const kapi::EnumEntry& e : kapi::enum_table(EnumKind::ParamFlags).entries)
        if (single_bit(e.value))
            covered |= e.value;
    EXPECT_EQ(covered, KAPI_PARAM_FLAGS_ALL & ~4U);
}

TEST(EnumTest, ShorthandsUseTheirTables) {
    EXPECT_EQ(kapi::api_kind_name(KAPI_KIND_IOCTL), "KAPI_KIND_IOCTL");
    EXPECT_EQ(kapi::api_kind_token(KAPI_KIND_FUNCTION), "function");
    EXPECT_EQ(kapi::param_type_name(KAPI_TYPE_FD), "KAPI_TYPE_FD");
    EXPECT_EQ(kapi::param_type_token(KAPI_TYPE_USER_PTR), "user_ptr");
    EXPECT_EQ(kapi::param_type_name(KAPI_TYPE_COUNT), "");
    EXPECT_THAT(kapi::param_flag_names(KAPI_PARAM_IN | KAPI_PARAM_USER),
                ElementsAre("KAPI_PARAM_IN", "KAPI_PARAM_USER"));
    EXPECT_THAT(kapi::param_flag_tokens(KAPI_PARAM_INOUT), ElementsAre("input", "output"));
    EXPECT_THAT(kapi::param_flag_names(4), IsEmpty()); // no flag has bit 2
    EXPECT_EQ(kapi::constraint_type_name(KAPI_CONSTRAINT_BUFFER), "KAPI_CONSTRAINT_BUFFER");
    EXPECT_EQ(kapi::constraint_type_token(KAPI_CONSTRAINT_POWER_OF_TWO), "power_of_two");
    EXPECT_EQ(kapi::return_check_name(KAPI_RETURN_FD), "KAPI_RETURN_FD");
    EXPECT_EQ(kapi::return_check_token(KAPI_RETURN_NO_RETURN), "no_return");
    EXPECT_THAT(kapi::context_flag_names(KAPI_CTX_SLEEPABLE | KAPI_CTX_PROCESS),
                ElementsAre("KAPI_CTX_PROCESS", "KAPI_CTX_SLEEPABLE"));
    EXPECT_THAT(kapi::context_flag_tokens(KAPI_CTX_IRQ_DISABLED), ElementsAre("irq_disabled"));
    EXPECT_EQ(kapi::lock_type_name(KAPI_LOCK_SPINLOCK), "KAPI_LOCK_SPINLOCK");
    EXPECT_EQ(kapi::lock_type_token(KAPI_LOCK_SEMAPHORE), "semaphore");
    EXPECT_EQ(kapi::lock_scope_name(KAPI_LOCK_CALLER_HELD), "KAPI_LOCK_CALLER_HELD");
    EXPECT_EQ(kapi::lock_scope_token(KAPI_LOCK_ACQUIRES), "acquires");
    EXPECT_THAT(kapi::signal_direction_names(KAPI_SIGNAL_SEND | KAPI_SIGNAL_BLOCK),
                ElementsAre("KAPI_SIGNAL_SEND", "KAPI_SIGNAL_BLOCK"));
    EXPECT_THAT(kapi::signal_direction_tokens(KAPI_SIGNAL_RECEIVE), ElementsAre("receive"));
    EXPECT_EQ(kapi::signal_action_name(KAPI_SIGNAL_ACTION_RETURN), "KAPI_SIGNAL_ACTION_RETURN");
    EXPECT_EQ(kapi::signal_action_token(KAPI_SIGNAL_ACTION_COREDUMP), "coredump");
    EXPECT_EQ(kapi::signal_timing_name(KAPI_SIGNAL_TIME_DURING), "KAPI_SIGNAL_TIME_DURING");
    EXPECT_EQ(kapi::signal_timing_token(KAPI_SIGNAL_TIME_BLOCKING), "blocking");
    EXPECT_THAT(kapi::signal_state_names(KAPI_SIGNAL_STATE_DEAD),
                ElementsAre("KAPI_SIGNAL_STATE_DEAD"));
    EXPECT_THAT(kapi::signal_state_tokens(KAPI_SIGNAL_STATE_RUNNING | KAPI_SIGNAL_STATE_ZOMBIE),
                ElementsAre("running", "zombie"));
    EXPECT_THAT(kapi::signal_flag_names(KAPI_SIGNAL_INTERRUPTIBLE),
                ElementsAre("KAPI_SIGNAL_INTERRUPTIBLE"));
    EXPECT_THAT(kapi::signal_flag_tokens(KAPI_SIGNAL_RESTARTABLE), ElementsAre("restartable"));
    EXPECT_THAT(kapi::effect_type_names(KAPI_EFFECT_RESOURCE_DESTROY | KAPI_EFFECT_IRREVERSIBLE),
                ElementsAre("KAPI_EFFECT_RESOURCE_DESTROY", "KAPI_EFFECT_IRREVERSIBLE"));
    EXPECT_THAT(kapi::effect_type_tokens(KAPI_EFFECT_FILE_POSITION), ElementsAre("file_position"));
    EXPECT_THAT(kapi::effect_flag_names(KAPI_EFFECT_REVERSIBLE),
                ElementsAre("KAPI_EFFECT_REVERSIBLE"));
    EXPECT_THAT(kapi::effect_flag_tokens(KAPI_EFFECT_REVERSIBLE), ElementsAre("reversible"));
    EXPECT_EQ(kapi::capability_action_name(KAPI_CAP_BYPASS_CHECK), "KAPI_CAP_BYPASS_CHECK");
    EXPECT_EQ(kapi::capability_action_token(KAPI_CAP_INCREASE_LIMIT), "increase_limit");
    EXPECT_THAT(kapi::spec_flag_names(KAPI_SPEC_DEPRECATED), ElementsAre("KAPI_SPEC_DEPRECATED"));
    EXPECT_THAT(kapi::spec_flag_tokens(KAPI_SPEC_DEPRECATED), ElementsAre("deprecated"));
}

// Spellings that upstream's specs and tools use (grammar §9/§10).
TEST(EnumTest, UpstreamSpellingsAreAccepted) {
    struct Case {
        EnumKind kind;
        const char* spelling;
        std::uint32_t value;
    };
    const Case cases[] = {
        {EnumKind::ParamType, "uptr", KAPI_TYPE_USER_PTR},
        {EnumKind::ParamFlags, "in", KAPI_PARAM_IN},
        {EnumKind::ParamFlags, "OUT", KAPI_PARAM_OUT},
        {EnumKind::ParamFlags, "KAPI_PARAM_FLAGS_INOUT", KAPI_PARAM_IN | KAPI_PARAM_OUT},
        {EnumKind::ParamFlags, "KAPI_PARAM_FLAGS_USER", KAPI_PARAM_IN | KAPI_PARAM_USER},
        {EnumKind::ConstraintType, "KAPI_CONSTRAINT_BITMASK", KAPI_CONSTRAINT_MASK},
        {EnumKind::ConstraintType, "align", KAPI_CONSTRAINT_ALIGNMENT},
        {EnumKind::SignalTiming, "KAPI_SIGNAL_TIME_ENTRY", KAPI_SIGNAL_TIME_BEFORE},
        {EnumKind::SignalTiming, "KAPI_SIGNAL_TIME_EXIT", KAPI_SIGNAL_TIME_AFTER},
        {EnumKind::SignalTiming, "while_blocked", KAPI_SIGNAL_TIME_BLOCKING},
        {EnumKind::SignalTiming, "while_sleeping", KAPI_SIGNAL_TIME_SLEEPING},
        {EnumKind::LockScope, "KAPI_LOCK_HELD_ENTRY", KAPI_LOCK_CALLER_HELD},
        {EnumKind::CapabilityAction, "bypass", KAPI_CAP_BYPASS_CHECK},
        {EnumKind::CapabilityAction, "required", KAPI_CAP_PERFORM_OPERATION},
        {EnumKind::CapabilityAction, "grant", KAPI_CAP_GRANT_PERMISSION},
        {EnumKind::CapabilityAction, "override", KAPI_CAP_OVERRIDE_RESTRICTION},
        {EnumKind::CapabilityAction, "access", KAPI_CAP_ACCESS_RESOURCE},
        {EnumKind::CapabilityAction, "modify", KAPI_CAP_MODIFY_BEHAVIOR},
        {EnumKind::CapabilityAction, "limit", KAPI_CAP_INCREASE_LIMIT},
    };
    for (const Case& c : cases)
        EXPECT_EQ(kapi::enum_lookup(kapi::enum_table(c.kind), c.spelling), c.value) << c.spelling;
}

TEST(ErrnoTest, TableRoundTrips) {
    for (const kapi::NamedNumber& n : kapi::errno_table()) {
        EXPECT_EQ(kapi::errno_value(n.name), n.value) << n.name;
        if (!n.alias) {
            EXPECT_EQ(kapi::errno_name(n.value), n.name) << n.value;
        } else {
            EXPECT_NE(kapi::errno_name(n.value), n.name) << n.name;
        }
    }
}

TEST(ErrnoTest, EveryUapiErrnoHasAName) {
    // asm-generic/errno.h leaves 41 and 58 unused
    for (int v = 1; v <= 133; v++) {
        if (v == 41 || v == 58)
            EXPECT_EQ(kapi::errno_name(v), "") << v;
        else
            EXPECT_NE(kapi::errno_name(v), "") << v;
    }
    EXPECT_EQ(kapi::errno_name(0), "");
    EXPECT_EQ(kapi::errno_name(134), "");
    EXPECT_EQ(kapi::errno_name(-9), "");
}

TEST(ErrnoTest, ValuesMatchErrnoH) {
    EXPECT_EQ(kapi::errno_value("EPERM"), EPERM);
    EXPECT_EQ(kapi::errno_value("EBADF"), EBADF);
    EXPECT_EQ(kapi::errno_value("EBADF"), 9);
    EXPECT_EQ(kapi::errno_value("EAGAIN"), EAGAIN);
    EXPECT_EQ(kapi::errno_value("EFAULT"), EFAULT);
    EXPECT_EQ(kapi::errno_value("EINVAL"), EINVAL);
    EXPECT_EQ(kapi::errno_value("ENAMETOOLONG"), ENAMETOOLONG);
    EXPECT_EQ(kapi::errno_value("EOPNOTSUPP"), EOPNOTSUPP);
    EXPECT_EQ(kapi::errno_value("EDQUOT"), EDQUOT);
    EXPECT_EQ(kapi::errno_value("EHWPOISON"), EHWPOISON);
    EXPECT_EQ(kapi::errno_name(EISDIR), "EISDIR");
    EXPECT_EQ(kapi::errno_name(ETXTBSY), "ETXTBSY");
}

TEST(ErrnoTest, AliasesResolveAndNameTheCanonicalErrno) {
    EXPECT_EQ(kapi::errno_value("EWOULDBLOCK"), EAGAIN);
    EXPECT_EQ(kapi::errno_value("EDEADLOCK"), EDEADLK);
    EXPECT_EQ(kapi::errno_name(EAGAIN), "EAGAIN");
    EXPECT_EQ(kapi::errno_name(EDEADLK), "EDEADLK");
}

TEST(ErrnoTest, KernelInternalErrnos) {
    EXPECT_EQ(kapi::errno_value("ERESTARTSYS"), 512);
    EXPECT_EQ(kapi::errno_value("ERESTARTNOINTR"), 513);
    EXPECT_EQ(kapi::errno_value("ERESTARTNOHAND"), 514);
    EXPECT_EQ(kapi::errno_value("ENOIOCTLCMD"), 515);
    EXPECT_EQ(kapi::errno_value("ERESTART_RESTARTBLOCK"), 516);
    EXPECT_EQ(kapi::errno_value("EPROBE_DEFER"), 517);
    EXPECT_EQ(kapi::errno_value("EOPENSTALE"), 518);
    EXPECT_EQ(kapi::errno_value("ENOPARAM"), 519);
    EXPECT_EQ(kapi::errno_value("EBADHANDLE"), 521);
    EXPECT_EQ(kapi::errno_value("ENOTSUPP"), 524);
    EXPECT_EQ(kapi::errno_value("ENOGRACE"), 531);
    EXPECT_EQ(kapi::errno_name(512), "ERESTARTSYS");
    EXPECT_EQ(kapi::errno_name(520), "");
}

TEST(ErrnoTest, UnknownNames) {
    EXPECT_EQ(kapi::errno_value("EFOO"), std::nullopt);
    EXPECT_EQ(kapi::errno_value("ebadf"), std::nullopt); // names are case-sensitive
    EXPECT_EQ(kapi::errno_value(""), std::nullopt);
}

TEST(SignalTest, TableRoundTrips) {
    for (const kapi::NamedNumber& n : kapi::signal_table()) {
        EXPECT_EQ(kapi::signal_value(n.name), n.value) << n.name;
        if (!n.alias) {
            EXPECT_EQ(kapi::signal_name(n.value), n.name) << n.value;
        }
    }
    for (int v = 1; v <= 31; v++)
        EXPECT_NE(kapi::signal_name(v), "") << v;
}

TEST(SignalTest, ValuesMatchSignalH) {
    EXPECT_EQ(kapi::signal_value("SIGINT"), SIGINT);
    EXPECT_EQ(kapi::signal_value("SIGINT"), 2);
    EXPECT_EQ(kapi::signal_value("SIGKILL"), SIGKILL);
    EXPECT_EQ(kapi::signal_value("SIGPIPE"), SIGPIPE);
    EXPECT_EQ(kapi::signal_value("SIGCHLD"), SIGCHLD);
    EXPECT_EQ(kapi::signal_value("SIGSTKFLT"), SIGSTKFLT);
    EXPECT_EQ(kapi::signal_value("SIGSYS"), SIGSYS);
    EXPECT_EQ(kapi::signal_value("SIGIOT"), SIGABRT);
    EXPECT_EQ(kapi::signal_value("SIGPOLL"), SIGIO);
    EXPECT_EQ(kapi::signal_name(SIGABRT), "SIGABRT");
    EXPECT_EQ(kapi::signal_name(SIGIO), "SIGIO");
}

TEST(SignalTest, RealTimeSignalsUseTheKernelsNumbers) {
    EXPECT_EQ(kapi::signal_value("SIGRTMIN"), 32);
    EXPECT_EQ(kapi::signal_value("SIGRTMAX"), 64);
    EXPECT_EQ(kapi::signal_value("SIGRTMIN+3"), 35);
    EXPECT_EQ(kapi::signal_value("SIGRTMAX-1"), 63);
    EXPECT_EQ(kapi::signal_value("SIGRTMIN+33"), std::nullopt);
    EXPECT_EQ(kapi::signal_value("SIGRTMIN+"), std::nullopt);
    EXPECT_EQ(kapi::signal_value("SIGRTMIN+x"), std::nullopt);
    EXPECT_EQ(kapi::signal_name(32), "SIGRTMIN");
    EXPECT_EQ(kapi::signal_name(40), "");
}

TEST(SignalTest, UnknownNames) {
    EXPECT_EQ(kapi::signal_value("SIGFOO"), std::nullopt);
    EXPECT_EQ(kapi::signal_value("INT"), std::nullopt);
    EXPECT_EQ(kapi::signal_name(0), "");
    EXPECT_EQ(kapi::signal_name(65), "");
}

TEST(CapabilityTest, TableRoundTripsAndCoversEveryCapability) {
    ASSERT_EQ(kapi::capability_table().size(), static_cast<std::size_t>(CAP_LAST_CAP + 1));
    for (const kapi::NamedNumber& n : kapi::capability_table()) {
        EXPECT_EQ(kapi::capability_value(n.name), n.value) << n.name;
        EXPECT_EQ(kapi::capability_name(n.value), n.name) << n.value;
    }
    for (int v = 0; v <= CAP_LAST_CAP; v++)
        EXPECT_NE(kapi::capability_name(v), "") << v;
}

TEST(CapabilityTest, ValuesMatchLinuxCapabilityH) {
    EXPECT_EQ(kapi::capability_value("CAP_CHOWN"), CAP_CHOWN);
    EXPECT_EQ(kapi::capability_value("CAP_CHOWN"), 0);
    EXPECT_EQ(kapi::capability_value("CAP_DAC_OVERRIDE"), CAP_DAC_OVERRIDE);
    EXPECT_EQ(kapi::capability_value("CAP_SYS_ADMIN"), CAP_SYS_ADMIN);
    EXPECT_EQ(kapi::capability_value("CAP_SYS_ADMIN"), 21);
    EXPECT_EQ(kapi::capability_value("CAP_CHECKPOINT_RESTORE"), CAP_CHECKPOINT_RESTORE);
    EXPECT_EQ(kapi::capability_value("CAP_CHECKPOINT_RESTORE"), 40);
    EXPECT_EQ(kapi::capability_value("CAP_FOO"), std::nullopt);
    EXPECT_EQ(kapi::capability_name(41), "");
}

TEST(SaFlagTest, ValuesMatchSignalH) {
    for (const kapi::NamedNumber& n : kapi::sa_flag_table())
        EXPECT_EQ(kapi::sa_flag_value(n.name), static_cast<std::uint32_t>(n.value)) << n.name;
    EXPECT_EQ(kapi::sa_flag_value("SA_RESTART"), static_cast<std::uint32_t>(SA_RESTART));
    EXPECT_EQ(kapi::sa_flag_value("SA_SIGINFO"), static_cast<std::uint32_t>(SA_SIGINFO));
    EXPECT_EQ(kapi::sa_flag_value("SA_RESETHAND"), static_cast<std::uint32_t>(SA_RESETHAND));
    EXPECT_EQ(kapi::sa_flag_value("SA_ONESHOT"), static_cast<std::uint32_t>(SA_RESETHAND));
    EXPECT_EQ(kapi::sa_flag_value("SA_RESTORER"), 0x04000000U);
    EXPECT_EQ(kapi::sa_flag_value("SA_BOGUS"), std::nullopt);
    EXPECT_THAT(kapi::sa_flag_names(static_cast<std::uint32_t>(SA_RESTART | SA_SIGINFO)),
                ElementsAre("SA_SIGINFO", "SA_RESTART"));
    EXPECT_THAT(kapi::sa_flag_names(static_cast<std::uint32_t>(SA_NODEFER)),
                ElementsAre("SA_NODEFER"));
}

} // namespace

// ---- Object kinds (include/kapi/objects.h) -----------------------------------

TEST(ObjectNamesTest, TypesAndImplementationsComeFromTheOneList) {
    ASSERT_EQ(kapi::object_type_table().size(), std::size_t{KAPI_OBJ_TYPE_COUNT});
    ASSERT_EQ(kapi::object_impl_table().size(), std::size_t{KAPI_IMPL_COUNT});
    EXPECT_EQ(kapi::object_type_name(KAPI_OBJ_ANY), "*");
    EXPECT_EQ(kapi::object_type_name(KAPI_OBJ_SOCK), "sock");
    EXPECT_EQ(kapi::object_type_name(KAPI_OBJ_TYPE_COUNT), "");
    EXPECT_EQ(kapi::object_impl_name(KAPI_IMPL_UNIX_SEQPACKET), "unix-seqpacket");
    EXPECT_EQ(kapi::object_impl_name(KAPI_IMPL_COUNT), "");
    EXPECT_EQ(kapi::object_impl_table()[KAPI_IMPL_BPF_FS].ident, "KAPI_IMPL_BPF_FS");
    EXPECT_EQ(kapi::object_type_value("fifo"), std::optional<std::uint16_t>{KAPI_OBJ_FIFO});
    EXPECT_EQ(kapi::object_impl_value("bpffs"), std::optional<std::uint16_t>{KAPI_IMPL_BPF_FS});
    // A name is a type or an implementation, never both; exact spelling.
    EXPECT_FALSE(kapi::object_type_value("tcp"));
    EXPECT_FALSE(kapi::object_impl_value("sock"));
    EXPECT_FALSE(kapi::object_type_value("Sock"));
}

TEST(ObjectNamesTest, SelectorsHaveOneCanonicalForm) {
    EXPECT_EQ(kapi::object_selector_name(KAPI_OBJ_SOCK, KAPI_IMPL_TCP), "sock:tcp");
    EXPECT_EQ(kapi::object_selector_name(KAPI_OBJ_ANY, KAPI_IMPL_PROC), "*:proc");
    EXPECT_EQ(kapi::object_selector_name(KAPI_OBJ_FIFO, KAPI_IMPL_ANY), "fifo:*");
    EXPECT_EQ(kapi::object_selector_name(99, 1000), "99:1000");
}
