// One Policy shared by several threads gives the same audits as one thread.
#include "ApiTestSupport.h"

#include <atomic>
#include <thread>

using namespace certc;
using namespace certc::test;

namespace {

/// Several ledgers and dates, so that threads are not all doing the same work.
std::vector<std::pair<std::string, Date>> cases() {
  return {
      {ledgerText(), date("2026-11-23")},
      {ledgerText(), date("2015-06-01")},
      {ledgerWith("\"documented\": false", "\"documented\": true"), date("2026-11-23")},
      {ledgerWith("\"hours\": 10}", "\"hours\": 40}"), date("2030-01-01")},
  };
}

TEST(PolicyThreads, FourThreadsShareOnePolicyAndAgreeWithOne) {
  std::shared_ptr<const Policy> P = cmc();
  ASSERT_TRUE(P);
  std::vector<std::pair<std::string, Date>> Cases = cases();
  std::vector<std::string> Expected;
  for (const auto &[Text, AsOf] : Cases) {
    LedgerAudits R = P->evaluateJson(Text, "ledger.json", AsOf);
    ASSERT_TRUE(R.ok()) << R.errorText();
    Expected.push_back(P->toJson(R.Audits.at(0)) + P->toText(R.Audits[0]));
  }

  constexpr int Threads = 4, Rounds = 25;
  std::atomic<int> Mismatches{0}, Runs{0};
  std::vector<std::thread> Pool;
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([&, T, P] { // each thread holds its own reference
      for (int Round = 0; Round < Rounds; ++Round) {
        size_t C = (T + Round) % Cases.size();
        LedgerAudits R = P->evaluateJson(Cases[C].first, "ledger.json", Cases[C].second);
        std::string Got = R.Audits.empty() ? "" : P->toJson(R.Audits[0]) + P->toText(R.Audits[0]);
        if (!R.ok() || Got != Expected[C])
          ++Mismatches;
        ++Runs;
      }
    });
  for (std::thread &T : Pool)
    T.join();
  EXPECT_EQ(Runs.load(), Threads * Rounds);
  EXPECT_EQ(Mismatches.load(), 0);
}

TEST(PolicyThreads, EachThreadReusesItsOwnScratchAcrossAudits) {
  // The allocator's buffers kept by each thread across its audits give the
  // audits that fresh buffers give, whatever the member before left in them.
  std::shared_ptr<const Policy> P = cmc();
  ASSERT_TRUE(P);
  std::vector<std::pair<std::string, Date>> Cases = cases();
  std::vector<ledger::Member> Members;
  std::vector<std::string> Expected;
  for (const auto &[Text, AsOf] : Cases) {
    ledger::ReadResult Read = P->readJson(Text, "ledger.json");
    ASSERT_TRUE(Read.Errors.empty());
    llvm::Expected<eval::Audit> A = P->evaluate(Read.Members.at(0), AsOf);
    ASSERT_TRUE(bool(A)) << llvm::toString(A.takeError());
    Expected.push_back(P->toJson(*A));
    Members.push_back(std::move(Read.Members[0]));
  }

  constexpr int Threads = 4, Rounds = 25;
  std::atomic<int> Mismatches{0}, Runs{0};
  std::vector<std::thread> Pool;
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([&, T] {
      alloc::AllocationScratch Scratch;
      for (int Round = 0; Round < Rounds; ++Round) {
        size_t C = (T + Round) % Cases.size();
        llvm::Expected<eval::Audit> A = P->evaluate(Members[C], Cases[C].second, Scratch);
        if (!A) {
          llvm::consumeError(A.takeError());
          ++Mismatches;
        } else if (P->toJson(*A) != Expected[C]) {
          ++Mismatches;
        }
        ++Runs;
      }
    });
  for (std::thread &T : Pool)
    T.join();
  EXPECT_EQ(Runs.load(), Threads * Rounds);
  EXPECT_EQ(Mismatches.load(), 0);
}

} // namespace
