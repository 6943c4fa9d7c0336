// SPDX-License-Identifier: GPL-2.0
//
// Words the human-readable renderers (plain text and reStructuredText) use
// for the model's enumerations and numbers, so that both describe a spec in
// the same terms: "fd", "in, user", "range 0 .. INT_MAX (2147483647)".
// Private to lib/render/.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "kapi/model.h"
#include "kapi/render.h"

namespace kapi::render {

// How a format writes numbers and names inside the sentences below
// (reStructuredText quotes them as literals; plain text does not).
struct Words {
    std::function<std::string(const Num&, NumStyle)> num = num_text;
    std::function<std::string(const std::string&)> name = [](const std::string& s) { return s; };
};

// The constraint of parameter P of SPEC in words, without its prose:
// "range 0 .. INT_MAX (2147483647)", "a user buffer of count bytes"; ""
// for none.
std::string constraint_summary(const Spec& spec, const Param& p, const Words& words = {});

// A struct field as a Param (name, types, constraint and its values), so
// that the param wording (constraint_summary()) describes it too.
Param field_as_param(const StructField& f);

// The success condition of a return value: "0 .. S64_MAX", "exactly 0",
// "a new file descriptor"...
std::string success_summary(const Return& r, const Words& words = {});

// The heading of signal G: its name with its number ("SIGINT (2)"), or the
// number alone.
std::string signal_heading(const Signal& g, const Words& words = {});

// The heading of capability C: its name with its number ("CAP_SYS_ADMIN
// (21)"), or the number alone.
std::string capability_heading(const Capability& c, const Words& words = {});

// The API kind for people: "system call", "ioctl", "kernel function".
std::string_view kind_words(std::uint32_t kind);

// Replaces control characters (C0 but newline, DEL, and C1: U+0080 ..
// U+009F) by '?', tabs by a space, and each byte that is not part of valid
// UTF-8 by U+FFFD (as the JSON writer does), so that spec text cannot drive
// a terminal or feed Sphinx invalid text. Idempotent.
std::string printable(std::string_view text);

// A renderer for people (plain text, RST) whose whole output goes through
// printable() once more, whatever a field forgot: no control character or
// invalid UTF-8 reaches the output. It writes the list and each spec.
class TextRenderer : public Renderer {
public:
    void list(const SpecSet& specs, std::ostream& out) const override;
    void spec(const Spec& s, std::ostream& out) const override;
    void spec_in(const Spec& s, const SpecSet& set, std::ostream& out) const override;
    // Each spec in turn, a blank line between two.
    void all(const SpecSet& specs, std::ostream& out) const override;

protected:
    virtual void write_list(const SpecSet& specs, std::ostream& out) const = 0;
    // One spec; SET holds the structs its params point to.
    virtual void write_spec(const Spec& s, const SpecSet& set, std::ostream& out) const = 0;
};

} // namespace kapi::render
