// Expression checks: arena shape (context-free), then types per evaluation context.
#include "ir/ExprChecker.h"

#include "ir/Lookup.h"
#include "ir/Names.h"
#include "ir/OpInfo.h"
#include "ir/Verifier.h"

#include <algorithm>
#include <vector>

namespace certc::ir {

namespace {
using TK = ExprType::Kind;

const char *kindWord(TK K) {
  switch (K) {
  case TK::Absent:
    return "absent";
  case TK::Bool:
    return "bool";
  case TK::Number:
    return "number";
  case TK::Date:
    return "date";
  case TK::Text:
    return "text";
  case TK::Symbol:
    return "symbol";
  case TK::Set:
    return "set";
  case TK::Awards:
    return "awards";
  }
  return "invalid";
}

ExprType constType(const Value &V) {
  switch (V.K) {
  case Value::Kind::Absent:
    return {TK::Absent};
  case Value::Kind::Bool:
    return {TK::Bool};
  case Value::Kind::Number:
    return {TK::Number};
  case Value::Kind::Date:
    return {TK::Date};
  case Value::Kind::Text:
    return {TK::Text};
  case Value::Kind::Symbol:
    return {TK::Symbol, None, V.Symbol};
  case Value::Kind::Set:
    return {TK::Set};
  case Value::Kind::Awards:
    return {TK::Awards};
  }
  return {TK::Absent};
}
} // namespace

ExprType fieldType(const Field &F) {
  switch (F.Type) {
  case ValueType::Text:
    return {TK::Text};
  case ValueType::Bool:
    return {TK::Bool};
  case ValueType::Integer:
  case ValueType::Quantity:
    return {TK::Number};
  case ValueType::Date:
    return {TK::Date};
  case ValueType::Enum:
    return {TK::Symbol, F.Enum};
  case ValueType::EnumSet:
    return {TK::Set, F.Enum};
  case ValueType::Awards:
    return {TK::Awards};
  }
  return {TK::Absent};
}

std::string describeType(const Policy &P, const ExprType &T) {
  std::string Text = kindWord(T.K);
  if ((T.K == TK::Symbol || T.K == TK::Set) && T.Enum != None)
    Text += " of enum '" + enumName(P, T.Enum) + "'";
  else if (T.K == TK::Symbol && T.Symbol != None)
    Text += " '" + symbolName(P, T.Symbol) + "'";
  return Text;
}

llvm::Error ExprChecker::fail(ExprId Id, const llvm::Twine &Msg) const {
  llvm::StringRef Name = Id < P.Exprs.size() ? opName(P.Exprs[Id].O) : "missing";
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "expr " + llvm::Twine(Id) + " (" + Name + "): " + Msg);
}

// --- Context-free checks --------------------------------------------------------

llvm::Error ExprChecker::checkArena() {
  // Depth and unfolded size per node; operands precede their node, so one
  // forward pass computes both.
  std::vector<uint32_t> Depth(P.Exprs.size(), 0);
  std::vector<uint64_t> Size(P.Exprs.size(), 0);
  for (size_t I = 0; I < P.Exprs.size(); ++I) {
    ExprId Id = static_cast<ExprId>(I);
    if (llvm::Error E = checkNode(Id))
      return E;
    uint32_t D = 0;
    uint64_t S = 1;
    for (ExprId Arg : P.Exprs[I].Args) {
      D = std::max(D, Depth[Arg]);
      S = std::min(S + Size[Arg], MaxExprTreeSize + 1);
    }
    Depth[I] = D + 1;
    Size[I] = S;
    if (Depth[I] > MaxExprDepth)
      return fail(Id, "nests deeper than " + llvm::Twine(MaxExprDepth) + " levels");
    if (Size[I] > MaxExprTreeSize)
      return fail(Id, "has more than " + llvm::Twine(MaxExprTreeSize) +
                          " nodes counting shared operands at each use");
  }
  return llvm::Error::success();
}

llvm::Error ExprChecker::checkNode(ExprId Id) {
  const Expr &E = P.Exprs[Id];
  const OpInfo *Info = opInfo(E.O);
  if (!Info)
    return fail(Id, "unknown operator " + llvm::Twine(unsigned(E.O)));
  size_t N = E.Args.size();
  if (N < Info->MinArgs || N > Info->MaxArgs) {
    std::string Expected = std::to_string(Info->MinArgs);
    if (Info->MaxArgs == UINT32_MAX)
      Expected = "at least " + Expected;
    else if (Info->MaxArgs != Info->MinArgs)
      Expected += " or " + std::to_string(Info->MaxArgs);
    return fail(Id, "takes " + Expected + " operands, has " + llvm::Twine(N));
  }
  for (ExprId Arg : E.Args)
    if (Arg >= Id)
      return fail(Id, "operand " + llvm::Twine(Arg) +
                          " does not precede it (operands must come first, so that the "
                          "arena is acyclic)");
  if (!Info->HasPairs && !E.Pairs.empty())
    return fail(Id, "has field pairs, which only no_other_same, no_earlier_same and count_distinct use");
  if (Info->HasCmp && cmpName(E.C) == "invalid")
    return fail(Id, "unknown comparison " + llvm::Twine(unsigned(E.C)));

  switch (E.O) {
  case Op::Const:
    if (E.A >= P.Consts.size())
      return fail(Id, "constant " + llvm::Twine(E.A) + " is out of range (" +
                          llvm::Twine(P.Consts.size()) + " constants)");
    break;
  case Op::MemberField:
    if (E.A >= P.MemberFields.size())
      return fail(Id, "member field " + llvm::Twine(E.A) + " is out of range (" +
                          llvm::Twine(P.MemberFields.size()) + " member fields)");
    break;
  case Op::InSet:
    if (E.A >= P.Enums.size())
      return fail(Id, "enum " + llvm::Twine(E.A) + " is out of range");
    if (E.Mask & ~enumMask(P, E.A))
      return fail(Id, "mask has bits beyond the " + llvm::Twine(P.Enums[E.A].Values.size()) +
                          " values of enum '" + P.Enums[E.A].Name + "'");
    break;
  case Op::SetContains:
    if (E.A >= 64)
      return fail(Id, "position " + llvm::Twine(E.A) + " is beyond any enum");
    break;
  case Op::Holds:
  case Op::AwardedOn:
    if (!enumHas(P, P.DesignationEnum, E.A))
      return fail(Id, "symbol '" + symbolName(P, E.A) + "' is not a designation");
    break;
  case Op::AddMonths:
  case Op::AddDays: {
    int64_t Shift = static_cast<int32_t>(E.A);
    int64_t Limit = E.O == Op::AddMonths ? MaxShiftMonths : MaxShiftDays;
    if (Shift < -Limit || Shift > Limit)
      return fail(Id, "shifts by " + llvm::Twine(Shift) +
                          (E.O == Op::AddMonths ? " months" : " days") + ", more than the " +
                          llvm::Twine(Limit) + " a date can move");
    break;
  }
  case Op::CountActivities:
  case Op::CountDistinct:
  case Op::NoOtherSame:
  case Op::NoEarlierSame:
    if (E.A >= P.Kinds.size())
      return fail(Id, "kind " + llvm::Twine(E.A) + " is out of range (" +
                          llvm::Twine(P.Kinds.size()) + " kinds)");
    for (const auto &Pair : E.Pairs)
      if (Pair.second >= P.Kinds[E.A].Fields.size())
        return fail(Id, "field " + llvm::Twine(Pair.second) + " is not a field of kind '" +
                            kindName(P, E.A) + "'");
    break;
  default:
    break;
  }
  return llvm::Error::success();
}

// --- Types ----------------------------------------------------------------------

llvm::Expected<ExprType> ExprChecker::typeOf(ExprId Root, uint32_t Kind) {
  if (Root >= P.Exprs.size())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "expression " + llvm::Twine(Root) + " is out of range (" +
                                       llvm::Twine(P.Exprs.size()) + " expressions)");
  auto Key = std::make_pair(Root, Kind);
  auto It = Memo.find(Key);
  if (It != Memo.end())
    return It->second;
  llvm::Expected<ExprType> T = compute(Root, Kind);
  if (T)
    Memo.emplace(Key, *T);
  return T;
}

llvm::Error ExprChecker::expectOperand(ExprId Id, size_t Operand, uint32_t Kind,
                                       ExprType::Kind Wanted, ExprType *Out) {
  llvm::Expected<ExprType> T = typeOf(P.Exprs[Id].Args[Operand], Kind);
  if (!T)
    return T.takeError();
  if (T->K != Wanted)
    return fail(Id, "operand " + llvm::Twine(Operand) + " has type " + describeType(P, *T) +
                        ", expected " + kindWord(Wanted));
  if (Out)
    *Out = *T;
  return llvm::Error::success();
}

llvm::Expected<ExprType> ExprChecker::compute(ExprId Id, uint32_t Kind) {
  const Expr &E = P.Exprs[Id];
  switch (E.O) {
  case Op::Const:
    return constType(P.Consts[E.A]);
  case Op::ActivityField:
    if (Kind == None)
      return fail(Id, "reads an activity field where there is no current activity");
    if (E.A >= P.Kinds[Kind].Fields.size())
      return fail(Id, "field " + llvm::Twine(E.A) + " is not a field of kind '" +
                          kindName(P, Kind) + "'");
    return fieldType(P.Kinds[Kind].Fields[E.A]);
  case Op::MemberField:
    return fieldType(P.MemberFields[E.A]);
  case Op::AuditDate:
  case Op::PeriodStart:
  case Op::PeriodEnd:
    return ExprType{TK::Date};
  case Op::PeriodNumber:
    return ExprType{TK::Number};
  case Op::FirstDayOfMonth:
  case Op::LastDayOfMonth:
  case Op::MonthOf:
    if (llvm::Error Err = expectOperand(Id, 0, Kind, TK::Date))
      return Err;
    return ExprType{E.O == Op::MonthOf ? TK::Number : TK::Date};
  case Op::FirstLetter:
    if (llvm::Error Err = expectOperand(Id, 0, Kind, TK::Text))
      return Err;
    return ExprType{TK::Text};
  case Op::TextInRange:
    for (size_t I = 0; I < E.Args.size(); ++I)
      if (llvm::Error Err = expectOperand(Id, I, Kind, TK::Text))
        return Err;
    return ExprType{TK::Bool};
  case Op::Not:
  case Op::And:
  case Op::Or:
    for (size_t I = 0; I < E.Args.size(); ++I)
      if (llvm::Error Err = expectOperand(Id, I, Kind, TK::Bool))
        return Err;
    return ExprType{TK::Bool};
  case Op::Compare:
    return computeCompare(Id, Kind);
  case Op::InSet: {
    ExprType T;
    if (llvm::Error Err = expectOperand(Id, 0, Kind, TK::Symbol, &T))
      return Err;
    if (T.Enum != None && T.Enum != E.A)
      return fail(Id, "tests " + describeType(P, T) + " against a set of enum '" +
                          enumName(P, E.A) + "'");
    if (T.Enum == None && !enumHas(P, E.A, T.Symbol))
      return fail(Id, "symbol '" + symbolName(P, T.Symbol) + "' is not a value of enum '" +
                          enumName(P, E.A) + "'");
    return ExprType{TK::Bool};
  }
  case Op::SetContains:
  case Op::SetWithin: {
    ExprType T;
    if (llvm::Error Err = expectOperand(Id, 0, Kind, TK::Set, &T))
      return Err;
    if (T.Enum != None) {
      uint64_t Valid = enumMask(P, T.Enum);
      uint64_t Used = E.O == Op::SetContains ? uint64_t(1) << E.A : E.Mask;
      if (Used & ~Valid)
        return fail(Id, "uses positions beyond the values of enum '" + enumName(P, T.Enum) + "'");
    }
    return ExprType{TK::Bool};
  }
  case Op::IsGiven: {
    llvm::Expected<ExprType> T = typeOf(E.Args[0], Kind);
    if (!T)
      return T.takeError();
    return ExprType{TK::Bool};
  }
  case Op::SetSize:
    if (llvm::Error Err = expectOperand(Id, 0, Kind, TK::Set))
      return Err;
    return ExprType{TK::Number};
  case Op::YearsBetween:
  case Op::MonthsBetween:
    for (size_t I = 0; I < E.Args.size(); ++I)
      if (llvm::Error Err = expectOperand(Id, I, Kind, TK::Date))
        return Err;
    return ExprType{TK::Number};
  case Op::Holds:
    return ExprType{TK::Bool};
  case Op::AwardedOn:
    return ExprType{TK::Date};
  case Op::AddMonths:
  case Op::AddDays:
    if (llvm::Error Err = expectOperand(Id, 0, Kind, TK::Date))
      return Err;
    return ExprType{TK::Date};
  case Op::CountActivities:
  case Op::CountDistinct:
    // The filter reads the counted activity: it is the current one there.
    if (!E.Args.empty())
      if (llvm::Error Err = expectOperand(Id, 0, E.A, TK::Bool))
        return Err;
    if (E.O == Op::CountDistinct)
      if (llvm::Expected<ExprType> Same = computeSameFields(Id, E.A); !Same)
        return Same.takeError();
    return ExprType{TK::Number};
  case Op::LaterDate:
  case Op::EarlierDate:
    for (size_t I = 0; I < E.Args.size(); ++I)
      if (llvm::Error Err = expectOperand(Id, I, Kind, TK::Date))
        return Err;
    return ExprType{TK::Date};
  case Op::NoOtherSame:
  case Op::NoEarlierSame:
    return computeSameFields(Id, Kind);
  }
  return fail(Id, "unknown operator");
}

llvm::Expected<ExprType> ExprChecker::computeCompare(ExprId Id, uint32_t Kind) {
  const Expr &E = P.Exprs[Id];
  llvm::Expected<ExprType> L = typeOf(E.Args[0], Kind);
  if (!L)
    return L.takeError();
  llvm::Expected<ExprType> R = typeOf(E.Args[1], Kind);
  if (!R)
    return R.takeError();
  if (L->K != R->K)
    return fail(Id, "compares " + describeType(P, *L) + " with " + describeType(P, *R));
  switch (L->K) {
  case TK::Number:
  case TK::Date:
    return ExprType{TK::Bool};
  case TK::Bool:
  case TK::Symbol:
  case TK::Text:
    if (E.C != Cmp::Eq && E.C != Cmp::Ne)
      return fail(Id,
                  "orders " + llvm::Twine(kindWord(L->K)) + " values; only = and != apply to them");
    break;
  default:
    return fail(Id, "compares " + llvm::Twine(kindWord(L->K)) +
                        " values; only numbers, dates, symbols, bools and texts compare");
  }
  if (L->K == TK::Symbol) {
    // Enum fields compare only within their enum; a symbol constant must be
    // one of the enum's values.
    if (L->Enum != None && R->Enum != None && L->Enum != R->Enum)
      return fail(Id, "compares " + describeType(P, *L) + " with " + describeType(P, *R));
    const ExprType &Known = L->Enum != None ? *L : *R;
    const ExprType &Constant = L->Enum != None ? *R : *L;
    if (Known.Enum != None && Constant.Enum == None && !enumHas(P, Known.Enum, Constant.Symbol))
      return fail(Id, "symbol '" + symbolName(P, Constant.Symbol) + "' is not a value of enum '" +
                          enumName(P, Known.Enum) + "'");
  }
  return ExprType{TK::Bool};
}

llvm::Expected<ExprType> ExprChecker::computeSameFields(ExprId Id, uint32_t Kind) {
  const Expr &E = P.Exprs[Id];
  if (Kind == None)
    return fail(Id, "compares with the current activity where there is none");
  const ActivityKind &Current = P.Kinds[Kind];
  const ActivityKind &Other = P.Kinds[E.A];
  for (const auto &[Mine, Theirs] : E.Pairs) {
    if (Mine >= Current.Fields.size())
      return fail(Id, "field " + llvm::Twine(Mine) + " is not a field of kind '" +
                          kindName(P, Kind) + "'");
    const Field &A = Current.Fields[Mine];
    const Field &B = Other.Fields[Theirs];
    if (A.Type != B.Type || A.Enum != B.Enum || A.Unit != B.Unit)
      return fail(Id, "pairs field '" + A.Name + "' (" + valueTypeName(A.Type) + ") with field '" +
                          B.Name + "' (" + valueTypeName(B.Type) + ") of a different type");
  }
  return ExprType{TK::Bool};
}

} // namespace certc::ir
