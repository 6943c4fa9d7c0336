// SPDX-License-Identifier: GPL-2.0
//
// Name tables shared by the annotation parser, the renderers and the image
// decoder: for every enumeration and bit set of include/uapi/linux/kapi.h one
// table of {value, canonical KAPI_* identifier, short-form token, other
// accepted spellings}, with the values taken from the UAPI constants; and the
// kernel's errno, signal and capability names with their x86-64 numbers.
// Lookups by name are case-insensitive and accept every spelling; lookups by
// value return the canonical spelling, or "" for a value the table lacks.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kapi {

// One value of an enumeration, or one bit (or named combination of bits) of
// a bit set.
struct EnumEntry {
    std::uint32_t value;
    std::string_view name;    // canonical UAPI identifier, "KAPI_TYPE_FD"
    std::string_view token;   // short-form token, "fd"
    std::string_view aliases; // other accepted spellings, space-separated
};

struct EnumTable {
    std::string_view what; // in messages: "param type", "context flag"
    bool bits;             // a bit set: values are ORed together
    std::span<const EnumEntry> entries;
};

// The enumerations and bit sets of the spec model.
enum class EnumKind {
    ApiKind,          // enum kapi_api_kind
    ParamType,        // enum kapi_param_type (parameters and return values)
    ParamFlags,       // enum kapi_param_flags (bits)
    ConstraintType,   // enum kapi_constraint_type
    ReturnCheck,      // enum kapi_return_check_type
    ContextFlags,     // enum kapi_context_flags (bits)
    LockType,         // enum kapi_lock_type
    LockScope,        // enum kapi_lock_scope
    SignalDirection,  // enum kapi_signal_direction (bits)
    SignalAction,     // enum kapi_signal_action
    SignalTiming,     // enum kapi_signal_timing
    SignalState,      // enum kapi_signal_state (bits)
    SignalFlags,      // KAPI_SIGNAL_RESTARTABLE, KAPI_SIGNAL_INTERRUPTIBLE (bits)
    EffectType,       // enum kapi_side_effect_type (bits)
    EffectFlags,      // KAPI_EFFECT_REVERSIBLE (bits)
    CapabilityAction, // enum kapi_capability_action
    SpecFlags,        // KAPI_SPEC_DEPRECATED (bits)
};

const EnumTable& enum_table(EnumKind kind);

// The value of a name, short token or alias (case-insensitive).
std::optional<std::uint32_t> enum_lookup(const EnumTable& table, std::string_view name);
// The canonical identifier / short token of a value; "" if there is none.
std::string_view enum_name(const EnumTable& table, std::uint32_t value);
std::string_view enum_token(const EnumTable& table, std::uint32_t value);
// For bit sets: the canonical identifiers / short tokens of the single bits
// set in bits, lowest bit first. Bits the table does not know are left out
// (compare with the UAPI's *_ALL masks to detect them).
std::vector<std::string_view> bit_names(const EnumTable& table, std::uint32_t bits);
std::vector<std::string_view> bit_tokens(const EnumTable& table, std::uint32_t bits);

// Per-enum shorthands of the above.
std::string_view api_kind_name(std::uint32_t value);
std::string_view api_kind_token(std::uint32_t value);
std::string_view param_type_name(std::uint32_t value);
std::string_view param_type_token(std::uint32_t value);
std::vector<std::string_view> param_flag_names(std::uint32_t bits);
std::vector<std::string_view> param_flag_tokens(std::uint32_t bits);
std::string_view constraint_type_name(std::uint32_t value);
std::string_view constraint_type_token(std::uint32_t value);
std::string_view return_check_name(std::uint32_t value);
std::string_view return_check_token(std::uint32_t value);
std::vector<std::string_view> context_flag_names(std::uint32_t bits);
std::vector<std::string_view> context_flag_tokens(std::uint32_t bits);
std::string_view lock_type_name(std::uint32_t value);
std::string_view lock_type_token(std::uint32_t value);
std::string_view lock_scope_name(std::uint32_t value);
std::string_view lock_scope_token(std::uint32_t value);
std::vector<std::string_view> signal_direction_names(std::uint32_t bits);
std::vector<std::string_view> signal_direction_tokens(std::uint32_t bits);
std::string_view signal_action_name(std::uint32_t value);
std::string_view signal_action_token(std::uint32_t value);
std::string_view signal_timing_name(std::uint32_t value);
std::string_view signal_timing_token(std::uint32_t value);
std::vector<std::string_view> signal_state_names(std::uint32_t bits);
std::vector<std::string_view> signal_state_tokens(std::uint32_t bits);
std::vector<std::string_view> signal_flag_names(std::uint32_t bits);
std::vector<std::string_view> signal_flag_tokens(std::uint32_t bits);
std::vector<std::string_view> effect_type_names(std::uint32_t bits);
std::vector<std::string_view> effect_type_tokens(std::uint32_t bits);
std::vector<std::string_view> effect_flag_names(std::uint32_t bits);
std::vector<std::string_view> effect_flag_tokens(std::uint32_t bits);
std::string_view capability_action_name(std::uint32_t value);
std::string_view capability_action_token(std::uint32_t value);
std::vector<std::string_view> spec_flag_names(std::uint32_t bits);
std::vector<std::string_view> spec_flag_tokens(std::uint32_t bits);

// A kernel name with its number on x86-64. alias marks a second name for a
// number that has a canonical name earlier in the table (EWOULDBLOCK).
struct NamedNumber {
    std::string_view name;
    int value;
    bool alias;
};

// Error numbers: the x86-64 UAPI errnos 1..133 and the kernel-internal ones
// of include/linux/errno.h (ERESTARTSYS 512 ... ENOGRACE 531). Values are
// positive: errno_value("EBADF") == 9.
std::span<const NamedNumber> errno_table();
std::optional<int> errno_value(std::string_view name);
std::string_view errno_name(int value); // canonical name; "" if unknown

// Signals, x86-64 numbering: SIGHUP 1 ... SIGSYS 31, SIGRTMIN 32, SIGRTMAX
// 64 (the kernel's values, not glibc's). signal_value() also accepts
// "SIGRTMIN+n" and "SIGRTMAX-n".
std::span<const NamedNumber> signal_table();
std::optional<int> signal_value(std::string_view name);
std::string_view signal_name(int value); // "" if unknown or real-time

// Capabilities: CAP_CHOWN 0 ... CAP_CHECKPOINT_RESTORE 40.
std::span<const NamedNumber> capability_table();
std::optional<int> capability_value(std::string_view name);
std::string_view capability_name(int value);

// sigaction flags (SA_RESTART, ...), for a signal's sa-flags-required and
// sa-flags-forbidden.
std::span<const NamedNumber> sa_flag_table();
std::optional<std::uint32_t> sa_flag_value(std::string_view name);
std::vector<std::string_view> sa_flag_names(std::uint32_t bits);

// Object kinds (include/kapi/objects.h, the one list of their names): the
// file types of enum kapi_object_type and the implementations of enum
// kapi_object_impl, in value order, ANY ("*") first. Names are lowercase
// and matched exactly; no type name is an implementation name.
struct ObjectName {
    std::uint16_t value;
    std::string_view name;  // "sock", "tcp"; "*" for ANY
    std::string_view words; // what it is, "TCP socket (IPv4 or IPv6)"
    std::string_view ident; // the UAPI identifier, "KAPI_IMPL_TCP"
};

std::span<const ObjectName> object_type_table();
std::span<const ObjectName> object_impl_table();
std::optional<std::uint16_t> object_type_value(std::string_view name);
std::optional<std::uint16_t> object_impl_value(std::string_view name);
std::string_view object_type_name(std::uint32_t value); // "" if unknown
std::string_view object_impl_name(std::uint32_t value); // "" if unknown
// A selector in canonical form, "TYPE:IMPL": "sock:tcp", "*:proc", "fifo:*".
std::string object_selector_name(std::uint32_t type, std::uint32_t impl);

} // namespace kapi
