// The evaluator on small policies: the numbers and reasons a member would see.
#include "eval/Evaluate.h"
#include "ledger/Ledger.h"
#include "report/Report.h"
#include "support/CompileText.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

using namespace certc;

namespace {
const char *Base = "policy \"T\" for CMC source guidelines.\ncategory Education.\n"
                   "requirement education: Education at least 10 points cite guidelines, \"s\", \"q\".\n";

std::string member(const std::string &Activities) {
  return R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-01",
             "position": "clerk"}, "activities": [)" + Activities + "]}";
}

struct AuditRun {
  ir::Policy Policy;
  eval::Audit Audit;
};

AuditRun audit(const std::string &PolicyText, const std::string &Ledger, const char *AsOf = "2026-11-23") {
  // A broken fixture is a broken test binary: stop before using what is missing.
  auto C = testsupport::compileText(std::string(Base) + PolicyText);
  if (!C.Policy) {
    ADD_FAILURE() << "policy does not compile: " << (C.Messages.empty() ? "" : C.Messages[0]);
    std::exit(1);
  }
  AuditRun R{std::move(*C.Policy), {}};
  eval::PolicyIndex Index(R.Policy);
  ledger::ReadResult Read = ledger::readJsonLedger(R.Policy, "t.json", Ledger);
  if (!Read.Errors.empty() || Read.Members.size() != 1) {
    ADD_FAILURE() << "ledger does not read: " << (Read.Errors.empty() ? "" : Read.Errors[0].str());
    std::exit(1);
  }
  auto A = eval::evaluate(Index, Read.Members[0], *Date::parse(AsOf));
  if (!A) {
    ADD_FAILURE() << llvm::toString(A.takeError());
    std::exit(1);
  }
  R.Audit = std::move(*A);
  return R;
}

const eval::ItemResult &item(const AuditRun &R, const std::string &Id) {
  return *std::find_if(R.Audit.Items.begin(), R.Audit.Items.end(),
                       [&](const eval::ItemResult &I) { return I.Id == Id; });
}
} // namespace

TEST(Evaluate, RatesRoundDownToTheDeclaredStep) {
  AuditRun R = audit("rule r: each institute_course earns 1 point per 2 contact_hours rounded down to 1/2 point "
                "into Education cite guidelines, \"s\", \"q\".\n",
                member(R"({"id": "a", "kind": "institute_course", "date": "2020-01-01", "hours": 7.5,
                           "assessed": true, "level": "cmc"})"));
  EXPECT_EQ(item(R, "a").Points, *Rational::make(7, 2)); // 3.75 rounded down to 3.5
  std::string Derivation = eval::derivationText(R.Policy, item(R, "a"));
  EXPECT_NE(Derivation.find("7.5 contact hours at 1 point per 2 contact hours = 3.75, rounded down to 0.5 points = "
                            "3.5 points"),
            std::string::npos)
      << Derivation;
}

TEST(Evaluate, DatedValuesSwitchOnTheBoundaryDay) {
  std::string Rule = "rule r: each athenian_dialogue earns 2 points before 2013-11-23, 3 points from 2013-11-23 "
                     "into Education cite guidelines, \"s\", \"q\".\n";
  AuditRun R = audit(Rule, member(R"({"id": "before", "kind": "athenian_dialogue", "date": "2013-11-22", "assessed": true},
                                {"id": "on", "kind": "athenian_dialogue", "date": "2013-11-23", "assessed": true})"));
  EXPECT_EQ(item(R, "before").Points, Rational(2));
  EXPECT_EQ(item(R, "on").Points, Rational(3));
}

TEST(Evaluate, RepeatedItemsCountOnceTheEarliest) {
  AuditRun R = audit("rule r: each ms_course requires no earlier ms_course with same title else \"repeated course\" "
                "earns 1 point per 2 contact_hours into Education cite guidelines, \"s\", \"q\".\n",
                member(R"({"id": "b", "kind": "ms_course", "title": "Law I", "date": "2021-03-01", "hours": 6,
                           "assessed": true, "phase": "I", "session": "spring"},
                          {"id": "a", "kind": "ms_course", "title": "Law I", "date": "2018-03-01", "hours": 6,
                           "assessed": true, "phase": "I", "session": "spring"})"));
  EXPECT_TRUE(item(R, "a").Credited);
  EXPECT_FALSE(item(R, "b").Credited);
  EXPECT_EQ(eval::reasonText(R.Policy, R.Audit, item(R, "b")), "repeated course");
}

TEST(Evaluate, OpenPeriodsRunToTheAuditDateInWholeYears) {
  std::string Rule = "rule r: each employment earns 4 points per year into Education at most 40 points "
                     "cite guidelines, \"s\", \"q\".\n";
  std::string Ledger = member(R"({"id": "job", "kind": "employment", "start": "2020-06-01", "schedule": "full_time",
                                  "role": "clerk", "administrative": true})");
  EXPECT_EQ(item(audit(Rule, Ledger, "2023-05-31"), "job").Points, Rational(8));
  EXPECT_EQ(item(audit(Rule, Ledger, "2023-06-01"), "job").Points, Rational(12));
}

TEST(Evaluate, EitherOrItemsGoWhereTheyCompleteARequirement) {
  std::string Policy = "category Experience.\n"
                       "requirement experience: Experience at least 8 points cite guidelines, \"s\", \"q\".\n"
                       "rule edu: each study_abroad earns points as awarded into Education or Experience "
                       "cite guidelines, \"s\", \"q\".\n";
  AuditRun R = audit(Policy, member(R"({"id": "x", "kind": "study_abroad", "date": "2020-01-01", "points": 10},
                                  {"id": "y", "kind": "study_abroad", "date": "2020-01-02", "points": 8})"));
  EXPECT_TRUE(R.Audit.Eligible);
  EXPECT_NE(item(R, "x").Category, item(R, "y").Category);
}

TEST(Evaluate, ActivityOrderDoesNotChangeTheReport) {
  std::string Policy = "rule r: each study_abroad earns points as awarded into Education at most 12 points "
                       "cite guidelines, \"s\", \"q\".\n";
  std::string A = R"({"id": "p", "kind": "study_abroad", "date": "2020-01-01", "points": 7})";
  std::string B = R"({"id": "q", "kind": "study_abroad", "date": "2020-01-01", "points": 7})";
  AuditRun R1 = audit(Policy, member(A + "," + B)), R2 = audit(Policy, member(B + "," + A));
  std::string J1, J2;
  {
    llvm::raw_string_ostream OS1(J1), OS2(J2);
    report::printJsonReport(OS1, R1.Policy, R1.Audit);
    report::printJsonReport(OS2, R2.Policy, R2.Audit);
  }
  EXPECT_EQ(J1, J2);
  EXPECT_EQ(R1.Audit.Categories[0].Points, Rational(12));
}

TEST(Evaluate, UnmetPrerequisitesExplainThemselves) {
  AuditRun R = audit("prerequisite two_years: years since member_since at least 2 years else \"two years of membership\" "
                "cite guidelines, \"s\", \"q\".\n"
                "rule r: each cd_rom_course earns 1 point into Education cite guidelines, \"s\", \"q\".\n",
                member(""), "2016-12-31");
  EXPECT_FALSE(R.Audit.Eligible);
  ASSERT_FALSE(R.Audit.Missing.empty());
  EXPECT_EQ(R.Audit.Missing[0], "two years of membership");
}
