// libFuzzer target for the runtime end to end: any bytes as a JSON ledger are
// read against the compiled CMC policy, every member read is audited (credits,
// allocation), and every report is rendered (explanations, the HTML page). Nothing may crash
// or hang, and every compiled test must agree with the tree walker on every item.
#include "eval/Evaluate.h"
#include "eval/ExprEval.h"
#include "ir/IRJson.h"
#include "ir/Verifier.h"
#include "report/HtmlReport.h"
#include "report/Report.h"

#include "llvm/Support/MemoryBuffer.h"

#include <cstdlib>

using namespace certc;

namespace {
struct Loaded {
  ir::Policy Policy;
  std::unique_ptr<eval::PolicyIndex> Index;
  std::unique_ptr<ledger::LedgerSchema> Schema;
};

Loaded *policy() {
  static Loaded *L = [] {
    auto Buffer = llvm::MemoryBuffer::getFile(CERTC_FUZZ_POLICY_IR);
    if (!Buffer)
      std::abort();
    auto P = ir::readPolicyJson((*Buffer)->getBuffer(), CERTC_FUZZ_POLICY_IR);
    if (!P || ir::verifyPolicy(*P))
      std::abort();
    auto *Out = new Loaded{std::move(*P), nullptr, nullptr};
    Out->Index = std::make_unique<eval::PolicyIndex>(Out->Policy);
    Out->Schema = std::make_unique<ledger::LedgerSchema>(Out->Policy);
    return Out;
  }();
  return L;
}
/// Aborts when a compiled test and the tree walker disagree on M or one of its items.
void compareCompiledTests(const eval::PolicyIndex &Index, const ledger::Member &M, Date AsOf) {
  eval::ExprEvaluator Eval(Index, M, AsOf);
  for (const eval::CompiledTests::Root &Root : Index.Tests.roots()) {
    if (Eval.test(Root.Test, nullptr) != Eval.walkTest(Root.Test, nullptr))
      std::abort();
    for (const ledger::Activity &A : M.Activities)
      if (A.Kind == Root.Kind && Eval.test(Root.Test, &A) != Eval.walkTest(Root.Test, &A))
        std::abort();
  }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  Loaded *L = policy();
  ledger::ReadResult R =
      ledger::readJsonLedger(*L->Schema, "fuzz.json", llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  const Date AsOf = *Date::parse("2026-11-23");
  for (const ledger::Member &M : R.Members) {
    compareCompiledTests(*L->Index, M, AsOf);
    llvm::Expected<eval::Audit> A = eval::evaluate(*L->Index, M, AsOf);
    if (!A) {
      llvm::consumeError(A.takeError());
      continue;
    }
    llvm::raw_null_ostream Null;
    report::printJsonReport(Null, L->Policy, *A);
    report::printTextReport(Null, L->Policy, *A);
    report::printHtmlReport(Null, L->Policy, *A);
  }
  return 0;
}
