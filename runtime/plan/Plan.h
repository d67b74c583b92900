// What-if planning: for a member not yet eligible, the cheapest ways to close
// each gap in the policy's own terms (its rules' rates, fixed points, per-item
// maxima, the room left under their caps, spillover), ranked by effort; and,
// for each unmet prerequisite, whether any activity could meet it.
// Effort and ranking are defined in docs/staff-guide.md ("Effort").
#ifndef CERTC_PLAN_PLAN_H
#define CERTC_PLAN_PLAN_H

#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "ledger/Ledger.h"
#include "ir/IR.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace certc::plan {

/// One way to earn points toward a gap: more activities that one rule credits.
struct GapOption {
  uint32_t Rule = ir::None;
  uint32_t Category = ir::None;       ///< where the rule credits them
  const ir::Earning *Earning = nullptr; ///< the value in effect at the audit date
  const ir::SplitPart *Part = nullptr;  ///< a rule crediting in parts: its first part into Category
  const ir::ItemLimit *PerItem = nullptr; ///< the per-item maximum in effect, if any
  Rational Target;   ///< points this option must earn (more than the gap when via spillover)
  Rational Earns;    ///< points it earns toward Target (less than Target when a cap stops it)
  Rational Quantity; ///< rate, as-awarded and split rules: the amount needed, in the amount's unit
  uint64_t Activities = 0; ///< new activities needed (the effort)
  Rational Overshoot;      ///< points earned beyond Target (whole items, rounding)
  uint32_t Cap = ir::None; ///< the cap with the least room on the rule's way, if any
  Rational RoomLeft;       ///< that cap's room after this option
  uint32_t ViaSpill = ir::None; ///< the spillover it goes through, if any
  bool closes() const { return Earns >= Target; }
};

struct PointGap {
  uint32_t Requirement = 0;
  Rational Have, Short;
  Rational Required; ///< what the requirement asks of this member in this period
  std::vector<GapOption> Options; ///< ranked: closing options by effort, then partial ones
};

struct PrerequisiteGap {
  uint32_t Prerequisite = 0;
  /// Kinds of activity the prerequisite counts; empty: no activity can meet it.
  std::vector<uint32_t> Kinds;
  /// The member fields it reads (what the member's record must show instead).
  std::vector<uint32_t> MemberFields;
  bool ReadsAuditDate = false; ///< e.g. years since joining: time alone may meet it
};

struct Plan {
  bool Eligible = false;
  std::vector<PrerequisiteGap> Prerequisites;
  std::vector<PointGap> Gaps;
};

/// The plan for member M, audited as A. Options assume new activities dated
/// on the audit date: values and per-item maxima are those in effect then. A
/// rule whose filter or conditions the member's own record fails (a region
/// the member is not in) offers nothing.
Plan planFor(const eval::PolicyIndex &Index, const ledger::Member &M, const eval::Audit &A);

/// The plan as text for the member and staff.
void writePlan(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A, const Plan &Plan);

} // namespace certc::plan

#endif
