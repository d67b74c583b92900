// Operands: field reads (an activity's in rules, the member's in
// prerequisites and after `member.`) and numbers with an optional unit.
#include "check/Checker.h"

namespace certc {

using namespace sema;
Type Checker::handleFieldName(const ast::Expr &E, Context C) { return fieldType(E.Names[0], C, false); }

Type Checker::handleMemberField(const ast::Expr &E, Context C) { return fieldType(E.Names[0], C, true); }

Type Checker::handleNumber(const ast::Expr &E) {
  UnitId Unit;
  if (E.Unit && (Unit = lookupUnit(*E.Unit)).isNone())
    return Type::error();
  return Type::number(Unit, E.Amount.isInteger());
}

} // namespace certc
