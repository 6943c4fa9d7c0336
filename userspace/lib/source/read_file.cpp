// SPDX-License-Identifier: GPL-2.0
//
// Whole-file reads for the spec sources: POSIX open() and read() into a
// caller's buffer, so that a tree scan can reuse one buffer per thread and
// a debugfs file that reports size 0 is still read to its end.
#include "read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kapi/error.h"

namespace kapi::detail {

int read_whole_file(const std::string& path, std::string* out) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return errno;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        return err;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return EISDIR;
    }
    std::size_t expect = 0;
    if (S_ISREG(st.st_mode) && st.st_size > 0)
        expect = static_cast<std::size_t>(st.st_size);
    out->resize(expect + 1);
    std::size_t used = 0;
    for (;;) {
        if (used == out->size())
            out->resize(out->size() * 2 + 4096);
        ssize_t n = read(fd, out->data() + used, out->size() - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            close(fd);
            return err;
        }
        if (n == 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    close(fd);
    out->resize(used);
    return 0;
}

std::vector<std::uint8_t> read_file_bytes(const std::string& path, const std::string& hint) {
    std::string text;
    if (int err = read_whole_file(path, &text); err != 0)
        throw Error(ExitCode::Usage, "cannot read '" + path + "': " + std::strerror(err), hint);
    return std::vector<std::uint8_t>(text.begin(), text.end());
}

} // namespace kapi::detail
