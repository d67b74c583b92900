// Builds the by-name indexes of a policy's ledger vocabulary.
#include "ledger/LedgerSchema.h"

namespace certc::ledger {

namespace {
// The first declaration of a name wins; the verifier rejects duplicates, and
// taking the first keeps the reader deterministic if one slips through.
void indexFields(const std::vector<ir::Field> &Fields, NameIndex &Index,
                 std::vector<FieldValue> &Defaults) {
  Defaults.reserve(Fields.size());
  for (uint32_t I = 0; I < Fields.size(); ++I) {
    Index.insert(Fields[I].Name, I);
    Defaults.push_back(viewOf(Fields[I].Default));
  }
}
} // namespace

LedgerSchema::LedgerSchema(const ir::Policy &Policy) : P(&Policy) {
  indexFields(P->MemberFields, MemberFields, MemberDefaults);
  MemberId = memberField("id");

  PerKind.resize(P->Kinds.size());
  for (uint32_t K = 0; K < P->Kinds.size(); ++K) {
    const ir::ActivityKind &Kind = P->Kinds[K];
    Kinds.insert(kindName(K), K);
    KindIndex &Index = PerKind[K];
    indexFields(Kind.Fields, Index.Fields, Index.Defaults);
    if (Kind.IsPeriod) {
      Index.Start = lookup(Index.Fields, "start");
      Index.End = lookup(Index.Fields, "end");
    }
  }

  EnumValues.resize(P->Enums.size());
  for (uint32_t E = 0; E < P->Enums.size(); ++E) {
    const std::vector<ir::SymbolId> &Values = P->Enums[E].Values;
    for (uint32_t Pos = 0; Pos < Values.size(); ++Pos)
      EnumValues[E].insert(symbolName(Values[Pos]), Pos);
  }
}

llvm::StringRef LedgerSchema::kindName(uint32_t Kind) const {
  return Kind < P->Kinds.size() ? symbolName(P->Kinds[Kind].Name) : llvm::StringRef();
}

llvm::StringRef LedgerSchema::symbolName(ir::SymbolId Id) const {
  return Id < P->Symbols.size() ? llvm::StringRef(P->Symbols[Id]) : llvm::StringRef();
}

uint32_t LedgerSchema::enumPosition(uint32_t Enum, llvm::StringRef Name) const {
  if (Enum >= EnumValues.size())
    return NotFound;
  return lookup(EnumValues[Enum], Name);
}

std::string LedgerSchema::enumValueList(uint32_t Enum) const {
  if (Enum >= P->Enums.size() || P->Enums[Enum].Values.empty())
    return "(no values)";
  const std::vector<ir::SymbolId> &Values = P->Enums[Enum].Values;
  std::string List;
  for (size_t I = 0; I < Values.size(); ++I) {
    if (I > 0)
      List += I + 1 == Values.size() ? " or " : ", ";
    List += symbolName(Values[I]);
  }
  return List;
}

} // namespace certc::ledger
