// The values a witness search tries: for every field of the two editions'
// vocabulary, candidate values in ascending order, harvested from the
// policies' own numbers and dates. Private to runtime/compare.
#ifndef CERTC_COMPARE_WITNESSSPACE_H
#define CERTC_COMPARE_WITNESSSPACE_H

#include "base/Date.h"
#include "ir/IR.h"

#include <string>
#include <vector>

namespace certc::compare {

struct FieldSpace {
  std::string Name;
  /// JSON texts, smallest first; "" (the field absent) first for an optional field.
  std::vector<std::string> Candidates;
};

struct KindSpace {
  std::string Name;
  std::vector<FieldSpace> Fields;
};

struct WitnessSpace {
  std::vector<FieldSpace> Member; ///< without `id`
  std::vector<KindSpace> Kinds;   ///< the kinds some rule or expression of either edition reads
};

WitnessSpace witnessSpace(const ir::Policy &Old, const ir::Policy &New, Date AsOf);

} // namespace certc::compare

#endif
