// Copying activities between members, each of which owns its values.
#include "ledger/Ledger.h"

namespace certc::ledger {

void copyActivities(Member &Into, llvm::ArrayRef<Activity> Activities) {
  Into.Activities.reserve(Into.Activities.size() + Activities.size());
  for (const Activity &A : Activities) {
    Activity &Copy = Into.Activities.emplace_back(A);
    Copy.Fields = Into.Store.copyOf(A.Fields);
  }
}

} // namespace certc::ledger
