#include "phiscrub/scanner.h"

#include <gtest/gtest.h>

#include "phiscrub/ruleset.h"
#include "test_util.h"

namespace phiscrub {
namespace {

using testing::CompileOrDie;
using testing::TempDir;

std::string Redact(const std::shared_ptr<const Ruleset>& rules,
                   std::string_view text) {
  Scanner scanner(rules);
  std::vector<Span> spans;
  std::string out;
  Status st = scanner.Redact(text, &out, &spans);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

// The built-in ruleset is compiled once for the suite (it is immutable and
// shared, as in production).
class ScannerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { shared_ = CompileOrDie(); }
  static void TearDownTestSuite() { shared_.reset(); }
  void SetUp() override { rules_ = shared_; }
  static inline std::shared_ptr<const Ruleset> shared_;
  std::shared_ptr<const Ruleset> rules_;
};

TEST_F(ScannerTest, IssueExample) {
  EXPECT_EQ(Redact(rules_, "SSN 123-45-6789, call (415) 555-0132"),
            "SSN [US_SSN], call [PHONE_NUMBER]");
}

TEST_F(ScannerTest, SpansAreSortedNonOverlappingWithOffsets) {
  Scanner scanner(rules_);
  std::vector<Span> spans;
  std::string text = "a 123-45-6789 b dana@example.com c 415-555-0132";
  ASSERT_TRUE(scanner.Scan(text, &spans).ok());
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[0].start, spans[0].end - spans[0].start), "123-45-6789");
  EXPECT_EQ(text.substr(spans[1].start, spans[1].end - spans[1].start), "dana@example.com");
  EXPECT_EQ(text.substr(spans[2].start, spans[2].end - spans[2].start), "415-555-0132");
  EXPECT_EQ(rules_->entities()[spans[0].entity], "US_SSN");
  EXPECT_EQ(rules_->rule(spans[0].rule).id, "us_ssn.formatted");
}

TEST_F(ScannerTest, WholeExtensionIsOneSpan) {
  EXPECT_EQ(Redact(rules_, "call +1 212 555 0175 ext. 12 now"), "call [PHONE_NUMBER] now");
  EXPECT_EQ(Redact(rules_, "tel 415.555.0132 x204."), "tel [PHONE_NUMBER].");
}

TEST_F(ScannerTest, ContextDecidesBareNumbers) {
  EXPECT_EQ(Redact(rules_, "SSN: 123456789"), "SSN: [US_SSN]");
  EXPECT_EQ(Redact(rules_, "order 123456789"), "order 123456789");
  // Context after the value counts too.
  EXPECT_EQ(Redact(rules_, "123456789 is my social"), "[US_SSN] is my social");
  // Too far away: the before window is 48 bytes.
  std::string far = "SSN " + std::string(60, 'x') + " 123456789";
  EXPECT_EQ(Redact(rules_, far), far);
  // Positive context beats negative context.
  EXPECT_EQ(Redact(rules_, "SSN for order 123-45-6789"), "SSN for order [US_SSN]");
  EXPECT_EQ(Redact(rules_, "order 123-45-6789"), "order 123-45-6789");
}

TEST_F(ScannerTest, LogNoiseSurvives) {
  const char* keep[] = {
      "2026-11-22T10:31:02.118Z INFO pid=4121 tid=77 took 238.517ms bytes=445199",
      "- - [22/Nov/2026:10:31:19 +0000] \"GET /a/18234 HTTP/1.1\" 200 2326 14ms",
      "agent/1.2.3.4 build 4.12.0.1 version 10.0.0.1 oid 1.3.6.1.4.1",
      "appointment 03/15/2026 at 2pm, port 8443, 120/80, 10 mg",
      "ts=1732300000 order=482913557 invoice 2024-118-77 total=129.50",
      "version 1.123.45.6789 build 2024-123-45-6789",
      "trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7",
  };
  for (const char* line : keep) EXPECT_EQ(Redact(rules_, line), line);
}

TEST_F(ScannerTest, IssueThreeEntities) {
  EXPECT_EQ(Redact(rules_, "client 10.12.4.7 - - GET"), "client [IP_ADDRESS] - - GET");
  EXPECT_EQ(Redact(rules_, "MBI 1EG4-TE5-MK73"), "MBI [US_MBI]");
  EXPECT_EQ(Redact(rules_, "card 4111 1111 1111 1111"), "card [CREDIT_CARD]");
  EXPECT_EQ(Redact(rules_, "DOB: 03/15/1985"), "DOB: [DATE_OF_BIRTH]");
  EXPECT_EQ(Redact(rules_, "MRN: 00123456"), "MRN: [MRN]");
  EXPECT_EQ(Redact(rules_, "NPI 1234567893"), "NPI [US_NPI]");
  EXPECT_EQ(Redact(rules_, "SSN 078-05-1120"), "SSN [US_SSN]");
  EXPECT_EQ(Redact(rules_, "SSN 000-05-1120"), "SSN [US_SSN]");
  EXPECT_EQ(Redact(rules_, "id 000-05-1120"), "id 000-05-1120");
}

TEST_F(ScannerTest, EmptyAndBinaryInput) {
  EXPECT_EQ(Redact(rules_, ""), "");
  std::string bin("\x00\xff\x01SSN 123-45-6789\x00", 20);
  std::string out = Redact(rules_, bin);
  EXPECT_EQ(out.find("123-45-6789"), std::string::npos);
}

std::shared_ptr<const Ruleset> WithPolicy(const TempDir& dir,
                                          const std::string& policy) {
  RulesetOptions opts;
  opts.policy_file = dir.Write("policy.yaml", policy);
  opts.hash_key_file = dir.Write("key", "0123456789abcdef0123456789abcdef");
  return CompileOrDie(opts);
}

TEST(RenderTest, Policies) {
  TempDir dir;
  EXPECT_EQ(Redact(WithPolicy(dir, "default: mask\n"), "SSN 123-45-6789"), "SSN ***-**-****");
  EXPECT_EQ(Redact(WithPolicy(dir, "entities: {US_SSN: {action: partial, keep: 4}}\n"),
                   "SSN 123-45-6789"),
            "SSN ***-**-6789");
  EXPECT_EQ(Redact(WithPolicy(dir, "default: drop\n"), "SSN 123-45-6789!"), "SSN !");
  EXPECT_EQ(Redact(WithPolicy(dir, "default: {action: label, template: '<{type}>'}\n"),
                   "SSN 123-45-6789"),
            "SSN <US_SSN>");
  EXPECT_EQ(Redact(WithPolicy(dir, "default: mask\n"), "mail dana@example.com"),
            "mail ****@*******.***");
}

TEST(RenderTest, HashTokensJoinAcrossFormatsAndDependOnKey) {
  TempDir dir;
  auto rules = WithPolicy(dir, "default: hash\nhash: {key_id: k7}\n");
  std::string a = Redact(rules, "SSN 123-45-6789");
  std::string b = Redact(rules, "SSN: 123456789");
  ASSERT_EQ(a.substr(0, 4), "SSN ");
  std::string token = a.substr(4);
  EXPECT_EQ(token.size(), std::string("<US_SSN:k7:").size() + 12 + 1);
  EXPECT_EQ(token.rfind("<US_SSN:k7:", 0), 0u);
  EXPECT_EQ(b, "SSN: " + token);
  EXPECT_NE(Redact(rules, "SSN 123-45-6780"), a);
  // Another key gives another token.
  RulesetOptions opts;
  opts.policy_file = dir.path() + "/policy.yaml";
  opts.hash_key_file = dir.Write("key2", "fedcba9876543210fedcba9876543210");
  EXPECT_NE(Redact(CompileOrDie(opts), "SSN 123-45-6789"), a);
}

TEST_F(ScannerTest, ContextPrefixCountsButSpansStayInText) {
  Scanner scanner(rules_);
  std::vector<Span> spans;
  // A bare nine-digit run needs SSN context; the key name supplies it.
  ASSERT_TRUE(scanner.ScanWithContext("ssn", "123456789", &spans).ok());
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].start, 0u);
  EXPECT_EQ(spans[0].end, 9u);
  ASSERT_TRUE(scanner.ScanWithContext("order", "123456789", &spans).ok());
  EXPECT_TRUE(spans.empty());
  ASSERT_TRUE(scanner.ScanWithContext("", "123-45-6789", &spans).ok());
  EXPECT_EQ(spans.size(), 1u);
}

TEST_F(ScannerTest, RenderWholeUsesEntityPolicy) {
  RulesetOptions opts;
  opts.extra_entities = {"DIAGNOSIS"};
  auto rules = CompileOrDie(opts);
  int diag = rules->FindEntity("DIAGNOSIS");
  ASSERT_GE(diag, 0);
  EXPECT_EQ(rules->FindEntity("NO_SUCH"), -1);
  Scanner scanner(rules);
  std::string out;
  scanner.RenderWhole(static_cast<uint16_t>(diag), "type 2 diabetes", &out);
  EXPECT_EQ(out, "[DIAGNOSIS]");
  std::string text = "x 123-45-6789 y";
  std::vector<Span> spans;
  ASSERT_TRUE(scanner.Scan(text, &spans).ok());
  out.clear();
  scanner.RenderSpans(text, spans, &out);
  EXPECT_EQ(out, "x [US_SSN] y");
}

TEST(DictionaryTest, WholeWordsCaseInsensitiveMultiWordAndLastFirst) {
  testing::TempDir dir;
  std::string names = dir.Write("names.txt",
                                "# patients\nDana Reyes\n\nAlvarez\nMaría López\nx\nMary-Jane O'Brien\n");
  std::string providers = dir.Write("prov.txt", "Kim Oduya\n");
  RulesetOptions opts;
  opts.dictionaries = {{"PERSON", names}, {"PROVIDER", providers}};
  // Dictionaries alone: the built-in name finder would take some of the
  // near-misses below as names on its own.
  opts.builtin_packs = false;
  auto rules = CompileOrDie(opts);
  EXPECT_EQ(Redact(rules, "patient Dana Reyes called"), "patient [PERSON] called");
  EXPECT_EQ(Redact(rules, "DANA REYES; reyes, dana; Reyes,Dana"),
            "[PERSON]; [PERSON]; [PERSON]");
  EXPECT_EQ(Redact(rules, "Dana  Reyes"), "[PERSON]");
  EXPECT_EQ(Redact(rules, "Dr. Alvarez and Dr. Kim Oduya"),
            "Dr. [PERSON] and Dr. [PROVIDER]");
  // Not inside other words, not a lone word of a multi-word entry.
  EXPECT_EQ(Redact(rules, "Alvarezz Danareyes Reyes Dana"),
            "Alvarezz Danareyes Reyes Dana");
  EXPECT_EQ(Redact(rules, "María López ok"), "[PERSON] ok");
  EXPECT_EQ(Redact(rules, "Xavier x"), "Xavier x");  // one-letter entry skipped
  // Words are found by their first bytes, then checked whole: sharing a
  // prefix is not enough; hyphens and apostrophes stay inside a word.
  EXPECT_EQ(Redact(rules, "Danae Reyes; Dana Reyesville; Dan Reyes"),
            "Danae Reyes; Dana Reyesville; Dan Reyes");
  EXPECT_EQ(Redact(rules, "seen: Mary-Jane O'Brien."), "seen: [PERSON].");
  EXPECT_EQ(Redact(rules, "Mary-Janet O'Brien"), "Mary-Janet O'Brien");
  // Dictionary spans coexist with pattern rules.
  opts.builtin_packs = true;
  auto all = CompileOrDie(opts);
  EXPECT_EQ(Redact(all, "Dana Reyes 123-45-6789"), "[PERSON] [US_SSN]");
}

TEST(DictionaryTest, UnreadableFileIsAConfigErrorThatNamesTheFile) {
  RulesetOptions opts;
  opts.dictionaries = {{"PERSON", "/nonexistent/names.txt"}};
  std::vector<Diagnostic> diags;
  EXPECT_EQ(Ruleset::Compile(opts, &diags), nullptr);
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].ToString().find("/nonexistent/names.txt"), std::string::npos);
}

TEST(DictionaryTest, DiagnosticsNeverCarryEntries) {
  testing::TempDir dir;
  std::string names = dir.Write("names.txt", "Dana Reyes\nQ\n");
  RulesetOptions opts;
  opts.dictionaries = {{"PERSON", names}};
  std::vector<Diagnostic> diags;
  ASSERT_NE(Ruleset::Compile(opts, &diags), nullptr);
  for (const auto& d : diags) {
    EXPECT_EQ(d.ToString().find("Dana"), std::string::npos);
    EXPECT_EQ(d.ToString().find("Q\n"), std::string::npos);
  }
}

TEST_F(ScannerTest, PercentEncodedPhiIsFoundAndMappedToOriginalBytes) {
  EXPECT_EQ(Redact(rules_, "GET /s?email=dana%40example.com&phone=415%2D555%2D0132 200"),
            "GET /s?email=[EMAIL_ADDRESS]&phone=[PHONE_NUMBER] 200");
  EXPECT_EQ(Redact(rules_, "q=ssn+123%2D45%2D6789"), "q=ssn+[US_SSN]");
  // Escapes without PHI stay byte-identical.
  EXPECT_EQ(Redact(rules_, "100%25 done, path=%2Fhome%2Fx"),
            "100%25 done, path=%2Fhome%2Fx");
  Scanner scanner(rules_);
  std::vector<Span> spans;
  std::string text = "e=dana%40example.com";
  ASSERT_TRUE(scanner.Scan(text, &spans).ok());
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].start, 2u);
  EXPECT_EQ(spans[0].end, text.size());
}

TEST_F(ScannerTest, UrlsWithIdsAndKeepHost) {
  EXPECT_EQ(Redact(rules_, "see https://portal.example.com/patients/48213/chart. ok"),
            "see [URL]. ok");
  EXPECT_EQ(Redact(rules_, "docs https://example.com/docs/start ok"),
            "docs https://example.com/docs/start ok");
  RulesetOptions opts;
  opts.url_keep_host = true;
  auto rules = CompileOrDie(opts);
  EXPECT_EQ(Redact(rules, "GET https://portal.example.com:8443/patients/48213?x=1 done"),
            "GET https://portal.example.com:8443/[URL] done");
}

TEST_F(ScannerTest, StreetAddressIsOneSpanWithUnitCityStateZip) {
  EXPECT_EQ(Redact(rules_, "I live at 1234 N Main St Apt 5B, Springfield, IL 62704 since May"),
            "I live at [STREET_ADDRESS] since May");
  EXPECT_EQ(Redact(rules_, "mail to P.O. Box 4521, Austin, TX 78701 please"),
            "mail to [STREET_ADDRESS] please");
  EXPECT_EQ(Redact(rules_, "waited 2 hours on the Way home"),
            "waited 2 hours on the Way home");
}

// Streets as most of the world writes them (number after the street, a
// delivery number before it), and an address block's lines in one text.
TEST_F(ScannerTest, StreetsOfOtherCountriesAndAddressBlocks) {
  EXPECT_EQ(Redact(rules_, "The office is at 6750 Koskikatu 25 Apt. 864"),
            "The office is at [STREET_ADDRESS]");
  EXPECT_EQ(Redact(rules_, "Please update the billing address with 27534 Þorsteinsgata 63"),
            "Please update the billing address with [STREET_ADDRESS]");
  EXPECT_EQ(Redact(rules_, "user: 0605 πεντέλης 210 apt. 999"), "user: [STREET_ADDRESS]");
  EXPECT_EQ(Redact(rules_, "The office is at 10252 Koskikatu 184, Lappeenranta"),
            "The office is at [STREET_ADDRESS], [LOCATION]");
  EXPECT_EQ(Redact(rules_, "6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677"),
            "[STREET_ADDRESS]\n[LOCATION]\n, [LOCATION]\n [LOCATION] [ZIP_CODE]");
  EXPECT_EQ(Redact(rules_, "Address:\nJoaquin Suarez 2906\nLONDON\nUnited Kingdom 75419\nDone"),
            "Address:\n[STREET_ADDRESS]\n[LOCATION]\n[LOCATION] [ZIP_CODE]\nDone");
  EXPECT_EQ(Redact(rules_, "Ship to: PSC 1234, Box 5678\nAPO AE 09001"),
            "Ship to: [STREET_ADDRESS]\n[ZIP_CODE]");
  // An address that ends in its ZIP is whole: what follows is no unit and
  // no place.
  EXPECT_EQ(Redact(rules_, "lives at 8797 E River Pike, Tucson, AZ 85741 room 627"),
            "lives at [STREET_ADDRESS] room 627");
  EXPECT_EQ(Redact(rules_, "send it to 758 North 101st Cir, Lexington, Kentucky 40577, I take 2.5 mL"),
            "send it to [STREET_ADDRESS], I take 2.5 mL");
  // Counts, sizes, versions and sentences are no streets; a block needs a
  // street (or an address label) above it.
  for (const char* keep : {"GET /api/v2 200 Chrome 118", "took 2 Tylenol 500",
                           "processed 1500 records in 20 batches", "version 2 Release 5",
                           "2024-01-05 10:22:01 worker 12 done 15", "Room 4 Bed 2",
                           "pt took 12 Tylenol 500 mg", "step 3 of 12\nLONDON\nDone",
                           "Address:\nDiagnosis\nHypertension"}) {
    EXPECT_EQ(Redact(rules_, keep), keep);
  }
}

// Log and record shapes: numbered roads, POB, keys written as one word in
// capitals, a city between XML tags, a database's duplicate-key error that
// names the value after it, plan ids of letters with one digit or none.
TEST_F(ScannerTest, RecordShapesNameTheirValues) {
  EXPECT_EQ(Redact(rules_, "address1=76370 US Highway 32, day_phone"),
            "address1=[STREET_ADDRESS], day_phone");
  EXPECT_EQ(Redact(rules_, "address1=POB 92, guarantor"), "address1=[STREET_ADDRESS], guarantor");
  EXPECT_EQ(Redact(rules_, "lookup ok; NPINUMBER=1046880625; RENDERINGNPI=1603335518;"),
            "lookup ok; NPINUMBER=[US_NPI]; RENDERINGNPI=[US_NPI];");
  EXPECT_EQ(Redact(rules_, "<addr><city>Pocatello</city><state>ID</state></addr>"),
            "<addr><city>[LOCATION]</city><state>ID</state></addr>");
  EXPECT_EQ(Redact(rules_, "Duplicate entry 'M0759334' for key 'patients.uq_MRN'"),
            "Duplicate entry '[MRN]' for key 'patients.uq_MRN'");
  EXPECT_EQ(Redact(rules_, "\"policy_number\":\"XZ0MFTLKKFA\""), "\"policy_number\":\"[HEALTH_PLAN_ID]\"");
  EXPECT_EQ(Redact(rules_, "NM1*IL*1*DOE*JANE****MI*Y8ETGATKHAA~"),
            "NM1*IL*1*[PERSON]*[PERSON]****MI*[HEALTH_PLAN_ID]~");
  for (const char* keep : {"Duplicate entry '980484' for key 'orders.uq_order_id'",
                           "member id FALLBACK2", "policy STRENGTHENED", "Zipcode:31291 ok"}) {
    EXPECT_EQ(Redact(rules_, keep), keep == std::string("Zipcode:31291 ok") ? "Zipcode:[ZIP_CODE] ok" : keep);
  }
  EXPECT_EQ(Redact(rules_, "took 2 Route 66 tours"), "took 2 Route 66 tours");
  // The city in the field after a street's.
  EXPECT_EQ(Redact(rules_, "row: \"Reyes\",\"12 Elm St\",\"Billings\",\"59112\""),
            "row: \"[PERSON]\",\"[STREET_ADDRESS]\",\"[LOCATION]\",\"[ZIP_CODE]\"");
  // IN1: feeds move the policy number among the fields after the insured's;
  // codes, counts and dates there stay.
  const std::string in1 = "IN1|1|MCR|710327050|ACME|||GRP30522|||||||||||||||||||||||||||||A||||" ;
  EXPECT_EQ(Redact(rules_, in1 + "DG12403D|3|20240101"), in1 + "[HEALTH_PLAN_ID]|3|20240101");
  // Feeds that move the insured's name, relationship, date of birth and
  // address keep them together; a coded relationship is no name.
  EXPECT_EQ(Redact(rules_, "IN1|1|MCR|969508264|MOLINA|||GRP2183||||||LEE^EUN-JI|SEL|20010728|"
                           "P.O. Box 280^APT 4B^Hilo^HI^96713^USA||||"),
            "IN1|1|MCR|969508264|MOLINA|||GRP2183||||||[PERSON]^[PERSON]|SEL|[DATE_OF_BIRTH]|"
            "[STREET_ADDRESS]^[STREET_ADDRESS]^[LOCATION]^HI^[ZIP_CODE]^USA||||");
  const std::string coded = "IN1|1|MCR|9695|MOLINA|||GRP2183|||||||SEL^Self^HL70063|20240101|x||";
  EXPECT_EQ(Redact(rules_, coded), coded);
}

// Dates with a four-digit year as whole fields of a record about a person
// (rows, arrays, a parenthesis after the name); never a visit or an
// appointment in running text, a log's time, an API version.
TEST_F(ScannerTest, DatesInPersonRecordsAreTheirs) {
  EXPECT_EQ(Redact(rules_, "{\"input\":[\"dana.reyes@example.com\",\"218-555-0112\",\"19910717\"]}"),
            "{\"input\":[\"[EMAIL_ADDRESS]\",\"[PHONE_NUMBER]\",\"[DATE_OF_BIRTH]\"]}");
  EXPECT_EQ(Redact(rules_, "PDMP query for Reyes, Dana (01/10/2015) returned 3 records"),
            "PDMP query for [PERSON] ([DATE_OF_BIRTH]) returned 3 records");
  EXPECT_EQ(Redact(rules_, "Patient Reyes, Dana L. (DOB 10OCT1994) called"),
            "Patient [PERSON] (DOB [DATE_OF_BIRTH]) called");
  for (const char* keep :
       {"Dana Reyes: follow-up scheduled for 2025-07-12.",
        "appointment confirmed for Dana Reyes on Fri 03/21/2025 at 08:30",
        "Hi Dana, this is the clinic reminding you of your visit Tue 07/25/2023 at 11:30",
        "198.51.100.28 - - [26/Jun/2023:06:10:14 -0700] \"POST /intake?name=Dana\"",
        "Body=hi+Dana&ApiVersion=2010-04-01"}) {
    std::string out = Redact(rules_, keep);
    EXPECT_EQ(out.find("[DATE_OF_BIRTH]"), std::string::npos) << keep << " -> " << out;
  }
}

// A place of any country after a cue that says a place follows.
TEST_F(ScannerTest, PlacesAfterPlaceCues) {
  EXPECT_EQ(Redact(rules_, "He grew up in Awenne."), "He grew up in [LOCATION].");
  EXPECT_EQ(Redact(rules_, "She flew to Reguengos de Monsaraz on Tuesday."),
            "She flew to [LOCATION] on Tuesday.");
  EXPECT_EQ(Redact(rules_, "When: 2024-05-01 / Where: Erwetegem Country Club."),
            "When: 2024-05-01 / Where: [LOCATION] Country Club.");
  for (const char* keep : {"I'm in Trouble with billing", "I'm in ICU bed 4", "born in March",
                           "I am in pain", "the clubs where Metallica first played",
                           "flew to the clinic"}) {
    EXPECT_EQ(Redact(rules_, keep), keep);
  }
}

TEST_F(ScannerTest, NamesAfterCuesNotTheCueItself) {
  EXPECT_EQ(Redact(rules_, "Thanks Dana, I have your birthday"),
            "Thanks [PERSON], I have your birthday");
  EXPECT_EQ(Redact(rules_, "Patient: Reyes, Dana"), "Patient: [PERSON]");
  // A full name needs no cue; everyday words that are names do.
  EXPECT_EQ(Redact(rules_, "Dana Reyes called"), "[PERSON] called");
  EXPECT_EQ(Redact(rules_, "Will you grant access in May?"), "Will you grant access in May?");
}

TEST_F(ScannerTest, HotwordBoostsOnlyTheNearestValue) {
  EXPECT_EQ(Redact(rules_, "DOB 03/15/1985, appointment 2026-03-15"),
            "DOB [DATE_OF_BIRTH], appointment 2026-03-15");
}

// Context words inside snake_case and kebab-case keys (JSON keys in camelCase
// are split into words by the JSON front end).
TEST_F(ScannerTest, CuesInsideCompoundKeys) {
  EXPECT_EQ(Redact(rules_, "provider_npi=1234567893 status=200"),
            "provider_npi=[US_NPI] status=200");
  EXPECT_EQ(Redact(rules_, "chart_no=00457677 latency_ms=12"), "chart_no=[MRN] latency_ms=12");
  EXPECT_EQ(Redact(rules_, "medical_record_number=5512034"), "medical_record_number=[MRN]");
  EXPECT_EQ(Redact(rules_, "member_ssn=123456789 ok"), "member_ssn=[US_SSN] ok");
  // ...but not inside unrelated words: "snpi" is no NPI cue.
  EXPECT_EQ(Redact(rules_, "snpi=1234567893"), "snpi=1234567893");
}

// A cue belongs to the value on its own side when that one is at least as
// near: "pid=1377833 chart_no=1558268844" redacts only the chart number.
TEST_F(ScannerTest, CueBelongsToItsOwnValue) {
  EXPECT_EQ(Redact(rules_, "pid=1377833 chart_no=1558268844"), "pid=1377833 chart_no=[MRN]");
  EXPECT_EQ(Redact(rules_, "appt=2025-11-13 date_of_birth=1980-02-01"),
            "appt=2025-11-13 date_of_birth=[DATE_OF_BIRTH]");
  EXPECT_EQ(Redact(rules_, "order_id=3972976878 mobile=4155550132"),
            "order_id=3972976878 mobile=[PHONE_NUMBER]");
}

// A negative word speaks for the number next to it, not for a value further
// away; a weak value (bare digits) goes with the nearer word.
TEST_F(ScannerTest, NegativeWordsLabelTheirOwnNumber) {
  EXPECT_EQ(Redact(rules_, "order #4895354966; updated 266-15-0010; slot 11am"),
            "order #4895354966; updated [US_SSN]; slot 11am");
  EXPECT_EQ(Redact(rules_, "updated 792-47-0802; invoice 3828521"),
            "updated [US_SSN]; invoice 3828521");
  EXPECT_EQ(Redact(rules_, "callback scheduled rows=777944 invoice 9706967519"),
            "callback scheduled rows=777944 invoice 9706967519");
  EXPECT_EQ(Redact(rules_, "my order number is 4155550132"), "my order number is 4155550132");
  EXPECT_EQ(Redact(rules_, "my number is 4155550132"), "my number is [PHONE_NUMBER]");
  EXPECT_EQ(Redact(rules_, "SSN for order 123-45-6789"), "SSN for order [US_SSN]");
}

// Fuzz finding oracle_cued_ssn_negative_word_after: a cue before the value
// outweighs a negative word after it (fail-open before the fix).
TEST_F(ScannerTest, OracleCuedSsnNegativeWordAfter) {
  EXPECT_EQ(Redact(rules_, "SSN: 260163856 order"), "SSN: [US_SSN] order");
  EXPECT_EQ(Redact(rules_, "MRN: 12345678 ref"), "MRN: [MRN] ref");
  EXPECT_EQ(Redact(rules_, "DOB: 03/14/1962 since"), "DOB: [DATE_OF_BIRTH] since");
  // A negative word of another number before the cue changes nothing (fuzz
  // finding oracle_cued_ssn_negative_word_before_and_after).
  EXPECT_EQ(Redact(rules_, "order 24 x SSN: 047586385 order e"), "order 24 x SSN: [US_SSN] order e");
  // A negative word before the value still labels it.
  EXPECT_EQ(Redact(rules_, "callback scheduled; order 6239054489"),
            "callback scheduled; order 6239054489");
}

// mrn.grouped took a lower-case word before the number as its letter prefix
// ("my MRN is 12-345-678" lost its "is").
TEST_F(ScannerTest, GroupedMrnKeepsTheWordBefore) {
  EXPECT_EQ(Redact(rules_, "my MRN is 12-345-678"), "my MRN is [MRN]");
  EXPECT_EQ(Redact(rules_, "my chart number is 4829-301-22"), "my chart number is [MRN]");
  EXPECT_EQ(Redact(rules_, "MRN: MR 2008-7553925"), "MRN: [MRN]");
  EXPECT_EQ(Redact(rules_, "MRN E-273-869-977 on file"), "MRN [MRN] on file");
}

// Cities: after a street address ("... Pl., #121 in Providence"), in lower
// case before any state's full name (speech: "fargo hawaii"); the states of
// two words are neither names nor cities.
TEST_F(ScannerTest, CitiesAfterStreetsAndTwoWordStates) {
  EXPECT_EQ(Redact(rules_, "I live at 3613 Riverside Pl., #121 in Providence, zip 60316."),
            "I live at [STREET_ADDRESS] in [LOCATION], zip [ZIP_CODE].");
  EXPECT_EQ(Redact(rules_, "it is 54 west ninth place providence south dakota"),
            "it is [STREET_ADDRESS] [LOCATION] south dakota");
  EXPECT_EQ(Redact(rules_, "mailing address is 7114 fourth road fargo hawaii"),
            "mailing address is [STREET_ADDRESS] [LOCATION] hawaii");
  EXPECT_EQ(Redact(rules_, "Durham, North Dakota"), "[LOCATION], North Dakota");
  EXPECT_EQ(Redact(rules_, "West Virginia office"), "West Virginia office");
  EXPECT_EQ(Redact(rules_, "I moved to New York, NY 10001"), "I moved to [LOCATION], NY [ZIP_CODE]");
  // Lower case, an everyday word: no city without a cue.
  EXPECT_EQ(Redact(rules_, "see hawaii for details"), "see hawaii for details");
}

// Names in file paths and URLs: two known names side by side, or a known
// name beside a date; never words, never one name alone.
TEST_F(ScannerTest, NamesInPaths) {
  EXPECT_EQ(Redact(rules_, "denied: /srv/exports/2017-0112806/Manalo-Maricel.csv"),
            "denied: /srv/exports/[OTHER_ID]/[PERSON]-[PERSON].csv");
  EXPECT_EQ(Redact(rules_, "stat: /data/scans/19480328_Harrington.tif"),
            "stat: /data/scans/[DATE_OF_BIRTH]_[PERSON].tif");
  // A known name beside a date or an id of six digits or more.
  EXPECT_EQ(Redact(rules_, "stat: /data/scans/1951-12-13_Lindqvist.tif"),
            "stat: /data/scans/[DATE_OF_BIRTH]_[PERSON].tif");
  EXPECT_EQ(Redact(rules_, "unable to stat: /var/www/letters/472724_Okonkwo.docx"),
            "unable to stat: /var/www/letters/[OTHER_ID]_[PERSON].docx");
  EXPECT_EQ(Redact(rules_, "/opt/Jackson-2.13.4/lib"), "/opt/Jackson-2.13.4/lib");
  // Letters inside hashes and UUIDs are no names.
  EXPECT_EQ(Redact(rules_, "GET https://storage.example.net/b6f4f968-d2cb-49bb-bfa0-bd895201bede-mono.wav"),
            "GET https://storage.example.net/b6f4f968-d2cb-49bb-bfa0-bd895201bede-mono.wav");
  EXPECT_EQ(Redact(rules_, "trace=projects/ehr/traces/dc4210aada645084506479fc27df926e ok"),
            "trace=projects/ehr/traces/dc4210aada645084506479fc27df926e ok");
  EXPECT_EQ(Redact(rules_, "/uploads/DeepikaSubramanian_insurance_card.jpg"),
            "/uploads/[PERSON][PERSON]_insurance_card.jpg");
  EXPECT_EQ(Redact(rules_, "/usr/lib/python3/site-packages/foo.py"),
            "/usr/lib/python3/site-packages/foo.py");
  EXPECT_EQ(Redact(rules_, "/home/james/notes.txt"), "/home/james/notes.txt");
}

// Names with Latin-1 letters; fillers after speaker labels are not names.
TEST_F(ScannerTest, AccentedNamesAndFillers) {
  EXPECT_EQ(Redact(rules_, "and my name is Renée Ramirez if that helps"),
            "and my name is [PERSON] if that helps");
  EXPECT_EQ(Redact(rules_, "name=\"José Quintero\" status=200"), "name=\"[PERSON]\" status=200");
  EXPECT_EQ(Redact(rules_, "Dr. Élodie Marchand will call"), "Dr. [PERSON] will call");
  EXPECT_EQ(Redact(rules_, "Caller: Okay so I wanted to ask"), "Caller: Okay so I wanted to ask");
  EXPECT_EQ(Redact(rules_, "Caller: Sure, Medicare is my plan"),
            "Caller: Sure, Medicare is my plan");
  // A word that opens speech is never a name's first word.
  EXPECT_EQ(Redact(rules_, "Doctor: So Pawel Piotrowski is here"),
            "Doctor: So [PERSON] is here");
  EXPECT_EQ(Redact(rules_, "Okay Dana Reyes called"), "Okay [PERSON] called");
  // After Mr/Mrs/Ms a capitalised everyday word is a surname; "ms" is time.
  EXPECT_EQ(Redact(rules_, "Mr. Spears is a 61 year old man"), "Mr. [PERSON] is a 61 year old man");
  EXPECT_EQ(Redact(rules_, "For my take on Mrs. Baker, see"), "For my take on Mrs. [PERSON], see");
  EXPECT_EQ(Redact(rules_, "completed in 4091 ms; Room 25A"), "completed in 4091 ms; Room 25A");
}

TEST_F(ScannerTest, EponymsDrugsAndUnitNamesAreNoPeople) {
  EXPECT_EQ(Redact(rules_, "referral for Arjun re Huntington's disease"),
            "referral for [PERSON] re Huntington's disease");
  EXPECT_EQ(Redact(rules_, "reports taking Jardiance for Kawasaki disease"),
            "reports taking Jardiance for Kawasaki disease");
  // An ALL CAPS name ends before the Title Case drug on a label.
  EXPECT_EQ(Redact(rules_, "label_text=\"RUIZ-TAGLE, MARISOL Stelara 81 mg TAKE AS DIRECTED\""),
            "label_text=\"[PERSON] Stelara 81 mg TAKE AS DIRECTED\"");
  EXPECT_EQ(Redact(rules_, "Patient Name: GARCIA, MARIA L"), "Patient Name: [PERSON]");
  // systemd template units are no e-mail addresses.
  EXPECT_EQ(Redact(rules_, "Started notify@1693.service - java"),
            "Started notify@1693.service - java");
  // Cue words glued to digits still count: "SSN4", "L4SSN".
  EXPECT_EQ(Redact(rules_, "field=SSN4 value=4243 field=pt_first"),
            "field=SSN4 value=[US_SSN] field=pt_first");
  EXPECT_EQ(Redact(rules_, "identity proofing: L4SSN 711926238 result=PASS"),
            "identity proofing: L4SSN [US_SSN] result=PASS");
  // Opaque keys in URLs are no identifiers.
  EXPECT_EQ(Redact(rules_, "rec https://cdn.example.net/bdd8af0083605ae91f2e60d93b66743a/r.wav"),
            "rec https://cdn.example.net/bdd8af0083605ae91f2e60d93b66743a/r.wav");
}

TEST_F(ScannerTest, SpelledIdsWithDigitsSeparatorsAndNatoWords) {
  // Spelled letters broken up by digits, "dash", fillers and NATO words
  // still make the spoken view.
  EXPECT_EQ(Redact(rules_, "My Medicare number is 5 E R 7 dash V C 9 dash A U 96."),
            "My Medicare number is [US_MBI].");
  EXPECT_EQ(Redact(rules_, "i heard 5 quebec hotel 6 yankee 38 romeo delta 39 is that right"),
            "i heard [US_MBI] is that right");
  EXPECT_EQ(Redact(rules_, "The Medicare ID is 9 G V, um, 3 V D 3, um, R K 14."),
            "The Medicare ID is [US_MBI].");
}

TEST_F(ScannerTest, CardsWithoutContextNeedLuhnAndIssuer) {
  EXPECT_EQ(Redact(rules_, "and it's 4012886424137321."), "and it's [CREDIT_CARD].");
  EXPECT_EQ(Redact(rules_, "pan=\"3056 930902 5904\""), "pan=\"[CREDIT_CARD]\"");
  EXPECT_EQ(Redact(rules_, "id 4012886424137322"), "id 4012886424137322");      // Luhn fails
  EXPECT_EQ(Redact(rules_, "order 4012886424137321 shipped"), "order 4012886424137321 shipped");
}

TEST_F(ScannerTest, LocalNumbersMemberIdsAndCardLastFour) {
  EXPECT_EQ(Redact(rules_, "my phone is 555-0134."), "my phone is [PHONE_NUMBER].");
  EXPECT_EQ(Redact(rules_, "rows 200-1000 scanned"), "rows 200-1000 scanned");
  EXPECT_EQ(Redact(rules_, "member id W123456789"), "member id [HEALTH_PLAN_ID]");
  // A card's last four go too (two independent corpora label them so).
  EXPECT_EQ(Redact(rules_, "card ending in 4242, exp 12/27"), "card ending in [CREDIT_CARD], exp 12/27");
  EXPECT_EQ(Redact(rules_, "order ending in 4242, exp 12/27"), "order ending in 4242, exp 12/27");
  EXPECT_EQ(Redact(rules_, "last four of my social is 6789"), "last four of my social is [US_SSN]");
  EXPECT_EQ(Redact(rules_, "Patient Name: GARCIA, MARIA L"), "Patient Name: [PERSON]");
  EXPECT_EQ(Redact(rules_, "Contact: +44 20 7946 0958"), "Contact: [PHONE_NUMBER]");
  EXPECT_EQ(Redact(rules_, "2026-11-22T10:31:02+05:30 tz +0000"),
            "2026-11-22T10:31:02+05:30 tz +0000");
  EXPECT_EQ(Redact(rules_, "Patient is 92 years old, age 45 spouse"),
            "Patient is [AGE_OVER_89] years old, age 45 spouse");
}

// Issue 3 section 3: what must survive, one line per category.
TEST_F(ScannerTest, LogNoiseSurvivesEveryCategory) {
  const std::pair<const char*, const char*> kCases[] = {
      {"timestamps ISO 8601", "2026-11-22T10:31:02.123Z INFO request done"},
      {"timestamps with millis", "2026-11-22 10:31:02,123 WARN pool exhausted"},
      {"syslog", "Nov 22 10:31:02 web01 sshd[4821]: Accepted publickey"},
      {"Apache", "web01 - - [22/Nov/2026:10:31:02 +0000] \"GET /index.html HTTP/1.1\" 200 5123"},
      {"epoch milliseconds", "ts=1763807462123 event=login"},
      {"durations", "took 1234ms, retry in 250 ms, timeout 30s, elapsed 00:01:23"},
      {"times", "meeting at 2pm, call back at 14:30 or 9:15am"},
      {"HTTP status codes", "HTTP/1.1 404 Not Found status=503"},
      {"byte counts", "sent 1048576 bytes, received 524288 bytes"},
      {"ports, PIDs, thread ids", "listening on port 8443, pid=48213 tid=139812"},
      {"trace ids", "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7"},
      {"UUIDs", "request 123e4567-e89b-12d3-a456-426614174000 completed"},
      {"version strings", "phiscrub v1.2.3.4 built with openssl 3.0.11, version 10.0.0.1"},
      {"order and invoice numbers", "order 123456789 shipped, invoice INV-20261122-0042"},
      {"doses", "take 10 mg twice daily, 500mg tablet, 2.5 ml"},
      {"vitals", "BP 120/80, pulse 72, temp 98.6"},
      {"prices", "total $1,234.56 charged, refund 19.99 USD"},
      {"room numbers", "room 412, bed 2, floor 3"},
      {"ages under 90", "patient is 45 years old, age 67"},
  };
  Scanner scanner(rules_);
  std::vector<Span> spans;
  for (const auto& [what, line] : kCases) {
    ASSERT_TRUE(scanner.Scan(line, &spans).ok());
    EXPECT_TRUE(spans.empty()) << what << ": " << spans.size() << " span(s), first rule "
                               << (spans.empty() ? "" : rules_->rule(spans[0].rule).id);
  }
}

TEST_F(ScannerTest, ZipNeedsAddressContext) {
  // The city is a place of its own; the state stays (Safe Harbor keeps states).
  EXPECT_EQ(Redact(rules_, "Springfield, IL 62704"), "[LOCATION], IL [ZIP_CODE]");
  EXPECT_EQ(Redact(rules_, "zip code 62704-1234"), "zip code [ZIP_CODE]");
  EXPECT_EQ(Redact(rules_, "processed 62704 rows"), "processed 62704 rows");
}

std::string RedactConversation(const std::shared_ptr<const Ruleset>& rules,
                               std::string_view text) {
  Scanner scanner(rules);
  std::vector<Span> spans;
  Status st = scanner.ScanConversation(text, &spans);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::string out;
  scanner.RenderSpans(text, spans, &out);
  return out;
}

// A phone number said in words needs no cue; a word before it that names
// something else keeps it (written digits keep needing context).
TEST_F(ScannerTest, SpokenPhoneNumbersWithoutACue) {
  EXPECT_EQ(Redact(rules_, "Just in case, 303, 555, oh one six two, extension nine nine two."),
            "Just in case, [PHONE_NUMBER].");
  EXPECT_EQ(Redact(rules_, "oh wait six one two dash five five five dash o one dash 96 sorry"),
            "oh wait [PHONE_NUMBER] sorry");
  EXPECT_EQ(Redact(rules_, "my order number is three oh three five five five oh one six two"),
            "my order number is three oh three five five five oh one six two");
  EXPECT_EQ(Redact(rules_, "ref 3035550162 ok"), "ref 3035550162 ok");
}

std::string RedactTurn(const std::shared_ptr<const Ruleset>& rules, std::string_view previous,
                       std::string_view turn);

TEST_F(ScannerTest, ConversationAnswersInTheNextTurn) {
  // Issue 11's transcript: every spoken value is caught, cue or not.
  std::string out = RedactConversation(rules_,
                                       "Agent: Can I have your date of birth?\n"
                                       "Caller: march fifth nineteen eighty two\n"
                                       "Agent: And the best number to reach you?\n"
                                       "Caller: four one five, five five five, oh one three two\n"
                                       "Agent: Could you spell your last name?\n"
                                       "Caller: sure, r e y e s\n"
                                       "Caller: my social is one two three four five six seven eight nine\n"
                                       "Caller: my email is dana dot reyes at gmail dot com\n"
                                       "Caller: it's 1-415-555-0132\n");
  for (std::string_view leak : {"march", "eighty", "oh one three two", "r e y e s", "seven eight",
                                "dana dot", "0132"}) {
    EXPECT_EQ(out.find(leak), std::string::npos) << leak << " in\n" << out;
  }
  EXPECT_NE(out.find("Agent: Can I have your date of birth?"), std::string::npos) << out;
  // Questions for a number by the time of day.
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's your daytime number?", "Caller: Sure thing, 8575550186."),
            "Caller: Sure thing, [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: And an evening number?", "Caller: 1 385 555 oh one 99."),
            "Caller: [PHONE_NUMBER].");
}

TEST_F(ScannerTest, SpokenSelfCorrectionsLetterExamplesAndLocalNumbers) {
  // A first try given up on goes with the value ("no wait", "I mean",
  // "sorry", "no,"); a correction that is no number keeps its words.
  EXPECT_EQ(RedactTurn(rules_, "Agent: what number should we call",
                       "Patient: four one four no wait four one five five five five oh one three eight"),
            "Patient: [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: And your Social?",
                       "Caller: nine oh one... sorry, one two three, forty-five, sixty-seven eighty-nine."),
            "Caller: [US_SSN].");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: I have two kids, no wait, my SSN is one two three four five six seven eight nine"),
            "Caller: I have two kids, no wait, my SSN is [US_SSN]");
  // Letters told with "like" or "for" and an example word starting with them.
  EXPECT_EQ(RedactTurn(rules_, "Agent: What is your Medicare number?",
                       "Caller: eight n like nancy one four v like victor h like house six y like yellow f like fox nine nine"),
            "Caller: [US_MBI]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: spell your last name",
                       "Caller: k like kite o like oscar w like william a like apple l like lima"),
            "Caller: [PERSON]");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: I like fish for dinner, b for sure"),
            "Caller: I like fish for dinner, b for sure");
  // A seven-digit local number said in words, when asked for or named; an
  // area code said after it goes with it. Not any seven digits.
  EXPECT_EQ(RedactTurn(rules_, "Agent: And your phone number?",
                       "Caller: five five five, zero one four two, area code four one five."),
            "Caller: [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: my number is five five five zero one four two"),
            "Caller: my number is [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: how many steps a day?", "Caller: about five five five zero one four two"),
            "Caller: about five five five zero one four two");
}

TEST_F(ScannerTest, SpokenEmailsWithWrittenDomainsAndDatesSaidTheLongWay) {
  // "at" said, the rest written; "no spaces" / "all lowercase" join the
  // words before them, never the words before those.
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: Oh, zyx.wellman at hotmail.com, if you need it."),
            "Caller: Oh, [EMAIL_ADDRESS], if you need it.");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: send it to dana zyx all lowercase at sign g mail dot com"),
            "Caller: send it to [EMAIL_ADDRESS]");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: it's dana zyx 92 no spaces at outlook dot com."),
            "Caller: it's [EMAIL_ADDRESS].");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: we met at walgreens.com yesterday"),
            "Caller: we met at walgreens.com yesterday");
  // A lower-case given name, then a surname that is also a word, ending
  // what was said.
  EXPECT_EQ(RedactTurn(rules_, "Agent: and your first and last name", "Patient: yes it's jessica walker"),
            "Patient: yes it's [PERSON]");
  EXPECT_EQ(RedactTurn(rules_, "Staff: what's the name on the account", "Caller: oh um paul baker sorry"),
            "Caller: oh um [PERSON] sorry");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: this is linda said so"), "Caller: this is [PERSON] said so");
  // An area code said alone when a number was asked for, the rest coming
  // later; never "nine one one", a dose, a time or a reading.
  EXPECT_EQ(RedactTurn(rules_, "Rep: What number should the pharmacy call?", "Member: Um, nine seven three,"),
            "Member: Um, [PHONE_NUMBER],");
  EXPECT_EQ(RedactTurn(rules_, "Rep: What number should the pharmacy call?", "Member: nine one one"),
            "Member: nine one one");
  EXPECT_EQ(RedactTurn(rules_, "Rep: What's a good callback number?", "Member: my sugar was two ten this morning"),
            "Member: my sugar was two ten this morning");
  // "Is there a number we can text?" asks for a phone.
  EXPECT_EQ(RedactTurn(rules_, "Operator: Is there a number we can text?", "Caller: Oh, um, 312, 555, 0153."),
            "Caller: Oh, um, [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: we had 312, 555, 1000 visitors"),
            "Caller: we had 312, 555, 1000 visitors");
  EXPECT_EQ(RedactTurn(rules_, "[doctor] is there a cell we can text", "[patient] seven two zero"),
            "[patient] [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "Speaker A: what's the best phone number to reach you", "Speaker B: it's two fourteen"),
            "Speaker B: it's [PHONE_NUMBER]");
  // "one-double one": number words joined by hyphens, "double" too.
  EXPECT_EQ(RedactTurn(rules_, "", "CALLER: okay card number four triple one-double one double "
                                   "one-double one double one-double one double one"),
            "CALLER: okay card number [CREDIT_CARD]");
  // A date said again after "no, sorry".
  EXPECT_EQ(RedactTurn(rules_, "Staff: Could I get your DOB, please?",
                       "Caller: I was born November eighth, no, sorry, November seventh, nineteen ninety five."),
            "Caller: I was born [DATE_OF_BIRTH].");
  // "missus"/"mister" said before a surname that is also a word; a greeting
  // and a yes before a name; "ms" in lower case is milliseconds.
  EXPECT_EQ(RedactTurn(rules_, "", "Staff: thank you missus young one moment"),
            "Staff: thank you missus [PERSON] one moment");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: hi yes barbara jackson calling about my bill"),
            "Caller: hi yes [PERSON] calling about my bill");
  EXPECT_EQ(RedactTurn(rules_, "", "request done in 659 ms caller=web"),
            "request done in 659 ms caller=web");
  // A caller's opening: the name, then the birth date, no cue.
  EXPECT_EQ(RedactTurn(rules_, "Agent: thanks for calling how can i help",
                       "Patient: hi yes nancy june tenth uh thirty nine i need to move my appointment"),
            "Patient: hi yes [PERSON] [DATE_OF_BIRTH] i need to move my appointment");
  EXPECT_EQ(RedactTurn(rules_, "Agent: thanks for calling how can i help",
                       "Caller: hello susan l clark nineteen sixty eight march the fifth i got a letter"),
            "Caller: hello [PERSON] [DATE_OF_BIRTH] i got a letter");
  EXPECT_EQ(RedactTurn(rules_, "", "Patient: we moved june tenth uh thirty nine i think"),
            "Patient: we moved june tenth uh thirty nine i think");
  // The article with the date; the year said first.
  EXPECT_EQ(RedactTurn(rules_, "", "Pt: So my date of birth is the 1st of July, 1962."),
            "Pt: So my date of birth is [DATE_OF_BIRTH].");
  EXPECT_EQ(RedactTurn(rules_, "Operator: could i get your dob please",
                       "Caller: sure i was born on nineteen seventy one december the ninth"),
            "Caller: sure i was born on [DATE_OF_BIRTH]");
}

std::string RedactTurn(const std::shared_ptr<const Ruleset>& rules, std::string_view previous,
                       std::string_view turn) {
  Scanner scanner(rules);
  std::vector<Span> spans;
  Status st = scanner.ScanTurn(previous, turn, &spans);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::string out;
  scanner.RenderSpans(turn, spans, &out);
  return out;
}

// Once a question is answered, the turns after the answer expect only a
// read-back of it: other numbers there are times, counts and vital signs.
TEST_F(ScannerTest, AnsweredQuestionsExpectOnlyReadBacks) {
  const std::string conv =
      "Doctor: And your social?\n"
      "Patient: social is seven three seven um 11 um 0545\n"
      "Doctor: the pharmacy closes at ten forty five today\n"
      "Doctor: so that is seven three seven, one one, oh five four five?\n";
  EXPECT_EQ(RedactConversation(rules_, conv),
            "Doctor: And your social?\n"
            "Patient: social is [US_SSN]\n"
            "Doctor: the pharmacy closes at ten forty five today\n"
            "Doctor: so that is [US_SSN]?\n");
  // The same, turn by turn (the CLI's transcript format).
  const std::string prev =
      "Agent: What is the billing zip code?\nCaller: Sure, 75137-4247.\n";
  EXPECT_EQ(RedactTurn(rules_, prev, "Agent: Try to get twelve thousand steps a day."),
            "Agent: Try to get twelve thousand steps a day.");
  EXPECT_EQ(RedactTurn(rules_, prev, "Agent: Okay, I have seven five one three seven?"),
            "Agent: Okay, I have [ZIP_CODE]?");
  // An answer's second sentence is no answer: "I had the surgery in 2016".
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: And your date of birth?\n"
                               "Caller: I was born five fifteen nineteen fifty four. I had the "
                               "surgery in 2016.\n"),
            "Agent: And your date of birth?\n"
            "Caller: I was born [DATE_OF_BIRTH]. I had the surgery in 2016.\n");
  // A timestamp is no answer: the value after it still is.
  EXPECT_EQ(RedactConversation(rules_,
                               "[00:00:37] assistant: First and last name and date of birth, "
                               "please.\n"
                               "[00:00:42] user: It's Yuki Petrov... five, oh nine, forty seven.\n"),
            "[00:00:37] assistant: First and last name and date of birth, please.\n"
            "[00:00:42] user: It's [PERSON]... [DATE_OF_BIRTH].\n");
}

TEST_F(ScannerTest, AskedAgainMeansANewAnswer) {
  // "Sorry, one more time?" after an answer: the next turn answers again.
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: What's the zip code?\n"
                               "Caller: it's two one, uh, four four, hold on\n"
                               "Agent: Sorry, one more time?\n"
                               "Caller: Yeah, it's nine seven three three seven.\n"),
            "Agent: What's the zip code?\n"
            "Caller: it's [ZIP_CODE], hold on\n"  // (the first digits of one, AddSplitValues)
            "Agent: Sorry, one more time?\n"
            "Caller: Yeah, it's [ZIP_CODE].\n");
}

TEST_F(ScannerTest, CitiesAndZipsAfterPauses) {
  // Speech-to-text writes pauses as ellipses between the parts of an address.
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: Is your mailing address still the same? What is it?\n"
                               "Patient: Four Main Loop... Amarillo... nine seventy three thirty "
                               "seven.\n"),
            "Agent: Is your mailing address still the same? What is it?\n"
            "Patient: [STREET_ADDRESS].. [LOCATION]... [ZIP_CODE].\n");
  EXPECT_EQ(RedactConversation(rules_,
                               "Doctor: where should the nurse go to\n"
                               "Patient: three five one zero west spruce street apt five c topeka "
                               "three sixty three seventeen\n"),
            "Doctor: where should the nurse go to\n"
            "Patient: [STREET_ADDRESS] [LOCATION] [ZIP_CODE]\n");
  // A city answered: later turns take only its read-back, and an everyday
  // word set off at the start of a turn is no city.
  EXPECT_EQ(RedactConversation(rules_,
                               "Speaker 1: Which city?\n"
                               "Speaker 2: That's in Portland. Did you get that?\n"
                               "Speaker 1: Let me read that back: Portland. I'll run the "
                               "eligibility check.\n"
                               "Speaker 1: Okay, and the card number?\n"),
            "Speaker 1: Which city?\n"
            "Speaker 2: That's in [LOCATION]. Did you get that?\n"
            "Speaker 1: Let me read that back: [LOCATION]. I'll run the eligibility check.\n"
            "Speaker 1: Okay, and the card number?\n");
  EXPECT_EQ(RedactConversation(rules_, "Speaker 0: Which city?\nSpeaker 1: Hang on. Mesa.\n"),
            "Speaker 0: Which city?\nSpeaker 1: Hang on. [LOCATION].\n");
  // Letters that spell an acronym are no spelled name.
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: could you spell your last name?\n"
                               "Caller: Did we go over your M R I results?\n"),
            "Agent: could you spell your last name?\n"
            "Caller: Did we go over your M R I results?\n");
  // "out of town" asks for no city.
  EXPECT_EQ(RedactConversation(rules_,
                               "Caller: I will be out of town next week.\n"
                               "Agent: Okay, what can I help you with today?\n"),
            "Caller: I will be out of town next week.\n"
            "Agent: Okay, what can I help you with today?\n");
}

TEST_F(ScannerTest, WrittenFormsOfExportsAndSummaries) {
  // SSNs with blanks around their dashes, under national/government id keys,
  // and the last four glued to their key.
  EXPECT_EQ(Redact(rules_, R"(row: ["219 - 09 - 9999","Dana Reyes"])"),
            R"(row: ["[US_SSN]","[PERSON]"])");
  EXPECT_EQ(Redact(rules_, "national_id: 219099999, govt_id=219-09-9999"),
            "national_id: [US_SSN], govt_id=[US_SSN]");
  EXPECT_EQ(Redact(rules_, "upsert &{Fname:Dana Ssn4:9999 LastName:Reyes}"),
            "upsert &{Fname:[PERSON] Ssn4:[US_SSN] LastName:[PERSON]}");
  EXPECT_EQ(Redact(rules_, "at 12:30 ok"), "at 12:30 ok");
  // "St." and "Ft." before a city name.
  EXPECT_EQ(Redact(rules_, "patient relocated to St. George, Utah"),
            "patient relocated to [LOCATION], Utah");
  // Call summaries: "<Name> from <City> called ...".
  EXPECT_EQ(Redact(rules_, "Renata from Ocala called to get lab results."),
            "[PERSON] from [LOCATION] called to get lab results.");
  EXPECT_EQ(Redact(rules_, "results from Lab Corp called in"), "results from Lab Corp called in");
  // A caller's name not in the gazetteer, and one spelled with accents that
  // folds to an English word ("María" -> "maria").
  EXPECT_EQ(Redact(rules_, "Ahiga from Mankato called to cancel."),
            "[PERSON] from [LOCATION] called to cancel.");
  EXPECT_EQ(Redact(rules_, "María from Provo called to cancel."),
            "[PERSON] from [LOCATION] called to cancel.");
  // Generational suffixes go with the name; SQL keys in backticks are cues.
  EXPECT_EQ(Redact(rules_, "display_name: Abdirahman Warsame III, login: x"),
            "display_name: [PERSON], login: x");
  EXPECT_EQ(Redact(rules_, "SELECT * FROM `patient` WHERE `last_name`='Aksoy' LIMIT 1"),
            "SELECT * FROM `patient` WHERE `last_name`='[PERSON]' LIMIT 1");
  // Bound SQL parameters, form-encoded queries, API routes.
  EXPECT_EQ(Redact(rules_, "DETAIL:  parameters: $1 = 'Chiara', $2 = 'Kovalenko'"),
            "DETAIL:  parameters: $1 = '[PERSON]', $2 = '[PERSON]'");
  EXPECT_EQ(Redact(rules_, "binding parameter [3] as [VARCHAR] - [Chen]"),
            "binding parameter [3] as [VARCHAR] - [[PERSON]]");
  EXPECT_EQ(Redact(rules_, "\"GET /search?q=Emre+Demir HTTP/2\" 409"),
            "\"GET /search?q=[PERSON] HTTP/2\" 409");
  EXPECT_EQ(Redact(rules_, "c++ and a+b=c, x=a+b"), "c++ and a+b=c, x=a+b");
  EXPECT_EQ(Redact(rules_, "GET /api/v2/patients/5744693381/allergies 400"),
            "GET /api/v2/patients/[MRN]/allergies 400");
}

TEST_F(ScannerTest, SpeechSplitsNamesAndAddresses) {
  // A lower-case name greeted at the start of a turn; an e-mail address whose
  // local part the recogniser split at a blank.
  EXPECT_EQ(RedactConversation(rules_, "[doctor] kelechi hi have a seat\n"),
            "[doctor] [PERSON] hi have a seat\n");
  EXPECT_EQ(RedactConversation(rules_, "Doctor: well hi there\n"), "Doctor: well hi there\n");
  EXPECT_EQ(RedactConversation(rules_, "[patient] my name is kelechi t adeleke\n"),
            "[patient] my name is [PERSON]\n");
  EXPECT_EQ(Redact(rules_, "Rep: Great, Chiamaka, I see you here."),
            "Rep: Great, [PERSON], I see you here.");
  EXPECT_EQ(Redact(rules_, "user: Hi Fang, how are you?"), "user: Hi [PERSON], how are you?");
  EXPECT_EQ(Redact(rules_, "Hello World."), "Hello World.");
  EXPECT_EQ(Redact(rules_, "The account is under Oyelaran, Emeka, that is my name."),
            "The account is under [PERSON], that is my name.");
  EXPECT_EQ(Redact(rules_, "Patient: My insurance ID is ZGP 358699484."),
            "Patient: My insurance ID is [HEALTH_PLAN_ID].");
  // A short date after the caller's own name is their date of birth; one
  // without a person on its line is not.
  EXPECT_EQ(RedactConversation(rules_, "User: Yeah hi. Beatriz Villanueva. Oh one... ten... "
                                       "seventy nine. Calling about my refill.\n"),
            "User: Yeah hi. [PERSON]. [DATE_OF_BIRTH]. Calling about my refill.\n");
  EXPECT_EQ(Redact(rules_, "Dana Reyes via Apache-HttpClient/4.5.14 (Java/17.0.9)"),
            "[PERSON] via Apache-HttpClient/4.5.14 (Java/17.0.9)");
  EXPECT_EQ(Redact(rules_, "Agent: Great, Thursday, then."), "Agent: Great, Thursday, then.");
  EXPECT_EQ(Redact(rules_, "Speaker 0: Okay Elif, I found your chart."),
            "Speaker 0: Okay [PERSON], I found your chart.");
  EXPECT_EQ(Redact(rules_, "Okay Support, thanks"), "Okay Support, thanks");
  EXPECT_EQ(Redact(rules_, "User: Yes, fatima habib@msn.com."), "User: Yes, [EMAIL_ADDRESS].");
  EXPECT_EQ(Redact(rules_, "okay r nair@sbcglobal.net"), "okay [EMAIL_ADDRESS]");
  EXPECT_EQ(Redact(rules_, "contact habib@msn.com now"), "contact [EMAIL_ADDRESS] now");
}

TEST_F(ScannerTest, NamesInProse) {
  // Lists of people with a known name among them; unknown names before what
  // only people do; the speaker after a quote; "calls me", "was called".
  EXPECT_EQ(Redact(rules_, "founded by our 3 founders: Gerste, Johnson and Okafor."),
            "founded by our 3 founders: [PERSON], [PERSON] and [PERSON].");
  EXPECT_EQ(Redact(rules_, "Barrett and Jones were precision engineers."),
            "[PERSON] and [PERSON] were precision engineers.");
  EXPECT_EQ(Redact(rules_, "Valida spent a year at the clinic"), "[PERSON] spent a year at the clinic");
  EXPECT_EQ(Redact(rules_, "\"We are moving in that direction,\" says Gerste."),
            "\"We are moving in that direction,\" says [PERSON].");
  EXPECT_EQ(Redact(rules_, "everyone calls me Aantje"), "everyone calls me [PERSON]");
  EXPECT_EQ(Redact(rules_, "my grandfather was called Yulan Peres, and"),
            "my grandfather was called [PERSON], and");
  // "Dr." before an everyday word where it cannot end a street name.
  EXPECT_EQ(Redact(rules_, "For my take on Dr. Wells, see the notes"),
            "For my take on Dr. [PERSON], see the notes");
  EXPECT_EQ(Redact(rules_, "1200 Oak Dr. Wells Fargo ATM").find("Dr. [PERSON]"), std::string::npos);
  // Payers, products and log words stay.
  EXPECT_EQ(Redact(rules_, "Kaiser and Aetna denied the claim"), "Kaiser and Aetna denied the claim");
  EXPECT_EQ(Redact(rules_, "Connection spent 20 ms in queue"), "Connection spent 20 ms in queue");
  EXPECT_EQ(Redact(rules_, "Postgres, Redis and Kafka were restarted"),
            "Postgres, Redis and Kafka were restarted");
}

TEST_F(ScannerTest, NamesInRecordsPathsAndPossessives) {
  // A possessive ends a name; the capitalised words after it are a title.
  EXPECT_EQ(Redact(rules_, "the verses from Oksana T. Derevyankova's Winter Songs."),
            "the verses from [PERSON] Winter Songs.");
  EXPECT_EQ(Redact(rules_, "call Prairie Women's Health today"),
            "call Prairie Women's Health today");
  // "Last,First" in a path after a collection of people, percent-escaped
  // letters included; other segments stay.
  EXPECT_EQ(Redact(rules_, "PUT /patients/Okonjo,Adaeze/documents 200"),
            "PUT /patients/[PERSON],[PERSON]/documents 200");
  EXPECT_EQ(Redact(rules_, "GET /patients/Nowicka,Zbigniew/chart 200"),
            "GET /patients/[PERSON],[PERSON]/chart 200");
  EXPECT_EQ(Redact(rules_, "GET /members/Gr%C3%A9goire,Am%C3%A9lie/cards 404"),
            "GET /members/[PERSON],[PERSON]/cards 404");
  EXPECT_EQ(Redact(rules_, "GET /reports/daily,weekly/summary 200"),
            "GET /reports/daily,weekly/summary 200");
  EXPECT_EQ(Redact(rules_, "GET /patients/search,export 200"), "GET /patients/search,export 200");
  // Two fields of a delimited record that are both names.
  EXPECT_EQ(Redact(rules_, "export row: OKAFOR,NGOZI,M"),
            "export row: [PERSON],M");
  EXPECT_EQ(Redact(rules_, "export: Haruto\tYamada\t2026-01-04"),
            "export: [PERSON]\t[PERSON]\t2026-01-04");
  EXPECT_EQ(Redact(rules_, "values=Esperanza|Villalobos|ok"), "values=[PERSON]|[PERSON]|ok");
  EXPECT_EQ(Redact(rules_, "cols=Grant,Will,Hope"), "cols=Grant,Will,Hope");
  EXPECT_EQ(Redact(rules_, "status=Pending,Active|Closed"), "status=Pending,Active|Closed");
  // "Last, First" without a cue when one of the two is a known name of its
  // kind and both are written alike.
  EXPECT_EQ(Redact(rules_, "matched Nakamura, Keiko (chart 7)"), "matched [PERSON] (chart 7)");
  EXPECT_EQ(Redact(rules_, "posted for OKONJO, ADAEZE acct 12"), "posted for [PERSON] acct 12");
  EXPECT_EQ(Redact(rules_, "Lakeview Endocrinology, Marisol speaking."),
            "Lakeview Endocrinology, [PERSON] speaking.");
  EXPECT_EQ(Redact(rules_, "Sorry, Maybe later"), "Sorry, Maybe later");
  // A known given name right before a past full date: a person and a birth
  // date ("Body=Jericho+14-Dec-2014+need+refill"); never a word, a future date.
  EXPECT_EQ(Redact(rules_, "Kerem 1996-03-06 need refill"), "[PERSON] [DATE_OF_BIRTH] need refill");
  EXPECT_EQ(Redact(rules_, "Release 2019-05-01 notes; Dana 2099-01-01 due"),
            "Release 2019-05-01 notes; Dana 2099-01-01 due");
  // A surname after particles ("Van Dyke", "Ní Bhriain") before the comma.
  EXPECT_EQ(Redact(rules_, "Duplicate patient: Van Dyke, Beverly DOB 2019-01-26"),
            "Duplicate patient: [PERSON] DOB [DATE_OF_BIRTH]");
  EXPECT_EQ(Redact(rules_, "med reconciliation: Ní Bhriain, Inés reports taking Lipitor"),
            "med reconciliation: [PERSON] reports taking Lipitor");
}

TEST_F(ScannerTest, NamesAloneInProseListsAndLines) {
  // A known surname alone between lower-case words; a word cut off in speech
  // is none.
  EXPECT_EQ(Redact(rules_, "Unlike the Castellanos novel, it is short."),
            "Unlike the [PERSON] novel, it is short.");
  EXPECT_EQ(Redact(rules_, "It may be that Kowalczyk was influenced by it."),
            "It may be that [PERSON] was influenced by it.");
  EXPECT_EQ(Redact(rules_, "I am allergic to what you call Cipro- no, the other one"),
            "I am allergic to what you call Cipro- no, the other one");
  // Lists: members that are also words when one is no everyday word; two
  // people and what they were; an acknowledgement is no member.
  EXPECT_EQ(Redact(rules_, "our founders: Okafor, Graves and Reed."),
            "our founders: [PERSON], [PERSON] and [PERSON].");
  EXPECT_EQ(Redact(rules_, "Ivanchuk and Bowers were precision engineers."),
            "[PERSON] and [PERSON] were precision engineers.");
  EXPECT_EQ(Redact(rules_, "Grant and Hope were there."), "Grant and Hope were there.");
  EXPECT_EQ(Redact(rules_, "Great, Venkat, I see you here."), "Great, [PERSON], I see you here.");
  // A line that is only a name; a first name no list has before a known
  // surname.
  EXPECT_EQ(Redact(rules_, "Zbyszko Kowalczyk"), "[PERSON]");
  EXPECT_EQ(Redact(rules_, "Service Restarted"), "Service Restarted");
  EXPECT_EQ(Redact(rules_, "Have you been to a Zbyszko Einarsson concert?"),
            "Have you been to a [PERSON] concert?");
  // The answer after a question for a name on the same line.
  EXPECT_EQ(Redact(rules_, "What's your last name? Thorvaldsdottir"),
            "What's your last name? [PERSON]");
  EXPECT_EQ(Redact(rules_, "What's the patient's name? The account is under Dana Reyes."),
            "What's the patient's name? The account is under [PERSON].");
  // Addressed before a request; interjections and "Ma'am" are not.
  EXPECT_EQ(Redact(rules_, "Tamsinne, can I please speak to your manager?"),
            "[PERSON], can I please speak to your manager?");
  EXPECT_EQ(Redact(rules_, "Ohh, can you hear me?"), "Ohh, can you hear me?");
  EXPECT_EQ(Redact(rules_, "Ma'am, can you tell me more?"), "Ma'am, can you tell me more?");
  EXPECT_EQ(Redact(rules_, "Lakeview Cardiology, how can I help?"),
            "Lakeview Cardiology, how can I help?");
  // Accented letters make a name of a month's abbreviation ("Ján"), never
  // the abbreviation itself.
  EXPECT_EQ(Redact(rules_, "My name is Ján Novák"), "My name is [PERSON]");
  EXPECT_EQ(Redact(rules_, "seen Jan 12 by the nurse"), "seen Jan 12 by the nurse");
}

TEST_F(ScannerTest, NamesUnderKeysPairsAndLowerCaseSpeech) {
  // The name/value pair: the key's cue ends before the word "value".
  EXPECT_EQ(Redact(rules_, "msg=ok field=forename value=Folasade reason=format"),
            "msg=ok field=forename value=[PERSON] reason=format");
  EXPECT_EQ(Redact(rules_, "msg=ok field=status value=Pending reason=format"),
            "msg=ok field=status value=Pending reason=format");
  // Keys that name a name only as keys, and the first word of a query.
  EXPECT_EQ(Redact(rules_, "GET /fhir/Patient?family=Kobayashi&given=Naoko&_count=5"),
            "GET /fhir/Patient?family=[PERSON]&given=[PERSON]&_count=5");
  EXPECT_EQ(Redact(rules_, "first=Meseret surname=Alemu"), "first=[PERSON] surname=[PERSON]");
  EXPECT_EQ(Redact(rules_, "display: Blood Pressure"), "display: Blood Pressure");
  EXPECT_EQ(Redact(rules_, "family history: none"), "family history: none");
  EXPECT_EQ(Redact(rules_, "q: Okonkwo"), "q: [PERSON]");
  // What a patient does after a name; a name alone in parentheses after an
  // id, never a drug.
  EXPECT_EQ(Redact(rules_, "waiting room: Oluwaseun admitted by the nurse"),
            "waiting room: [PERSON] admitted by the nurse");
  EXPECT_EQ(Redact(rules_, "viewed chart 77312 (Ngozi) reason=treatment"),
            "viewed chart 77312 ([PERSON]) reason=treatment");
  EXPECT_EQ(Redact(rules_, "dose 5 mg (Tylenol) given"), "dose 5 mg (Tylenol) given");
  // Lower-case speech after a cue: a known name beside a word no list has,
  // when the two end the phrase.
  EXPECT_EQ(Redact(rules_, "hi this is bartosz wojciechowska, I need to reschedule"),
            "hi this is [PERSON], I need to reschedule");
  EXPECT_EQ(Redact(rules_, "Patient wenjing lin (DOB unknown) wants to book"),
            "Patient [PERSON] (DOB unknown) wants to book");
  EXPECT_EQ(Redact(rules_, "referral to cardiology dr lawson npi one nine two"),
            "referral to cardiology dr [PERSON] npi one nine two");
}

TEST_F(ScannerTest, NameKeysMonthNamesAndCapitals) {
  // A label that is the key "name" alone keeps its cue; "thread name" or
  // "clinic name" name other things, and a role label ("Patient:") starts
  // speech.
  EXPECT_EQ(Redact(rules_, "name: mirela"), "name: [PERSON]");
  EXPECT_EQ(Redact(rules_, "thread name: http-nio-8080-exec-4"),
            "thread name: http-nio-8080-exec-4");
  EXPECT_EQ(Redact(rules_, "clinic name: Fairview Endocrinology"),
            "clinic name: Fairview Endocrinology");
  EXPECT_EQ(Redact(rules_, "Patient: So I was"), "Patient: So I was");
  // Given names that are also months, beside a known surname; the month
  // before a number stays.
  EXPECT_EQ(Redact(rules_, "Jun Okafor requested a callback"), "[PERSON] requested a callback");
  EXPECT_EQ(Redact(rules_, "Duplicate patient: Nakamura, June DOB unknown"),
            "Duplicate patient: [PERSON] DOB unknown");
  EXPECT_EQ(Redact(rules_, "seen Jun 18 by the nurse"), "seen Jun 18 by the nurse");
  EXPECT_EQ(Redact(rules_, "April 2024 report"), "April 2024 report");
  // A name in capitals at the start, before what a patient does; in
  // parentheses after an id.
  EXPECT_EQ(Redact(rules_, "summarizer: OLUWASEUN has had no dizziness"),
            "summarizer: [PERSON] has had no dizziness");
  EXPECT_EQ(Redact(rules_, "viewed chart 77312 (NGOZI) reason=treatment"),
            "viewed chart 77312 ([PERSON]) reason=treatment");
  EXPECT_EQ(Redact(rules_, "summarizer: PATIENT has had no dizziness"),
            "summarizer: PATIENT has had no dizziness");
}

TEST_F(ScannerTest, SpeakerLabelsAskForNothing) {
  // "Caller:" and "Member:" are roles, not questions for a name: the next
  // turn's contraction stays.
  EXPECT_EQ(RedactConversation(rules_, "Caller: ok.\nAgent: I've applied it.\n"),
            "Caller: ok.\nAgent: I've applied it.\n");
  EXPECT_EQ(RedactConversation(rules_, "Member: yes.\nAgent: Perfect, I'll check.\n"),
            "Member: yes.\nAgent: Perfect, I'll check.\n");
  // A real question for a name still counts.
  EXPECT_EQ(RedactConversation(rules_, "Agent: What is your name?\nCaller: Oliveira Jonas\n"),
            "Agent: What is your name?\nCaller: [PERSON]\n");
}

TEST_F(ScannerTest, AddressedAndIntroducedNames) {
  EXPECT_EQ(Redact(rules_, "Kelechi, hi, have a seat."), "[PERSON], hi, have a seat.");
  EXPECT_EQ(Redact(rules_, "Bluewater Family Practice, Pooja speaking."),
            "Bluewater Family Practice, [PERSON] speaking.");
  EXPECT_EQ(Redact(rules_, "Hi Yuting, how are you?"), "Hi [PERSON], how are you?");
  EXPECT_EQ(Redact(rules_, "my name is Fang."), "my name is [PERSON].");
  // Everyday words in the same places stay.
  EXPECT_EQ(Redact(rules_, "Okay, hi, have a seat."), "Okay, hi, have a seat.");
  EXPECT_EQ(Redact(rules_, "Billing, Support speaking."), "Billing, Support speaking.");
  EXPECT_EQ(Redact(rules_, "Hi there, how are you?"), "Hi there, how are you?");
}

TEST_F(ScannerTest, ComparedDatesAndDatesSaidWithTheArticle) {
  // Both values of a comparison are what the cue names.
  EXPECT_EQ(Redact(rules_, "birthdate mismatch (expected 7 Feb 1969, got 19771021)"),
            "birthdate mismatch (expected [DATE_OF_BIRTH], got [DATE_OF_BIRTH])");
  // Without a comparison word the nearest value still takes the cue.
  EXPECT_EQ(Redact(rules_, "DOB 03/14/1961, seen 2026-03-15"), "DOB [DATE_OF_BIRTH], seen 2026-03-15");
  // Day-month-year with dashes is redacted whole, never its year alone.
  EXPECT_EQ(Redact(rules_, "DOB 28-Nov-1947"), "DOB [DATE_OF_BIRTH]");
  // "the eighteenth of november ...": the article goes with the date.
  EXPECT_EQ(RedactConversation(rules_,
                               "AI: What's the birthday?\n"
                               "User: the eighteenth of november nineteen fifty seven\n"),
            "AI: What's the birthday?\nUser: [DATE_OF_BIRTH]\n");
  // Thunderbird-style dotted log dates are no birth dates.
  EXPECT_EQ(Redact(rules_, "- 1131566795 2005.11.09 tbird-admin1 Nov 9 12:06:35 local"),
            "- 1131566795 2005.11.09 tbird-admin1 Nov 9 12:06:35 local");
}

TEST_F(ScannerTest, QuestionsInsideOneLineAndParagraphBreaks) {
  // A transcript flattened into one line: the question expects the
  // sentences after it.
  EXPECT_EQ(RedactConversation(rules_,
                               "Doctor: What's the best number to reach you? / Patient: Um, "
                               "seven eight one point triple five oh one eight seven. / Doctor: "
                               "Thanks.\n"),
            "Doctor: What's the best number to reach you? / Patient: Um, [PHONE_NUMBER]. / "
            "Doctor: Thanks.\n");
  // Paragraph breaks between speakers do not end the conversation.
  EXPECT_EQ(RedactConversation(rules_,
                               "Speaker 0: Where can the nurse reach you this afternoon?\n\n"
                               "Speaker 1: Yep, four oh five uh five five five uh oh one nine six.\n"),
            "Speaker 0: Where can the nurse reach you this afternoon?\n\n"
            "Speaker 1: Yep, [PHONE_NUMBER].\n");
  // Without a question the same digits said in passing stay.
  EXPECT_EQ(RedactConversation(rules_, "Speaker 1: I walked four thousand steps. / Speaker 0: Great.\n"),
            "Speaker 1: I walked four thousand steps. / Speaker 0: Great.\n");
}

TEST_F(ScannerTest, AddressAfterACueEndsWhereTheAddressDoes) {
  // (Tomomi is a name no list knows; "lives" says it is a person.)
  EXPECT_EQ(Redact(rules_, "Tomomi lives at 86036 Rua do Arenque 1634, Goiania"),
            "[PERSON] lives at [STREET_ADDRESS]");
  // The next value keeps its own label.
  EXPECT_EQ(Redact(rules_, "Okay, so send it to 93380 Meadow Rd, and my Medicare number is "
                           "3MH3-PM6-TM21, correct?"),
            "Okay, so send it to [STREET_ADDRESS], and my Medicare number is [US_MBI], correct?");
  EXPECT_EQ(Redact(rules_, "lives at 12828 NE Walnut Ln Spc 23, Springfield, IL 62746 Patient: "
                           "Dmitri Brennan build v11.1.0.193"),
            "lives at [STREET_ADDRESS] Patient: [PERSON] build v11.1.0.193");
  // Memory addresses and sentences are no addresses.
  EXPECT_EQ(Redact(rules_, "Faulting address: 0x7ffd5a2c1000 ip 00007f"),
            "Faulting address: 0x7ffd5a2c1000 ip 00007f");
  EXPECT_EQ(Redact(rules_, "address: pending since 2019"), "address: pending since 2019");
}

TEST_F(ScannerTest, NumbersSaidInGroupsAreWhatWasAskedFor) {
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: What's the zip code?\nUser: it's three eighteen eighty eight\n"
                               "Agent: And your date of birth?\nUser: three eighteen eighty eight\n"),
            "Agent: What's the zip code?\nUser: it's [ZIP_CODE]\n"
            "Agent: And your date of birth?\nUser: [DATE_OF_BIRTH]\n");
  // Nobody asked: a count said in groups stays.
  EXPECT_EQ(RedactConversation(rules_, "User: we had three eighteen eighty eight of them\n"),
            "User: we had three eighteen eighty eight of them\n");
}

TEST_F(ScannerTest, TownsNamedLikeWordsNeedToBeSaidAsPlaces) {
  // After "what city?", Early TX, Hundred WV and Ninety Six SC are no
  // answer when the words are a shift, a weight or a reading.
  EXPECT_EQ(RedactConversation(rules_,
                               "Nurse: What city do you live in?\n"
                               "Patient: The city's Sioux Falls. I work the early shift.\n"
                               "Nurse: And the city?\n"
                               "Patient: I weigh about two hundred pounds. Oxygen is ninety six percent.\n"),
            "Nurse: What city do you live in?\n"
            "Patient: The city's [LOCATION]. I work the early shift.\n"
            "Nurse: And the city?\n"
            "Patient: I weigh about two hundred pounds. Oxygen is ninety six percent.\n");
}

TEST_F(ScannerTest, SpeakersVocativesAndListsOfGivenNames) {
  EXPECT_EQ(Redact(rules_, "Nicole: Remember me, Mary? When I called"),
            "[PERSON]: Remember me, [PERSON]? When I called");
  EXPECT_EQ(Redact(rules_, "Leif, can I please speak to your boss"),
            "[PERSON], can I please speak to your boss");
  std::string list = Redact(rules_, "They had four: Hannah, Anthony, Derek and Andrew.");
  for (const char* n : {"Hannah", "Anthony", "Derek", "Andrew"}) {
    EXPECT_EQ(list.find(n), std::string::npos) << n << " in " << list;
  }
  // Roles, everyday words, weekdays and drugs stay.
  EXPECT_EQ(Redact(rules_, "Agent: hello"), "Agent: hello");
  EXPECT_EQ(Redact(rules_, "Will: hi there"), "Will: hi there");
  EXPECT_EQ(Redact(rules_, "I saw it, Grant."), "I saw it, Grant.");
  EXPECT_EQ(Redact(rules_, "Monday, Tuesday and Friday"), "Monday, Tuesday and Friday");
  EXPECT_EQ(Redact(rules_, "Eliquis, Lantus and Ozempic"), "Eliquis, Lantus and Ozempic");
}


TEST_F(ScannerTest, PhoneNumbersRestartedSplitAndCorrected) {
  // A false start with no word of correction goes with the number.
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: my cell is three one, one, three one two five five five zero one eight six."),
            "Caller: my cell is [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: you can call me at nine o, nine o seven uh five five five uh o one five one"),
            "Caller: you can call me at [PHONE_NUMBER]");
  // ... never thirteen digits that are no number said twice.
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: the tracking is nine o nine o seven five five five o one five one"),
            "Caller: the tracking is nine o nine o seven five five five o one five one");
  // A digit or two, then the rest after the other speaker's "mm-hmm", in
  // a stream of turns (each scanned with the turns before it) and in a
  // conversation scanned whole.
  EXPECT_EQ(RedactTurn(rules_, "Agent: is there a cell we can text", "Caller: yes two"),
            "Caller: yes [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: is there a cell we can text\nCaller: yes two\nAgent: mm-hmm",
                       "Caller: one two five five five o one o four"),
            "Caller: [PHONE_NUMBER]");
  EXPECT_EQ(RedactConversation(rules_, "[00:02:19] [doctor] is there a cell we can text\n"
                                       "[00:02:21] [patient] yes two\n"
                                       "[00:02:35] [doctor] mm-hmm\n"
                                       "[00:02:49] [patient] one two five five five o one o four"),
            "[00:02:19] [doctor] is there a cell we can text\n"
            "[00:02:21] [patient] yes [PHONE_NUMBER]\n"
            "[00:02:35] [doctor] mm-hmm\n"
            "[00:02:49] [patient] [PHONE_NUMBER]");
  // (Not a first digit when the words around say what else it is; not a
  // rest that makes no number with it.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: which phone should we use", "Caller: the first one"),
            "Caller: the first one");
  EXPECT_EQ(RedactTurn(rules_, "Agent: is there a cell we can text\nCaller: yes two\nAgent: mm-hmm",
                       "Caller: one one five five five o one o four"),
            "Caller: one one five five five o one o four");
  // An area code after a stamp.
  EXPECT_EQ(RedactTurn(rules_, "[00:01:19] Speaker A: what's the best phone number to reach you",
                       "[00:01:31] Speaker B: it's two fourteen"),
            "[00:01:31] Speaker B: it's [PHONE_NUMBER]");
  // The end of the answer said again after a wrong read-back, whatever was
  // asked; the wrong read-back too.
  EXPECT_EQ(RedactTurn(rules_, "Rep: can i get a good number for you\nCaller: yes eight sixty 555-0110\n"
                               "Rep: i have eight six zero five five five zero one zero one",
                       "Caller: no zero double one zero"),
            "Caller: no [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: Zip code?\nSpeaker 1: Yeah, eight, seventy one ninety.",
                       "Speaker 0: I have eight seven one oh nine?"),
            "Speaker 0: I have [ZIP_CODE]?");
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: Zip code?\nSpeaker 1: Yeah, eight, seventy one ninety.\n"
                               "Speaker 0: I have eight seven one oh nine?",
                       "Speaker 1: No, sorry, the end is seven-one-nine-o."),
            "Speaker 1: No, sorry, the end is [ZIP_CODE].");
  // (Other numbers in that turn stay.)
  EXPECT_EQ(RedactTurn(rules_, "Rep: can i get a good number for you\nCaller: yes eight sixty 555-0110\n"
                               "Rep: i have eight six zero five five five zero one zero one",
                       "Caller: yes and i take two tablets at ten"),
            "Caller: yes and i take two tablets at ten");
}


TEST_F(ScannerTest, BirthDatesHalfSaidOfferedAndRestarted) {
  // The month and day answering the question, the year in a later turn.
  EXPECT_EQ(RedactTurn(rules_, "Radiology: And what's your date of birth?", "Patient: November first..."),
            "Patient: [DATE_OF_BIRTH]...");
  // ... never an appointment offered after the birth date was given.
  EXPECT_EQ(RedactTurn(rules_, "Agent: Could you give me the date of birth on file?",
                       "Caller: 1983-06-27, I think. I can do on September twenty second, maybe."),
            "Caller: [DATE_OF_BIRTH], I think. I can do on September twenty second, maybe.");
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: your appointment is on june thirteenth at ten"),
            "Agent: your appointment is on june thirteenth at ten");
  // Offered to be found by, no question asked.
  EXPECT_EQ(RedactTurn(rules_, "", "Patient: and uh seven four thirty six if that helps you find me"),
            "Patient: and uh [DATE_OF_BIRTH] if that helps you find me");
  EXPECT_EQ(RedactTurn(rules_, "", "Member: oh may tenth forty four if you need it"),
            "Member: oh [DATE_OF_BIRTH] if you need it");
  // "let me start over": the first try goes with the value, one digit of it too.
  EXPECT_EQ(RedactTurn(rules_, "Bot: And the zip?", "Caller: yeah it's one let me start over ten zero zero eight"),
            "Caller: yeah it's [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "", "Patient: Uh, two nineteen - let me start over, oh two eighteen forty nine, is my birthday."),
            "Patient: Uh, [DATE_OF_BIRTH], is my birthday.");
  // (A single number before a plain "no" is no first try: "one, no, ten zero zero eight".)
  EXPECT_EQ(RedactTurn(rules_, "Bot: And the zip?", "Caller: one no ten zero zero eight"),
            "Caller: one no [ZIP_CODE]");
  // A "year" before 1900 after a month is a day and a year.
  EXPECT_EQ(RedactTurn(rules_, "", "user: Birthday is July eighteen forty eight."),
            "user: Birthday is [DATE_OF_BIRTH].");
  // Digits said in Spanish through an interpreter.
  EXPECT_EQ(RedactTurn(rules_, "RN: what zip code are you in\nInterpreter: y su código postal",
                       "Patient: dos nueve seis cuatro cero"),
            "Patient: [ZIP_CODE]");
}


TEST_F(ScannerTest, CardsMbisAndSsnsSaidOverTwoTurnsAndShortReadBacks) {
  // The first part answering the question is the value asked for; the rest,
  // in the speaker's next turn, completes a valid card / MBI.
  EXPECT_EQ(RedactTurn(rules_, "Billing: What's the card number?", "Caller: Yeah, three five three oh, uh, double one two oh."),
            "Caller: Yeah, [CREDIT_CARD].");
  EXPECT_EQ(RedactTurn(rules_, "Billing: What's the card number?\nCaller: Yeah, three five three oh, uh, double one two oh.\n"
                               "Billing: Got it, and the rest?",
                       "Caller: Four five two six um five two one eight."),
            "Caller: [CREDIT_CARD].");
  EXPECT_EQ(RedactConversation(rules_, "AI: Can you read me your Medicare number?\n"
                                       "User: it's four quebec four one\nAI: Mm-hmm.\nUser: w double two h k eight six"),
            "AI: Can you read me your Medicare number?\n"
            "User: it's [US_MBI]\nAI: Mm-hmm.\nUser: [US_MBI]");
  // Three chunks after a preamble, an "oh" among the letters a zero (no MBI
  // has the letter O).
  const std::string mbi = RedactConversation(
      rules_, "bot: What's the Medicare ID on the card?\n"
              "Niece: okay hang on i've got it it's three n oh one\nbot: Okay.\n"
              "Niece: j c oh\nbot: Mm-hmm.\nNiece: d h five five");
  EXPECT_EQ(mbi.find("three n oh"), std::string::npos) << mbi;
  EXPECT_EQ(mbi.find("j c oh"), std::string::npos) << mbi;
  EXPECT_EQ(mbi.find("d h five"), std::string::npos) << mbi;
  // (No part of a card unasked.)
  EXPECT_EQ(RedactTurn(rules_, "Billing: How many refills are left?", "Caller: Yeah, three five three oh."),
            "Caller: Yeah, three five three oh.");
  // A short answer read back whole, or with a digit misheard.
  EXPECT_EQ(RedactTurn(rules_, "Agent: which card would you like to use\nCaller: It's the one that ends in six six two seven.",
                       "Agent: Six six two seven, correct?"),
            "Agent: [CREDIT_CARD], correct?");
  EXPECT_EQ(RedactTurn(rules_, "Agent: and the last four digits of your social\nCaller: okay four four four four",
                       "Agent: just to confirm forty four forty five"),
            "Agent: just to confirm [US_SSN]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: How many tablets a month?\nCaller: two two two two",
                       "Agent: two two two two, correct?"),
            "Agent: two two two two, correct?");
  // A cue after a value in its own turn asks for nothing new: the read-back
  // in the next turn still reads back that value.
  EXPECT_EQ(RedactTurn(rules_, "Speaker 1: And the member ID?\nSpeaker 2: It's J Q S W... six six seven one three two "
                               "seven three, that's the ID on the card. My fever was a hundred and one last night.",
                       "Speaker 1: Great, juliet quebec sierra whiskey, sixty six seventy one, thirty two seventy three. Thank you."),
            "Speaker 1: Great, [HEALTH_PLAN_ID]. Thank you.");
}


TEST_F(ScannerTest, ValuesSaidInThreePartsAndDigitsHeardAsWords) {
  // Each part in its own turn, the other speaker acknowledging: streamed
  // turn by turn (five turns of context) and scanned whole.
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's a good number for you?", "Caller: Uh, 662."),
            "Caller: Uh, [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's a good number for you?\nCaller: Uh, 662.\nAgent: Got it, and then?",
                       "Caller: Uh, double five five."),
            "Caller: Uh, [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's a good number for you?\nCaller: Uh, 662.\nAgent: Got it, and then?\n"
                               "Caller: Uh, double five five.\nAgent: Uh huh.",
                       "Caller: Oh one three eight."),
            "Caller: [PHONE_NUMBER].");
  EXPECT_EQ(RedactConversation(rules_, "Speaker 0: Can you read me the Medicare number? Five C zero zero... Go ahead. "
                                       "M seven four. Uh huh. And N U six eight. Can I get an email?"),
            "Speaker 0: Can you read me the Medicare number? [US_MBI]... Go ahead. "
            "[US_MBI]. Uh huh. And [US_MBI]. Can I get an email?");
  // (Parts of nothing asked for stay; a card's security code is no part of
  // its number.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: How many refills are left?\nCaller: Uh, 662.\nAgent: Got it, and then?",
                       "Caller: Uh, double five five."),
            "Caller: Uh, double five five.");
  EXPECT_EQ(RedactTurn(rules_, "Rep: And the expiration date and the three digit code on the back?",
                       "Member: It expires ten twenty seven. Code is seven seven one."),
            "Member: It expires ten twenty seven. Code is seven seven one.");
  // "to", "for", "ate" written for digits inside a number said in words...
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: okay seven three to uh five fifty five uh oh one fourteen right"),
            "Agent: okay [PHONE_NUMBER] right");
  EXPECT_EQ(RedactTurn(rules_, "Agent: And a good phone number?", "User: let me see six two six double five five o one two ate"),
            "User: let me see [PHONE_NUMBER]");
  // ... and in a ZIP code said digit by digit; "won" in any run of four.
  EXPECT_EQ(RedactTurn(rules_, "Rep: What's your ZIP?", "Member: sure, seven eight seven for nine"),
            "Member: sure, [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "Rep: And the zip code there?", "Member: three seven to seven eight"),
            "Member: [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "Rep: Can I get the full nine digits of your social?",
                       "Member: uh won seven four, seven oh, seven one nine six yeah"),
            "Member: uh [US_SSN] yeah");
  // ... never as words before or after one, nor between tens or pairs.
  EXPECT_EQ(RedactTurn(rules_, "Rep: What's your ZIP?", "Member: I won two tickets"),
            "Member: I won two tickets");
  EXPECT_EQ(RedactTurn(rules_, "Rep: What's your ZIP?", "Member: it went from ninety to ninety five"),
            "Member: it went from ninety to ninety five");
  EXPECT_EQ(RedactTurn(rules_, "Doctor: What's your current address?", "Patient: Mail it to twenty three nine thirty five"),
            "Patient: Mail it to twenty three nine thirty five");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: take one to two tablets for five days"),
            "Caller: take one to two tablets for five days");
  // "NPI on the order": the order is the NPI's.
  EXPECT_EQ(RedactTurn(rules_, "Bot: What's the NPI on the order?", "Caller: NPI on the order is 1234567893."),
            "Caller: NPI on the order is [US_NPI].");
}


TEST_F(ScannerTest, IdsInPartsStuttersAndSentencesThatEndLikeStreets) {
  // An MRN, member id, ZIP or NPI in parts, each answering the question.
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's the MRN on the requisition?", "User: M R five six..."),
            "User: [MRN]...");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's the MRN on the requisition?\nUser: M R five six...\nAgent: Go ahead.",
                       "User: Seven four nine eight."),
            "User: [MRN].");
  EXPECT_EQ(RedactTurn(rules_, "AI: Mm-hmm. Zip code for the pharmacy?\nUser: Eight seven -\nAI: Uh huh, keep going.",
                       "User: One thirty."),
            "User: [ZIP_CODE].");
  EXPECT_EQ(RedactTurn(rules_, "Payer: Okay. Can I get the NPI for the prescriber?", "Pharmacy: Two nine o nine one,"),
            "Pharmacy: [US_NPI],");
  // (Not when nothing of the kind was asked.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: How many refills do you have left?", "User: Seven four nine eight."),
            "User: Seven four nine eight.");
  // A first word said twice, cut off: it goes with the value.
  EXPECT_EQ(RedactTurn(rules_, "Nurse: Zip code for the pharmacy?", "Caller: Uh, let me see... one- one three zero eight six."),
            "Caller: Uh, let me see... [ZIP_CODE].");
  EXPECT_EQ(RedactTurn(rules_, "", "User: My date of birth is the- the twenty second of May nineteen fifty three."),
            "User: My date of birth is [DATE_OF_BIRTH].");
  // "At eighty four that's pretty common": no street ends a sentence so.
  EXPECT_EQ(RedactTurn(rules_, "", "Nurse: At eighty four that's pretty common."),
            "Nurse: At eighty four that's pretty common.");
}


TEST_F(ScannerTest, ReadBacksAfterAnAnswerInParts) {
  // The question five short turns back still counts for a read-back.
  EXPECT_EQ(RedactTurn(rules_, "AI: Thank you. What zip code is that?\nUser: Five three\nAI: Go ahead.\n"
                               "User: One one eight.",
                       "AI: So that's 53118."),
            "AI: So that's [ZIP_CODE].");
  EXPECT_EQ(RedactConversation(rules_, "AI: Thank you. What zip code is that?\nUser: Five three\nAI: Go ahead.\n"
                                       "User: One one eight.\nAI: So that's 53118."),
            "AI: Thank you. What zip code is that?\nUser: [ZIP_CODE]\nAI: Go ahead.\n"
            "User: [ZIP_CODE].\nAI: So that's [ZIP_CODE].");
  // ... never for a turn that reads nothing back, nor one named otherwise.
  EXPECT_EQ(RedactTurn(rules_, "Staff: can you verify the last four of your social\nCaller: sure two one zero one\n"
                               "Staff: great\nCaller: no thank you",
                       "Staff: your order number is seven eight eight one"),
            "Staff: your order number is seven eight eight one");
}


TEST_F(ScannerTest, PlanIdsNpiGroupingsAndRestartedValues) {
  EXPECT_EQ(RedactTurn(rules_, "Rep: Do you have your plan ID handy?", "Member: yeah so hotel one four eight eight two eight six seven"),
            "Member: yeah so [HEALTH_PLAN_ID]");
  EXPECT_EQ(RedactTurn(rules_, "Doctor: What's the ID on the Medicaid card?", "Patient: Uh, X W E two three six six one five four seven o."),
            "Patient: Uh, [HEALTH_PLAN_ID].");
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: Do you have the NPI for the referring doctor?", "Speaker 1: 12345-67893. That's it."),
            "Speaker 1: [US_NPI]. That's it.");
  EXPECT_EQ(RedactTurn(rules_, "", "Clerk: the prescriber's NPI is 1234-567-893"),
            "Clerk: the prescriber's NPI is [US_NPI]");
  // The first numbers said, trailed off, said again: they go with the value.
  EXPECT_EQ(RedactTurn(rules_, "", "Speaker 1: The NPI is two eight O... two eight O, eight six eight, nine two four six."),
            "Speaker 1: The NPI is [US_NPI].");
  // ... never groups of a value said alike ("four two four two... four two
  // four two..."), nor a date's month and day (02/02/2011).
  EXPECT_EQ(RedactTurn(rules_, "Agent: Okay, and the card number?",
                       "Caller: four two four two... four two four two... four two four two... four two four two."),
            "Caller: [CREDIT_CARD].");
  EXPECT_EQ(RedactTurn(rules_, "Speaker A: When were you born?", "Speaker B: Uh, let me see... zero two... zero two... two zero one one."),
            "Speaker B: Uh, let me see... [DATE_OF_BIRTH].");
}


TEST_F(ScannerTest, UnitsSaidAfterStreetsDigitPairsAndIdsWrittenByEngines) {
  // A unit said in lower case after a capitalised street.
  EXPECT_EQ(RedactTurn(rules_, "Tech: What's your address?", "Patient: Yeah, 416 Sycamore Court, apartment nine a."),
            "Patient: Yeah, [STREET_ADDRESS].");
  EXPECT_EQ(RedactTurn(rules_, "Scheduler: What's the pickup address?", "Member: Yeah, four zero Willow Terrace unit four a"),
            "Member: Yeah, [STREET_ADDRESS]");
  // (A filler before the unit: "... lane uh number three".)
  EXPECT_EQ(RedactTurn(rules_, "", "[patient] mailing address is 70 sandpiper street uh number 23"),
            "[patient] mailing address is [STREET_ADDRESS]");
  // "fifty one hundred" is 5100 said in pairs; "five thousand one hundred"
  // an amount.
  EXPECT_EQ(RedactTurn(rules_, "", "Speaker 1: The card ending fifty one hundred."),
            "Speaker 1: The card ending [CREDIT_CARD].");
  EXPECT_EQ(RedactTurn(rules_, "", "Speaker 1: The card ending five thousand one hundred."),
            "Speaker 1: The card ending five thousand one hundred.");
  // "U. 1446225901": a letter as some engines write it; the social "ends in".
  EXPECT_EQ(RedactTurn(rules_, "", "user: My member ID is U. 1446225901."), "user: My member ID is [HEALTH_PLAN_ID].");
  EXPECT_EQ(RedactTurn(rules_, "", "ch_1: Oh, and the social ends in 3469."), "ch_1: Oh, and the social ends in [US_SSN].");
}


TEST_F(ScannerTest, MailboxLocalPartsInWordsAndStreetsWithSpokenDirections) {
  // Two words and a number before "at" a mailbox provider.
  EXPECT_EQ(RedactTurn(rules_, "", "Speaker 1: Uh, mama emr 1963 at yahoo dot com."), "Speaker 1: Uh, [EMAIL_ADDRESS].");
  EXPECT_EQ(RedactTurn(rules_, "", "User: my email is bluejay hol thirty four at sign yahoo dot com"),
            "User: my email is [EMAIL_ADDRESS]");
  // ... never the words of the sentence around it.
  EXPECT_EQ(RedactTurn(rules_, "", "Rep: I heard huong oh oh at icloud dot com"),
            "Rep: I heard [EMAIL_ADDRESS]");
  // A direction said in lower case before a capitalised street name.
  EXPECT_EQ(RedactTurn(rules_, "Doctor: Can I get the street address for the mailing?",
                       "Patient: Sure. Seven ninety nine north Mesquite boulevard number six."),
            "Patient: Sure. [STREET_ADDRESS].");
}


TEST_F(ScannerTest, PauseAfterTheMonthOfABirthDate) {
  EXPECT_EQ(RedactTurn(rules_, "", "Speaker 1: My date of birth is November, uh, sixteenth... nineteen ninety eight."),
            "Speaker 1: My date of birth is [DATE_OF_BIRTH].");
  EXPECT_EQ(RedactTurn(rules_, "[bot] And the date of birth?", "[customer] sure july uh eighteenth nineteen ninety four"),
            "[customer] sure [DATE_OF_BIRTH]");
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: we have may, um, two openings"), "Agent: we have may, um, two openings");
}


TEST_F(ScannerTest, SpelledSsnAskedAndCardLastFourAnswers) {
  EXPECT_EQ(RedactTurn(rules_, "Scheduler: I'll need the s s n.", "Veteran: Eight six three seven."),
            "Veteran: [US_SSN].");
  EXPECT_EQ(RedactTurn(rules_, "Speaker 1: And the m r n?", "Speaker 2: Oh zero twenty six, forty six seventy one, oh six."),
            "Speaker 2: [MRN].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What credit card number do you have?", "Caller: It's eleven seventeen."),
            "Caller: It's [CREDIT_CARD].");
  EXPECT_EQ(RedactTurn(rules_, "", "user: The card number is 1554."), "user: The card number is [CREDIT_CARD].");
  // (Four digits after a question about something else stay.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: How many steps do you walk?", "Caller: It's eleven seventeen."),
            "Caller: It's eleven seventeen.");
}


TEST_F(ScannerTest, PartsEndedByAMultiplierARemarkOrTwoDigitsOfALastFour) {
  // "triple" said last repeats the next part's first digit; it goes with
  // its part, as a word or as a sentence of its own.
  EXPECT_EQ(RedactTurn(rules_, "[doctor] and a good number for you", "[patient] eight two eight dash triple"),
            "[patient] [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "AI: And a good number for you?", "User: sure. Three one two. Triple"),
            "User: sure. [PHONE_NUMBER]");
  // The last part followed by a remark, when it makes the number whole.
  EXPECT_EQ(RedactTurn(rules_, "[doctor] and a good number for you\n[patient] eight two eight dash triple\n"
                               "[doctor] okay go ahead",
                       "[patient] five dash oh one eight two yep the lab said order number four four one two"),
            "[patient] [PHONE_NUMBER] yep the lab said order number four four one two");
  // A phone's first part of four or five digits, the speaker stopping.
  EXPECT_EQ(RedactTurn(rules_, "Doctor: Is there a phone number we can text?", "Patient: it's eight one three five five"),
            "Patient: it's [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "AI: What's the best callback number?", "User: it's seven zero six - five five"),
            "User: it's [PHONE_NUMBER]");
  // A card's last four in two parts.
  EXPECT_EQ(RedactTurn(rules_, "Agent: Which card ending do you want to use?", "Caller: Four two"),
            "Caller: [CREDIT_CARD]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What are the last four digits of the card?\nCaller: sure. Eight four\n"
                               "Agent: Okay, go ahead.",
                       "Caller: three one"),
            "Caller: [CREDIT_CARD]");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: The one ending in 4242."), "Caller: The one ending in [CREDIT_CARD].");
  // (Not a remark's digit, a temperature after a Medicare card's question,
  // an expiry date in parts, nor a part after something else was asked.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: And your NPI?\nCaller: Yeah. One eight four four, eight nine seven, five four o.",
                       "Caller: Hold on one second, let me find my card."),
            "Caller: Hold on one second, let me find my card.");
  EXPECT_EQ(RedactTurn(rules_, "Rep: Do you have your Medicare card in front of you? I need the Medicare number.\n"
                               "Member: Uh, Medicare ID is 8 e 46 x v 6 n c 79.\nRep: What was your temperature?",
                       "Member: Uh, thirty seven, yeah."),
            "Member: Uh, thirty seven, yeah.");
  EXPECT_EQ(RedactTurn(rules_, "Rep: And the expiration date on the card?\nMember: oh nine\nRep: mm-hmm",
                       "Member: twenty eight"),
            "Member: twenty eight");
  EXPECT_EQ(RedactTurn(rules_, "Agent: How many refills are left?", "Caller: it's eight one three five five"),
            "Caller: it's eight one three five five");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What is a good number?\nCaller: six six two\nAgent: ok",
                       "Caller: two tablets a day"),
            "Caller: two tablets a day");
}


TEST_F(ScannerTest, NamesOfWhoAnswersAndWhoIsAddressed) {
  // A given name in lower case right after "my name is", even one that is
  // also a word ("maria", "colleen").
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: my name is colleen"), "Caller: my name is [PERSON]");
  EXPECT_EQ(RedactTurn(rules_, "", "spk_0: hi you've reached the refill line my name is maria speaking how can i help"),
            "spk_0: hi you've reached the refill line my name is [PERSON] speaking how can i help");
  // Who answers the phone, after the practice's name.
  EXPECT_EQ(RedactTurn(rules_, "", "Speaker 0: greenfield primary care marcus how can i help"),
            "Speaker 0: greenfield primary care [PERSON] how can i help");
  EXPECT_EQ(RedactTurn(rules_, "", "AI: Patient financial services, Earl. What can I do for you?"),
            "AI: Patient financial services, [PERSON]. What can I do for you?");
  EXPECT_EQ(RedactTurn(rules_, "", "[dispatcher] metro medical transport scheduling hye-jin how can i help"),
            "[dispatcher] metro medical transport scheduling [PERSON] how can i help");
  // Addressed after "all right"; a surname after a filler.
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: All right, Maria, I've updated everything."),
            "Agent: All right, [PERSON], I've updated everything.");
  EXPECT_EQ(RedactTurn(rules_, "", "spk_0: all right okay francesca you're all set"),
            "spk_0: all right okay [PERSON] you're all set");
  EXPECT_EQ(RedactTurn(rules_, "Agent: And the patient's name?", "User: Priya uh Delacroix."),
            "User: [PERSON] uh [PERSON].");
  // "and last?" asks for the last name.
  EXPECT_EQ(RedactTurn(rules_, "[nurse] Mm-hm, and last?", "[patient] Ivanova."), "[patient] [PERSON].");
  // (No name: a question, words that open what is said, what everyone says.)
  for (const char* keep : {"Nurse: What name is the prescription under?",
                           "Agent: thank you for calling how can i help",
                           "Agent: good morning how can i help",
                           "Rep: all right can i get the doctor's npi",
                           "Agent: all right sure you're all set",
                           "Agent: Great. How can I help you today?",
                           "User: I take it uh daily."}) {
    EXPECT_EQ(RedactTurn(rules_, "", keep), keep);
  }
}


TEST_F(ScannerTest, ValuesOfferedUnasked) {
  // "..., you can write that down", "just so you have it", "before I
  // forget": the sentence expects an id, a birth date, a phone as if asked.
  EXPECT_EQ(RedactTurn(rules_, "", "Patient: Oh, before I forget, RMD474528302, you can write that down."),
            "Patient: Oh, before I forget, [HEALTH_PLAN_ID], you can write that down.");
  EXPECT_EQ(RedactTurn(rules_, "", "[patient] also eleven fifteen seventy nine just so you have it"),
            "[patient] also [DATE_OF_BIRTH] just so you have it");
  EXPECT_EQ(RedactTurn(rules_, "", "User: and actually y d as in dog n as in nora four zero seven nine eight six "
                                   "nine three two in case you need it"),
            "User: and actually [HEALTH_PLAN_ID] in case you need it");
  // A short turn with an offer in another sentence; five digits too (a ZIP
  // code or an id: which one, nothing says).
  for (const char* offered : {"Member: two nine zero nine two. sorry, I'm just reading off my paper",
                              "Caller: sorry, I have it right here, three three six eight five",
                              "Caller: hi, um, 1 6 8 2 2 2 8 0 3 0, I think that's what you need"}) {
    const std::string out = RedactTurn(rules_, "Rep: one moment", offered);
    EXPECT_EQ(out.find_first_of("0123456789"), std::string::npos) << out;
    EXPECT_EQ(out.find(" nine zero "), std::string::npos) << out;
    EXPECT_EQ(out.find(" six eight "), std::string::npos) << out;
    EXPECT_NE(out.find("]"), std::string::npos) << out;
  }
  // (An offered NPI named as such is one, its name no id's letters.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: What else can I use to verify?",
                       "Caller: Prescriber NPI two seven four seven four, six four five one one, if that helps."),
            "Caller: Prescriber NPI [US_NPI], if that helps.");
  // (An age asked for is no value offered.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: How old is the patient?",
                       "Caller: forty five. And about one hundred eighty pounds if you need it."),
            "Caller: forty five. And about one hundred eighty pounds if you need it.");
  // A turn that opens with "oh and" / "oh also" and says nothing but a value.
  EXPECT_EQ(RedactTurn(rules_, "", "Speaker 1: oh and w 478461190 okay"), "Speaker 1: oh and [HEALTH_PLAN_ID] okay");
  for (const char* keep : {"Caller: oh and twenty minutes", "Caller: oh also 2024", "Caller: oh also two tablets",
                           "Caller: oh and my room is 4120"}) {
    EXPECT_EQ(RedactTurn(rules_, "", keep), keep);
  }
  // (What else is offered stays: a number named otherwise, times, doses,
  // amounts, menu options, appointments.)
  for (const char* keep : {"Agent: your confirmation number is 48213977, you can write that down.",
                           "Agent: We open at 8:30 in case you need it.",
                           "Agent: the appointment is march third at two thirty just so you have it",
                           "Agent: take two tablets twice a day, you can write that down",
                           "Agent: Your copay is 45 dollars, in case you need it.",
                           "Agent: Press 2 for the pharmacy, you can write that down.",
                           "Caller: my order number is 48213. does that help?",
                           "Caller: I have it right here, it's twenty five dollars and forty cents",
                           "Caller: it was 12 tablets, that's what's on the paper"}) {
    EXPECT_EQ(RedactTurn(rules_, "", keep), keep);
  }
}


TEST_F(ScannerTest, NumbersNamedOtherwiseAfterAQuestionAndLastFourReadBack) {
  // A word before the value in its own turn that names it as no PHI
  // outweighs a question asked turns ago.
  EXPECT_EQ(RedactTurn(rules_, "Rep: And the billing zip for the card?\nCaller: Um the zip is nine zero zero zero three.\n"
                               "Rep: Okay Mr. Holloway, that's done.",
                       "Caller: The confirmation they gave me was 88302."),
            "Caller: The confirmation they gave me was 88302.");
  EXPECT_EQ(RedactTurn(rules_, "Agent: okay i see it here", "Caller: the rx number is six oh three three one two seven"),
            "Caller: the rx number is six oh three three one two seven");
  // "the one ending ..." reads back a card's last four.
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: And that's the one ending 4165?"),
            "Agent: And that's the one ending [CREDIT_CARD]?");
}


TEST_F(ScannerTest, CorrectionsOfAReadBackFiveTurnsAfterTheQuestion) {
  // Question, answer (spelled: its letters and digits are no long turn),
  // wrong read-back, correction, read-back again.
  EXPECT_EQ(RedactTurn(rules_, "Payer: Can I get the subscriber ID?\n"
                               "Office: Um, Y E as in edward N as in nora five two two nine six zero eight six one.\n"
                               "Payer: Let me read that back. YEN522960866.\n"
                               "Office: Not quite, it's YEN522960861.",
                       "Payer: Got it, YEN522960861."),
            "Payer: Got it, [HEALTH_PLAN_ID].");
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: Last four of the social, please.\nSpeaker 1: Okay, eight seven seven nine.\n"
                               "Speaker 0: You're a little quiet, can you repeat that?\nSpeaker 1: Eight seven seven nine.\n"
                               "Speaker 0: Okay, eight seven eight oh?",
                       "Speaker 1: Not quite, it's 8779."),
            "Speaker 1: Not quite, it's [US_SSN].");
  // (A correction of something else keeps its numbers.)
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: Last four of the social, please.\nSpeaker 1: Okay, eight seven seven nine.\n"
                               "Speaker 0: You're a little quiet, can you repeat that?\nSpeaker 1: Eight seven seven nine.\n"
                               "Speaker 0: Okay, and your appointment is at 2:30?",
                       "Speaker 1: Not quite, it's 1430 hours, room 4120."),
            "Speaker 1: Not quite, it's 1430 hours, room 4120.");
}


TEST_F(ScannerTest, PartsSaidBackByTheOtherSpeakerAndAnswersInSentences) {
  // Each part said back by the other speaker, streamed turn by turn.
  const std::string turns[] = {"[staff] what's the last four of your social", "[caller] it's one four seven",
                               "[staff] mm-hmm one four seven", "[caller] two one", "[staff] two one",
                               "[caller] oh three three nine"};
  const std::string want[] = {"[caller] it's [US_SSN]", "[staff] mm-hmm [US_SSN]", "[caller] [US_SSN]",
                              "[staff] [US_SSN]", "[caller] [US_SSN]"};
  for (size_t k = 1; k < 6; ++k) {
    std::string before;
    for (size_t b = k >= 5 ? k - 5 : 0; b < k; ++b) before += turns[b] + (b + 1 < k ? "\n" : "");
    EXPECT_EQ(RedactTurn(rules_, before, turns[k]), want[k - 1]) << turns[k];
  }
  // An answer in sentences, all of it read back in part.
  EXPECT_EQ(RedactTurn(rules_, "AGENT: What's the best phone number to reach you?\n"
                               "CUSTOMER: Oh gosh, um. eight six zero. double five five. zero one fifty one.",
                       "AGENT: The number ending in zero one fifty one?"),
            "AGENT: The number ending in [PHONE_NUMBER]?");
  // (Not what follows an answer in its turn: "My fever was ...".)
  EXPECT_EQ(RedactTurn(rules_, "[doctor] what's your member id\n"
                               "[patient] Okay, six three six two four eight three eight eight. My fever was one "
                               "hundred point four last night.",
                       "[doctor] one hundred point four okay"),
            "[doctor] one hundred point four okay");
}


TEST_F(ScannerTest, ValuesWithAnInterruptionOrAFirstGroupSaidAgain) {
  // Test card numbers (Luhn-valid) and a made-up NPI, each said with a
  // "sorry", "wait" or "hang on" inside, or its first group said twice.
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's the card number?",
                       "Caller: um four one one one, one one one one... sorry one one one one, one one one one."),
            "Caller: um [CREDIT_CARD].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's the card number?",
                       "Caller: four two four two four two four two four two four two four two four wait four two"),
            "Caller: [CREDIT_CARD]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: And the ordering provider's NPI?",
                       "user: Her NPI number is 278... 278... eight nine three... o nine five eight."),
            "user: Her NPI number is [US_NPI].");
  // Groups with only a filler between, joined.
  EXPECT_EQ(RedactTurn(rules_, "Agent: I'll need the rendering NPI.", "Caller: 12345, uh, 67893."),
            "Caller: [US_NPI].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: I'll need the rendering NPI.", "Caller: 12345, uh, 67894."),
            "Caller: 12345, uh, 67894.");
  // (Not across a speaker's label, nor digits that make no valid value.)
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: What phone number for the appointment reminders?",
                       "Speaker 1: Hang on. 3195550155."),
            "Speaker 1: Hang on. [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's the card number?", "Caller: two two... sorry, three tablets"),
            "Caller: two two... sorry, three tablets");
}


TEST_F(ScannerTest, QuestionsThatAskForAZipOrASocialWithoutNamingIt) {
  EXPECT_EQ(RedactTurn(rules_, "Agent: And where are you located, roughly?\nCaller: Let me find it.\nAgent: Okay.",
                       "Caller: 10025."),
            "Caller: [ZIP_CODE].");
  EXPECT_EQ(RedactTurn(rules_, "AI: I'll need all nine digits.\nUser: Okay, hold on.\nAI: Uh-huh.",
                       "User: Okay so, eight sixty nine - zero seven. ninety five forty."),
            "User: Okay so, [US_SSN].");
  EXPECT_EQ(RedactTurn(rules_, "[staff] can you read me the ten-digit number under her name on the script",
                       "[caller] one two three four five six seven eight nine three"),
            "[caller] [US_NPI]");
  // (A count or a time after them stays.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: And where are you located, roughly?", "Caller: about 20 minutes away"),
            "Caller: about 20 minutes away");
}


TEST_F(ScannerTest, EmailNotesRestartsAfterWaitAndLetMeSee) {
  // What is said of an address right after it goes with it.
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: can you spell the email for me",
                       "Speaker 1: it's whitfield dot r at hotmail dot com lowercase"),
            "Speaker 1: it's [EMAIL_ADDRESS]");
  EXPECT_EQ(RedactTurn(rules_, "", "user: my email is dana@example.com all lowercase please"),
            "user: my email is [EMAIL_ADDRESS] please");
  // Digits given up on before "wait" go with the value.
  EXPECT_EQ(RedactTurn(rules_, "[patient] two one six triple five oh one four nine i think",
                       "[nurse] got it two one nine wait two one six five five five zero one four nine"),
            "[nurse] got it [PHONE_NUMBER]");
  // "the number you're calling from"; "let me see" says nothing of a number.
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: And the number you're calling from?", "Speaker 1: Yeah, it's five oh five..."),
            "Speaker 1: Yeah, it's [PHONE_NUMBER]...");
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: Is there a good phone number on file you'd like us to use",
                       "Speaker 1: hmm let me see seven seven three and then"),
            "Speaker 1: hmm let me see [PHONE_NUMBER] and then");
  // (Not "lowercase" elsewhere, nor "wait" before words.)
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: type it in lowercase please"), "Agent: type it in lowercase please");
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's a good number?", "Caller: wait two minutes please"),
            "Caller: wait two minutes please");
}


TEST_F(ScannerTest, BirthDateSaidAloneInItsTurn) {
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: Anything else?", "Speaker 1: And, um, six thirteen ninety four."),
            "Speaker 1: And, um, [DATE_OF_BIRTH].");
  EXPECT_EQ(RedactTurn(rules_, "", "User: Oh, and eight five eighty four, just in case."),
            "User: Oh, and [DATE_OF_BIRTH], just in case.");
  // Written alone in a sentence of its own, with a year of the 1900s.
  EXPECT_EQ(RedactTurn(rules_, "", "User: Hey. Dana Reyes. 4 3 1970. Calling about my lab results"),
            "User: Hey. [PERSON]. [DATE_OF_BIRTH]. Calling about my lab results");
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: Your next visit is 4 3 2027."), "Agent: Your next visit is 4 3 2027.");
  EXPECT_EQ(RedactTurn(rules_, "", "User: We moved. 4 3 2019. It was a Monday."),
            "User: We moved. 4 3 2019. It was a Monday.");
  // (A year alone, readings, doses, times, a day without its year stay.)
  for (const char* keep : {"Speaker 1: nineteen eighty four", "Speaker 1: two thousand nineteen",
                           "Speaker 1: one twenty over eighty", "Speaker 1: two tablets three times a day",
                           "Speaker 1: march third at two thirty", "Speaker 1: about five ten",
                           "Speaker 1: june twenty third"}) {
    EXPECT_EQ(RedactTurn(rules_, "", keep), keep);
  }
}


TEST_F(ScannerTest, ChainsEndAtAQuestionAndTailsAreNoReadings) {
  // A card's last four, then a question for a phone: the phone's parts are
  // no continuation of the card's digits.
  // (Its label may still follow the card's question: what is checked is
  // that the part is redacted.)
  const std::string last = RedactTurn(rules_, "Agent: Which card, can you give me the last four?\nPatient: Okay, it's one nine nine five.\n"
                               "Agent: All right. What's the best callback number?\nPatient: Five zero eight triple five\n"
                               "Agent: Go ahead.",
                       "Patient: Zero one seven four.");
  EXPECT_EQ(last.find("seven"), std::string::npos) << last;
  // The end of an answer said again is a value; a reading with it is not.
  EXPECT_EQ(RedactTurn(rules_, "AI: What card would you like to use?\n"
                               "User: Yeah. Five two double zero hyphen eight two eight two hyphen eight two eight two hyphen "
                               "eight two one zero.\nAI: What's the zip on the billing address?",
                       "User: Got it right here, seven double zero uh 34. My sugar was two ten this morning."),
            "User: Got it right here, [ZIP_CODE]. My sugar was two ten this morning.");
}


TEST_F(ScannerTest, AWordAndItsSpellingAndAValueAskedBack) {
  // A word said, then spelled: a name, with its spelling.
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: Banks, B A N K S."), "Caller: [PERSON].");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: it's garcia g a r c i a"), "Caller: it's [PERSON]");
  // (Never an acronym said and spelled.)
  EXPECT_EQ(RedactTurn(rules_, "", "User: my MRI, M R I."), "User: my MRI, M R I.");
  EXPECT_EQ(RedactTurn(rules_, "", "User: it's in the E R, E R."), "User: it's in the E R, E R.");
  // A value asked back four turns after its question: a read-back.
  EXPECT_EQ(RedactTurn(rules_, "Agent: And what's the zip code there?\nCaller: Let me find it.\nAgent: Okay.\n"
                               "Caller: Oh, and it's 04101 there.",
                       "Agent: Okay, 04102?"),
            "Agent: Okay, [ZIP_CODE]?");
}


TEST_F(ScannerTest, CueAcronymsAndGroupNumbers) {
  // The acronym of a cue before the digits is no part of the value.
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: Cigna dental, subscriber ID 60247933201."),
            "Caller: Cigna dental, subscriber ID [HEALTH_PLAN_ID].");
  EXPECT_EQ(Redact(rules_, "MRN 102-021-931-3 seen"), "MRN [MRN] seen");
  // A plan's group number is no one's id.
  EXPECT_EQ(RedactTurn(rules_, "Speaker 1: Member ID?\nSpeaker 2: Yeah, D96951564",
                       "Speaker 2: And the group number is 6570219, if you need that."),
            "Speaker 2: And the group number is 6570219, if you need that.");
  EXPECT_EQ(RedactTurn(rules_, "Agent: what's the group number on the card?", "Caller: it's 6570219"),
            "Caller: it's 6570219");
  EXPECT_EQ(RedactTurn(rules_, "Agent: Can I get the member ID and group number?",
                       "User: Member ID is M five seven six one two seven six six oh and the group is three oh one five one three."),
            "User: Member ID is [HEALTH_PLAN_ID] and the group is three oh one five one three.");
}


TEST_F(ScannerTest, NamesAnsweredThenTheNextThingSaid) {
  // A name asked for, an unknown surname, then what the next question asks:
  // the surname ends where that starts.
  EXPECT_EQ(RedactTurn(rules_, "ch_0: patient name and date of birth",
                       "ch_1: beatriz oyelaran date of birth october 23rd 2001"),
            "ch_1: [PERSON] date of birth [DATE_OF_BIRTH]");
  EXPECT_EQ(RedactTurn(rules_, "ch_0: can you tell me your first and last name",
                       "ch_1: yeah hi delphine albescu september thirteenth thirty one calling about a refill"),
            "ch_1: yeah hi [PERSON] [DATE_OF_BIRTH] calling about a refill");
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: Can you say your first and last name? Priya Nakamura And your date of birth?"),
            "Agent: Can you say your first and last name? [PERSON] And your date of birth?");
  // (Nothing asked: words stay words.)
  EXPECT_EQ(RedactTurn(rules_, "ch_0: how are you feeling", "ch_1: pretty tired date night was long"),
            "ch_1: pretty tired date night was long");
}


TEST_F(ScannerTest, WhoAnswersAfterThisIsAndSpeakerLabelsThatAreTitles) {
  EXPECT_EQ(RedactTurn(rules_, "", "spk_0: good morning parkway family dentistry this is glen how can i help you"),
            "spk_0: good morning parkway family dentistry this is [PERSON] how can i help you");
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: after-hours line for summit pulmonary this is ray is this a medical emergency"),
            "Agent: after-hours line for summit pulmonary this is [PERSON] is this a medical emergency");
  for (const char* keep : {"Caller: this is a test how can i help", "Caller: this is fine i am a patient",
                           "Dr: What kind of treatments did he receive?"}) {
    EXPECT_EQ(RedactTurn(rules_, "", keep), keep);
  }
}


TEST_F(ScannerTest, AQuestionAfterAValueInItsOwnSentenceAsks) {
  // The end of an answer, then a question in the same turn: it asks.
  EXPECT_EQ(RedactTurn(rules_, "Speaker 1: And date of birth?\nSpeaker 2: July first\n"
                               "Speaker 1: nineteen fifty-one. Okay. And the last four of your social?",
                       "Speaker 2: 8470."),
            "Speaker 2: [US_SSN].");
  // (A cue after a value in its sentence describes it: "It's 8470, that's
  // the last four of my social" asks nothing of the next turn.)
  EXPECT_EQ(RedactTurn(rules_, "Speaker 2: It's 8470, that's the last four of my social.", "Speaker 1: 2210."),
            "Speaker 1: 2210.");
}


TEST_F(ScannerTest, NamesAfterTheirLabelsAndWordsCutOff) {
  EXPECT_EQ(RedactTurn(rules_, "AI: Sure. What is your first and last name?",
                       "Speaker 1: um first name hector last name thornbury"),
            "Speaker 1: um first name [PERSON] last name [PERSON]");
  EXPECT_EQ(RedactTurn(rules_, "AI: And can I also get the date of bi--",
                       "User: five twenty six sixty nine sorry go ahead"),
            "User: [DATE_OF_BIRTH] sorry go ahead");
  for (const char* keep : {"User: the last name field was empty", "AI: And can I also get the date of bi--",
                           "Agent: first name please"}) {
    EXPECT_EQ(RedactTurn(rules_, "", keep), keep);
  }
}


TEST_F(ScannerTest, PhoneCorrectedByItsLastPartThenWhole) {
  EXPECT_EQ(RedactTurn(rules_, "AI: I have (404) 555-0134. Is that correct?",
                       "User: no the last part is oh one two nine four zero four five five five zero one two nine"),
            "User: no the last part is [PHONE_NUMBER]");
  // (Fourteen digits that are no phone restarted stay.)
  EXPECT_EQ(RedactTurn(rules_, "", "User: it was one two three four five six seven eight nine one two three four five"),
            "User: it was one two three four five six seven eight nine one two three four five");
}


TEST_F(ScannerTest, ANameSaidTwiceThenSpelled) {
  EXPECT_EQ(RedactTurn(rules_, "AI: Sure. What is your first and last name?", "User: greta achebe achebe a c h e b e"),
            "User: [PERSON] [PERSON]");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: Tomas Oyelaran. Oyelaran, O as in ocean Y E L A R A N."),
            "Caller: [PERSON].");
}


TEST_F(ScannerTest, ReferenceNumbersAndNatoLettersOfIds) {
  // "call" as a noun says nothing of a number; a NATO word before digits
  // spells an id's letter, no name.
  for (const char* keep : {"AI: Your reference number for this call is 5659871173. Is there anything else?",
                           "AI: Sure, it is romeo three two two zero eight zero five nine.",
                           "ch_0: i see claim number charlie lima two nine one four zero zero six five six nine"}) {
    EXPECT_EQ(RedactTurn(rules_, "AI: If we get disconnected, what's the best callback number?\nCustomer: 503 555 0134",
                         keep),
              keep);
  }
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: call 4155550132 tomorrow"), "Caller: call [PHONE_NUMBER] tomorrow");
}


TEST_F(ScannerTest, DischargeDatesWithoutAYearWhenAsked) {
  EXPECT_EQ(RedactTurn(rules_, "[nurse] When did they discharge him from the hospital?", "[caller] It was December twenty second"),
            "[caller] It was [DATE]");
  // (An appointment's day stays, asked or not.)
  EXPECT_EQ(RedactTurn(rules_, "[nurse] When did they discharge him from the hospital?",
                       "[caller] not sure, but his follow up is December twenty second"),
            "[caller] not sure, but his follow up is December twenty second");
  EXPECT_EQ(RedactTurn(rules_, "", "[caller] the appointment is December twenty second"),
            "[caller] the appointment is December twenty second");
}


TEST_F(ScannerTest, AZipInBracketsAfterItsCity) {
  EXPECT_EQ(Redact(rules_, "The caller lives in Grand Rapids (49502)."),
            "The caller lives in [LOCATION] ([ZIP_CODE]).");
  EXPECT_EQ(Redact(rules_, "Jackson (30901 rows)"), "Jackson (30901 rows)");
}


TEST_F(ScannerTest, CityRightBeforeItsZip) {
  // A city named, then its ZIP code asked or given: "<City> and the zip is".
  EXPECT_EQ(RedactTurn(rules_, "Caller: I live at 62 Sycamore Place.", "Caller: Riverside and the zip is 94612."),
            "Caller: [LOCATION] and the zip is [ZIP_CODE].");
  EXPECT_EQ(RedactTurn(rules_, "spk_1: the address is three five sycamore avenue", "spk_1: clinton zip 96714"),
            "spk_1: [LOCATION] zip [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "", "Patient: Bellevue. Zip code is 05365."),
            "Patient: [LOCATION]. Zip code is [ZIP_CODE].");
  // (Never an everyday word before "zip".)
  for (const char* keep : {"Caller: Home zip is the same", "Agent: Billing zip code please?",
                           "Agent: And the zip?", "Caller: Same zip as before",
                           "Caller: Shipping zip is different", "Agent: Pharmacy zip code?"}) {
    EXPECT_EQ(RedactTurn(rules_, "", keep), keep);
  }
}


TEST_F(ScannerTest, DigitsSaidJustBeforeAndReadBack) {
  // Digits said unasked and read back by the other speaker: the read-back
  // is PHI whatever kind it is, labelled by its format where that says one.
  const std::string zip = RedactTurn(rules_, "Member: two nine zero nine two. um, hold on\nRep: sure",
                                     "Rep: okay so I have 29092, is that right?");
  EXPECT_EQ(zip.find("29092"), std::string::npos) << zip;
  EXPECT_EQ(RedactTurn(rules_, "Caller: one eight o... o four eight... seven o nine six\nAgent: mm-hmm",
                       "Agent: just to confirm, 1800487096?"),
            "Agent: just to confirm, [US_NPI]?");
  EXPECT_EQ(RedactTurn(rules_, "[patient] two one six triple five oh one four nine i think",
                       "[nurse] got it, 216-555-0149"),
            "[nurse] got it, [PHONE_NUMBER]");
  // (Never a number its turn named as none, nor digits not said whole.)
  for (const char* before : {"Agent: your confirmation number is 48213977.",
                             "Caller: the group's tax id is four eight two one three nine seven seven",
                             "Caller: the prior authorization number is 48213977",
                             "Caller: it's four eight two one three"}) {
    EXPECT_EQ(RedactTurn(rules_, before, "Agent: I have 48213977, correct?"), "Agent: I have 48213977, correct?")
        << before;
  }
  // (Nor durations, readings and amounts said twice.)
  for (const char* twice : {"Patient: okay, twenty four to forty eight hours.",
                            "Nurse: The nurse noted a heart rate of a hundred and twelve.",
                            "Caller: so it was 12500 steps yesterday",
                            "Agent: that comes to $12,500 then"}) {
    const std::string before = std::string(twice) + "\nAgent: okay";
    EXPECT_EQ(RedactTurn(rules_, before, twice), twice);
  }
}


TEST_F(ScannerTest, LastDigitsOfAnAnswerWrittenAfterEndingIn) {
  EXPECT_EQ(RedactTurn(rules_, "Speaker 1: Yeah my phone number's four zero four, triple five, zero one sixty eight.",
                       "Speaker 0: The number ending in 0168?"),
            "Speaker 0: The number ending in [PHONE_NUMBER]?");
  // (A number's last four named so are a phone's, the answer's or not;
  // digits without "ending in" stay.)
  EXPECT_EQ(RedactTurn(rules_, "Speaker 1: Yeah my phone number's four zero four, triple five, zero one sixty eight.",
                       "Speaker 0: The number ending in 0169?"),
            "Speaker 0: The number ending in [PHONE_NUMBER]?");
  EXPECT_EQ(RedactTurn(rules_, "", "Nurse: is this still the best number for you ending in zero one five two"),
            "Nurse: is this still the best number for you ending in [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: your confirmation number ending in 4242 is ready"),
            "Agent: your confirmation number ending in 4242 is ready");
  EXPECT_EQ(RedactTurn(rules_, "Speaker 1: Yeah my phone number's four zero four, triple five, zero one sixty eight.",
                       "Speaker 0: Your appointment is at 0168 hours?"),
            "Speaker 0: Your appointment is at 0168 hours?");
}


TEST_F(ScannerTest, APartAfterAPreambleThatEndsInOkay) {
  EXPECT_EQ(RedactTurn(rules_, "COORDINATOR: what's the mbi",
                       "PATIENT: hold on let me get the card okay five echo seven seven"),
            "PATIENT: hold on let me get the card okay [US_MBI]");
  // (Not an answer to something else.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: how many refills are left?", "Caller: let me look okay two two"),
            "Caller: let me look okay two two");
}


TEST_F(ScannerTest, RecordNumbersInShortGroups) {
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: Do you have your medical record number handy? okay, uh, 348 7769"),
            "Caller: Do you have your medical record number handy? okay, uh, [MRN]");
  EXPECT_EQ(RedactTurn(rules_, "", "AI: MRN 74844 4432. Member ID NCZ439223907."),
            "AI: MRN [MRN]. Member ID [HEALTH_PLAN_ID].");
  // (Never groups of a phone number, next to other digits.)
  EXPECT_EQ(Redact(rules_, "WARN retrying phone: +1 978 555 0122 Medical Record #MR54314112, aged 72"),
            "WARN retrying phone: [PHONE_NUMBER] Medical Record #[MRN], aged 72");
}

TEST_F(ScannerTest, CityStateAndZipSaidAfterAnAddress) {
  // "the state of", a state's code in lower case before the ZIP's digits,
  // and the ZIP said, grouped oddly or written after the city.
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: in Hamtramck, the state of MI, 48255"),
            "Caller: in [LOCATION], the state of MI, [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "", "CUSTOMER: in el paso tx seven double nine two oh"),
            "CUSTOMER: in [LOCATION] tx [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "", "[caller] in hialeah the state of fl three three oh four one"),
            "[caller] in [LOCATION] the state of fl [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "", "spk_1: in Chula Vista, CA, 91-9-6-2"),
            "spk_1: in [LOCATION], CA, [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: City and zip?", "Caller: Des Moines... 5-03-3-9"),
            "Caller: [LOCATION]... [ZIP_CODE]");
  // (A lower-case code only as the city's own state before digits; never
  // other numbers after a city.)
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: my son is in ok shape"), "Caller: my son is in ok shape");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: in Austin, TX, 12 days ago"),
            "Caller: in [LOCATION], TX, 12 days ago");
}

TEST_F(ScannerTest, TownNoGazetteerKnowsBetweenAStreetAndItsZip) {
  EXPECT_EQ(RedactTurn(rules_, "Agent: And the mailing address?",
                       "Caller: It's one five one seven five Sutter street, fort calloway, 42640"),
            "Caller: It's [STREET_ADDRESS], [LOCATION], [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: Um it's 1302 Magnolia Street, Sterling Creek, 04515"),
            "Caller: Um it's [STREET_ADDRESS], [LOCATION], [ZIP_CODE]");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: it's sixty juniper road, port ellis, nine four o nine seven"),
            "Caller: it's [STREET_ADDRESS], [LOCATION], [ZIP_CODE]");
  // (A unit's word is a word of its own: "Ste" is no "Sterling".)
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: 77 Oak Ave Ste 210, Boise"),
            "Caller: [STREET_ADDRESS], [LOCATION]");
  // (No ZIP after them: the words stay; nor a number named otherwise.)
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: 12 Oak Lane, thanks so much"),
            "Caller: [STREET_ADDRESS], thanks so much");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: 12 Oak Lane, order 40213 shipped"),
            "Caller: [STREET_ADDRESS], order 40213 shipped");
  EXPECT_EQ(RedactTurn(rules_, "", "Note: address 579 Alder Blvd, SSN 210-89-1051"),
            "Note: address [STREET_ADDRESS], SSN [US_SSN]");
}

TEST_F(ScannerTest, AnswersToQuestionsForAUnitADischargeOrACorrection) {
  // A unit alone, asked for.
  EXPECT_EQ(RedactTurn(rules_, "RN: is there an apartment or lot number",
                       "user: oh yeah unit twenty three around the side"),
            "user: oh yeah [STREET_ADDRESS] around the side");
  EXPECT_EQ(RedactTurn(rules_, "AI: Is there an apartment or lot number?",
                       "User: Yes, lot 56. It's the blue trailer"),
            "User: Yes, [STREET_ADDRESS]. It's the blue trailer");
  EXPECT_EQ(RedactTurn(rules_, "RN: how many units of insulin?", "User: ten units, lot 5 of them"),
            "User: ten units, lot 5 of them");
  // A discharge's month and day, asked for.
  EXPECT_EQ(RedactTurn(rules_, "AI: And when was the discharge?",
                       "User: Discharged on 4/17. She was in for 7 days."),
            "User: Discharged on [DATE]. She was in for 7 days.");
  EXPECT_EQ(RedactTurn(rules_, "AI: And when was the discharge?", "User: April 21."),
            "User: [DATE].");
  EXPECT_EQ(RedactTurn(rules_, "AI: And when is the follow up?", "User: April 21."),
            "User: April 21.");
  // The end of a number corrected after a wrong read-back.
  const char* asked =
      "AI: Is there a phone number where we can reach the patient?\n"
      "User: My home phone is 334 555 0131, that's the house phone.\n"
      "AI: I heard 3-3-4, 5-5-5, 0-1-1-3. Is that right?";
  EXPECT_EQ(RedactTurn(rules_, asked, "User: No, it's 0131."), "User: No, it's [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, asked, "User: No, 2 pm is better, 1130."),
            "User: No, 2 pm is better, 1130.");
}

TEST_F(ScannerTest, LowerCaseNamesAnsweredOrTitledInSpeech) {
  // Asked for, a given name that is also a word and the surname after it.
  EXPECT_EQ(RedactTurn(rules_, "Agent: okay and who is the appointment for",
                       "User: it's for miles mcallister she's seven"),
            "User: it's for [PERSON] she's seven");
  EXPECT_EQ(RedactTurn(rules_, "Agent: what's the patient's name, first and last",
                       "User: ruby and the last name is whitfield"),
            "User: [PERSON] and the last name is [PERSON]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: who is the appointment for",
                       "User: it's for my son he's seven"),
            "User: it's for my son he's seven");
  // Who speaks, after a greeting.
  EXPECT_EQ(RedactTurn(rules_, "", "[caller] hey good morning crystal dunleavy calling to schedule"),
            "[caller] hey good morning [PERSON] calling to schedule");
  // Spelled with the letters' names as an engine writes them.
  EXPECT_EQ(RedactTurn(rules_, "Agent: Okay, can you spell the last name for me?",
                       "Patient: Sure, it's oh kay a ef oh are."),
            "Patient: Sure, it's [PERSON].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: can you spell the last name for me?",
                       "Patient: pee are you eye tee tee"),
            "Patient: [PERSON]");
  EXPECT_EQ(RedactTurn(rules_, "Agent: can you spell the last name for me?",
                       "Patient: oh sorry, see you then, why are you asking"),
            "Patient: oh sorry, see you then, why are you asking");
  // A relative named after the word for them; a given name that is also a
  // place, before a surname or introduced.
  EXPECT_EQ(RedactTurn(rules_, "", "User: I've got my mom Earl here with me."),
            "User: I've got my mom [PERSON] here with me.");
  EXPECT_EQ(RedactTurn(rules_, "", "User: my daughter said so, my friend's golden."),
            "User: my daughter said so, my friend's golden.");
  EXPECT_EQ(RedactTurn(rules_, "", "Speaker 0: Hi there, my name is Georgia, I'm a nurse"),
            "Speaker 0: Hi there, my name is [PERSON], I'm a nurse");
  EXPECT_EQ(RedactTurn(rules_, "", "User: Yes. I'm Georgia Birdsong, the niece."),
            "User: Yes. I'm [PERSON], the niece.");
  EXPECT_EQ(RedactTurn(rules_, "", "User: I moved to Georgia last year"),
            "User: I moved to Georgia last year");
  // Yes and no in the caller's own language answer, they name no one.
  EXPECT_EQ(RedactTurn(rules_, "Agent: Can I get the patient's full name?", "spk_2: Tak."),
            "spk_2: Tak.");
  EXPECT_EQ(RedactTurn(rules_, "Agent: Can I get the patient's full name?", "spk_2: Không."),
            "spk_2: Không.");
  // A place of care named after a saint is no person; a name said as one is.
  EXPECT_EQ(RedactTurn(rules_, "", "A: Hi, you've reached Saint Brigid Regional Medical Center."),
            "A: Hi, you've reached Saint Brigid Regional Medical Center.");
  EXPECT_EQ(RedactTurn(rules_, "", "User: my name is Dana Reyes Medical Records asked me to call"),
            "User: my name is [PERSON] Medical Records asked me to call");
  // "doctor" said as a title in lower case.
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: i can put him in with doctor achebe at one thirty"),
            "Agent: i can put him in with doctor [PERSON] at one thirty");
  EXPECT_EQ(RedactTurn(rules_, "", "User: my doctor said to rest, the doctor gave me a note"),
            "User: my doctor said to rest, the doctor gave me a note");
  EXPECT_EQ(RedactTurn(rules_, "", "User: doctor said i should, doctor appointment is friday"),
            "User: doctor said i should, doctor appointment is friday");
}

TEST_F(ScannerTest, DatesSaidWithAHesitationInside) {
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: and my date of birth is nineteen sixty one um april the twenty second if you need that"),
            "Caller: and my date of birth is [DATE_OF_BIRTH] if you need that");
  EXPECT_EQ(RedactTurn(rules_, "Rep: And what's the date of birth?",
                       "Member: Um, nineteen eighty two, let me think... august the twentieth?"),
            "Member: Um, [DATE_OF_BIRTH]?");
  EXPECT_EQ(RedactTurn(rules_, "", "Caller: Yes, hi. Bao Whitlock. nineteen seventy five, uh... july the first. Calling about my refill."),
            "Caller: Yes, hi. [PERSON]. [DATE_OF_BIRTH]. Calling about my refill.");
  EXPECT_EQ(RedactTurn(rules_, "", "[caller] admission date was twenty twenty six let me think july the thirteenth so i need to cancel"),
            "[caller] admission date was [DATE] so i need to cancel");
  // (An appointment is no one's birth date.)
  EXPECT_EQ(RedactTurn(rules_, "", "Agent: your appointment is july the thirteenth, um, twenty twenty six"),
            "Agent: your appointment is july the thirteenth, um, twenty twenty six");
}

TEST_F(ScannerTest, IdsReadAloudWithSpacedDashes) {
  EXPECT_EQ(RedactTurn(rules_, "", "spk_1: I have the MRN here, it's K - 853 - 4196."),
            "spk_1: I have the MRN here, it's [MRN].");
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: What's the ID number on the front of your card?",
                       "Speaker 1: It starts with CPX - 926 - 719 - 699"),
            "Speaker 1: It starts with [HEALTH_PLAN_ID]");
  EXPECT_EQ(RedactTurn(rules_, "REP: I need the Medicare number.", "CALLER: It says 8YX1 - J18 - NU77."),
            "CALLER: It says [US_MBI].");
  // (Log lines with dashes between fields stay as they are.)
  EXPECT_EQ(Redact(rules_, "2026-11-30 10:00:00 - INFO - job 12 - 15 done"),
            "2026-11-30 10:00:00 - INFO - job 12 - 15 done");
  EXPECT_EQ(Redact(rules_, "GET /api - 200 - 15ms"), "GET /api - 200 - 15ms");
}

TEST_F(ScannerTest, MonthAndDayWrittenYearSaid) {
  EXPECT_EQ(RedactTurn(rules_, "", "User: yeah my date of birth is 7 18 nineteen ninety one."),
            "User: yeah my date of birth is [DATE_OF_BIRTH].");
  EXPECT_EQ(RedactTurn(rules_, "AI: can you verify your date of birth?", "User: um 6 5 nineteen seventy one"),
            "User: um [DATE_OF_BIRTH]");
  // (Never a short year: "room 4 12 nineteen".)
  EXPECT_EQ(RedactTurn(rules_, "", "Nurse: she is in room 4 12 nineteen beds down"),
            "Nurse: she is in room 4 12 nineteen beds down");
}

TEST_F(ScannerTest, ACardsExpiryIsNoPartOfIt) {
  EXPECT_EQ(RedactTurn(rules_, "spk_0: What card would you like to use?\nspk_1: the card number is 4242 4242 4242 4242\nspk_0: and the expiration?",
                       "spk_1: twelve twenty seven."),
            "spk_1: twelve twenty seven.");
  EXPECT_EQ(RedactTurn(rules_, "User: my card is 4242 4242 4242 4242\nAI: And the expiration?",
                       "User: oh nine twenty eight."),
            "User: oh nine twenty eight.");
  // (The last four asked for stay redacted.)
  EXPECT_EQ(RedactTurn(rules_, "AI: What credit card number do you have?", "User: It is eleven seventeen."),
            "User: It is [CREDIT_CARD].");
}

TEST_F(ScannerTest, ExtensionsAndGroupsAreNoValueAsked) {
  // "ext." ends no sentence: the extension is no part of a card said over turns.
  const char* paid =
      "Assistant: Please say the card number.\n"
      "Patient: 4242 4210 5701 1619.\n"
      "Assistant: The payment went through. Your confirmation number is D M 4 0 9 4.\n"
      "Assistant: For other questions, call the surgery nurse line, ext. 2210.\n";
  EXPECT_EQ(RedactConversation(rules_, paid),
            "Assistant: Please say the card number.\n"
            "Patient: [CREDIT_CARD].\n"
            "Assistant: The payment went through. Your confirmation number is D M 4 0 9 4.\n"
            "Assistant: For other questions, call the surgery nurse line, ext. 2210.\n");
  // A plan's group right after its name, whatever was asked before.
  EXPECT_EQ(RedactTurn(rules_, "Agent: Will you be using dental insurance?",
                       "User: Yes. My member ID is delta seven six three golf one nine seven zero two, "
                       "group seven three five six four two eight eight."),
            "User: Yes. My member ID is [HEALTH_PLAN_ID], group seven three five six four two eight "
            "eight.");
  EXPECT_EQ(Redact(rules_, "The group number is 209636-0001, employer the county."),
            "The group number is 209636-0001, employer the county.");
  EXPECT_EQ(Redact(rules_, "My phone number is 209 636 0001."), "My phone number is [PHONE_NUMBER].");
}

TEST_F(ScannerTest, ANumberNamedAsNoPhiIsNoneWhenSaidAgain) {
  const char* ref =
      "Agent: Could I get a reference number for this call?\n"
      "Rep: Sure, your call reference number is eight eight five nine oh oh seven two nine nine.\n";
  EXPECT_EQ(RedactTurn(rules_, ref, "Office: Thank you. That's 8859007299, and I spoke with Yolanda?"),
            "Office: Thank you. That's 8859007299, and I spoke with [PERSON]?");
  EXPECT_EQ(RedactTurn(rules_, "User: sure your call reference number is r082511041",
                       "AI: Thank you. That's R082511041, and I spoke with Brett?"),
            "AI: Thank you. That's R082511041, and I spoke with [PERSON]?");
  EXPECT_EQ(RedactTurn(rules_,
                       "Rep: Your confirmation number is C as in cat, four four nine two one eight "
                       "seven.",
                       "Agent: Okay, C4492187, thank you Dana."),
            "Agent: Okay, C4492187, thank you [PERSON].");
  // Named as PHI in that line, or only mentioned near it: said again, still PHI.
  EXPECT_EQ(RedactTurn(rules_,
                       "AI: Do you have the ordering provider's NPI?\n"
                       "User: NPI on the order is two six five one three two oh five four three.",
                       "AI: Let me read that back. 2651320543."),
            "AI: Let me read that back. [US_NPI].");
  EXPECT_EQ(RedactTurn(rules_,
                       "Agent: Billing office, what can I do for you\n"
                       "Caller: Hi I'm calling about my claim, my phone is four one five five five "
                       "five oh one three two",
                       "Agent: Just to confirm, 415 555 0132 is that right"),
            "Agent: Just to confirm, [PHONE_NUMBER] is that right");
}

TEST_F(ScannerTest, AValueCorrectedInAPartSaidBothWays) {
  // "it's four oh, not six oh": the correction is part of the value.
  EXPECT_EQ(RedactTurn(rules_, "Nurse: And the ZIP code?",
                       "Patient: Nine two six six oh, no no, it's four oh, not six oh, nine two six "
                       "four oh."),
            "Patient: [ZIP_CODE].");
  // Said again whole after "no wait, it's": the words between are no part.
  EXPECT_EQ(RedactTurn(rules_, "Agent: And her date of birth?",
                       "User: The second of October, 2023. No wait, it's October 1st, 2023."),
            "User: [DATE_OF_BIRTH]. No wait, it's [DATE_OF_BIRTH].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: And the ZIP code?", "Caller: 92640, no, not 5 of them"),
            "Caller: [ZIP_CODE], no, not 5 of them");
}

TEST_F(ScannerTest, DaysSomethingWasDoneOnAreNoBirthAndOtherIdShapes) {
  const char* asked =
      "[agent] Name and date of birth?\n"
      "[caller] Raj Szymanski, December 1, 1941.\n"
      "[agent] How can I help?";
  EXPECT_EQ(RedactTurn(rules_, asked,
                       "[caller] It's about the prior auth that we faxed over on 03/10/2025."),
            "[caller] It's about the prior auth that we faxed over on 03/10/2025.");
  EXPECT_EQ(RedactTurn(rules_, "Doctor: could you give me the date of birth on file",
                       "Patient: hang on the seventeenth of september fifty four"),
            "Patient: hang on [DATE_OF_BIRTH]");
  // A chart number printed after "MR ", and the last four said in pairs.
  EXPECT_EQ(RedactTurn(rules_, "Nurse: There's a medical record number. Can you read it to me?",
                       "Patient: The MRN? It says MR 7555932."),
            "Patient: The MRN? It says [MRN].");
  EXPECT_EQ(Redact(rules_, "Thank you, I have the last four as 08 68."),
            "Thank you, I have the last four as [US_SSN].");
  EXPECT_EQ(Redact(rules_, "the last four are 12 34 56"), "the last four are 12 34 56");
  // A reference number is no chart number, near "chart" or not.
  EXPECT_EQ(Redact(rules_, "that matches our chart your reference number for this call is six four "
                           "five nine eight one two one eight seven thank you"),
            "that matches our chart your reference number for this call is six four five nine "
            "eight one two one eight seven thank you");
}

TEST_F(ScannerTest, StreetsWhoseTypeComesFirstAndTheZipFieldAfterTheCity) {
  EXPECT_EQ(Redact(rules_, "It's 9629 Paseo Del Sol, Houston, ZIP code seven seven oh one three"),
            "It's [STREET_ADDRESS], [LOCATION], ZIP code [ZIP_CODE]");
  EXPECT_EQ(Redact(rules_, "I live at 1196 Calle Alegre, Apt. 3B, McAllen, TX 78567"),
            "I live at [STREET_ADDRESS], [LOCATION] [ZIP_CODE]");
  EXPECT_EQ(Redact(rules_, "we met at 3 via zoom"), "we met at 3 via zoom");
}

TEST_F(ScannerTest, AnIdentitySaidUnaskedAfterAName) {
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: How can I help you today?\n"
                               "User: Yeah hi. Tremaine Gonzalez. May tenth, nineteen fifty five. four "
                               "eight zero five five five zero one eight five. I just moved.\n"),
            "Agent: How can I help you today?\n"
            "User: Yeah hi. [PERSON]. [DATE_OF_BIRTH]. [PHONE_NUMBER]. I just moved.\n");
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: How can I help?\n"
                               "User: I'll just read it off. Rebecca Hernandez. 10/12/75. 862, uh, 24, "
                               "seven three six eight. 17940 Maple Ridge Drive, Tempe.\n"),
            "Agent: How can I help?\n"
            "User: I'll just read it off. [PERSON]. [DATE_OF_BIRTH]. [US_SSN]. [STREET_ADDRESS], "
            "[LOCATION].\n");
  // No name alone before them: numbers said alone stay.
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: How can I help?\n"
                               "User: Good morning. Two tablets. Four five six seven.\n"),
            "Agent: How can I help?\n"
            "User: Good morning. Two tablets. Four five six seven.\n");
}

TEST_F(ScannerTest, ANameSaidAgainInTheConversation) {
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: Who is the appointment for?\n"
                               "User: My son Mateo Alvarez, he is seven.\n"
                               "Agent: Does Mateo have dental insurance?\n"
                               "User: yes. Will he need x-rays? May I ask?\n"
                               "Agent: Thank you, Alvarez. We look forward to meeting Mateo.\n"),
            "Agent: Who is the appointment for?\n"
            "User: My son [PERSON], he is seven.\n"
            "Agent: Does [PERSON] have dental insurance?\n"
            "User: yes. Will he need x-rays? May I ask?\n"
            "Agent: Thank you, [PERSON]. We look forward to meeting [PERSON].\n");
  // Lower case only where the name was said in lower case; never a word of
  // everyday English that is a name too.
  EXPECT_EQ(RedactConversation(rules_,
                               "Agent: And the patient's name?\n"
                               "User: Grace Okafor.\n"
                               "Agent: thanks. by the grace of god, Grace?\n"),
            "Agent: And the patient's name?\n"
            "User: [PERSON].\n"
            "Agent: thanks. by the grace of god, Grace?\n");
}

TEST_F(ScannerTest, AValueCorrectedInItsMiddleAndSpelledEmails) {
  EXPECT_EQ(RedactTurn(rules_, "AI: Your Social Security number, please.",
                       "User: My social is oh seven oh, two seven, no no, it's two four, not two "
                       "seven, eight oh seven three."),
            "User: My social is [US_SSN].");
  EXPECT_EQ(RedactTurn(rules_, "AI: What's the best phone number?",
                       "User: four one five, five five six, no, it's five five five, not five five "
                       "six, oh one three two."),
            "User: [PHONE_NUMBER].");
  // Spliced, no valid value: left to the other passes.
  EXPECT_EQ(RedactTurn(rules_, "AI: How many tablets a day?",
                       "User: two, no, it's three, not two, four of them."),
            "User: two, no, it's three, not two, four of them.");
  // A filler of another language inside a number.
  EXPECT_EQ(RedactTurn(rules_, "AI: Your Social Security number, please.",
                       "User: Let me see... eight five six... two seven, este, oh one eight two."),
            "User: Let me see... [US_SSN].");
  // An e-mail's first word spelled before it.
  EXPECT_EQ(RedactTurn(rules_, "AI: What email address should we use?",
                       "User: my email is m-a-r-i-s-o-l, marisol, marisol underscore ibarra at "
                       "hotmail dot com."),
            "User: my email is [EMAIL_ADDRESS].");
  EXPECT_EQ(RedactTurn(rules_, "AI: What email address should we use?",
                       "User: My email is H, h, h nguyen nineteen fifty eight at yahoo dot com."),
            "User: My email is [EMAIL_ADDRESS].");
  // (The "s" of "it's" is no letter of it.)
  EXPECT_EQ(RedactTurn(rules_, "AI: Do you have an email for the portal?",
                       "User: yeah it's s v e t l a n a underscore v at gmail dot com"),
            "User: yeah it's [EMAIL_ADDRESS]");
}


TEST_F(ScannerTest, AFalseStartCutOffByADash) {
  // The abandoned try, cut off by a dash, goes with the value said after
  // "no, sorry" / "I mean".
  EXPECT_EQ(RedactTurn(rules_, "Agent: Can you verify your date of birth?",
                       "Caller: July fifth\u2014 no, sorry, July fourth, nineteen ninety eight."),
            "Caller: [DATE_OF_BIRTH].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: what's the best number",
                       "Caller: seven three\u2013 I mean seven one nine, five five five, oh one eight nine."),
            "Caller: [PHONE_NUMBER].");
  // (An "Oh" set off before the false start is an interjection.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: And the phone?",
                       "User: Oh\u2014 five seven\u2014 I mean five zero three, five five five, oh one four four."),
            "User: Oh\u2014 [PHONE_NUMBER].");
  // (A time corrected stays.)
  const std::string keep = "Caller: I take it at five\u2014 no, sorry, six in the evening.";
  EXPECT_EQ(RedactTurn(rules_, "Agent: when do you take it?", keep), keep);
}

TEST_F(ScannerTest, ADischargeDateWithoutItsYear) {
  EXPECT_EQ(RedactTurn(rules_, "",
                       "Agent: Our records show you were discharged from the inpatient unit on September 5th. How are you?"),
            "Agent: Our records show you were discharged from the inpatient unit on [DATE]. How are you?");
  const std::string keep = "Agent: You were discharged last week; your follow-up visit is on September 5th.";
  EXPECT_EQ(RedactTurn(rules_, "", keep), keep);
}


TEST_F(ScannerTest, AnIdentityWithADayAsAnOrdinalAndALastFourInPairs) {
  EXPECT_EQ(RedactTurn(rules_, "Agent: Thank you for calling.",
                       "User: Hello, yes. Danilo Pascual. October twenty second, thirty eight. Sixty seventy one. "
                       "You left me a message."),
            "User: Hello, yes. [PERSON]. [DATE_OF_BIRTH]. [US_SSN]. You left me a message.");
  // (Two words after a birth date are no last four: an age.)
  EXPECT_EQ(RedactTurn(rules_, "Agent: Thank you for calling.",
                       "User: Hello, yes. Danilo Pascual. October twenty second, thirty eight. thirty five. "
                       "You left me a message."),
            "User: Hello, yes. [PERSON]. [DATE_OF_BIRTH]. thirty five. You left me a message.");
}


TEST_F(ScannerTest, ThePartCorrectedRightAfterAValueGoesWithIt) {
  EXPECT_EQ(RedactTurn(rules_, "AGENT: i'll need the sponsor's social", "MEMBER: 703550197 no wait 0190"),
            "MEMBER: [US_SSN]");
  EXPECT_EQ(RedactTurn(rules_, "A: and a callback number for you",
                       "B: my number is two five three five five five o one five one no o one five nine"),
            "B: my number is [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "Scheduler: i'll need the date of birth to verify",
                       "Veteran: birthday's february twelfth nineteen fifty four i mean uh nineteen fifty three"),
            "Veteran: birthday's [DATE_OF_BIRTH]");
  // (One digit after "no" is no part of the value: "no, 2 of them".)
  EXPECT_EQ(RedactTurn(rules_, "AGENT: i'll need the sponsor's social", "MEMBER: 703550197, no, 2 of them"),
            "MEMBER: [US_SSN], no, 2 of them");
}

TEST_F(ScannerTest, DigitsTrailedOffThenTheValueFromItsStart) {
  EXPECT_EQ(RedactTurn(rules_, "A: What's the best number to reach you?", "B: Okay, 9... 910 555 0175."),
            "B: Okay, [PHONE_NUMBER].");
  // (Other digits before the dots stay: a count, then the value.)
  EXPECT_EQ(RedactTurn(rules_, "A: What's the best number to reach you?", "B: Okay, 2... 910 555 0175."),
            "B: Okay, 2... [PHONE_NUMBER].");
}


TEST_F(ScannerTest, AStaffMembersNumberIsNoPatientsButAnOperatorsQuestionStillAsks) {
  const std::string interpreter =
      "User: Hello, this is the Polish interpreter, my name is Piotr, interpreter ID number 569417. The member is on the line.";
  EXPECT_NE(RedactTurn(rules_, "Agent: How can I help?", interpreter).find("569417"), std::string::npos);
  // ("Operator:" is a speaker's label, no name of the number after it.)
  EXPECT_EQ(RedactTurn(rules_, "Caller: my address is eight o five Maple Drive.\nOperator: And the zip code?",
                       "Caller: 46292"),
            "Caller: [ZIP_CODE]");
}


TEST_F(ScannerTest, AZipsFirstDigitsTrailedOffThenSaidAgainInGroups) {
  EXPECT_EQ(RedactTurn(rules_, "A: And the zip code?", "B: Um, 9... 99, 208."), "B: Um, [ZIP_CODE].");
  EXPECT_EQ(RedactTurn(rules_, "A: And the zip code?", "B: 1... 13, 601."), "B: [ZIP_CODE].");
  // (Digits that are no start of the next group stay: "2... 99, 208" is six.)
  EXPECT_EQ(RedactTurn(rules_, "A: And the zip code?", "B: 2... 99, 208."), "B: 2... 99, 208.");
}


TEST_F(ScannerTest, APartOfAValueAfterTheCallerLooksForIt) {
  EXPECT_EQ(RedactTurn(rules_,
                       "SPEAKER_00: i'll need the veteran's social security number",
                       "SPEAKER_01: hold on let me get my glasses three six nine"),
            "SPEAKER_01: hold on let me get my glasses [US_SSN]");
  // (Words after the search that are no fillers: no part.)
  EXPECT_EQ(RedactTurn(rules_,
                       "SPEAKER_00: i'll need the veteran's social security number",
                       "SPEAKER_01: hold on let me get my glasses the pharmacy closes at nine"),
            "SPEAKER_01: hold on let me get my glasses the pharmacy closes at nine");
}


TEST_F(ScannerTest, ACardsLastGroupCorrectedRightAfterIt) {
  EXPECT_EQ(RedactTurn(rules_, "AGENT: go ahead with the card number whenever you're ready",
                       "MEMBER: 4757 7407 4598 3999 no 3799"),
            "MEMBER: [CREDIT_CARD]");
  EXPECT_EQ(RedactTurn(rules_, "AI: go ahead with the card number whenever you're ready.",
                       "User: The number on the card is 4135 3375 7699 2612... no, 1612."),
            "User: The number on the card is [CREDIT_CARD].");
  // (Spliced, no valid card: stays.)
  EXPECT_EQ(RedactTurn(rules_, "AGENT: go ahead with the card number whenever you're ready",
                       "MEMBER: 4757 7407 4598 3999 no 3798"),
            "MEMBER: 4757 7407 4598 3999 no 3798");
}


TEST_F(ScannerTest, AnAutoPolicyNumberIsNoHealthPlansId) {
  const std::string keep = "User: Eight four seven, three seven three nine, it's with Blue Ridge Auto Insurance.";
  EXPECT_EQ(RedactTurn(rules_, "Agent: And the auto policy number?", keep), keep);
  EXPECT_EQ(RedactTurn(rules_, "Agent: And the policy number on your insurance card?",
                       "User: Eight four seven, three seven three nine."),
            "User: [HEALTH_PLAN_ID].");
}


TEST_F(ScannerTest, ASurnameThatIsAlsoAPlaceAfterAGivenName) {
  EXPECT_EQ(RedactTurn(rules_, "", "User: Hi, this is Tonya Washington, I'm the adjuster."),
            "User: Hi, this is [PERSON], I'm the adjuster.");
  // (Not after a place, nor in a sentence about one.)
  EXPECT_EQ(RedactTurn(rules_, "", "User: I drove to Seattle Washington yesterday."),
            "User: I drove to [LOCATION] Washington yesterday.");
}


TEST_F(ScannerTest, AnIdentityWithTheSurnameFirst) {
  EXPECT_EQ(RedactTurn(rules_, "Speaker 0: Thank you for calling.",
                       "Speaker 1: Yeah, it's Thomas, Angela. fifth of October sixty three. eighty eight zero two."),
            "Speaker 1: Yeah, it's [PERSON]. [DATE_OF_BIRTH]. [US_SSN].");
}


TEST_F(ScannerTest, TheLastFourOfAValueJustSaidReadBackEndingIn) {
  EXPECT_EQ(RedactTurn(rules_, "AI: What's the Social on the claim?\nUser: Hang on, I have the form here.\nAI: Sure.\n"
                               "User: 365-47-5352.",
                       "AI: Thank you, ending in 5352."),
            "AI: Thank you, ending in [US_SSN].");
  // (Four digits said again without "ending in" are no echo: "so 5352 is the suite?")
  EXPECT_EQ(RedactTurn(rules_, "User: 365-47-5352.", "AI: Your suite is 5352?"), "AI: Your suite is 5352?");
}


TEST_F(ScannerTest, AChartNumbersCapitalsSaidBeforeItsDigits) {
  EXPECT_EQ(RedactTurn(rules_, "AI: What's the medical record number on your paperwork?",
                       "User: BH nine six zero zero zero nine."),
            "User: [MRN].");
  // (A cue or a pronoun before it is no part of it.)
  EXPECT_EQ(RedactTurn(rules_, "AI: What's the medical record number?", "User: MRN 9600009."),
            "User: MRN [MRN].");
  EXPECT_EQ(RedactTurn(rules_, "AI: What's the medical record number?", "User: M R N 60649612."),
            "User: M R N [MRN].");
}


TEST_F(ScannerTest, APrescriptionsNumberBeforeItsDoseAndAReferralsNumber) {
  const std::string dose = "User: It's six six two nine four zero two, for thirty milligrams.";
  EXPECT_EQ(RedactTurn(rules_, "AI: Do you have the prescription number?", dose), dose);
  // (A question for a number named as none ends the questions before it.)
  const std::string rx = "Speaker 2: It's three seven three one two four one, for one hundred milligrams.";
  EXPECT_EQ(RedactTurn(rules_,
                       "Speaker 1: In case we get disconnected\u2014\nSpeaker 2: Sorry, My cell is five five nine, "
                       "555-0112.\nSpeaker 1: Do you have the prescription number?",
                       rx),
            rx);
  const std::string referral =
      "AI: It says referral number five five oh three oh eight one eight two seven. Do you have a provider in mind?";
  EXPECT_EQ(RedactTurn(rules_, "User: I was in the Navy.", referral), referral);
  // (A turn about a referral still says values: "calling about my mom's
  // referral my social is ...", read back.)
  EXPECT_EQ(RedactTurn(rules_,
                       "Nurse: Thanks for holding\nPatient: Hey, calling about my mom's referral my social is three seven "
                       "eight, six five, seven uh nine six five.",
                       "Nurse: Just to confirm, three seven eight... six five... 7 nine 6 five, correct?"),
            "Nurse: Just to confirm, [US_SSN], correct?");
  // (A phone number said with "to" for a two is still one.)
  EXPECT_EQ(RedactTurn(rules_, "AI: what's the best number", "User: seven three to uh five five five oh one four two"),
            "User: [PHONE_NUMBER]");
}


TEST_F(ScannerTest, AGroupCorrectedThenTheRestAndAnOhBeforeAValue) {
  EXPECT_EQ(RedactTurn(rules_, "Agent: Can I get a phone number in case we get disconnected?",
                       "User: 352, 565... no wait, 555, 0102."),
            "User: [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "[agent] i'll need the veteran's social",
                       "[caller] oh seven two two nine oh eight three four seven"),
            "[caller] oh [US_SSN]");
  // (Ten digits after an "oh" that make nothing asked for stay as they are.)
  const std::string keep = "[caller] oh seven two two nine oh eight three four seven";
  EXPECT_EQ(RedactTurn(rules_, "[agent] how many steps did you walk", keep), keep);
}

TEST_F(ScannerTest, DigitGroupsAnEngineWroteItsOwnWayAfterAQuestion) {
  EXPECT_EQ(RedactTurn(rules_, "Agent: What's the best number for the pharmacist to call you back?",
                       "Caller: Best number is 8,085,550,113."),
            "Caller: Best number is [PHONE_NUMBER].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: Can you verify your date of birth?", "Caller: 1, 13, 1962."),
            "Caller: [DATE_OF_BIRTH].");
  EXPECT_EQ(RedactTurn(rules_, "Agent: And the zip?", "Caller: The zip code there is 79 901."),
            "Caller: The zip code there is [ZIP_CODE].");
  const std::string keep = "Caller: I walked 3,500 steps and 1, 2, 3 flights";
  EXPECT_EQ(RedactTurn(rules_, "Agent: How much did you walk?", keep), keep);
}

TEST_F(ScannerTest, TheCallerACallBackAsksFor) {
  EXPECT_EQ(RedactTurn(rules_, "Caller: hello?",
                       "Agent: Hi, this is Yesenia with MedNow returning your call. Is this Heather?"),
            "Agent: Hi, this is [PERSON] with MedNow returning your call. Is this [PERSON]?");
  EXPECT_EQ(RedactTurn(rules_, "[caller] hello",
                       "[nurse] hi this is brandon with quickcare returning your call is this linh"),
            "[nurse] hi this is [PERSON] with quickcare returning your call is this [PERSON]");
  for (const char* keep : {"Agent: is this correct?", "Agent: Is this Monday?", "Agent: is this right"}) {
    EXPECT_EQ(RedactTurn(rules_, "Caller: hello?", keep), keep);
  }
}

TEST_F(ScannerTest, AValueAskedForInSoManyWordsAfterAnIdInTheSameSentence) {
  EXPECT_EQ(RedactTurn(rules_,
                       "[agent] Because the stipends for protocol RG-2289 go over $600 this year, we "
                       "need your Social Security number for the tax form.",
                       "[caller] Okay, it's two three nine eight two uh nine two three three."),
            "[caller] Okay, it's [US_SSN].");
  // (A cue after a value that names it still asks for nothing new.)
  const std::string keep = "[caller] I walked four thousand two hundred steps";
  EXPECT_EQ(RedactTurn(rules_, "[agent] So 4155550132, that's the phone number on file.", keep), keep);
}

TEST_F(ScannerTest, ANumberATextIsSentTo) {
  EXPECT_EQ(Redact(rules_, "Should we text the tracking to 9195550109?"),
            "Should we text the tracking to [PHONE_NUMBER]?");
  EXPECT_EQ(Redact(rules_, "Should we text the tracking to six one four five five five oh one oh three?"),
            "Should we text the tracking to [PHONE_NUMBER]?");
  EXPECT_EQ(Redact(rules_, "the tracking number is 9195550109"), "the tracking number is 9195550109");
  EXPECT_EQ(Redact(rules_, "The group number is 6664310001, employer Tri-County Transit."),
            "The group number is 6664310001, employer Tri-County Transit.");
}

TEST_F(ScannerTest, AStatesNameAfterTheCityStays) {
  EXPECT_EQ(Redact(rules_, "CALLER: 276 Elm Way, Stonebridge, georgia 37 21 1. thanks"),
            "CALLER: [STREET_ADDRESS], [LOCATION], georgia [ZIP_CODE]. thanks");
  EXPECT_EQ(Redact(rules_, "CALLER: 5 quarry road, Albany, New York 12207"),
            "CALLER: [STREET_ADDRESS], [LOCATION], New York [ZIP_CODE]");
  // (A state's code goes with the city: alone before a ZIP it reads as an id.)
  EXPECT_EQ(Redact(rules_, "CALLER: 5 quarry road, Tacoma, WA 98473"),
            "CALLER: [STREET_ADDRESS], [LOCATION] [ZIP_CODE]");
}

TEST_F(ScannerTest, ADateOfDeathSaidAfterHePassed) {
  EXPECT_EQ(RedactTurn(rules_, "[nurse] and the date", "[caller] he passed september ninth twenty twenty four"),
            "[caller] he passed [DATE]");
  EXPECT_EQ(Redact(rules_, "She passed the eleventh of March two thousand twenty four."), "She passed [DATE].");
  // (A test that passed is no death: the date stays, as other dates do.)
  EXPECT_EQ(Redact(rules_, "the build passed on 2024-01-05 in CI"), "the build passed on 2024-01-05 in CI");
}

TEST_F(ScannerTest, AnIdentitySaidUnaskedInOneBreathWithoutPunctuation) {
  EXPECT_EQ(RedactTurn(rules_, "Agent: If this is an emergency, dial 911. How can I help you today?",
                       "User: yeah hi wanda mcallister the third of january fifty two i'm calling about "
                       "my glasses"),
            "User: yeah hi [PERSON] [DATE_OF_BIRTH] i'm calling about my glasses");
  EXPECT_EQ(RedactTurn(rules_, "Agent: how can i help you",
                       "Caller: hi yeah michael esposito march first eighty four my doctor ordered a mri"),
            "Caller: hi yeah [PERSON] [DATE_OF_BIRTH] my doctor ordered a mri");
  // (An appointment or a visit is no identity: the words before the date are
  // no name.)
  for (const char* keep : {"Caller: hi my appointment is may fifth at ten i'm calling to move it",
                           "Caller: hi yeah i was there march first at two and my doctor said"}) {
    EXPECT_EQ(RedactTurn(rules_, "Agent: how can i help you", keep), keep);
  }
}

TEST_F(ScannerTest, AnAnswerTakenBackLeavesTheQuestionOpen) {
  const std::string out = RedactConversation(rules_,
                                             "AI: can I get the type one NPI for the physician\n"
                                             "User: one one two nine five five eight four nine four... "
                                             "no sorry that's my husband's\n"
                                             "AI: no problem, go ahead\n"
                                             "User: 18817. 29978\n");
  EXPECT_EQ(out.find("18817"), std::string::npos) << out;
  EXPECT_EQ(out.find("29978"), std::string::npos) << out;
  EXPECT_NE(out.find("no sorry that's my husband's"), std::string::npos) << out;
}

TEST_F(ScannerTest, AGivenNameThatIsAlsoAWordIntroducedBeforeWhomTheCallIsFor) {
  EXPECT_EQ(Redact(rules_, "Yeah, I'm Hope, and it's for my son, Mateo Young."),
            "Yeah, I'm [PERSON], and it's for my son, [PERSON].");
  EXPECT_EQ(Redact(rules_, "yeah i'm priya and it's for my father"), "yeah i'm [PERSON] and it's for my father");
  // (How the caller is, said the same way, is no name.)
  for (const char* keep : {"I'm good, and it's for my son", "I'm sorry and it's for my son",
                           "yeah i'm fine and this is for my dad", "yeah i'm okay and it's for my mom"}) {
    EXPECT_EQ(Redact(rules_, keep), keep);
  }
}

// A word that only speaks for a value, in a statement before a question for
// something in so many words, asks for nothing: the question asks.
TEST_F(ScannerTest, AStatementBeforeAQuestionForSomethingElseAsksForNothing) {
  for (const char* ask : {"AI: Check in at Suite 315, and bring your work status form. What's the claim number?",
                          "AI: Call the office if it gets worse. What's the claim number?"}) {
    EXPECT_EQ(RedactTurn(rules_, ask, "User: 23-482354"), "User: 23-482354") << ask;
  }
  // (What a rule asks for in so many words still asks; so does a statement
  // before a question for nothing in particular.)
  EXPECT_EQ(RedactTurn(rules_, "AI: I need your callback number. Go ahead?", "User: 23-482354"),
            "User: [PHONE_NUMBER]");
  EXPECT_EQ(RedactTurn(rules_, "AI: Okay, who do I have on the line?", "User: Anjali."), "User: [PERSON].");
}

// Values said alone after a name said alone, a written ordinal among them;
// an offer against a caller ID that doesn't show ("in case" is no case).
TEST_F(ScannerTest, AnIdentityDumpWithAWrittenOrdinalAndAnOfferInCase) {
  EXPECT_EQ(RedactTurn(rules_, "Agent: What can I do for you today?",
                       "User: Yeah hi. Kimberly Lewis. June 6th, 1940. 208 555 0122. I need a refill."),
            "User: Yeah hi. [PERSON]. [DATE_OF_BIRTH]. [PHONE_NUMBER]. I need a refill.");
  EXPECT_EQ(RedactTurn(rules_, "spk_0: And how old is he now?",
                       "spk_1: He just turned nine months. Oh, and 330 555 0190, in case it doesn't show up."),
            "spk_1: He just turned nine months. Oh, and [PHONE_NUMBER], in case it doesn't show up.");
  // ("case" attached to a number still names it.)
  EXPECT_EQ(Redact(rules_, "phone case 330 555 0190 opened"), "phone case 330 555 0190 opened");
}

// A phone number said after a false start of its first digits, or with its
// last group said again: the whole saying is the value.
TEST_F(ScannerTest, APhoneNumberRestartedOrItsLastGroupSaidAgain) {
  for (const char* turn :
       {"Speaker 2: three oh five five five five let me start again three oh five five fifty five zero one fifty nine",
        "Caller: six five zero five five, six fifty, five fifty five, zero one fifty three",
        "Caller: two zero one, five five five, oh one five eight, oh one five eight",
        "Interpreter: two oh one five five-- uh two oh one, five five five, oh one oh one"}) {
    const std::string out = RedactTurn(rules_, "Agent: And the best callback number?", turn);
    EXPECT_EQ(out.substr(out.find(':')), ": [PHONE_NUMBER]") << turn;
  }
  // A card number said again whole after a false start needs no question.
  for (const char* turn :
       {"User: Yes, with card. four six oh three one nine eight, uh four six zero three one nine eight seven oh "
        "seven three nine six five one six",
        "User: Yes, with card. six zero one one five seven... sixty eleven, fifty seven forty four, fifty one "
        "twenty eight, sixty won forty eight"}) {
    EXPECT_EQ(RedactTurn(rules_, "Agent: Would you like to pay that today?", turn),
              "User: Yes, with card. [CREDIT_CARD]")
        << turn;
  }
  // (One written run is no saying again: "The claim number 01016515442".)
  EXPECT_EQ(RedactTurn(rules_, "Agent: And your social?", "Agent: The claim number 01016515442 was paid."),
            "Agent: The claim number 01016515442 was paid.");
}

// A digit put right in so many words ("no wait, that's a zero, ..."): the
// part said after it corrects the one before, and the whole saying goes; a
// month given up on goes with the date said after it.
TEST_F(ScannerTest, ADigitOrAMonthPutRightInSoManyWords) {
  for (const char* turn :
       {"spk_1: five seven two... no wait, that's a zero, five seven zero, five five five, zero one three five",
        "spk_1: nine one eight... five five five... three one nine five... I mean, that's a zero, zero one nine five",
        "spk_1: three one two uh five five five uh zero three two two... scratch that, that's a one, zero one two two"}) {
    EXPECT_EQ(RedactTurn(rules_, "spk_0: and a good callback number?", turn), "spk_1: [PHONE_NUMBER]") << turn;
  }
  EXPECT_EQ(RedactTurn(rules_, "[agent] and the date of birth?",
                       "[caller] january... no, march twenty first nineteen sixty five."),
            "[caller] [DATE_OF_BIRTH].");
  // (A seven-digit number put right after a question for a prescription
  // number is that number, no local phone.)
  const std::string rx = "spk_1: two seven nine one nine six three... wait, no, that's a four, two seven nine four nine six three";
  EXPECT_EQ(RedactTurn(rules_, "spk_2: please say or enter the prescription number from your label", rx), rx);
  // (A month given up on before anything but a date stays.)
  EXPECT_EQ(RedactTurn(rules_, "[agent] when is the appointment?", "[caller] may... no, june tenth"),
            "[caller] may... no, june tenth");
}

// An identity said unasked, sentence by sentence: a name, a birth date said
// as numbers alone, then a phone, a ZIP or the last four (the date never runs
// on into them); a question for a date of another kind leaves it its say.
TEST_F(ScannerTest, AnIdentitySaidSentenceBySentenceWithADateInNumbers) {
  EXPECT_EQ(RedactTurn(rules_, "Agent: Thanks for calling. How can I help?",
                       "User: Yeah hi. Jessica Howard. eight twenty six nineteen sixty three. four one nine... "
                       "five five five... oh one two two. I need a refill."),
            "User: Yeah hi. [PERSON]. [DATE_OF_BIRTH]. [PHONE_NUMBER]. I need a refill.");
  const std::string zip = RedactTurn(rules_, "Agent: How can I help?",
                                     "User: Yeah hi. Ingrid Kelly. six twelve eighty eight. four six eight oh four. "
                                     "I have a question.");
  EXPECT_EQ(zip.find("four six"), std::string::npos) << zip;
  EXPECT_NE(zip.find("[DATE_OF_BIRTH]"), std::string::npos) << zip;
  EXPECT_NE(zip.find(". I have a question."), std::string::npos) << zip;
  EXPECT_EQ(RedactTurn(rules_, "AI: Bayside discharge follow-up line. How can I help?",
                       "User: Hi. Dorothy Kowalski. Eight twenty three forty. Seventy nine twenty nine. I missed the call."),
            "User: Hi. [PERSON]. [DATE_OF_BIRTH]. [US_SSN]. I missed the call.");
}

}  // namespace
}  // namespace phiscrub
