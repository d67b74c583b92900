// Shared inputs of the API tests: the compiled CMC policy, the example ledger and
// `certc run`'s JSON report on it (made at build time, see CMakeLists.txt).
#ifndef CERTC_TESTS_API_APITESTSUPPORT_H
#define CERTC_TESTS_API_APITESTSUPPORT_H

#include "certc/Runtime.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace certc::test {

inline std::string readFile(const char *Path) {
  std::ifstream In(Path, std::ios::binary);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

inline const std::string &policyText() {
  static const std::string Text = readFile(CERTC_TEST_POLICY_IR);
  return Text;
}
inline const std::string &ledgerText() {
  static const std::string Text = readFile(CERTC_TEST_LEDGER);
  return Text;
}
inline const std::string &runReport() {
  static const std::string Text = readFile(CERTC_TEST_REPORT);
  return Text;
}

/// The CMC policy, loaded once for all tests (which also shows it can be shared).
inline std::shared_ptr<const Policy> cmc() {
  static std::shared_ptr<const Policy> P = [] {
    auto Loaded = Policy::load(policyText(), "cmc.ir.json");
    if (!Loaded) {
      ADD_FAILURE() << llvm::toString(Loaded.takeError());
      return std::shared_ptr<const Policy>();
    }
    return std::move(*Loaded);
  }();
  return P;
}

inline Date date(const char *Text) { return *Date::parse(Text); }

/// The example ledger with one substitution, for ledgers that are almost right.
inline std::string ledgerWith(const std::string &From, const std::string &To) {
  std::string Text = ledgerText();
  size_t At = Text.find(From);
  EXPECT_NE(At, std::string::npos) << "`" << From << "` is not in the example ledger";
  if (At != std::string::npos)
    Text.replace(At, From.size(), To);
  return Text;
}

} // namespace certc::test

#endif
