#include "match/hs_cache.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// The embedded databases (lib/CMakeLists.txt: phiscrub_gen_dbs), linked in
// as read-only data; empty when the build embeds none.
extern "C" const unsigned char phiscrub_embedded_dbs[];
extern "C" const unsigned char phiscrub_embedded_dbs_end[];

namespace phiscrub::internal {
namespace {

constexpr char kMagic[] = "PHISCRUB-HSDB-1\n";  // 16 bytes, no NUL stored
constexpr size_t kMagicLen = sizeof(kMagic) - 1;
constexpr size_t kDigestLen = 32;

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct FreeDeleter {
  void operator()(char* p) const { free(p); }
};

// SHA-256 fetched from OpenSSL's providers once per process: EVP_sha256()
// fetches it again at every digest, which costs more than hashing a rule set.
// Never freed (it lives as long as the process).
const EVP_MD* Sha256Md() {
  static const EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new()) {
    ok_ = ctx_ && Sha256Md() && EVP_DigestInit_ex(ctx_.get(), Sha256Md(), nullptr) == 1;
  }
  void Add(const void* p, size_t n) {
    ok_ = ok_ && EVP_DigestUpdate(ctx_.get(), p, n) == 1;
  }
  bool Finish(unsigned char out[kDigestLen]) {
    unsigned int n = 0;
    return ok_ && EVP_DigestFinal_ex(ctx_.get(), out, &n) == 1 && n == kDigestLen;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx_;
  bool ok_ = false;
};

std::string Hex(const unsigned char* p, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s.push_back(kHex[p[i] >> 4]);
    s.push_back(kHex[p[i] & 0xF]);
  }
  return s;
}

// Ours and nobody else's to write: owned by the effective user, not group or
// world writable. A path that is a symlink is judged by what it points to.
bool Trusted(const struct stat& st) {
  return st.st_uid == geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

bool TrustedDir(const std::string& dir) {
  struct stat st;
  return stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && Trusted(st);
}

// Everything a database is compiled from, as the bytes its key digests:
// length-prefixed strings and 8-byte integers, so ("ab","c") and ("a","bc")
// differ. "" if the platform cannot be read.
std::string KeyInput(bool literal, const char* const* exprs, const unsigned* flags,
                     const unsigned* ids, const size_t* lens, unsigned count) {
  hs_platform_info_t platform;
  if (hs_populate_platform(&platform) != HS_SUCCESS) return {};
  std::string in;
  auto add_u64 = [&in](uint64_t v) { in.append(reinterpret_cast<const char*>(&v), sizeof v); };
  auto add_bytes = [&](std::string_view b) {
    add_u64(b.size());
    in.append(b);
  };
  add_bytes("phiscrub hs cache key 1");
  add_bytes(hs_version());
  add_u64(platform.tune);
  add_u64(platform.cpu_features);
  add_u64(literal ? 1 : 0);
  add_u64(HS_MODE_BLOCK);
  add_u64(count);
  for (unsigned i = 0; i < count; ++i) {
    add_u64(flags[i]);
    add_u64(ids[i]);
    add_bytes(literal ? std::string_view(exprs[i], lens[i]) : std::string_view(exprs[i]));
  }
  return in;
}

// The cache key: the SHA-256 of KeyInput, as raw bytes; "" if it cannot be
// computed.
std::string KeyOf(std::string_view input) {
  if (input.empty()) return {};
  Sha256 h;
  h.Add(input.data(), input.size());
  unsigned char d[kDigestLen];
  if (!h.Finish(d)) return {};
  return std::string(reinterpret_cast<const char*>(d), kDigestLen);
}

// What a file's check digest covers: its key and its payload, so a file
// copied over another key's name (a valid database for other rules) is
// refused.
bool CheckDigest(std::string_view key, const char* payload, size_t len,
                 unsigned char out[kDigestLen]) {
  Sha256 h;
  h.Add(key.data(), key.size());
  h.Add(payload, len);
  return h.Finish(out);
}

// A read-only mapping of a whole file; unmapped when it goes out of scope.
// Mapped rather than read: no copy of a database that is only checked and
// deserialised. Files are only ever replaced by rename (Store), never
// rewritten in place, so the mapping cannot shrink under us unless the
// owner of the cache truncates it by hand.
class MappedFile {
 public:
  MappedFile(int fd, size_t size) {
    void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      data_ = static_cast<const char*>(p);
      size_ = size;
    }
  }
  ~MappedFile() {
    if (data_) munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  // Empty when the file could not be mapped.
  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// hs_deserialize_database, except that a large database goes into memory
// aligned to and advised as huge pages: faulting a few megabytes in 4 KiB
// pages costs more than everything else a cached start does (and huge pages
// spare the scan TLB misses). HsDatabaseDeleter frees either kind. Null when
// the bytes are not a database for this Hyperscan.
HsDatabase Deserialize(const char* bytes, size_t len) {
  constexpr size_t kHugePage = size_t{2} << 20;
  constexpr size_t kHugeFrom = size_t{512} << 10;  // smaller: the rounding would waste more
  size_t size = 0;
  if (hs_serialized_database_size(bytes, len, &size) != HS_SUCCESS) return nullptr;
  if (size >= kHugeFrom) {
    const size_t rounded = (size + kHugePage - 1) & ~(kHugePage - 1);
    void* mem = nullptr;
    if (posix_memalign(&mem, kHugePage, rounded) == 0) {
      madvise(mem, rounded, MADV_HUGEPAGE);  // advice only: 4 KiB pages still work
      HsDatabase db(static_cast<hs_database_t*>(mem), HsDatabaseDeleter{true});
      if (hs_deserialize_database_at(bytes, len, db.get()) != HS_SUCCESS) return nullptr;
      return db;
    }
  }
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(bytes, len, &db) != HS_SUCCESS) return nullptr;
  return HsDatabase(db);
}

// File layout: kMagic, the key (32 bytes), CheckDigest (32 bytes), the
// serialized database.
constexpr size_t kHeaderLen = kMagicLen + 2 * kDigestLen;

// The serialized database in a cache file's bytes, when they are one for
// `key`: magic, key and digest check out. Empty otherwise.
std::string_view CheckedPayload(std::string_view bytes, std::string_view key) {
  if (key.size() != kDigestLen || bytes.size() <= kHeaderLen ||
      bytes.compare(0, kMagicLen, kMagic) != 0 || bytes.compare(kMagicLen, kDigestLen, key) != 0) {
    return {};
  }
  const std::string_view payload = bytes.substr(kHeaderLen);
  unsigned char d[kDigestLen];
  if (!CheckDigest(key, payload.data(), payload.size(), d) ||
      memcmp(d, bytes.data() + kMagicLen + kDigestLen, kDigestLen) != 0) {
    return {};
  }
  return payload;
}

// The cache file at `path`, mapped; null unless it is a regular file only we
// can write, large enough to hold a header.
std::unique_ptr<MappedFile> MapTrusted(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return nullptr;
  struct stat st;
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && Trusted(st) &&
            st.st_size > static_cast<off_t>(kHeaderLen);
  std::unique_ptr<MappedFile> file;
  if (ok) file = std::make_unique<MappedFile>(fd, static_cast<size_t>(st.st_size));
  close(fd);  // the mapping outlives the descriptor
  if (!ok || file->bytes().empty()) return nullptr;
  return file;
}

// The database stored at `path` for `key`, or null when there is none or it
// fails any check.
HsDatabase Load(const std::string& path, const std::string& key) {
  std::unique_ptr<MappedFile> file = MapTrusted(path);
  if (!file) return nullptr;
  const std::string_view payload = CheckedPayload(file->bytes(), key);
  if (payload.empty()) return nullptr;
  return Deserialize(payload.data(), payload.size());
}

// The embedded databases (WriteEmbeddedDatabases): kEmbedMagic, a u64
// count, then per database its KeyInput and its serialized bytes, each a u64
// length and the bytes padded with zeros to a multiple of 8. Looked up by the
// whole input, compared byte for byte: no digest (nor OpenSSL) on this path.
constexpr char kEmbedMagic[] = "PHISCRUB-EMBD-2\n";  // 16 bytes, no NUL stored
constexpr size_t kEmbedMagicLen = sizeof(kEmbedMagic) - 1;

std::string_view EmbeddedBytes() {
  return {reinterpret_cast<const char*>(phiscrub_embedded_dbs),
          static_cast<size_t>(phiscrub_embedded_dbs_end - phiscrub_embedded_dbs)};
}

// One length-prefixed, padded field of the embedded bytes at *pos; false when
// it runs past the end.
bool NextField(std::string_view all, size_t* pos, std::string_view* field) {
  if (all.size() - *pos < 8) return false;
  uint64_t len;
  std::memcpy(&len, all.data() + *pos, sizeof len);
  *pos += 8;
  const uint64_t padded = (len + 7) & ~uint64_t{7};
  if (padded < len || all.size() - *pos < padded) return false;
  *field = all.substr(*pos, len);
  *pos += padded;
  return true;
}

// The embedded serialized database compiled from `input`; empty when there
// is none (or the embedded bytes do not parse: then none is used).
std::string_view FindEmbedded(std::string_view input) {
  const std::string_view all = EmbeddedBytes();
  if (all.size() < kEmbedMagicLen + 8 || all.compare(0, kEmbedMagicLen, kEmbedMagic) != 0) {
    return {};
  }
  uint64_t count;
  std::memcpy(&count, all.data() + kEmbedMagicLen, sizeof count);
  size_t pos = kEmbedMagicLen + 8;
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view entry_input, payload;
    if (!NextField(all, &pos, &entry_input) || !NextField(all, &pos, &payload)) return {};
    if (entry_input == input) return payload;
  }
  return {};
}

// Set by phiscrub_gen_dbs only (RecordCompiledDatabases).
std::vector<CompiledDatabase>* g_recorder = nullptr;

bool MakeDirs(const std::string& dir) {
  std::string path;
  size_t pos = 0;
  while (pos <= dir.size()) {
    size_t next = dir.find('/', pos);
    if (next == std::string::npos) next = dir.size();
    path = dir.substr(0, next);
    pos = next + 1;
    if (path.empty()) continue;
    if (mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) return false;
  }
  return true;
}

void Store(const std::string& dir, const std::string& key, const hs_database_t* db) {
  const std::string name = Hex(reinterpret_cast<const unsigned char*>(key.data()), key.size()) +
                           ".hsdb";
  if (!MakeDirs(dir) || !TrustedDir(dir)) return;
  char* raw = nullptr;
  size_t len = 0;
  if (hs_serialize_database(db, &raw, &len) != HS_SUCCESS) return;
  std::unique_ptr<char, FreeDeleter> owned(raw);
  unsigned char d[kDigestLen];
  if (!CheckDigest(key, raw, len, d)) return;
  std::string tmp = dir + "/." + name + ".tmp." + std::to_string(getpid());
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return;
  std::string out(kMagic, kMagicLen);
  out.append(key);
  out.append(reinterpret_cast<const char*>(d), kDigestLen);
  out.append(raw, len);
  size_t done = 0;
  bool ok = true;
  while (ok && done < out.size()) {
    ssize_t n = write(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = (close(fd) == 0) && ok;
  if (!ok || rename(tmp.c_str(), (dir + "/" + name).c_str()) != 0) unlink(tmp.c_str());
}

}  // namespace

hs_error_t CompileCached(const std::string& dir, bool literal, const char* const* exprs,
                         const unsigned* flags, const unsigned* ids, const size_t* lens,
                         unsigned count, HsDatabase* db, hs_compile_error_t** err,
                         HsCacheOutcome* outcome) {
  db->reset();
  *err = nullptr;
  *outcome = HsCacheOutcome::kOff;
  const bool embedded = !EmbeddedBytes().empty();
  std::string input;
  if (!dir.empty() || embedded || g_recorder) {
    input = KeyInput(literal, exprs, flags, ids, lens, count);
  }
  if (!input.empty() && embedded) {
    const std::string_view bytes = FindEmbedded(input);
    if (!bytes.empty()) {
      if (HsDatabase found = Deserialize(bytes.data(), bytes.size())) {
        *db = std::move(found);
        *outcome = HsCacheOutcome::kEmbedded;
        return HS_SUCCESS;
      }
    }
  }
  std::string key;
  if (!dir.empty()) key = KeyOf(input);
  if (!key.empty() && TrustedDir(dir)) {
    const std::string path =
        dir + "/" + Hex(reinterpret_cast<const unsigned char*>(key.data()), key.size()) + ".hsdb";
    if (HsDatabase cached = Load(path, key)) {
      *db = std::move(cached);
      *outcome = HsCacheOutcome::kLoaded;
      return HS_SUCCESS;
    }
  }
  hs_database_t* compiled = nullptr;
  hs_error_t rc = literal ? hs_compile_lit_multi(exprs, flags, ids, lens, count,
                                                 HS_MODE_BLOCK, nullptr, &compiled, err)
                          : hs_compile_multi(exprs, flags, ids, count, HS_MODE_BLOCK,
                                             nullptr, &compiled, err);
  db->reset(compiled);
  if (rc != HS_SUCCESS) return rc;
  if (g_recorder && !input.empty()) {
    char* raw = nullptr;
    size_t len = 0;
    if (hs_serialize_database(db->get(), &raw, &len) == HS_SUCCESS) {
      std::unique_ptr<char, FreeDeleter> owned(raw);
      g_recorder->push_back({input, std::string(raw, len)});
    }
  }
  if (key.empty()) return rc;
  *outcome = HsCacheOutcome::kCompiled;
  Store(dir, key, db->get());
  return rc;
}

void RecordCompiledDatabases(std::vector<CompiledDatabase>* sink) { g_recorder = sink; }

bool WriteEmbeddedDatabases(const std::vector<CompiledDatabase>& dbs, const std::string& out,
                            std::string* error) {
  std::string blob(kEmbedMagic, kEmbedMagicLen);
  auto put_field = [&blob](std::string_view bytes) {
    const uint64_t len = bytes.size();
    blob.append(reinterpret_cast<const char*>(&len), sizeof len);
    blob.append(bytes);
    blob.append((8 - bytes.size() % 8) % 8, '\0');
  };
  const uint64_t count = dbs.size();
  blob.append(reinterpret_cast<const char*>(&count), sizeof count);
  for (const CompiledDatabase& d : dbs) {
    if (d.key_input.empty() || d.serialized.empty()) {
      *error = "an empty database record";
      return false;
    }
    put_field(d.key_input);
    put_field(d.serialized);
  }
  const std::string tmp = out + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  bool ok = f && std::fwrite(blob.data(), 1, blob.size(), f) == blob.size();
  ok = (f && std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), out.c_str()) != 0) {
    *error = "cannot write " + out;
    return false;
  }
  return true;
}

}  // namespace phiscrub::internal
