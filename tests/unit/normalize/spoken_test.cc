#include "normalize/spoken.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace phiscrub::internal {
namespace {

std::string ViewOf(std::string_view text) {
  View v;
  if (!SpokenView(text, &v)) return std::string(text);
  return v.text;
}

TEST(SpokenView, Digits) {
  // Pauses never count: speakers group digits as they like.
  EXPECT_EQ(ViewOf("four one five, five five five, oh one three two"), "4155550132");
  EXPECT_EQ(ViewOf("eight five six. 555. 01. Five one"), "8565550151");
  EXPECT_EQ(ViewOf("two five three... five five five... 01... two one"), "2535550121");
  EXPECT_EQ(ViewOf("my social is one two three four five six seven eight nine"),
            "my social is 123456789");
  EXPECT_EQ(ViewOf("double five triple two zero"), "552220");
  EXPECT_EQ(ViewOf("fifty four"), "54");
  EXPECT_EQ(ViewOf("two forty one"), "241");
  EXPECT_EQ(ViewOf("seven oh three"), "703");
  EXPECT_EQ(ViewOf("two thousand nineteen"), "2019");
  EXPECT_EQ(ViewOf("two hundred and five"), "205");
  EXPECT_EQ(ViewOf("four one five 555 0132"), "4155550132");
  EXPECT_EQ(ViewOf("123 45 six seven eight nine"), "123456789");
  // Separators stay where they make a written shape, and only there.
  EXPECT_EQ(ViewOf("649 hyphen seven nine hyphen 95 hyphen 26"), "649799526");
  EXPECT_EQ(ViewOf("one two three dash four five dash six seven eight nine"), "123-45-6789");
  EXPECT_EQ(ViewOf("oh nine dash 72"), "0972");
  EXPECT_EQ(ViewOf("four one five dash five five five dash oh one three two"), "415-555-0132");
  EXPECT_EQ(ViewOf("area code four one five, five five five, oh one three two extension two oh one"),
            "area code 4155550132 ext 201");
}

TEST(SpokenView, DigitsAsAnEngineMishearsThem) {
  // Tens and a digit written as one word.
  EXPECT_EQ(ViewOf("two thirtythree, ninetyone, forty forty eight"), "233914048");
  // "won", "ate" next to numbers; "to", "too", "for" inside a run of digits.
  EXPECT_EQ(ViewOf("won nine o... four one... seven to three one"), "190417231");
  EXPECT_EQ(ViewOf("it's eight three six ate"), "it's 8368");
  EXPECT_EQ(ViewOf("NPI won nine eight... seven five seven... six oh nine one"), "NPI 1987576091");
  EXPECT_EQ(ViewOf("NPI one four five... three one won uh for nine ate nine"), "NPI 1453114989");
  EXPECT_EQ(ViewOf("NPI one fiftysix seven seventy three... fiftyone oh nine"), "NPI 1567735109");
  EXPECT_EQ(ViewOf("it was for ate days"), "it was for ate days");
  EXPECT_EQ(ViewOf("cedar rapids ia won seven five seven one"), "cedar rapids ia 17571");
  EXPECT_EQ(ViewOf("eighty one won eight nine"), "81189");
  EXPECT_EQ(ViewOf("ninety two too nine nine"), "92299");
  EXPECT_EQ(ViewOf("oh too too four won double nine six"), "02241996");
  EXPECT_EQ(ViewOf("the card ending in six four seven won is on file"),
            "the card ending in 6471 is on file");
  EXPECT_EQ(ViewOf("in two to three days"), "in 2 to 3 days");
  EXPECT_EQ(ViewOf("ninety to ninety five"), "90 to 95");
  EXPECT_EQ(ViewOf("we won three to one"), "we won 3 to 1");
  // "and" between groups of digits said one by one.
  EXPECT_EQ(ViewOf("two four oh and five double five o one six one"), "2405550161");
  EXPECT_EQ(ViewOf("MRN two two four, and eight nine four, three four"), "MRN 22489434");
  EXPECT_EQ(ViewOf("one and two"), "1 and 2");
  EXPECT_EQ(ViewOf("between one oh two and one oh four"), "between 102 and 104");
  EXPECT_EQ(ViewOf("oh nine twenty eight and eight three six one nine"), "0928 and 83619");
  EXPECT_EQ(ViewOf("Okay it's for zero one two... eight eight six nine"),
            "Okay it's 40128869");
  // Never words of their own: a dose range, a duration, a time range.
  EXPECT_EQ(ViewOf("take one to two tablets for three days"), "take 1 to 2 tablets for 3 days");
  EXPECT_EQ(ViewOf("from seven to nine"), "from 7 to 9");
  EXPECT_EQ(ViewOf("I ate lunch"), "I ate lunch");
  EXPECT_EQ(ViewOf("a seventyish year old"), "a seventyish year old");
}

TEST(SpokenView, DigitsWrittenOneAtATime) {
  // Engines that write a number read out digit by digit.
  EXPECT_EQ(ViewOf("I have 3 1 3 5 5 5 0 1 4 3. Is that right?"), "I have 3135550143. Is that right?");
  EXPECT_EQ(ViewOf("my cell, 4-1-0, 5-5-5, 0-1-1-4."), "my cell, 4105550114.");
  EXPECT_EQ(ViewOf("Hold on... 3 0 0, 2 7, 7 3 2 4."), "Hold on... 300277324.");
  // Groups with the pauses written as commas, in a phone's or an SSN's shape.
  EXPECT_EQ(ViewOf("Oh, um, 312, 555, 0153."), "Oh, um, 3125550153.");
  EXPECT_EQ(ViewOf("123, 45, 6789"), "123456789");
  EXPECT_EQ(ViewOf("rooms 312, 55, 10"), "rooms 312, 55, 10");
  // ... or with fillers or an ellipsis between.
  EXPECT_EQ(ViewOf("it's 503 uh 555 uh 0157 that's my direct line"), "it's 5035550157 that's my direct line");
  EXPECT_EQ(ViewOf("my cell, 617 ... 555 ... 0130"), "my cell, 6175550130");
  EXPECT_EQ(ViewOf("take 500 uh 25 uh 10 mg"), "take 500 uh 25 uh 10 mg");
  EXPECT_EQ(ViewOf("our m r n is 8604 uh 3027"), "our mrn is 86043027");
  EXPECT_EQ(ViewOf("the card number is 6011 um 1162 um 8577 um 8328"), "the card number is 6011116285778328");
  EXPECT_EQ(ViewOf("the card number is 5555, 5505, 8081, 1893"), "the card number is 5555550580811893");
  EXPECT_EQ(ViewOf("it was 2024, 2025, 2026"), "it was 2024, 2025, 2026");
  EXPECT_EQ(ViewOf("medical record number 8483. 2708 and"), "medical record number 84832708 and");
  EXPECT_EQ(ViewOf("hi, um, 168. 222. 8030, I think"), "hi, um, 1682228030, I think");
  EXPECT_EQ(ViewOf("back in 2019. 2020 was worse"), "back in 2019. 2020 was worse");
  EXPECT_EQ(ViewOf("2017-05-16 00:14:25.456 2931 INFO uh 12 34"), "2017-05-16 00:14:25.456 2931 INFO uh 12 34");
  // Fewer than five, or digits among longer numbers: as written.
  EXPECT_EQ(ViewOf("rated 1 2 3 4 stars"), "rated 1 2 3 4 stars");
  EXPECT_EQ(ViewOf("rooms 12 4 5 6 7 and 8"), "rooms 12 4 5 6 7 and 8");
}

TEST(SpokenView, AnOAmongTheLettersOfAnIdMayBeZero) {
  View v;
  ASSERT_TRUE(SpokenView("three t two o r v four n k six three", &v));
  EXPECT_EQ(v.text, "3T2ORV4NK63");
  EXPECT_TRUE(v.o_letters);
  ASSERT_TRUE(SpokenView("three t two o r v four n k six three", &v, true, true));
  EXPECT_EQ(v.text, "3T20RV4NK63");
  // Told as a letter, it stays one; letters alone never ask for it.
  ASSERT_TRUE(SpokenView("two o as in oscar r v four", &v, true, true));
  EXPECT_NE(v.text.find('O'), std::string::npos) << v.text;
  ASSERT_TRUE(SpokenView("t o m s", &v));
  EXPECT_FALSE(v.o_letters);
}

TEST(SpokenView, WrittenAddressesStayWritten) {
  // A written ordinal is a word and an abbreviated direction after a house
  // number no spelled letter: the street stays readable for its rule.
  EXPECT_EQ(ViewOf("22 S. 10th Loop... Gilbert... 3, six five, oh two."),
            "22 S. 10th Loop... Gilbert... 36502.");
  EXPECT_EQ(ViewOf("91 N. Main Street, five five five"), "91 N. Main Street, 555");
  EXPECT_EQ(ViewOf("the 21st of march nineteen eighty"), "the 21st of march 1980");
  // A letter before digits is still read with them: an id.
  EXPECT_EQ(ViewOf("MRN is W 263233008"), "MRN is W263233008");
}

TEST(SpokenView, UnitsSpelledAfterANumberAreNoId) {
  EXPECT_EQ(ViewOf("take two M G twice"), "take 2 M G twice");
  EXPECT_EQ(ViewOf("fifty M L of saline"), "50 M L of saline");
  // Letters inside an id stay with its digits.
  EXPECT_EQ(ViewOf("my mrn is one two three M G H four five six"), "my mrn is 123MGH456");
  // ... and letters that spell a unit inside an id are the id's: MBIs.
  EXPECT_EQ(ViewOf("My Medicare is six A Q, um, eight C M two, um, X W fifty."),
            "My Medicare is 6AQ8CM2XW50.");
  EXPECT_EQ(ViewOf("My Medicare is five X W four K G one C F ten."),
            "My Medicare is 5XW4KG1CF10.");
  EXPECT_EQ(ViewOf("it's 1 E 44 F as in Fox 64 M G as in Girl 42"), "it's 1E44F64MG42");
}

TEST(SpokenView, Dates) {
  EXPECT_EQ(ViewOf("march fifth nineteen eighty two"), "march 5th 1982");
  EXPECT_EQ(ViewOf("march five nineteen eighty two"), "march 5 1982");
  EXPECT_EQ(ViewOf("the twenty third of june nineteen fifty"), "the 23rd of june 1950");
  EXPECT_EQ(ViewOf("oh three fifteen sixty one"), "03/15/61");
  EXPECT_EQ(ViewOf("three fifteen sixty one"), "03/15/61");
  EXPECT_EQ(ViewOf("twelve oh three nineteen fifty"), "12/03/1950");
  EXPECT_EQ(ViewOf("oh eight slash two four slash fifty"), "08/24/50");
  EXPECT_EQ(ViewOf("nineteen eighty five"), "1985");
  EXPECT_EQ(ViewOf("two thousand four"), "2004");
  EXPECT_EQ(ViewOf("twenty oh six"), "2006");
  EXPECT_EQ(ViewOf("zero nine... one seven... zero nine"), "09/17/09");
  EXPECT_EQ(ViewOf("ten... twenty four... nineteen thirty three"), "10/24/1933");
  // A "year" decades ahead after a month is a day and a year.
  EXPECT_EQ(ViewOf("Zhiwei Guo, um, August twenty seventy three."), "Zhiwei Guo, um, August 20 73.");
  EXPECT_EQ(ViewOf("in August twenty twenty six"), "in August 2026");
  EXPECT_EQ(ViewOf("Hi, um, Huong Ortiz... second of January oh eight, and I'm calling"),
            "Hi, um, Huong Ortiz... 2nd of January 08, and I'm calling");
}

TEST(SpokenView, DigitsHeardAsWordsAmongWrittenDigits) {
  EXPECT_EQ(ViewOf("Hold on... ate o zero - eight six - four five six five"), "Hold on... 800-86-4565");
  EXPECT_EQ(ViewOf("His NPI is one ate seven eight 6 3 eight three six four"), "His NPI is 1878638364");
  EXPECT_EQ(ViewOf("six seven zero one 0 won eight nine three"), "670101893");
  EXPECT_EQ(ViewOf("we won 3 to 2"), "we won 3 to 2");
}

TEST(SpokenView, DatesWithAWrittenYearOrTheYearFirst) {
  EXPECT_EQ(ViewOf("So, eight twelve 1975"), "So, 08/12/1975");
  EXPECT_EQ(ViewOf("oh seven twenty seven 2025"), "07/27/2025");
  EXPECT_EQ(ViewOf("he was born 1974 november twenty sixth"), "he was born 1974 november 26th");
  EXPECT_EQ(ViewOf("Um, forty four, April fourteenth"), "Um, 44, April 14th");
  // (A long pause inside digits is still a pause.)
  EXPECT_EQ(ViewOf("one six five... oh eight...... double five seven six"), "165085576");
}

TEST(SpokenView, FirstAfterAMonthOrTensIsADayNotACount) {
  // "first" before a number word is a count ("the first two digits"), except
  // as the day of a date.
  EXPECT_EQ(ViewOf("october twenty first nineteen seventy three"), "october 21st 1973");
  EXPECT_EQ(ViewOf("january first two thousand"), "january 1st 2000");
  EXPECT_EQ(ViewOf("the first two digits are four one"), "the 1st two digits are 41");
}

TEST(SpokenView, Letters) {
  EXPECT_EQ(ViewOf("sure, r e y e s"), "sure, reyes");
  EXPECT_EQ(ViewOf("it's s-m-i-t-h"), "it's smith");
  EXPECT_EQ(ViewOf("t as in tango o m"), "tom");
  EXPECT_EQ(ViewOf("one e g four t e five m k seven three"), "1EG4TE5MK73");
  // A run of "o" next to numbers is zeros, next to letters letters.
  EXPECT_EQ(ViewOf("6011 dash o o six one dash six seven one three dash nine eight seven three"),
            "6011-0061-6713-9873");
  EXPECT_EQ(ViewOf("card four o o o, um, o five six six"), "card 40000566");
  EXPECT_EQ(ViewOf("b o o k e r"), "booker");
  // A leading "a" that spells on with the letters after it.
  EXPECT_EQ(ViewOf("I have it, A E P, seven six six, seven nine five"), "I have it, AEP766795");
  EXPECT_EQ(ViewOf("it's a as in ant e as in echo p as in peter 855 837 062"), "it's AEP855837062");
  EXPECT_EQ(ViewOf("i have a four one five number"), "i have a 415 number");
  EXPECT_EQ(ViewOf("Yeah. Hotel x-ray 288 830 7."), "Yeah. HX2888307.");
  EXPECT_EQ(ViewOf("Sure thing, 1 385 555 oh one 99."), "Sure thing, 13855550199.");
  // An "oh" set off before spelled letters is an interjection, not a digit
  // that makes the run a number.
  EXPECT_EQ(ViewOf("Oh, um, lima, alpha, mike."), "Oh, um, lam.");
  EXPECT_EQ(ViewOf("oh um mike echo hotel tango alpha"), "oh um mehta");
  EXPECT_EQ(ViewOf("Dang, spelled delta, alpha, november, golf."), "Dang, spelled dang.");
  EXPECT_EQ(ViewOf("Okay, hotel x-ray... 97... 21... 35... 5."), "Okay, HX9721355.");
}

TEST(SpokenView, LetterBeforeDigitsSeedsTheView) {
  // A letter told by an example word, or set off by pauses, then digits:
  // ids read aloud. Each must seed the view, not only convert once seeded.
  for (std::string_view said : {"The MRN is E as in Egg 100221975.", "Okay, M as in Mary dash 37543835.",
                                "it's R as in Roger... 946... 036... 34.",
                                "So P... 45... 79... 10... 65, correct?",
                                "My chart number is romeo, um, 9640, um, 4107.",
                                "Yeah. Hotel x-ray 288 830 7.", "Okay, hotel x-ray... 97... 21..."}) {
    EXPECT_TRUE(HasSpokenSeed(said)) << said;
  }
  EXPECT_EQ(ViewOf("The MRN is E as in Egg 100221975."), "The MRN is E100221975.");
  EXPECT_EQ(ViewOf("So P... 45... 79... 10... 65, correct?"), "So P45791065, correct?");
  // Initials and abbreviations before numbers are no speech.
  EXPECT_FALSE(HasSpokenSeed("E. coli 12 cases"));
  EXPECT_FALSE(HasSpokenSeed("a 123-45-6789 b"));
}

TEST(SpokenView, GroupsReadAsADateOrAsDigits) {
  View v;
  ASSERT_TRUE(SpokenView("it's three eighteen eighty eight", &v));
  EXPECT_EQ(v.text, "it's 03/18/88");
  EXPECT_TRUE(v.spoken_dates);
  ASSERT_TRUE(SpokenView("it's three eighteen eighty eight", &v, false));
  EXPECT_EQ(v.text, "it's 31888");
  EXPECT_FALSE(v.spoken_dates);
}

TEST(SpokenView, AFullStopEndsANumberUnlessGroupsFollow) {
  EXPECT_EQ(ViewOf("born the eighth of January nineteen fifty six. One moment"),
            "born the 8th of January 1956. 1 moment");
  EXPECT_EQ(ViewOf("four zero one. Five five five. Zero one. Eight one"), "4015550181");
  EXPECT_EQ(ViewOf("six... seventeen... nineteen fifty three."), "06/17/1953.");
}

TEST(SpokenView, NamesSpelledWithExamplesCommasDotsAndNato) {
  EXPECT_EQ(ViewOf("Oh, um, S as in Snake, A as in Apple, N as in November, C as in Charles, "
                   "H as in Hotel, E as in Easy, Z as in Zebra."),
            "Oh, um, sanchez.");
  EXPECT_EQ(ViewOf("O as in Orange, S as in Sugar, E as in Easy, I as in Ice."), "osei.");
  EXPECT_EQ(ViewOf("That would be P, O, O, J, A."), "That would be pooja.");
  EXPECT_EQ(ViewOf("Uh, let me see... I-F-E-O-M-A."), "Uh, let me see... ifeoma.");
  EXPECT_EQ(ViewOf("D. O. N., N. A. Did you get that?"), "donna. Did you get that?");
  EXPECT_EQ(ViewOf("Kilo, romeo, india, sierra, hotel, november, alpha, november."), "krishnan.");
  // Initials, package names and months stay.
  EXPECT_FALSE(HasSpokenSeed("o.a.h.c.Client - sent"));
  EXPECT_EQ(ViewOf("seen by J. R. Smith today"), "seen by J. R. Smith today");
  EXPECT_EQ(ViewOf("I saw her in November, and again"), "I saw her in November, and again");
}

TEST(SpokenView, HyphenatedNumberWordsTollFreeAndThen) {
  EXPECT_EQ(ViewOf("my cell is four-one-five five-five-five oh-one-three-two"), "my cell is 4155550132");
  EXPECT_EQ(ViewOf("I'm twenty-five years old"), "I'm 25 years old");
  EXPECT_EQ(ViewOf("born March twenty-third, nineteen eighty-two"), "born March 23rd 1982");
  EXPECT_EQ(ViewOf("eight hundred five five five oh one four two"), "8005550142");
  EXPECT_EQ(ViewOf("two hundred five"), "205");
  EXPECT_EQ(ViewOf("area code four one five, then five five five, and then oh one three two"),
            "area code 4155550132");
  EXPECT_EQ(ViewOf("an x-ray and a follow-up"), "an x-ray and a follow-up");
}

// A written full stop after "X at Y" ends a sentence unless a listed TLD
// follows: "an opening June twenty fifth at three fifteen. If I'm" is no
// address in ".if".
TEST(SpokenView, SentenceAfterAtIsNoEmail) {
  EXPECT_EQ(ViewOf("an opening June twenty fifth at three fifteen. If I'm right").find('@'),
            std::string::npos);
  EXPECT_EQ(ViewOf("it's dana at gmail. Com"), "it's dana@gmail.com");
  EXPECT_EQ(ViewOf("dana at gmail dot co dot uk"), "dana@gmail.co.uk");
}

TEST(SpokenView, Email) {
  EXPECT_EQ(ViewOf("my email is dana dot reyes at gmail dot com"),
            "my email is dana.reyes@gmail.com");
  EXPECT_EQ(ViewOf("it's j underscore doe at g mail dot com thanks"),
            "it's j_doe@gmail.com thanks");
  // Letters told by an example word, initials, "all one word", spelled
  // labels of a domain, a local part said in pieces before a written '@'.
  EXPECT_EQ(ViewOf("that would be V as in Victor I K R A M at charter dot net"),
            "that would be vikram@charter.net");
  EXPECT_EQ(ViewOf("my email is R Krishnan at verizon dot net"),
            "my email is rkrishnan@verizon.net");
  EXPECT_EQ(ViewOf("uh let me see tuan phan all one word at outlook dot com"),
            "uh let me see tuanphan@outlook.com");
  EXPECT_EQ(ViewOf("yeah so dana dot i at s b c global dot net correct"),
            "yeah so dana.i@sbcglobal.net correct");
  EXPECT_EQ(ViewOf("r o h a n as in nose thirty five at charter dot net"),
            "rohan35@charter.net");
  EXPECT_EQ(ViewOf("Yep, linh dot iyer@example.com."), "Yep, linh.iyer@example.com.");
  EXPECT_EQ(ViewOf("It's my email, tariq F A R O U K two three one at yahoo dot com."),
            "It's my email, tariqfarouk231@yahoo.com.");
  EXPECT_EQ(ViewOf("It's my email, Sofia sixty four@example.com."),
            "It's my email, sofia64@example.com.");
  // A written address in a log line stays as written: no spelled letters or
  // digits before it join it.
  EXPECT_NE(ViewOf("a 1 b 2 c dana@example.com").find(" dana@example.com"), std::string::npos);
  // No address: "at" between ordinary words.
  EXPECT_EQ(ViewOf("meet me at the office at ten"), "meet me at the office at 10");
  // "point" is a dot only before a common top-level domain.
  EXPECT_EQ(ViewOf("I'll regret all of this at some point in time"),
            "I'll regret all of this at some point in time");
  EXPECT_EQ(ViewOf("i will look at it at home point in july"),
            "i will look at it at home point in july");
  EXPECT_EQ(ViewOf("dana at example point com"), "dana@example.com");
  // A local part spelled with NATO words, three or more in a row; one alone
  // is a word.
  EXPECT_EQ(ViewOf("yes delta india whiskey alpha at hotmail dot com"), "yes diwa@hotmail.com");
  EXPECT_EQ(ViewOf("echo zulu romeo alpha underscore fai eight zero at hotmail dot com"),
            "ezra_fai80@hotmail.com");
  EXPECT_EQ(ViewOf("charlie yankee romeo uniform sierra dot delacroix at aol dot com"),
            "cyrus.delacroix@aol.com");
  EXPECT_EQ(ViewOf("mike dot jones at gmail dot com"), "mike.jones@gmail.com");
}

TEST(SpokenView, NonPhiStaysReadable) {
  EXPECT_EQ(ViewOf("take two tablets twice a day"), "take 2 tablets twice a day");
  EXPECT_EQ(ViewOf("one twenty over eighty"), "120 over 80");
  EXPECT_EQ(ViewOf("oh I see"), "oh I see");
  EXPECT_EQ(ViewOf("no numbers here"), "no numbers here");
}

TEST(SpokenView, MapsBackToWholeWords) {
  std::string text = "call four one five, five five five, oh one three two now";
  View v;
  ASSERT_TRUE(SpokenView(text, &v));
  size_t at = v.text.find("415");
  ASSERT_NE(at, std::string::npos);
  uint32_t b = v.OriginalBegin(static_cast<uint32_t>(at));
  uint32_t e = v.OriginalEnd(static_cast<uint32_t>(at + 10));
  EXPECT_EQ(text.substr(b, e - b), "four one five, five five five, oh one three two");
}

// NeMo's inverse-text-normalisation cases (tests/data/nemo-itn, Apache-2.0):
// the view must hold the same digits and letters as NeMo's written form, in
// the same order (separators may differ: NeMo writes 123-123-5678 where the
// view writes 1231235678). Rows using what PHI never needs (millions and
// beyond, negative numbers, decades, BC, quarters, URLs, "hundredth") are
// listed as out of scope.
// Digits, letters and '@', lower-cased; for dates also without "the", "of"
// and ordinal suffixes (NeMo writes "25 july 2012" for "the twenty fifth of
// july twenty twelve", the view "the 25th of july 2012").
std::string Compact(std::string_view s, bool date) {
  std::string words;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view w = s.substr(i, j - i);
    if (date && w.size() > 2 && w[0] >= '0' && w[0] <= '9') {
      std::string_view suffix = w.substr(w.size() - 2);
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
        w.remove_suffix(2);
      }
    }
    if (!(date && (w == "the" || w == "of"))) {
      words.append(w);
    }
    i = j + 1;
  }
  std::string out;
  for (char c : words) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) out.push_back(c);
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    if (c == '@') out.push_back('@');
  }
  return out;
}

bool OutOfScope(const std::string& spoken) {
  static const char* kWords[] = {"million", "billion", "trillion", "quadrillion", "quintillion",
                                 "sextillion", "crore", "lakh", "minus", "plus", "eighties",
                                 "quarter", " b c", "colon", "w w w", "hundredth",
                                 "thousandth", "zeroth", "display", "ti", "sixteen sixty five",
                                 "fifteen o six", "eleven fifty five", "x three eighty six"};
  for (const char* w : kWords) {
    if (spoken.find(w) != std::string::npos) return true;
  }
  return spoken == "zero" || spoken == "a b c" ||
         // domains without an address: not PHI
         spoken == "n vidia dot com" || spoken == "kore dot ai";
}

TEST(SpokenView, NemoInverseNormalisationCases) {
  int passed = 0, skipped = 0;
  for (const char* category : {"cardinal", "date", "telephone", "electronic", "ordinal"}) {
    std::string path = std::string(PHISCRUB_TEST_DATA) + "/nemo-itn/test_cases_" + category + ".txt";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    std::string line;
    while (std::getline(in, line)) {
      size_t tilde = line.find('~');
      if (tilde == std::string::npos) continue;
      std::string spoken = line.substr(0, tilde), written = line.substr(tilde + 1);
      if (OutOfScope(spoken)) {
        ++skipped;
        continue;
      }
      bool date = std::string(category) == "date";
      EXPECT_EQ(Compact(ViewOf(spoken), date), Compact(written, date)) << category << ": " << spoken;
      ++passed;
    }
  }
  EXPECT_GE(passed, 100);
  RecordProperty("nemo_cases", passed);
  RecordProperty("nemo_out_of_scope", skipped);
}

TEST(SpokenView, RunsEndWhereADateOrAHouseNumberEndsASentence) {
  // A year of a date ends at a full stop; a card's groups go on.
  EXPECT_EQ(ViewOf("May tenth, nineteen fifty five. four eight zero five five five zero one eight five."),
            "May 10th 1955. 4805550185.");
  EXPECT_EQ(ViewOf("twelve, eighteen, nineteen seventy nine. five four nine zero five."),
            "12/18/1979. 54905.");
  EXPECT_EQ(ViewOf("here it is, forty sixty two. eighty nine ten, nineteen fifty-six. zero six forty-seven."),
            "here it is, 4062891019560647.");
  // A date written with slashes; a written number a word follows.
  EXPECT_EQ(ViewOf("10/12/75. 862, uh, 24, seven three six eight. 17940 Maple Ridge Drive"),
            "10/12/75. 862247368. 17940 Maple Ridge Drive");
  EXPECT_EQ(ViewOf("four zero one. 555. 0132"), "4015550132");
}

TEST(SpokenView, SpelledNamesBeforeFirstNameAndAnOAfterAnExampleWord) {
  EXPECT_EQ(ViewOf("last name schultz s c h u l t z first name nikolai"),
            "last name schultz first name nikolai");
  EXPECT_EQ(ViewOf("The last name, M as in Mary, A, N as in Nancy, A as in apple, L as in Larry, O."),
            "The last name, manalo.");
}

TEST(SpokenView, AWordSaidThenSpelledIsTheWord) {
  // The spelling goes into the word, with a "that's" before it and a pause
  // after it: what follows reads as if the word were said once.
  EXPECT_EQ(ViewOf("Yes please. It's rosat, that's r o s a t, at comcast dot net."),
            "Yes please. It's rosat@comcast.net.");
  EXPECT_EQ(ViewOf("sure my email is berniceh that's b e r n i c e h seven at bellsouth dot net"),
            "sure my email is berniceh7@bellsouth.net");
  EXPECT_EQ(ViewOf("I live at four nine Manzanita, M A N Z A N I T A, Drive, unit one hundred thirty four"),
            "I live at 49 Manzanita Drive, unit 134");
  // (Letters that spell more than the word are a spelling of their own.)
  EXPECT_EQ(ViewOf("it's petrakis p e t r a k i s s"), "it's petrakis petrakiss");
  // (Nor when the last letter is told by an example: the spelling goes on.)
  EXPECT_EQ(ViewOf("Yeah, Awad, A, W, A, D as in Delta."), "Yeah, Awad, awad.");
  // (Letters that spell another word are no restatement.)
  EXPECT_EQ(ViewOf("rosat, r o s a, at home"), "rosat, rosa, at home");
  // ("all one word" joins the address's words, never "all right" before it.)
  EXPECT_EQ(ViewOf("well all right walter underscore wojcik that's w o j c i k all one word at bellsouth dot net"),
            "well all right walter_wojcik@bellsouth.net");
}

TEST(SpokenView, AnIdentifiersNameSpelledBeforeItsNumber) {
  EXPECT_EQ(ViewOf("It says N P I two ninety five, um, eight ninety one oh two ninety three."),
            "It says NPI 2958910293.");
  // (Letters of an id are letters: "a n p i four four ..." is no NPI.)
  EXPECT_EQ(ViewOf("it's a n p i four four"), "it's ANPI44");
}

TEST(SpokenView, AYearSaidInTensAfterAMonthEndsAtAFullStop) {
  EXPECT_EQ(ViewOf("Thomas, Angela. fifth of October sixty three. eighty eight zero two."),
            "Thomas, Angela. 5th of October 63. 8802.");
  EXPECT_EQ(ViewOf("the fourth of February, thirty seven. four one five five"),
            "the 4th of February 37. 4155");
}


TEST(SpokenView, AHesitationBetweenPartsOfAValue) {
  EXPECT_EQ(ViewOf("okay five two zero let me see triple five zero one nine zero"), "okay 5205550190");
  EXPECT_EQ(ViewOf("The last four are fifteen, hold on, six oh."), "The last four are 1560.");
  // (Not between a number and a word: "two, hold on, three of them" has one number each side.)
  EXPECT_EQ(ViewOf("hold on let me see the card"), "hold on let me see the card");
  // (Nor after a full stop, nor before "one second".)
  EXPECT_EQ(ViewOf("one two seven five eight. Hold on one second"), "12758. Hold on 1 2nd");
  EXPECT_EQ(ViewOf("one two seven five eight, hold on one second"), "12758, hold on 1 2nd");
}

TEST(SpokenView, OneOrTwoWordsTrailedOffThenSaidAgainWithMore) {
  // (The first try is left out of the view; the span found goes back over
  // it: RepeatFrom.)
  EXPECT_EQ(ViewOf("Last four is seventeen... seventeen fifty eight."), "Last four is 1758.");
  EXPECT_EQ(ViewOf("it's nine... nine five, oh eight"), "it's 9508");
  EXPECT_EQ(ViewOf("Biloxi, Mississippi, three... three nine five, uh, three one."),
            "Biloxi, Mississippi, 39531.");
  // (Said again with nothing after: both are the number, "nine... nine".)
  EXPECT_EQ(ViewOf("room nine... nine"), "room 99");
}


TEST(SpokenView, AnIdReadOutWithLetterNamesAndPauses) {
  EXPECT_EQ(ViewOf("He says the Medicare ID is three, gee, dee, one, double you, three, eight, ex, ex, three, seven"),
            "He says the Medicare ID is 3GD1W38XX37");
  // ("won" among an id's letters is the digit.)
  EXPECT_EQ(ViewOf("He says the Medicare ID is five, U, G, won, X, Y, eight, um, V, W, six, one"),
            "He says the Medicare ID is 5UG1XY8VW61");
  // (A capital A and a capital letter before numbers spell.)
  EXPECT_EQ(ViewOf("A C four five eight four one five"), "AC458415");
  // (Letter names without two sure ones, or without digits, stay words.)
  EXPECT_EQ(ViewOf("why, you, see, I said two"), "why, you, see, I said 2");
  EXPECT_EQ(ViewOf("a c four five"), "a C45");
}


TEST(SpokenView, SpanishTensAndUnits) {
  EXPECT_EQ(ViewOf("Ah, seis ocho cuatro, setenta y tres, sesenta y tres cuarenta y nueve"), "Ah, 684736349");
  EXPECT_EQ(ViewOf("veintitrés"), "23");
  // (A Spanish article before the digits is no letter of an id.)
  EXPECT_EQ(ViewOf("Es el siete uno ocho, cinco cinco cinco, cero uno siete seis"), "Es el 7185550176");
  // ("y" between other words stays; "once" is English.)
  EXPECT_EQ(ViewOf("take it once a day y ya"), "take it once a day y ya");
}


TEST(SpokenView, AYearsLastDigitWrittenAsAWordLikeIt) {
  EXPECT_EQ(ViewOf("um, july seventeenth nineteen sixty to"), "um, july 17th 1962");
  EXPECT_EQ(ViewOf("the tenth of march nineteen eighty for."), "the 10th of march 1984.");
  // (Before other words: the word it is.)
  EXPECT_EQ(ViewOf("born in nineteen sixty to a family"), "born in 1960 to a family");
}

// Digits an engine wrote in groups of its own: joined into the value they
// make, read as a date, or a year said in two after a month and day.
TEST(SpokenView, DigitGroupsAnEngineWroteItsOwnWay) {
  EXPECT_EQ(ViewOf("User: the zip code there is 79 901."), "User: the zip code there is 79901.");
  EXPECT_EQ(ViewOf("User: Best number is 8,085,550,113."), "User: Best number is 8085550113.");
  EXPECT_EQ(ViewOf("User: 3,475,550,140, in case we get disconnected."),
            "User: 3475550140, in case we get disconnected.");
  EXPECT_EQ(ViewOf("User: 415555, 0141, is that right"), "User: 4155550141, is that right");
  EXPECT_EQ(ViewOf("User: MRN is 609. 36. 823."), "User: MRN is 60936823.");
  EXPECT_EQ(ViewOf("User: card number is 5,105,105,425,058,542."), "User: card number is 5105105425058542.");
  EXPECT_EQ(ViewOf("User: it is 4000.0545.8162.5455"), "User: it is 4000054581625455");
  EXPECT_EQ(ViewOf("User: Um, 4012884 810979141."), "User: Um, 4012884810979141.");
  EXPECT_EQ(ViewOf("User: 1, 13, 1962."), "User: 1/13/1962.");
  EXPECT_EQ(ViewOf("User: Yeah, hi. Anjali Jablonski. 3, 1, 1947. Calling about"),
            "User: Yeah, hi. Anjali Jablonski. 3/1/1947. Calling about");
  EXPECT_EQ(ViewOf("User: May 11 19 88."), "User: May 11 1988.");
  EXPECT_EQ(ViewOf("User: Yeah, February 14th 19 44."), "User: Yeah, February 14th 1944.");
  EXPECT_EQ(ViewOf("User: Birthday is February 8, 19, 86."), "User: Birthday is February 8 1986.");
  // Written shapes, lists, amounts, years, addresses and log columns stay.
  for (const char* keep : {"User: 808 555 0180", "User: The chart number is 213 071 5.",
                           "User: the group number is 666431 0001 employer",
                           "User: the tax id 71 3514347 thank you", "User: rooms 312, 55, 10",
                           "User: paid $1,250,000 and 3,500 steps",
                           "User: in 2019, 2020 and 2021", "User: 1,234,567 rows", "User: server 10.0.0.1 and 192.168.10.12",
                           "0.001 0.250 0.000 403 401 3214 18378459 \"POST",
                           "081110 103618 19 INFO net.labs.results.OruProcessor: label",
                           "POST 174.189.153.162:2575 10.0.172.1:8080",
                           "Caller: uh 58 sycamore street, boise, ID 834 39"}) {
    EXPECT_EQ(ViewOf(keep), keep);
  }
}

// E-mail addresses as engines mangle them: a blank before the '@' or after
// the last dot, "at symbol", "dot calm"; a pause before a joiner and commas
// between letters told by example words.
TEST(SpokenView, EmailAddressesAnEngineMangled) {
  EXPECT_EQ(ViewOf("User: Yeah, um, lostrowski @gmail.com."), "User: Yeah, um, lostrowski@gmail.com.");
  EXPECT_EQ(ViewOf("User: My email is rafaelquinones63@example. org."),
            "User: My email is rafaelquinones63@example.org.");
  EXPECT_EQ(ViewOf("jose dot reyes eighty three at symbol protonmail dot com"),
            "jose.reyes83@protonmail.com");
  EXPECT_EQ(ViewOf("it's lcastillo at yahoo dot calm if you can"), "it's lcastillo@yahoo.com if you can");
  EXPECT_EQ(ViewOf("Let me read that back. baptiste... dot ahmed eight at aol dot com?"),
            "Let me read that back. baptiste.ahmed8@aol.com?");
  EXPECT_EQ(ViewOf("it's, um, k as in king, e as in edward, i as in ida s h a underscore kim one "
                   "nine six two at yahoo dot com, all lowercase."),
            "it's, um, keisha_kim1962@yahoo.com, all lowercase.");
  EXPECT_EQ(ViewOf("Let me read that back. c as in cat, a as in apple, r as in robert l o s at "
                   "icloud dot com?"),
            "Let me read that back. carlos@icloud.com?");
  // "at the rate" for '@'; digits heard as words before the "at"; a comma
  // after a letter said bare among letters told by example words; "eye
  // cloud"; "is" before a letter heard as a digit is no part.
  EXPECT_EQ(ViewOf("rbautista five six at the rate hot mail dot com"), "rbautista56@hotmail.com");
  EXPECT_EQ(ViewOf("ykang y k a n g six for at the rate icloud dot com"), "ykang64@icloud.com");
  EXPECT_EQ(ViewOf("youssef for zero at sign gmail.com"), "youssef40@gmail.com");
  EXPECT_EQ(ViewOf("nnwosu eight sick at the rate hotmail.com"), "nnwosu86@hotmail.com");
  EXPECT_EQ(ViewOf("N, O for orange, U, R dot E as in Edward, L as in Larry, S, A as in apple, Y as "
                   "in yellow, E as in Edward, D as in David at yahoo dot com"),
            "nour.elsayed@yahoo.com");
  EXPECT_EQ(ViewOf("nour dot abdulrahim at the rate eye cloud dot com"), "nour.abdulrahim@icloud.com");
  EXPECT_EQ(ViewOf("the email is o b i at gmail dot com"), "the email is obi@gmail.com");
  // (Words where they are words.)
  EXPECT_EQ(ViewOf("i will be there at nine for at least an hour"),
            "i will be there at 9 for at least an hour");
  EXPECT_EQ(ViewOf("that was at the rate of two a day"), "that was at the rate of 2 a day");
  // (A pause before "dot" in a sentence is no address; "calm" is a word.)
  EXPECT_EQ(ViewOf("I waited... dot com at the time"), "I waited... dot com at the time");
  EXPECT_EQ(ViewOf("stay calm at home"), "stay calm at home");
}

// "to", "too" and "for" heard for the last digit of a year in tens after a
// month and a day, before what ends the value.
TEST(SpokenView, AYearsLastDigitHeardAsAWordAfterAMonthAndADay) {
  EXPECT_EQ(ViewOf("hi ulises mendoza march twelfth forty to calling about my lab results"),
            "hi ulises mendoza march 12th 42 calling about my lab results");
  EXPECT_EQ(ViewOf("okay i have the fifth of december nineteen eighty for is that right"),
            "okay i have the 5th of december 1984 is that right");
  EXPECT_EQ(ViewOf("date of birth February twenty to eighty three."), "date of birth February 22 83.");
  // (Words where they are words: a purpose, a range, a time.)
  EXPECT_EQ(ViewOf("the twenty seventh of october fifty for security can you"),
            "the 27th of october 50 for security can you");
  EXPECT_EQ(ViewOf("march fifth, forty to fifty people came"), "march 5th 40 to 50 people came");
  EXPECT_EQ(ViewOf("it's at twenty to eight on march fifth"), "it's at 20 to 8 on march 5th");
}

TEST(SpokenView, LikeBetweenPartsOfANumberIsAFiller) {
  EXPECT_EQ(ViewOf("So, okay, uh, 209 like five five five like 0184."), "So, okay, uh, 2095550184.");
  EXPECT_EQ(ViewOf("thirty one like four oh one we moved"), "31401 we moved");
  EXPECT_EQ(ViewOf("i take like two like three pills"), "i take like 2 like 3 pills");
  EXPECT_EQ(ViewOf("it's n like nancy o like oscar"), ViewOf("it's n as in nancy o as in oscar"));
}

TEST(SpokenView, TheLastFourWithWordsHeardForDigits) {
  EXPECT_EQ(ViewOf("[patient] last four of my social is won for two six"),
            "[patient] last four of my social is 1426");
  EXPECT_EQ(ViewOf("the last four of your social? / Member: One too eight won, yeah."),
            "the last four of your social? / Member: 1281, yeah.");
  // (Words where they are words: "last four weeks for two six-hour shifts".)
  EXPECT_EQ(ViewOf("the last four weeks for two nights"), "the last four weeks for 2 nights");
  EXPECT_EQ(ViewOf("last four digits for two people"), "last four digits for 2 people");
  // ("ends in" right before them, as "last four".)
  EXPECT_EQ(ViewOf("you know social ends in three to three four"),
            "you know social ends in 3234");
  EXPECT_EQ(ViewOf("the card ending in won for two six is on file"),
            "the card ending in 1426 is on file");
  EXPECT_EQ(ViewOf("the lease ends in two weeks for sure"), "the lease ends in 2 weeks for sure");
}

// Words heard for digits count as digits among the digits around them,
// "double" and "triple" as digits said one by one; the run ends before
// "that's", "okay", "if" and the like.
TEST(SpokenView, WordsHeardForDigitsAmongDigits) {
  EXPECT_EQ(ViewOf("uh double five four to zero"), "uh 55420");
  EXPECT_EQ(ViewOf("and that was eight five to zero won"), "and that was 85201");
  EXPECT_EQ(ViewOf("double five for to o"), "55420");
  EXPECT_EQ(ViewOf("its six oh won ate"), "its 6018");
  EXPECT_EQ(ViewOf("got it eight won three ate two eight six ate thats the one i have"),
            "got it 81382868 thats the 1 i have");
  // (Words where they are words: a range, a dose, a score.)
  EXPECT_EQ(ViewOf("take one to two tablets four to five times a day"),
            "take 1 to 2 tablets 4 to 5 times a day");
  EXPECT_EQ(ViewOf("that is four for four"), "that is 4 for 4");
  EXPECT_EQ(ViewOf("for two to three days"), "for 2 to 3 days");
  // ("sick" for six, "free" and "tree" for three, as an accent is heard.)
  EXPECT_EQ(ViewOf("two ate one five five five oh won sixty free"), "2815550163");
  EXPECT_EQ(ViewOf("tree oh five five five five uh zero one sick sick"), "3055550166");
  EXPECT_EQ(ViewOf("i have been sick for two weeks"), "i have been sick for 2 weeks");
  EXPECT_EQ(ViewOf("i was sick five days"), "i was sick 5 days");
  EXPECT_EQ(ViewOf("call toll free one eight hundred"), "call toll free 1800");
}

// A date said as numbers alone ends at its full stop; a phone's groups with
// full stops go on.
TEST(SpokenView, ADateSaidAsNumbersEndsAtItsFullStop) {
  EXPECT_EQ(ViewOf("Jessica Howard. eight twenty six nineteen sixty three. four one nine. five five five. oh one two two."),
            "Jessica Howard. 08/26/1963. 4195550122.");
  EXPECT_EQ(ViewOf("seven thirteen fifty eight. double nine one eight oh"), "07/13/58. 99180");
  EXPECT_EQ(ViewOf("One eight sixty three. Five fifty five. Oh one three one."), "18635550131.");
}

// The digit a correction names is no digit of the value said after it.
TEST(SpokenView, TheDigitACorrectionNames) {
  EXPECT_EQ(ViewOf("five seven two... no wait, that's a zero, five seven zero, five five five, zero one three five"),
            "572... no wait, that's a zero, 5705550135");
  // (Said on into a number, it is one of its digits.)
  EXPECT_EQ(ViewOf("it's a five five five oh one two three"), "it's a 5550123");
}

TEST(SpokenView, DatesSaidInSpanish) {
  EXPECT_EQ(ViewOf("Este... el diez de marzo del ochenta y cuatro"), "Este... el 10 of March 84");
  EXPECT_EQ(ViewOf("veintitrés de mayo de mil novecientos noventa y cuatro"), "23 of May 1994");
  EXPECT_EQ(ViewOf("Ah, diez, diez, mil novecientos cuarenta y uno"), "Ah, 10/10/1941");
  EXPECT_EQ(ViewOf("nació en dos mil cuatro"), "nació en 2004");
  // (A month's name alone, or "mayo" the word, stays.)
  EXPECT_EQ(ViewOf("I like mayo on my sandwich"), "I like mayo on my sandwich");
  EXPECT_EQ(ViewOf("en marzo vamos"), "en marzo vamos");
}

}  // namespace
}  // namespace phiscrub::internal
