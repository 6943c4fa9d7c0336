// SPDX-License-Identifier: GPL-2.0
//
// The ELF spec source: the .kapi_specs section of a module (kapi.ko, or any
// module that ships specs) or of a kernel image, found by name with libelf
// and decoded with decode_images(), as the section of a linked file may
// hold several images. The bytes are taken raw (elf_rawdata): an image has
// its own byte order and needs no relocation. Every way the file can fail to
// be what is asked for (not ELF, no such section, a section without bytes,
// a truncated file) is one precise message.
#include <gelf.h>
#include <libelf.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "kapi/error.h"
#include "kapi/image.h"
#include "kapi/source.h"
#include "read_file.h"
#include "uapi/linux/kapi.h"

namespace kapi {

namespace {

[[noreturn]] void fail(const std::string& message) {
    throw Error(ExitCode::Usage, message);
}

std::string elf_error() {
    const char* msg = elf_errmsg(-1);
    return msg != nullptr ? msg : "unknown libelf error";
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

class ElfSource : public Source {
public:
    explicit ElfSource(std::string path) : path_(std::move(path)) {}

    SourceResult read() const override {
        std::vector<std::uint8_t> file = detail::read_file_bytes(path_);
        std::vector<std::uint8_t> section = elf_section(file, path_, KAPI_IMAGE_SECTION);
        DecodeImagesResult decoded = decode_images(section);
        if (!decoded.ok())
            fail(path_ + ": section " + KAPI_IMAGE_SECTION + ": " + decoded.error);
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
    if (elf_version(EV_CURRENT) == EV_NONE)
        fail("libelf is too old: " + elf_error());
    static constexpr unsigned char kMagic[] = {0x7f, 'E', 'L', 'F'};
    if (data.size() < sizeof(kMagic) || std::memcmp(data.data(), kMagic, sizeof(kMagic)) != 0)
        fail("'" + name + "' is not an ELF file (no ELF magic number)");
    // elf_memory() wants a mutable buffer; it does not write to it when
    // reading, but it may keep pointers into it while the handle lives.
    std::vector<char> copy(data.begin(), data.end());
    ElfHandle elf(elf_memory(copy.data(), copy.size()));
    if (elf.get() == nullptr || elf_kind(elf.get()) != ELF_K_ELF)
        fail("'" + name + "' is not a valid ELF file: " + elf_error());
    GElf_Ehdr ehdr;
    if (gelf_getehdr(elf.get(), &ehdr) == nullptr)
        fail("'" + name + "': cannot read the ELF header: " + elf_error());
    // libelf reads a section header table cut short as no sections at all:
    // say that the file is truncated instead of that the section is missing.
    std::uint64_t headers_end = std::uint64_t{ehdr.e_shnum} * ehdr.e_shentsize;
    if (ehdr.e_shoff > data.size() || headers_end > data.size() - ehdr.e_shoff)
        fail("'" + name + "' is truncated: its section headers end at byte " +
             std::to_string(ehdr.e_shoff + headers_end) + ", the file has " +
             std::to_string(data.size()));
    std::size_t shstrndx = 0;
    if (elf_getshdrstrndx(elf.get(), &shstrndx) != 0)
        fail("'" + name + "': cannot find the section names: " + elf_error());

    std::vector<std::uint8_t> bytes;
    bool found = false;
    for (Elf_Scn* scn = elf_nextscn(elf.get(), nullptr); scn != nullptr;
         scn = elf_nextscn(elf.get(), scn)) {
        GElf_Shdr shdr;
        if (gelf_getshdr(scn, &shdr) == nullptr)
            fail("'" + name + "': cannot read a section header: " + elf_error());
        const char* sname = elf_strptr(elf.get(), shstrndx, shdr.sh_name);
        if (sname == nullptr)
            fail("'" + name + "': cannot read a section name: " + elf_error());
        if (section != sname)
            continue;
        if (found)
            fail("'" + name + "' has more than one " + std::string(section) + " section");
        found = true;
        if (shdr.sh_type == SHT_NOBITS)
            fail("'" + name + "': section " + std::string(section) + " has no contents");
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

std::unique_ptr<Source> elf_source(std::string path) {
    return std::make_unique<ElfSource>(std::move(path));
}

} // namespace kapi
