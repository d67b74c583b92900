// The storage one member's field values, text and awards live in.
#ifndef CERTC_LEDGER_VALUESTORE_H
#define CERTC_LEDGER_VALUESTORE_H

#include "ledger/FieldValue.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include <memory>

namespace certc::ledger {

/// An arena owned by one member: its fields, every activity's fields (one
/// block per activity, next to each other) and the text and awards they view.
/// Nothing is freed before the store, and nothing moves: a member can be moved
/// without its views changing. A store cannot be copied (copyOf copies values
/// from another store).
class ValueStore {
public:
  /// A copy of Values kept here, with the text and awards they view.
  llvm::MutableArrayRef<FieldValue> copyOf(llvm::ArrayRef<FieldValue> Values);
  llvm::StringRef copyOf(llvm::StringRef Text);
  llvm::ArrayRef<ir::Award> copyOf(llvm::ArrayRef<ir::Award> Awards);

private:
  llvm::BumpPtrAllocator &arena();
  /// On the heap so that moving a member is a pointer's move (and noexcept,
  /// so vectors of members move them when they grow).
  std::unique_ptr<llvm::BumpPtrAllocator> Arena;
};

} // namespace certc::ledger

#endif
