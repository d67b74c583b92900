// certc: check, build, run and test certification policies.
#include "driver/Verbs.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"

#include <malloc.h>

using namespace certc;

namespace certc {
llvm::cl::SubCommand CheckCommand("check", "Check policy files and report every problem");
llvm::cl::SubCommand BuildCommand("build", "Compile a policy to IR");
llvm::cl::SubCommand RunCommand("run", "Audit member ledgers against a policy");
llvm::cl::SubCommand TestCommand("test", "Run policy tests (example members with expected outcomes)");
llvm::cl::opt<std::string> StdlibOption("stdlib", llvm::cl::desc("Directory of the standard library"),
                                        llvm::cl::value_desc("dir"), llvm::cl::sub(CheckCommand),
                                        llvm::cl::sub(BuildCommand), llvm::cl::sub(RunCommand),
                                        llvm::cl::sub(TestCommand));
} // namespace certc

int main(int Argc, char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  if (!llvm::cl::ParseCommandLineOptions(Argc, Argv, "certc: certification policies as code\n", &llvm::errs()))
    return 1;
  if (CheckCommand)
    return runCheck(Argv[0]);
  if (BuildCommand)
    return runBuild(Argv[0]);
  if (RunCommand) {
    // An audit allocates and frees many small blocks and the report buffers are
    // large; by default glibc returns freed memory to the kernel eagerly and
    // the next allocation faults the pages back in (a sixth of `certc run`'s
    // time in a profile). Keep freed memory for reuse instead.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    return runRun(Argv[0]);
  }
  if (TestCommand)
    return runTest(Argv[0]);
  llvm::WithColor::error(llvm::errs(), "certc") << "no verb given: use `certc check`, `build`, `run` or `test` (see --help)\n";
  return 1;
}
