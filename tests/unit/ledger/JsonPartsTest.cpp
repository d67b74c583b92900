// Reading a JSON ledger in parts (`certc run --jobs N` on a large file): the
// splitter's places, and that the parts read in order give what reading the
// whole file gives, errors and their places included.
#include "LedgerTestSupport.h"

#include "ledger/ReadInParts.inc"

using namespace certc;
using namespace certc::ledger;
using namespace certc::ledger::test;

namespace {

class JsonParts : public LedgerTest {
protected:
  /// Reads T whole and in parts of PartBytes, and expects the same members
  /// (ids and places) and the same errors; returns the reading in parts.
  ReadResult expectSameInParts(const std::string &T, size_t PartBytes, const LedgerLimits &Limits = {}) {
    ReadResult Whole = readJson(T, Limits), Parts = readJsonLedgerInParts(S, "ledger.json", T, PartBytes, Limits);
    EXPECT_EQ(describe(Parts), describe(Whole));
    return Parts;
  }
  static std::string describe(const ReadResult &R) {
    std::string Out;
    for (const Member &M : R.Members)
      Out += "member " + M.Id + " " + std::to_string(M.Line) + ":" + std::to_string(M.Col) + " with " +
             std::to_string(M.Activities.size()) + " activities\n";
    for (const LedgerError &E : R.Errors)
      Out += E.str() + "\n";
    return Out;
  }
  /// An array of N members, one line each after the first, m0 to m(N-1).
  static std::string members(size_t N) {
    std::string T = "[";
    for (size_t I = 0; I < N; ++I)
      T += (I ? ",\n" : "") + ledger("m" + std::to_string(I), course("a1") + ",\n" + course("a2"));
    return T + "]\n";
  }
};

TEST_F(JsonParts, SplitsWhereEntriesBeginAndKnowsTheirPlace) {
  std::string T = "\xEF\xBB\xBF [" + ledger("m1", "") + ",\n  " + ledger("m2", "") + ", " + ledger("m3", "") + "]";
  std::vector<JsonLedgerPart> Parts = splitJsonLedger(T, 1);
  ASSERT_EQ(Parts.size(), 3u);
  EXPECT_EQ(Parts[0].Begin, 0u);
  for (size_t I = 1; I < Parts.size(); ++I) {
    EXPECT_EQ(Parts[I].Begin, Parts[I - 1].End);
    EXPECT_EQ(T[Parts[I].Begin], '{');
  }
  EXPECT_EQ(Parts.back().End, T.size());
  // Each ledger object has three line breaks: m2 starts on line 5, column 3.
  EXPECT_EQ(Parts[1].Line, 5u);
  EXPECT_EQ(Parts[1].Col, 3u);
  EXPECT_EQ(Parts[2].Line, 8u);
  // Parts hold at least PartBytes bytes: one part for the whole text here.
  EXPECT_EQ(splitJsonLedger(T, T.size()).size(), 1u);
  // A single ledger object, or text that is not an array, is one part.
  EXPECT_EQ(splitJsonLedger(ledger("m1", ""), 1).size(), 1u);
  EXPECT_EQ(splitJsonLedger("{", 1).size(), 1u);
}

TEST_F(JsonParts, AWrongGuessLosesOnlyParallelism) {
  // Objects with a `member` key nested in an entry look like entries to the
  // splitter; the part before reads on through them to the end of the file.
  std::string T = "[" + ledger("m1", "") + ",\n" +
                  ledger("m2", "", R"(, "name": "{\"member\": 1}", "x": [1, {"member": {"id": "m9"}}])") + ",\n" +
                  ledger("m3", "") + "]";
  std::vector<JsonLedgerPart> Parts = splitJsonLedger(T, 1);
  ASSERT_EQ(Parts.size(), 4u); // m2, the nested object, m3
  ReadResult R = expectSameInParts(T, 1);
  EXPECT_EQ(R.Members.size(), 2u); // m1 and m3; m2's `x` is an unknown field
  // Malformed text: a line break in a string, an unterminated string.
  expectSameInParts("[" + ledger("m1", "") + ",\n" + replaced(ledger("m2", ""), "full", "fu\nll") + ",\n" +
                        ledger("m3", "") + "]",
                    1);
  expectSameInParts("[" + ledger("m1", "") + ", {\"member\": \"" + ledger("m2", "") + ",\n" + ledger("m3", "") + "]", 1);
}

TEST_F(JsonParts, ReadInPartsAValidFileIsReadAsWhole) {
  std::string T = members(20);
  for (size_t PartBytes : {size_t(1), size_t(300), size_t(1000), T.size()}) {
    ReadResult R = expectSameInParts(T, PartBytes);
    EXPECT_EQ(R.Members.size(), 20u);
    EXPECT_TRUE(R.Errors.empty());
  }
}

TEST_F(JsonParts, ErrorsInSeveralPartsKeepTheirPlacesAndOrder) {
  std::string T = members(12);
  T = replaced(T, "\"m2\", \"region\": 3", "\"m2\", \"region\": \"x\"");
  T = replaced(T, "\"m7\", \"region\": 3", "\"m7\", \"regio\": 3");
  T = replaced(T, "\"m10\", \"region\": 3", "\"m10\", \"region\": 3.5");
  ReadResult R = expectSameInParts(T, 1);
  EXPECT_EQ(R.Members.size(), 9u);
  ASSERT_EQ(R.Errors.size(), 4u); // m7: an unknown field, and region missing
  EXPECT_EQ(R.Errors[0].Member, "m2");
  EXPECT_EQ(R.Errors[1].Member, "m7");
  EXPECT_EQ(R.Errors[3].Member, "m10");
  EXPECT_EQ(R.Errors[3].Line, 51u); // five lines a member
}

TEST_F(JsonParts, ASyntaxErrorEndsTheReadingForTheLaterPartsToo) {
  std::string T = replaced(members(10), "\"m4\", \"region\": 3", "\"m4\", \"region\" 3");
  ReadResult R = expectSameInParts(T, 1);
  EXPECT_EQ(R.Members.size(), 4u); // m0 to m3
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_NE(R.Errors[0].Message.find("the rest of the file was not read"), std::string::npos);
  // Between entries too: a missing comma, and something that is not an entry.
  expectSameInParts(replaced(members(6), "]},\n{\"member\": {\"id\": \"m3\"", "]}\n{\"member\": {\"id\": \"m3\""), 1);
  expectSameInParts(replaced(members(6), ",\n{\"member\": {\"id\": \"m3\"", ", 5,\n{\"member\": {\"id\": \"m3\""), 1);
  expectSameInParts(replaced(members(6), ",\n{\"member\": {\"id\": \"m3\"", ", \"k\": {\"member\": {\"id\": \"m3\""), 1);
  // The array closed early, and a truncated file.
  expectSameInParts(replaced(members(6), ",\n{\"member\": {\"id\": \"m3\"", "], {\"member\": {\"id\": \"m3\""), 1);
  std::string Whole = members(6);
  expectSameInParts(Whole.substr(0, Whole.size() / 2), 1);
}

TEST_F(JsonParts, TheErrorLimitCountsTheWholeFile) {
  std::string T = members(10);
  for (int I = 0; I < 10; ++I)
    T = replaced(T, "\"region\": 3,", "\"region\": \"x\",");
  LedgerLimits Limits;
  Limits.MaxErrors = 4;
  ReadResult R = expectSameInParts(T, 1, Limits);
  ASSERT_EQ(R.Errors.size(), 5u);
  EXPECT_EQ(R.Errors.back().Message, "6 more errors were found but not listed (the limit is 4)");
}

TEST_F(JsonParts, TheScansSayHowFarTheyAreDone) {
  // `certc run` releases the pages behind the scans as they report progress:
  // within a pass, offsets only grow and stay within the text (a pass that
  // starts again begins lower), and the answers do not change.
  std::string T = members(40);
  std::vector<size_t> Seen;
  auto Record = [&](size_t Offset) { Seen.push_back(Offset); };
  EXPECT_TRUE(jsonMemberIdsAreDistinct(T, Record));
  std::vector<JsonLedgerPart> Parts = splitJsonLedger(T, 1, Record);
  EXPECT_EQ(Parts.size(), splitJsonLedger(T, 1).size());
  ASSERT_FALSE(Seen.empty());
  size_t Passes = 1;
  for (size_t I = 0; I < Seen.size(); ++I) {
    EXPECT_LE(Seen[I], T.size());
    if (I && Seen[I] < Seen[I - 1])
      ++Passes;
  }
  // The search for escapes, the member keys, the places to split.
  EXPECT_EQ(Passes, 3u);
  // Each part's start was reported before the splitter went past it.
  for (size_t I = 1; I < Parts.size(); ++I)
    EXPECT_NE(std::find(Seen.begin(), Seen.end(), Parts[I].Begin), Seen.end()) << I;
}
} // namespace
