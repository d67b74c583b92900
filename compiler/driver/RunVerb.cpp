// `certc run POLICY LEDGER...`: audits every member, prints a status update,
// JSON lines or an HTML page, reports bad input with its place, and exits 1 if
// there was any.
#include "base/InputFile.h"
#include "driver/AuditDate.h"
#include "driver/AuditPipeline.h"
#include "driver/EditionSet.h"
#include "driver/LedgerFiles.h"
#include "driver/Output.h"
#include "driver/Pipeline.h"
#include "driver/StaffFiles.h"
#include "driver/Verbs.h"
#include "report/HtmlReport.h"
#include "report/Report.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace certc {

namespace {
namespace cl = llvm::cl;
cl::opt<std::string> AsOfOption("as-of", cl::desc("Audit date, YYYY-MM-DD (default: today)"),
                                cl::value_desc("date"), cl::sub(RunCommand));
cl::opt<std::string> PeriodOption("period",
                                  cl::desc("Audit the compliance period containing this date, YYYY-MM-DD "
                                           "(default: the one containing the audit date)"),
                                  cl::value_desc("date"), cl::sub(RunCommand));
enum class ReportFormat { Text, Json, Html };
cl::opt<ReportFormat> RunFormat("format", cl::desc("Report format"), cl::init(ReportFormat::Text),
                                cl::values(clEnumValN(ReportFormat::Text, "text", "a status update per member"),
                                           clEnumValN(ReportFormat::Json, "json", "one JSON object per line"),
                                           clEnumValN(ReportFormat::Html, "html",
                                                      "one self-contained page, a section per member")),
                                cl::sub(RunCommand));
cl::opt<unsigned> Jobs("jobs", cl::desc("Members audited in parallel (default 1)"), cl::init(1),
                       cl::sub(RunCommand));
cl::list<std::string> RunEditions("edition",
                                  cl::desc("Another edition of the policy; each member is audited against the edition "
                                           "in force on its governing date"),
                                  cl::value_desc("policy"), cl::sub(RunCommand));
cl::opt<std::string> RunOutput("o", cl::desc("Write the report to this file (complete or not at all)"),
                               cl::value_desc("file"), cl::sub(RunCommand));

/// "audited N members" on stderr, when it is a terminal, while a long batch runs.
class ProgressLine {
public:
  ProgressLine(const AuditPipeline &Pipeline, bool Show) : Pipeline(Pipeline) {
    if (!Show || !llvm::sys::Process::StandardErrIsDisplayed())
      return;
    Reporter = std::thread([this] {
      std::unique_lock<std::mutex> Guard(Lock);
      while (!Finished.wait_for(Guard, std::chrono::milliseconds(200), [this] { return Stop; }))
        show();
    });
  }
  ~ProgressLine() { finish(); }

  void finish() {
    if (!Reporter.joinable())
      return;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Stop = true;
    }
    Finished.notify_all();
    Reporter.join();
    if (Shown)
      show(), llvm::errs() << "\n";
  }

private:
  void show() {
    // Short batches finish before the first tick and print nothing.
    Shown = true;
    llvm::errs() << "\raudited " << Pipeline.audited() << " members";
  }

  const AuditPipeline &Pipeline;
  std::thread Reporter;
  std::mutex Lock;
  std::condition_variable Finished;
  bool Stop = false, Shown = false;
};

} // namespace

int runRun(const char *Argv0) {
  std::optional<Date> AsOf = auditDateOption(AsOfOption);
  if (!AsOf)
    return 1;
  std::optional<Date> PeriodOf;
  if (PeriodOption.getNumOccurrences() != 0) {
    PeriodOf = Date::parse(PeriodOption);
    if (!PeriodOf) {
      llvm::WithColor::error(llvm::errs(), "certc") << "--period: `" << PeriodOption
                                                    << "` is not a date (expected YYYY-MM-DD)\n";
      return 1;
    }
  }
  if (Jobs == 0 || Jobs > 256) {
    llvm::WithColor::error(llvm::errs(), "certc") << "--jobs: must be between 1 and 256\n";
    return 1;
  }
  std::vector<std::string> Inputs;
  std::string Stdlib = findStdlibDir(StdlibOption, Argv0);
  std::vector<std::string> EditionFiles = {PolicyArgument};
  EditionFiles.insert(EditionFiles.end(), RunEditions.begin(), RunEditions.end());
  std::vector<ir::Policy> Policies;
  for (const std::string &F : EditionFiles) {
    std::optional<ir::Policy> P = loadPolicy(F, Stdlib, ErrorLimitOption, &Inputs);
    if (!P)
      return 1;
    Policies.push_back(std::move(*P));
  }
  std::unique_ptr<EditionSet> Editions = EditionSet::make(std::move(Policies), EditionFiles);
  if (!Editions)
    return 1;
  ledger::LedgerSchema Schema(Editions->first());

  std::vector<ledger::LedgerError> Errors;
  StaffFiles Staff(Editions->first(), ExceptionsOption, PlannedOption, Errors);
  if (!Staff.usable()) {
    for (const ledger::LedgerError &E : Errors)
      llvm::errs() << E.str() << "\n";
    return 1;
  }
  std::vector<LedgerSource> Sources = findLedgers(LedgerArguments, Errors);
  // The output file is opened before any audit, so that a path that cannot be
  // written fails at once; it replaces FILE only when everything was written.
  std::unique_ptr<OutputFile> File;
  if (!RunOutput.empty()) {
    for (std::string &Path : Staff.paths())
      Inputs.push_back(std::move(Path));
    for (const LedgerSource &S : Sources) {
      Inputs.push_back(S.Path);
      if (!S.ActivitiesCsv.empty())
        Inputs.push_back(S.ActivitiesCsv);
    }
    File = OutputFile::open(RunOutput, Inputs);
    if (!File)
      return 1;
  }
  llvm::raw_ostream &OS = File ? File->os() : llvm::outs();

  if (RunFormat == ReportFormat::Html)
    report::beginHtmlPage(OS, Editions->first(), *AsOf);
  AuditPipeline Pipeline(
      [&](const ledger::Member &M) { return Editions->choose(M, *AsOf); },
      [&](const eval::PolicyIndex &Index, const ledger::Member &M, alloc::AllocationScratch &Scratch) {
        return Staff.audit(Index, M, *AsOf, PeriodOf, &Scratch);
      },
      Jobs,
      [&](llvm::raw_ostream &Out, const eval::Audit &A, const EditionChoice &Edition) {
        const report::EditionUsed *Used = Edition.Used ? &*Edition.Used : nullptr;
        if (RunFormat == ReportFormat::Json)
          report::printJsonReport(Out, *Edition.Fragments, A, Used);
        else if (RunFormat == ReportFormat::Html)
          report::printHtmlReport(Out, Edition.Index->P, A);
        else
          report::printTextReport(Out, *Edition.Fragments, A, Used);
      },
      OS);
  // Reports are written during the run: a progress line would land among them.
  ProgressLine Progress(Pipeline, /*Show=*/File || !llvm::sys::Process::StandardOutIsDisplayed());
  BatchMemberIds Shared = memberIdsInSeveralFiles(Schema, Sources);
  for (size_t File = 0; File < Sources.size(); ++File) {
    const LedgerSource &S = Sources[File];
    std::vector<size_t> AlsoElsewhere; // by number in the file, as the reader numbers them
    size_t Number = 0;
    // A large file is read in parts, each part by the job that audits and
    // renders it (with one job too: a member audited as soon as it is read
    // is still in the cache); a file sharing member ids with another is read
    // whole, first to last.
    auto ReadParts = [&](const llvm::MemoryBuffer &Text, llvm::ArrayRef<ledger::JsonLedgerPart> Parts) {
      for (const ledger::JsonLedgerPart &Part : Parts)
        Pipeline.addPart([&, Part](ledger::MemberSink Audit) {
          ledger::PartResult Read =
              ledger::readJsonLedgerPart(Schema, S.Path, Text.getBuffer(), Part, {}, [&](ledger::Member &&M) {
                Staff.addPlanned(M);
                Audit(std::move(M));
              });
          // Its pages are not needed again (a part read on past its end
          // reads them back from the page cache): the file is never all in
          // memory at once.
          releaseMappedPages(Text, Part.Begin, Part.End);
          return Read;
        });
      return Pipeline.endParts();
    };
    ledger::StreamResult R = streamLedger(
        Schema, S,
        [&](ledger::Member &&M) {
          if (const std::string *Other = Shared.otherFile(M.Id, File)) {
            AlsoElsewhere.push_back(Number);
            Errors.push_back(memberInSeveralFiles(M, *Other));
          }
          ++Number;
          Staff.addPlanned(M);
          Pipeline.add(std::move(M));
        },
        [&](bool MayWithdraw) { Pipeline.beginFile(S.Path, MayWithdraw || Shared.inFile(File)); },
        !Shared.inFile(File) ? std::optional<ReadPartsFn>(ReadParts) : std::nullopt);
    AlsoElsewhere.insert(AlsoElsewhere.end(), R.Withdrawn.begin(), R.Withdrawn.end());
    Pipeline.endFile(AlsoElsewhere);
    for (ledger::LedgerError &E : R.Errors)
      Errors.push_back(std::move(E));
  }
  Pipeline.finish();
  Progress.finish();
  if (RunFormat == ReportFormat::Html)
    report::endHtmlPage(OS, Pipeline.written());
  Staff.reportUnseen(Errors);

  bool Failed = !Errors.empty();
  for (const ledger::LedgerError &E : Errors)
    llvm::errs() << E.str() << "\n";
  for (const AuditPipeline::Failure &E : Pipeline.errors()) {
    if (E.Located)
      llvm::errs() << E.Text << "\n";
    else
      llvm::WithColor::error(llvm::errs(), "certc") << E.Text << "\n";
    Failed = true;
  }
  if (File && !File->commit())
    return 1;
  return Failed ? 1 : 0;
}

} // namespace certc
