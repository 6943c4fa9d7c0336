// SPDX-License-Identifier: GPL-2.0
//
// The debugfs spec source: kapi.ko's /sys/kernel/debug/kapi/image holds
// every registered spec image back to back (Documentation/debugfs.rst); it
// is read in one go, so that the images are a consistent set, and decoded
// with decode_images(). The images passed the kernel's validation, but are
// checked again like any other input.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/source.h"
#include "read_file.h"

namespace kapi {

namespace {

class DebugfsSource : public Source {
public:
    explicit DebugfsSource(std::string dir) : dir_(std::move(dir)) {}

    SourceResult read() const override {
        // DIR is kapi's directory, or the debugfs root that holds it
        // (upstream's --debugfs takes the root).
        std::string path = dir_ + "/image";
        if (access(path.c_str(), F_OK) != 0 && errno == ENOENT &&
            access((dir_ + "/kapi/image").c_str(), F_OK) == 0)
            path = dir_ + "/kapi/image";
        std::string bytes;
        if (int err = detail::read_whole_file(path, &bytes); err != 0)
            throw Error(ExitCode::Usage, "cannot read '" + path + "': " + std::strerror(err),
                        hint(err));
        DecodeImagesResult decoded = decode_images(
            std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
        if (!decoded.ok())
            throw Error(ExitCode::Usage, path + ": " + decoded.error);
        SourceResult result;
        result.specs = decoded.merged();
        return result;
    }

private:
    std::string hint(int err) const {
        if (err == EACCES || err == EPERM)
            return "kapi's debugfs files are readable by root only.";
        if (err == ENOENT)
            return "Is kapi.ko loaded, and debugfs mounted (mount -t debugfs none "
                   "/sys/kernel/debug)? Or read a module file with --elf.";
        return {};
    }

    std::string dir_;
};

} // namespace

std::unique_ptr<Source> debugfs_source(std::string dir) {
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    return std::make_unique<DebugfsSource>(std::move(dir));
}

} // namespace kapi
