// certc: check, build, run, test, format and compare certification policies.
#include "driver/Output.h"
#include "driver/Verbs.h"
#include "diag/Diagnostics.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"

#include <csignal>
#include <iterator>
#include <malloc.h>

using namespace certc;

namespace certc {
llvm::cl::SubCommand CheckCommand("check", "Check policy files and report every problem");
llvm::cl::SubCommand BuildCommand("build", "Compile a policy to IR");
llvm::cl::SubCommand RunCommand("run", "Audit member ledgers against a policy");
llvm::cl::SubCommand TestCommand("test", "Run policy tests (example members with expected outcomes)");
llvm::cl::SubCommand PlanCommand("plan", "Show a member the cheapest ways to close each gap to eligibility");
llvm::cl::SubCommand FmtCommand("fmt", "Lay out .cert files canonically");
llvm::cl::SubCommand DiffCommand("diff", "What changed between two editions of a policy");
llvm::cl::opt<std::string> StdlibOption("stdlib", llvm::cl::desc("Directory of the standard library"),
                                        llvm::cl::value_desc("dir"), llvm::cl::sub(CheckCommand),
                                        llvm::cl::sub(BuildCommand), llvm::cl::sub(RunCommand),
                                        llvm::cl::sub(TestCommand), llvm::cl::sub(PlanCommand),
                                        llvm::cl::sub(DiffCommand));
llvm::cl::opt<unsigned> ErrorLimitOption("error-limit",
                                         llvm::cl::desc("Stop after this many errors (0: no limit; default 20)"),
                                         llvm::cl::value_desc("N"), llvm::cl::init(DefaultErrorLimit),
                                         llvm::cl::sub(CheckCommand), llvm::cl::sub(BuildCommand),
                                         llvm::cl::sub(RunCommand), llvm::cl::sub(TestCommand),
                                         llvm::cl::sub(PlanCommand), llvm::cl::sub(DiffCommand));
llvm::cl::opt<std::string> PolicyArgument(llvm::cl::Positional, llvm::cl::Required,
                                           llvm::cl::desc("<policy.cert or policy.json>"),
                                           llvm::cl::sub(RunCommand), llvm::cl::sub(PlanCommand));
llvm::cl::list<std::string> LedgerArguments(llvm::cl::Positional, llvm::cl::OneOrMore,
                                            llvm::cl::desc("<ledger file or folder>..."),
                                            llvm::cl::sub(RunCommand), llvm::cl::sub(PlanCommand));
llvm::cl::opt<std::string> ExceptionsOption("exceptions",
                                             llvm::cl::desc("Staff exceptions to honour (JSON, or CSV when FILE ends "
                                                            "in .csv; docs/exceptions-format.md)"),
                                             llvm::cl::value_desc("file"), llvm::cl::sub(RunCommand),
                                             llvm::cl::sub(PlanCommand));
llvm::cl::opt<std::string> PlannedOption("planned",
                                         llvm::cl::desc("Planned activities, in ledger format, audited with the "
                                                        "real ones and marked as planned"),
                                         llvm::cl::value_desc("file"), llvm::cl::sub(RunCommand),
                                         llvm::cl::sub(PlanCommand));
} // namespace certc

namespace {
int runVerb(const char *Argv0) {
  if (CheckCommand)
    return runCheck(Argv0);
  if (BuildCommand)
    return runBuild(Argv0);
  if (RunCommand) {
    // An audit allocates and frees many small blocks and the report buffers are
    // large; by default glibc returns freed memory to the kernel eagerly and
    // the next allocation faults the pages back in (a sixth of `certc run`'s
    // time in a profile). Keep freed memory for reuse instead.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    return runRun(Argv0);
  }
  if (TestCommand)
    return runTest(Argv0);
  if (PlanCommand)
    return runPlan(Argv0);
  if (FmtCommand)
    return runFmt(Argv0);
  if (DiffCommand)
    return runDiff(Argv0);
  llvm::WithColor::error(llvm::errs(), "certc")
      << "no verb given: use `certc check`, `build`, `run`, `test`, `plan`, `fmt` or `diff` (see --help)\n";
  return 1;
}
} // namespace

int main(int Argc, char **Argv) {
  // LLVM's handlers for the interrupt signals exist to delete files being
  // written. certc deletes nothing on a signal (`-o` is renamed into place only
  // when complete), so these signals keep what the parent gave: ignored under
  // nohup (LLVM's handler would act on them anyway), fatal otherwise.
  // They are blocked meanwhile: one arriving while LLVM installs its handler
  // could otherwise find it half installed.
  const int InterruptSignals[] = {SIGHUP, SIGINT, SIGTERM, SIGUSR2};
  sigset_t Blocked, Before;
  sigemptyset(&Blocked);
  for (int Sig : InterruptSignals)
    sigaddset(&Blocked, Sig);
  sigprocmask(SIG_BLOCK, &Blocked, &Before);
  struct sigaction Inherited[std::size(InterruptSignals)];
  for (size_t I = 0; I < std::size(InterruptSignals); ++I)
    sigaction(InterruptSignals[I], nullptr, &Inherited[I]);
  // A write to a closed pipe fails with EPIPE instead of a signal (LLVM's
  // handler would exit with status 74), so that every failed write of
  // stdout and stderr is settled in one place, finishStandardStreams.
  llvm::InitLLVM X(Argc, Argv, /*InstallPipeSignalExitHandler=*/false);
  std::signal(SIGPIPE, SIG_IGN);
  for (size_t I = 0; I < std::size(InterruptSignals); ++I)
    sigaction(InterruptSignals[I], &Inherited[I], nullptr);
  sigprocmask(SIG_SETMASK, &Before, nullptr);
  if (!llvm::cl::ParseCommandLineOptions(Argc, Argv, "certc: certification policies as code\n", &llvm::errs()))
    return finishStandardStreams(1);
  return finishStandardStreams(runVerb(Argv[0]));
}
