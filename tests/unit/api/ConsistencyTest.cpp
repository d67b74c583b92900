// Properties the issue-15 attack confirmed, kept as regression tests: eight
// threads auditing through the C API on one policy agree byte for byte, and
// every audit's category points are its credited items plus what spilled in.
#include "ApiTestSupport.h"

#include "certc/certc.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

using namespace certc;
using namespace certc::test;

namespace {

/// Every JSON ledger of the examples and of the CMC policy's tests.
std::vector<std::string> ledgerFiles() {
  std::vector<std::string> Out;
  for (const char *Dir : {CERTC_TEST_EXAMPLES_DIR, CERTC_TEST_POLICY_LEDGERS_DIR})
    for (const auto &Entry : std::filesystem::directory_iterator(Dir))
      if (Entry.path().extension() == ".json")
        Out.push_back(Entry.path().string());
  std::sort(Out.begin(), Out.end());
  return Out;
}

TEST(Consistency, EightThreadsThroughTheCApiAgreeByteForByte) {
  char *Error = nullptr;
  certc_policy *P = certc_policy_load(policyText().data(), policyText().size(), &Error);
  ASSERT_NE(P, nullptr) << (Error ? Error : "");
  std::vector<std::string> Ledgers;
  for (const std::string &F : ledgerFiles())
    Ledgers.push_back(readFile(F.c_str()));
  ASSERT_GT(Ledgers.size(), 10u);
  auto Audit = [&](const std::string &Text) {
    char *Lines = nullptr, *Errors = nullptr;
    certc_audit_json(P, Text.data(), Text.size(), "2026-11-23", &Lines, &Errors);
    std::string Out = std::string(Lines ? Lines : "") + "|" + (Errors ? Errors : "");
    certc_string_free(Lines);
    certc_string_free(Errors);
    return Out;
  };
  std::vector<std::string> Expected;
  for (const std::string &L : Ledgers)
    Expected.push_back(Audit(L));

  constexpr int Threads = 8, Rounds = 3;
  std::atomic<int> Mismatches{0};
  std::vector<std::thread> Pool;
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([&, T] {
      for (int Round = 0; Round < Rounds; ++Round)
        for (size_t I = 0; I < Ledgers.size(); ++I) {
          size_t C = (I + T) % Ledgers.size(); // threads start at different ledgers
          if (Audit(Ledgers[C]) != Expected[C])
            ++Mismatches;
        }
    });
  for (std::thread &T : Pool)
    T.join();
  certc_policy_free(P);
  EXPECT_EQ(Mismatches.load(), 0);
}

TEST(Consistency, CategoryPointsAreItemPointsPlusSpillover) {
  std::shared_ptr<const Policy> P = cmc();
  ASSERT_TRUE(P);
  size_t Audits = 0;
  for (const std::string &F : ledgerFiles())
    for (const char *AsOf : {"2015-06-01", "2026-11-23", "2040-01-01"}) {
      LedgerAudits R = P->evaluateJson(readFile(F.c_str()), F, date(AsOf));
      for (const eval::Audit &A : R.Audits) {
        ++Audits;
        std::map<std::string, Rational> Sum;
        for (const eval::ItemResult &I : A.Items)
          if (I.Credited)
            Sum[I.Category.str()] = Sum[I.Category.str()].add(I.Points).value();
        for (const eval::CategoryResult &C : A.Categories)
          EXPECT_EQ(Sum[C.Name.str()].add(C.SpilledIn).value(), C.Points)
              << F << " as of " << AsOf << ", category " << C.Name.str();
      }
    }
  EXPECT_GT(Audits, 30u);
}

} // namespace
