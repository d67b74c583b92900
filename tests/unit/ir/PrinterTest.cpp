// The printed form: readable expressions, every section, source locations.
#include "SamplePolicy.h"
#include "TestSupport.h"

#include "ir/ExprPrinter.h"
#include "ir/Printer.h"

#include <gtest/gtest.h>

using namespace certc::ir;
using namespace certc::ir::test;
using namespace certc::ir::test::sample;

namespace {

Expr makeExpr(Op O, std::vector<ExprId> Args = {}, uint32_t A = 0) {
  Expr E;
  E.O = O;
  E.Args = std::move(Args);
  E.A = A;
  return E;
}

TEST(IRPrinter, PrintsARuleCompletely) {
  std::string Text = printPolicy(makeSamplePolicy());
  const char *Athenian =
      "rule athenian  @ policies/iimc/cmc.cert:40:3\n"
      "  kind course\n"
      "  where (level = cmc) and assessed\n"
      "  requires documented  @ stdlib/common.cert:8:1\n"
      "    else \"The course must be documented.\"\n"
      "    cite \"IIMC CMC Program Guidelines\" section \"4.1\": \"Every activity must be "
      "documented.\"\n"
      "  earn 1 point per 1 hour of hours until 2024-01-01\n"
      "  earn 1.5 points per 1 hour of hours from 2024-01-01\n"
      "  round down to 0.5\n"
      "  at most 12 points per item\n"
      "  credits education or experience\n"
      "  priority 1\n"
      "  cite \"IIMC CMC Program Guidelines\" section \"4.2\": \"Athenian courses earn one "
      "point per contact hour.\"\n"
      "rule online_course";
  EXPECT_TRUE(contains(Text, Athenian)) << Text;
}

TEST(IRPrinter, PrintsEverySectionInOrder) {
  std::string Text = printPolicy(makeSamplePolicy());
  const std::string InOrder[] = {
      "policy \"IIMC Certified Municipal Clerk\"\n  designation cmc\n",
      "  ir version " + std::to_string(FormatVersion) + "\n  content hash ",
      "schema\n",
      "  enum level: introductory, cmc, mmc\n",
      "  unit minute/minutes = 1/60 hours\n",
      "    governments: set of government, default {municipal}  @ policies/iimc/cmc.cert:5:3\n",
      "    years_in_office: integer 0..60, default 0",
      "  kind conference (period)  @ policies/iimc/cmc.cert:17:1\n    start: date\n",
      "categories\n  education  @ policies/iimc/cmc.cert:22:1\n",
      // A title follows the name it stands for; no title, nothing.
      "requirements\n  total \"Total points\": education + experience >= 100",
      "  education_minimum: education >= 60",
      "spillovers\n  education above 60 -> experience",
      "prerequisites\n  membership \"Two years of membership\": years_since(member.joined) >= 2",
      "  not_certified: not holds(cmc)",
      "caps\n  online_limit: at most 20 in education",
      "  webinar_limit: at most 10 in education, inside online_limit",
      "rule athenian",
      "  earn 2 points per 3 hours of minutes (in minutes, times 1/60)\n",
      "  cap online_limit\n",
      "  requires no earlier conference with same title",
      "  requires start + 36 months >= audit_date",
      "  earn points as awarded: points_awarded\n",
      "  at most 8 points per item until 2023-01-01\n",
      "  where (count(course where level = mmc) >= 3) and (member.governments contains county)",
      "  earn 4 points per item from 2023-01-01\n",
      "  priority -2\n",
  };
  size_t At = 0;
  for (const std::string &Part : InOrder) {
    size_t Found = Text.find(Part, At);
    ASSERT_NE(Found, std::string::npos) << "missing or out of order: " << Part << "\n" << Text;
    At = Found;
  }
}

TEST(IRPrinter, IsDeterministic) {
  EXPECT_EQ(printPolicy(makeSamplePolicy()), printPolicy(makeSamplePolicy()));
}

TEST(IRPrinter, ParenthesisesOnlyWhereNeeded) {
  Policy P = makeSamplePolicy();
  ExprId Filter = P.Rules[Athenian].Filter; // (level = cmc) and assessed
  ExprId Compare = P.Exprs[Filter].Args[0]; // level = cmc
  ExprId Assessed = P.Exprs[Filter].Args[1];
  ExprId Not = addExpr(P, makeExpr(Op::Not, {Compare}));
  EXPECT_EQ(printExpr(P, Not, Course), "not (level = cmc)");
  ExprId Or = addExpr(P, makeExpr(Op::Or, {Filter, Assessed}));
  EXPECT_EQ(printExpr(P, Or, Course), "((level = cmc) and assessed) or assessed");
  ExprId NotAssessed = addExpr(P, makeExpr(Op::Not, {Assessed}));
  EXPECT_EQ(printExpr(P, NotAssessed, Course), "not assessed");
}

TEST(IRPrinter, PrintsEveryOperator) {
  Policy P = makeSamplePolicy();
  ExprId Level = addExpr(P, makeExpr(Op::ActivityField, {}, CLevel));
  Expr In = makeExpr(Op::InSet, {Level}, LevelEnum);
  In.Mask = 0x5;
  EXPECT_EQ(printExpr(P, addExpr(P, In), Course), "level in {introductory, mmc}");
  ExprId Governments = addExpr(P, makeExpr(Op::MemberField, {}, MGovernments));
  Expr Within = makeExpr(Op::SetWithin, {Governments});
  Within.Mask = 0x3;
  EXPECT_EQ(printExpr(P, addExpr(P, Within), None),
            "member.governments within {municipal, county}");
  EXPECT_EQ(printExpr(P, addExpr(P, makeExpr(Op::SetSize, {Governments})), None),
            "size(member.governments)");
  ExprId Hours = addExpr(P, makeExpr(Op::ActivityField, {}, CHours));
  EXPECT_EQ(printExpr(P, addExpr(P, makeExpr(Op::IsGiven, {Hours})), Course), "hours is given");
  ExprId Birth = addExpr(P, makeExpr(Op::MemberField, {}, MBirthDate));
  ExprId Audit = addExpr(P, makeExpr(Op::AuditDate));
  EXPECT_EQ(printExpr(P, addExpr(P, makeExpr(Op::YearsBetween, {Birth, Audit})), None),
            "years_between(member.birth_date, audit_date)");
  EXPECT_EQ(printExpr(P, addExpr(P, makeExpr(Op::AwardedOn, {}, symbolId(P, "mmc"))), None),
            "awarded_on(mmc)");
  EXPECT_EQ(printExpr(P, addExpr(P, makeExpr(Op::AddMonths, {Birth}, uint32_t(-6))), None),
            "member.birth_date - 6 months");
  EXPECT_EQ(printExpr(P, addExpr(P, makeExpr(Op::AddDays, {Birth}, 1)), None),
            "member.birth_date + 1 day");
  EXPECT_EQ(printExpr(P, addExpr(P, makeExpr(Op::CountActivities, {}, Conference)), None),
            "count(conference)");
  Expr Same = makeExpr(Op::NoOtherSame, {}, Conference);
  Same.Pairs = {{CTitle, FTitle}, {CDocumented, FDays}};
  EXPECT_EQ(printExpr(P, addExpr(P, Same), Course),
            "no other conference with same title, documented as days");
  Value Text;
  Text.K = Value::Kind::Text;
  Text.Text = "say \"hi\"\n";
  EXPECT_EQ(printExpr(P, addConst(P, Text), None), "\"say \\\"hi\\\"\\n\"");
  Value Awards;
  Awards.K = Value::Kind::Awards;
  Awards.Awards = {{symbolId(P, "cmc"), *certc::Date::parse("2020-05-01")}};
  EXPECT_EQ(printValue(P, Awards), "[cmc on 2020-05-01]");
}

TEST(IRPrinter, SurvivesBrokenPolicies) {
  Policy P = makeSamplePolicy();
  P.Rules[Athenian].Filter = 9999;
  P.Rules[OnlineCourse].Kind = 12345;
  P.Rules[AcademySeries].Targets = {7};
  P.Rules[ConferenceAttendance].Loc.File = 9;
  P.Caps[OnlineLimit].Parent = OnlineLimit;
  ExprId Self = addExpr(P, makeExpr(Op::Not, {}));
  P.Exprs[Self].Args = {Self};
  P.Prerequisites[0].Test = Self;
  P.Exprs[0].O = static_cast<Op>(77);
  std::string Text = printPolicy(P);
  EXPECT_TRUE(contains(Text, "  where <expr 9999>\n"));
  EXPECT_TRUE(contains(Text, "  kind #12345\n"));
  EXPECT_TRUE(contains(Text, "  credits #7\n"));
  EXPECT_TRUE(contains(Text, "rule conference_attendance  @ #9:60:3\n"));
  EXPECT_TRUE(contains(Text, "membership \"Two years of membership\": not <expr " + std::to_string(Self) + ">"));
  // Deep chains print up to the verifier's depth limit, then "...".
  ExprId E = addExpr(P, makeExpr(Op::AuditDate));
  for (int I = 0; I < 1000; ++I)
    E = addExpr(P, makeExpr(Op::AddDays, {E}, 1));
  std::string Deep = printExpr(P, E, None);
  EXPECT_TRUE(contains(Deep, "...")) << Deep.size();
}

} // namespace
