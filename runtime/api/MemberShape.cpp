// What the readers guarantee about a member (ledger/Ledger.h), checked again for
// members that did not come from a reader.
#include "api/MemberShape.h"

namespace certc::api {

namespace {
using VK = ir::Value::Kind;

VK kindOf(ir::ValueType T) {
  switch (T) {
  case ir::ValueType::Text: return VK::Text;
  case ir::ValueType::Bool: return VK::Bool;
  case ir::ValueType::Integer:
  case ir::ValueType::Quantity: return VK::Number;
  case ir::ValueType::Date: return VK::Date;
  case ir::ValueType::Enum: return VK::Symbol;
  case ir::ValueType::EnumSet: return VK::Set;
  case ir::ValueType::Awards: return VK::Awards;
  }
  return VK::Absent;
}

const char *kindName(VK K) {
  switch (K) {
  case VK::Absent: return "absent";
  case VK::Bool: return "a boolean";
  case VK::Number: return "a number";
  case VK::Date: return "a date";
  case VK::Text: return "text";
  case VK::Symbol: return "an enum value";
  case VK::Set: return "a set";
  case VK::Awards: return "a list of awards";
  }
  return "invalid";
}

/// Why V cannot be the value of F, or empty.
std::string valueProblem(const ir::Policy &P, const ir::Field &F, const ledger::FieldValue &V) {
  if (V.K == VK::Absent)
    return {};
  VK Want = kindOf(F.Type);
  if (V.K != Want)
    return std::string("holds ") + kindName(V.K) + ", the policy expects " + kindName(Want);
  if (V.K == VK::Symbol) {
    if (F.Enum >= P.Enums.size())
      return "the policy's field has no enumeration";
    for (ir::SymbolId S : P.Enums[F.Enum].Values)
      if (S == V.Symbol)
        return {};
    return "symbol " + std::to_string(V.Symbol) + " is not a value of its enumeration";
  }
  if (V.K == VK::Set) {
    if (F.Enum >= P.Enums.size())
      return "the policy's field has no enumeration";
    size_t Size = P.Enums[F.Enum].Values.size();
    if (Size < 64 && (V.Set >> Size) != 0)
      return "the set holds positions beyond its enumeration's " + std::to_string(Size) + " values";
  }
  if (V.K == VK::Awards)
    for (const ir::Award &A : V.Awards)
      if (A.Designation >= P.Symbols.size())
        return "award designation " + std::to_string(A.Designation) + " is not a symbol of the policy";
  return {};
}

ledger::LedgerError errorAt(const ledger::Member &M, uint32_t Line, uint32_t Col, std::string Activity,
                            std::string Field, std::string Message) {
  ledger::LedgerError E;
  E.File = M.File;
  E.Line = Line;
  E.Col = Col;
  E.Member = M.Id;
  E.Activity = std::move(Activity);
  E.Field = std::move(Field);
  E.Message = "not read against this policy: " + std::move(Message);
  return E;
}
} // namespace

std::optional<ledger::LedgerError> checkMemberShape(const ir::Policy &P, const ledger::Member &M) {
  if (M.Fields.size() != P.MemberFields.size())
    return errorAt(M, M.Line, M.Col, {}, {},
                   "it has " + std::to_string(M.Fields.size()) + " member fields, the policy declares " +
                       std::to_string(P.MemberFields.size()));
  for (size_t F = 0; F < M.Fields.size(); ++F) {
    std::string Problem = valueProblem(P, P.MemberFields[F], M.Fields[F]);
    if (!Problem.empty())
      return errorAt(M, M.Line, M.Col, {}, P.MemberFields[F].Name, Problem);
  }
  for (const ledger::Activity &A : M.Activities) {
    if (A.Kind >= P.Kinds.size())
      return errorAt(M, A.Line, A.Col, A.Id, {},
                     "kind " + std::to_string(A.Kind) + " is not one of the policy's " +
                         std::to_string(P.Kinds.size()) + " kinds");
    const ir::ActivityKind &K = P.Kinds[A.Kind];
    if (A.Fields.size() != K.Fields.size())
      return errorAt(M, A.Line, A.Col, A.Id, {},
                     "it has " + std::to_string(A.Fields.size()) + " fields, its kind declares " +
                         std::to_string(K.Fields.size()));
    for (size_t F = 0; F < A.Fields.size(); ++F) {
      std::string Problem = valueProblem(P, K.Fields[F], A.Fields[F]);
      if (!Problem.empty())
        return errorAt(M, A.Line, A.Col, A.Id, K.Fields[F].Name, Problem);
    }
  }
  return std::nullopt;
}

} // namespace certc::api
