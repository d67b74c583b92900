// A ledger field's value: 24 bytes, copied as plain bytes; text and awards are
// views into the storage of the member that holds the value.
#ifndef CERTC_LEDGER_FIELDVALUE_H
#define CERTC_LEDGER_FIELDVALUE_H

#include "ir/IR.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <type_traits>

namespace certc::ledger {

/// The value of one member or activity field. Only the member K names is
/// meaningful; the policy's constants and defaults stay ir::Value, which owns
/// its text (a Policy is copied and moved), and become FieldValues in
/// LedgerSchema.
struct FieldValue {
  using Kind = ir::Value::Kind;
  Kind K = Kind::Absent;
  union {
    bool Bool;
    Rational Number;
    Date DateValue;
    ir::SymbolId Symbol;
    uint64_t Set; ///< a bitset over the enum's value positions
    llvm::StringRef Text;
    llvm::ArrayRef<ir::Award> Awards;
  };
  FieldValue() : Set(0) {}
};

/// A view of V, valid while V is (the policy's constants and defaults).
inline FieldValue viewOf(const ir::Value &V) {
  FieldValue F;
  F.K = V.K;
  switch (V.K) {
  case FieldValue::Kind::Absent: break;
  case FieldValue::Kind::Bool: F.Bool = V.Bool; break;
  case FieldValue::Kind::Number: F.Number = V.Number; break;
  case FieldValue::Kind::Date: F.DateValue = V.DateValue; break;
  case FieldValue::Kind::Text: F.Text = V.Text; break;
  case FieldValue::Kind::Symbol: F.Symbol = V.Symbol; break;
  case FieldValue::Kind::Set: F.Set = V.Set; break;
  case FieldValue::Kind::Awards: F.Awards = V.Awards; break;
  }
  return F;
}

static_assert(sizeof(FieldValue) <= 24, "a ledger value fits in 24 bytes");
static_assert(std::is_trivially_copyable<FieldValue>::value, "ledger values are copied as bytes");

} // namespace certc::ledger

#endif
