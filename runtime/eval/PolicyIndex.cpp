// Builds PolicyIndex's tables.
#include "eval/PolicyIndex.h"

namespace certc::eval {

PolicyIndex::PolicyIndex(const ir::Policy &P) : P(P) {
  KindOfSymbol.assign(P.Symbols.size(), ir::None);
  for (uint32_t K = 0; K < P.Kinds.size(); ++K)
    KindOfSymbol[P.Kinds[K].Name] = K;
  RulesOfKind.resize(P.Kinds.size());
  for (uint32_t R = 0; R < P.Rules.size(); ++R)
    RulesOfKind[KindOfSymbol[P.Rules[R].Kind]].push_back(R);
  for (const ir::ActivityKind &K : P.Kinds) {
    uint32_t Date = ir::None, Start = ir::None;
    for (uint32_t F = 0; F < K.Fields.size(); ++F) {
      if (K.Fields[F].Name == "date" && K.Fields[F].Type == ir::ValueType::Date)
        Date = F;
      if (K.Fields[F].Name == "start" && K.Fields[F].Type == ir::ValueType::Date)
        Start = F;
    }
    DateField.push_back(Date != ir::None ? Date : Start);
  }
  for (const ir::EnumType &E : P.Enums) {
    std::vector<uint32_t> Positions(P.Symbols.size(), ir::None);
    for (uint32_t I = 0; I < E.Values.size(); ++I)
      Positions[E.Values[I]] = I;
    EnumPosition.push_back(std::move(Positions));
  }
  for (uint32_t F = 0; F < P.MemberFields.size(); ++F)
    if (P.MemberFields[F].Type == ir::ValueType::Awards && AwardsField == ir::None)
      AwardsField = F;
  Shape.NumCategories = static_cast<unsigned>(P.Categories.size());
  for (const ir::Cap &C : P.Caps)
    Shape.Caps.push_back({C.Limit, C.Category, C.Parent});
  for (const ir::Requirement &R : P.Requirements)
    Shape.Requirements.push_back({R.Categories, R.Amount});
  for (const ir::Spillover &S : P.Spillovers)
    Shape.Spills.push_back({S.From, S.To, S.Above});
}

} // namespace certc::eval
