// Sema's small queries: unit conversion and names for messages.
#include "check/Sema.h"

namespace certc::sema {

std::optional<Rational> Sema::conversion(UnitId From, UnitId To) const {
  if (From == To)
    return Rational(1);
  if (From.isNone() || To.isNone())
    return std::nullopt;
  const UnitInfo &F = Units[From.Index], &T = Units[To.Index];
  if (F.root(From) != T.root(To))
    return std::nullopt;
  return F.PerBase.div(T.PerBase);
}

std::string Sema::unitName(UnitId Unit, bool Plural) const {
  if (Unit.isNone())
    return "plain number";
  const ast::UnitDecl &D = *Units[Unit.Index].Decl;
  return Plural ? D.Plural.Text : D.Singular.Text;
}

std::string Sema::typeName(const Type &T) const {
  switch (T.K) {
  case Type::Kind::Error: return "<error>";
  case Type::Kind::Bool: return "bool";
  case Type::Kind::Number: return T.Unit.isNone() ? (T.Integer ? "whole number" : "number") : unitName(T.Unit);
  case Type::Kind::Date: return "date";
  case Type::Kind::Text: return "text";
  case Type::Kind::Symbol: return Enums[T.Enum.Index].Name;
  case Type::Kind::Set: return "set of " + Enums[T.Enum.Index].Name;
  case Type::Kind::Awards: return "list of awards";
  }
  return "<error>";
}

} // namespace certc::sema
