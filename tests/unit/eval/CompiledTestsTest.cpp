// The compiled tests (CompiledTests.h) against the tree walker: on every kind
// of condition a policy writes, for items with fields given and absent, both
// must give the same answer; and the common conditions must compile to steps
// rather than be walked.
#include "eval/ExprEval.h"
#include "ledger/Ledger.h"
#include "support/CompileText.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

#include <set>

using namespace certc;

namespace {
const char *Cite = " cite guidelines, \"s\", \"q\".\n";

/// A kind with a field of every type, each optional, and one rule per condition.
const char *Conditions[] = {
    "flag",
    "not flag",
    "hours at least 2 contact_hours",
    "hours at most 2 contact_hours",
    "hours > 2 contact_hours",
    "hours < 2 contact_hours",
    "count = 2",
    "count != 2",
    "count in 1 to 3",
    "date before 2020-01-01",
    "date after 2020-01-01",
    "date on or after 2020-01-01",
    "date from 2019-01-01 through 2020-12-31",
    "level = cmc",
    "level != mmc",
    "level in {cmc}",
    "duties contains elections",
    "duties within {elections, human_resources}",
    "note is given",
    "hours is not given",
    "member.region at least 4 and member.membership = full",
    "(flag or level = mmc) and not (note is given or count > 1)",
    "not (flag and (count < 3 or date before 2021-01-01))",
    // What the steps leave to the walker, inside steps they do compile.
    "note = \"Ethics\" and flag",
    "first letter of note in \"A\" to \"L\" or count = 1",
    "date after member.member_since + 2 years",
    "number of (probe where flag and level = cmc) = 1",
};

std::string policyText() {
  std::string Text = "policy \"T\" for CMC source guidelines.\ncategory Education.\n"
                     "requirement education: Education at least 10 points" + std::string(Cite) +
                     "activity probe {\n  date: date required\n  hours: contact_hours\n  count: integer\n"
                     "  level: course_level\n  duties: set of core_duty default {}\n  flag: bool\n  note: text\n}\n";
  for (size_t I = 0; I < std::size(Conditions); ++I)
    Text += "rule r" + std::to_string(I) + ": each probe where " + Conditions[I] + " earns 1 point into Education priority " +
            std::to_string(I) + Cite;
  return Text;
}

const char *Ledger = R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-01",
  "position": "clerk"}, "activities": [
  {"id": "a", "kind": "probe", "date": "2020-01-01"},
  {"id": "b", "kind": "probe", "date": "2019-12-31", "hours": 2, "count": 2, "level": "cmc", "flag": true,
   "note": "Ethics", "duties": ["elections"]},
  {"id": "c", "kind": "probe", "date": "2021-06-01", "hours": 2.5, "count": 1, "level": "mmc", "flag": false,
   "note": "  law", "duties": ["elections", "records_management"]},
  {"id": "d", "kind": "probe", "date": "2017-01-01", "hours": 1.5, "count": 3, "flag": true, "note": "zoning",
   "duties": ["human_resources"]},
  {"id": "e", "kind": "probe", "date": "2020-12-31", "hours": 0, "count": 0, "level": "cmc", "note": ""}
]})";

struct Fixture {
  ir::Policy Policy;
  std::vector<ledger::Member> Members;
};

Fixture load(const std::string &Text, const char *Members) {
  testsupport::Compiled C = testsupport::compileText(Text);
  EXPECT_TRUE(C.Policy) << (C.Messages.empty() ? "" : C.Messages[0]);
  Fixture F{C.Policy ? std::move(*C.Policy) : ir::Policy(), {}};
  ledger::ReadResult R = ledger::readJsonLedger(F.Policy, "t.json", Members);
  EXPECT_TRUE(R.Errors.empty()) << (R.Errors.empty() ? "" : R.Errors[0].str());
  F.Members = std::move(R.Members);
  return F;
}

/// Every compiled test against the walker, for every item and for none.
void expectSameAsWalker(const ir::Policy &P, const std::vector<ledger::Member> &Members) {
  eval::PolicyIndex Index(P);
  size_t Compared = 0;
  for (const ledger::Member &M : Members) {
    eval::ExprEvaluator Eval(Index, M, *Date::parse("2026-11-23"));
    for (const eval::CompiledTests::Root &Root : Index.Tests.roots()) {
      ir::ExprId Id = Root.Test;
      EXPECT_EQ(Eval.test(Id, nullptr), Eval.walkTest(Id, nullptr)) << "expression " << Id << ", no activity";
      ++Compared;
      for (const ledger::Activity &A : M.Activities) {
        if (A.Kind != Root.Kind)
          continue;
        EXPECT_EQ(Eval.test(Id, &A), Eval.walkTest(Id, &A)) << "expression " << Id << ", activity " << A.Id;
        ++Compared;
      }
    }
  }
  EXPECT_GT(Compared, 0u);
}

/// The steps rule R's filter can run (those reachable from its first).
std::vector<eval::TestStep> filterSteps(const ir::Policy &P, const eval::PolicyIndex &Index, const std::string &Rule) {
  for (const ir::Rule &R : P.Rules) {
    if (R.Name != Rule)
      continue;
    std::set<uint32_t> Seen;
    std::vector<uint32_t> ToVisit{Index.Tests.programOf(R.Filter)};
    while (!ToVisit.empty()) {
      uint32_t At = ToVisit.back();
      ToVisit.pop_back();
      if (At >= eval::TestStep::Accept || !Seen.insert(At).second)
        continue;
      ToVisit.push_back(Index.Tests.steps()[At].OnTrue);
      ToVisit.push_back(Index.Tests.steps()[At].OnFalse);
    }
    std::vector<eval::TestStep> Out;
    for (uint32_t At : Seen)
      Out.push_back(Index.Tests.steps()[At]);
    return Out;
  }
  ADD_FAILURE() << "no rule " << Rule;
  return {};
}

size_t walkSteps(const std::vector<eval::TestStep> &Steps) {
  return std::count_if(Steps.begin(), Steps.end(),
                       [](const eval::TestStep &S) { return S.O == eval::TestStep::Op::Walk; });
}
} // namespace

TEST(CompiledTests, AgreeWithTheTreeWalkerOnEveryCondition) {
  Fixture F = load(policyText(), Ledger);
  ASSERT_EQ(F.Members.size(), 1u);
  expectSameAsWalker(F.Policy, F.Members);
}

// A constant on the left (`2 < count`) reads as the field on the right.
TEST(CompiledTests, AgreeWithTheTreeWalkerWithTheConstantOnTheLeft) {
  Fixture F = load(policyText(), Ledger);
  for (ir::Expr &E : F.Policy.Exprs)
    if (E.O == ir::Op::Compare && F.Policy.Exprs[E.Args[1]].O == ir::Op::Const) {
      std::swap(E.Args[0], E.Args[1]);
      static const ir::Cmp Mirror[] = {ir::Cmp::Eq, ir::Cmp::Ne, ir::Cmp::Gt, ir::Cmp::Ge, ir::Cmp::Lt, ir::Cmp::Le};
      E.C = Mirror[static_cast<int>(E.C)];
    }
  expectSameAsWalker(F.Policy, F.Members);
}

// The bundled policies' every test (filters, conditions, limits, prerequisites,
// periods, counts) on the sample and test ledgers that read under them.
TEST(CompiledTests, AgreeWithTheTreeWalkerOnTheBundledPolicies) {
  const std::string Root = CERTC_SOURCE_ROOT;
  const char *Policies[] = {"iimc/cmc.cert",       "iimc/mmc.cert",   "mississippi/cmcc.cert",
                            "mississippi/cdmcc.cert", "aicp/cm.cert", "florida-nursing/rn.cert"};
  std::vector<std::string> LedgerFiles;
  for (const std::string &Dir : {Root + "/examples", Root + "/policies"}) {
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator I(Dir, EC), End; I != End && !EC; I.increment(EC))
      if (llvm::StringRef(I->path()).endswith(".json") && !llvm::StringRef(I->path()).endswith(".test.json"))
        LedgerFiles.push_back(I->path());
  }
  for (const char *Policy : Policies) {
    std::string Path = Root + "/policies/" + Policy;
    auto Text = llvm::MemoryBuffer::getFile(Path);
    ASSERT_TRUE(bool(Text)) << Path;
    testsupport::Compiled C = testsupport::compileTextAt(Path, (*Text)->getBuffer().str());
    ASSERT_TRUE(C.Policy) << Path;
    size_t Read = 0;
    for (const std::string &File : LedgerFiles) {
      auto Ledger = llvm::MemoryBuffer::getFile(File);
      ASSERT_TRUE(bool(Ledger)) << File;
      ledger::ReadResult R = ledger::readJsonLedger(*C.Policy, File, (*Ledger)->getBuffer());
      if (!R.Errors.empty() || R.Members.empty())
        continue; // a ledger of another policy's vocabulary
      expectSameAsWalker(*C.Policy, R.Members);
      ++Read;
    }
    EXPECT_GT(Read, 0u) << Policy;
  }
}

TEST(CompiledTests, CommonConditionsCompileToStepsAndTheRestIsWalked) {
  Fixture F = load(policyText(), Ledger);
  eval::PolicyIndex Index(F.Policy);
  const size_t Walked = std::size(Conditions) - 4; // the last four
  for (size_t I = 0; I < std::size(Conditions); ++I) {
    std::vector<eval::TestStep> Steps = filterSteps(F.Policy, Index, "r" + std::to_string(I));
    if (I < Walked) {
      EXPECT_FALSE(Steps.empty()) << Conditions[I];
      EXPECT_EQ(walkSteps(Steps), 0u) << Conditions[I];
    } else if (I < Walked + 2) { // a step of their own for the part the walker evaluates
      EXPECT_EQ(walkSteps(Steps), 1u) << Conditions[I];
      EXPECT_EQ(Steps.size(), 2u) << Conditions[I];
    } else { // nothing the steps express: the walker tests them whole
      EXPECT_TRUE(Steps.empty()) << Conditions[I];
    }
  }
  // `not` costs no step: it swaps where the steps go.
  EXPECT_EQ(filterSteps(F.Policy, Index, "r1").size(), 1u);
  EXPECT_EQ(filterSteps(F.Policy, Index, "r22").size(), 3u);
}
