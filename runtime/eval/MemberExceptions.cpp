// Resolves a member's exceptions against its items and prerequisites.
#include "eval/MemberExceptions.h"

#include <algorithm>
#include <system_error>

namespace certc::eval {

char InputErrors::ID = 0;

void InputErrors::log(llvm::raw_ostream &OS) const {
  for (size_t I = 0; I < Errors.size(); ++I)
    OS << (I ? "\n" : "") << Errors[I].str();
}

std::error_code InputErrors::convertToErrorCode() const {
  return std::make_error_code(std::errc::invalid_argument);
}

ledger::LedgerError itemError(const StaffException &E, std::string Message) {
  ledger::LedgerError Out;
  Out.File = E.File;
  Out.Line = E.ItemLine;
  Out.Col = E.ItemCol;
  Out.Member = E.Member;
  Out.Activity = E.Item;
  Out.Field = "item";
  Out.Message = std::move(Message);
  return Out;
}

llvm::Expected<ResolvedExceptions> resolveExceptions(const ir::Policy &P, llvm::ArrayRef<StaffException> Exceptions,
                                                     llvm::ArrayRef<const ledger::Activity *> Items, Date AsOf) {
  ResolvedExceptions Out;
  Out.OfItem.assign(Items.size(), nullptr);
  Out.Waivers.assign(P.Prerequisites.size(), nullptr);
  std::vector<ledger::LedgerError> Errors;
  // Items are sorted by id; a member's ids are distinct.
  auto ItemNamed = [&](llvm::StringRef Id) -> std::optional<size_t> {
    auto At = std::lower_bound(Items.begin(), Items.end(), Id,
                               [](const ledger::Activity *A, llvm::StringRef Key) { return A->Id < Key; });
    if (At == Items.end() || (*At)->Id != Id)
      return std::nullopt;
    return static_cast<size_t>(At - Items.begin());
  };
  std::vector<const StaffException *> NamedBy(Items.size(), nullptr);
  for (const StaffException &E : Exceptions) {
    bool InEffect = E.On <= AsOf;
    Out.All.push_back({&E, InEffect});
    switch (E.A) {
    case StaffException::Action::Credit:
    case StaffException::Action::Exclude: {
      std::optional<size_t> Item = ItemNamed(E.Item);
      if (!Item) {
        Errors.push_back(itemError(E, "the member has no activity `" + E.Item + "`"));
        break;
      }
      if (const StaffException *Other = NamedBy[*Item]) {
        Errors.push_back(itemError(E, "exception `" + Other->Id + "` (line " + std::to_string(Other->Line) +
                                          ") already names this item; keep one exception per item"));
        break;
      }
      NamedBy[*Item] = &E;
      if (InEffect)
        Out.OfItem[*Item] = &E;
      break;
    }
    case StaffException::Action::Waive:
      if (InEffect && !Out.Waivers[E.Prerequisite])
        Out.Waivers[E.Prerequisite] = &E;
      break;
    case StaffException::Action::Grant:
      if (InEffect)
        Out.Grants.push_back(&E);
      break;
    }
  }
  if (!Errors.empty())
    return llvm::make_error<InputErrors>(std::move(Errors));
  return Out;
}

llvm::Expected<int32_t> pinCredit(const StaffException &E, ItemCredits &C) {
  if (!C.Parts.empty())
    return llvm::make_error<InputErrors>(std::vector<ledger::LedgerError>{
        itemError(E, "a rule credits this item in parts, so an exception cannot credit it whole; exclude it, "
                     "or grant points")});
  auto Same = std::find_if(C.Options.begin(), C.Options.end(),
                           [&](const CreditOption &O) { return O.Category == E.Category; });
  if (Same == C.Options.end()) {
    if (C.Options.empty() && !E.Points)
      return llvm::make_error<InputErrors>(std::vector<ledger::LedgerError>{
          itemError(E, "no rule gives this item any points, so the exception must state `points`")});
    CreditOption Substitute;
    if (!C.Options.empty())
      Substitute = C.Options.front();
    else
      Substitute.Rule = ir::None;
    Substitute.Category = E.Category;
    Substitute.Substituted = true;
    C.Options.push_back(Substitute);
    Same = C.Options.end() - 1;
  }
  // Stated points replace the rule's derivation: they are the staff's, not computed.
  if (E.Points) {
    Same->How = Derivation();
    Same->How.Earned = *E.Points;
  }
  return static_cast<int32_t>(Same - C.Options.begin());
}

} // namespace certc::eval
