// The checker's result: every declaration of a policy resolved into tables,
// every name written in it resolved to a typed id, and the type of every
// expression. The lowering reads only this (and the AST it points into); it
// never resolves a name itself.
#ifndef CERTC_CHECK_SEMA_H
#define CERTC_CHECK_SEMA_H

#include "ast/AST.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace certc::sema {

inline constexpr uint32_t None = UINT32_MAX;

/// A strong index into one of Sema's tables (and into the IR table lowered
/// from it), so that a kind cannot index the categories and "not resolved" is
/// never a silent 0. The default value is none().
template <typename Tag> struct Id {
  uint32_t Index = None;
  constexpr Id() = default;
  constexpr explicit Id(uint32_t Index) : Index(Index) {}
  static constexpr Id none() { return Id(); }
  bool isNone() const { return Index == None; }
  friend bool operator==(Id A, Id B) { return A.Index == B.Index; }
  friend bool operator!=(Id A, Id B) { return A.Index != B.Index; }
};
using CategoryId = Id<struct CategoryTag>;
using KindId = Id<struct KindTag>;       ///< none(): the member, in expression contexts
using UnitId = Id<struct UnitTag>;
using FieldId = Id<struct FieldTag>;     ///< a member field, or a field of one kind
using EnumId = Id<struct EnumTag>;
using SourceId = Id<struct SourceTag>;
using CapId = Id<struct CapTag>;
/// A value's position in its enumeration (the bit of a set mask).
using EnumValueId = Id<struct EnumValueTag>;

/// The type of a field or an expression. Numbers carry a unit (none(): a plain number).
struct Type {
  enum class Kind : uint8_t { Error, Bool, Number, Date, Text, Symbol, Set, Awards };
  Kind K = Kind::Error;
  EnumId Enum;           ///< Symbol and Set
  UnitId Unit;           ///< Number; none(): a plain number
  bool Integer = false;  ///< Number: whole numbers only

  static Type error() { return {}; }
  static Type boolean() { return {Kind::Bool, {}, {}}; }
  static Type date() { return {Kind::Date, {}, {}}; }
  static Type text() { return {Kind::Text, {}, {}}; }
  static Type number(UnitId Unit, bool Integer = false) { return {Kind::Number, {}, Unit, Integer}; }
  static Type symbol(EnumId Enum) { return {Kind::Symbol, Enum, {}}; }
  static Type set(EnumId Enum) { return {Kind::Set, Enum, {}}; }
  static Type awards() { return {Kind::Awards, {}, {}}; }
  bool isError() const { return K == Kind::Error; }
};

struct UnitInfo {
  const ast::UnitDecl *Decl = nullptr;
  UnitId Base;            ///< none() when this is a base unit
  Rational PerBase = 1;   ///< 1 of this unit = PerBase base units
  UnitId root(UnitId Self) const { return Base.isNone() ? Self : Base; }
};

struct EnumInfo {
  std::string Name;
  std::vector<std::string> Values;
  llvm::StringMap<EnumValueId> Positions;
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
  llvm::StringMap<FieldId> FieldIndex;
  FieldId Start, End;             ///< periods only
};

/// How an earning of a rule reads its amount (parallel to the rule's earnings).
struct EarningInfo {
  FieldId Field;                  ///< points as awarded, or the rate's quantity
  bool PeriodYears = false;       ///< rate: the period's length in whole years
  bool InMonths = false;          ///< PeriodYears: in whole months instead (pro rata by month)
  Rational Factor = 1;            ///< rate: the quantity's unit to the rate's unit
};

/// One part of a split earning, resolved.
struct SplitPartInfo {
  const ast::SplitPart *Decl = nullptr;
  FieldId Field;
  std::vector<CategoryId> Targets;
};

/// A rule after flattening its groups: the group filters, conditions and caps
/// that apply to it, outermost first.
struct RuleInfo {
  const ast::Rule *Decl = nullptr;
  KindId Kind;
  std::vector<const ast::Expr *> Filters;
  std::vector<std::pair<const ast::Condition *, const ast::EveryItem *>> Conditions;
  /// `counts only from`: the rule's own and its groups'; the latest date wins.
  std::vector<const ast::CountedPart *> Parts;
  std::vector<CategoryId> Targets; ///< a split rule: its parts' categories, each once
  std::vector<SplitPartInfo> Split; ///< non-empty: each item is credited in parts
  CapId Cap;                    ///< innermost cap (rule cap, else enclosing group cap)
  std::vector<EarningInfo> Earnings;
};

/// A compliance period with its lengths in whole months.
struct PeriodInfo {
  const ast::CompliancePeriod *Decl = nullptr;
  uint32_t LengthMonths = 0;
  uint32_t GraceMonths = 0;
};

struct RequirementInfo {
  const ast::Requirement *Decl = nullptr;
  std::vector<CategoryId> Categories;
};

/// `carry over: excess FROM up to Q into TO`, resolved.
struct CarryOverInfo {
  const ast::CarryOver *Decl = nullptr;
  uint32_t Requirement = 0; ///< index into Sema::Requirements
  CategoryId Into;
  uint32_t LastMonths = 0;  ///< 0: the whole period
};

struct SpillInfo {
  const ast::Spill *Decl = nullptr;
  CategoryId From, To;
};

struct CapInfo {
  std::string Name;
  Rational Limit;
  CapId Parent;
  CategoryId Category;
  const std::vector<ast::Citation> *Cites = nullptr;
  ast::SMRange Range;
};

/// `category Bias = Implicit Bias + Other Bias`: the categories it sums, expanded
/// through nested aggregates, in declaration order of the members.
struct AggregateInfo {
  const ast::CategoryDecl *Decl = nullptr;
  std::vector<CategoryId> Leaves;
  bool Resolved = false;
};
/// A limit on the points of some items of some categories: a `limit`
/// declaration, or the cap of an aggregate (`category Total = A + B at most 30`).
struct LimitInfo {
  std::string Name;
  const ast::LimitDecl *Decl = nullptr;      ///< null for an aggregate's cap
  const ast::CategoryDecl *Aggregate = nullptr;
  std::vector<CategoryId> Categories;
  const ast::Expr *Where = nullptr;
  /// Indices into Sema::Rules of the rules that credit one of Categories.
  std::vector<uint32_t> Rules;
};
/// Expression context: which activity kind bare names read (none(): the member's).
struct Context {
  KindId Kind;
};

struct Sema {
  std::vector<const ast::File *> Files;
  const ast::PolicyHeader *Header = nullptr;

  std::vector<const ast::SourceDecl *> Sources;
  llvm::StringMap<SourceId> SourceByName;
  std::vector<UnitInfo> Units;
  llvm::StringMap<UnitId> UnitByName;  ///< singular and plural
  /// The unit every amount is counted in: the first requirement's, else `point`.
  UnitId CountingUnit;
  UnitId YearUnit, MonthUnit, DayUnit;

  std::vector<EnumInfo> Enums;
  llvm::StringMap<EnumId> EnumByName;
  EnumId DesignationEnum;
  std::vector<const ast::DesignationDecl *> Designations;

  std::vector<FieldInfo> MemberFields;
  llvm::StringMap<FieldId> MemberFieldIndex;
  std::vector<KindInfo> Kinds;
  llvm::StringMap<KindId> KindByName;

  std::vector<const ast::Name *> Categories;
  llvm::StringMap<CategoryId> CategoryByName;
  std::vector<RequirementInfo> Requirements;
  std::vector<SpillInfo> Spills;
  std::vector<const ast::Prerequisite *> Prerequisites;
  std::vector<PeriodInfo> Periods;
  std::vector<CarryOverInfo> CarryOvers;
  std::vector<const ast::EveryItem *> PolicyConditions;
  std::vector<CapInfo> Caps;
  std::vector<RuleInfo> Rules;
  std::vector<AggregateInfo> Aggregates;
  llvm::StringMap<uint32_t> AggregateByName;
  /// Per category: its cap (`category X at most N points`), or none().
  std::vector<CapId> CategoryCaps;
  std::vector<LimitInfo> Limits;

  /// Types of checked expressions, per context kind (group filters and
  /// conditions are checked once per rule kind they apply to).
  llvm::DenseMap<std::pair<const ast::Expr *, uint32_t>, Type> ExprTypes;
  /// Bare names that the checker read as enumeration values (`level = cmc`),
  /// with the value's position in its enumeration.
  llvm::DenseMap<const ast::Expr *, EnumValueId> EnumLiterals;

  /// Every name the checker resolved, by where it was written. Fields are
  /// recorded per context kind: a group filter is checked once per rule kind.
  llvm::DenseMap<const ast::Name *, CategoryId> CategoryOf;
  llvm::DenseMap<const ast::Name *, KindId> KindOf;
  llvm::DenseMap<const ast::Name *, UnitId> UnitOf;
  llvm::DenseMap<const ast::Name *, SourceId> SourceOf;
  /// Keyed by enumeration too: a group filter's `level in {a, b}` may read
  /// fields of different enumerations in the kinds of its rules.
  llvm::DenseMap<std::pair<const ast::Name *, uint32_t>, EnumValueId> EnumValueOf;
  llvm::DenseMap<std::pair<const ast::Name *, uint32_t>, FieldId> FieldOf;

  Type typeOf(const ast::Expr *E, Context C) const {
    auto It = ExprTypes.find({E, C.Kind.Index});
    return It == ExprTypes.end() ? Type::error() : It->second;
  }
  // What the checker recorded for a name; lowering asks only for names the
  // checker resolved without error, so a miss is a checker bug.
  CategoryId categoryOf(const ast::Name &N) const { return recorded(CategoryOf, &N); }
  KindId kindOf(const ast::Name &N) const { return recorded(KindOf, &N); }
  UnitId unitOf(const ast::Name &N) const { return recorded(UnitOf, &N); }
  SourceId sourceOf(const ast::Name &N) const { return recorded(SourceOf, &N); }
  EnumValueId enumValueOf(const ast::Name &N, EnumId Enum) const {
    return recorded(EnumValueOf, std::make_pair(&N, Enum.Index));
  }
  /// A field read in context Kind (none(): a member field).
  FieldId fieldOf(const ast::Name &N, KindId Kind) const { return recorded(FieldOf, std::make_pair(&N, Kind.Index)); }

  /// Units are compatible when they share a base; the factor converts From to To.
  std::optional<Rational> conversion(UnitId From, UnitId To) const;
  std::string unitName(UnitId Unit, bool Plural = true) const;
  std::string typeName(const Type &T) const;

private:
  template <typename Map, typename Key>
  static typename Map::mapped_type recorded(const Map &M, const Key &K) {
    auto It = M.find(K);
    assert(It != M.end() && "lowering asked for a name the checker did not resolve");
    return It == M.end() ? typename Map::mapped_type() : It->second;
  }
};

} // namespace certc::sema

#endif
