// certc's AST: what the parser builds from one .cert file. Plain data with source
// ranges; the checker annotates expressions with their resolved meaning.
#ifndef CERTC_AST_AST_H
#define CERTC_AST_AST_H

#include "base/Date.h"
#include "base/Rational.h"

#include "llvm/Support/SMLoc.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace certc::ast {

using llvm::SMRange;

/// A name as written, with where it was written.
struct Name {
  std::string Text;
  SMRange Range;
};

/// A quoted text as written (quotes removed), with where it was written.
struct Text {
  std::string Value;
  SMRange Range;
};

struct Quantity {
  Rational Amount;
  Name Unit;
  SMRange Range;
};

/// [From, Until): Until is the day after a `through` date.
struct Window {
  std::optional<Date> From;
  std::optional<Date> Until;
  SMRange Range;
};

struct Citation {
  Name Source;
  std::string Section;
  std::string Quote;
  SMRange Range;
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  enum class Kind {
    Name,          ///< a field of the current activity (or of the member in prerequisites)
    MemberField,   ///< member.NAME
    Number,        ///< Amount, optionally with Unit
    DateLit,
    Bool,
    Text,
    Not,
    And,
    Or,
    Compare,       ///< Kids[0] Op Kids[1]
    InSet,         ///< Kids[0] in {Names}
    InRange,       ///< Kids[0] in Amount to RangeHigh
    Contains,      ///< Kids[0] contains Names[0]
    Within,        ///< Kids[0] within {Names}
    IsGiven,       ///< Kids[0] is given (NotGiven: is not given)
    InWindow,      ///< Kids[0] from Kids[1] [through/before (EndExclusive) Kids[2]]
    Holds,         ///< holds Names[0]
    NoSame,        ///< no other/earlier Names[0] with same Names[1..]
    CountOf,       ///< count of Names[0] (set size)
    NumberOf,      ///< number of [distinct] (Names[0] where Kids[0]) [by Names[1..]]
    YearsSince,    ///< years since Kids[0]
    AwardedOn,     ///< awarded Names[0]
    AuditDate,
    PeriodBound,   ///< period start, or period end (PeriodEnd)
    PeriodNumber,  ///< period number
    MonthEdge,     ///< first day of month of Kids[0] (LastDay: last day of)
    MonthOf,       ///< month of Kids[0], 1 to 12
    Shift,         ///< Kids[0] +/- Quantity (Minus: -)
    FirstLetter,   ///< first letter of Kids[0] (a text)
    InTextRange,   ///< Kids[0] in "Text" to "HighText", ignoring case
  };
  Kind K;
  SMRange Range;
  CompareOp Op = CompareOp::Eq;
  // One named flag per meaning, not one flag read differently by each kind.
  bool NotGiven = false;     ///< IsGiven: "is not given"
  bool Minus = false;        ///< Shift: "- N units"
  bool EndExclusive = false; ///< InWindow: "before" the end date rather than "through" it
  bool Earlier = false;      ///< NoSame: "no earlier"
  bool PeriodEnd = false;    ///< PeriodBound: "period end" rather than "period start"
  bool Distinct = false;     ///< NumberOf: items equal in the fields Names[1..] count once
  bool LastDay = false;      ///< MonthEdge: "last day of" rather than "first day of"
  Rational Amount;
  Rational RangeHigh;        ///< InRange: the upper bound (Amount is the lower)
  std::optional<Name> Unit; ///< Number and Shift
  Date DateValue;
  bool BoolValue = false;
  std::string Text;
  std::string HighText;      ///< InTextRange: the upper bound (Text is the lower)
  std::vector<Name> Names;
  std::vector<ExprPtr> Kids;

  Expr(Kind K, SMRange R) : K(K), Range(R) {}
};

struct TypeRef {
  Name Base;                  ///< text, bool, integer, date, a unit, an enum, or designation
  bool IsSet = false;         ///< set of Base
  bool IsList = false;        ///< list of Base (awards)
  std::optional<Rational> Min, Max;
  SMRange Range;
};

struct Literal {
  enum class Kind { Bool, Number, DateLit, Text, Symbol, Set };
  Kind K = Kind::Bool;
  bool BoolValue = false;
  Rational Number;
  Date DateValue;
  std::string Text;
  std::vector<Name> Symbols;
  SMRange Range;
};

struct FieldDecl {
  Name FieldName;
  TypeRef Type;
  bool Required = false;
  std::optional<Literal> Default;
  SMRange Range;
};

struct UnitDecl {
  Name Singular, Plural;
  std::optional<Quantity> Definition; ///< "= 50 minutes"
  SMRange Range;
};

struct EnumDecl {
  Name EnumName;
  std::vector<Name> Values;
  SMRange Range;
};

struct DesignationDecl {
  Name Code;
  std::string Title;
  SMRange Range;
};

struct SourceDecl {
  Name SourceName;
  std::string Title;
  std::string File;
  SMRange Range;
};

struct ActivityDecl {
  Name Kind;
  bool IsPeriod = false;
  std::vector<FieldDecl> Fields;
  SMRange Range;
};

struct PolicyHeader {
  std::string Title;
  std::optional<Name> Designation; ///< absent: a program that awards no designation
  std::string Edition;
  std::optional<Date> Effective;
  std::optional<Name> Source;
  /// `supersedes "EDITION" from DATE`: the edition this one replaces, in
  /// force until DATE (exclusive); this one is in force from Effective.
  std::string Supersedes;
  std::optional<Date> SupersedesFrom;
  SMRange SupersedesRange;
  /// `governed by FIELD`: the member date field that chooses the edition.
  std::optional<Name> GoverningField;
  /// `verdict "compliant" else "not compliant"`: the words reports use.
  std::optional<Text> VerdictMet, VerdictNotMet;
  SMRange Range;
};

struct Condition {
  ExprPtr Test;
  std::string Reason;
  SMRange Range;
};

/// "counts only from DATE": a period counts only its part from that date.
struct CountedPart {
  ExprPtr From;
  std::optional<Name> Measure; ///< `, in whole months`: the unit the part is counted in
  SMRange Range;
};

/// "every item requires ... else ..." at policy or group level.
struct EveryItem {
  std::vector<Condition> Conditions;
  std::vector<CountedPart> Parts;
  std::vector<Citation> Cites;
  SMRange Range;
};

/// One amount of a requirement, with the dates of period starts it is for.
struct RequiredAmount {
  Quantity Amount;
  Window When;
  SMRange Range;
};

/// `per month from A to B, rounded up, at most Q`: the amount per month of A..B.
struct ProRating {
  Name PerUnit;
  ExprPtr From, To;
  bool RoundUp = false;
  std::optional<Quantity> AtMost;
  SMRange Range;
};

struct Requirement {
  Name RequirementName;
  std::optional<Text> Title; ///< `requirement education "Education points": ...`
  std::vector<Name> Categories;
  std::vector<RequiredAmount> Amounts; ///< one, or several dated ones
  std::optional<ProRating> ProRate;
  ExprPtr When;                        ///< `when C`: applies only when C holds
  uint32_t EveryNth = 0;               ///< `every 3rd period`; 0: every period
  SMRange EveryRange;
  std::vector<Citation> Cites;
  SMRange Range;
};

/// "carry over: excess FROM up to Q into TO [from the last N months]".
struct CarryOver {
  Name From;
  Quantity UpTo;
  std::optional<Name> Into; ///< none: `keeping its category`
  std::optional<Quantity> LastMonths;
  std::vector<Citation> Cites;
  SMRange Range;
};

/// `category NAME [= A + B ...] [at most N points]`: a category, or an aggregate
/// of others (Members non-empty), with an optional cap.
struct CategoryDecl {
  Name CategoryName;
  std::vector<Name> Members;
  std::optional<Quantity> Cap;
  std::vector<Citation> Cites;
  SMRange Range;
};

/// `limit NAME: at most AMOUNT of CATEGORY [where EXPR]`: an absolute limit
/// (Absolute set) or a share of the category's counted points (Share, in (0, 1)).
struct LimitDecl {
  Name LimitName;
  std::optional<Text> Title;
  std::optional<Quantity> Absolute;
  Rational Share;
  SMRange AmountRange;
  Name Of;
  ExprPtr Where;
  std::vector<Citation> Cites;
  SMRange Range;
};

struct Spill {
  Name From, To;
  std::vector<Citation> Cites;
  SMRange Range;
};

/// "compliance period: N years from DATE, with M months of grace when C".
struct CompliancePeriod {
  Quantity Length;
  ExprPtr Anchor;
  std::optional<Quantity> Grace;
  ExprPtr When;
  std::vector<Citation> Cites;
  SMRange Range;
};

struct Prerequisite {
  Name PrerequisiteName;
  std::optional<Text> Title; ///< `prerequisite ethics "Code of Ethics": ...`
  ExprPtr Test;
  std::string Reason;
  bool NotWaivable = false; ///< `not waivable`: no staff exception may waive it
  std::vector<Citation> Cites;
  SMRange Range;
};

struct Earning {
  enum class Kind { Fixed, Rate, Awarded };
  Kind K = Kind::Fixed;
  Quantity Points;                 ///< Fixed and Rate
  Rational PerAmount = 1;          ///< Rate: "per 2 contact_hours"
  Name PerUnit;                    ///< Rate
  std::optional<Name> OfField;     ///< Rate: "of hours"
  Name AwardedField;               ///< Awarded: "points as awarded"
  std::optional<Name> ProRata;     ///< Rate on a period: `, pro rata by month`
  Window When;
  SMRange Range;
};

/// One part of a split earning: `ethics_hours into Ethics`,
/// `the rest of hours into General`.
struct SplitPart {
  Name Field;
  bool Rest = false; ///< `the rest of Field`: Field less the other parts
  std::vector<Name> Targets;
  SMRange Range;
};

struct Limit {
  Quantity Max;
  bool Each = false;
  Window When;
  SMRange Range;
};

struct Rounding {
  enum class Direction { Down, Up, Nearest };
  Direction Dir = Direction::Down;
  Quantity Step;
  SMRange Range;
};

struct Rule {
  Name RuleName;
  Name Kind;
  ExprPtr Filter;
  std::vector<Condition> Conditions;
  std::vector<CountedPart> Parts;
  std::vector<Earning> Earnings;
  std::vector<SplitPart> Split; ///< `earns F into C, ...`: each item credited in parts
  std::optional<Rounding> Round;
  std::vector<Name> Targets;
  std::vector<Limit> Limits;
  std::optional<std::pair<int32_t, SMRange>> Priority;
  std::vector<Citation> Cites;
  SMRange Range;
};

struct Group {
  Name GroupName;
  ExprPtr Where;
  std::optional<Quantity> Cap;
  std::vector<Citation> Cites;
  std::vector<EveryItem> Conditions;
  std::vector<Rule> Rules;
  std::vector<Group> Groups;
  SMRange Range;
};

struct Import {
  std::string Path;
  SMRange Range;
};

/// One parsed .cert file. Rules and conditions outside any group live in Root.
struct File {
  std::string Path;
  unsigned BufferId = 0;
  std::optional<PolicyHeader> Header;
  std::vector<Import> Imports;
  std::vector<SourceDecl> Sources;
  std::vector<UnitDecl> Units;
  std::vector<EnumDecl> Enums;
  std::vector<DesignationDecl> Designations;
  std::vector<FieldDecl> MemberFields;
  std::vector<SMRange> MemberDecls;
  std::vector<FieldDecl> CommonFields;
  std::vector<ActivityDecl> Activities;
  std::vector<Name> Categories;
  /// Aggregates and caps of categories (every category also has its Name above,
  /// in Categories, unless it is an aggregate).
  std::vector<CategoryDecl> CategoryDecls;
  std::vector<LimitDecl> Limits;
  std::vector<Requirement> Requirements;
  std::vector<Spill> Spills;
  std::vector<Prerequisite> Prerequisites;
  std::vector<CompliancePeriod> Periods;
  std::vector<CarryOver> CarryOvers;
  Group Root;
};

} // namespace certc::ast

#endif
