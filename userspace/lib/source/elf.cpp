// SPDX-License-Identifier: GPL-2.0
//
// The ELF spec source: the .kapi_specs section of a module (kapi.ko, or any
// module that ships specs) or of a kernel image, found by name with libelf
// and decoded with decode_images(), as the section of a linked file may
// hold several images. The bytes are taken raw (elf_rawdata): an image has
// its own byte order and needs no relocation.
//
// The file is refused before anything is read unless it is a regular file
// (a FIFO, a device such as /dev/zero, a directory), and it is read through
// libelf's mmap mode: only the pages of the ELF header, the section headers,
// the section names and the section itself are ever touched, so memory
// follows the section, not the file. A compressed module (.ko.xz, .ko.gz,
// .ko.bz2, as 'make install' and distributions ship them) is decompressed
// in memory by libdw's dwelf_elf_begin(), as modinfo does; .ko.zst by libzstd
// (Debian 12's libdw predates its zstd support).
// "-" is standard input: a regular file as such, a pipe copied into an
// anonymous memory file first. Every way the file can fail to be what is
// asked for (not ELF, no such section, a section without bytes, a truncated
// file) is one precise message.
#include <elfutils/libdwelf.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/source.h"
#include "uapi/linux/kapi.h"

namespace kapi {

namespace {

// The largest standard input kapi-dump copies from a pipe (a vmlinux with
// debug information is some hundreds of MiB).
constexpr std::uint64_t kMaxPipeInput = std::uint64_t{4} << 30;

[[noreturn]] void fail(const std::string& message, const std::string& hint = {}) {
    throw Error(ExitCode::Usage, message, hint);
}

// libelf's last error, which it clears; libelf leaves some malformed input
// without an error of its own.
std::string elf_error() {
    int err = elf_errno();
    const char* msg = err != 0 ? elf_errmsg(err) : nullptr;
    return msg != nullptr ? msg : "malformed or truncated ELF data";
}

// An Elf handle closed with its scope.
class ElfHandle {
public:
    explicit ElfHandle(Elf* elf) : elf_(elf) {}
    ElfHandle(const ElfHandle&) = delete;
    ElfHandle& operator=(const ElfHandle&) = delete;
    ~ElfHandle() {
        if (elf_ != nullptr)
            elf_end(elf_);
    }
    Elf* get() const { return elf_; }

private:
    Elf* elf_;
};

// A file descriptor closed with its scope.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    ~Fd() {
        if (fd_ >= 0)
            close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

void check_libelf() {
    if (elf_version(EV_CURRENT) == EV_NONE)
        fail("libelf is too old: " + elf_error());
}

std::string file_type(mode_t mode) {
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

// The first bytes of the file, for its kind.
enum class Kind { Elf, Zstd, Compressed, Other };

Kind kind_of(std::span<const std::uint8_t> head) {
    auto starts = [&](std::initializer_list<std::uint8_t> magic) {
        return head.size() >= magic.size() && std::equal(magic.begin(), magic.end(), head.begin());
    };
    if (starts({0x7f, 'E', 'L', 'F'}))
        return Kind::Elf;
    if (starts({0x28, 0xb5, 0x2f, 0xfd}))
        return Kind::Zstd;
    if (starts({0x1f, 0x8b}) || starts({0xfd, '7', 'z', 'X', 'Z', 0x00}) || starts({'B', 'Z', 'h'}))
        return Kind::Compressed;
    return Kind::Other;
}

// Checks the ELF identification bytes that libelf would silently refuse.
void check_ident(std::span<const std::uint8_t> data, std::uint64_t size, const std::string& name) {
    if (size < EI_NIDENT || data.size() < EI_NIDENT)
        fail("'" + name + "' is truncated: " + std::to_string(size) +
             " bytes, less than an ELF identification");
    if (data[EI_CLASS] != ELFCLASS32 && data[EI_CLASS] != ELFCLASS64)
        fail("'" + name + "' is not a valid ELF file: unknown ELF class " +
             std::to_string(data[EI_CLASS]));
    if (data[EI_DATA] != ELFDATA2LSB && data[EI_DATA] != ELFDATA2MSB)
        fail("'" + name + "' is not a valid ELF file: unknown byte order " +
             std::to_string(data[EI_DATA]));
    if (data[EI_VERSION] != EV_CURRENT)
        fail("'" + name + "' is not a valid ELF file: unknown ELF version " +
             std::to_string(data[EI_VERSION]));
    std::uint64_t ehdr_size =
        data[EI_CLASS] == ELFCLASS32 ? sizeof(Elf32_Ehdr) : sizeof(Elf64_Ehdr);
    if (size < ehdr_size)
        fail("'" + name + "' is truncated: " + std::to_string(size) +
             " bytes, less than its ELF header (" + std::to_string(ehdr_size) + ")");
}

// The section called SECTION of ELF, a file of SIZE bytes.
std::vector<std::uint8_t> find_section(Elf* elf, std::uint64_t size, const std::string& name,
                                       std::string_view section) {
    if (elf == nullptr || elf_kind(elf) != ELF_K_ELF)
        fail("'" + name + "' is not a valid ELF file: " + elf_error());
    GElf_Ehdr ehdr;
    if (gelf_getehdr(elf, &ehdr) == nullptr)
        fail("'" + name + "': cannot read the ELF header: " + elf_error());
    // libelf reads a section header table cut short as no sections at all:
    // say that the file is truncated instead of that the section is missing.
    std::uint64_t headers_end = std::uint64_t{ehdr.e_shnum} * ehdr.e_shentsize;
    if (ehdr.e_shoff > size || headers_end > size - ehdr.e_shoff)
        fail("'" + name + "' is truncated: its section headers end at byte " +
             std::to_string(ehdr.e_shoff + headers_end) + ", the file has " + std::to_string(size));
    std::size_t shstrndx = 0;
    if (elf_getshdrstrndx(elf, &shstrndx) != 0)
        fail("'" + name + "': cannot find the section names: " + elf_error());

    std::vector<std::uint8_t> bytes;
    bool found = false;
    for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn != nullptr; scn = elf_nextscn(elf, scn)) {
        GElf_Shdr shdr;
        if (gelf_getshdr(scn, &shdr) == nullptr)
            fail("'" + name + "': cannot read a section header: " + elf_error());
        const char* sname = elf_strptr(elf, shstrndx, shdr.sh_name);
        if (sname == nullptr)
            fail("'" + name + "': cannot read a section name: " + elf_error());
        if (section != sname)
            continue;
        if (found)
            fail("'" + name + "' has more than one " + std::string(section) + " section");
        found = true;
        if (shdr.sh_type == SHT_NOBITS)
            fail("'" + name + "': section " + std::string(section) + " has no contents");
        if (shdr.sh_offset > size || shdr.sh_size > size - shdr.sh_offset)
            fail("'" + name + "' is truncated: section " + std::string(section) + " ends at byte " +
                 std::to_string(shdr.sh_offset + shdr.sh_size) + ", the file has " +
                 std::to_string(size));
        Elf_Data* d = elf_rawdata(scn, nullptr);
        if (d == nullptr && shdr.sh_size != 0)
            fail("'" + name + "': cannot read section " + std::string(section) + ": " +
                 elf_error());
        if (d != nullptr && d->d_size != 0) {
            if (d->d_buf == nullptr)
                fail("'" + name + "': cannot read section " + std::string(section));
            const auto* p = static_cast<const std::uint8_t*>(d->d_buf);
            bytes.assign(p, p + d->d_size);
        }
    }
    if (!found)
        fail("'" + name + "' has no " + std::string(section) +
             " section (not a module or kernel with kapi specs)");
    return bytes;
}

// The zstd-compressed file FD decompressed into memory (libdw of Debian 12
// reads gzip, xz and bzip2 only), at most kMaxPipeInput bytes.
std::vector<char> unzstd(int fd, const std::string& name) {
    std::unique_ptr<ZSTD_DCtx, std::size_t (*)(ZSTD_DCtx*)> ctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    if (!ctx)
        throw std::bad_alloc();
    std::vector<char> in(ZSTD_DStreamInSize());
    std::vector<char> out;
    std::size_t used = 0;
    std::size_t last = 0;
    for (off_t offset = 0;;) {
        ssize_t n = pread(fd, in.data(), in.size(), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            fail("cannot read '" + name + "': " + std::strerror(errno));
        if (n == 0)
            break;
        offset += n;
        ZSTD_inBuffer ib{in.data(), static_cast<std::size_t>(n), 0};
        while (ib.pos < ib.size) {
            if (out.size() - used < ZSTD_DStreamOutSize())
                out.resize(used + ZSTD_DStreamOutSize() * 4);
            ZSTD_outBuffer ob{out.data() + used, out.size() - used, 0};
            last = ZSTD_decompressStream(ctx.get(), &ob, &ib);
            if (ZSTD_isError(last))
                fail("'" + name + "': cannot decompress it (zstd): " + ZSTD_getErrorName(last));
            used += ob.pos;
            if (used > kMaxPipeInput)
                fail("'" + name + "': decompresses to more than " +
                     std::to_string(kMaxPipeInput >> 30) + " GiB");
        }
    }
    if (last != 0)
        fail("'" + name + "': cannot decompress it (zstd): the compressed data is truncated");
    out.resize(used);
    return out;
}

// Standard input as a descriptor of a regular file: itself, or a pipe's
// contents copied into an anonymous memory file.
Fd stdin_file(const std::string& name) {
    struct stat st;
    if (fstat(STDIN_FILENO, &st) != 0)
        fail("cannot read " + name + ": " + std::strerror(errno));
    if (S_ISREG(st.st_mode)) {
        int fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0);
        if (fd < 0)
            fail("cannot read " + name + ": " + std::strerror(errno));
        return Fd(fd);
    }
    if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))
        fail("cannot read " + name + ": it is " + file_type(st.st_mode) +
                 (isatty(STDIN_FILENO) ? " (a terminal)" : ""),
             "Pipe a module into it, or give a file: --elf FILE.");
    Fd mem(memfd_create("kapi-dump-stdin", MFD_CLOEXEC));
    if (mem.get() < 0)
        fail("cannot copy " + name + ": " + std::strerror(errno));
    std::vector<char> buf(1 << 16);
    std::uint64_t total = 0;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            fail("cannot read " + name + ": " + std::strerror(errno));
        if (n == 0)
            break;
        total += static_cast<std::uint64_t>(n);
        if (total > kMaxPipeInput)
            fail("cannot read " + name + ": more than " + std::to_string(kMaxPipeInput >> 30) +
                     " GiB through a pipe",
                 "Give the file itself: --elf FILE.");
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(mem.get(), buf.data() + done, static_cast<std::size_t>(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                fail("cannot copy " + name + ": " + std::strerror(errno));
            done += w;
        }
    }
    return mem;
}

// PATH opened for reading, refused unless it is a regular file; opening
// does not block on a FIFO.
Fd open_regular(const std::string& path) {
    Fd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0)
        fail("cannot read '" + path + "': " + std::strerror(errno));
    struct stat st;
    if (fstat(fd.get(), &st) != 0)
        fail("cannot read '" + path + "': " + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        fail("cannot read '" + path + "': " + std::strerror(EISDIR));
    if (!S_ISREG(st.st_mode))
        fail("cannot read '" + path + "': it is " + file_type(st.st_mode) + ", not a regular file",
             "--elf reads a module or kernel file; for standard input give '-'.");
    return fd;
}

std::vector<std::uint8_t> read_elf_file(const std::string& path, std::string_view section) {
    check_libelf();
    const bool is_stdin = path == "-";
    const std::string name = is_stdin ? "standard input" : path;
    Fd fd = is_stdin ? stdin_file(name) : open_regular(path);
    struct stat st;
    if (fstat(fd.get(), &st) != 0)
        fail("cannot read '" + name + "': " + std::strerror(errno));
    const auto size = static_cast<std::uint64_t>(st.st_size);

    std::uint8_t head[EI_NIDENT] = {};
    ssize_t n;
    do
        n = pread(fd.get(), head, sizeof(head), 0);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        fail("cannot read '" + name + "': " + std::strerror(errno));
    std::span<const std::uint8_t> ident(head, static_cast<std::size_t>(n));
    switch (kind_of(ident)) {
    case Kind::Other:
        fail("'" + name + "' is not an ELF file (no ELF magic number)");
    case Kind::Elf: {
        check_ident(ident, size, name);
        ElfHandle elf(elf_begin(fd.get(), ELF_C_READ_MMAP, nullptr));
        return find_section(elf.get(), size, name, section);
    }
    case Kind::Zstd: {
        std::vector<char> data = unzstd(fd.get(), name);
        std::span bytes(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
        if (kind_of(bytes) != Kind::Elf)
            fail("'" + name + "' is compressed but holds no ELF file (no ELF magic number)");
        check_ident(bytes, data.size(), name);
        ElfHandle elf(elf_memory(data.data(), data.size()));
        return find_section(elf.get(), data.size(), name, section);
    }
    case Kind::Compressed:
        break;
    }
    // libdw decompresses into memory and hands back an in-memory ELF; it
    // reads gzip from the file's offset, which a copied pipe leaves at its end.
    if (lseek(fd.get(), 0, SEEK_SET) != 0)
        fail("cannot read '" + name + "': " + std::strerror(errno));
    ElfHandle elf(dwelf_elf_begin(fd.get()));
    if (elf.get() == nullptr || elf_kind(elf.get()) != ELF_K_ELF)
        fail("'" + name +
             "' is compressed but does not decompress into an ELF file (corrupt, "
             "truncated, or something else compressed)");
    std::size_t raw_size = 0;
    char* raw = elf_rawfile(elf.get(), &raw_size);
    if (raw == nullptr)
        fail("'" + name + "': cannot read the decompressed file: " + elf_error());
    check_ident(std::span(reinterpret_cast<const std::uint8_t*>(raw), raw_size), raw_size, name);
    return find_section(elf.get(), raw_size, name, section);
}

class ElfSource : public Source {
public:
    explicit ElfSource(std::string path) : path_(std::move(path)) {}

    SourceResult read() const override {
        std::vector<std::uint8_t> section = read_elf_file(path_, KAPI_IMAGE_SECTION);
        DecodeImagesResult decoded = decode_images(section);
        if (!decoded.ok())
            fail((path_ == "-" ? std::string("standard input") : path_) + ": section " +
                 KAPI_IMAGE_SECTION + ": " + decoded.error);
        SourceResult result;
        result.specs = decoded.merged();
        return result;
    }

private:
    std::string path_;
};

} // namespace

std::vector<std::uint8_t> elf_section(std::span<const std::uint8_t> data, const std::string& name,
                                      std::string_view section) {
    check_libelf();
    if (kind_of(data) != Kind::Elf)
        fail("'" + name + "' is not an ELF file (no ELF magic number)");
    check_ident(data, data.size(), name);
    // elf_memory() wants a mutable buffer; it does not write to it when
    // reading, but it may keep pointers into it while the handle lives.
    std::vector<char> copy(data.begin(), data.end());
    ElfHandle elf(elf_memory(copy.data(), copy.size()));
    return find_section(elf.get(), data.size(), name, section);
}

std::unique_ptr<Source> elf_source(std::string path) {
    return std::make_unique<ElfSource>(std::move(path));
}

} // namespace kapi
