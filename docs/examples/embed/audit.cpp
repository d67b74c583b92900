// Audits the members of a JSON ledger against a compiled policy with the C++ API
// and prints each verdict with what is still needed (--json: the JSON report).
//   embed_audit POLICY.ir.json LEDGER.json [--as-of YYYY-MM-DD] [--json]
#include <certc/Runtime.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char **argv) {
  const char *PolicyPath = nullptr, *LedgerPath = nullptr, *AsOfText = "2026-11-23";
  bool Json = false;
  for (int I = 1; I < argc; ++I) {
    if (!std::strcmp(argv[I], "--as-of") && I + 1 < argc)
      AsOfText = argv[++I];
    else if (!std::strcmp(argv[I], "--json"))
      Json = true;
    else if (!PolicyPath)
      PolicyPath = argv[I];
    else if (!LedgerPath)
      LedgerPath = argv[I];
  }
  if (!PolicyPath || !LedgerPath) {
    std::cerr << "usage: embed_audit POLICY.ir.json LEDGER.json [--as-of YYYY-MM-DD] [--json]\n";
    return 2;
  }
  std::optional<certc::Date> AsOf = certc::Date::parse(AsOfText);
  if (!AsOf) {
    std::cerr << "--as-of: `" << AsOfText << "` is not a date\n";
    return 2;
  }

  // Load once; the Policy is immutable and may be shared by any number of threads.
  llvm::Expected<std::shared_ptr<const certc::Policy>> Policy = certc::Policy::loadFile(PolicyPath);
  if (!Policy) {
    std::cerr << llvm::toString(Policy.takeError()) << "\n";
    return 1;
  }

  std::ifstream In(LedgerPath, std::ios::binary);
  std::stringstream Ledger;
  if (!In || !(Ledger << In.rdbuf() || In.eof())) {
    std::cerr << "cannot read `" << LedgerPath << "`\n";
    return 1;
  }
  certc::LedgerAudits Result = (*Policy)->evaluateJson(Ledger.str(), LedgerPath, *AsOf);

  for (const certc::eval::Audit &A : Result.Audits) {
    if (Json) {
      std::cout << (*Policy)->toJson(A);
      continue;
    }
    std::cout << A.Member << ": " << (A.Eligible ? "ELIGIBLE" : "NOT YET ELIGIBLE") << " for "
              << A.Designation.str() << " as of " << A.AsOf.str() << "\n";
    for (const certc::eval::CategoryResult &C : A.Categories)
      std::cout << "  " << C.Name.str() << ": " << C.Points.str()
                << (C.Required ? " of " + C.Required->str() + " required" : std::string()) << "\n";
    for (const std::string &Missing : A.Missing)
      std::cout << "  still needed: " << Missing << "\n";
  }
  // Bad input is reported with its place: file:line:col, member, activity, field.
  for (const certc::ledger::LedgerError &E : Result.Errors)
    std::cerr << E.str() << "\n";
  return Result.ok() ? 0 : 1;
}
