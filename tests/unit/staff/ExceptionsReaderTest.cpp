// The exceptions readers: what a record means, and every error with its place.
#include "StaffPolicy.h"
#include "exceptions/Exceptions.h"

#include <gtest/gtest.h>

using namespace certc;
using namespace certc::stafftest;
using Action = eval::StaffException::Action;

namespace {
std::vector<std::string> errorsOf(const exceptions::ExceptionsFile &F) {
  std::vector<std::string> Out;
  for (const ledger::LedgerError &E : F.Errors)
    Out.push_back(E.str());
  return Out;
}
} // namespace

TEST(ExceptionsReader, JsonRecordsBecomeExceptionsGroupedByMember) {
  auto F = makeFixture("");
  exceptions::ExceptionsFile X = exceptions::readExceptionsJson(F->Policy, "x.json", R"([
    {"member": "b", "action": "grant", "category": "Experience", "points": "2.5", "by": "S", "date": "2026-01-02", "reason": "r"},
    {"id": "W", "member": "a", "action": "waive", "prerequisite": "two_years", "by": "S", "date": "2026-01-01", "reason": "why"},
    {"member": "a", "action": "credit", "item": "c1", "category": "Experience", "by": "S", "date": "2026-01-03", "reason": "r"}
  ])");
  ASSERT_EQ(errorsOf(X), std::vector<std::string>{});
  ASSERT_EQ(X.of("a").size(), 2u);
  EXPECT_EQ(X.of("a")[0].A, Action::Waive);
  EXPECT_EQ(X.of("a")[0].Id, "W");
  EXPECT_EQ(X.of("a")[0].Prerequisite, 1u);
  EXPECT_EQ(X.of("a")[0].Reason, "why");
  EXPECT_EQ(X.of("a")[1].A, Action::Credit);
  EXPECT_EQ(X.of("a")[1].Category, 1u);
  EXPECT_FALSE(X.of("a")[1].Points.has_value()) << "a credit without points takes the rule's";
  EXPECT_EQ(X.of("a")[1].Id, "exception 3") << "the default id is the record's place in the file";
  EXPECT_EQ(X.of("a")[1].ItemLine, 4u);
  ASSERT_EQ(X.of("b").size(), 1u);
  EXPECT_EQ(*X.of("b")[0].Points, *Rational::make(5, 2));
  EXPECT_EQ(X.of("b")[0].On, *Date::parse("2026-01-02"));
  EXPECT_TRUE(X.of("nobody").empty());
}

TEST(ExceptionsReader, CsvMeansWhatJsonMeans) {
  auto F = makeFixture("");
  exceptions::ExceptionsFile X = exceptions::readExceptionsCsv(
      F->Policy, "x.csv",
      "reason,by,date,member,action,item,category,points\n"
      "\"accepted, with thanks\",S,2026-01-01,a,credit,c1,Education,3\n"
      "r,S,2026-01-01,a,exclude,c2,,\n");
  ASSERT_EQ(errorsOf(X), std::vector<std::string>{});
  ASSERT_EQ(X.of("a").size(), 2u);
  EXPECT_EQ(X.of("a")[0].Reason, "accepted, with thanks");
  EXPECT_EQ(*X.of("a")[0].Points, Rational(3));
  EXPECT_EQ(X.of("a")[1].A, Action::Exclude);
  EXPECT_EQ(X.of("a")[1].ItemLine, 3u);
  EXPECT_EQ(X.of("a")[1].ItemCol, 6u) << "CSV columns count cells";
}

TEST(ExceptionsReader, ErrorsNameTheirPlaceAndBlockOnlyTheirMember) {
  auto F = makeFixture("");
  exceptions::ExceptionsFile X = exceptions::readExceptionsJson(F->Policy, "x.json", R"([
{"member": "a", "action": "waive", "prerequisite": "ethics", "by": "S", "date": "2026-01-01", "reason": "r"},
{"member": "b", "action": "grant", "category": "Experience", "points": -1, "by": "S", "date": "2026-01-01", "reason": "r"},
{"member": "c", "action": "exclude", "item": "i", "category": "Education", "by": "S", "date": "2026-01-01", "reason": "r"},
{"member": "d", "action": "exclude", "item": "i", "by": "S", "date": "2026-01-01", "reason": "r"}
])");
  EXPECT_EQ(errorsOf(X),
            (std::vector<std::string>{
                "x.json:2:52: error: member a, field prerequisite: the policy declares prerequisite `ethics` not waivable",
                "x.json:3:72: error: member b, field points: points must be more than 0",
                "x.json:4:63: error: member c, activity i, field category: does not apply to `exclude`"}));
  EXPECT_TRUE(X.MembersWithErrors.count("a") && X.MembersWithErrors.count("b") && X.MembersWithErrors.count("c"));
  EXPECT_FALSE(X.MembersWithErrors.count("d"));
  EXPECT_FALSE(X.Unreadable);
  ASSERT_EQ(X.Exceptions.size(), 1u);
  EXPECT_EQ(X.Exceptions[0].Member, "d");
}

TEST(ExceptionsReader, SyntaxMakesTheFileUnreadable) {
  auto F = makeFixture("");
  for (const char *Text : {"", "{}", "[{\"member\": \"a\"", "[1]", "[{\"member\": \"a\"}] x"}) {
    exceptions::ExceptionsFile X = exceptions::readExceptionsJson(F->Policy, "x.json", Text);
    EXPECT_TRUE(X.Unreadable) << Text;
    EXPECT_FALSE(X.Errors.empty()) << Text;
  }
  exceptions::ExceptionsFile Empty = exceptions::readExceptionsJson(F->Policy, "x.json", " [ ] ");
  EXPECT_FALSE(Empty.Unreadable);
  EXPECT_TRUE(Empty.Exceptions.empty());
}

TEST(ExceptionsReader, NestedValuesAreSkippedAndReported) {
  auto F = makeFixture("");
  exceptions::ExceptionsFile X = exceptions::readExceptionsJson(
      F->Policy, "x.json",
      R"([{"member": "a", "action": "exclude", "item": {"x": [1, {"y": 2}]}, "by": "S", "date": "2026-01-01", "reason": "r"},
          {"member": "b", "action": "exclude", "item": "i", "by": "S", "date": "2026-01-01", "reason": "r"}])");
  EXPECT_FALSE(X.Unreadable);
  EXPECT_EQ(errorsOf(X), std::vector<std::string>{"x.json:1:47: error: member a, field item: expected a string, found an object"});
  ASSERT_EQ(X.Exceptions.size(), 1u);
  EXPECT_EQ(X.Exceptions[0].Member, "b");
}
