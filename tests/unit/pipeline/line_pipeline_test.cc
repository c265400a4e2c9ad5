// Chunk invariance and fail-closed behaviour of the text pipeline: any split
// of the input (1-byte chunks, random, whole) and any batching must give the
// same bytes out.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "phiscrub/pipeline.h"

#include "names/addresses.h"
#include "phiscrub/ruleset.h"
#include "test_util.h"

namespace phiscrub {
namespace {

// Deterministic input mixing PHI, noise, empty and CRLF lines.
std::string Corpus(int lines, uint32_t seed) {
  std::mt19937 rng(seed);
  const char* phi[] = {"SSN 123-45-6789", "call (415) 555-0132", "dana@example.com",
                       "SSN: 219099999", "+1 212 555 0175 ext. 12"};
  std::string s;
  for (int i = 0; i < lines; ++i) {
    switch (rng() % 7) {
      case 0: s += ""; break;
      case 6: s += "Phone:\n467 3395"; break;  // a value under its label
      case 1: s += "2026-11-22T10:31:02.118Z INFO pid=" + std::to_string(rng() % 99999); break;
      case 2: s += "note " + std::string(phi[rng() % 5]) + " end\r"; break;
      default: s += "x " + std::string(phi[rng() % 5]) + " y " + std::to_string(rng()); break;
    }
    s += '\n';
  }
  s += "last line without newline 123-45-6789";
  return s;
}

struct RunResult {
  std::string output;
  Counters counters;
};

// Feeds `input` in the given chunk sizes, submitting a batch every
// `batch_records` records.
RunResult Process(const std::shared_ptr<const Ruleset>& rules, std::string_view input,
            const std::vector<size_t>& chunks, size_t max_record,
            size_t batch_records) {
  TextOptions opts;
  opts.max_record = max_record;
  LineFramer framer(max_record);
  framer.ConfigureFor(RecordFormat::kText);
  BatchRedactor redactor(rules, opts);
  RecordBatch batch;
  BatchResult result;
  size_t pos = 0, ci = 0;
  while (pos < input.size()) {
    size_t n = std::min(chunks[ci++ % chunks.size()], input.size() - pos);
    framer.Feed(input.substr(pos, n), &batch);
    pos += n;
    if (batch.size() >= batch_records) {
      redactor.Process(batch, &result);
      batch.Clear();
    }
  }
  framer.Finish(&batch);
  redactor.Process(batch, &result);
  return {result.output, result.counters};
}

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override { rules_ = testing::CompileOrDie(); }
  std::shared_ptr<const Ruleset> rules_;
};

TEST_F(PipelineTest, ChunkAndBatchInvariance) {
  std::string input = Corpus(400, 7);
  RunResult whole = Process(rules_, input, {input.size()}, 1 << 20, 1 << 30);
  EXPECT_EQ(whole.output.find("123-45-6789"), std::string::npos);
  EXPECT_EQ(whole.output.find("555-0132"), std::string::npos);
  EXPECT_EQ(whole.counters.records,
            static_cast<uint64_t>(std::count(input.begin(), input.end(), '\n') + 1));
  EXPECT_EQ(whole.output.find("467 3395"), std::string::npos);
  RunResult ones = Process(rules_, input, {1}, 1 << 20, 1);
  EXPECT_EQ(ones.output, whole.output);
  std::mt19937 rng(11);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<size_t> chunks;
    for (int i = 0; i < 50; ++i) chunks.push_back(1 + rng() % 97);
    RunResult r = Process(rules_, input, chunks, 1 << 20, 1 + rng() % 64);
    ASSERT_EQ(r.output, whole.output) << "trial " << trial;
    EXPECT_EQ(r.counters.findings(), whole.counters.findings());
  }
}

TEST_F(PipelineTest, ValueUnderALabelLineTakesItsContext) {
  std::string in = "Personal Info:\nPhone:\n467 3395\n\nDate of Birth:\n03/14/1961\nERROR:\n12345 rows\n"
                   "467 3395\n";
  std::string want = "Personal Info:\nPhone:\n[PHONE_NUMBER]\n\nDate of Birth:\n[DATE_OF_BIRTH]\n"
                     "ERROR:\n12345 rows\n467 3395\n";
  for (size_t chunk : {size_t{1}, size_t{7}, in.size()}) {
    for (size_t batch : {size_t{1}, size_t{3}, size_t{100}}) {
      EXPECT_EQ(Process(rules_, in, {chunk}, 1 << 20, batch).output, want) << chunk << "/" << batch;
    }
  }
  EXPECT_TRUE(IsLabelLine("Date of Birth:"));
  EXPECT_FALSE(IsLabelLine("2026-01-01 12:00:00 ERROR:"));
  EXPECT_FALSE(IsLabelLine("see http://x:"));
}

// A conversation piped as plain text (no --format): a turn right after
// turns is read with them, so an answer spelled or said in the next turn is
// found as with --format transcript; log lines that merely start with a word
// and a colon keep their output.
TEST_F(PipelineTest, TurnsInTextModeTakeThePreviousTurnsAsContext) {
  std::string in =
      "Agent: Could you spell your last name?\n"
      "Caller: sure, z y x w e l l\n"
      "Agent: Thanks.\n"
      "Caller: no problem\n"
      "\n"
      "INFO: worker 12 finished batch 40\n"
      "INFO: flags r e y e s\n";
  std::string want =
      "Agent: Could you spell your last name?\n"
      "Caller: sure, [PERSON]\n"
      "Agent: Thanks.\n"
      "Caller: no problem\n"
      "\n"
      "INFO: worker 12 finished batch 40\n"
      "INFO: flags r e y e s\n";
  for (size_t chunk : {size_t{1}, size_t{7}, in.size()}) {
    for (size_t batch : {size_t{1}, size_t{3}, size_t{100}}) {
      EXPECT_EQ(Process(rules_, in, {chunk}, 1 << 20, batch).output, want) << chunk << "/" << batch;
    }
  }
  // Without the question before it, the same spelled word stays.
  EXPECT_EQ(Process(rules_, "Caller: sure, z y x w e l l\n", {1}, 1 << 20, 1).output,
            "Caller: sure, z y x w e l l\n");
}

// An address written over several lines: each line is a record, and the
// lines under a street (or an address label) are read with the lines above
// them, however the stream is chunked and batched. The block ends at a line
// that is no part of an address.
TEST_F(PipelineTest, AddressBlockLinesTakeTheStreetAsContext) {
  std::string in =
      "Billing address: Dana Reyes\n"
      "    28245 Puruntie 82 Apt. 595\n"
      "   LAPPEENRANTA\n"
      "    53650\n"
      "Thanks\n"
      "> 4844 Søndergade 52\n"
      "> Suite 501\n"
      "> Brønderslev\n"
      ">\n"
      "> Denmark 35018? Call me when it ships\n"
      "Tomorrow\n"
      "worker 12 finished batch 40\n"
      "Done\n"
      "Retrying\n";
  std::string want =
      "Billing address: [PERSON]\n"
      "    [STREET_ADDRESS]\n"
      "   [LOCATION]\n"
      "    [ZIP_CODE]\n"
      "Thanks\n"
      "> [STREET_ADDRESS]\n"
      "> [STREET_ADDRESS]\n"
      "> [LOCATION]\n"
      ">\n"
      "> [LOCATION] [ZIP_CODE]? Call me when it ships\n"
      "Tomorrow\n"
      "worker 12 finished batch 40\n"
      "Done\n"
      "Retrying\n";
  for (size_t chunk : {size_t{1}, size_t{7}, in.size()}) {
    for (size_t batch : {size_t{1}, size_t{3}, size_t{100}}) {
      EXPECT_EQ(Process(rules_, in, {chunk}, 1 << 20, batch).output, want) << chunk << "/" << batch;
    }
  }
  // The framer's cheap checks: what may open a block, what may go on in one.
  EXPECT_TRUE(internal::MayOpenAddressBlock("28245 Puruntie 82 Apt. 595"));
  EXPECT_TRUE(internal::MayOpenAddressBlock("Joaquin Suarez 2906"));
  EXPECT_TRUE(internal::MayOpenAddressBlock("1200 Elm Street"));
  EXPECT_TRUE(internal::MayOpenAddressBlock("Billing address: Dana Reyes"));
  EXPECT_FALSE(internal::MayOpenAddressBlock("SSN 123-45-6789"));
  EXPECT_FALSE(internal::MayOpenAddressBlock("Step 5"));
  EXPECT_FALSE(internal::MayOpenAddressBlock("processed 5"));
  EXPECT_TRUE(internal::MayContinueAddressBlock("> Cyprus 36903? I am in Paphos"));
  EXPECT_FALSE(internal::MayContinueAddressBlock("What's your last name? Boyle"));
  EXPECT_FALSE(internal::MayContinueAddressBlock("Phone: 555-0100"));
  EXPECT_TRUE(internal::ContinuesAddressBlock("4844 Søndergade 52\n", "Brønderslev"));
  EXPECT_FALSE(internal::ContinuesAddressBlock("Step 5\n", "ok done"));
}

// fuzz_pipeline finding (tests/fuzz/crashes): a cue the context tokenizer
// reads inside a camelCase word ("xMRN") was missed by the hotword pre-scan,
// so the value was found only when a hotword of another record ("Call" on the
// next line) opened a window over it: the answer changed with the batching.
// Windows cut inside a word also gave rules a word edge the text lacks.
TEST_F(PipelineTest, PipelineTextChunkingInvalidUtf8) {
  const std::string inputs[] = {
      "xMRN 123456\nCall\n",
      "sorhxxxxxxxxMRN: 00123456\nCaller: hello\n",
      "patientMRN 00123456\nmrnNumber 00123456\nok\n",
  };
  for (const std::string& in : inputs) {
    RunResult whole = Process(rules_, in, {in.size()}, 1 << 20, 1 << 30);
    EXPECT_EQ(whole.output.find("123456"), std::string::npos) << whole.output;
    for (size_t chunk : {size_t{1}, size_t{5}}) {
      for (size_t batch : {size_t{1}, size_t{2}}) {
        EXPECT_EQ(Process(rules_, in, {chunk}, 1 << 20, batch).output, whole.output)
            << chunk << "/" << batch;
      }
    }
  }
}

// A question in a line of text asks for what the sentences after it say,
// as a question in a transcript does; a URL's query is no question.
TEST_F(PipelineTest, QuestionInALineAsksForTheAnswer) {
  std::string in = "What's your last name? Magnusson\nGET /a?x=1 then 4155550132\n";
  std::string want = "What's your last name? [PERSON]\nGET /a?x=1 then 4155550132\n";
  for (size_t chunk : {size_t{1}, in.size()}) {
    EXPECT_EQ(Process(rules_, in, {chunk}, 1 << 20, 1).output, want);
  }
}

TEST_F(PipelineTest, BytesOutsideSpansUnchangedAndLineCountKept) {
  std::string input = Corpus(200, 3);
  RunResult r = Process(rules_, input, {4096}, 1 << 20, 50);
  auto count = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
  EXPECT_EQ(count(r.output), count(input));
  EXPECT_NE(r.output.back(), '\n');  // last input line had no newline
}

TEST_F(PipelineTest, OversizeRecordIsWithheldAtEveryChunking) {
  std::string secret = "SSN 123-45-6789 SECRETMARKER";
  std::string input = "short one\n" + secret + std::string(100, 'z') + "\nshort two\n";
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{64}, input.size()}) {
    RunResult r = Process(rules_, input, {chunk}, 40, 1);
    EXPECT_EQ(r.output,
              "short one\n[PHISCRUB_WITHHELD reason=oversize]\nshort two\n")
        << chunk;
    EXPECT_EQ(r.counters.fail_closed[static_cast<int>(FailReason::kOversize)], 1u);
    EXPECT_EQ(r.counters.records, 3u);
  }
  // The minimal bound: a 1-byte limit withholds every longer line.
  RunResult r = Process(rules_, "a\nbb\n\n", {1}, 1, 1);
  EXPECT_EQ(r.output, "a\n[PHISCRUB_WITHHELD reason=oversize]\n\n");
  // A trailing oversize line without newline is withheld too.
  r = Process(rules_, "ok\n" + secret, {2}, 10, 1);
  EXPECT_EQ(r.output, "ok\n[PHISCRUB_WITHHELD reason=oversize]");
}

TEST_F(PipelineTest, InvalidUtf8FailsClosedByDefault) {
  std::string input = "fine 123-45-6789\nbad \xff\xfe SSN 123-45-6789\nfine\n";
  RunResult r = Process(rules_, input, {5}, 1 << 20, 2);
  EXPECT_EQ(r.output,
            "fine [US_SSN]\n[PHISCRUB_WITHHELD reason=invalid_utf8]\nfine\n");
  EXPECT_EQ(r.counters.fail_closed[static_cast<int>(FailReason::kInvalidUtf8)], 1u);

  TextOptions opts;
  opts.scan_invalid_utf8 = true;
  LineFramer framer(1 << 20);
  BatchRedactor redactor(rules_, opts);
  RecordBatch batch;
  BatchResult result;
  framer.Feed(input, &batch);
  redactor.Process(batch, &result);
  EXPECT_EQ(result.output, "fine [US_SSN]\nbad \xff\xfe SSN [US_SSN]\nfine\n");
}

TEST_F(PipelineTest, FindingsCarryRecordNumbersAndOffsets) {
  LineFramer framer(1 << 20);
  BatchRedactor redactor(rules_, TextOptions());
  RecordBatch batch;
  BatchResult result;
  framer.Feed("nothing\nSSN 123-45-6789\n", &batch);
  redactor.Process(batch, &result, /*collect_findings=*/true);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].record, 1u);
  EXPECT_EQ(result.findings[0].span.start, 4u);
  EXPECT_EQ(result.findings[0].span.end, 15u);
}

}  // namespace
}  // namespace phiscrub
