// Broken, hostile or oversized JSON ledgers: always an error, never a crash or silent loss.
#include "LedgerTestSupport.h"

#include <random>

using namespace certc;
using namespace certc::ledger;
using namespace certc::ledger::test;

namespace {

using JsonRobustness = LedgerTest;

void expectWellFormedErrors(const ReadResult &R) {
  for (const LedgerError &E : R.Errors) {
    EXPECT_FALSE(E.Message.empty());
    EXPECT_EQ(E.File, "ledger.json");
  }
}

std::string twoMembers() {
  return "[" +
         LedgerTest::ledger("m1", LedgerTest::course("a1") + ",\n" +
                                      LedgerTest::course("a2", ", \"used_for\": [\"CMC\"], "
                                                               "\"title\": \"caf\\u00e9 \\\"x\\\"\"")) +
         ",\n" +
         LedgerTest::ledger("m2", "",
                            ", \"designations\": [{\"name\": \"CMC\", \"awarded\": \"2018-03-15\"}]") +
         "]";
}

TEST_F(JsonRobustness, ATruncatedFileIsAnErrorAndKeepsOnlyWholeMembers) {
  std::string T = twoMembers();
  ASSERT_TRUE(readJson(T).Errors.empty()) << allErrors(readJson(T));
  for (size_t N = 0; N < T.size(); ++N) {
    ReadResult R = readJson(T.substr(0, N));
    ASSERT_FALSE(R.Errors.empty()) << "prefix of " << N << " bytes read without error";
    expectWellFormedErrors(R);
    // A member is read whole or not at all.
    ASSERT_LE(R.Members.size(), 2u);
    if (!R.Members.empty()) {
      EXPECT_EQ(R.Members[0].Id, "m1");
      EXPECT_EQ(R.Members[0].Activities.size(), 2u);
    }
    if (R.Members.size() == 2) {
      EXPECT_EQ(memberField(R.Members[1], "designations").Awards.size(), 1u);
    }
  }
  ReadResult R = readJson(T.substr(0, T.size() - 1));
  EXPECT_NE(R.Errors.back().Message.find("(is the file truncated?)"), std::string::npos)
      << allErrors(R);
}

TEST_F(JsonRobustness, ASyntaxErrorKeepsEarlierMembersAndNamesWhereReadingStopped) {
  std::string T = "[" + ledger("m1", course("a1")) + ",\n" +
                  ledger("m2", replaced(course("b1"), ", \"hours\"", " \"hours\"")) + ",\n" +
                  ledger("m3", course("c1")) + "]";
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Members.size(), 1u);
  EXPECT_EQ(R.Members[0].Id, "m1");
  EXPECT_ONE_ERROR(R, placeOf(T, "\"hours\"", T.find("\"b1\"")), "m2", "b1", "",
                   "expected `,` or `}`, found the string `hours`; the rest of the file was not "
                   "read");
}

TEST_F(JsonRobustness, RandomBytesAndMutationsNeverCrash) {
  std::mt19937 Rng(20240607);
  for (int I = 0; I < 3000; ++I) {
    std::string Garbage(Rng() % 200, '\0');
    for (char &C : Garbage)
      C = static_cast<char>(Rng() % 256);
    ReadResult R = readJson(Garbage);
    EXPECT_FALSE(R.Errors.empty());
    expectWellFormedErrors(R);
  }
  const std::string Valid = twoMembers();
  const char Interesting[] = "{}[],:\"\\ 0-.eE\n\x80\xff" "a";
  for (int I = 0; I < 20000; ++I) {
    std::string T = Valid;
    for (unsigned K = 0, N = 1 + Rng() % 3; K < N; ++K)
      T[Rng() % T.size()] = Interesting[Rng() % (sizeof(Interesting) - 1)];
    ReadResult R = readJson(T);
    expectWellFormedErrors(R);
    EXPECT_TRUE(R.Members.size() <= 2);
  }
}

TEST_F(JsonRobustness, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string Deep = std::string(100, '[') + std::string(100, ']');
  std::string T = ledger("m1", course("a1", ", \"title\": " + Deep));
  ReadResult R = readJson(T);
  EXPECT_NE(allErrors(R).find("field title: arrays and objects are nested more than 64 deep"),
            std::string::npos)
      << allErrors(R);
  EXPECT_TRUE(R.Members.empty());

  R = readJson(std::string(1000000, '['));
  ASSERT_FALSE(R.Errors.empty());
  EXPECT_NE(allErrors(R).find("nested more than 64 deep"), std::string::npos);
}

TEST_F(JsonRobustness, LimitsAreErrors) {
  std::string T = ledger("m1", course("a1"));
  LedgerLimits Small;
  Small.MaxFileBytes = 10;
  EXPECT_ONE_ERROR(readJson(T, Small), Place{}, "", "", "",
                   "the file has " + std::to_string(T.size()) + " bytes; the limit is 10");

  LedgerLimits TwoActivities;
  TwoActivities.MaxActivitiesPerMember = 2;
  T = "[" + ledger("m1", course("a1") + ",\n" + course("a2") + ",\n" + course("a3")) + ",\n" +
      ledger("m2", course("a1")) + "]";
  ReadResult R = readJson(T, TwoActivities);
  ASSERT_EQ(R.Members.size(), 1u);
  EXPECT_EQ(R.Members[0].Id, "m2");
  EXPECT_ONE_ERROR(R, placeOf(T, "{\"id\": \"a3\""), "m1", "", "",
                   "more than 2 activities; that is the limit for one member");

  LedgerLimits TwoErrors;
  TwoErrors.MaxErrors = 2;
  T = ledger("m1", course("a1", ", \"x1\": 1, \"x2\": 1, \"x3\": 1, \"x4\": 1, \"x5\": 1"));
  R = readJson(T, TwoErrors);
  ASSERT_EQ(R.Errors.size(), 3u);
  EXPECT_EQ(R.Errors[0].Field, "x1");
  EXPECT_EQ(R.Errors[2].Message, "3 more errors were found but not listed (the limit is 2)");
}

TEST_F(JsonRobustness, EmptyScalarAndTrailingContentAreErrors) {
  EXPECT_ONE_ERROR(readJson(""), (Place{1, 1}), "", "", "", "the file is empty");
  EXPECT_ONE_ERROR(readJson("  \n "), (Place{2, 2}), "", "", "", "the file is empty");
  EXPECT_ONE_ERROR(readJson("42"), (Place{1, 1}), "", "", "",
                   "expected a ledger object {\"member\": ..., \"activities\": [...]} or an "
                   "array of them, found the number `42`");
  std::string T = ledger("m1", "") + "\n}";
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Members.size(), 1u) << "the whole ledger before the junk was read";
  EXPECT_ONE_ERROR(R, (Place{5, 1}), "", "", "",
                   "expected the end of the file after the ledger, found `}`");
}

TEST_F(JsonRobustness, BadTextIsAnError) {
  std::string T = ledger("m1", course("a1", ", \"title\": \"ab\xff\""));
  ReadResult R = readJson(T);
  EXPECT_TRUE(R.Members.empty());
  EXPECT_ONE_ERROR(R, placeOf(T, "\xff"), "m1", "a1", "title",
                   "invalid UTF-8 in a string; the rest of the file was not read");

  T = ledger("m1", course("a1", ", \"title\": \"a\tb\""));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\t"), "m1", "a1", "title",
                   "control character in a string");

  T = ledger("m1", course("a1", ", \"title\": \"\\ud800\""));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\\ud800"), "m1", "a1", "title",
                   "unpaired UTF-16 surrogate");

  T = ledger("m1", course("a1", ", \"title\": 'single'"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "'"), "m1", "a1", "title",
                   "unexpected character `'`");

  T = ledger("m1", course("a1", ", \"title\": \"\\ud83d\\ude00 ok\""));
  R = readJson(T);
  ASSERT_EQ(R.Members.size(), 1u) << allErrors(R);
  EXPECT_EQ(activityField(R.Members[0].Activities[0], "title").Text, "\xF0\x9F\x98\x80 ok");

  R = readJson("\xEF\xBB\xBF" + ledger("m1", ""));
  EXPECT_EQ(R.Members.size(), 1u) << "a byte order mark is accepted";
}

TEST_F(JsonRobustness, EscapedKeysAreMatchedByTheirMeaning) {
  // "\u0068ours" is "hours"; the kind comes last so the reader looks ahead.
  std::string T = ledger("m1", R"({"id": "a1", "\u0068ours": 2, "title": "t\"q", "date": "2019-04-02",
      "kind": "institute_course"})");
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Members.size(), 1u) << allErrors(R);
  EXPECT_EQ(activityField(R.Members[0].Activities[0], "hours").Number, Rational(2));
  EXPECT_EQ(activityField(R.Members[0].Activities[0], "title").Text, "t\"q");
}

} // namespace
