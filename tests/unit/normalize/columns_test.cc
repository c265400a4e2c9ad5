// Columns view (normalize/columns.h) and companion ids (context/companions.h):
// values named by position, and ids that stand beside a person's identifiers.
#include "normalize/columns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "context/companions.h"
#include "phiscrub/pipeline.h"
#include "phiscrub/scanner.h"
#include "test_util.h"

namespace phiscrub::internal {
namespace {

std::string ColumnsOf(std::string_view header, std::string_view text) {
  View v;
  if (!ColumnsView(header, text, &v)) return "(none)";
  // Every value byte maps back to itself.
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.end[i] == v.begin[i] + 1) {
      EXPECT_EQ(v.text[i], text[v.begin[i]]);
    }
  }
  return v.text;
}

TEST(ColumnsView, InsertNamesItsValues) {
  EXPECT_EQ(ColumnsOf("", "INSERT INTO p (name, ssn) VALUES ('Dana Reyes', '219099999')"),
            "name: Dana Reyes\nssn: 219099999\n");
  EXPECT_EQ(ColumnsOf("", "insert into p (`first_name`,\"dob\") values ('It''s', 19800102)"),
            "first name: It''s\ndob: 19800102\n");
  // Counts differ, or no column list: nothing lines up.
  EXPECT_EQ(ColumnsOf("", "INSERT INTO p (a, b) VALUES (1, 2, 3)"), "(none)");
  EXPECT_EQ(ColumnsOf("", "the values (1, 2) were fine"), "(none)");
}

TEST(ColumnsView, ParametersUnderTheirStatement) {
  const char* stmt = "INFO sqlalchemy.engine.Engine INSERT INTO pt (ssn, zip) VALUES (?, ?)";
  EXPECT_EQ(ColumnHeaderKind(stmt), HeaderKind::kStatement);
  EXPECT_EQ(ColumnsOf(stmt, "INFO [generated in 0.0017s] ('219099999', '37466-2134')"),
            "ssn: 219099999\nzip: 37466-2134\n");
  const char* upd = "UPDATE members SET ssn = %(ssn)s, phone = %(phone)s WHERE id = %(id)s";
  EXPECT_EQ(ColumnHeaderKind(upd), HeaderKind::kStatement);
  EXPECT_EQ(ColumnsOf(upd, "{'ssn': 'x'} ('219099999', '4155550132', 5)"),
            "ssn: 219099999\nphone: 4155550132\nid: 5\n");
}

TEST(ColumnsView, RowsUnderAHeaderLine) {
  EXPECT_EQ(ColumnHeaderKind("mrn,last,first,dob"), HeaderKind::kDelimited);
  EXPECT_EQ(ColumnHeaderKind("mrn|name|ssn"), HeaderKind::kDelimited);
  EXPECT_EQ(ColumnsOf("mrn,last,dob", "00123456,REYES,1980-01-02"),
            "mrn: 00123456\nlast: REYES\ndob: 1980-01-02\n");
  EXPECT_EQ(ColumnsOf("mrn,last,dob", "00123456,REYES"), "(none)");
  // Log lines are no headers.
  EXPECT_EQ(ColumnHeaderKind("2024-01-02 10:00:01,001 INFO a,b,c"), HeaderKind::kNone);
  EXPECT_EQ(ColumnHeaderKind("ok, fine, thanks for calling"), HeaderKind::kNone);
  EXPECT_EQ(ColumnHeaderKind("a1,b2,c3,d"), HeaderKind::kNone);
}

// The texts a companion finder takes from `text`.
using Finder = void (*)(std::string_view, std::vector<std::pair<uint32_t, uint32_t>>*);
std::vector<std::string> Found(Finder find, std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  find(text, &spans);
  std::vector<std::string> out;
  for (auto [b, e] : spans) out.emplace_back(text.substr(b, e - b));
  return out;
}

std::vector<std::string> Companions(std::string_view text) {
  return Found(FindCompanionIds, text);
}

TEST(CompanionIds, IdentifierShapes) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Companions("row: 7763826210,AHN DONG-HYUN,$231"), V{"7763826210"});
  EXPECT_EQ(Companions("for 68-114468 (ITIN x)"), V{"68-114468"});
  EXPECT_EQ(Companions("Dana, H86754296."), V{"H86754296"});
  // Never: short numbers, decimals, money, epoch times, units, paths,
  // numbers a word names, access-log sizes, segments, log headers.
  EXPECT_EQ(Companions("a 123456 b 12.345678 $12345678 1761012672 1761012672702"), V{});
  EXPECT_EQ(Companions("took 12345678 ms; 87654321 bytes; /srv/12345678/x"), V{});
  EXPECT_EQ(Companions("order 12345678; the order number is A1234567"), V{});
  EXPECT_EQ(Companions("\"GET /x?name=Dana HTTP/1.1\" 200 33235911 \"-\""), V{});
  EXPECT_EQ(Companions("IN1|1|MCD|901241733|MOLINA"), V{});
  // Grouped ids: letters and two groups, or 2-2-4 digits no date reads.
  EXPECT_EQ(Companions("export row: H-0930-3908,Reyes,Dana"), V{"H-0930-3908"});
  EXPECT_EQ(Companions("export row: 58-97-3414,Reyes,Dana"), V{"58-97-3414"});
  EXPECT_EQ(Companions("refund INV-2024-44597 on 12-25-2024 or 25-12-2024"), V{});
}

TEST(CompanionIds, SixDigitsThatNoDateOrTimeReads) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Companions("row 11817: 978720,\"Jiang, Zihan\""), V{"978720"});
  EXPECT_EQ(Companions("wristband printed HOANG, QUANG 351970 103Y"), V{"351970"});
  // yymmdd, mmddyy, ddmmyy, yyyymm, hhmmss.
  EXPECT_EQ(Companions("row: 240315,Reyes 031524,Reyes 150324,Reyes 199512,Reyes 235959,Reyes"),
            V{});
  // Counts under their keys, plural or prefixed ("retries", "queue_depth").
  EXPECT_EQ(Companions("ssn=123-45-6789 retries=424215 queue_depth=396012 attempts=717564"),
            V{});
  // Counters padded with zeros.
  EXPECT_EQ(Companions("rec 000997 SSN 123-45-6789, line 001234 Reyes"), V{});
}

TEST(CompanionIds, MemberIdShapes) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Companions("export row: 792066432-01\tReyes\tDana"), V{"792066432-01"});
  EXPECT_EQ(Companions("export row: 7WGAAEEKYCA\tReyes\tDana"), V{"7WGAAEEKYCA"});
  // Hashes in capitals, words in capitals, numbers with a letter.
  EXPECT_EQ(Companions("row: A1B2C3D4E5F6,ABCDEFGHIJK,12345678A9,Reyes"), V{});
  EXPECT_EQ(Companions("slot hold expired for Dana Reyes (conf CNF65UY2C)"), V{});
}

TEST(CompanionIds, BindParametersOfAPersonsRow) {
  using V = std::vector<std::string>;
  // The last four of an SSN and a valid NPI as bind parameters (Postgres,
  // a Python tuple, Hibernate); never a year, an invalid NPI, or the same
  // numbers outside a parameter list.
  EXPECT_EQ(Companions("DETAIL:  parameters: $1 = 'Reyes', $2 = '7143', $3 = '1234567893'"),
            (V{"7143", "1234567893"}));
  EXPECT_EQ(Companions("[generated in 0.0001s] ('Reyes', '7082', 12, 0)"), V{"7082"});
  EXPECT_EQ(Companions("binding parameter [2] as [VARCHAR] - [7082]"), V{"7082"});
  EXPECT_EQ(Companions("parameters: $1 = '1984', $2 = '250', $3 = 'Reyes'"), V{});
  // Ids of seven to twelve digits, epoch-like or not.
  EXPECT_EQ(Companions("parameters: $1 = '102', $2 = '1530019239', $3 = 'Ji-woo E. Han'"),
            V{"1530019239"});
  EXPECT_EQ(Companions("Reyes '7082' (1234567893) [7082] total 7082"), V{});
  EXPECT_EQ(Companions("call f(a, '7082')"), V{});
}

std::vector<std::string> Beside(std::string_view text, std::string_view name, bool dates) {
  std::vector<std::pair<uint32_t, uint32_t>> names, d, ids;
  size_t at = text.find(name);
  names.emplace_back(static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size()));
  FindBesideNames(text, names, &d, &ids);
  std::vector<std::string> out;
  for (auto [b, e] : dates ? d : ids) out.emplace_back(text.substr(b, e - b));
  return out;
}

TEST(CompanionIds, DatesAndIdsBesideAName) {
  using V = std::vector<std::string>;
  // A past date right after the name, in any written form.
  EXPECT_EQ(Beside("suspected: D. Karimi 1 Dec 2018 vs x", "D. Karimi", true), V{"1 Dec 2018"});
  EXPECT_EQ(Beside("printed: YOON, JOON-HO 03/07/2018 0096", "YOON, JOON-HO", true),
            V{"03/07/2018"});
  EXPECT_EQ(Beside("jaber layla 19730201 vs", "jaber layla", true), V{"19730201"});
  // A month-name date with a two-digit year that ends the clause.
  EXPECT_EQ(Beside("Hello. Noor Hamdan, January 25th, 33. I had", "Noor Hamdan", true),
            V{"January 25th, 33"});
  EXPECT_EQ(Beside("Sure, Zhiwei Guo, um, August 20 73.", "Zhiwei Guo", true), V{"August 20 73"});
  EXPECT_EQ(Beside("Dana Reyes, March 5th, 12 tablets", "Dana Reyes", true), V{});
  EXPECT_EQ(Beside("Yeah hi. Fatima Saleh. October 15th 05. Calling", "Fatima Saleh", true),
            V{"October 15th 05"});
  EXPECT_EQ(Beside("Hi, um, Huong Ortiz... 2nd of January 08, and I'm", "Huong Ortiz", true),
            V{"2nd of January 08"});
  EXPECT_EQ(Beside("um dana pemberton january 24th 53 and i'm calling", "dana pemberton", true),
            V{"january 24th 53"});
  // Never a date with a time, a future or this year's date, a number.
  EXPECT_EQ(Beside("Dana Reyes 2019-05-01 10:22:03 login", "Dana Reyes", true), V{});
  EXPECT_EQ(Beside("Dana Reyes 2099-05-01 due", "Dana Reyes", true), V{});
  EXPECT_EQ(Beside("Dana Reyes 20190501123 x", "Dana Reyes", true), V{});
  // In a path: the part joined by '_' and the directory before the name.
  EXPECT_EQ(Beside("stat: /data/scans/19480328_Harrington.tif", "Harrington", true),
            V{"19480328"});
  EXPECT_EQ(Beside("stat: /data/scans/Harrington_04-06-1939.tif", "Harrington", true),
            V{"04-06-1939"});
  EXPECT_EQ(Beside("denied: /srv/exports/2017-0112806/Manalo-Maricel.csv", "Manalo", false),
            V{"2017-0112806"});
  EXPECT_EQ(Beside("/var/www/letters/472724_Okonkwo.docx", "Okonkwo", false), V{"472724"});
  EXPECT_EQ(Beside("/var/www/letters/MCH7711101/Cohen-Noam.csv", "Cohen", false),
            V{"MCH7711101"});
  // Path parts that are no ids: words, versions, dates read as such.
  EXPECT_EQ(Beside("/opt/app/v2/Okonkwo.docx /srv/2024/Reyes.csv", "Okonkwo", false), V{});
  EXPECT_EQ(Beside("/srv/letters/Okonkwo.docx", "Okonkwo", false), V{});
  // Not a path: a name after a slash in prose takes nothing before it.
  EXPECT_EQ(Beside("12345678 Okonkwo", "Okonkwo", false), V{});
}

std::vector<std::string> CompanionZips(std::string_view text) {
  return Found(FindCompanionZips, text);
}

TEST(CompanionZips, BindParameters) {
  using V = std::vector<std::string>;
  EXPECT_EQ(CompanionZips("parameters: $1 = '435-555-0181', $2 = '4JQ8-JH0-HA60', $3 = '84686'"),
            V{"84686"});
  EXPECT_EQ(CompanionZips("[generated in 0.00169s] ('37466-2134', '423.555.0119x6696')"),
            V{"37466-2134"});
  // A command line's ZIP option.
  EXPECT_EQ(CompanionZips("java -jar mpi.jar -z 86029 --medicare-id=7DG9-KX0-FT13"), V{"86029"});
  EXPECT_EQ(CompanionZips("export_patient.py --zip=84401-3816 --acct 7712735992"),
            V{"84401-3816"});
  EXPECT_EQ(CompanionZips("tar -xz 86029 -q 86029"), V{});
  // Outside a parameter list five digits need a row of four fields.
  EXPECT_EQ(CompanionZips("took '84686' ms"), V{});
}

std::vector<std::string> CompanionPhones(std::string_view text) {
  return Found(FindCompanionPhones, text);
}

TEST(CompanionPhones, NanpShapesOnly) {
  using V = std::vector<std::string>;
  EXPECT_EQ(CompanionPhones("Dana Reyes (860 555 0160) prefers"), V{"860 555 0160"});
  EXPECT_EQ(CompanionPhones("[\"19855550116\",\"16055550112\"]"),
            (V{"19855550116", "16055550112"}));
  // Area code or exchange 0/1, glued digits, a word that names the number.
  EXPECT_EQ(CompanionPhones("160 555 0160, 860 155 0160, 1860 555 0160 1, order 860 555 0160"),
            V{});
  EXPECT_EQ(CompanionPhones("23075550187 103075550187 13075550187.5"), V{});
  EXPECT_EQ(Companions("20171223-22:15:59:849|HiH_ProfileSync|30002312|lab"), V{});
}

}  // namespace
}  // namespace phiscrub::internal

namespace phiscrub {
namespace {

std::string RedactText(const std::string& in) {
  auto rules = testing::CompileOrDie();
  TextOptions opts;
  LineFramer framer(opts.max_record);
  framer.ConfigureFor(RecordFormat::kText);
  BatchRedactor redactor(rules, opts);
  RecordBatch batch;
  BatchResult result;
  framer.Feed(in, &batch);
  framer.Finish(&batch);
  redactor.Process(batch, &result);
  return result.output;
}

TEST(ColumnsPipeline, RowsAndParametersAreRedactedByColumn) {
  std::string out = RedactText(
      "mrn,last,first,ssn\n00123456,REYES,DANA,219099999\n\nmrn,note\n"
      "INSERT INTO pt (ssn, acct) VALUES (?, ?)\n[generated in 0.01s] ('219099998', '7763826210')\n"
      "('219099997', '7763826211')\n");
  EXPECT_EQ(out.find("00123456"), std::string::npos) << out;
  EXPECT_EQ(out.find("219099999"), std::string::npos) << out;
  EXPECT_EQ(out.find("219099998"), std::string::npos) << out;
  EXPECT_EQ(out.find("7763826210"), std::string::npos) << out;
  // Parameters only right under their statement.
  EXPECT_NE(out.find("('219099997', '7763826211')"), std::string::npos) << out;
  EXPECT_NE(out.find("mrn,last,first,ssn\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace phiscrub
