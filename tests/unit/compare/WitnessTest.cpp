// The witness search, for each kind of edit: a witness exists, really
// distinguishes the editions when its ledger is read and audited, has the
// fewest activities the edit allows, and is minimal: leaving out any activity
// or lowering any value to a smaller candidate loses the difference.
#include "compare/Witness.h"
#include "compare/WitnessSpace.h"
#include "support/CompileText.h"

#include <gtest/gtest.h>

namespace certc::compare {
namespace {

const std::string Base = R"(policy "T" for CMC edition "1" effective 2020-01-01 source guidelines.
category Education.
category Experience.
requirement education: Education at least 10 points cite guidelines, "S", "Q".
requirement experience: Experience at least 4 points cite guidelines, "S", "Q".
rule institute: each institute_course
  requires assessed else "no assessment"
  earns 1 point per 2 contact_hours
  rounded down to 1/2 point
  into Education
  at most 8 points
  cite guidelines, "S", "Q".
rule dialogue: each athenian_dialogue
  earns 2 points before 2013-11-23, 3 points from 2013-11-23
  into Education
  cite guidelines, "S", "Q".
rule conference: each annual_conference
  earns points as awarded
  at most 8 points each
  into Education or Experience
  cite guidelines, "S", "Q".
)";

const Date AsOf = *Date::parse("2026-01-01");

ir::Policy compile(const std::string &Text) {
  testsupport::Compiled C = testsupport::compileText(Text);
  EXPECT_TRUE(C.Policy) << (C.Messages.empty() ? "" : C.Messages[0]);
  return C.Policy ? *C.Policy : ir::Policy();
}

std::string edited(std::string Text, const std::string &From, const std::string &To) {
  size_t At = Text.find(From);
  EXPECT_NE(At, std::string::npos) << From;
  return At == std::string::npos ? Text : Text.replace(At, From.size(), To);
}

bool distinguishes(const ir::Policy &Old, const ir::Policy &New, const WitnessMember &M) {
  std::string Ledger = witnessLedgerJson(M);
  WitnessVerdict O = auditWitness(Old, Ledger, AsOf), N = auditWitness(New, Ledger, AsOf);
  return O.Readable && N.Readable && verdictsDiffer(O, N);
}

const FieldSpace &spaceOf(const std::vector<FieldSpace> &Fields, const std::string &Name) {
  for (const FieldSpace &F : Fields)
    if (F.Name == Name)
      return F;
  ADD_FAILURE() << "no field " << Name;
  return Fields.front();
}

/// Checks the witness and returns its number of activities.
size_t checkWitness(const std::string &OldText, const std::string &NewText) {
  ir::Policy Old = compile(OldText), New = compile(NewText);
  WitnessResult R = findWitness(Old, New, AsOf, WitnessBounds{8, 20000, 60, 1});
  EXPECT_TRUE(R.Found);
  if (!R.Found)
    return 0;
  const WitnessMember &W = *R.Found;
  EXPECT_TRUE(distinguishes(Old, New, W)) << witnessLedgerJson(W);
  EXPECT_TRUE(verdictsDiffer(R.Old, R.New));
  for (size_t I = 0; I < W.Activities.size(); ++I) {
    WitnessMember Without = W;
    Without.Activities.erase(Without.Activities.begin() + I);
    EXPECT_FALSE(distinguishes(Old, New, Without)) << "activity " << I + 1 << " can be left out";
  }
  WitnessSpace Space = witnessSpace(Old, New, AsOf);
  for (size_t A = 0; A <= W.Activities.size(); ++A) {
    bool IsMember = A == W.Activities.size();
    const std::vector<WitnessField> &Fields = IsMember ? W.Fields : W.Activities[A].Fields;
    const std::vector<FieldSpace> *Spaces = &Space.Member;
    if (!IsMember)
      for (const KindSpace &K : Space.Kinds)
        if (K.Name == W.Activities[A].Kind)
          Spaces = &K.Fields;
    for (size_t F = 0; F < Fields.size(); ++F) {
      const FieldSpace &S = spaceOf(*Spaces, Fields[F].Name);
      EXPECT_EQ(S.Candidates[Fields[F].Rank], Fields[F].Json);
      for (unsigned Rank = 0; Rank < Fields[F].Rank; ++Rank) {
        WitnessMember Lower = W;
        WitnessField &Field = IsMember ? Lower.Fields[F] : Lower.Activities[A].Fields[F];
        Field = {Field.Name, S.Candidates[Rank], Rank};
        EXPECT_FALSE(distinguishes(Old, New, Lower)) << Field.Name << " can be lowered to " << S.Candidates[Rank];
      }
    }
  }
  return W.Activities.size();
}

TEST(Witness, RateChangeShowsOnOneActivity) {
  EXPECT_EQ(checkWitness(Base, edited(Base, "1 point per 2 contact_hours", "1 point per 3 contact_hours")), 1u);
}

TEST(Witness, CapChangeShowsOnOneActivityThatReachesIt) {
  EXPECT_EQ(checkWitness(Base, edited(Base, "at most 8 points\n", "at most 10 points\n")), 1u);
}

TEST(Witness, DateBoundaryShowsOnAnActivityBetweenTheTwoDates) {
  std::string New = edited(Base, "2 points before 2013-11-23, 3 points from 2013-11-23",
                           "2 points before 2014-01-01, 3 points from 2014-01-01");
  ir::Policy O = compile(Base), N = compile(New);
  WitnessResult R = findWitness(O, N, AsOf, WitnessBounds{8, 20000, 60, 1});
  ASSERT_TRUE(R.Found);
  ASSERT_EQ(R.Found->Activities.size(), 1u);
  EXPECT_EQ(checkWitness(Base, New), 1u);
  // The dialogue is dated in [2013-11-23, 2014-01-01), where the editions differ.
  std::string Ledger = witnessLedgerJson(*R.Found);
  EXPECT_TRUE(Ledger.find("\"2013-11-23\"") != std::string::npos || Ledger.find("\"2013-12-31\"") != std::string::npos)
      << Ledger;
}

TEST(Witness, NewPrerequisiteNeedsAMemberEligibleUnderTheOldEdition) {
  std::string New = Base + "prerequisite region: member.region at most 9 else \"regions 1-9 only\"\n"
                           "  cite guidelines, \"S\", \"Q\".\n";
  // Education 10 needs two activities (the Institute is capped at 8, a
  // conference counts toward one category), Experience 4 a third.
  EXPECT_EQ(checkWitness(Base, New), 3u);
}

TEST(Witness, RemovedRuleShowsOnOneActivityItCredited) {
  std::string New = edited(Base, "rule dialogue: each athenian_dialogue\n"
                                 "  earns 2 points before 2013-11-23, 3 points from 2013-11-23\n"
                                 "  into Education\n"
                                 "  cite guidelines, \"S\", \"Q\".\n",
                           "");
  EXPECT_EQ(checkWitness(Base, New), 1u);
}

TEST(Witness, EqualEditionsHaveNoWitnessWithinTheBounds) {
  ir::Policy P = compile(Base);
  WitnessResult R = findWitness(P, P, AsOf, WitnessBounds{3, 500, 60, 1});
  EXPECT_FALSE(R.Found);
  EXPECT_EQ(R.Tried, 500u);
  EXPECT_FALSE(R.TimedOut);
}

TEST(Witness, TheSearchStopsAtItsTimeLimit) {
  ir::Policy P = compile(Base);
  WitnessResult R = findWitness(P, P, AsOf, WitnessBounds{8, UINT64_MAX, 0.2, 1});
  EXPECT_FALSE(R.Found);
  EXPECT_TRUE(R.TimedOut);
  EXPECT_LT(R.Seconds, 2.0);
}

TEST(Witness, SameSeedSameWitness) {
  std::string New = edited(Base, "at most 8 points\n", "at most 10 points\n");
  ir::Policy O = compile(Base), N = compile(New);
  WitnessResult A = findWitness(O, N, AsOf, WitnessBounds{8, 5000, 60, 7});
  WitnessResult B = findWitness(O, N, AsOf, WitnessBounds{8, 5000, 60, 7});
  ASSERT_TRUE(A.Found && B.Found);
  EXPECT_EQ(witnessLedgerJson(*A.Found), witnessLedgerJson(*B.Found));
}

} // namespace
} // namespace certc::compare
