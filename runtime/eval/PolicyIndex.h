// Lookup tables derived once from a verified policy, so that evaluating a member
// never searches the IR by name. Immutable after construction.
#ifndef CERTC_EVAL_POLICYINDEX_H
#define CERTC_EVAL_POLICYINDEX_H

#include "alloc/Allocator.h"
#include "eval/CompiledTests.h"
#include "ir/IR.h"

#include <vector>

namespace certc::eval {

struct PolicyIndex {
  explicit PolicyIndex(const ir::Policy &P);

  const ir::Policy &P;
  std::vector<uint32_t> KindOfSymbol;            ///< symbol -> kind index (None if not a kind)
  std::vector<std::vector<uint32_t>> RulesOfKind; ///< kind index -> rules, in policy order
  std::vector<uint32_t> DateField;                ///< kind -> `date` field, else `start`, else None
  std::vector<std::vector<uint32_t>> EnumPosition; ///< enum -> symbol -> position (None if absent)
  uint32_t AwardsField = ir::None;                ///< the member's list of awards
  /// kind -> how many leading item conditions all rules of the kind have in
  /// common (the policy's `every item` conditions come first in every rule), so
  /// that an item is tested against them once rather than once per rule.
  std::vector<uint32_t> SharedConditions;
  /// Categories in the order reports list them: as the point requirements
  /// first name them (the order of the guideline's list of requirements,
  /// Education before Experience for the CMC), then the categories no
  /// requirement names, in declaration order.
  std::vector<uint32_t> CategoryOrder;
  /// The allocation problem without items: caps, requirements and spillover
  /// are the same for every member.
  alloc::Problem Shape;
  /// The policy's tests compiled into step sequences.
  CompiledTests Tests;
};

} // namespace certc::eval

#endif
