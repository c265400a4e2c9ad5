// The name gazetteer's build-time table answers as the lists do: every entry
// of patterns/names carries exactly the flags of the lists that hold it.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "names/names.h"

namespace phiscrub::internal {
namespace {

TEST(NameTable, EveryListEntryHasTheFlagsOfItsLists) {
  const std::string dir = std::string(PHISCRUB_TEST_DATA) + "/../../patterns/names/";
  const std::pair<const char*, uint8_t> lists[] = {{"given.txt", kGivenName},
                                                   {"surnames.txt", kSurname},
                                                   {"common_words.txt", kCommonWord},
                                                   {"not_names.txt", kNotName},
                                                   {"drug_names.txt", kNotName}};
  std::map<std::string, uint8_t> expected;
  for (const auto& [file, flag] : lists) {
    std::ifstream in(dir + file);
    ASSERT_TRUE(in) << file;
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      expected[line] |= flag;
    }
  }
  ASSERT_GT(expected.size(), 300000u);
  const NameGazetteer& gaz = NameGazetteer::Builtin();
  size_t checked = 0;
  for (const auto& [word, flags] : expected) {
    // Hyphenated and apostrophe words also read their parts (Flags' compound
    // rule); plain words are the table alone.
    if (word.find_first_of("-'") != std::string::npos) continue;
    ASSERT_EQ(gaz.Flags(word), flags) << "entry " << checked;
    ++checked;
  }
  EXPECT_GT(checked, 300000u);
  EXPECT_EQ(gaz.Flags("qzxwvkj"), 0);
  EXPECT_EQ(gaz.Flags(""), 0);
}

}  // namespace
}  // namespace phiscrub::internal
