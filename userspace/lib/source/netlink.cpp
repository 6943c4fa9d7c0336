// SPDX-License-Identifier: GPL-2.0
//
// The generic netlink spec source, as far as this build has one: a source
// that says it is not available. The netlink family of kapi.ko and its
// reader come with a later change, which replaces this file; kapi-dump's
// --netlink option already exists so that its error is clear (exit status
// 2), not an unknown option.
#include <memory>

#include "kapi/error.h"
#include "kapi/source.h"
#include "uapi/linux/kapi.h"

namespace kapi {

namespace {

class NetlinkSource : public Source {
public:
    SourceResult read() const override {
        throw Error(ExitCode::Usage,
                    std::string("the netlink source (generic netlink family '") + KAPI_GENL_NAME +
                        "') is not available in this build",
                    "Read the same specs from debugfs (--debugfs, the default) or from the "
                    "module file (--elf).");
    }
};

} // namespace

std::unique_ptr<Source> netlink_source() {
    return std::make_unique<NetlinkSource>();
}

} // namespace kapi
