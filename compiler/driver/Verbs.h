// One entry point per `certc` verb; each verb's options live in its own file.
#ifndef CERTC_DRIVER_VERBS_H
#define CERTC_DRIVER_VERBS_H

#include "llvm/Support/CommandLine.h"

namespace certc {

extern llvm::cl::SubCommand CheckCommand, BuildCommand, RunCommand, TestCommand, PlanCommand, FmtCommand, DiffCommand;
/// --stdlib, shared by every verb.
extern llvm::cl::opt<std::string> StdlibOption;
/// --error-limit, shared by every verb that compiles a policy.
extern llvm::cl::opt<unsigned> ErrorLimitOption;
/// The policy and ledgers, --exceptions and --planned, shared by `run` and `plan`.
extern llvm::cl::opt<std::string> PolicyArgument;
extern llvm::cl::list<std::string> LedgerArguments;
extern llvm::cl::opt<std::string> ExceptionsOption, PlannedOption;

int runCheck(const char *Argv0);
int runBuild(const char *Argv0);
int runRun(const char *Argv0);
int runTest(const char *Argv0);
int runPlan(const char *Argv0);
int runFmt(const char *Argv0);
int runDiff(const char *Argv0);

} // namespace certc

#endif
