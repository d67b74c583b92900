// The words for staff exceptions: their action names and what each one does.
#include "eval/Audit.h"
#include "eval/StaffException.h"

#include <fmt/format.h>

namespace certc::eval {

llvm::StringRef actionName(StaffException::Action A) {
  switch (A) {
  case StaffException::Action::Credit: return "credit";
  case StaffException::Action::Exclude: return "exclude";
  case StaffException::Action::Waive: return "waive";
  case StaffException::Action::Grant: return "grant";
  }
  return "credit";
}

std::string exceptionText(const ir::Policy &P, const StaffException &E) {
  switch (E.A) {
  case StaffException::Action::Credit:
    return fmt::format("credit item {} to {}{}", E.Item, P.Categories[E.Category].Name,
                       E.Points ? " (" + pointsText(P, *E.Points) + ")" : "");
  case StaffException::Action::Exclude: return fmt::format("exclude item {}", E.Item);
  case StaffException::Action::Waive: return fmt::format("waive prerequisite {}", P.Prerequisites[E.Prerequisite].Name);
  case StaffException::Action::Grant:
    return fmt::format("grant {} to {}", pointsText(P, *E.Points), P.Categories[E.Category].Name);
  }
  return "";
}

} // namespace certc::eval
