// Sema's small queries: unit conversion and names for messages.
#include "check/Sema.h"

namespace certc::sema {

std::optional<Rational> Sema::conversion(uint32_t From, uint32_t To) const {
  if (From == To)
    return Rational(1);
  if (From == None || To == None)
    return std::nullopt;
  const UnitInfo &F = Units[From], &T = Units[To];
  if (F.root(From) != T.root(To))
    return std::nullopt;
  return F.PerBase.div(T.PerBase);
}

std::string Sema::unitName(uint32_t Unit, bool Plural) const {
  if (Unit == None)
    return "plain number";
  return Plural ? Units[Unit].Decl->Plural.Text : Units[Unit].Decl->Singular.Text;
}

std::string Sema::typeName(const Type &T) const {
  switch (T.K) {
  case Type::Kind::Error: return "<error>";
  case Type::Kind::Bool: return "bool";
  case Type::Kind::Number: return T.Unit == None ? (T.Integer ? "integer" : "number") : unitName(T.Unit);
  case Type::Kind::Date: return "date";
  case Type::Kind::Text: return "text";
  case Type::Kind::Symbol: return Enums[T.Enum].Name;
  case Type::Kind::Set: return "set of " + Enums[T.Enum].Name;
  case Type::Kind::Awards: return "list of awards";
  }
  return "<error>";
}

} // namespace certc::sema
