// Audits with exceptions: pins are honoured and the rest stays optimal.
#include "StaffPolicy.h"
#include "eval/Evaluate.h"
#include "eval/MemberExceptions.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace certc;
using namespace certc::stafftest;
using Action = eval::StaffException::Action;

namespace {
eval::StaffException exception(Action A, const std::string &Item, uint32_t Category = ir::None) {
  eval::StaffException E;
  E.A = A;
  E.Id = "X";
  E.Member = "m1";
  E.Item = Item;
  E.Category = Category;
  E.On = *Date::parse("2026-01-01");
  return E;
}

const eval::ItemResult &item(const eval::Audit &A, const std::string &Id) {
  return *std::find_if(A.Items.begin(), A.Items.end(), [&](const eval::ItemResult &I) { return I.Id == Id; });
}

const char *TwoConferences = R"({"id": "c1", "kind": "conference", "date": "2024-01-01", "hours": 24},
                                {"id": "c2", "kind": "conference", "date": "2024-02-01", "hours": 16})";
enum : uint32_t { Education = 0, Experience = 1 };
} // namespace

TEST(AuditWithExceptions, PinnedEitherOrItemStaysAndTheOtherMovesToCompensate) {
  // Unpinned, c1 (6 points) goes to Education and c2 (4) to Experience. Pinning
  // c1 to Experience must send c2 to Education: the allocator still optimises.
  auto F = makeFixture(TwoConferences);
  auto Free = eval::evaluate(*F->Index, F->Member, auditDate());
  ASSERT_TRUE(!!Free);
  EXPECT_EQ(item(*Free, "c1").Category, "Education");
  std::vector<eval::StaffException> Pins{exception(Action::Credit, "c1", Experience)};
  auto Pinned = eval::evaluate(*F->Index, F->Member, auditDate(), {Pins});
  ASSERT_TRUE(!!Pinned) << llvm::toString(Pinned.takeError());
  EXPECT_EQ(item(*Pinned, "c1").Category, "Experience");
  EXPECT_EQ(item(*Pinned, "c1").Points, Rational(6));
  EXPECT_EQ(item(*Pinned, "c1").Exception, &Pins[0]);
  EXPECT_EQ(item(*Pinned, "c2").Category, "Education");
}

TEST(AuditWithExceptions, SubstitutionUsesTheRulesPointsOutsideTheRulesCap) {
  // An institute course counts in Experience, where no rule credits it: with
  // the rule's points, and not under the rule's Education cap.
  auto F = makeFixture(R"({"id": "i1", "kind": "institute_course", "date": "2024-01-01", "hours": 20,
                           "assessed": true, "level": "cmc"})");
  std::vector<eval::StaffException> X{exception(Action::Credit, "i1", Experience)};
  auto A = eval::evaluate(*F->Index, F->Member, auditDate(), {X});
  ASSERT_TRUE(!!A);
  EXPECT_EQ(item(*A, "i1").Category, "Experience");
  EXPECT_EQ(item(*A, "i1").Points, Rational(10)) << "the cap of 8 limits the rule's Education credit only";
  EXPECT_EQ(A->Categories[Experience].Points, Rational(10));
}

TEST(AuditWithExceptions, ExclusionWaiverAndGrant) {
  auto F = makeFixture(TwoConferences, /*MemberSince=*/"2026-01-01");
  std::vector<eval::StaffException> X{exception(Action::Exclude, "c2"), exception(Action::Waive, ""),
                                      exception(Action::Grant, "", Experience)};
  X[1].Prerequisite = 1;
  X[2].Points = Rational(4);
  X[2].Id = "G";
  auto A = eval::evaluate(*F->Index, F->Member, auditDate(), {X});
  ASSERT_TRUE(!!A);
  EXPECT_FALSE(item(*A, "c2").Credited);
  EXPECT_EQ(item(*A, "c2").Why.K, eval::Reason::Kind::Excluded);
  EXPECT_TRUE(A->Requirements[1].Met);
  EXPECT_EQ(A->Requirements[1].Waiver, &X[1]);
  EXPECT_EQ(item(*A, "G").Points, Rational(4));
  EXPECT_EQ(item(*A, "G").Category, "Experience");
  // The grant meets Experience, so c1 goes to Education: 6 of 10.
  EXPECT_EQ(A->Categories[Education].Points, Rational(6));
  EXPECT_EQ(A->Exceptions.size(), 3u);
}

TEST(AuditWithExceptions, ExceptionsAfterTheAuditDateAreListedNotApplied) {
  auto F = makeFixture(TwoConferences);
  std::vector<eval::StaffException> X{exception(Action::Exclude, "c1")};
  X[0].On = *Date::parse("2027-01-01");
  auto A = eval::evaluate(*F->Index, F->Member, auditDate(), {X});
  ASSERT_TRUE(!!A);
  EXPECT_TRUE(item(*A, "c1").Credited);
  ASSERT_EQ(A->Exceptions.size(), 1u);
  EXPECT_FALSE(A->Exceptions[0].InEffect);
}

TEST(AuditWithExceptions, UnknownItemIsAnInputErrorAtTheItemField) {
  auto F = makeFixture(TwoConferences);
  std::vector<eval::StaffException> X{exception(Action::Exclude, "c9")};
  X[0].File = "x.json";
  X[0].ItemLine = 3;
  X[0].ItemCol = 7;
  auto A = eval::evaluate(*F->Index, F->Member, auditDate(), {X});
  ASSERT_FALSE(!!A);
  std::string Message;
  llvm::handleAllErrors(A.takeError(), [&](const eval::InputErrors &E) { Message = E.message(); });
  EXPECT_EQ(Message, "x.json:3:7: error: member m1, activity c9, field item: the member has no activity `c9`");
}
