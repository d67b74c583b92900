// A policy's ledger vocabulary, indexed once by name for every ledger read against it.
#ifndef CERTC_LEDGER_LEDGERSCHEMA_H
#define CERTC_LEDGER_LEDGERSCHEMA_H

#include "ir/IR.h"
#include "ledger/FieldValue.h"
#include "ledger/NameIndex.h"

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <vector>

namespace certc::ledger {

/// Built once per policy and reused for every ledger read against it. It
/// refers to the policy, which must outlive it. Every lookup is bounds-checked,
/// so a policy that failed verification yields ledger errors, not crashes.
class LedgerSchema {
public:
  explicit LedgerSchema(const ir::Policy &P);

  const ir::Policy &policy() const { return *P; }

  uint32_t memberField(llvm::StringRef Name) const { return lookup(MemberFields, Name); }
  /// The member field `id`, or NotFound when the policy declares none; then
  /// the readers take `id` as a structural key that is not stored in Fields.
  uint32_t memberIdField() const { return MemberId; }
  /// The fields' defaults, viewing the policy's text: a reader copies them
  /// into the member's store (ValueStore::copyOf).
  llvm::ArrayRef<FieldValue> memberDefaults() const { return MemberDefaults; }

  uint32_t kind(llvm::StringRef Name) const { return lookup(Kinds, Name); }
  llvm::StringRef kindName(uint32_t Kind) const;
  uint32_t kindField(uint32_t Kind, llvm::StringRef Name) const {
    return lookup(PerKind[Kind].Fields, Name);
  }
  llvm::ArrayRef<FieldValue> kindDefaults(uint32_t Kind) const {
    return PerKind[Kind].Defaults;
  }
  /// The fields `start` and `end` of a period kind, NotFound otherwise.
  uint32_t periodStart(uint32_t Kind) const { return PerKind[Kind].Start; }
  uint32_t periodEnd(uint32_t Kind) const { return PerKind[Kind].End; }

  /// Position of the value called Name in enum Enum, or NotFound.
  uint32_t enumPosition(uint32_t Enum, llvm::StringRef Name) const;
  /// The SymbolId at Position of enum Enum (both already checked).
  ir::SymbolId enumSymbol(uint32_t Enum, uint32_t Position) const {
    return P->Enums[Enum].Values[Position];
  }
  llvm::StringRef symbolName(ir::SymbolId Id) const;
  /// "a, b or c", for messages.
  std::string enumValueList(uint32_t Enum) const;

private:
  static uint32_t lookup(const NameIndex &M, llvm::StringRef Name) { return M.find(Name); }

  struct KindIndex {
    NameIndex Fields;
    std::vector<FieldValue> Defaults;
    uint32_t Start = NotFound, End = NotFound;
  };

  const ir::Policy *P;
  NameIndex MemberFields;
  uint32_t MemberId = NotFound;
  std::vector<FieldValue> MemberDefaults;
  NameIndex Kinds;
  std::vector<KindIndex> PerKind;
  std::vector<NameIndex> EnumValues;
};

} // namespace certc::ledger

#endif
