// The result of auditing one member against one policy: everything `certc run`
// prints and the embedding API returns. Plain values.
#ifndef CERTC_EVAL_AUDIT_H
#define CERTC_EVAL_AUDIT_H

#include "base/Date.h"
#include "base/Rational.h"
#include "ir/IR.h"

#include <optional>
#include <string>
#include <vector>

namespace certc::eval {

struct ItemResult {
  std::string Id;
  std::string Kind;
  bool Credited = false;
  std::string Rule;       ///< the rule it was credited through, or that turned it down
  std::string Category;   ///< empty when not credited
  Rational Points;        ///< credited points, after caps
  std::string Derivation; ///< how the points were computed
  std::string Reason;     ///< why it is not credited, or a note on a reduction
  std::vector<ir::Citation> Cites;
};

struct CategoryResult {
  std::string Name;
  Rational Points;               ///< after allocation, caps and spillover
  Rational SpilledIn;            ///< part of Points that came from another category
  std::optional<Rational> Required;
};

struct RequirementResult {
  std::string Name;
  bool Met = false;
  bool IsPrerequisite = false;
  std::string Detail;
  std::vector<ir::Citation> Cites;
};

struct Audit {
  std::string Member;
  std::string Designation;
  Date AsOf;
  bool Eligible = false;
  std::vector<CategoryResult> Categories;
  std::vector<RequirementResult> Requirements; ///< prerequisites first
  std::vector<ItemResult> Items;               ///< by activity id
  std::vector<std::string> Missing;
};

} // namespace certc::eval

#endif
