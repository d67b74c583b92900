// Google Benchmark: in-process audit latency (typical and pathological members)
// against the hand-written floor, JSON-to-verdict throughput, and the JSON
// reader's parts against simdjson's On Demand API (why the reader keeps its
// own lexer), and the JSON report writer. Inputs come from generate_members.py;
// see docs/performance.md.
#include "HandWrittenCmc.h"
#include "eval/Evaluate.h"
#include "ir/IRJson.h"
#include "report/Report.h"
#include "report/ReportBuffer.h"
#include "report/ReportFragments.h"
#include "ledger/JsonLexer.h"

#include "llvm/Support/MemoryBuffer.h"

#include <benchmark/benchmark.h>
#include <simdjson.h>

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
  // As `certc run` does: the allocator's buffers are kept across audits.
  alloc::AllocationScratch Scratch;
  eval::AuditOptions Options;
  Options.Scratch = &Scratch;
  for (auto _ : State) {
    auto A = eval::evaluate(*In.Index, In.Members[I++ % In.Members.size()], AsOf, Options);
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
  alloc::AllocationScratch Scratch;
  eval::AuditOptions Options;
  Options.Scratch = &Scratch;
  for (auto _ : State) {
    auto A = eval::evaluate(*In.Index, In.Pathological, AsOf, Options);
    benchmark::DoNotOptimize(A);
    if (!A)
      llvm::consumeError(A.takeError());
  }
}
BENCHMARK(pathologicalAudit)->Unit(benchmark::kMillisecond);

void jsonToVerdicts(benchmark::State &State) {
  Inputs &In = inputs();
  size_t Activities = 0;
  alloc::AllocationScratch Scratch;
  eval::AuditOptions Options;
  Options.Scratch = &Scratch;
  for (auto _ : State) {
    // As `certc run` does: each member is audited as soon as it is read.
    ledger::streamJsonLedger(*In.Schema, "members", In.MembersText, {}, [&](ledger::Member &&M) {
      Activities += M.Activities.size();
      auto A = eval::evaluate(*In.Index, M, AsOf, Options);
      benchmark::DoNotOptimize(A);
      if (!A)
        llvm::consumeError(A.takeError());
    });
  }
  State.counters["activities/s"] = benchmark::Counter(double(Activities), benchmark::Counter::kIsRate);
}
BENCHMARK(jsonToVerdicts)->Unit(benchmark::kMillisecond)->Iterations(1);

/// The reader alone: members built and dropped, nothing audited.
void readLedger(benchmark::State &State) {
  Inputs &In = inputs();
  for (auto _ : State)
    ledger::streamJsonLedger(*In.Schema, "members", In.MembersText, {},
                             [&](ledger::Member &&M) { benchmark::DoNotOptimize(M); });
}
BENCHMARK(readLedger)->Unit(benchmark::kMillisecond);

/// The reader's tokeniser alone: what a JSON library would replace.
void lexLedger(benchmark::State &State) {
  Inputs &In = inputs();
  for (auto _ : State) {
    ledger::detail::JsonLexer Lex(In.MembersText);
    ledger::detail::JsonToken T;
    for (Lex.next(T); T.Kind != ledger::detail::JsonTok::End && T.Kind != ledger::detail::JsonTok::Invalid;
         Lex.next(T))
      benchmark::DoNotOptimize(T.Text.size());
  }
}
BENCHMARK(lexLedger)->Unit(benchmark::kMillisecond);

/// simdjson's On Demand API walking the same text as the reader would: every
/// key, every string decoded, every number's raw text (exact decimals need
/// it), in document order.
simdjson::error_code walkValue(simdjson::ondemand::value V) {
  using namespace simdjson;
  ondemand::json_type Type;
  if (auto E = V.type().get(Type))
    return E;
  switch (Type) {
  case ondemand::json_type::object: {
    ondemand::object O;
    if (auto E = V.get_object().get(O))
      return E;
    for (auto Field : O) {
      std::string_view Key;
      if (auto E = Field.unescaped_key().get(Key))
        return E;
      benchmark::DoNotOptimize(Key.size());
      ondemand::value Inner;
      if (auto E = Field.value().get(Inner))
        return E;
      if (auto E = walkValue(Inner))
        return E;
    }
    return SUCCESS;
  }
  case ondemand::json_type::array: {
    ondemand::array A;
    if (auto E = V.get_array().get(A))
      return E;
    for (auto Element : A) {
      ondemand::value Inner;
      if (auto E = Element.get(Inner))
        return E;
      if (auto E = walkValue(Inner))
        return E;
    }
    return SUCCESS;
  }
  case ondemand::json_type::string: {
    std::string_view S;
    if (auto E = V.get_string().get(S))
      return E;
    benchmark::DoNotOptimize(S.size());
    return SUCCESS;
  }
  case ondemand::json_type::number:
    benchmark::DoNotOptimize(V.raw_json_token().size());
    return SUCCESS;
  case ondemand::json_type::boolean: {
    bool B;
    return V.get_bool().get(B);
  }
  case ondemand::json_type::null:
    benchmark::DoNotOptimize(V.is_null());
    return SUCCESS;
  }
  return SUCCESS;
}

void simdjsonOnDemandWalk(benchmark::State &State) {
  Inputs &In = inputs();
  simdjson::padded_string Padded(In.MembersText); // the reader would need the same copy
  simdjson::ondemand::parser Parser(Padded.size());
  for (auto _ : State) {
    simdjson::ondemand::document Doc;
    simdjson::ondemand::value Top;
    simdjson::error_code E = Parser.iterate(Padded).get(Doc);
    if (!E)
      E = Doc.get_value().get(Top);
    if (!E)
      E = walkValue(Top);
    if (E) {
      State.SkipWithError(simdjson::error_message(E));
      return;
    }
  }
}
BENCHMARK(simdjsonOnDemandWalk)->Unit(benchmark::kMillisecond);

/// Where `certc run --jobs N` splits a large file.
void splitLedger(benchmark::State &State) {
  Inputs &In = inputs();
  for (auto _ : State)
    benchmark::DoNotOptimize(ledger::splitJsonLedger(In.MembersText, 256 << 10));
}
BENCHMARK(splitLedger)->Unit(benchmark::kMillisecond);
} // namespace

/// The JSON reports of the first thousand members (audited once), rendered
/// whole or with the policy's fragments (ReportFragments) as `certc run`
/// renders them, into a buffer as `certc run` does: the report writer's share.
void renderJsonReports(benchmark::State &State, bool UseFragments) {
  Inputs &In = inputs();
  static const std::vector<eval::Audit> *Audits = [&] {
    auto *Out = new std::vector<eval::Audit>;
    for (size_t I = 0; I < std::min<size_t>(1000, In.Members.size()); ++I)
      if (auto A = eval::evaluate(*In.Index, In.Members[I], AsOf))
        Out->push_back(std::move(*A));
      else
        llvm::consumeError(A.takeError());
    return Out;
  }();
  report::ReportFragments Fragments(In.Policy);
  report::ReportBuffer Reports;
  size_t Bytes = 0;
  for (auto _ : State) {
    Reports.clear();
    for (const eval::Audit &A : *Audits)
      if (UseFragments)
        report::printJsonReport(Reports, Fragments, A);
      else
        report::printJsonReport(Reports, In.Policy, A);
    Bytes += Reports.text().size();
  }
  State.SetBytesProcessed(int64_t(Bytes));
}
BENCHMARK_CAPTURE(renderJsonReports, whole, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(renderJsonReports, fromFragments, true)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
