// The evaluator on small policies: the numbers and reasons a member would see.
#include "eval/Evaluate.h"
#include "ledger/Ledger.h"
#include "report/Report.h"
#include "support/AuditText.h"
#include "support/CompileText.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace certc;

namespace {
const char *Base = "policy \"T\" for CMC source guidelines.\ncategory Education.\n"
                   "requirement education: Education at least 10 points cite guidelines, \"s\", \"q\".\n";

std::string member(const std::string &Activities) {
  return R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-01",
             "position": "clerk"}, "activities": [)" + Activities + "]}";
}

using testsupport::AuditRun;

AuditRun audit(const std::string &PolicyText, const std::string &Ledger, const char *AsOf = "2026-11-23") {
  return testsupport::auditText(std::string(Base) + PolicyText, Ledger, AsOf);
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

// The evaluator tests the conditions all rules of a kind begin with once per
// item; the rule that turns the item down must still be the first that admits it.
TEST(Evaluate, ConditionsSharedByRulesRejectThroughTheFirstRuleThatAdmitsTheItem) {
  std::string Cite = " cite guidelines, \"s\", \"q\".\n";
  AuditRun R = audit("every item requires documented else \"undocumented\"" + Cite +
                         "rule reviewed: each state_course where course_review requires assessed else \"not assessed\" "
                         "earns 1 point per 4 contact_hours into Education" + Cite +
                         "rule unreviewed: each state_course where not course_review "
                         "earns 1 point per 8 contact_hours into Education" + Cite,
                     member(R"({"id": "r-undoc", "kind": "state_course", "date": "2020-01-01", "hours": 8,
                                "assessed": true, "course_review": true, "documented": false},
                               {"id": "u-undoc", "kind": "state_course", "date": "2020-01-01", "hours": 8,
                                "assessed": true, "course_review": false, "documented": false},
                               {"id": "r-unassessed", "kind": "state_course", "date": "2020-01-01", "hours": 8,
                                "assessed": false, "course_review": true},
                               {"id": "u-ok", "kind": "state_course", "date": "2020-01-01", "hours": 8,
                                "assessed": false, "course_review": false})"));
  EXPECT_EQ(item(R, "r-undoc").Rule, "reviewed");
  EXPECT_EQ(eval::reasonText(R.Policy, R.Audit, item(R, "r-undoc")), "undocumented");
  EXPECT_EQ(item(R, "u-undoc").Rule, "unreviewed");
  EXPECT_EQ(eval::reasonText(R.Policy, R.Audit, item(R, "u-undoc")), "undocumented");
  EXPECT_EQ(item(R, "r-unassessed").Rule, "reviewed");
  EXPECT_EQ(eval::reasonText(R.Policy, R.Audit, item(R, "r-unassessed")), "not assessed");
  EXPECT_TRUE(item(R, "u-ok").Credited);
  EXPECT_EQ(item(R, "u-ok").Points, Rational(1));
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

TEST(Evaluate, CategoriesFollowTheRequirementsThenTheDeclarations) {
  // Declared Education, Experience, Leadership; the requirements name
  // Education, then Leadership; Experience, named by none, comes last.
  AuditRun R = audit("category Experience.\ncategory Leadership.\n"
                     "requirement leadership: Leadership at least 1 point cite guidelines, \"s\", \"q\".\n"
                     "rule r: each study_abroad earns points as awarded into Education or Experience or Leadership "
                     "cite guidelines, \"s\", \"q\".\n",
                     member(""));
  ASSERT_EQ(R.Audit.Categories.size(), 3u);
  EXPECT_EQ(R.Audit.Categories[0].Name, "Education");
  EXPECT_EQ(R.Audit.Categories[1].Name, "Leadership");
  EXPECT_EQ(R.Audit.Categories[2].Name, "Experience");
}

TEST(Evaluate, RequirementsShowTheirTitlesOrElseTheirNames) {
  AuditRun R = audit("prerequisite ethics \"IIMC Code of Ethics\": ethics_affirmed else \"affirm the Code\" "
                     "cite guidelines, \"s\", \"q\".\n"
                     "requirement plenty \"Plenty of points\": Education at least 4 points cite guidelines, \"s\", \"q\".\n"
                     "rule r: each study_abroad earns points as awarded into Education cite guidelines, \"s\", \"q\".\n",
                     R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-01",
                        "position": "clerk", "ethics_affirmed": true}, "activities": [
                        {"id": "x", "kind": "study_abroad", "date": "2020-01-01", "points": 7}]})");
  ASSERT_EQ(R.Audit.Requirements.size(), 3u);
  const eval::RequirementResult &Ethics = R.Audit.Requirements[0];
  EXPECT_EQ(Ethics.Title, "IIMC Code of Ethics");
  EXPECT_TRUE(Ethics.Met);
  EXPECT_EQ(Ethics.Detail, ""); // met: nothing more to say
  const eval::RequirementResult &Education = R.Audit.Requirements[1];
  EXPECT_EQ(Education.Title, "education"); // no title: the name
  EXPECT_EQ(Education.Points, Rational(7));
  EXPECT_EQ(Education.Required, Rational(10));
  EXPECT_EQ(R.Audit.Requirements[2].Title, "Plenty of points");
  EXPECT_TRUE(R.Audit.Requirements[2].Met);
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

namespace {
/// Without it a capped rule could never meet the requirement, which the checker rejects.
const char *Uncapped = "rule dialogue: each athenian_dialogue earns 10 points into Education cite guidelines, \"s\", \"q\".\n";

/// The audit's met/unmet verdict for prerequisite Name.
bool prerequisiteMet(const AuditRun &R, llvm::StringRef Name) {
  for (const eval::RequirementResult &Q : R.Audit.Requirements)
    if (Q.IsPrerequisite && Q.Name == Name)
      return Q.Met;
  ADD_FAILURE() << "no prerequisite " << Name.str();
  return false;
}
std::string meeting(const char *Id, const char *Date, const char *Event, bool Documented = true) {
  return std::string(R"({"id": ")") + Id + R"(", "kind": "business_meeting", "date": ")" + Date +
         R"(", "event": ")" + Event + R"(", "documented": )" + (Documented ? "true" : "false") + "}";
}
} // namespace

TEST(Evaluate, NumberOfCountsNothingAfterTheAuditDate) {
  std::string Policy = std::string(Uncapped) +
                       "prerequisite two: number of business_meeting at least 2 else \"two meetings\" "
                       "cite guidelines, \"s\", \"q\".\n";
  std::string Ledger = member(meeting("a", "2020-03-10", "spring_conference") + "," +
                              meeting("b", "2020-12-07", "winter_workshop"));
  EXPECT_FALSE(prerequisiteMet(audit(Policy, Ledger, "2020-12-06"), "two"));
  EXPECT_TRUE(prerequisiteMet(audit(Policy, Ledger, "2020-12-07"), "two"));
}

TEST(Evaluate, DistinctCountsOneMeetingRecordedTwiceOnce) {
  std::string Policy = std::string(Uncapped) +
                       "prerequisite two: number of distinct (business_meeting where documented) by date, event "
                       "at least 2 else \"two meetings\" cite guidelines, \"s\", \"q\".\n";
  // The same event on the same day, three records (one undocumented): one meeting.
  std::string Same = meeting("a", "2020-03-10", "spring_conference", false) + "," +
                     meeting("b", "2020-03-10", "spring_conference") + "," +
                     meeting("c", "2020-03-10", "spring_conference");
  EXPECT_FALSE(prerequisiteMet(audit(Policy, member(Same)), "two"));
  // Another event on that day is another meeting.
  EXPECT_TRUE(prerequisiteMet(audit(Policy, member(Same + "," + meeting("d", "2020-03-10", "winter_workshop"))),
                              "two"));
}

TEST(Evaluate, CountedPartClipsAPeriodToWholeYearsFromTheDate) {
  std::string Policy = "rule board: each board_service counts only from awarded CMC earns 2 points per year "
                       "into Education cite guidelines, \"s\", \"q\".\n";
  auto Ledger = [](const std::string &Periods) {
    return R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-01",
               "position": "clerk", "designations": [{"name": "CMC", "awarded": "2018-03-15"}]},
               "activities": [)" + Periods + "]}";
  };
  // 2015-06-01 to 2021-06-01, of which 2018-03-15 to 2021-06-01 counts: 3 whole years.
  AuditRun Whole = audit(Policy, Ledger(R"({"id": "p", "kind": "board_service", "start": "2015-06-01",
                                            "end": "2021-06-01"})"));
  EXPECT_EQ(item(Whole, "p").Points, Rational(6));
  // Split at the award date, the part from the award day earns the same.
  AuditRun Split = audit(Policy, Ledger(R"({"id": "p1", "kind": "board_service", "start": "2015-06-01",
                                            "end": "2018-03-15"},
                                           {"id": "p2", "kind": "board_service", "start": "2018-03-15",
                                            "end": "2021-06-01"})"));
  EXPECT_FALSE(item(Split, "p1").Credited);
  EXPECT_EQ(item(Split, "p2").Points, Rational(6));
}

namespace {
const char *PeriodPolicy = "compliance period: 2 years from 2022-01-01, with 4 months of grace cite guidelines, "
                           "\"s\", \"q\".\n"
                           "rule c: each cd_rom_course earns 1 point into Education cite guidelines, \"s\", \"q\".\n";
std::string cdRoms(std::initializer_list<const char *> Dates) {
  std::string Out;
  for (const char *D : Dates)
    Out += std::string(Out.empty() ? "" : ",") + R"({"id": ")" + D + R"(", "kind": "cd_rom_course", "date": ")" + D + "\"}";
  return Out;
}
} // namespace

TEST(CompliancePeriod, ItemsCountInThePeriodAndItsGrace) {
  AuditRun R = audit(PeriodPolicy, member(cdRoms({"2021-12-31", "2022-01-01", "2024-04-30", "2024-05-01"})),
                     "2024-03-01");
  // 2024-03-01 lies in the period 2024-01-01 to 2025-12-31.
  ASSERT_TRUE(R.Audit.Period);
  EXPECT_EQ(R.Audit.Period->Start, *Date::parse("2024-01-01"));
  EXPECT_EQ(R.Audit.Period->End, *Date::parse("2026-01-01"));
  EXPECT_EQ(R.Audit.Period->GraceEnd, *Date::parse("2026-05-01"));
  EXPECT_FALSE(item(R, "2022-01-01").Credited);
  EXPECT_EQ(eval::reasonText(R.Policy, R.Audit, item(R, "2022-01-01")),
            "dated 2022-01-01, outside the compliance period 2024-01-01 to 2025-12-31 (grace to 2026-04-30)");
}

TEST(CompliancePeriod, AnEarlierPeriodCountsItsGraceMonths) {
  std::string Ledger = member(cdRoms({"2021-12-31", "2022-01-01", "2024-04-30", "2024-05-01"}));
  auto C = testsupport::compileText(std::string(Base) + PeriodPolicy);
  ASSERT_TRUE(C.Policy);
  eval::PolicyIndex Index(*C.Policy);
  ledger::ReadResult Read = ledger::readJsonLedger(*C.Policy, "t.json", Ledger);
  ASSERT_EQ(Read.Members.size(), 1u);
  eval::AuditOptions Earlier;
  Earlier.PeriodOf = *Date::parse("2023-06-30");
  auto A = eval::evaluate(Index, Read.Members[0], *Date::parse("2024-06-30"), Earlier);
  ASSERT_TRUE(bool(A)) << llvm::toString(A.takeError());
  EXPECT_EQ(A->Categories[0].Points, Rational(2)); // 2022-01-01 and, in the grace months, 2024-04-30
}

TEST(CompliancePeriod, PeriodsRepeatFromAMemberDateAndBeforeIt) {
  std::string Policy = "compliance period: 3 years from member.member_since cite guidelines, \"s\", \"q\".\n"
                       "rule c: each cd_rom_course earns 1 point into Education cite guidelines, \"s\", \"q\".\n";
  // Periods from 2015-01-31 (a 31st: months without one end on their last day).
  std::string Ledger = R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-31",
                           "position": "clerk"}, "activities": []})";
  AuditRun R = audit(Policy, Ledger, "2021-01-31");
  ASSERT_TRUE(R.Audit.Period);
  EXPECT_EQ(R.Audit.Period->Start, *Date::parse("2021-01-31"));
  AuditRun Before = audit(Policy, Ledger, "2021-01-30");
  EXPECT_EQ(Before.Audit.Period->Start, *Date::parse("2018-01-31"));
  AuditRun Earlier = audit(Policy, Ledger, "2014-06-01");
  EXPECT_EQ(Earlier.Audit.Period->Start, *Date::parse("2012-01-31"));
}

TEST(CompliancePeriod, TheFirstPeriodWhoseConditionHoldsApplies) {
  std::string Policy = "compliance period: 2 years from 2023-01-01 when member.region = 4 cite guidelines, \"s\", \"q\".\n"
                       "compliance period: 2 years from 2022-01-01 cite guidelines, \"s\", \"q\".\n"
                       "rule c: each cd_rom_course earns 1 point into Education cite guidelines, \"s\", \"q\".\n";
  EXPECT_EQ(audit(Policy, member(""), "2024-06-30").Audit.Period->Start, *Date::parse("2023-01-01"));
  std::string Region5 = R"({"member": {"id": "m1", "region": 5, "membership": "full", "member_since": "2015-01-01",
                            "position": "clerk"}, "activities": []})";
  EXPECT_EQ(audit(Policy, Region5, "2024-06-30").Audit.Period->Start, *Date::parse("2024-01-01"));
}

TEST(CompliancePeriod, ConditionsReadThePeriodsFirstAndLastDays) {
  std::string Policy = std::string(PeriodPolicy) +
                       "prerequisite new: member_since on or after period start else \"joined in the period\" "
                       "cite guidelines, \"s\", \"q\".\n"
                       "prerequisite ends: period end = 2025-12-31 else \"ends 2025-12-31\" cite guidelines, \"s\", \"q\".\n";
  AuditRun R = audit(Policy, member(""), "2024-03-01");
  EXPECT_FALSE(prerequisiteMet(R, "new")); // member since 2015
  EXPECT_TRUE(prerequisiteMet(R, "ends"));
}

namespace {
/// The error auditing the one member of Ledger fails with ("" when it audits).
std::string auditError(const std::string &PolicyText, const std::string &Ledger, const char *AsOf) {
  auto C = testsupport::compileText(std::string(Base) + PolicyText);
  if (!C.Policy)
    return "policy does not compile";
  eval::PolicyIndex Index(*C.Policy);
  ledger::ReadResult Read = ledger::readJsonLedger(*C.Policy, "t.json", Ledger);
  if (Read.Members.size() != 1)
    return "ledger does not read";
  auto A = eval::evaluate(Index, Read.Members[0], *Date::parse(AsOf));
  return A ? "" : llvm::toString(A.takeError());
}

const char *CdRomRule = "rule c: each cd_rom_course earns 1 point into Education cite guidelines, \"s\", \"q\".\n";
} // namespace

TEST(CompliancePeriod, AMemberNoPeriodAppliesToIsAnErrorNamingThem) {
  std::string Policy = std::string("compliance period: 2 years from 2023-01-01 when member.region = 11 "
                                   "cite guidelines, \"s\", \"q\".\n") + CdRomRule;
  EXPECT_EQ(auditError(Policy, member(""), "2024-06-30"),
            "member m1: no compliance period of the policy applies to this member");
}

TEST(CompliancePeriod, AMemberWithoutTheStartDateIsAnErrorNamingThem) {
  std::string Policy =
      std::string("compliance period: 2 years from member.program_enrolled cite guidelines, \"s\", \"q\".\n") +
      CdRomRule;
  EXPECT_EQ(auditError(Policy, member(""), "2024-06-30"),
            "member m1: the record does not give the date the compliance period starts from");
}

// The words a member reads, one test per kind of derivation and reason.
namespace {
std::string reasonOf(const AuditRun &R, const std::string &Id) {
  return eval::reasonText(R.Policy, R.Audit, item(R, Id));
}
std::string derivationOf(const AuditRun &R, const std::string &Id) {
  return eval::derivationText(R.Policy, item(R, Id));
}

std::string seminar(const char *Id, const char *Date, int Hours) {
  return std::string(R"({"id": ")") + Id + R"(", "kind": "seminar", "date": ")" + Date +
         R"(", "hours": )" + std::to_string(Hours) + "}";
}
} // namespace

TEST(Explain, RoundingUpAndARuleCapThatFillsUp) {
  AuditRun R = audit(std::string(Uncapped) + "rule r: each seminar earns 1 point per 4 contact_hours rounded up to 1 point into Education "
                     "at most 3 points cite guidelines, \"s\", \"q\".\n",
                     member(seminar("a", "2020-01-01", 6) + "," + seminar("b", "2020-02-01", 6) + "," +
                            seminar("c", "2020-03-01", 6)));
  EXPECT_EQ(derivationOf(R, "a"), "6 contact hours at 1 point per 4 contact hours = 1.5, rounded up to 1 point = 2 points");
  EXPECT_EQ(reasonOf(R, "a"), "");
  EXPECT_EQ(item(R, "b").Points, Rational(1));
  EXPECT_EQ(reasonOf(R, "b"), "reduced from 2 by the 3-point cap of `r`");
  EXPECT_FALSE(item(R, "c").Credited);
  EXPECT_EQ(reasonOf(R, "c"), "the 3-point cap of `r` is already reached");
}

TEST(Explain, NearestRoundingDatedItemMaximumAndCapTogether) {
  AuditRun R = audit(std::string(Uncapped) + "rule r: each seminar earns 1 point per 2 contact_hours rounded nearest to 1 point "
                     "into Education at most 4 points at most 3 points each before 2020-01-01 "
                     "cite guidelines, \"s\", \"q\".\n",
                     member(seminar("x", "2019-05-01", 9) + "," + seminar("y", "2019-06-01", 9)));
  EXPECT_EQ(derivationOf(R, "x"),
            "9 contact hours at 1 point per 2 contact hours = 4.5, rounded to the nearest 1 point = 5 points, "
            "at most 3 points each");
  EXPECT_EQ(reasonOf(R, "x"), "reduced from 5 to the maximum of 3 points per item (dated before 2020-01-01)");
  EXPECT_EQ(reasonOf(R, "y"), "reduced from 5 to the maximum of 3 points per item (dated before 2020-01-01); "
                              "reduced from 3 by the 4-point cap of `r`");
}

TEST(Explain, ItemsNoRuleCredits) {
  std::string Cite = " cite guidelines, \"s\", \"q\".\n";
  AuditRun R = audit("rule d: each athenian_dialogue earns 2 points before 2013-11-23 into Education" + Cite +
                         "rule c: each conference earns 1 point per 4 hours into Education" + Cite +
                         "rule v: each vocational_course earns 1 point per 10 hours rounded down to 1/2 point "
                         "into Education" + Cite,
                     member(R"({"id": "late", "kind": "athenian_dialogue", "date": "2014-01-01", "assessed": true},
                               {"id": "future", "kind": "athenian_dialogue", "date": "2027-01-01", "assessed": true},
                               {"id": "nohours", "kind": "conference", "date": "2020-01-01"},
                               {"id": "short", "kind": "vocational_course", "date": "2020-01-01", "hours": 2},
                               )" + seminar("norule", "2020-01-01", 3)));
  EXPECT_EQ(reasonOf(R, "late"), "rule `d` states no value for items dated 2014-01-01");
  EXPECT_EQ(reasonOf(R, "future"), "dated 2027-01-01, after the audit date 2026-11-23");
  EXPECT_EQ(reasonOf(R, "nohours"), "rule `c` needs a quantity this item does not give");
  EXPECT_EQ(reasonOf(R, "short"), "earns no points (2 hours at 1 point per 10 hours = 0.2, rounded down to 0.5 points "
                                  "= 0 points)");
  EXPECT_EQ(derivationOf(R, "short"), "");
  EXPECT_EQ(reasonOf(R, "norule"), "no rule of this policy credits this `seminar` item");
  for (const char *Id : {"late", "future", "nohours", "short", "norule"})
    EXPECT_FALSE(item(R, Id).Credited) << Id;
  EXPECT_EQ(item(R, "late").Rule, "d");
  EXPECT_TRUE(item(R, "future").Rule.empty());
}

TEST(Explain, FixedPointsEach) {
  AuditRun R = audit("rule d: each athenian_dialogue earns 2 points into Education cite guidelines, \"s\", \"q\".\n",
                     member(R"({"id": "a", "kind": "athenian_dialogue", "date": "2014-01-01", "assessed": true})"));
  EXPECT_EQ(derivationOf(R, "a"), "2 points each");
}

namespace {
/// A two-year cycle whose Total requirement's excess carries into Education.
std::string carryPolicy(const char *CarryClause) {
  return std::string("compliance period: 2 years from 2022-01-01 cite guidelines, \"s\", \"q\".\n") + CdRomRule +
         "carry over: excess education up to 3 points into Education" + CarryClause +
         " cite guidelines, \"s\", \"q\".\n";
}

Rational carriedIn(const AuditRun &R) {
  Rational Sum = 0;
  for (const eval::CarriedCredit &C : R.Audit.CarriedIn)
    Sum = *Sum.add(C.Points);
  return Sum;
}
} // namespace

TEST(CarryOver, ExcessOfThePreviousPeriodCarriesUpToItsLimit) {
  // 2022-2023: 12 points for 10 required, 2 carry; with 15, the limit of 3 does.
  std::string Twelve = cdRoms({"2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01", "2022-05-01", "2022-06-01",
                               "2022-07-01", "2022-08-01", "2022-09-01", "2022-10-01", "2022-11-01", "2022-12-01"});
  std::string Fifteen = Twelve + "," + cdRoms({"2023-01-01", "2023-02-01", "2023-03-01"});
  AuditRun Two = audit(carryPolicy(""), member(Twelve), "2024-06-30");
  EXPECT_EQ(carriedIn(Two), Rational(2));
  EXPECT_EQ(Two.Audit.Categories[0].Points, Rational(2));
  EXPECT_EQ(Two.Audit.Categories[0].CarriedIn, Rational(2));
  AuditRun Three = audit(carryPolicy(""), member(Fifteen), "2024-06-30");
  EXPECT_EQ(carriedIn(Three), Rational(3));
  ASSERT_EQ(Three.Audit.CarriedIn.size(), 1u);
  EXPECT_EQ(Three.Audit.CarriedIn[0].Excess, Rational(5));
  // Only the last 3 months (2023-10 to 2023-12) count: none of these items.
  AuditRun Late = audit(carryPolicy(" from the last 3 months"), member(Fifteen), "2024-06-30");
  EXPECT_EQ(carriedIn(Late), Rational(0));
  // Carried credit carries once: 2026-2027 sees nothing of 2022-2023.
  AuditRun TwoLater = audit(carryPolicy(""), member(Fifteen), "2026-06-30");
  EXPECT_TRUE(TwoLater.Audit.CarriedIn.empty());
}

namespace {
/// The audit's result for the point requirement Name (it must have one).
const eval::RequirementResult &requirement(const AuditRun &R, llvm::StringRef Name) {
  return *std::find_if(R.Audit.Requirements.begin(), R.Audit.Requirements.end(),
                       [&](const eval::RequirementResult &Req) { return !Req.IsPrerequisite && Req.Name == Name; });
}
} // namespace

TEST(RequiredAmount, WhenAndEveryNthPeriodWaiveWithTheirOwnWords) {
  std::string Policy = std::string("compliance period: 2 years from member.member_since cite guidelines, \"s\", \"q\".\n") +
                       CdRomRule +
                       "requirement later: Education at least 1 point when period number > 1 cite guidelines, "
                       "\"s\", \"q\".\n";
  // member since 2015-01-01: the period containing 2015-06-01 is number 1.
  AuditRun First = audit(Policy, member(""), "2015-06-01");
  const eval::RequirementResult &Later = requirement(First, "later");
  EXPECT_FALSE(Later.Applies);
  EXPECT_TRUE(Later.Met);
  EXPECT_EQ(Later.Detail, "applies only when period number > 1");
  EXPECT_EQ(First.Audit.Period->Number, 1);
  AuditRun Second = audit(Policy, member(""), "2017-06-01");
  EXPECT_EQ(Second.Audit.Period->Number, 2);
}

TEST(RequiredAmount, AProRatingWithoutItsDateDoesNotApply) {
  std::string Policy = std::string(PeriodPolicy) +
                       "requirement prorated: Education at least 1 point per month from awarded MMC to period end, "
                       "rounded up cite guidelines, \"s\", \"q\".\n";
  AuditRun R = audit(Policy, member(""), "2024-06-30");
  const eval::RequirementResult &Prorated = requirement(R, "prorated");
  EXPECT_FALSE(Prorated.Applies);
  EXPECT_EQ(Prorated.Detail, "the record does not give the dates it is pro-rated between");
}

TEST(CarryOver, KeepingItsCategoryAndTheLastMonths) {
  // 2022-2023: 12 points, the last two dated in 2023-11 and 2023-12.
  std::string Items = cdRoms({"2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01", "2022-05-01", "2022-06-01",
                              "2022-07-01", "2022-08-01", "2022-09-01", "2022-10-01", "2023-11-01", "2023-12-01"});
  std::string Policy = std::string("compliance period: 2 years from 2022-01-01 cite guidelines, \"s\", \"q\".\n") +
                       CdRomRule +
                       "carry over: excess Education up to 5 points, keeping its category from the last 3 months "
                       "cite guidelines, \"s\", \"q\".\n";
  AuditRun R = audit(Policy, member(Items), "2024-06-30");
  ASSERT_EQ(R.Audit.CarriedIn.size(), 1u);
  EXPECT_EQ(R.Audit.CarriedIn[0].Category, "Education");
  EXPECT_EQ(R.Audit.CarriedIn[0].Excess, Rational(2));
  EXPECT_EQ(R.Audit.CarriedIn[0].Points, Rational(2)); // 2023-11 and 2023-12 fall in the last 3 months
  EXPECT_EQ(eval::carriedText(R.Policy, R.Audit, R.Audit.CarriedIn[0]),
            "carried over from 2022-01-01 to 2023-12-31: 2 points into Education (excess of education: 2 points)");
}

TEST(CompliancePeriod, APeriodCatchingUpTakesTheEarliestGraceItemsItNeeds) {
  // 2022-2023 has 9 of its 10 points; the first grace item completes it, the
  // second stays with 2024-2025.
  std::string Items = cdRoms({"2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01", "2022-05-01", "2022-06-01",
                              "2022-07-01", "2022-08-01", "2022-09-01", "2024-02-15", "2024-01-15"});
  AuditRun R = audit(PeriodPolicy, member(Items), "2024-06-30");
  EXPECT_FALSE(item(R, "2024-01-15").Credited);
  EXPECT_EQ(eval::reasonText(R.Policy, R.Audit, item(R, "2024-01-15")),
            "dated 2024-01-15, credited to the previous compliance period 2022-01-01 to 2023-12-31 in its grace months");
  EXPECT_TRUE(item(R, "2024-02-15").Credited);
  EXPECT_EQ(R.Audit.Categories[0].Points, Rational(1));
  // Short by 3 with two grace items: they cannot complete it, so both stay.
  std::string Short = cdRoms({"2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01", "2022-05-01", "2022-06-01",
                              "2022-07-01", "2024-02-15", "2024-01-15"});
  EXPECT_EQ(audit(PeriodPolicy, member(Short), "2024-06-30").Audit.Categories[0].Points, Rational(2));
}

namespace {
/// Whether the one member whose last name is LastName is in the A-L period.
bool inFirstGroup(const char *LastName) {
  std::string Policy = "member { last_name: text }\n"
                       "compliance period: 2 years from 2023-01-01 when first letter of member.last_name in \"a\" to \"L\" "
                       "cite guidelines, \"s\", \"q\".\n"
                       "compliance period: 2 years from 2024-01-01 cite guidelines, \"s\", \"q\".\n"
                       "rule c: each cd_rom_course earns 1 point into Education cite guidelines, \"s\", \"q\".\n";
  std::string Ledger = std::string(R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-01",
             "position": "clerk", "last_name": ")") + LastName + R"("}, "activities": []})";
  return audit(Policy, Ledger, "2024-06-30").Audit.Period->Start == *Date::parse("2023-01-01");
}
} // namespace

TEST(TextConditions, FirstLetterChoosesThePeriodIgnoringCaseAndLeadingBlanks) {
  EXPECT_TRUE(inFirstGroup("Adams"));
  EXPECT_TRUE(inFirstGroup("  de Vries"));
  EXPECT_TRUE(inFirstGroup("lopez"));
  EXPECT_TRUE(inFirstGroup("Lyons"));
  EXPECT_FALSE(inFirstGroup("Moreau"));
  EXPECT_FALSE(inFirstGroup("\xC3\x98rsted")); // Ø sorts after Z
  EXPECT_FALSE(inFirstGroup("   "));           // no letter: the other period
}

TEST(TextConditions, TextsCompareExactly) {
  std::string Policy = "rule ethics: each seminar where title = \"Ethics\" earns 2 points into Education "
                       "priority 1 cite guidelines, \"s\", \"q\".\n"
                       "rule other: each seminar where title != \"Ethics\" earns 1 point into Education "
                       "cite guidelines, \"s\", \"q\".\n";
  AuditRun R = audit(Policy, member(R"({"id": "a", "kind": "seminar", "date": "2020-01-01", "hours": 1, "title": "Ethics"},
                                       {"id": "b", "kind": "seminar", "date": "2020-01-01", "hours": 1, "title": "ethics"},
                                       {"id": "c", "kind": "seminar", "date": "2020-01-01", "hours": 1})"));
  EXPECT_EQ(item(R, "a").Rule, "ethics");
  EXPECT_EQ(item(R, "b").Rule, "other");
  EXPECT_FALSE(item(R, "c").Credited); // an absent title is neither equal nor unequal
}
