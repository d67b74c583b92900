// Formats ledger errors the way compilers do, so editors can jump to them.
#include "ledger/Ledger.h"
#include "base/Escape.h"

namespace certc::ledger {

std::string LedgerError::str() const {
  std::string S = File;
  if (Line != 0) {
    S += ':' + std::to_string(Line);
    if (Col != 0)
      S += ':' + std::to_string(Col);
  }
  S += S.empty() ? "error: " : ": error: ";
  std::string Where;
  auto Part = [&](const char *Label, const std::string &Name) {
    if (Name.empty())
      return;
    if (!Where.empty())
      Where += ", ";
    Where += Label;
    Where += Name;
  };
  Part("member ", Member);
  Part("activity ", Activity);
  Part("field ", Field);
  if (!Where.empty())
    S += Where + ": ";
  // The ids and values quoted come from the ledger.
  return escapeControls(S + Message);
}

} // namespace certc::ledger
