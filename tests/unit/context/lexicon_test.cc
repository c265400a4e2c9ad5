#include "context/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace phiscrub::internal {
namespace {

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<ContextToken> t;
  TokenizeContext(text, 0, static_cast<uint32_t>(text.size()), &t);
  std::vector<std::string> out;
  for (const auto& x : t) out.emplace_back(text.substr(x.start, x.end - x.start));
  return out;
}

TEST(ContextTokens, SplitsKeysHoweverTheyAreSpelled) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Tokens("dateOfBirth"), (V{"date", "Of", "Birth"}));
  EXPECT_EQ(Tokens("date_of_birth"), (V{"date", "of", "birth"}));
  EXPECT_EQ(Tokens("DATE-OF-BIRTH"), (V{"DATE", "OF", "BIRTH"}));
  EXPECT_EQ(Tokens("renderingNpi=1"), (V{"rendering", "Npi", "1"}));
  EXPECT_EQ(Tokens("NPIRenderer"), (V{"NPI", "Renderer"}));
  EXPECT_EQ(Tokens("last4 ssn#"), (V{"last", "4", "ssn", "#"}));
  EXPECT_EQ(Tokens("D.O.B. x"), (V{"D.", "O.", "B.", "x"}));
  EXPECT_EQ(Tokens("plan b."), (V{"plan", "b."}));
}

TEST(ContextTokens, MixedIdsStayWhole) {
  // Hex ids must not yield one-letter cues ("b", "d") from their insides.
  EXPECT_EQ(Tokens("trace=78339b6317abcfeb"),
            (std::vector<std::string>{"trace", "78339b6317abcfeb"}));
}

TEST(ContextLexicon, MatchesPhrasesAcrossSpellings) {
  ContextLexicon lex;
  ASSERT_TRUE(lex.Add("date of birth", 1));
  ASSERT_TRUE(lex.Add("npi", 2));
  ASSERT_TRUE(lex.Add("ss#", 3));
  ASSERT_TRUE(lex.Add("b.", 4));
  EXPECT_FALSE(lex.Add("--", 5));
  for (std::string text : {"dateOfBirth=1", "DATE_OF_BIRTH: 1", "date of birth 1"}) {
    std::vector<ContextToken> t;
    TokenizeContext(text, 0, static_cast<uint32_t>(text.size()), &t);
    std::vector<ContextHit> hits;
    lex.Match(t, &hits);
    ASSERT_EQ(hits.size(), 1u) << text;
    EXPECT_EQ(hits[0].word, 1u);
    EXPECT_EQ(hits[0].start, 0u);
    EXPECT_EQ(text.substr(hits[0].end, 1).find_first_of("=: "), 0u) << text;
  }
  std::string text = "renderingNpi SS # 1 plan b 1 b. 1961";
  std::vector<ContextToken> t;
  TokenizeContext(text, 0, static_cast<uint32_t>(text.size()), &t);
  std::vector<ContextHit> hits;
  lex.Match(t, &hits);
  std::vector<uint32_t> words;
  for (const auto& h : hits) words.push_back(h.word);
  EXPECT_EQ(words, (std::vector<uint32_t>{2, 3, 4}));
}

TEST(ContextLexicon, PhrasesNeverRunAcrossALabelOrAQuestion) {
  // "Patient: No, but ..." is no "patient no"; "id? number" no "id number".
  ContextLexicon lex;
  ASSERT_TRUE(lex.Add("patient no", 1));
  ASSERT_TRUE(lex.Add("member id", 2));
  auto words = [&](std::string text) {
    std::vector<ContextToken> t;
    TokenizeContext(text, 0, static_cast<uint32_t>(text.size()), &t);
    std::vector<ContextHit> hits;
    lex.Match(t, &hits);
    std::vector<uint32_t> w;
    for (const auto& h : hits) w.push_back(h.word);
    return w;
  };
  EXPECT_EQ(words("Patient: No, but I have a sinus problem"), std::vector<uint32_t>{});
  EXPECT_EQ(words("[member] id 5"), std::vector<uint32_t>{});
  EXPECT_EQ(words("a member?\nid 5"), std::vector<uint32_t>{});
  EXPECT_EQ(words("patient no 12345, member-id 77"), (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(words("patient_no=12345 memberId=77"), (std::vector<uint32_t>{1, 2}));
}

TEST(ContextTokens, ExpandToWordsNeverCutsAWord) {
  std::string text = "xx dateOfBirth yy";
  uint32_t lo = 5, hi = 7;
  ExpandToWords(text, &lo, &hi);
  EXPECT_EQ(lo, 3u);
  EXPECT_EQ(hi, 14u);
}

}  // namespace
}  // namespace phiscrub::internal
