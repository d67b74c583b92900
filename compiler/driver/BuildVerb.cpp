// `certc build POLICY -o FILE` writes compiled IR; `--emit=ir` prints it readably.
#include "driver/Pipeline.h"
#include "driver/Verbs.h"
#include "ir/IRJson.h"
#include "ir/Printer.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

namespace certc {

namespace {
namespace cl = llvm::cl;
cl::opt<std::string> BuildInput(cl::Positional, cl::Required, cl::desc("<policy.cert or policy.json>"),
                                cl::sub(BuildCommand));
cl::opt<std::string> BuildOutput("o", cl::desc("Write the IR (JSON) to this file"), cl::value_desc("file"),
                                 cl::sub(BuildCommand));
enum class Emit { Json, Ir };
cl::opt<Emit> BuildEmit("emit", cl::desc("What to print when there is no -o"), cl::init(Emit::Json),
                        cl::values(clEnumValN(Emit::Json, "json", "the serialised IR"),
                                   clEnumValN(Emit::Ir, "ir", "the IR as readable text")),
                        cl::sub(BuildCommand));
} // namespace

int runBuild(const char *Argv0) {
  std::optional<ir::Policy> P = loadPolicy(BuildInput, findStdlibDir(StdlibOption, Argv0));
  if (!P)
    return 1;
  std::string Text = BuildEmit == Emit::Ir ? ir::printPolicy(*P) : ir::writePolicyJson(*P);
  if (BuildOutput.empty()) {
    llvm::outs() << Text;
    return 0;
  }
  // ToolOutputFile removes the file unless kept: it is complete or not there at all.
  std::error_code EC;
  llvm::ToolOutputFile Out(BuildOutput, EC, llvm::sys::fs::OF_None);
  if (EC) {
    llvm::WithColor::error(llvm::errs(), "certc") << "cannot write `" << BuildOutput << "`: " << EC.message() << "\n";
    return 1;
  }
  Out.os() << Text;
  Out.os().flush();
  if (Out.os().has_error()) {
    llvm::WithColor::error(llvm::errs(), "certc") << "cannot write `" << BuildOutput << "`\n";
    Out.os().clear_error();
    return 1;
  }
  Out.keep();
  return 0;
}

} // namespace certc
