// Expression semantics (runtime/ir/IR.h documents each op). Comparisons with an
// absent operand are false; arithmetic that would overflow yields absent. A
// date moved off the calendar yields absent too, and is recorded (dateError)
// so that the audit fails instead of a condition being quietly false.
#include "eval/ExprEval.h"

#include "llvm/ADT/StringExtras.h"

#include <bitset>
#include <fmt/format.h>

namespace certc::eval {

using VK = ir::Value::Kind;

Scalar scalarOf(const ir::Value &V) {
  Scalar S;
  S.K = V.K;
  S.Bool = V.Bool;
  S.Number = V.Number;
  S.DateValue = V.DateValue;
  S.Symbol = V.Symbol;
  S.Set = V.Set;
  S.Text = V.Text;
  return S;
}

Scalar scalarOf(const ledger::FieldValue &V) {
  Scalar S;
  S.K = V.K;
  switch (V.K) {
  case VK::Absent: break;
  case VK::Bool: S.Bool = V.Bool; break;
  case VK::Number: S.Number = V.Number; break;
  case VK::Date: S.DateValue = V.DateValue; break;
  case VK::Text: S.Text = V.Text; break;
  case VK::Symbol: S.Symbol = V.Symbol; break;
  case VK::Set: S.Set = V.Set; break;
  case VK::Awards: break; // read from the member's field (Holds, AwardedOn)
  }
  return S;
}

namespace {
/// `first letter of`: the first character that is not a blank, a capital when
/// it is a letter a-z; a multi-byte UTF-8 character is kept whole.
Scalar firstLetter(const Scalar &Of) {
  static constexpr llvm::StringLiteral Capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  if (Of.K != VK::Text)
    return Scalar();
  llvm::StringRef Rest = Of.Text.ltrim(" \t");
  if (Rest.empty())
    return Scalar();
  Scalar S;
  S.K = VK::Text;
  unsigned char First = static_cast<unsigned char>(Rest[0]);
  if (llvm::isAlpha(First))
    S.Text = Capitals.substr(llvm::toUpper(First) - 'A', 1);
  else
    S.Text = Rest.take_front(First < 0x80 ? 1 : First >= 0xF0 ? 4 : First >= 0xE0 ? 3 : 2);
  return S;
}

Scalar boolean(bool B) {
  Scalar S;
  S.K = VK::Bool;
  S.Bool = B;
  return S;
}
Scalar number(Rational N) {
  Scalar S;
  S.K = VK::Number;
  S.Number = N;
  return S;
}
Scalar date(Date D) {
  Scalar S;
  S.K = VK::Date;
  S.DateValue = D;
  return S;
}
} // namespace

ExprEvaluator::ExprEvaluator(const PolicyIndex &Index, const ledger::Member &M, Date AsOf)
    : Index(Index), M(M), AsOf(AsOf), ByKind(M.Activities.size()), KindStart(Index.P.Kinds.size() + 1, 0),
      Dates(M.Activities.size()) {
  // A counting sort: stable, one pass to count and one to place. The dates
  // are read in the second, when the fields the first asked for have arrived.
  for (const ledger::Activity &A : M.Activities) {
    ++KindStart[A.Kind + 1];
    prefetchFields(A);
  }
  for (size_t K = 1; K < KindStart.size(); ++K)
    KindStart[K] += KindStart[K - 1];
  llvm::SmallVector<uint32_t, 32> Next(KindStart.begin(), KindStart.end() - 1);
  for (size_t I = 0; I < M.Activities.size(); ++I) {
    const ledger::Activity &A = M.Activities[I];
    ByKind[Next[A.Kind]++] = &A;
    uint32_t F = Index.DateField[A.Kind];
    if (F != ir::None && A.Fields[F].K == VK::Date)
      Dates[I] = A.Fields[F].DateValue;
  }
}

void ExprEvaluator::prefetchFields(const ledger::Activity &A) {
  // A ledger audited long after it was read is no longer in the cache. Asking
  // for all of an activity's fields here lets the loads overlap; otherwise the
  // rules wait for them one by one.
  constexpr size_t CacheLine = 64;
  const char *Begin = reinterpret_cast<const char *>(A.Fields.data());
  const char *End = reinterpret_cast<const char *>(A.Fields.data() + A.Fields.size());
  for (const char *Line = Begin; Line < End; Line += CacheLine)
    __builtin_prefetch(Line);
}

bool ExprEvaluator::compare(ir::Cmp C, const Scalar &L, const Scalar &R) const {
  if (L.K == VK::Absent || R.K == VK::Absent || L.K != R.K)
    return false;
  int Order = 0;
  switch (L.K) {
  case VK::Number: Order = L.Number.compare(R.Number); break;
  case VK::Date: Order = L.DateValue < R.DateValue ? -1 : (R.DateValue < L.DateValue ? 1 : 0); break;
  case VK::Bool: Order = int(L.Bool) - int(R.Bool); break;
  case VK::Symbol: Order = L.Symbol == R.Symbol ? 0 : 1; break;
  case VK::Set: Order = L.Set == R.Set ? 0 : 1; break;
  case VK::Text: Order = L.Text.compare(R.Text); break;
  default: return false;
  }
  switch (C) {
  case ir::Cmp::Eq: return Order == 0;
  case ir::Cmp::Ne: return Order != 0;
  case ir::Cmp::Lt: return Order < 0;
  case ir::Cmp::Le: return Order <= 0;
  case ir::Cmp::Gt: return Order > 0;
  case ir::Cmp::Ge: return Order >= 0;
  }
  return false;
}

bool ExprEvaluator::sameFields(const ledger::Activity &A, const ledger::Activity &B,
                               const std::vector<std::pair<uint32_t, uint32_t>> &Pairs) const {
  for (auto [Here, There] : Pairs)
    if (!compare(ir::Cmp::Eq, scalarOf(A.Fields[Here]), scalarOf(B.Fields[There])))
      return false;
  return true;
}

Scalar ExprEvaluator::eval(ir::ExprId Id, const ledger::Activity *Current) const {
  const ir::Expr &E = Index.P.Exprs[Id];
  switch (E.O) {
  case ir::Op::Const:
    return scalarOf(Index.P.Consts[E.A]);
  case ir::Op::ActivityField:
    return Current ? scalarOf(Current->Fields[E.A]) : Scalar();
  case ir::Op::MemberField:
    return scalarOf(M.Fields[E.A]);
  case ir::Op::AuditDate:
    return date(AsOf);
  case ir::Op::PeriodStart:
    return Period ? date(Period->Start) : Scalar();
  case ir::Op::PeriodEnd:
    return Period ? date(Period->lastDay()) : Scalar();
  case ir::Op::PeriodNumber:
    return Period ? number(Period->Number) : Scalar();
  case ir::Op::FirstDayOfMonth:
  case ir::Op::LastDayOfMonth:
  case ir::Op::MonthOf: {
    Scalar D = eval(E.Args[0], Current);
    if (D.K != VK::Date)
      return Scalar();
    if (E.O == ir::Op::MonthOf)
      return number(int64_t(D.DateValue.month()));
    return date(E.O == ir::Op::FirstDayOfMonth ? D.DateValue.firstDayOfMonth() : D.DateValue.lastDayOfMonth());
  }
  case ir::Op::FirstLetter:
    return firstLetter(eval(E.Args[0], Current));
  case ir::Op::TextInRange: {
    Scalar X = eval(E.Args[0], Current), Low = eval(E.Args[1], Current), High = eval(E.Args[2], Current);
    if (X.K != VK::Text || Low.K != VK::Text || High.K != VK::Text)
      return boolean(false);
    return boolean(Low.Text.compare_insensitive(X.Text) <= 0 && X.Text.compare_insensitive(High.Text) <= 0);
  }
  case ir::Op::Not: {
    Scalar S = eval(E.Args[0], Current);
    return boolean(!(S.K == VK::Bool && S.Bool));
  }
  case ir::Op::And:
    for (ir::ExprId A : E.Args)
      if (!test(A, Current))
        return boolean(false);
    return boolean(true);
  case ir::Op::Or:
    for (ir::ExprId A : E.Args)
      if (test(A, Current))
        return boolean(true);
    return boolean(false);
  case ir::Op::Compare:
    return boolean(compare(E.C, eval(E.Args[0], Current), eval(E.Args[1], Current)));
  case ir::Op::InSet: {
    Scalar S = eval(E.Args[0], Current);
    if (S.K != VK::Symbol)
      return boolean(false);
    uint32_t Pos = Index.EnumPosition[E.A][S.Symbol];
    return boolean(Pos != ir::None && ((E.Mask >> Pos) & 1));
  }
  case ir::Op::SetContains: {
    Scalar S = eval(E.Args[0], Current);
    return boolean(S.K == VK::Set && E.A < 64 && ((S.Set >> E.A) & 1));
  }
  case ir::Op::SetWithin: {
    Scalar S = eval(E.Args[0], Current);
    return boolean(S.K == VK::Set && (S.Set & ~E.Mask) == 0);
  }
  case ir::Op::IsGiven:
    return boolean(eval(E.Args[0], Current).K != VK::Absent);
  case ir::Op::SetSize: {
    Scalar S = eval(E.Args[0], Current);
    return S.K == VK::Set ? number(static_cast<int64_t>(std::bitset<64>(S.Set).count())) : Scalar();
  }
  case ir::Op::YearsBetween:
  case ir::Op::MonthsBetween: {
    Scalar From = eval(E.Args[0], Current);
    Scalar To = E.Args.size() > 1 ? eval(E.Args[1], Current) : Scalar();
    if (From.K != VK::Date)
      return Scalar();
    // A period still running, or ending after the audit date, counts to the audit date.
    Date End = To.K == VK::Date && To.DateValue < AsOf ? To.DateValue : AsOf;
    return number(E.O == ir::Op::YearsBetween ? From.DateValue.wholeYearsUntil(End)
                                              : From.DateValue.wholeMonthsUntil(End));
  }
  case ir::Op::Holds:
  case ir::Op::AwardedOn: {
    std::optional<Date> Awarded;
    if (Index.AwardsField != ir::None)
      for (const ir::Award &A : M.Fields[Index.AwardsField].Awards)
        if (A.Designation == E.A && (!Awarded || A.Awarded < *Awarded))
          Awarded = A.Awarded;
    if (E.O == ir::Op::Holds)
      return boolean(Awarded && *Awarded <= AsOf);
    return Awarded ? date(*Awarded) : Scalar();
  }
  case ir::Op::AddMonths:
  case ir::Op::AddDays: {
    Scalar S = eval(E.Args[0], Current);
    if (S.K != VK::Date)
      return Scalar();
    int32_t N = static_cast<int32_t>(E.A);
    std::optional<Date> D = E.O == ir::Op::AddMonths ? S.DateValue.addMonths(N) : S.DateValue.addDays(N);
    if (!D && !DateError)
      DateError = fmt::format("{} moved by {} {} is past the calendar (years 0001 to 9999)", S.DateValue.str(), N,
                              E.O == ir::Op::AddMonths ? "months" : "days");
    return D ? date(*D) : Scalar();
  }
  case ir::Op::CountActivities:
  case ir::Op::CountDistinct: {
    // A member is not certified as of a date on meetings that come later
    // (issue 11, ruling 1): items dated after the audit date are not counted.
    llvm::SmallVector<const ledger::Activity *, 16> Counted;
    for (const ledger::Activity *A : activitiesOfKind(E.A)) {
      std::optional<Date> When = dateOf(*A);
      if ((When && *When > AsOf) || (!E.Args.empty() && !test(E.Args[0], A)))
        continue;
      // One meeting recorded twice is one meeting (ruling 2).
      auto Same = [&](const ledger::Activity *B) { return sameFields(*A, *B, E.Pairs); };
      if (E.O == ir::Op::CountActivities || llvm::none_of(Counted, Same))
        Counted.push_back(A);
    }
    return number(static_cast<int64_t>(Counted.size()));
  }
  case ir::Op::LaterDate: {
    Scalar L = eval(E.Args[0], Current), R = eval(E.Args[1], Current);
    if (L.K != VK::Date || R.K != VK::Date)
      return Scalar();
    return L.DateValue < R.DateValue ? R : L;
  }
  case ir::Op::EarlierDate: {
    Scalar L = eval(E.Args[0], Current), R = eval(E.Args[1], Current);
    if (L.K != VK::Date)
      return R;
    return R.K == VK::Date && R.DateValue < L.DateValue ? R : L;
  }
  case ir::Op::NoOtherSame:
  case ir::Op::NoEarlierSame: {
    if (!Current)
      return boolean(false);
    std::optional<Date> Here = dateOf(*Current);
    for (const ledger::Activity *Other : activitiesOfKind(E.A)) {
      const ledger::Activity &A = *Other;
      if (&A == Current || !sameFields(*Current, A, E.Pairs))
        continue;
      if (E.O == ir::Op::NoOtherSame)
        return boolean(false);
      // "Earlier" is by date, then by id, so that exactly one of two equal items counts.
      std::optional<Date> There = dateOf(A);
      bool Earlier = There && Here ? (*There < *Here || (*There == *Here && A.Id < Current->Id))
                                   : A.Id < Current->Id;
      if (Earlier)
        return boolean(false);
    }
    return boolean(true);
  }
  }
  return Scalar();
}

} // namespace certc::eval
