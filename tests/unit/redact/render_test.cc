#include "redact/render.h"

#include <gtest/gtest.h>

namespace phiscrub::internal {
namespace {

// RFC 4231 test case 2.
TEST(HmacHex, Rfc4231Case2) {
  EXPECT_EQ(HmacHex("Jefe", "what do ya want for nothing?", 64),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(HmacHex("Jefe", "what do ya want for nothing?", 12), "5bdcc146bf60");
}

TEST(NormalizeForHash, SameValueDifferentSpelling) {
  EXPECT_EQ(NormalizeForHash("US_SSN", "123-45-6789"), "123456789");
  EXPECT_EQ(NormalizeForHash("US_SSN", "123 45 6789"), "123456789");
  EXPECT_EQ(NormalizeForHash("PHONE_NUMBER", "+1 (415) 555-0132"), "4155550132");
  EXPECT_EQ(NormalizeForHash("PHONE_NUMBER", "415.555.0132"), "4155550132");
  EXPECT_EQ(NormalizeForHash("EMAIL_ADDRESS", "Dana@Example.COM"), "dana@example.com");
}

}  // namespace
}  // namespace phiscrub::internal
