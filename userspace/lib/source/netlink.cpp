// SPDX-License-Identifier: GPL-2.0
//
// The generic netlink spec source: every spec of the loaded kapi.ko, asked
// for with one GET_SPEC dump of the family "kapi" (kapi/netlink.h). Each
// spec arrives as a spec image of its own and is decoded and checked like
// any image, so the model, and every format rendered from it, is the one
// the debugfs source gives for the same specs. Needs no debugfs mount.
#include "kapi/netlink.h"

#include <memory>
#include <utility>
#include <vector>

#include "kapi/source.h"

namespace kapi {

namespace {

class NetlinkSource : public Source {
public:
    SourceResult read() const override {
        netlink::Client client;
        SourceResult result;
        for (const netlink::SpecMessage& m : client.specs()) {
            std::vector<StructSpec> structs;
            result.specs.specs.push_back(netlink::decode_spec(m, &structs));
            // Each spec's image carries the structs its params use.
            for (StructSpec& st : structs)
                if (!result.specs.find_struct(st.name))
                    result.specs.structs.push_back(std::move(st));
        }
        return result;
    }
};

} // namespace

std::unique_ptr<Source> netlink_source() {
    return std::make_unique<NetlinkSource>();
}

} // namespace kapi
