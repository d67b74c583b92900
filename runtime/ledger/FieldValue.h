// A ledger field's value: 24 bytes, copied as plain bytes; text and awards are
// views into the storage of the member that holds the value.
#ifndef CERTC_LEDGER_FIELDVALUE_H
#define CERTC_LEDGER_FIELDVALUE_H

#include "ir/IR.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <new>
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

  // Setting a value through these begins its member's lifetime: assigning a
  // union member that is not the active one does not when its type has a
  // non-trivial default constructor (Rational, Date, StringRef, ArrayRef:
  // C++17 [class.union]). Every member is trivially destructible, so the old
  // one needs no end.
  void setBool(bool B) { K = Kind::Bool; new (&Bool) bool(B); }
  void setNumber(const Rational &R) { K = Kind::Number; new (&Number) Rational(R); }
  void setDate(Date D) { K = Kind::Date; new (&DateValue) Date(D); }
  void setSymbol(ir::SymbolId S) { K = Kind::Symbol; new (&Symbol) ir::SymbolId(S); }
  void setSet(uint64_t Bits) { K = Kind::Set; new (&Set) uint64_t(Bits); }
  void setText(llvm::StringRef T) { K = Kind::Text; new (&Text) llvm::StringRef(T); }
  void setAwards(llvm::ArrayRef<ir::Award> A) { K = Kind::Awards; new (&Awards) llvm::ArrayRef<ir::Award>(A); }
};

/// A view of V, valid while V is (the policy's constants and defaults).
inline FieldValue viewOf(const ir::Value &V) {
  FieldValue F;
  switch (V.K) {
  case FieldValue::Kind::Absent: break;
  case FieldValue::Kind::Bool: F.setBool(V.Bool); break;
  case FieldValue::Kind::Number: F.setNumber(V.Number); break;
  case FieldValue::Kind::Date: F.setDate(V.DateValue); break;
  case FieldValue::Kind::Text: F.setText(V.Text); break;
  case FieldValue::Kind::Symbol: F.setSymbol(V.Symbol); break;
  case FieldValue::Kind::Set: F.setSet(V.Set); break;
  case FieldValue::Kind::Awards: F.setAwards(V.Awards); break;
  }
  return F;
}

static_assert(sizeof(FieldValue) <= 24, "a ledger value fits in 24 bytes");
static_assert(std::is_trivially_copyable<FieldValue>::value, "ledger values are copied as bytes");

} // namespace certc::ledger

#endif
