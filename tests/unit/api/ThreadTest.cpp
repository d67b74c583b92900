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

/// Four threads audit 25 cases each, thread T's round R case (T + R) mod
/// NumCases. MakeAudit() is called once per thread and returns that thread's
/// check (with whatever state the thread keeps): whether case C's audit came
/// out as expected.
template <typename MakeAuditFn> void expectFourThreadsAgree(size_t NumCases, MakeAuditFn MakeAudit) {
  constexpr int Threads = 4, Rounds = 25;
  std::atomic<int> Mismatches{0}, Runs{0};
  std::vector<std::thread> Pool;
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([&, T] {
      auto AuditMatches = MakeAudit();
      for (int Round = 0; Round < Rounds; ++Round) {
        if (!AuditMatches((T + Round) % NumCases))
          ++Mismatches;
        ++Runs;
      }
    });
  for (std::thread &T : Pool)
    T.join();
  EXPECT_EQ(Runs.load(), Threads * Rounds);
  EXPECT_EQ(Mismatches.load(), 0);
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
  expectFourThreadsAgree(Cases.size(), [&] {
    return [&, P](size_t C) { // each thread holds its own reference
      LedgerAudits R = P->evaluateJson(Cases[C].first, "ledger.json", Cases[C].second);
      std::string Got = R.Audits.empty() ? "" : P->toJson(R.Audits[0]) + P->toText(R.Audits[0]);
      return R.ok() && Got == Expected[C];
    };
  });
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
  expectFourThreadsAgree(Cases.size(), [&] {
    return [&, Scratch = alloc::AllocationScratch()](size_t C) mutable {
      llvm::Expected<eval::Audit> A = P->evaluate(Members[C], Cases[C].second, Scratch);
      if (!A) {
        llvm::consumeError(A.takeError());
        return false;
      }
      return P->toJson(*A) == Expected[C];
    };
  });
}

} // namespace
