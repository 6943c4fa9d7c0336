// SPDX-License-Identifier: GPL-2.0
//
// Helpers the renderers share: naming the error a spec field refers to,
// showing numbers with their expressions, and splitting and wrapping text.
// Private to lib/render/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"

namespace kapi::render {

// An error reference: the name and the negative code.
struct ErrnoRef {
    std::string name;
    std::int32_t code = 0;
};

// The error NAME (Param::violation_error, Signal::error) refers to in SPEC,
// named as kapi.ko names it: the code is that of the spec's own error entry
// of that name, else the kernel's errno of that name, else NAME read as a
// decimal number; the name is then that of the spec's first error entry
// with the code, else the kernel's name for it. std::nullopt for "" and for
// a code that has no name anywhere.
std::optional<ErrnoRef> errno_ref(const Spec& spec, const std::string& name);

// Whether a number was given: a value other than 0, or an expression.
bool num_given(const Num& n);

enum class NumStyle { Signed, Unsigned, Hex };

// A number for people: "INT_MAX (2147483647)", "0x1ff", "O_CREAT | O_EXCL"
// (no value: only the compiler knows it), "0" for an empty number.
std::string num_text(const Num& n, NumStyle style = NumStyle::Signed);

// TEXT split at its newlines: N newlines give N + 1 lines, the last one
// empty if TEXT ends with a newline. The views point into TEXT.
std::vector<std::string_view> lines(std::string_view text);

// TEXT's paragraphs (separated by blank lines), each a vector of its lines.
std::vector<std::vector<std::string>> paragraphs(std::string_view text);

// TEXT as lines of at most WIDTH columns, words moved whole to the next line
// (a word longer than a line stands alone); the first line starts with
// FIRST, the others with REST. Runs of white space become one space.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view first,
                              std::string_view rest);

// A signal number for people: "SIGUSR2 (12)", or "40" without a name.
std::string signal_text(std::int32_t number);

// The name syzkaller and C use for a system call spec: "sys_read" -> "read".
std::string call_name(const Spec& spec);

// The parameter that gives the size of P (P.size_param), or nullptr.
// A param's order field in words: "2", or "3 (audit only: ...)".
std::string order_text(std::uint32_t order);
const Param* size_source(const Spec& spec, const Param& p);

// The parameter whose size PARAM gives (the one with size_param equal to
// PARAM's index), or nullptr.
const Param* sized_by(const Spec& spec, std::size_t index);

// The object selectors of error E in canonical form, "sock:tcp",
// "*:proc", "fifo:*", in the order written; empty for an error of every
// object.
std::vector<std::string> object_names(const ErrorSpec& e);

// The structs of SET that SPEC's params point to, each once, in the order
// of the params that first name them (a name SET lacks is left out).
std::vector<const StructSpec*> structs_of(const Spec& spec, const SpecSet& set);

// "array of vlen iovec (at most UIO_MAXIOV)" or "pointer to struct open_how
// (its size in usize)": what a param's struct reference says, or "".
std::string struct_ref_text(const Spec& spec, const Param& p);

} // namespace kapi::render
