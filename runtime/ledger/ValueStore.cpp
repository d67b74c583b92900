// A member's arena for its field values.
#include "ledger/ValueStore.h"

#include <algorithm>
#include <memory>

namespace certc::ledger {

llvm::BumpPtrAllocator &ValueStore::arena() {
  if (!Arena)
    Arena = std::make_unique<llvm::BumpPtrAllocator>();
  return *Arena;
}

llvm::MutableArrayRef<FieldValue> ValueStore::copyOf(llvm::ArrayRef<FieldValue> Values) {
  if (Values.empty())
    return {};
  FieldValue *Copy = arena().Allocate<FieldValue>(Values.size());
  std::uninitialized_copy(Values.begin(), Values.end(), Copy);
  for (FieldValue &V : llvm::MutableArrayRef<FieldValue>(Copy, Values.size())) {
    if (V.K == FieldValue::Kind::Text)
      V.Text = copyOf(V.Text);
    else if (V.K == FieldValue::Kind::Awards)
      V.Awards = copyOf(V.Awards);
  }
  return {Copy, Values.size()};
}

llvm::StringRef ValueStore::copyOf(llvm::StringRef Text) {
  if (Text.empty())
    return {};
  char *Copy = arena().Allocate<char>(Text.size());
  std::copy(Text.begin(), Text.end(), Copy);
  return {Copy, Text.size()};
}

llvm::ArrayRef<ir::Award> ValueStore::copyOf(llvm::ArrayRef<ir::Award> Awards) {
  if (Awards.empty())
    return {};
  ir::Award *Copy = arena().Allocate<ir::Award>(Awards.size());
  std::uninitialized_copy(Awards.begin(), Awards.end(), Copy);
  return {Copy, Awards.size()};
}

} // namespace certc::ledger
