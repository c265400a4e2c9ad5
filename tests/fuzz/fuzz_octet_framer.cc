// fuzz_octet_framer: phiscrubd's RFC 6587 octet-counting framer
// (OctetFramer, "LEN SP MSG", service/server.cc).
//
// OctetFramer lives in an anonymous namespace of server.cc, with the
// sockets. Rather than move it (service/ is not this target's to change),
// this file includes server.cc whole, so the framer under test is the one
// the sidecar runs, not a copy; the rest of server.cc is compiled and unused.
//
// Byte 0 picks the record bound and the mode; the rest is either
//   raw:    a stream fed to the framer as is; or
//   frames: messages, encoded here as "LEN SP MSG" with optional blank
//           bytes between frames, so the framer must give them back.
// The stream is fed whole and in fuzzer-chosen chunks (sizes taken from the
// end of the input).
//
// Properties: no crash, no sanitizer report; any chunking gives the same
// messages, the same error and the same partial() as one Feed; encoded
// messages come back byte for byte (the trailing '\n' as the newline flag),
// and one longer than the bound (plus its newline) as oversize, its bytes
// dropped; after an error nothing more is fed (the sidecar closes).
#include <fuzzer/FuzzedDataProvider.h>

#include "fuzz_common.h"
#include "server.cc"

namespace phiscrub::fuzz {
namespace {

using Framer = phiscrub::service::OctetFramer;

struct Fed {
  std::vector<Framer::Message> messages;
  bool ok = true;
  bool partial = false;
};

Fed FeedAll(size_t max_record, std::string_view stream, const std::vector<size_t>& cuts) {
  Framer framer(max_record);
  Fed fed;
  size_t pos = 0, ci = 0;
  while (pos < stream.size() && fed.ok) {
    size_t n =
        cuts.empty() ? stream.size() : std::min(cuts[ci++ % cuts.size()], stream.size() - pos);
    fed.ok = framer.Feed(stream.substr(pos, n), &fed.messages);
    pos += n;
  }
  fed.partial = framer.partial();
  return fed;
}

bool Same(const Framer::Message& a, const Framer::Message& b) {
  return a.data == b.data && a.newline == b.newline && a.oversize == b.oversize;
}

}  // namespace
}  // namespace phiscrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace phiscrub::fuzz;
  if (size == 0) return 0;
  static constexpr size_t kBounds[] = {1 << 20, 1, 8, 64};
  size_t max_record = kBounds[data[0] & 3];
  bool frames = (data[0] & 4) != 0;
  FuzzedDataProvider fdp(data + 1, size - 1);
  std::vector<size_t> cuts;
  size_t n_cuts = fdp.ConsumeIntegralInRange<size_t>(1, 8);
  for (size_t i = 0; i < n_cuts; ++i) cuts.push_back(fdp.ConsumeIntegralInRange<size_t>(1, 32));

  std::string stream;
  std::vector<Framer::Message> want;
  if (frames) {
    while (fdp.remaining_bytes() > 0) {
      static const char* const kGaps[] = {"", "\n", "\r\n", " "};
      stream += kGaps[fdp.ConsumeIntegralInRange<int>(0, 3)];
      std::string msg = fdp.ConsumeRandomLengthString(80);
      if (msg.empty()) continue;  // a zero length is a framing error by design
      stream += std::to_string(msg.size()) + " " + msg;
      Framer::Message m;
      bool nl = msg.back() == '\n';
      if (msg.size() - (nl ? 1 : 0) > max_record) {
        m.oversize = m.newline = true;
      } else {
        m.newline = nl;
        if (m.newline) msg.pop_back();
        m.data = msg;
      }
      want.push_back(std::move(m));
    }
  } else {
    stream = fdp.ConsumeRemainingBytesAsString();
  }

  Fed whole = FeedAll(max_record, stream, {});
  Fed cut = FeedAll(max_record, stream, cuts);
  PHISCRUB_FUZZ_CHECK(whole.ok == cut.ok);
  PHISCRUB_FUZZ_CHECK(whole.messages.size() == cut.messages.size());
  for (size_t i = 0; i < whole.messages.size(); ++i) {
    PHISCRUB_FUZZ_CHECK(Same(whole.messages[i], cut.messages[i]));
  }
  if (whole.ok) PHISCRUB_FUZZ_CHECK(whole.partial == cut.partial);
  for (const auto& m : whole.messages) {
    // tests/fuzz/crashes/octet_framer_max_record_plus_one: never a byte over.
    PHISCRUB_FUZZ_CHECK(m.data.size() <= max_record);
    PHISCRUB_FUZZ_CHECK(!m.oversize || m.data.empty());
  }
  if (frames) {
    PHISCRUB_FUZZ_CHECK(whole.ok && !whole.partial);
    PHISCRUB_FUZZ_CHECK(whole.messages.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      PHISCRUB_FUZZ_CHECK(Same(whole.messages[i], want[i]));
    }
  }
  return 0;
}
