// SPDX-License-Identifier: GPL-2.0
//
// The target kernel's system call prototypes, for kapi-gen's build-time
// check that each syscall spec names the parameters the kernel declares
// (include/linux/syscalls.h in KDIR), with file:line on a mismatch.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kapi/model.h"

namespace kapi {

// One "asmlinkage long sys_NAME(...);" declaration of the target kernel's
// include/linux/syscalls.h.
struct SyscallDecl {
    std::string name;                // "sys_read"
    std::vector<std::string> params; // parameter names; "" where none is given
    std::string text;                // the declaration on one line
    std::uint32_t line = 0;          // where it starts in the header
};

// Every system call declaration of a syscalls.h text, in order. Comments and
// preprocessor lines are skipped; a declaration may span lines; "(void)"
// means no parameters; a parameter written as a bare type ("int",
// "struct sockaddr __user *") has the name "".
std::vector<SyscallDecl> parse_syscall_decls(std::string_view header_text);

// Checks a KAPI_KIND_SYSCALL spec against the declarations of its name in
// DECLS: the same number of parameters, with the same names in the same
// order (a parameter the prototype leaves unnamed matches any name). When
// the kernel declares the call more than once (per-architecture variants),
// one match is enough. Returns "" or the problem, quoting the prototype and
// HEADER:line.
std::string check_syscall(const Spec& spec, const std::vector<SyscallDecl>& decls,
                          std::string_view header);

} // namespace kapi
