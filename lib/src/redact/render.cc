#include "redact/render.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace phiscrub::internal {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// A non-ASCII UTF-8 sequence counts as one character to hide; separators
// (ASCII punctuation and blanks) are kept.
bool IsHidden(unsigned char c) { return IsAsciiAlnum(c) || c >= 0x80; }
bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Masks every hidden character except the last `keep` of them. A value of
// at most 2 * keep hidden characters is masked whole: partial always hides
// more than it shows ("age 92" with keep 4 is "**", never "92").
void Mask(std::string_view v, int keep, std::string* out) {
  int hidden_total = 0;
  for (unsigned char c : v) {
    if (IsHidden(c) && !IsContinuation(c)) ++hidden_total;
  }
  int to_mask = hidden_total > 2 * keep ? hidden_total - keep : hidden_total;
  int seen = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    unsigned char c = v[i];
    if (!IsHidden(c)) {
      out->push_back(static_cast<char>(c));
      continue;
    }
    if (IsContinuation(c)) {
      if (seen > to_mask) out->push_back(static_cast<char>(c));
      continue;
    }
    ++seen;
    if (seen <= to_mask) {
      out->push_back('*');
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

void Substitute(const std::string& tmpl, std::string_view key,
                std::string_view value, std::string* out) {
  size_t pos = 0;
  while (true) {
    size_t at = tmpl.find(key, pos);
    if (at == std::string::npos) break;
    out->append(tmpl, pos, at - pos);
    out->append(value);
    pos = at + key.size();
  }
  out->append(tmpl, pos, std::string::npos);
}

}  // namespace

std::string HmacHex(std::string_view key, std::string_view message,
                    int hex_chars) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
       mac, &len);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < len && static_cast<int>(hex.size()) < hex_chars;
       ++i) {
    hex.push_back(kHex[mac[i] >> 4]);
    hex.push_back(kHex[mac[i] & 0xF]);
  }
  hex.resize(std::min<size_t>(hex.size(), hex_chars));
  return hex;
}

std::string NormalizeForHash(std::string_view entity, std::string_view value) {
  std::string digits;
  bool only_digits = true;
  for (unsigned char c : value) {
    if (c >= '0' && c <= '9') {
      digits.push_back(static_cast<char>(c));
    } else if (IsAsciiAlnum(c) || c >= 0x80) {
      only_digits = false;
    }
  }
  if (only_digits && !digits.empty()) {
    if (entity == "PHONE_NUMBER" && digits.size() == 11 && digits[0] == '1') {
      digits.erase(0, 1);
    }
    return digits;
  }
  std::string lower(value);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

void RenderReplacement(const Ruleset::Impl& rules, const Span& span,
                       std::string_view value, std::string* out) {
  const EntityPolicy& p = rules.policy.per_entity[span.entity];
  const std::string& entity = rules.entities[span.entity];
  if (p.keep_host) {
    // scheme://host[:port]/ stays; the policy applies to the rest.
    size_t scheme = value.find("://");
    size_t rest = scheme == std::string_view::npos
                      ? std::string_view::npos
                      : value.find_first_of("/?#", scheme + 3);
    if (rest != std::string_view::npos) {
      if (value[rest] == '/') ++rest;
      out->append(value.data(), rest);
      value.remove_prefix(rest);
    }
  }
  switch (p.action) {
    case Action::kLabel:
      Substitute(p.label_template, "{type}", entity, out);
      break;
    case Action::kMask:
      Mask(value, 0, out);
      break;
    case Action::kPartial:
      Mask(value, p.keep, out);
      break;
    case Action::kHash: {
      // Domain-separated by entity so equal digits of different types do not
      // link.
      std::string msg = entity;
      msg.push_back(':');
      msg += NormalizeForHash(entity, value);
      out->push_back('<');
      out->append(entity);
      out->push_back(':');
      out->append(rules.policy.key_id);
      out->push_back(':');
      out->append(HmacHex(rules.hash_key, msg, rules.policy.hash_hex_chars));
      out->push_back('>');
      break;
    }
    case Action::kDrop:
      break;
  }
}

const char* ActionName(Action a) {
  switch (a) {
    case Action::kLabel: return "label";
    case Action::kMask: return "mask";
    case Action::kPartial: return "partial";
    case Action::kHash: return "hash";
    case Action::kDrop: return "drop";
  }
  return "label";
}

}  // namespace phiscrub::internal
