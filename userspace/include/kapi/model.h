// SPDX-License-Identifier: GPL-2.0
//
// The specification model: plain structs, no I/O. Every spec source (the
// annotated sources, an ELF file's .kapi_specs section, debugfs, netlink)
// decodes into it and every renderer reads from it. It mirrors the spec
// image records of include/uapi/linux/kapi.h field for field, with strings
// and vectors instead of offsets and slices; enumerations and bit sets use
// the UAPI's constants (KAPI_TYPE_*, KAPI_PARAM_*, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "uapi/linux/kapi.h"

namespace kapi {

// A number as the author wrote it. expr is the expression text when the
// author wrote something symbolic ("INT_MAX", "O_CREAT | O_EXCL"), empty for
// a plain literal. value is what it evaluates to on the target kernel; it is
// empty when only the compiler can tell (a spec read from sources whose
// expression names kernel macros).
struct Num {
    std::optional<std::int64_t> value;
    std::string expr;

    bool empty() const { return !value && expr.empty(); }
    friend bool operator==(const Num&, const Num&) = default;
};

struct Param {
    std::string name;
    std::string type_name;        // C type, e.g. "char __user *"
    std::string description;      // from the "@name:" line
    std::string constraint_text;  // "cdesc:"
    std::uint32_t type = KAPI_TYPE_VOID;             // enum kapi_param_type
    std::uint32_t flags = 0;                         // KAPI_PARAM_* bits
    std::uint32_t constraint = KAPI_CONSTRAINT_NONE; // enum kapi_constraint_type
    std::int32_t size_param = -1;  // index of the parameter giving the size
    Num size;                      // fixed size in bytes
    Num size_mult;                 // bytes per unit of size_param
    Num alignment;
    Num min;
    Num max;
    Num mask;                      // valid bits
    std::vector<Num> values;       // valid values (ENUM)
    std::string violation_error;   // error name a violation predicts ("EINVAL")
    std::uint32_t order = 0;       // KAPI_PARAM_ORDER_*: rank in the kernel's checks
    // "struct:": the struct (StructSpec::name) the parameter points to, or
    // with count_param an array of; empty for none.
    std::string struct_name;
    std::int32_t count_param = -1; // index of the parameter giving the element count
    Num max_count;                 // most elements of the array

    friend bool operator==(const Param&, const Param&) = default;
};

// A field of a described struct (struct kapi_image_struct_field): where it
// lies and what values it may hold, with the constraint types params use.
struct StructField {
    std::string name;
    std::string type_name;   // C type, "__kernel_size_t"
    std::string description; // "cdesc:"
    std::uint32_t type = KAPI_TYPE_VOID;
    std::uint32_t flags = 0;
    std::uint32_t constraint = KAPI_CONSTRAINT_NONE;
    Num offset; // offsetof(struct iovec, iov_len)
    Num size;
    Num min;
    Num max;
    Num mask;
    std::vector<Num> values;
    std::string violation_error; // "EINVAL"

    friend bool operator==(const StructField&, const StructField&) = default;
};

// A C structure that parameters point to ("struct:" blocks of the spec
// language; struct kapi_image_struct). Data for tools, and for kapi.ko's
// runtime checks, which read the struct behind a param before the call and
// check its fields' range and mask constraints.
struct StructSpec {
    std::string name; // "iovec", without "struct "
    std::string description;
    Num size;         // sizeof(struct iovec)
    Num alignment;
    std::vector<StructField> fields;

    friend bool operator==(const StructSpec&, const StructSpec&) = default;
};

struct Return {
    std::string type_name;
    std::uint32_t type = KAPI_TYPE_VOID;
    std::uint32_t check = KAPI_RETURN_EXACT;  // enum kapi_return_check_type
    std::string description;
    Num success_min;  // EXACT: the success value
    Num success_max;

    friend bool operator==(const Return&, const Return&) = default;
};

// An object selector of an error (struct kapi_image_object): the file
// type and the implementation of the objects the error applies to, each
// KAPI_OBJ_ANY / KAPI_IMPL_ANY for every value, never both.
struct ObjectSelector {
    std::uint16_t type = KAPI_OBJ_ANY;  // enum kapi_object_type
    std::uint16_t impl = KAPI_IMPL_ANY; // enum kapi_object_impl

    friend bool operator==(const ObjectSelector&, const ObjectSelector&) = default;
};

struct ErrorSpec {
    std::int32_t code = 0;  // negative errno, e.g. -9 for EBADF
    std::string name;       // "EBADF"
    std::string condition;  // one line, from "error: NAME, condition"
    std::string description;
    // The objects the error applies to ("objects:"); empty: every object.
    std::vector<ObjectSelector> objects;

    friend bool operator==(const ErrorSpec&, const ErrorSpec&) = default;
};

struct Lock {
    std::string name;
    std::uint32_t type = KAPI_LOCK_NONE;  // enum kapi_lock_type
    std::uint32_t scope = KAPI_LOCK_INTERNAL;  // enum kapi_lock_scope
    std::string description;

    friend bool operator==(const Lock&, const Lock&) = default;
};

struct Signal {
    Num number;  // e.g. SIGINT
    std::string name;
    std::uint32_t direction = 0;  // KAPI_SIGNAL_RECEIVE ... bits
    std::uint32_t action = KAPI_SIGNAL_ACTION_DEFAULT;
    std::uint32_t timing = KAPI_SIGNAL_TIME_BEFORE;  // enum kapi_signal_timing
    std::uint32_t flags = 0;       // KAPI_SIGNAL_RESTARTABLE, _INTERRUPTIBLE
    std::string error;             // error name returned when it hits, if any
    std::string target;
    std::string condition;
    std::string description;
    std::uint32_t priority = 0;
    std::uint32_t sa_flags_required = 0;
    std::uint32_t sa_flags_forbidden = 0;
    std::int32_t transform_to = 0;
    std::uint32_t state_required = 0;   // KAPI_SIGNAL_STATE_* bits
    std::uint32_t state_forbidden = 0;
    std::string queue;

    friend bool operator==(const Signal&, const Signal&) = default;
};

struct SideEffect {
    std::uint32_t type = 0;   // KAPI_EFFECT_* bits
    std::uint32_t flags = 0;  // KAPI_EFFECT_REVERSIBLE
    std::string target;
    std::string condition;
    std::string description;

    friend bool operator==(const SideEffect&, const SideEffect&) = default;
};

struct StateTransition {
    std::string object;
    std::string from;
    std::string to;
    std::string condition;
    std::string description;

    friend bool operator==(const StateTransition&, const StateTransition&) = default;
};

struct Capability {
    Num cap;  // e.g. CAP_DAC_OVERRIDE
    std::string name;
    std::uint32_t action = KAPI_CAP_BYPASS_CHECK;  // enum kapi_capability_action
    std::string allows;
    std::string without;
    std::string condition;
    std::uint32_t priority = 0;

    friend bool operator==(const Capability&, const Capability&) = default;
};

struct Constraint {
    std::string name;
    std::string description;
    std::string expr;

    friend bool operator==(const Constraint&, const Constraint&) = default;
};

// Where a spec was written, for diagnostics and for the image's
// source_file/source_line fields.
struct SourceLocation {
    std::string file;
    std::uint32_t line = 0;

    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

struct Spec {
    std::string name;  // "sys_read"
    std::uint32_t kind = KAPI_KIND_SYSCALL;  // enum kapi_api_kind
    std::string summary;
    std::string description;
    std::uint32_t context = 0;  // KAPI_CTX_* bits
    std::uint32_t flags = 0;    // KAPI_SPEC_DEPRECATED
    std::string since;
    std::string replacement;
    std::string examples;
    std::string notes;
    SourceLocation source;
    Num ioctl_cmd;  // KAPI_KIND_IOCTL only
    std::vector<Param> params;
    Return ret;
    std::vector<ErrorSpec> errors;
    std::vector<Lock> locks;
    std::vector<Signal> signals;
    std::vector<SideEffect> effects;
    std::vector<StateTransition> transitions;
    std::vector<Capability> caps;
    std::vector<Constraint> constraints;

    friend bool operator==(const Spec&, const Spec&) = default;
};

// A set of specs, as one image or one source tree holds them, in order.
struct SpecSet {
    std::vector<Spec> specs;
    std::vector<StructSpec> structs{}; // the structs the specs' params name

    const StructSpec* find_struct(const std::string& name) const {
        for (const StructSpec& s : structs)
            if (s.name == name)
                return &s;
        return nullptr;
    }

    const Spec* find(const std::string& name) const {
        for (const Spec& s : specs)
            if (s.name == name)
                return &s;
        return nullptr;
    }
    friend bool operator==(const SpecSet&, const SpecSet&) = default;
};

} // namespace kapi
