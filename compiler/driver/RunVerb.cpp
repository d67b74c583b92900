// `certc run POLICY LEDGER...`: audits every member, prints a status update or
// JSON lines, reports bad input with its place, and exits 1 if there was any.
#include "driver/LedgerFiles.h"
#include "driver/Pipeline.h"
#include "driver/Verbs.h"
#include "eval/Evaluate.h"
#include "report/Report.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <thread>

namespace certc {

namespace {
namespace cl = llvm::cl;
cl::opt<std::string> RunPolicy(cl::Positional, cl::Required, cl::desc("<policy.cert or policy.json>"),
                               cl::sub(RunCommand));
cl::list<std::string> RunLedgers(cl::Positional, cl::OneOrMore, cl::desc("<ledger file or folder>..."),
                                 cl::sub(RunCommand));
cl::opt<std::string> AsOfOption("as-of", cl::desc("Audit date, YYYY-MM-DD (default: today)"),
                                cl::value_desc("date"), cl::sub(RunCommand));
enum class ReportFormat { Text, Json };
cl::opt<ReportFormat> RunFormat("format", cl::desc("Report format"), cl::init(ReportFormat::Text),
                                cl::values(clEnumValN(ReportFormat::Text, "text", "a status update per member"),
                                           clEnumValN(ReportFormat::Json, "json", "one JSON object per line")),
                                cl::sub(RunCommand));
cl::opt<unsigned> Jobs("jobs", cl::desc("Members audited in parallel (default 1)"), cl::init(1),
                       cl::sub(RunCommand));
cl::opt<std::string> RunOutput("o", cl::desc("Write the report to this file (complete or not at all)"),
                               cl::value_desc("file"), cl::sub(RunCommand));

std::optional<Date> today() {
  std::time_t Now = std::time(nullptr);
  std::tm Utc{};
  gmtime_r(&Now, &Utc);
  return Date::fromCivil(Utc.tm_year + 1900, static_cast<unsigned>(Utc.tm_mon + 1),
                         static_cast<unsigned>(Utc.tm_mday));
}
} // namespace

int runRun(const char *Argv0) {
  std::optional<Date> AsOf = AsOfOption.empty() ? today() : Date::parse(AsOfOption);
  if (!AsOf) {
    llvm::WithColor::error(llvm::errs(), "certc") << "--as-of: `" << AsOfOption
                                                  << "` is not a date (expected YYYY-MM-DD)\n";
    return 1;
  }
  if (Jobs == 0 || Jobs > 256) {
    llvm::WithColor::error(llvm::errs(), "certc") << "--jobs: must be between 1 and 256\n";
    return 1;
  }
  std::optional<ir::Policy> P = loadPolicy(RunPolicy, findStdlibDir(StdlibOption, Argv0));
  if (!P)
    return 1;
  eval::PolicyIndex Index(*P);
  ledger::LedgerSchema Schema(*P);

  std::vector<ledger::LedgerError> Errors;
  std::vector<LedgerSource> Sources = findLedgers(RunLedgers, Errors);
  std::vector<ledger::Member> Members;
  for (const LedgerSource &S : Sources) {
    ledger::ReadResult R = readLedger(Schema, S);
    for (ledger::LedgerError &E : R.Errors)
      Errors.push_back(std::move(E));
    for (ledger::Member &M : R.Members)
      Members.push_back(std::move(M));
  }

  // Audits run in parallel but are printed in ledger order.
  std::vector<std::string> Reports(Members.size());
  std::vector<std::string> AuditErrors(Members.size());
  std::atomic<size_t> Next{0}, Done{0};
  bool Progress = llvm::sys::Process::StandardErrIsDisplayed() && Members.size() >= 1000;
  auto Worker = [&] {
    for (size_t I = Next++; I < Members.size(); I = Next++) {
      llvm::Expected<eval::Audit> A = eval::evaluate(Index, Members[I], *AsOf);
      llvm::raw_string_ostream OS(Reports[I]);
      if (!A)
        AuditErrors[I] = llvm::toString(A.takeError());
      else if (RunFormat == ReportFormat::Json)
        report::printJsonReport(OS, *P, *A);
      else
        report::printTextReport(OS, *P, *A);
      ++Done;
    }
  };
  std::vector<std::thread> Threads;
  for (unsigned T = 1; T < std::min<size_t>(Jobs, Members.size()); ++T)
    Threads.emplace_back(Worker);
  if (Progress) {
    std::thread Reporter([&] {
      while (Done < Members.size()) {
        llvm::errs() << "\raudited " << Done.load() << " of " << Members.size() << " members";
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    });
    Worker();
    for (std::thread &T : Threads)
      T.join();
    Reporter.join();
    llvm::errs() << "\raudited " << Members.size() << " of " << Members.size() << " members\n";
  } else {
    Worker();
    for (std::thread &T : Threads)
      T.join();
  }

  std::unique_ptr<llvm::ToolOutputFile> File;
  if (!RunOutput.empty()) {
    std::error_code EC;
    File = std::make_unique<llvm::ToolOutputFile>(RunOutput, EC, llvm::sys::fs::OF_None);
    if (EC) {
      llvm::WithColor::error(llvm::errs(), "certc") << "cannot write `" << RunOutput << "`: " << EC.message() << "\n";
      return 1;
    }
  }
  llvm::raw_ostream &OS = File ? File->os() : llvm::outs();
  for (const std::string &R : Reports)
    OS << R;
  bool Failed = !Errors.empty();
  for (const ledger::LedgerError &E : Errors)
    llvm::errs() << E.str() << "\n";
  for (const std::string &E : AuditErrors)
    if (!E.empty()) {
      llvm::WithColor::error(llvm::errs(), "certc") << E << "\n";
      Failed = true;
    }
  if (File) {
    OS.flush();
    if (File->os().has_error()) {
      File->os().clear_error();
      llvm::WithColor::error(llvm::errs(), "certc") << "cannot write `" << RunOutput << "`\n";
      return 1;
    }
    File->keep();
  }
  return Failed ? 1 : 0;
}

} // namespace certc
