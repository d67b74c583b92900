// Planning: the options for each gap, their effort and their ranking.
#include "StaffPolicy.h"
#include "eval/Evaluate.h"
#include "plan/Plan.h"

#include <gtest/gtest.h>

using namespace certc;
using namespace certc::stafftest;

namespace {
struct Planned {
  std::unique_ptr<Fixture> F;
  eval::Audit Audit;
  plan::Plan Plan;
};

Planned planOf(const std::string &Activities, const std::string &MemberSince = "2015-01-01") {
  Planned Out;
  Out.F = makeFixture(Activities, MemberSince);
  auto A = eval::evaluate(*Out.F->Index, Out.F->Member, auditDate());
  EXPECT_TRUE(!!A);
  Out.Audit = std::move(*A);
  Out.Plan = plan::planFor(*Out.F->Index, Out.F->Member, Out.Audit);
  return Out;
}

std::string ruleOf(const Planned &P, const plan::GapOption &O) { return P.F->Policy.Rules[O.Rule].Name; }
} // namespace

TEST(Plan, RanksByNewActivitiesThenPointsBeyondTheGap) {
  // Education has 7 of 10 (institute, capped at 8, has 1 point of room left)
  // and Experience 4 of 4.
  Planned P = planOf(R"({"id": "i1", "kind": "institute_course", "date": "2024-01-01", "hours": 14, "assessed": true, "level": "cmc"},
                        {"id": "j1", "kind": "employment", "start": "2024-11-01", "schedule": "full_time", "role": "clerk", "administrative": true})");
  ASSERT_EQ(P.Plan.Gaps.size(), 1u);
  const plan::PointGap &G = P.Plan.Gaps[0];
  EXPECT_EQ(G.Short, Rational(3));
  ASSERT_EQ(G.Options.size(), 2u);
  // The conference closes the gap with one activity of 12 hours; the
  // institute's cap leaves room for 1 point only.
  EXPECT_EQ(ruleOf(P, G.Options[0]), "conference");
  EXPECT_TRUE(G.Options[0].closes());
  EXPECT_EQ(G.Options[0].Quantity, Rational(12));
  EXPECT_EQ(G.Options[0].Activities, 1u);
  EXPECT_EQ(ruleOf(P, G.Options[1]), "institute");
  EXPECT_FALSE(G.Options[1].closes());
  EXPECT_EQ(G.Options[1].Earns, Rational(1));
  EXPECT_EQ(G.Options[1].Quantity, Rational(2)) << "2 contact hours fill the cap";
}

TEST(Plan, CapRoomIsWhatTheAuditLeft) {
  Planned P = planOf(R"({"id": "i1", "kind": "institute_course", "date": "2024-01-01", "hours": 4, "assessed": true, "level": "cmc"},
                        {"id": "j1", "kind": "employment", "start": "2024-11-01", "schedule": "full_time", "role": "clerk", "administrative": true})");
  const plan::PointGap &G = P.Plan.Gaps[0];
  EXPECT_EQ(G.Short, Rational(8));
  const plan::GapOption *Institute = nullptr;
  for (const plan::GapOption &O : G.Options)
    if (ruleOf(P, O) == "institute")
      Institute = &O;
  ASSERT_NE(Institute, nullptr);
  EXPECT_FALSE(Institute->closes()) << "2 used of 8: 6 points of room for an 8-point gap";
  EXPECT_EQ(Institute->Earns, Rational(6));
  EXPECT_EQ(Institute->RoomLeft, Rational(0));
}

TEST(Plan, EligibleMemberHasNothingToPlan) {
  Planned P = planOf(R"({"id": "c1", "kind": "conference", "date": "2024-01-01", "hours": 40},
                        {"id": "j1", "kind": "employment", "start": "2020-01-01", "schedule": "full_time", "role": "clerk", "administrative": true})");
  EXPECT_TRUE(P.Plan.Eligible);
  EXPECT_TRUE(P.Plan.Gaps.empty());
  EXPECT_TRUE(P.Plan.Prerequisites.empty());
}

TEST(Plan, PrerequisiteOnTheMembersRecordCannotBeMetByActivities) {
  Planned P = planOf("", /*MemberSince=*/"2026-01-01");
  ASSERT_EQ(P.Plan.Prerequisites.size(), 1u);
  const plan::PrerequisiteGap &G = P.Plan.Prerequisites[0];
  EXPECT_EQ(P.F->Policy.Prerequisites[G.Prerequisite].Name, "two_years");
  EXPECT_TRUE(G.Kinds.empty());
  ASSERT_EQ(G.MemberFields.size(), 1u);
  EXPECT_EQ(P.F->Policy.MemberFields[G.MemberFields[0]].Name, "member_since");
  EXPECT_TRUE(G.ReadsAuditDate);
}
