// `certc check FILE...`: every diagnostic of every file; exit 1 on errors.
#include "driver/Pipeline.h"
#include "driver/Verbs.h"

#include "llvm/Support/Process.h"

namespace certc {

namespace {
namespace cl = llvm::cl;
cl::list<std::string> CheckFiles(cl::Positional, cl::OneOrMore, cl::desc("<policy files>"),
                                 cl::sub(CheckCommand));
enum class OutputFormat { Text, Json };
cl::opt<OutputFormat> CheckFormat("format", cl::desc("Diagnostic format"), cl::init(OutputFormat::Text),
                                  cl::values(clEnumValN(OutputFormat::Text, "text", "clang-style text"),
                                             clEnumValN(OutputFormat::Json, "json", "a JSON array")),
                                  cl::sub(CheckCommand));
cl::opt<bool> WarningsAsErrors("Werror", cl::desc("Treat warnings as errors"), cl::sub(CheckCommand));
cl::opt<bool> NoColor("no-color", cl::desc("Never color the output"), cl::sub(CheckCommand));
} // namespace

int runCheck(const char *Argv0) {
  std::string Stdlib = findStdlibDir(StdlibOption, Argv0);
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  Diags.setWarningsAsErrors(WarningsAsErrors);
  Diags.setErrorLimit(ErrorLimitOption);
  for (const std::string &File : CheckFiles)
    if (!Diags.limitReached())
      compilePolicy(File, Stdlib, Diags, CheckMode::Fragment);
  if (CheckFormat == OutputFormat::Json)
    Diags.printJson(llvm::outs());
  else
    Diags.printText(llvm::errs(), !NoColor && llvm::sys::Process::StandardErrHasColors());
  return Diags.hasErrors() ? 1 : 0;
}

} // namespace certc
