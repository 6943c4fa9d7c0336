// SPDX-License-Identifier: GPL-2.0
//
// kapi::netlink::Client: a generic netlink socket to kapi.ko, through
// libnl-genl-3. libnl opens the socket, resolves the family and its
// multicast group through the kernel's nlctrl family, and receives whole
// messages however large they are (message peeking); the requests and the
// replies themselves are encoded and checked by messages.cpp. A request
// asks for an extended ACK, so that a refusal comes with the kernel's own
// reason; a dump that was interrupted by a change of the registered specs
// (NLM_F_DUMP_INTR) is asked for again.
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/family.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "kapi/error.h"
#include "kapi/netlink.h"

namespace kapi::netlink {

namespace {

constexpr std::size_t align4(std::size_t n) {
    return (n + 3) & ~std::size_t{3};
}

constexpr std::size_t kNlmsgHdrLen = align4(sizeof(nlmsghdr));
constexpr int kDumpAttempts = 5;

// What each command is called in messages, and who may send it.
std::string what(std::uint8_t cmd) {
    switch (cmd) {
    case KAPI_CMD_GET_SPEC:
        return "reading the specs";
    case KAPI_CMD_GET_STATS:
        return "reading the runtime counters";
    case KAPI_CMD_GET_STATUS:
        return "reading the runtime status";
    case KAPI_CMD_SET_MODE:
        return "setting the mode";
    case KAPI_CMD_SET_FILTER:
        return "setting the filter";
    case KAPI_CMD_RESET_STATS:
        return "resetting the counters";
    case KAPI_CMD_SET_LOG:
        return "setting the kernel log switch";
    default:
        return "command " + std::to_string(cmd);
    }
}

// A request for command CMD, a dump if DUMP.
Request make_request(std::uint8_t cmd, bool dump = false) {
    Request r;
    r.cmd = cmd;
    r.dump = dump;
    return r;
}

struct FreeDeleter {
    void operator()(unsigned char* p) const { std::free(p); }
};

} // namespace

struct Client::Impl {
    nl_sock* sk = nullptr;
    std::uint16_t family = 0;
    std::uint32_t seq = 0;

    ~Impl() {
        if (sk != nullptr)
            nl_socket_free(sk);
    }

    [[noreturn]] void fail(std::uint8_t cmd, const KernelError& e) const {
        std::string message = what(cmd) + " failed: " + std::strerror(-e.error);
        if (!e.message.empty())
            message += " (" + e.message + ")";
        std::string hint;
        if (e.error == -EPERM)
            hint = cmd == KAPI_CMD_SET_MODE || cmd == KAPI_CMD_SET_FILTER ||
                           cmd == KAPI_CMD_RESET_STATS || cmd == KAPI_CMD_SET_LOG
                       ? "Changing kapi's runtime needs CAP_NET_ADMIN: run as root."
                       : "Run as root.";
        throw Error(ExitCode::Usage, message, hint);
    }

    // Receives once: the messages of one datagram, as whole nlmsghdrs.
    std::vector<std::vector<std::uint8_t>> receive(std::uint8_t cmd) {
        sockaddr_nl peer{};
        unsigned char* raw = nullptr;
        int len = nl_recv(sk, &peer, &raw, nullptr);
        std::unique_ptr<unsigned char, FreeDeleter> buf(raw);
        if (len < 0)
            throw Error(ExitCode::Usage,
                        what(cmd) + ": receiving from kapi.ko failed: " + nl_geterror(len));
        std::vector<std::vector<std::uint8_t>> out;
        std::size_t off = 0, size = static_cast<std::size_t>(len);
        while (size - off >= kNlmsgHdrLen) {
            nlmsghdr h;
            std::memcpy(&h, raw + off, sizeof(h));
            if (h.nlmsg_len < kNlmsgHdrLen || h.nlmsg_len > size - off)
                throw Error(ExitCode::Usage, "malformed message from kapi.ko: a netlink message "
                                             "of length " +
                                                 std::to_string(h.nlmsg_len) + " does not fit");
            out.emplace_back(raw + off, raw + off + h.nlmsg_len);
            off += align4(h.nlmsg_len);
        }
        return out;
    }

    // Sends REQUEST and returns the replies of its command: one for a
    // request (then the ACK), any number for a dump (until NLMSG_DONE).
    std::vector<std::vector<std::uint8_t>> transact(const Request& request) {
        for (int attempt = 0;; attempt++) {
            std::uint32_t s = ++seq;
            std::vector<std::uint8_t> bytes = encode_request(request, family, s);
            int err = nl_sendto(sk, bytes.data(), bytes.size());
            if (err < 0)
                throw Error(ExitCode::Usage,
                            what(request.cmd) + ": sending to kapi.ko failed: " + nl_geterror(err));
            std::vector<std::vector<std::uint8_t>> replies;
            bool done = false, interrupted = false;
            while (!done) {
                for (std::vector<std::uint8_t>& m : receive(request.cmd)) {
                    const auto* nlh = reinterpret_cast<const nlmsghdr*>(m.data());
                    if (nlh->nlmsg_seq != s)
                        continue; // an answer to an earlier request
                    if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
                        interrupted = true;
                    if (nlh->nlmsg_type == NLMSG_ERROR || nlh->nlmsg_type == NLMSG_DONE) {
                        KernelError e = parse_error(nlh);
                        if (e.error != 0)
                            fail(request.cmd, e);
                        done = true;
                        break;
                    }
                    if (nlh->nlmsg_type == family)
                        replies.push_back(std::move(m));
                }
            }
            if (!interrupted)
                return replies;
            if (attempt + 1 == kDumpAttempts)
                throw Error(ExitCode::Usage,
                            what(request.cmd) + ": the specs kept changing during the dump");
        }
    }
};

Client::Client() : impl_(std::make_unique<Impl>()) {
    Impl& c = *impl_;
    c.sk = nl_socket_alloc();
    if (c.sk == nullptr)
        throw Error(ExitCode::Failure, "out of memory");
    int err = genl_connect(c.sk);
    if (err < 0)
        throw Error(ExitCode::Usage,
                    std::string("cannot open a generic netlink socket: ") + nl_geterror(err));
    int fd = nl_socket_get_fd(c.sk), one = 1;
    // The kernel's reason for a refusal, and ACKs without our request.
    setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
    setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
    // A spec is tens of KiB; dump buffers grow to the largest.
    nl_socket_set_buffer_size(c.sk, 1 << 20, 0);
    nl_socket_enable_msg_peek(c.sk);

    nl_cache* cache = nullptr;
    err = genl_ctrl_alloc_cache(c.sk, &cache);
    if (err < 0)
        throw Error(ExitCode::Usage,
                    std::string("cannot list the generic netlink families: ") + nl_geterror(err));
    genl_family* f = genl_ctrl_search_by_name(cache, KAPI_GENL_NAME);
    if (f == nullptr) {
        nl_cache_free(cache);
        throw Error(ExitCode::Usage,
                    std::string("kapi.ko is not loaded: there is no generic netlink family '") +
                        KAPI_GENL_NAME + "'",
                    "Load it (insmod kapi.ko), or read the module file with --elf.");
    }
    unsigned int version = genl_family_get_version(f);
    c.family = static_cast<std::uint16_t>(genl_family_get_id(f));
    genl_family_put(f);
    nl_cache_free(cache);
    if (version != KAPI_GENL_VERSION)
        throw Error(ExitCode::Usage, "kapi.ko speaks version " + std::to_string(version) +
                                         " of the netlink family '" + KAPI_GENL_NAME +
                                         "'; this kapi-dump speaks version " +
                                         std::to_string(KAPI_GENL_VERSION));
}

Client::~Client() = default;

std::vector<SpecMessage> Client::specs() {
    std::vector<SpecMessage> out;
    for (const auto& m : impl_->transact(make_request(KAPI_CMD_GET_SPEC, true)))
        out.push_back(parse_spec(reinterpret_cast<const nlmsghdr*>(m.data())));
    return out;
}

std::vector<SpecStats> Client::stats() {
    std::vector<SpecStats> out;
    for (const auto& m : impl_->transact(make_request(KAPI_CMD_GET_STATS, true)))
        out.push_back(parse_stats(reinterpret_cast<const nlmsghdr*>(m.data())));
    return out;
}

SpecStats Client::stats(const std::string& name) {
    Request r = make_request(KAPI_CMD_GET_STATS);
    r.name = name;
    auto replies = impl_->transact(r);
    if (replies.size() != 1)
        throw Error(ExitCode::Usage,
                    "malformed reply from kapi.ko: " + std::to_string(replies.size()) +
                        " GET_STATS messages for one spec");
    return parse_stats(reinterpret_cast<const nlmsghdr*>(replies.front().data()));
}

Status Client::status() {
    auto replies = impl_->transact(make_request(KAPI_CMD_GET_STATUS));
    if (replies.size() != 1)
        throw Error(ExitCode::Usage, "malformed reply from kapi.ko: " +
                                         std::to_string(replies.size()) + " GET_STATUS messages");
    return parse_status(reinterpret_cast<const nlmsghdr*>(replies.front().data()));
}

void Client::set_mode(std::uint32_t mode) {
    Request r = make_request(KAPI_CMD_SET_MODE);
    r.mode = mode;
    impl_->transact(r);
}

void Client::set_filter(const Filter& filter) {
    Request r = make_request(KAPI_CMD_SET_FILTER);
    r.filter = filter;
    impl_->transact(r);
}

void Client::reset_stats() {
    impl_->transact(make_request(KAPI_CMD_RESET_STATS));
}

void Client::set_log(bool on) {
    Request r = make_request(KAPI_CMD_SET_LOG);
    r.log = on ? 1 : 0;
    impl_->transact(r);
}

void Client::monitor(const std::function<void()>& on_ready,
                     const std::function<bool(const Event&)>& on_event,
                     const std::function<bool()>& stop) {
    Impl& c = *impl_;
    int group = genl_ctrl_resolve_grp(c.sk, KAPI_GENL_NAME, KAPI_MCGRP_VIOLATIONS);
    if (group < 0)
        throw Error(ExitCode::Usage,
                    std::string("kapi.ko offers no violation events (no multicast group '") +
                        KAPI_MCGRP_VIOLATIONS + "')",
                    "Its kernel cannot restrict who joins a netlink multicast group.");
    int err = nl_socket_add_membership(c.sk, group);
    if (err < 0)
        throw Error(ExitCode::Usage,
                    std::string("cannot join the multicast group '") + KAPI_MCGRP_VIOLATIONS +
                        "': " + nl_geterror(err),
                    err == -NLE_PERM ? "The events show other processes' arguments: joining "
                                       "needs CAP_SYS_ADMIN (run as root)."
                                     : "");
    // kapi.ko counts the events a full receive buffer could not take.
    int one = 1;
    setsockopt(nl_socket_get_fd(c.sk), SOL_NETLINK, NETLINK_BROADCAST_ERROR, &one, sizeof(one));
    nl_socket_set_nonblocking(c.sk);
    // Asked on another socket: events may already wait on this one. A
    // record made after this answer and never received is a gap.
    std::uint64_t last = Client().status().seq;
    on_ready();
    while (!stop()) {
        pollfd p{nl_socket_get_fd(c.sk), POLLIN, 0};
        int r = poll(&p, 1, 200);
        if (r < 0 && errno != EINTR)
            throw Error(ExitCode::Failure,
                        std::string("waiting for events failed: ") + std::strerror(errno));
        if (r <= 0)
            continue;
        for (;;) {
            sockaddr_nl peer{};
            unsigned char* raw = nullptr;
            int len = nl_recv(c.sk, &peer, &raw, nullptr);
            std::unique_ptr<unsigned char, FreeDeleter> buf(raw);
            if (len == 0 || len == -NLE_AGAIN)
                break; // nothing more for now
            if (len == -NLE_NOMEM)
                continue; // ENOBUFS: the receive buffer overflowed; the gap shows it
            if (len < 0)
                throw Error(ExitCode::Failure,
                            std::string("receiving events failed: ") + nl_geterror(len));
            std::size_t off = 0, size = static_cast<std::size_t>(len);
            while (size - off >= kNlmsgHdrLen) {
                nlmsghdr h;
                std::memcpy(&h, raw + off, sizeof(h));
                if (h.nlmsg_len < kNlmsgHdrLen || h.nlmsg_len > size - off)
                    break;
                std::vector<std::uint8_t> m(raw + off, raw + off + h.nlmsg_len);
                off += align4(h.nlmsg_len);
                const auto* nlh = reinterpret_cast<const nlmsghdr*>(m.data());
                if (nlh->nlmsg_type != c.family ||
                    nlh->nlmsg_len < kNlmsgHdrLen + align4(sizeof(genlmsghdr)))
                    continue;
                genlmsghdr g;
                std::memcpy(&g, m.data() + kNlmsgHdrLen, sizeof(g));
                if (g.cmd != KAPI_CMD_VIOLATION)
                    continue;
                Event e;
                e.violation = parse_violation(nlh);
                if (e.violation->seq > last + 1) {
                    Event gap;
                    gap.lost = e.violation->seq - last - 1;
                    if (!on_event(gap))
                        return;
                }
                if (e.violation->seq > last)
                    last = e.violation->seq;
                if (!on_event(e))
                    return;
            }
        }
    }
}

} // namespace kapi::netlink
