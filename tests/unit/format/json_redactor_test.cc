// JSON redaction: byte identity outside rewritten strings, same paths before
// and after, escapes, key context, HIPAA keys, numeric PHI, JSON in strings,
// deep nesting, malformed documents, key files, and NDJSON through the
// pipeline under every chunking.
#include "phiscrub/json.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <random>
#include <set>

#include "format/json_internal.h"
#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"
#include "test_util.h"

namespace phiscrub {
namespace {

using testing::CompileOrDie;
using testing::TempDir;

// Every JSON path in a document (containers and scalars), with the type of
// scalars other than strings: "$.a[0]=number".
void CollectPaths(simdjson::dom::element e, const std::string& path,
                  std::set<std::string>* out) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::OBJECT: {
      simdjson::dom::object obj = e.get_object().value();
      out->insert(path + "={}");
      for (auto field : obj) {
        CollectPaths(field.value, path + "." + std::string(field.key), out);
      }
      break;
    }
    case element_type::ARRAY: {
      out->insert(path + "=[]");
      size_t i = 0;
      simdjson::dom::array arr = e.get_array().value();
      for (auto item : arr) {
        CollectPaths(item, path + "[" + std::to_string(i++) + "]", out);
      }
      break;
    }
    case element_type::STRING: out->insert(path + "=string"); break;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: out->insert(path + "=number"); break;
    case element_type::BOOL: out->insert(path + "=bool"); break;
    case element_type::NULL_VALUE: out->insert(path + "=null"); break;
  }
}

// Paths of a valid document; fails the test when it does not parse.
std::set<std::string> Paths(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  auto err = parser.parse(json.data(), json.size(), true).get(root);
  EXPECT_EQ(err, simdjson::SUCCESS) << "output is not valid JSON: " << json;
  std::set<std::string> out;
  if (!err) CollectPaths(root, "$", &out);
  return out;
}

// The document with every string token emptied: equal skeletons mean every
// byte outside string tokens is identical.
std::string Skeleton(std::string_view json) {
  std::string out;
  for (size_t i = 0; i < json.size(); ++i) {
    if (json[i] != '"') {
      out.push_back(json[i]);
      continue;
    }
    size_t end = internal::JsonStringEnd(json, i);
    EXPECT_NE(end, std::string_view::npos);
    if (end == std::string_view::npos) return out;
    out += "\"\"";
    i = end - 1;
  }
  return out;
}

struct PipeOut {
  std::string output;
  Counters counters;
  std::vector<Finding> findings;
};

PipeOut RunPipeline(const std::shared_ptr<const Ruleset>& rules,
                    const std::shared_ptr<const JsonRules>& json, RecordFormat format,
                    std::string_view input, const std::vector<size_t>& chunks,
                    size_t batch_records, size_t max_record = 1 << 20);

class JsonTest : public ::testing::Test {
 protected:
  void SetUp() override { Build(JsonOptions()); }

  void Build(const JsonOptions& jopts, RulesetOptions ropts = RulesetOptions()) {
    for (auto& e : JsonRequiredEntities(jopts)) ropts.extra_entities.push_back(e);
    rules_ = CompileOrDie(ropts);
    std::vector<Diagnostic> diags;
    json_rules_ = JsonRules::Compile(rules_, jopts, &diags);
    std::string all;
    for (const auto& d : diags) all += d.ToString() + "\n";
    ASSERT_NE(json_rules_, nullptr) << all;
    redactor_ = std::make_unique<JsonRedactor>(json_rules_);
  }

  std::string Redact(std::string_view json) {
    std::string out;
    Status st = redactor_->Redact(json, &out, &findings_);
    EXPECT_TRUE(st.ok()) << st.ToString() << " for " << json;
    return out;
  }

  // Redacts and checks the invariants every output must keep.
  std::string RedactChecked(std::string_view json) {
    std::string out = Redact(json);
    EXPECT_EQ(Paths(out), Paths(json)) << out;
    EXPECT_EQ(Skeleton(out), Skeleton(json)) << out;
    return out;
  }

  std::shared_ptr<const Ruleset> rules_;
  std::shared_ptr<const JsonRules> json_rules_;
  std::unique_ptr<JsonRedactor> redactor_;
  std::vector<JsonFinding> findings_;
};

// An array of short strings is one record's row: the elements before are
// read with each element, so what follows a person is hers (a date of birth
// in the e-mail's array); an array of log lines is no row.
TEST_F(JsonTest, ArrayOfShortStringsIsARow) {
  EXPECT_EQ(Redact(R"({"input":["dana.reyes@example.com","218-555-0112","19910717"]})"),
            R"({"input":["[EMAIL_ADDRESS]","[PHONE_NUMBER]","[DATE_OF_BIRTH]"]})");
  // No person, no companion: ids and codes in other arrays stay.
  EXPECT_EQ(Redact(R"({"tags":["build","release","12345678","60431"]})"),
            R"({"tags":["build","release","12345678","60431"]})");
  // The first element is read with the elements after it: an id before the
  // name is hers too.
  EXPECT_EQ(Redact(R"({"row":["H65068268","Reyes","Dana","59112-3729","12345678"]})"),
            R"({"row":["[OTHER_ID]","[PERSON]","[PERSON]","[ZIP_CODE]","[OTHER_ID]"]})");
  EXPECT_EQ(Redact(R"({"row":["1598278","Joshi","Lakshmi","03-Oct-1975"]})"),
            R"({"row":["[OTHER_ID]","[PERSON]","[PERSON]","[DATE_OF_BIRTH]"]})");
  // (Only its own value is redacted: the elements after it are their own.)
  EXPECT_EQ(Redact(R"({"ids":["1598278","2296205"],"tags":["v1.2.3","prod"]})"),
            R"({"ids":["1598278","2296205"],"tags":["v1.2.3","prod"]})");
  // A ZIP right after a name ends the search for one person.
  EXPECT_EQ(Redact(R"({"q":"Dana Reyes 60431","hits":3})"), R"({"q":"[PERSON] [ZIP_CODE]","hits":3})");
}

TEST_F(JsonTest, RedactsStringValuesOnly) {
  EXPECT_EQ(RedactChecked(R"({"msg":"SSN 123-45-6789, call (415) 555-0132","n":123456789})"),
            R"({"msg":"SSN [US_SSN], call [PHONE_NUMBER]","n":123456789})");
}

TEST_F(JsonTest, BytesOutsideRewrittenStringsAreIdentical) {
  const std::string doc =
      "\t{ \"a\" :[1, -0.5e+10 ,true,false,null , {\"b\":\"dana@example.com\"}],\r\n"
      "  \"c\"  :  { \"d\": [ [ ], { } , \"no phi \\/ here \\u00e9\" ] },"
      "\"caf\\u00e9\" : \"x 219-09-9999 y\" ,\"e\":1E3 }  ";
  std::string out = RedactChecked(doc);
  EXPECT_EQ(out,
            "\t{ \"a\" :[1, -0.5e+10 ,true,false,null , {\"b\":\"[EMAIL_ADDRESS]\"}],\r\n"
            "  \"c\"  :  { \"d\": [ [ ], { } , \"no phi \\/ here \\u00e9\" ] },"
            "\"caf\\u00e9\" : \"x [US_SSN] y\" ,\"e\":1E3 }  ");
}

TEST_F(JsonTest, DocumentWithoutPhiIsUnchanged) {
  const std::string doc =
      R"({"ts":"2026-11-22T10:31:02.118Z","level":"info","latency_ms":12.5,)"
      R"("path":"\/api\/v1\/x","tags":["a","b"],"ok":true,"note":"caf\u00e9 \ud83d\ude00"})";
  EXPECT_EQ(Redact(doc), doc);
  EXPECT_TRUE(findings_.empty());
}

TEST_F(JsonTest, ScansDecodedStringsAndReencodesOnlyChangedOnes) {
  // The SSN's dashes are escaped; the other escapes survive re-encoding in
  // their decoded (equivalent) form.
  std::string out = RedactChecked(
      R"({"a":"line1\nSSN 123\u002d45\u002d6789 \"q\" \u00e9 \ud83d\ude00 \\ \t","b":"keep \u00e9"})");
  EXPECT_EQ(out,
            "{\"a\":\"line1\\nSSN [US_SSN] \\\"q\\\" \xC3\xA9 \xF0\x9F\x98\x80 \\\\ \\t\","
            "\"b\":\"keep \\u00e9\"}");
  ASSERT_EQ(findings_.size(), 1u);
  // Offsets are in the decoded string: "line1\nSSN " is 10 bytes.
  EXPECT_EQ(findings_[0].span.start, 10u);
  EXPECT_EQ(findings_[0].span.end, 21u);
  EXPECT_EQ(findings_[0].path, "$.a");
}

TEST_F(JsonTest, ControlCharactersAreEscapedWhenReencoding) {
  std::string out = RedactChecked(R"(["\u0001 SSN 219-09-9999 \u001f\b\f\r"])");
  EXPECT_EQ(out, R"(["\u0001 SSN [US_SSN] \u001f\b\f\r"])");
}

TEST_F(JsonTest, KeyNameIsContext) {
  EXPECT_EQ(RedactChecked(R"({"phone":"4155550132"})"), R"({"phone":"[PHONE_NUMBER]"})");
  EXPECT_EQ(RedactChecked(R"({"order":"4155550132"})"), R"({"order":"4155550132"})");
  // Not a HIPAA key, but its words are hotwords once humanised.
  EXPECT_EQ(RedactChecked(R"({"patientSsn":"123456789"})"), R"({"patientSsn":"[US_SSN]"})");
  EXPECT_EQ(RedactChecked(R"({"patient_ssn":"123456789"})"), R"({"patient_ssn":"[US_SSN]"})");
  EXPECT_EQ(RedactChecked(R"({"note":"123456789"})"), R"({"note":"123456789"})");
  // Array elements take the key of their array as context.
  EXPECT_EQ(RedactChecked(R"({"patient_ssn_list":["123456789"]})"),
            R"({"patient_ssn_list":["[US_SSN]"]})");
}

TEST_F(JsonTest, HipaaKeysRedactWholeValueInEveryCase) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"ssn", "US_SSN"}, {"SSN", "US_SSN"}, {"social_security", "US_SSN"},
      {"socialSecurityNumber", "US_SSN"}, {"social-security-number", "US_SSN"},
      {"dob", "DATE_OF_BIRTH"}, {"DOB", "DATE_OF_BIRTH"},
      {"date_of_birth", "DATE_OF_BIRTH"}, {"dateOfBirth", "DATE_OF_BIRTH"},
      {"date-of-birth", "DATE_OF_BIRTH"}, {"DATE_OF_BIRTH", "DATE_OF_BIRTH"},
      {"birth_date", "DATE_OF_BIRTH"}, {"birthDate", "DATE_OF_BIRTH"},
      {"phone", "PHONE_NUMBER"}, {"phoneNumber", "PHONE_NUMBER"},
      {"phone_number", "PHONE_NUMBER"}, {"Phone-Number", "PHONE_NUMBER"},
      {"address", "STREET_ADDRESS"}, {"homeAddress", "STREET_ADDRESS"},
      {"medical_record", "MRN"}, {"medicalRecordNumber", "MRN"}, {"mrn", "MRN"},
      {"MRN", "MRN"}, {"diagnosis", "DIAGNOSIS"}, {"Diagnosis", "DIAGNOSIS"},
      {"prescription", "PRESCRIPTION"}, {"prescriptions", "PRESCRIPTION"},
  };
  for (const auto& [key, entity] : cases) {
    std::string doc = "{\"" + key + "\":\"whatever it looks like\",\"other\":\"x\"}";
    EXPECT_EQ(RedactChecked(doc),
              "{\"" + key + "\":\"[" + entity + "]\",\"other\":\"x\"}")
        << key;
    ASSERT_EQ(findings_.size(), 1u) << key;
    EXPECT_FALSE(findings_[0].key_rule.empty());
    EXPECT_EQ(rules_->entities()[findings_[0].span.entity], entity);
  }
  // Near misses are scanned, not redacted whole.
  for (const char* key : {"ssn_count", "phoneType", "address_verified", "order"}) {
    std::string doc = std::string("{\"") + key + "\":\"plain\"}";
    EXPECT_EQ(Redact(doc), doc) << key;
  }
}

TEST_F(JsonTest, StructureAroundAValueNamesIt) {
  // A FHIR identifier names its value by a v2-0203 type code; the OID system
  // names nothing and the terminology URL is no identifier.
  EXPECT_EQ(Redact(R"({"identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/)"
                   R"(CodeSystem/v2-0203","code":"MR"}]},"system":"urn:oid:1.2.36.146.595.217.0.1","value":)"
                   R"("00448146"}]})"),
            R"({"identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/)"
            R"(CodeSystem/v2-0203","code":"MR"}]},"system":"urn:oid:1.2.36.146.595.217.0.1","value":"[MRN]"}]})");
  // The same value under a type code that names nothing stays.
  EXPECT_EQ(Redact(R"({"identifier":[{"type":{"coding":[{"code":"XX"}]},"value":"00448146"}]})"),
            R"({"identifier":[{"type":{"coding":[{"code":"XX"}]},"value":"00448146"}]})");
  // Form answers and validation errors echo a value next to its field name.
  EXPECT_EQ(Redact(R"({"fields":[{"field":"PAT_SSN","answer":"448658973"}]})"),
            R"({"fields":[{"field":"PAT_SSN","answer":"[US_SSN]"}]})");
  EXPECT_EQ(Redact(R"({"field":"patient.socialSecurityNumber","rejectedValue":"800853320"})"),
            R"({"field":"patient.socialSecurityNumber","rejectedValue":"[US_SSN]"})");
  EXPECT_EQ(Redact(R"({"loc":["body","socialSecurityNumber"],"msg":"bad","input":"170708522"})"),
            R"({"loc":["body","socialSecurityNumber"],"msg":"bad","input":"[US_SSN]"})");
  EXPECT_EQ(Redact(R"({"loc":["body","orderNumber"],"msg":"bad","input":"170708522"})"),
            R"({"loc":["body","orderNumber"],"msg":"bad","input":"170708522"})");
  // Inside an address, the parts Safe Harbor keeps are scanned, not redacted.
  EXPECT_EQ(Redact(R"({"address":{"use":"home","line":["12 Elm St"],"state":"IL","country":"US"}})"),
            R"({"address":{"use":"home","line":["[STREET_ADDRESS]"],"state":"IL","country":"US"}})");
  // Log events are no conversation: a cue in one event says nothing about
  // the numbers of the next.
  EXPECT_EQ(Redact(R"({"logEvents":[{"message":"L4SSN check done"},)"
                   R"({"message":"2023-01-14T20:31:17.960Z 23bac468-f65c-4429-9cab-e5edd2744803"}]})"),
            R"({"logEvents":[{"message":"L4SSN check done"},)"
            R"({"message":"2023-01-14T20:31:17.960Z 23bac468-f65c-4429-9cab-e5edd2744803"}]})");
  // A UUID under an id key is a surrogate key, not a record number.
  EXPECT_EQ(Redact(R"({"patient_id":"98fed694-8fde-47be-a175-2f8bde06d234"})"),
            R"({"patient_id":"98fed694-8fde-47be-a175-2f8bde06d234"})");
}

TEST_F(JsonTest, NumericPhiUnderAKeyBecomesAString) {
  EXPECT_EQ(Redact(R"({"ssn":123456789,"n":5})"), R"({"ssn":"[US_SSN]","n":5})");
  EXPECT_EQ(Redact(R"({"phone": 4155550132 })"), R"({"phone": "[PHONE_NUMBER]" })");
  EXPECT_EQ(Redact(R"({"diagnosis":true})"), R"({"diagnosis":"[DIAGNOSIS]"})");
  // null and "" carry nothing and stay.
  EXPECT_EQ(Redact(R"({"dob":null,"ssn":""})"), R"({"dob":null,"ssn":""})");
  // Numbers elsewhere are never touched.
  EXPECT_EQ(Redact(R"({"order":123456789,"ts":1700000000,"x":4155550132})"),
            R"({"order":123456789,"ts":1700000000,"x":4155550132})");
}

TEST_F(JsonTest, ContainersUnderAKeyKeepTheirStructure) {
  std::string doc =
      R"({"diagnosis":{"code":"E11.9","text":"Type 2","n":3,"list":["a",null,{"x":"y"}]},"k":"v"})";
  std::string out = Redact(doc);
  EXPECT_EQ(out,
            R"({"diagnosis":{"code":"[DIAGNOSIS]","text":"[DIAGNOSIS]","n":"[DIAGNOSIS]",)"
            R"("list":["[DIAGNOSIS]",null,{"x":"[DIAGNOSIS]"}]},"k":"v"})");
  // Same paths; only `n` changed type.
  std::set<std::string> before = Paths(doc), after = Paths(out);
  before.erase("$.diagnosis.n=number");
  before.insert("$.diagnosis.n=string");
  EXPECT_EQ(before, after);
}

TEST_F(JsonTest, JsonInsideAStringIsRedactedAndReserialised) {
  std::string out = RedactChecked(
      R"({"tool_calls":[{"function":{"name":"lookup","arguments":"{\"ssn\":\"219-09-9999\",\"n\":1, \"note\":\"call 415-555-0132\"}"}}]})");
  EXPECT_EQ(out,
            R"({"tool_calls":[{"function":{"name":"lookup","arguments":"{\"ssn\":\"[US_SSN]\",\"n\":1, \"note\":\"call [PHONE_NUMBER]\"}"}}]})");
  ASSERT_EQ(findings_.size(), 2u);
  EXPECT_EQ(findings_[0].path, "$.tool_calls[0].function.arguments|$.ssn");
  EXPECT_EQ(findings_[0].key_rule, "json.hipaa.ssn");
  EXPECT_EQ(findings_[1].path, "$.tool_calls[0].function.arguments|$.note");
  // Unchanged inner JSON keeps its original escaping.
  std::string same = R"({"arguments":"{ \"plan\" : \"Gold PPO\", \"e\":\"\\u00e9\" }"})";
  EXPECT_EQ(Redact(same), same);
}

TEST_F(JsonTest, StringThatLooksLikeJsonButDoesNotParseIsScannedAsText) {
  EXPECT_EQ(RedactChecked(R"({"command_arg":"{ssn: 219-09-9999"})"),
            R"({"command_arg":"{ssn: [US_SSN]"})");
  EXPECT_EQ(RedactChecked(R"({"raw":"[INFO] call 415-555-0132"})"),
            R"({"raw":"[INFO] call [PHONE_NUMBER]"})");
}

TEST_F(JsonTest, JsonInStringCanBeTurnedOff) {
  JsonOptions opts;
  opts.nested_json = false;
  Build(opts);
  // Scanned as text: the SSN is still found, but the inner key is not a rule.
  EXPECT_EQ(Redact(R"({"a":"{\"ssn\":\"219-09-9999\",\"x\":\"plain\"}"})"),
            R"({"a":"{\"ssn\":\"[US_SSN]\",\"x\":\"plain\"}"})");
}

TEST_F(JsonTest, DeepNestingWithinTheParserLimit) {
  const int depth = 1000;
  std::string doc(depth, '[');
  doc += "\"SSN 123-45-6789\"";
  doc += std::string(depth, ']');
  std::string out = RedactChecked(doc);
  EXPECT_NE(out.find("[US_SSN]"), std::string::npos);
  std::string objs;
  for (int i = 0; i < depth - 1; ++i) objs += "{\"a\":";
  objs += "{\"ssn\":\"x\"}";
  objs += std::string(depth - 1, '}');
  EXPECT_NE(RedactChecked(objs).find("[US_SSN]"), std::string::npos);
}

TEST_F(JsonTest, DeeperThanTheParserLimitFailsClosed) {
  std::string doc(5000, '[');
  doc += "\"SSN 123-45-6789\"";
  doc += std::string(5000, ']');
  std::string out = "keep";
  Status st = redactor_->Redact(doc, &out, &findings_);
  EXPECT_EQ(st.code(), ErrorCode::kMalformed);
  EXPECT_EQ(out, "keep");
  EXPECT_TRUE(findings_.empty());
}

TEST_F(JsonTest, MalformedDocumentsFailClosed) {
  const std::vector<std::string> bad = {
      R"({"a":"SSN 123-45-6789")",        // unterminated object
      R"({"a":"SSN 123-45-6789)",         // unterminated string
      R"({"a":1,})",                      // trailing comma
      R"({"a":1} {"b":2})",               // two documents
      R"({"a":1} x)",                     // trailing garbage
      R"({a:1})",                         // bare key
      "{\"a\":\"tab\there\"}",            // raw control character
      R"({"a":"\x41"})",                  // bad escape
      R"(["\ud83d"])",                    // lone surrogate
      R"({"id":123456789012345678901234567890})",  // beyond simdjson's numbers
      "",
  };
  for (const auto& doc : bad) {
    std::string out;
    Status st = redactor_->Redact(doc, &out, &findings_);
    EXPECT_EQ(st.code(), ErrorCode::kMalformed) << doc;
    EXPECT_TRUE(out.empty()) << doc;
    EXPECT_TRUE(findings_.empty());
  }
  std::string out;
  Status st = redactor_->Redact("{\"a\":\"bad \xff utf8\"}", &out, &findings_);
  EXPECT_EQ(st.code(), ErrorCode::kInvalidUtf8);
  EXPECT_TRUE(out.empty());
}

TEST_F(JsonTest, FindingsCarryPathsOffsetsAndRulesInDocumentOrder) {
  Redact(R"({"user":{"phones":["x","call 415-555-0132"],"ssn":"1"},"4155550132":"dana@example.com"})");
  ASSERT_EQ(findings_.size(), 4u);
  EXPECT_EQ(findings_[0].path, "$.user.phones[0]");
  EXPECT_EQ(findings_[0].key_rule, "json.hipaa.phone");
  EXPECT_EQ(findings_[1].path, "$.user.phones[1]");
  EXPECT_EQ(findings_[2].path, "$.user.ssn");
  // A key that may itself be data never reaches a side channel.
  EXPECT_EQ(findings_[3].path, "$.*");
  EXPECT_TRUE(findings_[3].key_rule.empty());
  EXPECT_EQ(rules_->rule(findings_[3].span.rule).entity, "EMAIL_ADDRESS");
  EXPECT_EQ(findings_[3].span.start, 0u);
  EXPECT_EQ(findings_[3].span.end, 16u);
  for (size_t i = 1; i < findings_.size(); ++i) {
    EXPECT_LE(findings_[i - 1].token, findings_[i].token);
  }
  // Without paths: same findings, no path strings.
  std::string out;
  ASSERT_TRUE(redactor_->Redact(R"({"ssn":"1"})", &out, &findings_, false).ok());
  ASSERT_EQ(findings_.size(), 1u);
  EXPECT_TRUE(findings_[0].path.empty());
}

TEST_F(JsonTest, ManyStringsCrossTheScanBlockBound) {
  // > 256 KiB of strings: the candidate pass runs several times per document.
  std::string doc = "[";
  for (int i = 0; i < 20000; ++i) {
    if (i) doc += ",";
    doc += (i % 97 == 0) ? "\"SSN 219-09-9999 n" + std::to_string(i) + "\""
                         : "\"filler text number " + std::to_string(i) + "\"";
  }
  doc += "]";
  std::string out = RedactChecked(doc);
  EXPECT_EQ(out.find("219-09-9999"), std::string::npos);
  EXPECT_EQ(findings_.size(), static_cast<size_t>((19999 / 97) + 1));
}

TEST_F(JsonTest, PolicyAppliesToWholeValues) {
  TempDir dir;
  RulesetOptions ropts;
  ropts.policy_file = dir.Write("p.yaml",
                                "entities:\n  US_SSN: {action: partial, keep: 4}\n"
                                "  DIAGNOSIS: drop\n");
  Build(JsonOptions(), ropts);
  EXPECT_EQ(Redact(R"({"ssn":"123-45-6789","diagnosis":"x","n":"SSN 219-09-9999"})"),
            R"({"ssn":"***-**-6789","diagnosis":"","n":"SSN ***-**-9999"})");
  EXPECT_EQ(Redact(R"({"ssn":123456789})"), R"({"ssn":"*****6789"})");
}

TEST_F(JsonTest, MutatedDocumentsEitherRedactCleanlyOrFailAsMalformed) {
  // The walker must agree with simdjson on every input simdjson accepts: no
  // kInternal, valid output with the same skeleton, or a clean kMalformed.
  const std::string seed =
      R"({"a":[1,2.5e-3,true,null,{"ssn":"123-45-6789"}],"b":"x\u00e9\"y\\","c":{"d":[[],{}]},)"
      R"("e":"{\"phone\":\"415-555-0132\"}","f":"SSN 219-09-9999"})";
  std::mt19937 rng(17);
  const char bytes[] = "{}[]\",:\\ 0123456789eE.-+tfnulr\t\nax\x80\xC3\xA9";
  int ok = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::string doc = seed;
    int edits = 1 + rng() % 3;
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % doc.size();
      char b = bytes[rng() % (sizeof bytes - 1)];
      switch (rng() % 3) {
        case 0: doc[at] = b; break;
        case 1: doc.insert(doc.begin() + at, b); break;
        default: doc.erase(at, 1 + rng() % 3); break;
      }
    }
    std::string out;
    Status st = redactor_->Redact(doc, &out, &findings_);
    if (st.ok()) {
      ++ok;
      ASSERT_EQ(Skeleton(out), Skeleton(doc)) << doc;
      EXPECT_EQ(Paths(out).size(), Paths(doc).size()) << doc;
    } else {
      ASSERT_TRUE(st.code() == ErrorCode::kMalformed ||
                  st.code() == ErrorCode::kInvalidUtf8)
          << st.ToString() << " for " << doc;
      EXPECT_TRUE(out.empty());
    }
  }
  EXPECT_GT(ok, 100);  // the mutations left enough valid documents
}

// ---------------------------------------------------------------------------
// Key files

TEST_F(JsonTest, KeyFileRulesByPathAndKey) {
  TempDir dir;
  std::string file = dir.Write("keys.yaml", R"(
rules:
  - {path: "$.user.notes", action: redact, entity: CLINICAL_NOTE}
  - {path: "$.call_log[*].content", action: redact, entity: TRANSCRIPT, id: transcript}
  - {path: "$['odd key'][1]", action: skip}
  - {key: trace_id, action: skip}
  - {key: address, action: scan}
  - {path: "$.meta", action: skip}
  - {path: "$.meta.ssn", action: scan}
)");
  JsonOptions opts;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(LoadJsonKeyFile(file, &opts, &diags)) << diags[0].ToString();
  Build(opts);
  EXPECT_EQ(Redact(R"({"user":{"notes":"anything","other":"x"},"notes":"kept"})"),
            R"({"user":{"notes":"[CLINICAL_NOTE]","other":"x"},"notes":"kept"})");
  EXPECT_EQ(Redact(R"({"call_log":[{"role":"user","content":"hi"},{"content":"bye"}]})"),
            R"({"call_log":[{"role":"user","content":"[TRANSCRIPT]"},{"content":"[TRANSCRIPT]"}]})");
  EXPECT_EQ(findings_[0].key_rule, "transcript");
  EXPECT_EQ(Redact(R"({"odd key":["SSN 219-09-9999","SSN 219-09-9999"]})"),
            R"({"odd key":["SSN [US_SSN]","SSN 219-09-9999"]})");
  EXPECT_EQ(Redact(R"({"traceId":"SSN 219-09-9999"})"), R"({"traceId":"SSN 219-09-9999"})");
  // A key file rule beats the HIPAA key of the same name.
  EXPECT_EQ(Redact(R"({"address":"the host, SSN 219-09-9999"})"),
            R"({"address":"the host, SSN [US_SSN]"})");
  // Skip covers a subtree, built-in HIPAA keys inside included; a more
  // specific key file rule inside wins.
  EXPECT_EQ(Redact(R"({"meta":{"a":"SSN 219-09-9999","ssn":"SSN 219-09-9999","dob":"x"}})"),
            R"({"meta":{"a":"SSN 219-09-9999","ssn":"SSN [US_SSN]","dob":"x"}})");
}

TEST_F(JsonTest, HipaaKeysCanBeTurnedOff) {
  JsonOptions opts;
  opts.hipaa_keys = false;
  Build(opts);
  EXPECT_EQ(Redact(R"({"ssn":"plain","dob":"x"})"), R"({"ssn":"plain","dob":"x"})");
  EXPECT_EQ(Redact(R"({"ssn":"219-09-9999"})"), R"({"ssn":"[US_SSN]"})");
}

TEST_F(JsonTest, NameKeysAndFlattenedPathsTakeTheWholeValue) {
  // Everyday words are names too when the key says so ("Rhea").
  EXPECT_EQ(RedactChecked(R"({"customer_name":"Rhea","clinic":"Summit Ortho"})"),
            R"({"customer_name":"[PERSON]","clinic":"Summit Ortho"})");
  EXPECT_EQ(RedactChecked(R"({"forename":"Folake","last_nm":"Chukwu"})"),
            R"({"forename":"[PERSON]","last_nm":"[PERSON]"})");
  EXPECT_EQ(RedactChecked(R"({"patient_dob":"2019-02-03","member_ssn":"plain","mr_no":"A1"})"),
            R"({"patient_dob":"[DATE_OF_BIRTH]","member_ssn":"[US_SSN]","mr_no":"[MRN]"})");
  EXPECT_EQ(RedactChecked(R"({"name_last":"Okafor","nm_first":"Chidi","subscriber_nm":"Okafor"})"),
            R"({"name_last":"[PERSON]","nm_first":"[PERSON]","subscriber_nm":"[PERSON]"})");
  // Log pipelines flatten nested records: the last part of the key counts.
  EXPECT_EQ(RedactChecked(R"({"ctx.member.name.given":"Folake","ctx.member.dob":"1961-02-03"})"),
            R"({"ctx.member.name.given":"[PERSON]","ctx.member.dob":"[DATE_OF_BIRTH]"})");
  // Telephony webhooks: caller id name and number.
  EXPECT_EQ(RedactChecked(R"({"caller_id_name":"HU MING","caller_id_number":"8165550139"})"),
            R"({"caller_id_name":"[PERSON]","caller_id_number":"[PHONE_NUMBER]"})");
  // Bare name-part keys take values written like names, nothing else.
  EXPECT_EQ(RedactChecked(R"({"nameFirst":"Takeshi","last":"Hayashi","mbi":"x"})"),
            R"({"nameFirst":"[PERSON]","last":"[PERSON]","mbi":"x"})");
  EXPECT_EQ(RedactChecked(R"({"last":"2024-01-02","first":"true","cursor":{"last":"Zed9"}})"),
            R"({"last":"2024-01-02","first":"true","cursor":{"last":"Zed9"}})");
  // A carrier's placeholder in the caller-id name names nobody.
  EXPECT_EQ(RedactChecked(R"({"caller_id_name":"WIRELESS CALLER","patient_name":"Unknown"})"),
            R"({"caller_id_name":"WIRELESS CALLER","patient_name":"Unknown"})");
  EXPECT_EQ(RedactChecked(R"({"ctx.member.plan":"Gold","ctx.request.state":"IL"})"),
            R"({"ctx.member.plan":"Gold","ctx.request.state":"IL"})");
}

TEST_F(JsonTest, ValuesNamedBySiblingsAndTableColumns) {
  // {"key": ..., "val": ...}: the value of the key its sibling names.
  EXPECT_EQ(RedactChecked(R"({"fields":[{"key":"first_nm","val":"Rhea"},{"key":"plan","val":"Gold"}]})"),
            R"({"fields":[{"key":"first_nm","val":"[PERSON]"},{"key":"plan","val":"Gold"}]})");
  // A row takes the names of the header beside it, a table of rows too.
  EXPECT_EQ(RedactChecked(R"({"columns":["mrn","last","first","dob"],"row":["1028326","Haddad","Amira","6/17/17"]})"),
            R"({"columns":["mrn","last","first","dob"],"row":["[MRN]","[PERSON]","[PERSON]","[DATE_OF_BIRTH]"]})");
  EXPECT_EQ(RedactChecked(R"({"header":["status","ssn"],"rows":[["ok","219-09-9999"],["done","plain"]]})"),
            R"({"header":["status","ssn"],"rows":[["ok","[US_SSN]"],["done","[US_SSN]"]]})");
  // The header itself and tables of other things stay.
  EXPECT_EQ(RedactChecked(R"({"columns":["status","count"],"row":["ok","12"]})"),
            R"({"columns":["status","count"],"row":["ok","12"]})");
}

TEST_F(JsonTest, KeyFileProblemsAreAllReportedWithTheFile) {
  TempDir dir;
  std::string file = dir.Write("bad.yaml", R"(
colour: blue
rules:
  - {key: a, action: redact}
  - {key: b, path: "$.b", action: skip}
  - {key: c, action: hide}
  - {key: d, action: scan, entity: X}
  - {key: e, action: skip, frobnicate: 1}
  - just a string
)");
  JsonOptions opts;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(LoadJsonKeyFile(file, &opts, &diags));
  EXPECT_GE(diags.size(), 7u);
  for (const auto& d : diags) EXPECT_EQ(d.file, file) << d.ToString();
  std::string all;
  for (const auto& d : diags) all += d.ToString() + "\n";
  EXPECT_NE(all.find("unknown key 'colour'"), std::string::npos) << all;
  EXPECT_NE(all.find("rule 3"), std::string::npos) << all;
  EXPECT_NE(all.find("'hide'"), std::string::npos) << all;

  diags.clear();
  EXPECT_FALSE(LoadJsonKeyFile(dir.Write("syntax.yaml", "rules: [\n"), &opts, &diags));
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].message.find("YAML"), std::string::npos);

  diags.clear();
  EXPECT_FALSE(LoadJsonKeyFile(dir.path() + "/missing.yaml", &opts, &diags));
  ASSERT_EQ(diags.size(), 1u);
}

TEST_F(JsonTest, CompileRejectsBadPathsEntitiesAndPlaceholders) {
  auto rules = CompileOrDie();
  const std::vector<std::string> bad_paths = {"user.x", "$..x", "$.a[", "$[x]", "$.a['b"};
  for (const auto& p : bad_paths) {
    JsonOptions opts;
    opts.hipaa_keys = false;
    opts.rules.push_back({p, "", JsonKeyRule::Action::kSkip, "", "", "keys.yaml rule 1"});
    std::vector<Diagnostic> diags;
    EXPECT_EQ(JsonRules::Compile(rules, opts, &diags), nullptr) << p;
    ASSERT_FALSE(diags.empty());
    EXPECT_EQ(diags[0].file, "keys.yaml rule 1");
  }
  // HIPAA entities must be registered first.
  std::vector<Diagnostic> diags;
  EXPECT_EQ(JsonRules::Compile(rules, JsonOptions(), &diags), nullptr);
  EXPECT_NE(diags[0].message.find("is not registered"), std::string::npos);
  // The placeholder must stay one line of valid JSON.
  JsonOptions opts;
  opts.hipaa_keys = false;
  opts.placeholder = "[WITHHELD {reason}]";
  diags.clear();
  EXPECT_EQ(JsonRules::Compile(rules, opts, &diags), nullptr);
  opts.placeholder = R"({"error":"{reason}","source":"phiscrub"})";
  auto ok = JsonRules::Compile(rules, opts, &diags);
  ASSERT_NE(ok, nullptr);
  EXPECT_EQ(ok->ErrorPlaceholder("oversize"), R"({"error":"oversize","source":"phiscrub"})");
}

// ---------------------------------------------------------------------------
// Word alignment and profiles

JsonOptions WithAlignment() {
  JsonOptions opts;
  JsonWordAlignment a;
  a.group = "$.alts[*]";
  a.transcript = "transcript";
  a.words = "words";
  a.word_text = {"punctuated", "w"};
  a.start = "start";
  a.end = "end";
  a.id = "test.words";
  opts.alignments.push_back(a);
  return opts;
}

TEST_F(JsonTest, WordsInsideATranscriptSpanGetItsPlaceholderAndTimes) {
  Build(WithAlignment());
  std::string doc =
      R"({"alts":[{"words":[{"w":"call","start":1.0,"end":1.2},{"w":"415","start":1.2,"end":1.6},)"
      R"({"w":"555","start":1.6,"end":2.0},{"w":"0132","punctuated":"0132.","start":2.0,"end":2.5},)"
      R"({"w":"thanks","start":3.0,"end":3.4}],"transcript":"Call 415-555-0132. Thanks"}]})";
  std::string out = RedactChecked(doc);
  EXPECT_EQ(out,
            R"({"alts":[{"words":[{"w":"call","start":1.0,"end":1.2},{"w":"[PHONE_NUMBER]","start":1.2,"end":1.6},)"
            R"({"w":"[PHONE_NUMBER]","start":1.6,"end":2.0},{"w":"[PHONE_NUMBER]","punctuated":"[PHONE_NUMBER]","start":2.0,"end":2.5},)"
            R"({"w":"thanks","start":3.0,"end":3.4}],"transcript":"Call [PHONE_NUMBER]. Thanks"}]})");
  ASSERT_EQ(findings_.size(), 1u);  // one per transcript span, none per word
  EXPECT_EQ(findings_[0].path, "$.alts[0].transcript");
  EXPECT_DOUBLE_EQ(findings_[0].audio_start, 1.2);
  EXPECT_DOUBLE_EQ(findings_[0].audio_end, 2.5);
}

TEST_F(JsonTest, WordsThatCannotBePlacedAreScannedAlone) {
  Build(WithAlignment());
  // The second word is not in the transcript; the second group has none.
  std::string doc =
      R"({"alts":[{"transcript":"hello there","words":[{"w":"hello"},{"w":"219-09-9999"},{"w":"there"}]},)"
      R"({"words":[{"w":"dana@example.com","start":"4.5","end":"5"}]}]})";
  EXPECT_EQ(RedactChecked(doc),
            R"({"alts":[{"transcript":"hello there","words":[{"w":"hello"},{"w":"[US_SSN]"},{"w":"there"}]},)"
            R"({"words":[{"w":"[EMAIL_ADDRESS]","start":"4.5","end":"5"}]}]})");
  ASSERT_EQ(findings_.size(), 2u);
  EXPECT_EQ(findings_[0].path, "$.alts[0].words[1].w");
  EXPECT_LT(findings_[0].audio_start, 0);
}

TEST_F(JsonTest, AlignmentIsPerGroupInstanceAndPerDocumentInABatch) {
  Build(WithAlignment());
  std::string input =
      R"({"alts":[{"transcript":"SSN 219-09-9999","words":[{"w":"SSN"},{"w":"219-09-9999","start":0.5,"end":1.5}]},)"
      R"({"transcript":"fine","words":[{"w":"fine"}]}]})" "\n"
      R"({"alts":[{"words":[{"w":"ok"},{"w":"123-45-6789","start":7,"end":8}],"transcript":"ok 123-45-6789"}]})" "\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kNdjson, input, {input.size()}, 100);
  EXPECT_EQ(r.output,
            R"({"alts":[{"transcript":"SSN [US_SSN]","words":[{"w":"SSN"},{"w":"[US_SSN]","start":0.5,"end":1.5}]},)"
            R"({"transcript":"fine","words":[{"w":"fine"}]}]})" "\n"
            R"({"alts":[{"words":[{"w":"ok"},{"w":"[US_SSN]","start":7,"end":8}],"transcript":"ok [US_SSN]"}]})" "\n");
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].record, 0u);
  EXPECT_DOUBLE_EQ(r.findings[0].audio_start, 0.5);
  EXPECT_EQ(r.findings[1].record, 1u);
  EXPECT_DOUBLE_EQ(r.findings[1].audio_end, 8);
}

// A document's row is its own: the flag at the end of one record's array
// ("--member-id") is no context for the next record's numbers.
TEST_F(JsonTest, ARowNeverReachesTheNextDocumentInABatch) {
  std::string input = R"({"argv":["x","--member-id","GA59JBJBNFA"]})" "\n"
                      R"({"level":40,"time":1711106184042,"pid":27883})" "\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kNdjson, input, {input.size()}, 100);
  EXPECT_EQ(r.output, R"({"argv":["x","--member-id","[HEALTH_PLAN_ID]"]})" "\n"
                      R"({"level":40,"time":1711106184042,"pid":27883})" "\n");
}

TEST_F(JsonTest, ProfilesAddRulesAndAlignments) {
  for (const auto& name : JsonProfileNames()) {
    JsonOptions opts;
    ASSERT_TRUE(AddJsonProfile(name, &opts)) << name;
    EXPECT_TRUE(!opts.rules.empty() || !opts.alignments.empty()) << name;
    Build(opts);  // every profile compiles against its required entities
  }
  JsonOptions opts;
  EXPECT_FALSE(AddJsonProfile("twilio", &opts));
  ASSERT_TRUE(AddJsonProfile("signalwire", &opts));
  Build(opts);
  EXPECT_EQ(Redact(R"({"caller_id_name":"Dana Reyes","caller_id_number":"+14155550132","call_id":"219-09-9999"})"),
            R"({"caller_id_name":"[PERSON]","caller_id_number":"[PHONE_NUMBER]","call_id":"219-09-9999"})");
  // The profile redacts the caller-id name whatever it holds, but a
  // carrier's placeholder names nobody.
  EXPECT_EQ(Redact(R"({"caller_id_name":"WIRELESS CALLER","caller_id_number":"+14155550132"})"),
            R"({"caller_id_name":"WIRELESS CALLER","caller_id_number":"[PHONE_NUMBER]"})");
  EXPECT_EQ(Redact(R"({"caller_id_name":"WIRELESS DANA"})"), R"({"caller_id_name":"[PERSON]"})");
}

TEST_F(JsonTest, RecordingUrlsAreScannedUnlessAskedToRedact) {
  // A link to the call's audio is kept (it is how the recording is
  // fetched); PHI inside it is still found.
  const std::string doc =
      R"({"message":{"type":"end-of-call-report","recordingUrl":"https://storage.example.com/r/abc123.wav",)"
      R"("stereoRecordingUrl":"https://storage.example.com/r/4155550132-stereo.wav"}})";
  JsonOptions opts;
  ASSERT_TRUE(AddJsonProfile("vapi", &opts));
  Build(opts);
  std::string out = Redact(doc);
  EXPECT_NE(out.find(R"("recordingUrl":"https://storage.example.com/r/abc123.wav")"),
            std::string::npos) << out;
  EXPECT_EQ(out.find("4155550132"), std::string::npos) << out;
  EXPECT_EQ(out.find("RECORDING_URL"), std::string::npos) << out;
  // redact_recording_urls in a key file: the profiles' links become
  // RECORDING_URL, detected profiles included.
  TempDir dir;
  JsonOptions keyed;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(LoadJsonKeyFile(dir.Write("k.yaml", "redact_recording_urls: true\n"), &keyed, &diags));
  EXPECT_TRUE(keyed.redact_recording_urls);
  keyed.detect_profiles = true;
  Build(keyed);
  std::string in = R"({"event":"call_analyzed","call":{"call_id":"c1","agent_id":"a1","from_number":"x",)"
                   R"("recording_url":"https://x.example.com/a.wav"}})" "\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kAuto, in, {in.size()}, 100);
  EXPECT_EQ(r.output, R"({"event":"call_analyzed","call":{"call_id":"c1","agent_id":"a1","from_number":"[PHONE_NUMBER]",)"
                      R"("recording_url":"[RECORDING_URL]"}})" "\n");
}

TEST_F(JsonTest, DetectedProfilesApplyPerDocument) {
  JsonOptions opts;
  opts.detect_profiles = true;
  Build(opts);
  std::string input =
      R"({"event":"call_analyzed","call":{"call_id":"c1","agent_id":"a1","from_number":"x",)"
      R"("transcript_object":[{"content":"SSN 219-09-9999","words":[{"word":"SSN"},{"word":"219-09-9999","start":1,"end":2}]}]}})" "\n"
      R"({"from_number":"x","msg":"no vendor shape"})" "\n"
      R"({"action":"post_conversation","caller_id_name":"Dana Reyes","call_log":[]})" "\n"
      R"({"caller_id_name":"front desk"})" "\n"
      R"({"Transcript":{"Results":[{"Alternatives":[{"Transcript":"call 415-555-0132","Items":[{"Content":"call"},{"Content":"415-555-0132","StartTime":0.5,"EndTime":1.5}]}]}]}})" "\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kAuto, input, {input.size()}, 100);
  EXPECT_EQ(r.output,
            R"({"event":"call_analyzed","call":{"call_id":"c1","agent_id":"a1","from_number":"[PHONE_NUMBER]",)"
            R"("transcript_object":[{"content":"SSN [US_SSN]","words":[{"word":"SSN"},{"word":"[US_SSN]","start":1,"end":2}]}]}})" "\n"
            R"({"from_number":"x","msg":"no vendor shape"})" "\n"
            R"({"action":"post_conversation","caller_id_name":"[PERSON]","call_log":[]})" "\n"
            R"({"caller_id_name":"front desk"})" "\n"
            R"({"Transcript":{"Results":[{"Alternatives":[{"Transcript":"call [PHONE_NUMBER]","Items":[{"Content":"call"},{"Content":"[PHONE_NUMBER]","StartTime":0.5,"EndTime":1.5}]}]}]}})" "\n");
  bool timed = false;
  for (const auto& f : r.findings) timed |= f.record == 4 && f.audio_start == 0.5;
  EXPECT_TRUE(timed);
}

// Transcribe Call Analytics output: the AWS account and the job are no
// one's ids; the turns are a conversation.
TEST_F(JsonTest, TranscribeCallAnalyticsKeepsItsAccountAndJob) {
  JsonOptions opts;
  opts.detect_profiles = true;
  Build(opts);
  std::string input =
      R"({"JobStatus":"COMPLETED","AccountId":"559113815635","JobName":"callcenter-9741c396a5",)"
      R"("Transcript":[{"Content":"What's your date of birth?","ParticipantRole":"AGENT"},)"
      R"({"Content":"march fifth nineteen eighty two","ParticipantRole":"CUSTOMER"}]})" "\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kAuto, input, {input.size()}, 100);
  EXPECT_EQ(r.output,
            R"({"JobStatus":"COMPLETED","AccountId":"559113815635","JobName":"callcenter-9741c396a5",)"
            R"("Transcript":[{"Content":"What's your date of birth?","ParticipantRole":"AGENT"},)"
            R"({"Content":"[DATE_OF_BIRTH]","ParticipantRole":"CUSTOMER"}]})" "\n");
}

// Word lists that do not match their transcript word for word: a mark the
// transcript lacks never carries the cursor over the words after it, and a
// word the transcript writes otherwise ("fourfive" for "four five") between
// two words of a span is part of it. Plain --format json detects the profile.
TEST_F(JsonTest, WordsAlignDespiteMarksAndWordsTheTranscriptLacks) {
  JsonOptions opts;
  opts.detect_profiles = true;
  Build(opts);
  auto item = [](const char* w) {
    return std::string(R"({"type":"pronunciation","alternatives":[{"content":")") + w + R"("}]})";
  };
  std::string items;
  for (const char* w : {"Thanks", ",", "so", "my", "social", "is", "one", "two", "three",
                        "fourfive", "six", "seven", "eight", "nine", ".", "okay"}) {
    if (!items.empty()) items += ",";
    items += item(w);
  }
  std::string input =
      R"({"jobName":"j1","results":{"transcripts":[{"transcript":"Thanks so my social is one two three four five six seven eight nine okay, great."}],"items":[)" +
      items + "]}}\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kJson, input, {input.size()}, 100);
  for (const char* w : {"one", "two", "fourfive", "six", "nine"}) {
    EXPECT_EQ(r.output.find(std::string("\"") + w + "\""), std::string::npos) << w << "\n" << r.output;
  }
  EXPECT_NE(r.output.find(R"("content":"okay")"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(R"("content":"social")"), std::string::npos) << r.output;
}

// Deepgram: the request's metadata is kept, what the caller attached to it
// ("extra") is scanned.
TEST_F(JsonTest, DeepgramMetadataExtraIsScanned) {
  JsonOptions opts;
  opts.detect_profiles = true;
  Build(opts);
  std::string input =
      R"({"metadata":{"request_id":"7c1e2d3a-55aa-4b1c-9e0f-1234567890ab","sha256":"ab12","duration":94.6,)"
      R"("extra":{"patient_name":"Tomas Oyelaran","date_of_birth":"04/30/1967","callback_number":"859-555-0124"}},)"
      R"("results":{"channels":[{"alternatives":[{"transcript":"hello","words":[]}]}]}})" "\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kAuto, input, {input.size()}, 100);
  EXPECT_EQ(r.output,
            R"({"metadata":{"request_id":"7c1e2d3a-55aa-4b1c-9e0f-1234567890ab","sha256":"ab12","duration":94.6,)"
            R"("extra":{"patient_name":"[PERSON]","date_of_birth":"[DATE_OF_BIRTH]","callback_number":"[PHONE_NUMBER]"}},)"
            R"("results":{"channels":[{"alternatives":[{"transcript":"hello","words":[]}]}]}})" "\n");
}

TEST_F(JsonTest, BadAlignmentPathsAreReported) {
  JsonOptions opts = WithAlignment();
  opts.alignments[0].words = "words[";
  auto rules = CompileOrDie();
  std::vector<Diagnostic> diags;
  opts.hipaa_keys = false;
  EXPECT_EQ(JsonRules::Compile(rules, opts, &diags), nullptr);
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].file.find("test.words"), std::string::npos);
}

// ---------------------------------------------------------------------------
// Helpers

TEST(JsonInternalTest, HumaniseKey) {
  auto h = [](std::string_view k) {
    std::string out;
    internal::HumaniseKey(k, &out);
    return out;
  };
  EXPECT_EQ(h("dateOfBirth"), "date Of Birth");
  EXPECT_EQ(h("date_of_birth"), "date of birth");
  EXPECT_EQ(h("date-of.birth"), "date of birth");
  EXPECT_EQ(h("SSN"), "SSN");
  EXPECT_EQ(h("caller2Phone"), "caller2 Phone");
  EXPECT_EQ(h(std::string(100, 'a') + "_ssn"), std::string(60, 'a') + " ssn");
}

TEST(JsonInternalTest, DecodeAndEncodeRoundTrip) {
  std::string dec;
  ASSERT_TRUE(internal::DecodeJsonString(R"(a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00\u0000)", &dec));
  EXPECT_EQ(dec, std::string("a\"b\\c/d\b\f\n\r\t\xC3\xA9\xF0\x9F\x98\x80\0", 19));
  std::string enc;
  internal::AppendJsonString(dec, &enc);
  EXPECT_EQ(enc, "\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\xC3\xA9\xF0\x9F\x98\x80\\u0000\"");
  dec.clear();
  ASSERT_TRUE(internal::DecodeJsonString(R"(\ude00x)", &dec));
  EXPECT_EQ(dec, "\xEF\xBF\xBDx");  // lone surrogate -> U+FFFD
  dec.clear();
  EXPECT_FALSE(internal::DecodeJsonString(R"(\q)", &dec));
  EXPECT_EQ(internal::JsonStringEnd(R"("a\"b\\" x)", 0), 8u);
}

TEST(JsonInternalTest, StringTokenAgreesWithTheSimpleScanAtEveryAlignment) {
  // Quotes and backslashes on both sides of the 16-byte steps.
  std::mt19937 rng(9);
  const char alphabet[] = {'a', 'b', '"', '\\', ' ', '\xC3', '\xA9'};
  for (int trial = 0; trial < 20000; ++trial) {
    std::string body;
    size_t len = rng() % 70;
    for (size_t i = 0; i < len; ++i) {
      char c = alphabet[rng() % sizeof alphabet];
      if (c == '\\') {
        body += "\\";
        body.push_back("\"\\/nt"[rng() % 5]);
      } else if (c != '"') {
        body.push_back(c);
      }
    }
    std::string doc = std::string(rng() % 20, ' ') + "\"" + body + "\"" + std::string(rng() % 40, 'x');
    size_t open = doc.find('"');
    bool escaped = false;
    size_t end = internal::JsonStringToken(doc, open, &escaped);
    ASSERT_EQ(end, internal::JsonStringEnd(doc, open)) << doc;
    ASSERT_EQ(end, open + body.size() + 2) << doc;
    EXPECT_EQ(escaped, body.find('\\') != std::string::npos) << doc;
  }
}

// ---------------------------------------------------------------------------
// Through the pipeline

PipeOut RunPipeline(const std::shared_ptr<const Ruleset>& rules,
                    const std::shared_ptr<const JsonRules>& json, RecordFormat format,
                    std::string_view input, const std::vector<size_t>& chunks,
                    size_t batch_records, size_t max_record) {
  TextOptions opts;
  opts.max_record = max_record;
  opts.format = format;
  opts.json = json;
  LineFramer framer(max_record, 0, format == RecordFormat::kJson);
  BatchRedactor redactor(rules, opts);
  RecordBatch batch;
  BatchResult result;
  size_t pos = 0, ci = 0;
  while (pos < input.size()) {
    size_t n = std::min(chunks[ci++ % chunks.size()], input.size() - pos);
    framer.Feed(input.substr(pos, n), &batch);
    pos += n;
    if (batch.size() >= batch_records) {
      redactor.Process(batch, &result, true);
      batch.Clear();
    }
  }
  framer.Finish(&batch);
  redactor.Process(batch, &result, true);
  return {result.output, result.counters, result.findings};
}

std::string NdjsonCorpus(int lines, uint32_t seed) {
  std::mt19937 rng(seed);
  const char* phi[] = {"SSN 123-45-6789", "call (415) 555-0132", "dana@example.com",
                       "SSN: 219099999", "Dana Reyes 415-555-0175"};
  std::string s;
  for (int i = 0; i < lines; ++i) {
    switch (rng() % 7) {
      case 0: s += ""; break;
      case 1: s += R"({"ts":"2026-11-22T10:31:02Z","n":)" + std::to_string(rng()) + "}"; break;
      case 2: s += R"({"msg":")" + std::string(phi[rng() % 5]) + R"( \u00e9","ok":true})" "\r"; break;
      case 3: s += R"({"user":{"phone":)" + std::to_string(4155550100 + rng() % 99) + "}}"; break;
      case 4: s += R"({"broken": )"; break;
      case 5: s += R"({"args":"{\"dob\":\"1990-03-03\"}","x":[1,2,")" + std::string(phi[rng() % 5]) + R"("]})"; break;
      default: s += R"(  ["a", ")" + std::string(phi[rng() % 5]) + R"("]  )"; break;
    }
    s += '\n';
  }
  s += R"({"last":"no newline 123-45-6789"})";
  return s;
}

TEST_F(JsonTest, NdjsonChunkAndBatchInvariance) {
  std::string input = NdjsonCorpus(300, 5);
  PipeOut whole = RunPipeline(rules_, json_rules_, RecordFormat::kNdjson, input,
                              {input.size()}, 1 << 30);
  EXPECT_EQ(whole.counters.records, 301u);
  EXPECT_GT(whole.counters.fail_closed[static_cast<int>(FailReason::kMalformedJson)], 0u);
  EXPECT_EQ(whole.output.find("123-45-6789"), std::string::npos);
  EXPECT_EQ(whole.output.find("555-0132"), std::string::npos);
  EXPECT_EQ(whole.output.find("1990-03-03"), std::string::npos);
  EXPECT_EQ(whole.output.find("broken"), std::string::npos);
  // Every output line is valid JSON (or blank), line for line.
  size_t in_lines = std::count(input.begin(), input.end(), '\n');
  EXPECT_EQ(static_cast<size_t>(std::count(whole.output.begin(), whole.output.end(), '\n')),
            in_lines);
  simdjson::dom::parser parser;
  size_t pos = 0;
  while (pos < whole.output.size()) {
    size_t nl = whole.output.find('\n', pos);
    if (nl == std::string::npos) nl = whole.output.size();
    std::string_view line(whole.output.data() + pos, nl - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      EXPECT_EQ(parser.parse(line.data(), line.size(), true).error(), simdjson::SUCCESS)
          << line;
    }
    pos = nl + 1;
  }
  PipeOut ones = RunPipeline(rules_, json_rules_, RecordFormat::kNdjson, input, {1}, 1);
  EXPECT_EQ(ones.output, whole.output);
  std::mt19937 rng(3);
  for (int trial = 0; trial < 10; ++trial) {
    std::vector<size_t> chunks;
    for (int k = 0; k < 8; ++k) chunks.push_back(1 + rng() % 300);
    PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kNdjson, input, chunks,
                            1 + rng() % 50);
    ASSERT_EQ(r.output, whole.output) << "trial " << trial;
    EXPECT_EQ(r.findings.size(), whole.findings.size());
  }
}

TEST_F(JsonTest, NdjsonMalformedLineBecomesJsonPlaceholder) {
  std::string input =
      "{\"a\":\"SSN 123-45-6789\"}\n{\"a\": SECRET 219-09-9999\n\n{\"b\":1}\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kNdjson, input, {7}, 2);
  EXPECT_EQ(r.output,
            "{\"a\":\"SSN [US_SSN]\"}\n{\"phiscrub_error\":\"malformed_json\"}\n\n{\"b\":1}\n");
  EXPECT_EQ(r.counters.fail_closed[static_cast<int>(FailReason::kMalformedJson)], 1u);
  EXPECT_EQ(r.counters.records, 4u);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].record, 0u);
  EXPECT_EQ(r.findings[0].path, "$.a");
}

TEST_F(JsonTest, OversizeAndInvalidUtf8PlaceholdersAreJsonInJsonModes) {
  std::string input = "{\"a\":\"" + std::string(100, 'x') + "\"}\n{\"a\":\"\xff\"}\nplain\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kNdjson, input, {input.size()},
                          100, 50);
  EXPECT_EQ(r.output,
            "{\"phiscrub_error\":\"oversize\"}\n{\"phiscrub_error\":\"invalid_utf8\"}\n"
            "{\"phiscrub_error\":\"malformed_json\"}\n");
  // auto: the placeholder follows what the line looked like.
  input = "  {\"a\":\"" + std::string(100, 'x') + "\"}\n" + std::string(100, 'y') +
          "\n{\"a\":\"\xff\"}\nbad \xff\n";
  r = RunPipeline(rules_, json_rules_, RecordFormat::kAuto, input, {3}, 100, 50);
  EXPECT_EQ(r.output,
            "{\"phiscrub_error\":\"oversize\"}\n[PHISCRUB_WITHHELD reason=oversize]\n"
            "{\"phiscrub_error\":\"invalid_utf8\"}\n[PHISCRUB_WITHHELD reason=invalid_utf8]\n");
}

TEST_F(JsonTest, AutoModeMixesTextAndJsonPerLine) {
  std::string input =
      "plain SSN 123-45-6789 and \"quotes\"\n"
      "{\"msg\":\"SSN 123-45-6789\",\"ssn\":5}\n"
      "[INFO] not json, call 415-555-0132\n"
      "  [\"dana@example.com\"]\n"
      "{\"broken\": 219-09-9999\n";
  PipeOut r = RunPipeline(rules_, json_rules_, RecordFormat::kAuto, input, {1}, 1);
  EXPECT_EQ(r.output,
            "plain SSN [US_SSN] and \"quotes\"\n"
            "{\"msg\":\"SSN [US_SSN]\",\"ssn\":\"[US_SSN]\"}\n"
            "[INFO] not json, call [PHONE_NUMBER]\n"
            "  [\"[EMAIL_ADDRESS]\"]\n"
            "{\"broken\": [US_SSN]\n");
  EXPECT_EQ(r.counters.failed_closed(), 0u);
  // Text lines give findings without paths; JSON lines with.
  ASSERT_GE(r.findings.size(), 5u);
  EXPECT_TRUE(r.findings[0].path.empty());
  EXPECT_EQ(r.findings[1].path, "$.msg");
}

TEST_F(JsonTest, JsonModeTakesTheWholeInputAsOneDocument) {
  std::string input = "{\n  \"patient\": {\n    \"ssn\": \"123-45-6789\",\n"
                      "    \"notes\": \"call 415-555-0132\"\n  }\n}\n";
  PipeOut whole = RunPipeline(rules_, json_rules_, RecordFormat::kJson, input,
                              {input.size()}, 1);
  EXPECT_EQ(whole.output, "{\n  \"patient\": {\n    \"ssn\": \"[US_SSN]\",\n"
                          "    \"notes\": \"call [PHONE_NUMBER]\"\n  }\n}\n");
  EXPECT_EQ(whole.counters.records, 1u);
  PipeOut ones = RunPipeline(rules_, json_rules_, RecordFormat::kJson, input, {1}, 1);
  EXPECT_EQ(ones.output, whole.output);
  PipeOut big = RunPipeline(rules_, json_rules_, RecordFormat::kJson, input, {5}, 1, 20);
  // The placeholder keeps the document's final newline (1 in, 1 out).
  EXPECT_EQ(big.output, "{\"phiscrub_error\":\"oversize\"}\n");
  std::string bare = input.substr(0, input.size() - 1);
  PipeOut no_newline = RunPipeline(rules_, json_rules_, RecordFormat::kJson, bare, {5}, 1, 20);
  EXPECT_EQ(no_newline.output, "{\"phiscrub_error\":\"oversize\"}");
  PipeOut malformed =
      RunPipeline(rules_, json_rules_, RecordFormat::kJson, "{\"a\":\n", {1}, 1);
  EXPECT_EQ(malformed.output, "{\"phiscrub_error\":\"malformed_json\"}\n");
}

}  // namespace
}  // namespace phiscrub
