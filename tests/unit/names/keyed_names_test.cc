// The values of keys that name a person's name are taken whole
// (names/names.h, FindKeyedNames): any name-shaped value, known to the
// gazetteers or not; never digits, placeholders or everyday words alone.
// Names said to the person spoken to (FindVocativeNames).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "names/names.h"

namespace phiscrub::internal {
namespace {

std::vector<std::string> Keyed(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  FindKeyedNames(text, &spans);
  std::vector<std::string> out;
  for (const auto& [b, e] : spans) out.emplace_back(text.substr(b, e - b));
  return out;
}

using V = std::vector<std::string>;

TEST(KeyedNames, KeysInEveryNotation) {
  EXPECT_EQ(Keyed("eligibility check; PATIENTNAME=ARASH; IP_ADDRESS=10.0.0.1"), V{"ARASH"});
  EXPECT_EQ(Keyed("{\"pt_first\":\"Rhea\",\"last_nm\":\"Tolentino\"}"), (V{"Rhea", "Tolentino"}));
  EXPECT_EQ(Keyed("{zip=99877, givenName=Jun, last_name=Zhao}"), (V{"Jun", "Zhao"}));
  EXPECT_EQ(Keyed("SUBSCRIBERNAME=Folake Nnamdi Odukoya; BDATE=02.05.1946;"),
            V{"Folake Nnamdi Odukoya"});
  EXPECT_EQ(Keyed("AND full_name = 'eun-ji moon' LIMIT 50"), V{"eun-ji moon"});
  EXPECT_EQ(Keyed("\"caller_id_name\":\"NI BHRIAIN ANNE\""), V{"NI BHRIAIN ANNE"});
  EXPECT_EQ(Keyed("PATIENTNAME=Kamakau, Kaimana; CITY=Norman;"), V{"Kamakau, Kaimana"});
  EXPECT_EQ(Keyed("first_name=Dana L. last_name=Reyes"), (V{"Dana L.", "Reyes"}));
  // A JSON key as the redactor humanises it, at the start of its line.
  EXPECT_EQ(Keyed("guarantor patient name: XIN\nrelationship: daughter"), V{"XIN"});
  EXPECT_EQ(Keyed("emergency contact name: Óscar Ñúñez\n"), V{"Óscar Ñúñez"});
}

TEST(KeyedNames, NoNameShapeNoName) {
  // Other keys ending in "name", values that are no name.
  EXPECT_EQ(Keyed("hostname=Prod username=Rhea filename=Reyes.txt thread name: main"), V{});
  EXPECT_EQ(Keyed("first=10 last=20 patient_name=12345 full_name=dana@example.com"), V{});
  // Bare part keys: capitals, or a known name that is no everyday word.
  EXPECT_EQ(Keyed("first=true last=login given=nguyen family=Okafor"), (V{"nguyen", "Okafor"}));
  EXPECT_EQ(Keyed("&{NameFirst:Beatriz Last:de la Cruz Zip_code:70523}"),
            (V{"Beatriz", "de la Cruz"}));
  EXPECT_EQ(Keyed("Patient Name: NOT PROVIDED; caller_name=Unknown; fullName=\"n/a\""), V{});
  EXPECT_EQ(Keyed("{\"contact_name\":\"Main Office\"}"), V{});
  // A sentence after the key is no field value (the name finder reads it).
  EXPECT_EQ(Keyed("patient name: Dana Reyes presented with chest pain today"), V{});
}

std::vector<std::string> Vocative(std::string_view text) {
  NameScratch scratch;
  SplitWords(text, NameGazetteer::Builtin(), &scratch);
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  FindVocativeNames(text, scratch, &spans);
  std::vector<std::string> out;
  for (const auto& [b, e] : spans) out.emplace_back(text.substr(b, e - b));
  return out;
}

TEST(VocativeNames, AfterAGreetingBeforeWhatIsSaidToThem) {
  EXPECT_EQ(Vocative("[doctor] so hi heather it's nice to see you again"), V{"heather"});
  EXPECT_EQ(Vocative("Speaker 2: good good morning seoyeon come on in"), V{"seoyeon"});
  EXPECT_EQ(Vocative("Okay Lihua, I found your chart."), V{"Lihua"});
  EXPECT_EQ(Vocative("Caller: hey zhiwei thanks i'm calling"), V{"zhiwei"});
  EXPECT_EQ(Vocative("thank you maria."), V{"maria"});
}

TEST(VocativeNames, EverydayWordsAndOtherTurnsAreNoNames) {
  EXPECT_EQ(Vocative("hi there how are you"), V{});
  EXPECT_EQ(Vocative("hi team it's standup time"), V{});
  EXPECT_EQ(Vocative("okay great thanks, hi everyone, welcome"), V{});
  EXPECT_EQ(Vocative("okay cool i found it"), V{});
  // Not followed by what is said to them.
  EXPECT_EQ(Vocative("hi heather mentioned the refill"), V{});
}

}  // namespace
}  // namespace phiscrub::internal
