// `certc build POLICY -o FILE` writes compiled IR; `--emit=ir` prints it readably.
#include "driver/Output.h"
#include "driver/Pipeline.h"
#include "driver/Verbs.h"
#include "ir/IRJson.h"
#include "ir/Printer.h"

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
  std::vector<std::string> Inputs;
  std::optional<ir::Policy> P = loadPolicy(BuildInput, findStdlibDir(StdlibOption, Argv0), ErrorLimitOption, &Inputs);
  if (!P)
    return 1;
  std::string Text = BuildEmit == Emit::Ir ? ir::printPolicy(*P) : ir::writePolicyJson(*P);
  // IR that `certc run` would refuse is not written at all.
  if (BuildEmit == Emit::Json)
    if (llvm::Error E = ir::checkIRText(Text, BuildOutput.empty() ? std::string("<stdout>") : BuildOutput.getValue())) {
      llvm::WithColor::error(llvm::errs(), "certc") << llvm::toString(std::move(E)) << "\n";
      return 1;
    }
  if (BuildOutput.empty()) {
    llvm::outs() << Text;
    return 0;
  }
  std::unique_ptr<OutputFile> Out = OutputFile::open(BuildOutput, Inputs);
  if (!Out)
    return 1;
  Out->os() << Text;
  return Out->commit() ? 0 : 1;
}

} // namespace certc
