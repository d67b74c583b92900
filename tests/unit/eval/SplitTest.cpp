// Credit in parts: one activity credited to several categories by its fields,
// each part an item of its own, explained part by part.
#include "eval/Evaluate.h"
#include "support/AuditText.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace certc;

namespace {
const char *Policy = R"(policy "T" for CMC source guidelines.
category Ethics.
category Law.
category General.
category Other.
activity course {
  date: date required
  hours: contact_hours required
  ethics_hours: contact_hours default 0
  law_hours: contact_hours default 0
}
)";

const char *Requirements = R"(requirement ethics: Ethics at least 2 points cite guidelines, "s", "q".
requirement law: Law at least 1 point cite guidelines, "s", "q".
requirement general: General at least 3 points cite guidelines, "s", "q".
)";

const char *Parts = R"(rule parts: each course
  earns ethics_hours into Ethics, law_hours into Law or General, the rest of hours into General
  cite guidelines, "s", "q".
)";

std::string member(const std::string &Activities) {
  return R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-01",
             "position": "clerk"}, "activities": [)" + Activities + "]}";
}

std::string course(const char *Id, int Hours, int Ethics, int Law) {
  return std::string(R"({"id": ")") + Id + R"(", "kind": "course", "date": "2025-01-01", "hours": )" +
         std::to_string(Hours) + R"(, "ethics_hours": )" + std::to_string(Ethics) + R"(, "law_hours": )" +
         std::to_string(Law) + "}";
}

testsupport::AuditRun audit(const std::string &Rules, const std::string &Activities) {
  return testsupport::auditText(std::string(Policy) + Rules, member(Activities), "2026-11-23");
}

/// The item of activity Id that is part Part ("" for a whole activity).
const eval::ItemResult *find(const testsupport::AuditRun &R, const std::string &Id, const std::string &Part) {
  auto It = std::find_if(R.Audit.Items.begin(), R.Audit.Items.end(), [&](const eval::ItemResult &I) {
    return I.Id == Id && eval::partLabel(I) == Part;
  });
  return It == R.Audit.Items.end() ? nullptr : &*It;
}

Rational pointsIn(const testsupport::AuditRun &R, llvm::StringRef Category) {
  for (const eval::CategoryResult &C : R.Audit.Categories)
    if (C.Name == Category)
      return C.Points;
  return Rational(-1);
}
} // namespace

TEST(Split, EachPartCountsInItsCategoryAndTheRestIsWhatTheOthersLeave) {
  testsupport::AuditRun R = audit(std::string(Requirements) + Parts, course("c", 8, 2, 1));
  ASSERT_EQ(R.Audit.Items.size(), 3u);
  const eval::ItemResult *Ethics = find(R, "c", "ethics_hours"), *Law = find(R, "c", "law_hours"),
                         *Rest = find(R, "c", "the rest of hours");
  ASSERT_TRUE(Ethics && Law && Rest);
  EXPECT_EQ(Ethics->Category, "Ethics");
  EXPECT_EQ(Ethics->Points, Rational(2));
  EXPECT_EQ(Law->Category, "Law");
  EXPECT_EQ(Rest->Category, "General");
  EXPECT_EQ(Rest->Points, Rational(5));
  EXPECT_EQ(eval::derivationText(R.Policy, *Ethics), "2 contact hours of ethics_hours = 2 points");
  EXPECT_EQ(eval::derivationText(R.Policy, *Rest),
            "8 contact hours of hours, less 3 contact hours in its other parts = 5 contact hours = 5 points");
  EXPECT_TRUE(R.Audit.Eligible);
}

TEST(Split, APartOfZeroIsNoItem) {
  testsupport::AuditRun R = audit(Parts, course("c", 8, 0, 0));
  ASSERT_EQ(R.Audit.Items.size(), 1u);
  EXPECT_EQ(eval::partLabel(R.Audit.Items[0]), "the rest of hours");
  EXPECT_EQ(R.Audit.Items[0].Points, Rational(8));
}

TEST(Split, PartsAddingUpToMoreThanTheItemHasTurnItDownNamingTheFields) {
  testsupport::AuditRun R = audit(Parts, course("c", 4, 3, 2));
  ASSERT_EQ(R.Audit.Items.size(), 1u);
  const eval::ItemResult &I = R.Audit.Items[0];
  EXPECT_FALSE(I.Credited);
  EXPECT_EQ(eval::partLabel(I), "");
  EXPECT_EQ(eval::reasonText(R.Policy, R.Audit, I),
            "its parts ethics_hours and law_hours add up to 5 contact hours, more than its hours (4 contact hours)");
  EXPECT_EQ(pointsIn(R, "Ethics"), Rational(0));
}

TEST(Split, APartWithAChoiceGoesWhereItCompletesARequirement) {
  // Law is met by the first course's law part; the second's goes to General.
  testsupport::AuditRun R = audit(std::string(Requirements) + Parts, course("a", 3, 2, 1) + "," + course("b", 3, 0, 3));
  EXPECT_EQ(find(R, "a", "law_hours")->Category, "Law");
  EXPECT_EQ(find(R, "b", "law_hours")->Category, "General");
  EXPECT_EQ(pointsIn(R, "General"), Rational(3));
  EXPECT_TRUE(R.Audit.Eligible);
}

TEST(Split, TheMaximumPerItemLimitsEachPart) {
  testsupport::AuditRun R = audit(R"(rule parts: each course
  earns ethics_hours into Ethics, the rest of hours into General
  at most 3 points each
  cite guidelines, "s", "q".
)",
                                  course("c", 10, 4, 0));
  EXPECT_EQ(find(R, "c", "ethics_hours")->Points, Rational(3));
  EXPECT_EQ(find(R, "c", "the rest of hours")->Points, Rational(3));
  EXPECT_EQ(eval::reasonText(R.Policy, R.Audit, *find(R, "c", "the rest of hours")),
            "reduced from 6 to the maximum of 3 points per item");
}

TEST(Split, ASplitRuleTakesTheActivityUnlessAWholeRuleHasAHigherPriority) {
  std::string Whole = "rule whole: each course earns 1 point into Other cite guidelines, \"s\", \"q\"";
  testsupport::AuditRun Equal = audit(std::string(Parts) + Whole + ".\n", course("c", 8, 2, 1));
  EXPECT_EQ(Equal.Audit.Items.size(), 3u);
  testsupport::AuditRun Higher = audit(std::string(Parts) + Whole + " priority 1.\n", course("c", 8, 2, 1));
  ASSERT_EQ(Higher.Audit.Items.size(), 1u);
  EXPECT_EQ(Higher.Audit.Items[0].Rule, "whole");
}

TEST(Split, ARuleCapLimitsTheParts) {
  testsupport::AuditRun R = audit(R"(rule parts: each course
  earns ethics_hours into General, the rest of hours into General
  at most 5 points
  cite guidelines, "s", "q".
)",
                                  course("c", 8, 2, 0));
  EXPECT_EQ(pointsIn(R, "General"), Rational(5));
  EXPECT_EQ(find(R, "c", "the rest of hours")->Points, Rational(3));
}
