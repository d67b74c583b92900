// Compiles test expressions into short-circuit step sequences (And, Or and Not
// become the steps' jumps) and runs them. The steps keep the tree walker's
// semantics exactly (ExprEval.cpp): whatever they do not express is walked.
#include "eval/CompiledTests.h"
#include "eval/ExprEval.h"

#include <algorithm>

namespace certc::eval {

using VK = ir::Value::Kind;

struct CompiledTests::Builder {
  const ir::Policy &P;
  const std::vector<std::vector<uint32_t>> &EnumPosition;
  CompiledTests &Out;
  std::vector<uint32_t> PositionsOfEnum; ///< enum -> its table's start in Out.Positions, or None

  /// Whether Id reads a field directly, and which.
  bool fieldOf(ir::ExprId Id, TestStep &S) const {
    const ir::Expr &E = P.Exprs[Id];
    if (E.O != ir::Op::ActivityField && E.O != ir::Op::MemberField)
      return false;
    S.OfMember = E.O == ir::Op::MemberField;
    S.Field = E.A;
    return true;
  }

  /// Field Cmp constant; false for a constant no step compares (text, awards, absent).
  bool compareConst(ir::Cmp C, const ir::Value &Const, bool ConstOnLeft, TestStep &S) const {
    switch (Const.K) {
    case VK::Number: S.Number = Const.Number; break;
    case VK::Date: S.Day = Const.DateValue.dayNumber(); break;
    case VK::Bool: S.Mask = Const.Bool; break;
    case VK::Symbol: S.Mask = Const.Symbol; break;
    case VK::Set: S.Mask = Const.Set; break;
    default: return false;
    }
    // Bits: the field below, equal to, above the constant.
    constexpr uint8_t Below = 1, Equal = 2, Above = 4;
    uint8_t Holds = 0;
    switch (C) {
    case ir::Cmp::Eq: Holds = Equal; break;
    case ir::Cmp::Ne: Holds = Below | Above; break;
    case ir::Cmp::Lt: Holds = Below; break;
    case ir::Cmp::Le: Holds = Below | Equal; break;
    case ir::Cmp::Gt: Holds = Above; break;
    case ir::Cmp::Ge: Holds = Above | Equal; break;
    }
    if (ConstOnLeft) // constant Cmp field: field below the constant means left above right
      Holds = uint8_t((Holds & Equal) | ((Holds & Below) ? Above : 0) | ((Holds & Above) ? Below : 0));
    S.O = TestStep::Op::CompareConst;
    S.ConstKind = Const.K;
    S.HoldsWhen = Holds;
    return true;
  }

  /// The one step that tests E, when there is one.
  bool compileLeaf(const ir::Expr &E, ir::ExprId Id, TestStep &S) {
    using Op = TestStep::Op;
    switch (E.O) {
    case ir::Op::ActivityField:
    case ir::Op::MemberField:
      S.O = Op::IsTrue;
      return fieldOf(Id, S);
    case ir::Op::IsGiven:
      S.O = Op::IsGiven;
      return fieldOf(E.Args[0], S);
    case ir::Op::Compare: {
      const ir::Expr &L = P.Exprs[E.Args[0]], &R = P.Exprs[E.Args[1]];
      if (R.O == ir::Op::Const && fieldOf(E.Args[0], S))
        return compareConst(E.C, P.Consts[R.A], /*ConstOnLeft=*/false, S);
      if (L.O == ir::Op::Const && fieldOf(E.Args[1], S))
        return compareConst(E.C, P.Consts[L.A], /*ConstOnLeft=*/true, S);
      return false;
    }
    case ir::Op::InSet:
      S.O = Op::InSet;
      S.Mask = E.Mask;
      S.PositionsAt = positionsOf(E.A);
      return fieldOf(E.Args[0], S);
    case ir::Op::SetContains:
      S.O = Op::AnyOfMask;
      S.Mask = E.A < 64 ? uint64_t(1) << E.A : 0;
      return fieldOf(E.Args[0], S);
    case ir::Op::SetWithin:
      S.O = Op::WithinMask;
      S.Mask = E.Mask;
      return fieldOf(E.Args[0], S);
    default:
      return false;
    }
  }

  uint32_t positionsOf(uint32_t Enum) {
    if (PositionsOfEnum[Enum] == ir::None) {
      PositionsOfEnum[Enum] = static_cast<uint32_t>(Out.Positions.size());
      Out.Positions.insert(Out.Positions.end(), EnumPosition[Enum].begin(), EnumPosition[Enum].end());
    }
    return PositionsOfEnum[Enum];
  }

  /// Emits the steps of Id, going to OnTrue or OnFalse after them; returns the
  /// first step to run (one of the two when Id needs no step). Operands are
  /// emitted last first, so that each knows the step that follows it; the
  /// root's steps are put back in running order afterwards.
  uint32_t compile(ir::ExprId Id, uint32_t OnTrue, uint32_t OnFalse) {
    const ir::Expr &E = P.Exprs[Id];
    switch (E.O) {
    case ir::Op::Not:
      return compile(E.Args[0], OnFalse, OnTrue);
    case ir::Op::And: {
      uint32_t Entry = OnTrue;
      for (auto Arg = E.Args.rbegin(); Arg != E.Args.rend(); ++Arg)
        Entry = compile(*Arg, Entry, OnFalse);
      return Entry;
    }
    case ir::Op::Or: {
      uint32_t Entry = OnFalse;
      for (auto Arg = E.Args.rbegin(); Arg != E.Args.rend(); ++Arg)
        Entry = compile(*Arg, OnTrue, Entry);
      return Entry;
    }
    default: {
      TestStep S;
      if (!compileLeaf(E, Id, S)) {
        S = TestStep();
        S.Walked = Id;
      }
      S.OnTrue = OnTrue;
      S.OnFalse = OnFalse;
      Out.Steps.push_back(S);
      return static_cast<uint32_t>(Out.Steps.size() - 1);
    }
    }
  }

  void compileRoot(ir::ExprId Id, uint32_t Kind) {
    if (Id == ir::None || Out.ProgramOf[Id] != ir::None)
      return;
    const uint32_t Begin = static_cast<uint32_t>(Out.Steps.size());
    uint32_t Entry = compile(Id, TestStep::Accept, TestStep::Reject);
    const uint32_t End = static_cast<uint32_t>(Out.Steps.size());
    // A constant test (no step), or one the walker does whole, gains nothing.
    bool WalkedWhole = End - Begin == 1 && Out.Steps[Begin].O == TestStep::Op::Walk;
    if (Entry >= TestStep::Accept || WalkedWhole) {
      Out.Steps.resize(Begin);
      return;
    }
    auto InRunningOrder = [&](uint32_t Step) { return Step >= TestStep::Accept ? Step : Begin + (End - 1 - Step); };
    std::reverse(Out.Steps.begin() + Begin, Out.Steps.end());
    for (size_t I = Begin; I < End; ++I) {
      Out.Steps[I].OnTrue = InRunningOrder(Out.Steps[I].OnTrue);
      Out.Steps[I].OnFalse = InRunningOrder(Out.Steps[I].OnFalse);
    }
    Out.ProgramOf[Id] = InRunningOrder(Entry);
    Out.Roots.push_back({Id, Kind});
  }
};

CompiledTests::CompiledTests(const ir::Policy &P, llvm::ArrayRef<uint32_t> KindOfSymbol,
                             const std::vector<std::vector<uint32_t>> &EnumPosition)
    : ProgramOf(P.Exprs.size(), ir::None) {
  Builder B{P, EnumPosition, *this, std::vector<uint32_t>(P.Enums.size(), ir::None)};
  // Rules in policy order, so that a kind's programs lie mostly together.
  for (const ir::Rule &R : P.Rules) {
    uint32_t Kind = KindOfSymbol[R.Kind];
    B.compileRoot(R.Filter, Kind);
    for (const ir::ItemCondition &C : R.Conditions)
      B.compileRoot(C.Test, Kind);
    for (const ir::RuleLimit &L : R.Limits)
      B.compileRoot(L.Filter, Kind);
  }
  for (const ir::Prerequisite &Pre : P.Prerequisites)
    B.compileRoot(Pre.Test, ir::None);
  for (const ir::Requirement &Req : P.Requirements)
    B.compileRoot(Req.When, ir::None);
  for (const ir::CompliancePeriod &Pe : P.Periods)
    B.compileRoot(Pe.When, ir::None);
  for (const ir::Expr &E : P.Exprs) // the counted activity is the current one
    if ((E.O == ir::Op::CountActivities || E.O == ir::Op::CountDistinct) && !E.Args.empty())
      B.compileRoot(E.Args[0], E.A);
}

namespace {
/// Whether value V passes step S (not a Walk step). V is a ledger field value.
bool holds(const TestStep &S, const ledger::FieldValue &V, const uint32_t *Positions) {
  switch (S.O) {
  case TestStep::Op::IsTrue: return V.K == VK::Bool && V.Bool;
  case TestStep::Op::IsGiven: return V.K != VK::Absent;
  case TestStep::Op::CompareConst: {
    if (V.K != S.ConstKind)
      return false;
    int Order = 0;
    switch (S.ConstKind) {
    case VK::Number: Order = V.Number.compare(S.Number); break;
    case VK::Date: Order = V.DateValue.dayNumber() < S.Day ? -1 : V.DateValue.dayNumber() > S.Day ? 1 : 0; break;
    case VK::Bool: Order = int(V.Bool) - int(S.Mask); break;
    case VK::Symbol: Order = V.Symbol == S.Mask ? 0 : 1; break;
    case VK::Set: Order = V.Set == S.Mask ? 0 : 1; break;
    default: return false;
    }
    return (S.HoldsWhen >> (Order < 0 ? 0 : Order == 0 ? 1 : 2)) & 1;
  }
  case TestStep::Op::InSet: {
    if (V.K != VK::Symbol)
      return false;
    uint32_t Pos = Positions[S.PositionsAt + V.Symbol];
    return Pos != ir::None && ((S.Mask >> Pos) & 1);
  }
  case TestStep::Op::AnyOfMask: return V.K == VK::Set && (V.Set & S.Mask) != 0;
  case TestStep::Op::WithinMask: return V.K == VK::Set && (V.Set & ~S.Mask) == 0;
  case TestStep::Op::Walk: break;
  }
  return false;
}
} // namespace

bool CompiledTests::run(uint32_t Program, const ExprEvaluator &Eval, const ledger::Activity *Current) const {
  const ledger::Member &M = Eval.member();
  uint32_t At = Program;
  for (;;) {
    const TestStep &S = Steps[At];
    bool Holds;
    if (S.O == TestStep::Op::Walk)
      Holds = Eval.walkTest(S.Walked, Current);
    else if (S.OfMember)
      Holds = holds(S, M.Fields[S.Field], Positions.data());
    else // without a current activity, its fields are absent and fail every step
      Holds = Current && holds(S, Current->Fields[S.Field], Positions.data());
    At = Holds ? S.OnTrue : S.OnFalse;
    if (At >= TestStep::Accept)
      return At == TestStep::Accept;
  }
}

} // namespace certc::eval
