// The result of auditing one member against one policy: everything `certc run`
// prints and the embedding API returns. Names, rules and citations are views
// into the policy's IR and the explanations are built on demand, so an audit
// costs no text until it is shown; an Audit is valid while its policy (and the
// staff exceptions it was audited with) live.
#ifndef CERTC_EVAL_AUDIT_H
#define CERTC_EVAL_AUDIT_H

#include "base/Date.h"
#include "base/Rational.h"
#include "eval/StaffException.h"
#include "ir/IR.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace certc::eval {

/// How a rule computed an item's points, before caps.
struct Derivation {
  const ir::Rule *Rule = nullptr; ///< null: nothing was computed
  const ir::Earning *Earning = nullptr;
  Rational Quantity; ///< Rate and Awarded: the item's amount, in its own unit
  Rational Exact;    ///< Rate: before rounding
  Rational Rounded;  ///< after rounding, before the per-item maximum
  Rational Earned;   ///< after the per-item maximum
  const ir::ItemLimit *Limit = nullptr; ///< the per-item maximum that lowered Earned
  /// A part of an item credited in parts (Earning is then null): the part, and
  /// the kind whose field it reads. Quantity is the part's amount.
  const ir::SplitPart *Part = nullptr;
  const ir::ActivityKind *PartKind = nullptr;
  Rational Whole; ///< a rest part: its field's amount before the other parts
};

/// Why an item is not credited; a credited item's notes (per-item maximum, cap)
/// follow from its Derivation and Points instead.
struct Reason {
  enum class Kind : uint8_t {
    None,
    Condition,        ///< an item condition failed: Text
    AfterAuditDate,   ///< dated When, after the audit date
    NoDatedValue,     ///< the rule states no value for When (or for no date)
    NoQuantity,       ///< the rule's quantity is absent
    NegativeQuantity, ///< Quantity
    NoPoints,         ///< the Derivation earns nothing
    CapReached,       ///< the rule's cap was already full
    LeftOut,          ///< the allocation did not need it
    NoRule,           ///< no rule of the policy reads this kind
    OutsidePeriod,    ///< dated When, outside the member's compliance period and its grace
    UsedByPrevious,   ///< dated When, in the previous period's grace months, and credited there
    Excluded,         ///< a staff exception excludes it (ItemResult::Exception)
    PartsExceedWhole, ///< the parts other than the rest (How.Part) add up to Quantity, more than How.Whole
  };
  Kind K = Kind::None;
  llvm::StringRef Text;
  std::optional<Date> When;
  Rational Quantity;
};

struct ItemResult {
  /// Every member has its default below: a user-provided constructor keeps
  /// `Items.emplace_back()` from zeroing the whole result first (a `rep stos`
  /// of its 300 bytes was 3% of a typical audit).
  ItemResult() {}
  std::string Id;
  llvm::StringRef Kind;
  bool Credited = false;
  llvm::StringRef Rule;     ///< the rule it was credited through, or that turned it down
  llvm::StringRef Category; ///< empty when not credited
  Rational Points;          ///< credited points, after caps
  /// When Points is below How.Earned: the cap or limit that was full.
  const ir::Cap *FullCap = nullptr;
  const ir::Limit *FullLimit = nullptr;
  Derivation How;           ///< credited items, and those whose points came to zero
  Reason Why;
  llvm::ArrayRef<ir::Citation> Cites;
  /// The exception that credits (pins), excludes or grants this item, or null.
  const StaffException *Exception = nullptr;
  bool Planned = false; ///< a hypothetical activity (`--planned`), not in the ledger
};

struct CategoryResult {
  llvm::StringRef Name;
  Rational Points;    ///< after allocation, caps and spillover
  Rational SpilledIn; ///< part of Points that came from another category
  Rational CarriedIn; ///< part of Points carried over from the previous period
  std::optional<Rational> Required;
};

struct RequirementResult {
  llvm::StringRef Name;
  llvm::StringRef Title; ///< the policy's title for it, or its Name when it has none
  bool Met = false;
  bool IsPrerequisite = false;
  /// Points: "61 points of 60 required ..."; prerequisite: its reason when not
  /// met, empty when met.
  std::string Detail;
  llvm::ArrayRef<ir::Citation> Cites;
  Rational Points;   ///< points requirement: the points counting toward it
  Rational Required; ///< points requirement: the amount it asks for (0 when it does not apply)
  const StaffException *Waiver = nullptr; ///< the exception that waived an unmet prerequisite
  /// A points requirement that does not apply to this member in this period
  /// (Met, and Detail says why).
  bool Applies = true;
};

/// A member's compliance period: from Start up to (not including) End; items
/// dated before GraceEnd count toward it too.
struct PeriodDates {
  Date Start, End, GraceEnd;
  /// Its position from its statement's anchor: 1 for the period starting on it.
  int64_t Number = 1;
  /// The last days included, as members read them.
  Date lastDay() const { return End.addDays(-1).value_or(End); }
  Date lastGraceDay() const { return GraceEnd.addDays(-1).value_or(GraceEnd); }
  bool hasGrace() const { return GraceEnd != End; }
};

/// Credit carried over from the previous compliance period (ir::CarryOver).
struct CarriedCredit {
  const ir::CarryOver *Rule = nullptr;
  llvm::StringRef Requirement; ///< the title of the requirement whose excess it is
  llvm::StringRef Category;    ///< where it is credited
  Rational Excess;             ///< what the previous period counted beyond the requirement
  Rational Points;             ///< what carries: the excess, up to the limit
};

/// An exception of the member's, as the audit used it.
struct ExceptionResult {
  const StaffException *E = nullptr;
  bool InEffect = true; ///< false: dated after the audit date, so not applied
};

struct Audit {
  std::string Member;
  llvm::StringRef Designation;
  Date AsOf;
  std::optional<PeriodDates> Period; ///< when the policy declares compliance periods
  /// The period before it, when the audit looked at it (carry-over, grace months).
  std::optional<PeriodDates> Previous;
  std::vector<CarriedCredit> CarriedIn;        ///< in policy order, only what carries
  bool Eligible = false;
  std::vector<CategoryResult> Categories;       ///< in PolicyIndex::CategoryOrder
  std::vector<RequirementResult> Requirements; ///< prerequisites first
  std::vector<ItemResult> Items;               ///< by activity id, then granted points
  std::vector<std::string> Missing;
  std::vector<ExceptionResult> Exceptions;     ///< in file order
};

/// "ethics_hours", "the rest of hours": which part of an item credited in parts
/// I is (How.Part); empty for a whole item.
std::string partLabel(const ItemResult &I);

/// "credit item c07 to Education (3 points)": what an exception does, in the
/// policy's names; the justification (who, when, why) is written apart.
std::string exceptionText(const ir::Policy &P, const StaffException &E);

/// "36 contact hours at 1 point per 2 contact hours = 18 points"; nothing when
/// the item earns nothing under any rule (the reason then says why).
void writeDerivation(llvm::raw_ostream &OS, const ir::Policy &P, const ItemResult &I);
/// Why the item is not credited, or the notes on a credited item's reduction
/// (per-item maximum, cap); nothing when there is nothing to say.
void writeReason(llvm::raw_ostream &OS, const ir::Policy &P, const Audit &A, const ItemResult &I);

/// "contact hour", "contact hours": a unit's name as members read it.
void unitName(llvm::raw_ostream &OS, const ir::Policy &P, uint32_t Unit, bool Plural);
/// "36 contact hours": an amount in a unit (None: the number alone).
void unitText(llvm::raw_ostream &OS, const ir::Policy &P, uint32_t Unit, const Rational &Amount);

/// "1 point", "7.5 points", "24 hours": how every explanation and report words
/// an amount, in the policy's counting unit (ir::Policy::CountingUnit).
std::string pointsText(const ir::Policy &P, const Rational &R);
/// "point", "hours", "contact hours": the name of the policy's counting unit.
std::string countingUnitName(const ir::Policy &P, bool Plural);

/// "carried over from 2022-01-01 to 2023-12-31: 6 points into General (excess
/// of Total credits)": a carry-in as members read it.
std::string carriedText(const ir::Policy &P, const Audit &A, const CarriedCredit &C);

/// The same as strings.
std::string derivationText(const ir::Policy &P, const ItemResult &I);
std::string reasonText(const ir::Policy &P, const Audit &A, const ItemResult &I);

} // namespace certc::eval

#endif
