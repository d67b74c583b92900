// certc's checked, versioned policy IR: what the compiler's lowering writes and the
// runtime reads. Plain data, no behaviour; serialisation is in IRJson.h and the
// consistency rules in Verifier.h. Indices refer into the Policy's own tables.
#ifndef CERTC_IR_IR_H
#define CERTC_IR_IR_H

#include "base/Date.h"
#include "base/Rational.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace certc::ir {

/// Bumped whenever the serialised form changes meaning; loaders reject others.
inline constexpr unsigned FormatVersion = 3;

using SymbolId = uint32_t; ///< index into Policy::Symbols
using ExprId = uint32_t;   ///< index into Policy::Exprs
inline constexpr uint32_t None = UINT32_MAX;
/// A compliance period lasts at most this many months (100 years).
inline constexpr uint32_t MaxPeriodMonths = 1200;

/// A place in a policy source; File indexes Policy::SourceFiles. Line/Col are 1-based.
/// Line 0 means "no location" (e.g. the implicit start/end of a period); File is
/// then unused.
struct SourceLoc {
  uint32_t File = 0;
  uint32_t Line = 0;
  uint32_t Col = 0;
};

/// The guideline text a declaration encodes, carried through for explanations.
struct Citation {
  std::string Document; ///< title of the cited source document
  std::string Section;
  std::string Quote;
};

struct SourceDocument {
  std::string Name;  ///< identifier used in `cite`
  std::string Title;
  std::string File;  ///< file name of the guideline text
};

/// Units: every unit is a multiple of a base unit (itself when it has none).
struct Unit {
  std::string Singular;
  std::string Plural;
  uint32_t Base = None;   ///< unit index of the base, None when this is a base
  Rational PerBase = 1;   ///< 1 of this unit = PerBase base units
};

/// An enumeration; its values are symbols. At most 64 values (sets are bitsets).
struct EnumType {
  std::string Name;
  std::vector<SymbolId> Values;
};

enum class ValueType : uint8_t {
  Text,     ///< free text
  Bool,
  Integer,  ///< whole number, optionally within [IntMin, IntMax]
  Quantity, ///< exact number with a unit
  Date,
  Enum,     ///< one value of an EnumType
  EnumSet,  ///< a set of values of an EnumType
  Awards,   ///< list of {designation, awarded date}
};

struct Award {
  SymbolId Designation = None;
  Date Awarded;
};

/// A runtime value. Sets are bitsets over the enum's value positions.
struct Value {
  enum class Kind : uint8_t { Absent, Bool, Number, Date, Text, Symbol, Set, Awards };
  Kind K = Kind::Absent;
  bool Bool = false;
  Rational Number;
  certc::Date DateValue;
  SymbolId Symbol = None;
  uint64_t Set = 0;
  std::string Text;
  std::vector<Award> Awards;
};

struct Field {
  std::string Name;
  ValueType Type = ValueType::Text;
  uint32_t Enum = None; ///< EnumType index for Enum/EnumSet
  uint32_t Unit = None; ///< Unit index for Quantity
  bool Required = false;
  Value Default;        ///< Absent when there is none
  std::optional<int64_t> IntMin, IntMax;
  SourceLoc Loc;
};

/// An activity kind of the ledger vocabulary. Period kinds have `start` and `end`.
struct ActivityKind {
  SymbolId Name = None;
  bool IsPeriod = false;
  std::vector<Field> Fields; ///< includes the common fields (title, documented, used_for)
  SourceLoc Loc;
};

/// Expression nodes (an arena, children by index). Evaluated against one member,
/// one activity (the "current" one, in rule contexts) and the audit date. A
/// comparison with an absent operand is false.
enum class Op : uint8_t {
  Const,          ///< Consts[A]
  ActivityField,  ///< field A of the current activity
                  ///< (A indexes the current activity kind's Fields)
  MemberField,    ///< field A of the member
  AuditDate,      ///< the audit date
  Not,            ///< !Args[0]
  And,            ///< all of Args
  Or,             ///< any of Args
  Compare,        ///< Args[0] Cmp Args[1]; numbers, dates, symbols or bools
  InSet,          ///< symbol Args[0] is in bitset Mask of enum A
  SetContains,    ///< set Args[0] contains the value at position A
  SetWithin,      ///< set Args[0] is a subset of Mask
  IsGiven,        ///< Args[0] is not absent
  SetSize,        ///< number of elements of set Args[0]
  YearsBetween,   ///< whole completed years from date Args[0] to date Args[1] (or the audit date when Args[1] is absent)
                  ///< ("absent" = Args has 1 entry; Args has 1 or 2 entries)
  Holds,          ///< the member holds designation symbol A (awarded on or before the audit date)
  AwardedOn,      ///< the date designation symbol A was awarded, or absent
  AddMonths,      ///< date Args[0] plus A months (A is signed, stored as int32)
  AddDays,        ///< date Args[0] plus A days
                  ///< (A is signed, stored as int32, like AddMonths)
  CountActivities,///< number of activities of kind A dated on or before the audit date (or
                  ///< undated) satisfying Args[0] (or all, when Args is empty)
                  ///< (Inside Args[0] the counted activity is the current one.)
  NoOtherSame,    ///< no other activity of kind A has Pairs equal to the current one's
  NoEarlierSame,  ///< no earlier activity (date, then id) of kind A has Pairs equal
  CountDistinct,  ///< as CountActivities, counting activities whose Pairs fields are
                  ///< all equal once (Pairs name fields of kind A on both sides)
  LaterDate,      ///< the later of dates Args[0] and Args[1] (absent if either is)
  PeriodStart,    ///< the first day of the member's compliance period (absent without one)
  PeriodEnd,      ///< the last day of the member's compliance period (absent without one)
  MonthsBetween,  ///< as YearsBetween, in whole completed months (Args has 2 entries)
  EarlierDate,    ///< the earlier of dates Args[0] and Args[1]; either one when the other is absent
  PeriodNumber,   ///< the member's compliance period's position from its anchor (1: the
                  ///< period starting on it; absent without one)
  FirstDayOfMonth,///< the first day of date Args[0]'s month
  LastDayOfMonth, ///< the last day of date Args[0]'s month
  MonthOf,        ///< date Args[0]'s month, 1 to 12
  FirstLetter,    ///< the first non-blank character of text Args[0], a capital when it is a
                  ///< letter a-z (absent when Args[0] is absent or blank)
  TextInRange,    ///< text Args[1] <= text Args[0] <= text Args[2], ignoring the case of a-z
  // In CountActivities, CountDistinct, NoOtherSame and NoEarlierSame, "kind A" is
  // an index into Policy::Kinds (whereas Rule::Kind is the kind's name symbol).
};

enum class Cmp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

struct Expr {
  Op O = Op::Const;
  Cmp C = Cmp::Eq;
  uint32_t A = 0;
  uint64_t Mask = 0;
  std::vector<ExprId> Args;
  /// NoOtherSame/NoEarlierSame: (field of current kind, field of kind A) pairs.
  std::vector<std::pair<uint32_t, uint32_t>> Pairs;
};

/// A validity window over the activity's date: [From, Until), open where absent.
struct DateWindow {
  std::optional<Date> From;
  std::optional<Date> Until;
};

struct Earning {
  enum class Kind : uint8_t { Fixed, Rate, Awarded };
  Kind K = Kind::Fixed;
  DateWindow When;
  Rational Points;    ///< Fixed: per item; Rate: points per `Per` rate units
  Rational Per = 1;   ///< Rate: amount of the rate unit
  uint32_t RateUnit = None;
  ExprId Amount = None;  ///< Rate/Awarded: the quantity (Rate: in the field's unit)
  Rational AmountToRateUnit = 1; ///< Rate: multiply Amount by this to get rate units
  uint32_t AmountUnit = None;    ///< Rate: unit of Amount, for explanations
};

struct Rounding {
  enum class Mode : uint8_t { Exact, Down, Up, Nearest };
  Mode M = Mode::Exact;
  Rational Step = 1;
};

struct ItemLimit {
  DateWindow When;
  Rational Max;
};

/// An item condition: when Test is false the item earns nothing under the rule,
/// and the member is told Reason.
struct ItemCondition {
  ExprId Test = None;
  std::string Reason;
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

/// One part of an item credited in parts: the item's amount in Field earns as
/// many points, into one of Targets (more than one = either-or). A Rest part
/// earns Field less the other parts of the rule.
struct SplitPart {
  uint32_t Field = None; ///< index into the rule's kind's Fields (a number or quantity)
  bool Rest = false;
  std::vector<uint32_t> Targets;
};

/// A limit (Policy::Limits) that covers the rule's items crediting one of the
/// limit's categories, when Filter (in the rule's kind; None: always) holds.
struct RuleLimit {
  uint32_t Limit = None;
  ExprId Filter = None;
};

struct Rule {
  std::string Name;
  SymbolId Kind = None;         ///< the activity kind the rule reads
  ExprId Filter = None;         ///< None: every activity of Kind
  std::vector<ItemCondition> Conditions; ///< policy-wide, group and rule conditions, in order
  std::vector<Earning> Earnings;         ///< windows are disjoint; empty when Split is not
  /// Non-empty: each item is credited in these parts, each on its own (Targets
  /// then lists the parts' categories, each once, in order).
  std::vector<SplitPart> Split;
  Rounding Round;
  std::vector<ItemLimit> ItemMax;        ///< per-item maximum, windows disjoint
  std::vector<uint32_t> Targets;         ///< categories; more than one = either-or
  uint32_t Cap = None;                   ///< innermost cap containing the rule
  std::vector<RuleLimit> Limits;         ///< limits over its items, in Policy::Limits order
  int32_t Priority = 0;
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

/// A limit on the points credited through a rule or a group of rules.
struct Cap {
  std::string Name;
  Rational Limit;
  uint32_t Parent = None;   ///< enclosing cap
  uint32_t Category = None; ///< the one category all of its rules credit
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

struct Category {
  std::string Name;
  SourceLoc Loc;
  /// The category's own cap (`category X at most N points`), the outermost of
  /// its caps: options of rules without a cap go through it. None: no cap.
  uint32_t Cap = None;
};

/// A limit on the points that count from the items it covers (Rule::Limits
/// says which), across Categories: at most Absolute points or, when IsShare,
/// at most Share (0 < Share < 1) of the points counted in Categories.
struct Limit {
  std::string Name;
  std::string Title; ///< empty: none given
  bool IsShare = false;
  Rational Absolute;
  Rational Share;
  std::vector<uint32_t> Categories;
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

/// One amount of a requirement, for the periods starting in When (the audit
/// date without compliance periods).
struct RequiredAmount {
  DateWindow When;
  Rational Amount;
};

/// The amount is per month from From to To, both days included (dates, member
/// level); a partial month counts as one when RoundUp, as none otherwise;
/// AtMost caps the product.
struct ProRating {
  ExprId From = None;
  ExprId To = None;
  bool RoundUp = false;
  std::optional<Rational> AtMost;
};

/// The sum of Categories must reach the member's amount: the one of Amounts
/// whose window holds the period's start (or the audit date), times the months
/// of ProRate when there is one. The requirement does not apply when no amount
/// holds, When (a member-level condition) is false, the period's number is not
/// a multiple of EveryNthPeriod, or the amount comes to 0.
struct Requirement {
  std::string Name;
  std::string Title; ///< what members read ("Education points"); empty: none given
  std::vector<uint32_t> Categories;
  std::vector<RequiredAmount> Amounts; ///< windows disjoint; at least one
  std::optional<ProRating> ProRate;
  ExprId When = None;
  std::string WhenText;            ///< When as the policy writes it, for reports
  uint32_t EveryNthPeriod = 0;     ///< 0: every period
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

/// The previous compliance period's excess over Requirement (what its audit
/// counted beyond the amount, after caps), up to UpTo, credited to Into; with
/// LastMonths, at most what items dated in the period's last LastMonths (or its
/// grace months) credited to the requirement's categories.
struct CarryOver {
  uint32_t Requirement = None;
  uint32_t Into = None;
  Rational UpTo;
  uint32_t LastMonths = 0; ///< 0: the whole period
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

/// Points of From above Above count towards To's single-category requirements.
struct Spillover {
  uint32_t From = None;
  uint32_t To = None;
  Rational Above;
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

/// A maintenance cycle: periods of LengthMonths repeating from the date Anchor
/// (a member-level expression), for the members When holds for (None: all).
/// Items dated in the GraceMonths after a period's end count toward it too.
struct CompliancePeriod {
  uint32_t LengthMonths = 0;
  ExprId Anchor = None;
  uint32_t GraceMonths = 0;
  ExprId When = None;
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

struct Prerequisite {
  std::string Name;
  std::string Title; ///< what members read ("Two years of IIMC membership"); empty: none given
  ExprId Test = None;
  std::string Reason; ///< shown when Test is false
  bool Waivable = true; ///< whether a staff exception may waive it
  std::vector<Citation> Cites;
  SourceLoc Loc;
};

struct Policy {
  unsigned Version = FormatVersion;
  std::string Title;
  SymbolId Designation = None;
  std::string Edition;
  std::optional<Date> Effective;
  /// The edition this one supersedes (empty: none), in force until
  /// SupersedesFrom (exclusive); this one is in force from Effective.
  std::string Supersedes;
  std::optional<Date> SupersedesFrom;
  /// The member date field whose value chooses among editions (MemberFields
  /// index); None: the audit date.
  uint32_t GoverningField = None;
  /// The verdict's words (`verdict "compliant" else "not compliant"`); empty:
  /// reports say eligible / not yet eligible.
  std::string VerdictMet, VerdictNotMet;
  /// The unit every amount is counted in (Units index): the unit of the
  /// requirements, points by default; None only when the policy has no `point`.
  uint32_t CountingUnit = None;
  std::vector<SourceDocument> Sources;
  std::vector<std::string> SourceFiles;

  std::vector<std::string> Symbols;
  uint32_t DesignationEnum = None; ///< the EnumType of designation names
  std::vector<EnumType> Enums;
  std::vector<Unit> Units;
  std::vector<Field> MemberFields;
  std::vector<ActivityKind> Kinds;

  std::vector<Category> Categories;
  std::vector<Requirement> Requirements;
  std::vector<Spillover> Spillovers;
  std::vector<Prerequisite> Prerequisites;
  /// In order: a member's period is the first whose When holds.
  std::vector<CompliancePeriod> Periods;
  std::vector<CarryOver> CarryOvers;
  std::vector<Cap> Caps;
  std::vector<Limit> Limits;
  std::vector<Rule> Rules;
  std::vector<Expr> Exprs;
  std::vector<Value> Consts;

  /// Hex SHA-256 of the canonical serialisation without this field.
  std::string ContentHash;
};

} // namespace certc::ir

#endif
