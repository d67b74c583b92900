// The policy's own words in every report (Words.h).
#include "report/Words.h"

#include "eval/Audit.h"
#include "ir/Lookup.h"

namespace certc::report {

std::string programHeading(const ir::Policy &P) {
  if (P.Designation == ir::None)
    return P.Title;
  return P.Title + " (" + ir::symbolName(P, P.Designation) + ")";
}

std::string verdictWords(const ir::Policy &P, bool Eligible, VerdictCase Default) {
  if (!P.VerdictMet.empty())
    return Eligible ? P.VerdictMet : P.VerdictNotMet;
  if (Default == VerdictCase::Upper)
    return Eligible ? "ELIGIBLE" : "NOT YET ELIGIBLE";
  return Eligible ? "Eligible" : "Not yet eligible";
}

std::string unitHeading(const ir::Policy &P, bool Plural) {
  std::string Name = eval::countingUnitName(P, Plural);
  if (!Name.empty() && Name[0] >= 'a' && Name[0] <= 'z')
    Name[0] = static_cast<char>(Name[0] - 'a' + 'A');
  return Name;
}

} // namespace certc::report
