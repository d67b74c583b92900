// Damaged input never crashes: every prefix, seeded mutations and random indices.
#include "SamplePolicy.h"
#include "TestSupport.h"

#include "ir/Hash.h"
#include "ir/IRJson.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"

#include <gtest/gtest.h>
#include <iostream>
#include <random>

using namespace certc::ir;
using namespace certc::ir::test;

namespace {

/// Everything a loader would do with whatever the reader accepts; must not crash.
/// Returns whether the policy verified.
bool exercise(const Policy &P) {
  bool Verified = errorText(verifyPolicy(P)).empty();
  (void)printPolicy(P);
  (void)computeContentHash(P);
  if (Verified) {
    // A verified policy survives the round trip unchanged.
    std::string Text = writePolicyJson(P);
    llvm::Expected<Policy> Again = readPolicyJsonIgnoringHash(Text, "again.json");
    EXPECT_EQ(errorText(Again), "");
    if (Again) {
      EXPECT_EQ(writePolicyJson(*Again), Text);
      EXPECT_EQ(errorText(verifyPolicy(*Again)), "");
    }
  }
  return Verified;
}

TEST(IRFuzz, EveryPrefixIsRejected) {
  const std::string Text = writePolicyJson(makeSamplePolicy());
  size_t Closing = Text.rfind('}');
  for (size_t N = 0; N <= Text.size(); ++N) {
    llvm::Expected<Policy> Read = readPolicyJson(llvm::StringRef(Text.data(), N), "prefix.json");
    bool Complete = N > Closing; // only whitespace is missing
    ASSERT_EQ(bool(Read), Complete) << "prefix of " << N << " bytes";
    if (!Complete) {
      ASSERT_EQ(errorText(Read).rfind("prefix.json:", 0), 0u);
    }
  }
}

std::string mutate(const std::string &Text, std::mt19937 &Rng) {
  std::string Out = Text;
  unsigned Edits = 1 + Rng() % 3;
  for (unsigned I = 0; I < Edits && !Out.empty(); ++I) {
    size_t At = Rng() % Out.size();
    switch (Rng() % 6) {
    case 0: // any byte
      Out[At] = static_cast<char>(Rng() % 256);
      break;
    case 1: { // a digit: keeps the JSON valid, so the checks behind the parser run
      size_t Digit = Out.find_first_of("0123456789", At);
      if (Digit != std::string::npos)
        Out[Digit] = static_cast<char>('0' + Rng() % 10);
      break;
    }
    case 2: // delete a run
      Out.erase(At, 1 + Rng() % 16);
      break;
    case 3: { // duplicate a run somewhere else
      std::string Run = Out.substr(At, 1 + Rng() % 32);
      Out.insert(Rng() % Out.size(), Run);
      break;
    }
    case 5: { // another valid name for an operator, comparison, kind, type or mode
      static const std::vector<std::pair<std::string, std::vector<const char *>>> Names = {
          {"\"op\": \"",
           {"const",
            "activity_field",
            "member_field",
            "audit_date",
            "not",
            "and",
            "or",
            "compare",
            "in_set",
            "set_contains",
            "set_within",
            "is_given",
            "set_size",
            "years_between",
            "holds",
            "awarded_on",
            "add_months",
            "add_days",
            "count_activities",
            "no_other_same",
            "no_earlier_same"}},
          {"\"cmp\": \"", {"eq", "ne", "lt", "le", "gt", "ge"}},
          {"\"type\": \"",
           {"text", "bool", "integer", "quantity", "date", "enum", "enum_set", "awards"}},
          {"\"kind\": \"",
           {"absent", "bool", "number", "date", "text", "symbol", "set", "awards", "fixed", "rate",
            "awarded"}},
          {"\"mode\": \"", {"exact", "down", "up", "nearest"}},
      };
      const auto &[Key, Choices] = Names[Rng() % Names.size()];
      size_t Found = Out.find(Key, At);
      if (Found == std::string::npos)
        break;
      size_t Start = Found + Key.size(), End = Out.find('"', Start);
      if (End != std::string::npos)
        Out.replace(Start, End - Start, Choices[Rng() % Choices.size()]);
      break;
    }
    case 4: { // swap a line with a later one
      size_t Start = Out.rfind('\n', At);
      Start = Start == std::string::npos ? 0 : Start + 1;
      size_t End = Out.find('\n', At);
      size_t Other = Out.find('\n', Rng() % Out.size());
      if (End == std::string::npos || Other == std::string::npos || Other <= End)
        break;
      size_t OtherEnd = Out.find('\n', Other + 1);
      if (OtherEnd == std::string::npos)
        break;
      std::string A = Out.substr(Start, End - Start);
      std::string B = Out.substr(Other + 1, OtherEnd - Other - 1);
      Out.replace(Other + 1, B.size(), A);
      Out.replace(Start, A.size(), B);
      break;
    }
    }
  }
  return Out;
}

TEST(IRFuzz, RandomMutationsNeverCrash) {
  const std::string Text = writePolicyJson(makeSamplePolicy());
  std::mt19937 Rng(20240611);
  unsigned Read = 0, Verified = 0, Rejected = 0;
  for (int I = 0; I < 2000; ++I) {
    std::string Damaged = mutate(Text, Rng);
    if (I % 8 == 0) {
      // The public reader: only the hash check differs, so a sample suffices.
      llvm::Expected<Policy> Checked = readPolicyJson(Damaged, "fuzz.json");
      if (Checked)
        exercise(*Checked);
      else
        EXPECT_FALSE(errorText(Checked).empty());
    }
    // Without the hash check, damaged content reaches the verifier.
    llvm::Expected<Policy> P = readPolicyJsonIgnoringHash(Damaged, "fuzz.json");
    if (!P) {
      ++Rejected;
      consumeError(P.takeError());
      continue;
    }
    ++Read;
    Verified += exercise(*P);
  }
  // The mutations must reach every stage, or the test proves little.
  EXPECT_GT(Rejected, 500u);
  EXPECT_GT(Read, 250u);
  EXPECT_GT(Verified, 50u);
  EXPECT_LT(Verified, Read);
  std::cout << "mutations: " << Rejected << " rejected by the reader, " << Read - Verified
            << " by the verifier, " << Verified << " verified\n";
}

/// Every table index and count-like number in P, to be overwritten at random.
std::vector<uint32_t *> indicesOf(Policy &P) {
  std::vector<uint32_t *> Out = {&P.Designation, &P.DesignationEnum};
  auto Loc = [&](SourceLoc &L) { Out.push_back(&L.File); };
  auto Fields = [&](std::vector<Field> &Fs) {
    for (Field &F : Fs) {
      Out.push_back(&F.Enum);
      Out.push_back(&F.Unit);
      Out.push_back(&F.Default.Symbol);
      Loc(F.Loc);
    }
  };
  for (EnumType &E : P.Enums)
    for (uint32_t &V : E.Values)
      Out.push_back(&V);
  for (Unit &U : P.Units)
    Out.push_back(&U.Base);
  Fields(P.MemberFields);
  for (ActivityKind &K : P.Kinds) {
    Out.push_back(&K.Name);
    Fields(K.Fields);
  }
  for (Requirement &R : P.Requirements)
    for (uint32_t &C : R.Categories)
      Out.push_back(&C);
  for (Spillover &S : P.Spillovers) {
    Out.push_back(&S.From);
    Out.push_back(&S.To);
  }
  for (Prerequisite &Pr : P.Prerequisites)
    Out.push_back(&Pr.Test);
  for (Cap &C : P.Caps) {
    Out.push_back(&C.Parent);
    Out.push_back(&C.Category);
  }
  for (Rule &R : P.Rules) {
    Out.push_back(&R.Kind);
    Out.push_back(&R.Filter);
    Out.push_back(&R.Cap);
    Loc(R.Loc);
    for (ItemCondition &C : R.Conditions)
      Out.push_back(&C.Test);
    for (Earning &E : R.Earnings) {
      Out.push_back(&E.RateUnit);
      Out.push_back(&E.Amount);
      Out.push_back(&E.AmountUnit);
    }
    for (uint32_t &T : R.Targets)
      Out.push_back(&T);
  }
  for (Expr &E : P.Exprs) {
    Out.push_back(&E.A);
    for (uint32_t &A : E.Args)
      Out.push_back(&A);
    for (auto &Pair : E.Pairs) {
      Out.push_back(&Pair.first);
      Out.push_back(&Pair.second);
    }
  }
  for (Value &V : P.Consts)
    Out.push_back(&V.Symbol);
  return Out;
}

TEST(IRFuzz, RandomIndicesNeverCrashTheVerifierOrPrinter) {
  std::mt19937 Rng(7);
  const uint32_t Choices[] = {0, 1, 2, 3, 5, 8, 63, 64, 1000, None - 1, None};
  unsigned Verified = 0;
  for (int I = 0; I < 1500; ++I) {
    Policy P = makeSamplePolicy();
    std::vector<uint32_t *> Slots = indicesOf(P);
    for (unsigned Edit = 0, N = 1 + Rng() % 2; Edit < N; ++Edit) {
      uint32_t *Slot = Slots[Rng() % Slots.size()];
      *Slot = Rng() % 4 == 0 ? Rng() : Choices[Rng() % std::size(Choices)];
    }
    Verified += exercise(P);
  }
  EXPECT_GT(Verified, 0u);
}

TEST(IRFuzz, RandomEnumValuesNeverCrash) {
  // Enumerations stored as out-of-range numbers (a Policy built by hand can hold them).
  std::mt19937 Rng(11);
  for (int I = 0; I < 300; ++I) {
    Policy P = makeSamplePolicy();
    uint8_t Bad = static_cast<uint8_t>(Rng());
    switch (Rng() % 6) {
    case 0:
      P.Exprs[Rng() % P.Exprs.size()].O = static_cast<Op>(Bad);
      break;
    case 1:
      P.Exprs[Rng() % P.Exprs.size()].C = static_cast<Cmp>(Bad);
      break;
    case 2:
      P.MemberFields[Rng() % P.MemberFields.size()].Type = static_cast<ValueType>(Bad);
      break;
    case 3:
      P.Consts[Rng() % P.Consts.size()].K = static_cast<Value::Kind>(Bad);
      break;
    case 4:
      P.Rules[Rng() % P.Rules.size()].Earnings[0].K = static_cast<Earning::Kind>(Bad);
      break;
    case 5:
      P.Rules[Rng() % P.Rules.size()].Round.M = static_cast<Rounding::Mode>(Bad);
      break;
    }
    exercise(P);
    // Whatever the writer makes of an invalid value, the reader must handle.
    llvm::Expected<Policy> Read = readPolicyJsonIgnoringHash(writePolicyJson(P), "bad.json");
    if (Read)
      exercise(*Read);
    else
      consumeError(Read.takeError());
  }
}

} // namespace
