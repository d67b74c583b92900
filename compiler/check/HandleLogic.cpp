// `not`, `and`, `or` over conditions, and comparisons: both sides of one
// type (a bare name opposite an enumeration is one of its values), ordered
// types for `<`, and measured values in compatible units.
#include "check/Checker.h"

namespace certc {

using namespace sema;
using K = ast::Expr::Kind;

namespace {
bool isOrdered(const Type &T) { return T.K == Type::Kind::Number || T.K == Type::Kind::Date; }
} // namespace

Type Checker::handleConnective(const ast::Expr &E, Context C) {
  bool Ok = true;
  for (const ast::ExprPtr &Kid : E.Kids)
    Ok &= checkCondition(*Kid, C);
  return Ok ? Type::boolean() : Type::error();
}

Type Checker::handleCompare(const ast::Expr &E, Context C) {
  const ast::Expr &L = *E.Kids[0], &R = *E.Kids[1];
  Type LT, RT;
  if (L.K == K::Name && R.K != K::Name) {
    RT = checkExpr(R, C);
    auto V = asEnumValue(L, RT, C);
    LT = V ? *V : checkExpr(L, C);
  } else {
    LT = checkExpr(L, C);
    auto V = asEnumValue(R, LT, C);
    RT = V ? *V : checkExpr(R, C);
  }
  if (LT.isError() || RT.isError())
    return Type::error();
  bool Equality = E.Op == ast::CompareOp::Eq || E.Op == ast::CompareOp::Ne;
  if (LT.K != RT.K || ((LT.K == Type::Kind::Symbol) && LT.Enum != RT.Enum)) {
    Diags.report(diag::CompareDifferentTypes, E.Range, S.typeName(LT), S.typeName(RT));
    return Type::error();
  }
  if (LT.K == Type::Kind::Set || LT.K == Type::Kind::Awards) {
    Diags.report(diag::CompareUncomparable, E.Range, S.typeName(LT));
    return Type::error();
  }
  if (!Equality && !isOrdered(LT)) {
    Diags.report(diag::CompareUnordered, E.Range, S.typeName(LT));
    return Type::error();
  }
  // Literals are converted when lowered; two measured values must share a unit.
  if (LT.K == Type::Kind::Number && !LT.Unit.isNone() && !RT.Unit.isNone() && LT.Unit != RT.Unit &&
      L.K != K::Number && R.K != K::Number) {
    Diags.report(diag::CompareUnitsWithoutLiteral, E.Range, S.unitName(LT.Unit), S.unitName(RT.Unit));
    return Type::error();
  }
  if (LT.K == Type::Kind::Number && !LT.Unit.isNone() && !RT.Unit.isNone() &&
      !S.conversion(RT.Unit, LT.Unit)) {
    Diags.report(diag::CompareIncompatibleUnits, E.Range, S.unitName(LT.Unit), S.unitName(RT.Unit));
    return Type::error();
  }
  return Type::boolean();
}

} // namespace certc
