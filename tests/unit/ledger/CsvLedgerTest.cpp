// CSV ledgers: a members file and an activities file, read and validated like JSON.
#include "LedgerTestSupport.h"

#include <random>

using namespace certc;
using namespace certc::ledger;
using namespace certc::ledger::test;

namespace {

using CsvLedger = LedgerTest;

const std::string Members =
    "id,name,region,membership,member_since,core_duties,ethics_affirmed,designations\n"
    "m1,\"Smith, Jane\",3,full,2010-05-01,elections;financial_management,TRUE,"
    "CMC:2018-03-15;MMC:2021-01-01\n"
    "m2,,11,associate,2015-01-01,,,\n";

const std::string ActivitiesHeader =
    "member_id,id,kind,date,hours,level,title,start,end,schedule,used_for\n";
const std::string Activities = ActivitiesHeader +
                               "m1,a1,institute_course,2019-04-02,7.5,mmc,\"Budget \"\"basics\"\",\n"
                               "part 2\",,,,\n"
                               "m1,a2,employment,,,,,2012-01-01,,full_time,MMC\n"
                               "m2,b1,institute_course,2020-01-01,3,,,,,,\n";

TEST_F(CsvLedger, ReadsAValidPairWithDefaultsFilled) {
  ReadResult R = readCsv(Members, Activities);
  ASSERT_TRUE(R.Errors.empty()) << allErrors(R);
  ASSERT_EQ(R.Members.size(), 2u);
  const Member &M1 = R.Members[0];
  EXPECT_EQ(M1.Id, "m1");
  EXPECT_EQ(M1.File, "members.csv");
  EXPECT_EQ(M1.Line, 2u);
  EXPECT_EQ(memberField(M1, "name").Text, "Smith, Jane");
  EXPECT_EQ(memberField(M1, "core_duties").Set, 0b101u);
  EXPECT_TRUE(memberField(M1, "ethics_affirmed").Bool);
  ASSERT_EQ(memberField(M1, "designations").Awards.size(), 2u);
  EXPECT_EQ(memberField(M1, "designations").Awards[1].Designation, symbol("MMC"));
  EXPECT_EQ(memberField(M1, "designations").Awards[1].Awarded, *Date::fromCivil(2021, 1, 1));

  ASSERT_EQ(M1.Activities.size(), 2u);
  const Activity &A1 = M1.Activities[0];
  EXPECT_EQ(A1.Id, "a1");
  EXPECT_EQ(A1.Line, 2u);
  EXPECT_EQ(activityField(A1, "title").Text, "Budget \"basics\",\npart 2");
  EXPECT_EQ(activityField(A1, "hours").Number, *Rational::make(15, 2));
  EXPECT_TRUE(activityField(A1, "documented").Bool);
  const Activity &A2 = M1.Activities[1];
  EXPECT_EQ(A2.Line, 4u) << "lines count the line break inside the quoted title";
  EXPECT_EQ(A2.Kind, 1u);
  EXPECT_EQ(activityField(A2, "end").K, ir::Value::Kind::Absent);
  EXPECT_EQ(activityField(A2, "used_for").Set, 0b10u);

  const Member &M2 = R.Members[1];
  EXPECT_FALSE(memberField(M2, "ethics_affirmed").Bool);
  EXPECT_EQ(memberField(M2, "core_duties").K, ir::Value::Kind::Set);
  EXPECT_EQ(memberField(M2, "name").K, ir::Value::Kind::Absent);
  EXPECT_EQ(M2.Activities.size(), 1u);
}

TEST_F(CsvLedger, AcceptsCrlfAByteOrderMarkAndBlankLines) {
  std::string M = "\xEF\xBB\xBFid,region,membership,member_since\r\nm1,3,full,2010-05-01\r\n\r\n";
  std::string A = "member_id,id,kind,date,hours\r\nm1,a1,institute_course,2019-04-02,2\r\n";
  ReadResult R = readCsv(M, A);
  ASSERT_EQ(R.Members.size(), 1u) << allErrors(R);
  EXPECT_EQ(R.Members[0].Activities.size(), 1u);
}

TEST_F(CsvLedger, ABadCellNamesLineColumnMemberAndActivity) {
  std::string A = Activities + "m1,a3,institute_course,2019-04-02,x,,,,,,\n";
  ReadResult R = readCsv(Members, A);
  EXPECT_ONE_ERROR(R, (Place{6, 5}), "m1", "a3", "hours", "`x` is not a number");
  EXPECT_EQ(R.Errors[0].File, "activities.csv");
  EXPECT_EQ(R.Errors[0].str(),
            "activities.csv:6:5: error: member m1, activity a3, field hours: `x` is not a "
            "number (write digits with an optional `-` and decimal point, such as 7.5)");
  ASSERT_EQ(R.Members.size(), 1u) << "m1 is not audited, m2 still is";
  EXPECT_EQ(R.Members[0].Id, "m2");
}

TEST_F(CsvLedger, ABadMemberDoesNotStopTheNext) {
  std::string M = replaced(Members, "m1,\"Smith, Jane\",3,", "m1,\"Smith, Jane\",12,");
  ReadResult R = readCsv(M, Activities);
  EXPECT_ONE_ERROR(R, (Place{2, 3}), "m1", "", "region", "`12` is out of range");
  EXPECT_EQ(R.Errors[0].File, "members.csv");
  ASSERT_EQ(R.Members.size(), 1u);
  EXPECT_EQ(R.Members[0].Id, "m2");
}

TEST_F(CsvLedger, ACellInAColumnTheKindLacksIsAnError) {
  std::string A = Activities + "m2,b2,institute_course,2019-04-02,1,,,2012-01-01,,,\n";
  EXPECT_ONE_ERROR(readCsv(Members, A), (Place{6, 8}), "m2", "b2", "start",
                   "kind `institute_course` has no such field; leave the cell empty");
}

TEST_F(CsvLedger, AnActivityWithoutAMemberRowIsAnError) {
  std::string A = Activities + "m9,z1,institute_course,2019-04-02,1,,,,,,\n";
  ReadResult R = readCsv(Members, A);
  EXPECT_ONE_ERROR(R, (Place{6, 1}), "m9", "z1", "member_id",
                   "no row of the members file has this member id");
  EXPECT_EQ(R.Members.size(), 2u);
}

// The count of errors past the limit names the file they are in (it used to
// name the last file read for all of them).
TEST_F(CsvLedger, ErrorsPastTheLimitAreCountedPerFile) {
  std::string M = Members + "m3,,99,full,2015-01-01,,,\nm4,,98,full,2015-01-01,,,\n";
  std::string A = Activities + "m9,z1,institute_course,2019-04-02,1,,,,,,\n";
  LedgerLimits OneError;
  OneError.MaxErrors = 1;
  ReadResult R = readCsv(M, A, OneError);
  ASSERT_EQ(R.Errors.size(), 3u) << allErrors(R);
  EXPECT_EQ(R.Errors[0].File, "members.csv");
  EXPECT_EQ(R.Errors[1].File, "members.csv");
  EXPECT_EQ(R.Errors[1].Message, "1 more errors were found but not listed (the limit is 1)");
  EXPECT_EQ(R.Errors[2].File, "activities.csv");
  EXPECT_EQ(R.Errors[2].Message, "1 more errors were found but not listed (the limit is 1)");
}

TEST_F(CsvLedger, UnknownColumnsAreErrors) {
  std::string M = replaced(Members, "designations\n", "designations,regoin\n");
  M = replaced(M, "m2,,11,associate,2015-01-01,,,\n", "m2,,11,associate,2015-01-01,,,,\n");
  M = replaced(M, "MMC:2021-01-01\n", "MMC:2021-01-01,4\n");
  ReadResult R = readCsv(M, Activities);
  ASSERT_EQ(R.Errors.size(), 2u) << allErrors(R);
  EXPECT_EQ(R.Errors[0].str(),
            "members.csv:1:9: error: field regoin: unknown column: not a member field (did "
            "you mean `region`?)");
  // The value in that column would be lost, so its member is not read.
  EXPECT_EQ(R.Errors[1].str(),
            "members.csv:2:9: error: member m1, field regoin: a value in a column that is "
            "not read (see the header)");
  ASSERT_EQ(R.Members.size(), 1u);
  EXPECT_EQ(R.Members[0].Id, "m2");

  std::string A = replaced(Activities, "used_for\n", "used_for,colour\n");
  R = readCsv(Members, A);
  ASSERT_FALSE(R.Errors.empty());
  EXPECT_EQ(R.Errors[0].str(), "activities.csv:1:12: error: field colour: unknown column: no "
                               "activity kind has this field");

  // A quoted header name with an escaped quote is reported as written.
  A = replaced(Activities, "used_for\n", "used_for,\"col\"\"x\"\n") +
      "m2,b2,institute_course,2019-04-02,1,,,,,,,5\n";
  R = readCsv(Members, A);
  ASSERT_EQ(R.Errors.size(), 5u) << allErrors(R); // the header, three short rows, the value
  EXPECT_EQ(R.Errors[0].Field, "col\"x");
  EXPECT_EQ(R.Errors.back().str(), "activities.csv:6:12: error: member m2, activity b2, field "
                                   "col\"x: a value in a column that is not read (see the "
                                   "header)");
}

TEST_F(CsvLedger, RowsMustMatchTheHeader) {
  std::string A = Activities + "m2,b2,institute_course,2019-04-02,1\n";
  ReadResult R = readCsv(Members, A);
  EXPECT_ONE_ERROR(R, (Place{6, 0}), "m2", "b2", "", "the row has 5 cells but the header has 11");
  ASSERT_EQ(R.Members.size(), 1u);
  EXPECT_EQ(R.Members[0].Id, "m1");
}

TEST_F(CsvLedger, DuplicateActivityIdsAreErrors) {
  std::string A = Activities + "m1,a1,institute_course,2019-04-02,1,,,,,,\n";
  EXPECT_ONE_ERROR(readCsv(Members, A), (Place{6, 2}), "m1", "a1", "id",
                   "duplicate activity id; it is also used at line 2");
}

TEST_F(CsvLedger, MissingAndMalformedValuesAreErrors) {
  std::string A = Activities + "m2,b2,employment,,,,,2012-01-01,2011-01-01,,\n";
  ReadResult R = readCsv(Members, A);
  ASSERT_EQ(R.Errors.size(), 2u) << allErrors(R);
  EXPECT_EQ(R.Errors[0].str(),
            "activities.csv:6:9: error: member m2, activity b2, field end: the period ends "
            "(2011-01-01) before it starts (2012-01-01)");
  EXPECT_EQ(R.Errors[1].str(),
            "activities.csv:6:10: error: member m2, activity b2, field schedule: missing "
            "required field");

  std::string M = replaced(Members, "CMC:2018-03-15;", "CMC 2018-03-15;");
  EXPECT_ONE_ERROR(readCsv(M, Activities), (Place{2, 8}), "m1", "", "designations",
                   "award `CMC 2018-03-15` must be written NAME:YYYY-MM-DD");
  M = replaced(Members, "elections;financial_management", "elections;;elections");
  EXPECT_ONE_ERROR(readCsv(M, Activities), (Place{2, 6}), "m1", "", "core_duties",
                   "empty element in the set");
  A = replaced(Activities, "m2,b1,institute_course", "m2,b1,institute");
  EXPECT_ONE_ERROR(readCsv(Members, A), (Place{5, 3}), "m2", "b1", "kind",
                   "unknown activity kind `institute`");
}

TEST_F(CsvLedger, BrokenFilesReadNoMember) {
  // An unterminated quote swallows the rest of the file, so any member may
  // be missing activities: none is audited.
  std::string A = Activities + "m2,b2,institute_course,2019-04-02,1,,\"oops,,,,\n";
  ReadResult R = readCsv(Members, A);
  EXPECT_TRUE(R.Members.empty());
  EXPECT_ONE_ERROR(R, (Place{6, 7}), "", "", "",
                   "the quoted cell starting here is never closed");

  A = replaced(Activities, "member_id,id,kind,", "member_id,id,");
  R = readCsv(Members, A);
  EXPECT_TRUE(R.Members.empty());
  ASSERT_FALSE(R.Errors.empty());
  EXPECT_EQ(R.Errors[0].str(), "activities.csv:1: error: field kind: the activities file has "
                               "no `kind` column; no member was read");

  std::string M = replaced(Members, "id,name,region,", "id,name,");
  R = readCsv(M, Activities);
  EXPECT_TRUE(R.Members.empty());
  EXPECT_NE(allErrors(R).find("members.csv:1: error: field region: the members file has no "
                              "column for this required field"),
            std::string::npos)
      << allErrors(R);

  R = readCsv("", Activities);
  EXPECT_ONE_ERROR(R, Place{}, "", "", "", "the file is empty");

  LedgerLimits Small;
  Small.MaxFileBytes = 20;
  R = readCsv(Members, Activities, Small);
  EXPECT_TRUE(R.Members.empty());
  EXPECT_NE(allErrors(R).find("the limit is 20"), std::string::npos);
}

TEST_F(CsvLedger, QuotesMustBeWellFormed) {
  std::string A = Activities + "m2,b2,institute_course,2019-04-02,1,,\"a\"b,,,,\n";
  EXPECT_ONE_ERROR(readCsv(Members, A), (Place{6, 7}), "m2", "b2", "title",
                   "unexpected text after the closing quote");
  A = Activities + "m2,b2,institute_course,2019-04-02,1,,a\"b,,,,\n";
  EXPECT_ONE_ERROR(readCsv(Members, A), (Place{6, 7}), "m2", "b2", "title",
                   "a quote inside an unquoted cell");
  A = Activities + "m2,b2,institute_course,2019-04-02,1,,\xC3(,,,,\n";
  EXPECT_ONE_ERROR(readCsv(Members, A), (Place{6, 7}), "m2", "b2", "title", "not valid UTF-8");
}

TEST_F(CsvLedger, TooManyActivitiesIsAnError) {
  LedgerLimits One;
  One.MaxActivitiesPerMember = 1;
  ReadResult R = readCsv(Members, Activities, One);
  EXPECT_ONE_ERROR(R, (Place{4, 0}), "m1", "a2", "", "more than 1 activities");
  ASSERT_EQ(R.Members.size(), 1u);
  EXPECT_EQ(R.Members[0].Id, "m2");
}

TEST_F(CsvLedger, GarbageAndTruncationNeverCrash) {
  std::mt19937 Rng(7);
  for (int I = 0; I < 2000; ++I) {
    std::string G1(Rng() % 120, '\0'), G2(Rng() % 120, '\0');
    for (char &C : G1)
      C = static_cast<char>(Rng() % 256);
    for (char &C : G2)
      C = static_cast<char>(Rng() % 256);
    ReadResult R = readCsv(G1, G2);
    EXPECT_FALSE(R.Errors.empty());
    R = readCsv(Members, G2);
    EXPECT_FALSE(R.Errors.empty());
  }
  for (size_t N = 0; N < Activities.size(); ++N) {
    ReadResult R = readCsv(Members, Activities.substr(0, N));
    for (const Member &M : R.Members)
      for (const Activity &A : M.Activities)
        EXPECT_EQ(A.Fields.size(), P.Kinds[A.Kind].Fields.size());
  }
}

} // namespace
