// The checker's result: every declaration of a policy resolved into tables, and
// the type of every expression. The lowering reads only this (and the AST it
// points into); it never resolves a name itself.
#ifndef CERTC_CHECK_SEMA_H
#define CERTC_CHECK_SEMA_H

#include "ast/AST.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace certc::sema {

inline constexpr uint32_t None = UINT32_MAX;
/// RuleInfo::RateField for a rate read from a period's length in whole years.
inline constexpr uint32_t PeriodYears = None - 1;

/// The type of a field or an expression. Numbers carry a unit (None: a plain number).
struct Type {
  enum class Kind : uint8_t { Error, Bool, Number, Date, Text, Symbol, Set, Awards };
  Kind K = Kind::Error;
  uint32_t Enum = None;  ///< Symbol and Set
  uint32_t Unit = None;  ///< Number
  bool Integer = false;  ///< Number: whole numbers only

  static Type error() { return {}; }
  static Type boolean() { return {Kind::Bool}; }
  static Type date() { return {Kind::Date}; }
  static Type text() { return {Kind::Text}; }
  static Type number(uint32_t Unit, bool Integer = false) { return {Kind::Number, None, Unit, Integer}; }
  static Type symbol(uint32_t Enum) { return {Kind::Symbol, Enum}; }
  static Type set(uint32_t Enum) { return {Kind::Set, Enum}; }
  static Type awards() { return {Kind::Awards}; }
  bool isError() const { return K == Kind::Error; }
};

struct UnitInfo {
  const ast::UnitDecl *Decl = nullptr;
  uint32_t Base = None;   ///< None when this is a base unit
  Rational PerBase = 1;   ///< 1 of this unit = PerBase base units
  uint32_t root(uint32_t Self) const { return Base == None ? Self : Base; }
};

struct EnumInfo {
  std::string Name;
  std::vector<std::string> Values;
  llvm::StringMap<uint32_t> Positions;
  ast::SMRange Range;
};

struct FieldInfo {
  const ast::FieldDecl *Decl = nullptr; ///< null for implicit start/end of periods
  std::string Name;
  Type Ty;
  bool Required = false;
  ast::SMRange Range;
};

struct KindInfo {
  const ast::ActivityDecl *Decl = nullptr;
  std::vector<FieldInfo> Fields; ///< start/end (periods), own fields, then common fields
  llvm::StringMap<uint32_t> FieldIndex;
};

/// A rule after flattening its groups: the group filters, conditions and caps
/// that apply to it, outermost first.
struct RuleInfo {
  const ast::Rule *Decl = nullptr;
  uint32_t Kind = None;
  std::vector<const ast::Expr *> Filters;
  std::vector<std::pair<const ast::Condition *, const ast::EveryItem *>> Conditions;
  std::vector<uint32_t> Targets;
  uint32_t Cap = None;          ///< innermost cap (rule cap, else enclosing group cap)
  /// Rate earnings: the activity field read and the factor to the rate's unit.
  std::vector<uint32_t> RateField;
  std::vector<Rational> RateFactor;
};

struct CapInfo {
  std::string Name;
  Rational Limit;
  uint32_t Parent = None;
  uint32_t Category = None;
  const std::vector<ast::Citation> *Cites = nullptr;
  ast::SMRange Range;
};

/// Expression context: which activity kind bare names read (None: the member's).
struct Context {
  uint32_t Kind = None;
};

struct Sema {
  std::vector<const ast::File *> Files;
  const ast::PolicyHeader *Header = nullptr;

  llvm::StringMap<const ast::SourceDecl *> Sources;
  std::vector<UnitInfo> Units;
  llvm::StringMap<uint32_t> UnitByName;  ///< singular and plural
  uint32_t PointUnit = None;
  uint32_t YearUnit = None;
  uint32_t MonthUnit = None;
  uint32_t DayUnit = None;

  std::vector<EnumInfo> Enums;
  llvm::StringMap<uint32_t> EnumByName;
  uint32_t DesignationEnum = None;
  std::vector<const ast::DesignationDecl *> Designations;

  std::vector<FieldInfo> MemberFields;
  llvm::StringMap<uint32_t> MemberFieldIndex;
  std::vector<KindInfo> Kinds;
  llvm::StringMap<uint32_t> KindByName;

  std::vector<const ast::Name *> Categories;
  llvm::StringMap<uint32_t> CategoryByName;
  std::vector<const ast::Requirement *> Requirements;
  std::vector<const ast::Spill *> Spills;
  std::vector<const ast::Prerequisite *> Prerequisites;
  std::vector<const ast::EveryItem *> PolicyConditions;
  std::vector<CapInfo> Caps;
  std::vector<RuleInfo> Rules;

  /// Types of checked expressions, per context kind (group filters and
  /// conditions are checked once per rule kind they apply to).
  llvm::DenseMap<std::pair<const ast::Expr *, uint32_t>, Type> ExprTypes;
  /// Bare names that the checker read as enumeration values (`level = cmc`),
  /// with the value's position in its enumeration.
  llvm::DenseMap<const ast::Expr *, uint32_t> EnumLiterals;

  Type typeOf(const ast::Expr *E, Context C) const {
    auto It = ExprTypes.find({E, C.Kind});
    return It == ExprTypes.end() ? Type::error() : It->second;
  }
  /// Units are compatible when they share a base; the factor converts From to To.
  std::optional<Rational> conversion(uint32_t From, uint32_t To) const;
  std::string unitName(uint32_t Unit, bool Plural = true) const;
  std::string typeName(const Type &T) const;
};

} // namespace certc::sema

#endif
