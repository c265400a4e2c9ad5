#include "validate/validators.h"

#include <gtest/gtest.h>

#include <string>

namespace phiscrub::internal {
namespace {

// The whole area x group x serial space: 898 areas (001-899 minus 666),
// 99 groups, 9999 serials are valid, nothing else.
TEST(SsnDigitsValid, ExhaustiveCountOverWholeSpace) {
  uint64_t valid = 0;
  for (int area = 0; area < 1000; ++area) {
    for (int group = 0; group < 100; ++group) {
      for (int serial = 0; serial < 10000; ++serial) {
        valid += SsnDigitsValid(area, group, serial);
      }
    }
  }
  EXPECT_EQ(valid, uint64_t{898} * 99 * 9999);
}

TEST(SsnDigitsValid, EachInvalidClass) {
  EXPECT_FALSE(SsnDigitsValid(0, 12, 3456));
  EXPECT_FALSE(SsnDigitsValid(666, 12, 3456));
  for (int area = 900; area < 1000; ++area) EXPECT_FALSE(SsnDigitsValid(area, 12, 3456));
  EXPECT_FALSE(SsnDigitsValid(123, 0, 3456));
  EXPECT_FALSE(SsnDigitsValid(123, 45, 0));
  EXPECT_TRUE(SsnDigitsValid(899, 99, 9999));
  EXPECT_TRUE(SsnDigitsValid(1, 1, 1));
  EXPECT_TRUE(SsnDigitsValid(665, 1, 1));
  EXPECT_TRUE(SsnDigitsValid(667, 1, 1));
}

TEST(ValidSsn, Table) {
  struct Case {
    const char* value;
    bool valid;
  } cases[] = {
      {"123-45-6789", true},  {"123.45.6789", true},  {"123 45 6789", true},
      {"123456789", true},    {"123-45.6789", false}, {"123-45 6789", false},
      {"000-45-6789", false}, {"666-45-6789", false}, {"900-45-6789", false},
      {"123-00-6789", false}, {"123-45-0000", false}, {"12-345-6789", false},
      {"123-456-789", false}, {"1234567890", false},  {"12345678", false},
      {"123_45_6789", false}, {"abc-de-fghi", false}, {"", false},
  };
  for (const auto& c : cases) EXPECT_EQ(ValidSsn(c.value), c.valid) << c.value;
}

TEST(ValidNanp, Table) {
  struct Case {
    const char* value;
    bool valid;
  } cases[] = {
      {"(415) 555-0132", true},   {"415-555-0132", true},
      {"415.555.0132", true},     {"+1 415 555 0132", true},
      {"1-800-555-0199", true},   {"+14155550132", true},
      {"4155550132", true},       {"415-555-0132 x204", true},
      {"(212)555-0175 ext. 12", true},
      {"115-555-0132", false},    // NPA starts with 1
      {"015-555-0132", false},    // NPA starts with 0
      {"415-155-0132", false},    // NXX starts with 1
      {"415-055-0132", false},    // NXX starts with 0
      {"911-555-0132", false},    // N11 NPA
      {"415-411-0132", false},    // N11 NXX
      {"2-415-555-0132", false},  // 11 digits not starting with 1
      {"415-555-013", false},     // 9 digits
      {"415-555-01322", false},   // 11 digits, no leading 1
  };
  for (const auto& c : cases) EXPECT_EQ(ValidNanp(c.value), c.valid) << c.value;
}

TEST(LuhnValid, Table) {
  EXPECT_TRUE(LuhnValid("4111111111111111"));
  EXPECT_TRUE(LuhnValid("4111 1111 1111 1111"));
  EXPECT_TRUE(LuhnValid("79927398713"));
  EXPECT_FALSE(LuhnValid("4111111111111112"));
  EXPECT_FALSE(LuhnValid("79927398710"));
  EXPECT_FALSE(LuhnValid("0"));
  EXPECT_FALSE(LuhnValid(""));
  // Every single-digit change of a valid number breaks it.
  std::string n = "79927398713";
  for (size_t i = 0; i < n.size(); ++i) {
    for (char d = '0'; d <= '9'; ++d) {
      if (d == n[i]) continue;
      std::string m = n;
      m[i] = d;
      EXPECT_FALSE(LuhnValid(m)) << m;
    }
  }
}

TEST(ValidEmail, Table) {
  EXPECT_TRUE(ValidEmail("dana.reyes@example.com"));
  EXPECT_TRUE(ValidEmail("j_doe+intake@mail.clinic-example.org"));
  EXPECT_FALSE(ValidEmail("dana..reyes@example.com"));
  EXPECT_FALSE(ValidEmail(".dana@example.com"));
  EXPECT_FALSE(ValidEmail("dana.@example.com"));
  EXPECT_FALSE(ValidEmail("dana@example"));
  EXPECT_FALSE(ValidEmail("dana@example.c0m"));
  EXPECT_FALSE(ValidEmail("dana@.example.com"));
  EXPECT_FALSE(ValidEmail(std::string(65, 'a') + "@example.com"));
  EXPECT_TRUE(ValidEmail(std::string(64, 'a') + "@example.com"));
  EXPECT_FALSE(ValidEmail("a@" + std::string(64, 'b') + ".com"));
  EXPECT_FALSE(ValidEmail("@example.com"));
}

TEST(GluedToDigits, Table) {
  std::string r = "x 2024-123-45-6789 y";
  EXPECT_TRUE(GluedToDigits(r, 7, 18));
  r = "SSN 123-45-6789.";
  EXPECT_FALSE(GluedToDigits(r, 4, 15));
  r = "v1.123.45.6789";
  EXPECT_TRUE(GluedToDigits(r, 3, 14));
  r = "123-45-6789-1";
  EXPECT_TRUE(GluedToDigits(r, 0, 11));
  r = "123-45-67891";
  EXPECT_TRUE(GluedToDigits(r, 0, 11));
}

TEST(FindValidator, KnownAndUnknown) {
  EXPECT_NE(FindValidator("ssn"), nullptr);
  EXPECT_NE(FindValidator("nanp"), nullptr);
  EXPECT_NE(FindValidator("luhn"), nullptr);
  EXPECT_NE(FindValidator("email"), nullptr);
  EXPECT_EQ(FindValidator("nope"), nullptr);
}

}  // namespace
}  // namespace phiscrub::internal

namespace phiscrub::internal {
namespace {

TEST(ValidItin, IrsRanges) {
  int valid = 0;
  for (int mid = 0; mid < 100; ++mid) {
    char buf[16];
    snprintf(buf, sizeof buf, "912-%02d-3456", mid);
    valid += ValidItin(buf);
  }
  EXPECT_EQ(valid, 16 + 19 + 3 + 6);  // 50-65, 70-88, 90-92, 94-99
  EXPECT_TRUE(ValidItin("912703456"));
  EXPECT_FALSE(ValidItin("812-70-3456"));
  EXPECT_FALSE(ValidItin("912-93-3456"));
}

TEST(ValidNpi, CmsCheckDigit) {
  EXPECT_TRUE(ValidNpi("1234567893"));   // the CMS worked example
  EXPECT_FALSE(ValidNpi("1234567890"));
  EXPECT_FALSE(ValidNpi("3234567893"));  // must start with 1 or 2
  int valid = 0;
  for (int check = 0; check < 10; ++check) {
    valid += ValidNpi("123456789" + std::to_string(check));
  }
  EXPECT_EQ(valid, 1);
}

TEST(ValidDea, Checksum) {
  EXPECT_TRUE(ValidDea("AB1234563"));  // 1+3+5 + 2*(2+4+6) = 33 -> 3
  EXPECT_TRUE(ValidDea("F91234563"));
  EXPECT_FALSE(ValidDea("AB1234564"));
  EXPECT_FALSE(ValidDea("ZB1234563"));  // Z is not a registrant type
  EXPECT_FALSE(ValidDea("AB123456"));
}

TEST(ValidCard, IssuerLengthAndLuhn) {
  EXPECT_TRUE(ValidCard("4111 1111 1111 1111"));
  EXPECT_TRUE(ValidCard("5555-5555-5555-4444"));
  EXPECT_TRUE(ValidCard("2223003122003222"));
  EXPECT_TRUE(ValidCard("378282246310005"));
  EXPECT_TRUE(ValidCard("6011111111111117"));
  EXPECT_TRUE(ValidCard("3530111333300000"));
  EXPECT_TRUE(ValidCard("30569309025904"));
  EXPECT_TRUE(ValidCard("6200000000000005"));    // UnionPay
  EXPECT_TRUE(ValidCard("2200 0000 0000 0004"));  // Mir
  EXPECT_FALSE(ValidCard("6200000000000006"));   // Luhn
  EXPECT_FALSE(ValidCard("620000000000004"));    // UnionPay has 16-19 digits
  EXPECT_FALSE(ValidCard("4111111111111112"));   // Luhn
  EXPECT_FALSE(ValidCard("378282246310005000"));  // Amex is 15 digits
  EXPECT_FALSE(ValidCard("9111111111111111"));   // no issuer
  EXPECT_FALSE(ValidCard("411111111111"));       // too short
}

TEST(ValidIpv4, Table) {
  EXPECT_TRUE(ValidIpv4("10.0.0.1"));
  EXPECT_TRUE(ValidIpv4("255.255.255.255"));
  EXPECT_TRUE(ValidIpv4("0.0.0.0"));
  EXPECT_FALSE(ValidIpv4("256.1.1.1"));
  EXPECT_FALSE(ValidIpv4("10.01.0.1"));
  EXPECT_FALSE(ValidIpv4("10.0.0"));
  EXPECT_FALSE(ValidIpv4("10.0.0.1.5"));
  EXPECT_FALSE(ValidIpv4("1234.1.1.1"));
}

TEST(ValidIpv6, Table) {
  EXPECT_TRUE(ValidIpv6("2001:db8::1"));
  EXPECT_TRUE(ValidIpv6("2001:0db8:0000:0000:0000:ff00:0042:8329"));
  EXPECT_TRUE(ValidIpv6("::1"));
  EXPECT_TRUE(ValidIpv6("fe80::1ff:fe23:4567:890a"));
  EXPECT_FALSE(ValidIpv6("::"));
  EXPECT_FALSE(ValidIpv6("10:31:02"));
  EXPECT_FALSE(ValidIpv6("2001:db8:::1"));
  EXPECT_FALSE(ValidIpv6("12345::1"));
}

TEST(ValidCalendarDate, LeapYearsOverFourCenturies) {
  int feb29 = 0;
  for (int y = 1600; y < 2000; ++y) feb29 += ValidCalendarDate(y, 2, 29);
  EXPECT_EQ(feb29, 97);  // 100 - 3 century years per 400 years
  int days = 0;
  for (int m = 0; m <= 13; ++m) {
    for (int d = 0; d <= 32; ++d) days += ValidCalendarDate(2023, m, d);
  }
  EXPECT_EQ(days, 365);
}

TEST(ValidDate, Forms) {
  const char* valid[] = {"03/15/1985", "3-15-85", "1985-03-15", "15.03.1985",
                         "March 15, 1985", "15 Mar 1985", "Mar. 15th, 1985",
                         "February 29, 2000", "1st of January 1990", "1980-Jan-02",
                         "1980 01 02", "01 02 1980", "02/Jan/1980"};
  for (const char* d : valid) EXPECT_TRUE(ValidDate(d)) << d;
  const char* invalid[] = {"02/30/1985", "13/13/1985", "February 29, 1900",
                           "1985-13-01", "03/15/1885", "Smarch 15, 1985",
                           "March 32, 1985", "03/15", "10:31:02", "1980-Feb-30"};
  for (const char* d : invalid) EXPECT_FALSE(ValidDate(d)) << d;
}

// Fuzz finding scanner_validdate_int_overflow: long digit runs are rejected
// without overflowing (UBSan, in make test-asan, catches a regression).
TEST(ValidDate, ScannerValidDateIntOverflow) {
  for (const char* d : {"4206684231", "99999999999999999999/01/01", "01/01/99999999999999",
                        "March 99999999999999, 1985"}) {
    EXPECT_FALSE(ValidDate(d)) << d;
  }
}

TEST(ValidMbi, CmsGrammar) {
  const char* valid[] = {"1EG4-TE5-MK73", "1EG4TE5MK73", "9AA0-AA0-AA00",
                         "1E94-T95-MK73"};
  for (const char* v : valid) EXPECT_TRUE(ValidMbi(v)) << v;
  const char* invalid[] = {
      "0EG4-TE5-MK73",   // position 1 is 1-9
      "1SG4-TE5-MK73",   // S excluded
      "1EL4-TE5-MK73",   // L excluded
      "1EG4-OE5-MK73",   // O excluded
      "1EG4-TE5-IK73",   // I excluded
      "1EG4-TE5-MB73",   // B excluded
      "1EG4-TE5-MZ73",   // Z excluded
      "1E4G-TE5-MK73",   // position 4 is a digit
      "1EG4-TE5-MK7",    // too short
      "1EG4-TE5-MK733",  // too long
      "1EG-4TE5-MK73",   // dash in the wrong place
      "1EG4--TE5MK73",   // double dash
      "1eg4-te5-mk73"};  // upper case only
  for (const char* v : invalid) EXPECT_FALSE(ValidMbi(v)) << v;
  // Every letter position accepts exactly the 20 allowed letters.
  int letters = 0;
  for (char c = 'A'; c <= 'Z'; ++c) {
    std::string m = "1EG4TE5MK73";
    m[1] = c;
    letters += ValidMbi(m);
  }
  EXPECT_EQ(letters, 20);
}

TEST(UrlCarriesIds, Table) {
  const char* ids[] = {"https://portal.example.com/patients/48213/chart",
                       "https://a.example.com/verify?email=dana%40example.com",
                       "http://x.example.com/u/dana@example.com",
                       "https://x.example.com/find?patient_name=reyes",
                       "https://x.example.com/cb?Phone=x"};
  for (const char* u : ids) EXPECT_TRUE(UrlCarriesIds(u)) << u;
  const char* plain[] = {"https://example.com/docs/getting-started",
                         "https://api.example.com/healthz",
                         "https://example.com",
                         "https://example.com/search?page=2&sort=asc",
                         "https://example.com/v1/items/123"};
  for (const char* u : plain) EXPECT_FALSE(UrlCarriesIds(u)) << u;
}

TEST(ValidPersonName, FillersAndRoleWordsAreNotNames) {
  const char* names[] = {"Dana Reyes", "Reyes, Dana", "Mary-Jane O'Brien", "McKay",
                         "Thanks Dana", "Dr. Alvarez", "Jos\xc3\xa9 Quintero", "Dana R."};
  for (const char* v : names) EXPECT_TRUE(ValidPersonName(v)) << v;
  const char* not_names[] = {"Okay", "So", "Um", "Yes", "Sure", "Yeah", "Right", "Sure, Medicare",
                             "Yes, Dr", "Room", "My", "Thanks", "Dr", "Monday", "OKAY"};
  for (const char* v : not_names) EXPECT_FALSE(ValidPersonName(v)) << v;
}

}  // namespace

// Addresses after a host name and a slash carry a port (Java's
// InetSocketAddress: "host/10.1.2.3:8030"); a product version has none.
TEST(IpRecords, HostSlashAddressAndPorts) {
  auto v4 = FindValidator("ipv4");
  auto v6 = FindValidator("ipv6");
  ASSERT_NE(v4, nullptr);
  ASSERT_NE(v6, nullptr);
  std::string a = "Old: msra-sa-41/10.142.64.250:8030 New";
  size_t s = a.find("10.142");
  EXPECT_TRUE(v4(a, s, s + 13));
  std::string b = "agent curl/7.68.0.1 ok";
  s = b.find("7.68");
  EXPECT_FALSE(v4(b, s, s + 8));
  std::string c = "haproxy: 2001:db8:9ba6:4ae0::77ad:50934 [x]";
  s = c.find("2001");
  EXPECT_TRUE(v6(c, s, c.find(":50934")));
  std::string d = "peer 2001:db8::77ad:8080x";
  s = d.find("2001");
  EXPECT_FALSE(v6(d, s, d.find(":8080")));
}

}  // namespace phiscrub::internal
