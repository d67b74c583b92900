// Membership impact of an edit: every member audited under both editions, and
// what changes for them: verdicts (both ways), the requirements that decide
// each flip, and points per category.
#ifndef CERTC_COMPARE_IMPACT_H
#define CERTC_COMPARE_IMPACT_H

#include "eval/Audit.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace certc::compare {

/// What one edition decided for one member, without the explanations.
struct MemberOutcome {
  std::string Member;
  bool Eligible = false;
  std::vector<Rational> Points; ///< parallel to the edition's categories
  std::vector<bool> Met;        ///< parallel to the edition's requirements (prerequisites first)
};

/// The names an edition's outcomes are parallel to.
struct EditionShape {
  std::vector<std::string> Categories, Requirements;
};

EditionShape shapeOf(const eval::Audit &A);
MemberOutcome outcomeOf(const eval::Audit &A);

struct CategoryChange {
  std::string Category;
  Rational Old, New;
};

/// A member whose verdict changes.
struct Flip {
  std::string Member;
  bool BecomesEligible = false;
  /// The requirements and prerequisites that decide it: unmet before and met
  /// (or gone) now, for a member who becomes eligible; met (or new) before and
  /// unmet now, for one who no longer is.
  std::vector<std::string> Deciding;
  std::vector<CategoryChange> Points; ///< the categories whose points change
};

struct CategoryTotals {
  std::string Category;
  size_t Gaining = 0, Losing = 0;
  Rational Gained, Lost; ///< sums over the members, both positive
};

struct ImpactReport {
  size_t Members = 0;       ///< audited under both editions
  size_t OnlyOld = 0, OnlyNew = 0; ///< read under one edition only (its ledger errors name them)
  size_t BecomeEligible = 0, NoLongerEligible = 0;
  std::vector<Flip> Flips;                ///< in ledger order
  std::vector<CategoryTotals> Categories; ///< OLD's categories, then NEW's new ones
};

/// Pairs the outcomes by member id (in OLD's order) and sums the changes.
/// Fails only when a sum of points overflows.
llvm::Expected<ImpactReport> measureImpact(const EditionShape &OldShape, const std::vector<MemberOutcome> &Old,
                                           const EditionShape &NewShape, const std::vector<MemberOutcome> &New);

void printImpactText(const ImpactReport &R, Date AsOf, llvm::raw_ostream &OS);
/// The report as the members of a JSON object being written.
void writeImpactJson(const ImpactReport &R, Date AsOf, llvm::json::OStream &J);

} // namespace certc::compare

#endif
