// Type and unit checking of expressions: checkExpr dispatches each kind to its
// handler (Handle*.cpp) and records the type in Sema. Bare names read the
// current activity's fields in rules, the member's fields in prerequisites.
#include "check/Checker.h"

namespace certc {

using namespace sema;
using K = ast::Expr::Kind;

bool Checker::checkCondition(const ast::Expr &E, Context C) {
  Type T = checkExpr(E, C);
  if (T.isError())
    return false;
  if (T.K != Type::Kind::Bool) {
    Diags.report(diag::ConditionNotBool, E.Range, S.typeName(T));
    return false;
  }
  return true;
}

Type Checker::checkExpr(const ast::Expr &E, Context C) {
  Type T = [&] {
    switch (E.K) {
    case K::Name: return handleFieldName(E, C);
    case K::MemberField: return handleMemberField(E, C);
    case K::Number: return handleNumber(E);
    case K::DateLit: return Type::date();
    case K::Bool: return Type::boolean();
    case K::Text: return Type::text();
    case K::AuditDate: return Type::date();
    case K::PeriodBound:
    case K::PeriodNumber: return handlePeriodBound(E);
    case K::MonthEdge:
    case K::MonthOf: return handleMonthOperand(E, C);
    case K::Not:
    case K::And:
    case K::Or: return handleConnective(E, C);
    case K::Compare: return handleCompare(E, C);
    case K::InSet:
    case K::Contains:
    case K::Within: return handleEnumTest(E, C);
    case K::InRange: return handleInRange(E, C);
    case K::IsGiven: return handleIsGiven(E, C);
    case K::InWindow: return handleInWindow(E, C);
    case K::Holds: return handleDesignation(E, Type::boolean());
    case K::AwardedOn: return handleDesignation(E, Type::date());
    case K::NoSame: return handleNoSame(E, C);
    case K::CountOf: return handleCountOf(E, C);
    case K::NumberOf: return handleNumberOf(E);
    case K::YearsSince: return handleYearsSince(E, C);
    case K::Shift: return handleShift(E, C);
    case K::FirstLetter: return handleFirstLetter(E, C);
    case K::InTextRange: return handleInTextRange(E, C);
    }
    llvm_unreachable("every kind of expression has a handler");
  }();
  S.ExprTypes[{&E, C.Kind.Index}] = T;
  return T;
}

Type Checker::fieldType(const ast::Name &N, Context C, bool Member) {
  if (Member || C.Kind.isNone()) {
    auto It = S.MemberFieldIndex.find(N.Text);
    if (It != S.MemberFieldIndex.end()) {
      S.FieldOf[{&N, None}] = It->second;
      return S.MemberFields[It->second.Index].Ty;
    }
    std::vector<llvm::StringRef> Names;
    for (const FieldInfo &F : S.MemberFields)
      Names.push_back(F.Name);
    reportUnknown("member field", N, Names);
    return Type::error();
  }
  const KindInfo &Kind = S.Kinds[C.Kind.Index];
  auto It = Kind.FieldIndex.find(N.Text);
  if (It != Kind.FieldIndex.end()) {
    S.FieldOf[{&N, C.Kind.Index}] = It->second;
    return Kind.Fields[It->second.Index].Ty;
  }
  reportUnknownField(Kind, N);
  if (S.MemberFieldIndex.count(N.Text))
    Diags.note(N.Range, fmt::format("the member has a field `{0}`: write `member.{0}`", N.Text));
  return Type::error();
}

std::optional<Type> Checker::asEnumValue(const ast::Expr &Operand, const Type &Other, Context C) {
  if (Operand.K != K::Name || Other.K != Type::Kind::Symbol)
    return std::nullopt;
  const EnumInfo &En = S.Enums[Other.Enum.Index];
  auto It = En.Positions.find(Operand.Names[0].Text);
  if (It == En.Positions.end())
    return std::nullopt;
  S.EnumLiterals[&Operand] = It->second;
  S.ExprTypes[{&Operand, C.Kind.Index}] = Other;
  return Other;
}

} // namespace certc
