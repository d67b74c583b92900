// Google Benchmark: in-process audit latency (typical and pathological members)
// against the hand-written floor, and JSON-to-verdict throughput. Inputs come
// from generate_members.py; see docs/performance.md.
#include "HandWrittenCmc.h"
#include "eval/Evaluate.h"
#include "ir/IRJson.h"

#include "llvm/Support/MemoryBuffer.h"

#include <benchmark/benchmark.h>

#include <cstdlib>

using namespace certc;

namespace {
struct Inputs {
  ir::Policy Policy;
  std::unique_ptr<eval::PolicyIndex> Index;
  std::unique_ptr<ledger::LedgerSchema> Schema;
  std::string MembersText;
  std::vector<ledger::Member> Members;
  ledger::Member Pathological;
};

std::string readOrDie(const char *Env) {
  const char *Path = std::getenv(Env);
  auto Buffer = Path ? llvm::MemoryBuffer::getFile(Path) : nullptr;
  if (!Buffer || !*Buffer) {
    fprintf(stderr, "set %s to a readable file (see bench/run.sh)\n", Env);
    std::exit(2);
  }
  return (*Buffer)->getBuffer().str();
}

Inputs &inputs() {
  static Inputs *I = [] {
    auto *In = new Inputs;
    auto P = ir::readPolicyJson(readOrDie("CERTC_BENCH_POLICY"), "policy");
    if (!P) {
      fprintf(stderr, "%s\n", llvm::toString(P.takeError()).c_str());
      std::exit(2);
    }
    In->Policy = std::move(*P);
    In->Index = std::make_unique<eval::PolicyIndex>(In->Policy);
    In->Schema = std::make_unique<ledger::LedgerSchema>(In->Policy);
    In->MembersText = readOrDie("CERTC_BENCH_MEMBERS");
    In->Members = ledger::readJsonLedger(*In->Schema, "members", In->MembersText).Members;
    auto Patho = ledger::readJsonLedger(*In->Schema, "patho", readOrDie("CERTC_BENCH_PATHOLOGICAL")).Members;
    if (In->Members.empty() || Patho.size() != 1)
      std::exit(2);
    In->Pathological = std::move(Patho[0]);
    return In;
  }();
  return *I;
}

const Date AsOf = *Date::parse("2026-11-23");

void typicalAudit(benchmark::State &State) {
  Inputs &In = inputs();
  size_t I = 0;
  for (auto _ : State) {
    auto A = eval::evaluate(*In.Index, In.Members[I++ % In.Members.size()], AsOf);
    benchmark::DoNotOptimize(A);
    if (!A)
      llvm::consumeError(A.takeError());
  }
}
BENCHMARK(typicalAudit)->ComputeStatistics("p99", [](const std::vector<double> &V) {
  std::vector<double> S(V);
  std::sort(S.begin(), S.end());
  return S[std::min(S.size() - 1, S.size() * 99 / 100)];
})->Repetitions(20)->ReportAggregatesOnly(true);

void handWrittenFloor(benchmark::State &State) {
  Inputs &In = inputs();
  bench::HandWrittenCmc Floor(In.Policy);
  size_t I = 0;
  for (auto _ : State)
    benchmark::DoNotOptimize(Floor.audit(In.Members[I++ % In.Members.size()], AsOf));
}
BENCHMARK(handWrittenFloor)->Repetitions(20)->ReportAggregatesOnly(true);

void pathologicalAudit(benchmark::State &State) {
  Inputs &In = inputs();
  for (auto _ : State) {
    auto A = eval::evaluate(*In.Index, In.Pathological, AsOf);
    benchmark::DoNotOptimize(A);
    if (!A)
      llvm::consumeError(A.takeError());
  }
}
BENCHMARK(pathologicalAudit)->Unit(benchmark::kMillisecond);

void jsonToVerdicts(benchmark::State &State) {
  Inputs &In = inputs();
  size_t Activities = 0;
  for (auto _ : State) {
    // As `certc run` does: each member is audited as soon as it is read.
    ledger::streamJsonLedger(*In.Schema, "members", In.MembersText, {}, [&](ledger::Member &&M) {
      Activities += M.Activities.size();
      auto A = eval::evaluate(*In.Index, M, AsOf);
      benchmark::DoNotOptimize(A);
      if (!A)
        llvm::consumeError(A.takeError());
    });
  }
  State.counters["activities/s"] = benchmark::Counter(double(Activities), benchmark::Counter::kIsRate);
}
BENCHMARK(jsonToVerdicts)->Unit(benchmark::kMillisecond)->Iterations(1);
} // namespace

BENCHMARK_MAIN();
