// Tests on one value: `in {..}`, `contains`, `within {..}` (values of its
// enumeration), `in A to B` (a non-empty range of a number) and `is given`.
#include "check/Checker.h"

namespace certc {

using namespace sema;
using K = ast::Expr::Kind;

Type Checker::handleEnumTest(const ast::Expr &E, Context C) {
  Type T = checkExpr(*E.Kids[0], C);
  if (T.isError())
    return T;
  Type::Kind Want = E.K == K::InSet ? Type::Kind::Symbol : Type::Kind::Set;
  if (T.K != Want) {
    Diags.report(diag::EnumOperandType, E.Kids[0]->Range,
                 E.K == K::InSet ? "in" : (E.K == K::Contains ? "contains" : "within"),
                 Want == Type::Kind::Symbol ? "a value of an enumeration" : "a set", S.typeName(T));
    return Type::error();
  }
  bool Ok = true;
  for (const ast::Name &N : E.Names)
    Ok &= !lookupEnumValue(T.Enum, N).isNone();
  return Ok ? Type::boolean() : Type::error();
}

Type Checker::handleInRange(const ast::Expr &E, Context C) {
  Type T = operandOfKind(*E.Kids[0], C, Type::Kind::Number, diag::RangeOfNonNumber);
  if (T.isError())
    return T;
  if (E.RangeHigh < E.Amount) {
    Diags.report(diag::EmptyRange, E.Range, E.Amount.str(), E.RangeHigh.str());
    return Type::error();
  }
  return Type::boolean();
}

Type Checker::handleIsGiven(const ast::Expr &E, Context C) {
  const ast::Expr &Kid = *E.Kids[0];
  if (Kid.K != K::Name && Kid.K != K::MemberField) {
    Diags.report(diag::GivenOfNonField, Kid.Range);
    return Type::error();
  }
  return checkExpr(Kid, C).isError() ? Type::error() : Type::boolean();
}

} // namespace certc
