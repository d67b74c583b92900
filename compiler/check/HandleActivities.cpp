// Expressions about other activities and sets: `no other/earlier K with same
// F...` (rules only), `count of` a set field, `number of [distinct] K where
// ... [by F, G]`.
#include "check/Checker.h"

namespace certc {

using namespace sema;
Type Checker::handleNoSame(const ast::Expr &E, Context C) {
  if (C.Kind.isNone()) {
    Diags.report(diag::ActivityComparisonOutsideRule, E.Range);
    return Type::error();
  }
  KindId Other = lookupKind(E.Names[0]);
  if (Other.isNone())
    return Type::error();
  bool Ok = true;
  for (size_t I = 1; I < E.Names.size(); ++I) {
    Type Here = fieldType(E.Names[I], C, false);
    const KindInfo &OK = S.Kinds[Other.Index];
    auto It = OK.FieldIndex.find(E.Names[I].Text);
    if (It == OK.FieldIndex.end()) {
      reportUnknownField(OK, E.Names[I]);
      Ok = false;
      continue;
    }
    S.FieldOf[{&E.Names[I], Other.Index}] = It->second;
    if (!Here.isError() && OK.Fields[It->second.Index].Ty.K != Here.K) {
      Diags.report(diag::SameFieldTypeDiffers, E.Names[I].Range, E.Names[I].Text, S.typeName(Here),
                   S.typeName(OK.Fields[It->second.Index].Ty), OK.Decl->Kind.Text);
      Ok = false;
    }
    Ok &= !Here.isError();
  }
  return Ok ? Type::boolean() : Type::error();
}

Type Checker::handleCountOf(const ast::Expr &E, Context C) {
  Type T = fieldType(E.Names[0], C, false);
  if (T.isError())
    return T;
  if (T.K != Type::Kind::Set) {
    Diags.report(diag::CountOfNonSet, E.Names[0].Range, S.typeName(T));
    return Type::error();
  }
  return Type::number(UnitId::none(), true);
}

Type Checker::handleNumberOf(const ast::Expr &E) {
  KindId Kind = lookupKind(E.Names[0]);
  if (Kind.isNone())
    return Type::error();
  bool Ok = E.Kids.empty() || checkCondition(*E.Kids[0], Context{Kind});
  // `distinct ... by F, G`: fields of the counted kind.
  for (size_t I = 1; I < E.Names.size(); ++I)
    Ok &= !fieldType(E.Names[I], Context{Kind}, false).isError();
  return Ok ? Type::number(UnitId::none(), true) : Type::error();
}

} // namespace certc
