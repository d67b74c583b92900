// `certc check FILE...`: every diagnostic of every file, and whether the
// editions of one designation among them follow one another; exit 1 on errors.
#include "driver/Pipeline.h"
#include "eval/Editions.h"
#include "parse/Parser.h"
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
/// Editions of one designation checked together must follow one another
/// (runtime/eval/Editions.h): reported at the later edition's header.
void checkEditionSets(llvm::ArrayRef<unsigned> RootBuffers, DiagnosticEngine &Diags) {
  // Headers are read again, quietly: their errors were reported by the check.
  DiagnosticEngine Quiet(Diags.sourceMgr());
  std::vector<ast::File> Files;
  llvm::StringMap<std::vector<size_t>> ByDesignation;
  for (unsigned Id : RootBuffers)
    if (std::optional<ast::File> F = parseFile(Id, Quiet); F && F->Header) {
      ByDesignation[F->Header->Designation ? F->Header->Designation->Text : "\"" + F->Header->Title + "\""]
          .push_back(Files.size());
      Files.push_back(std::move(*F));
    }
  for (const auto &Group : ByDesignation) {
    std::vector<eval::EditionFacts> Facts;
    for (size_t I : Group.second) {
      const ast::PolicyHeader &H = *Files[I].Header;
      Facts.push_back({H.Edition, H.Effective, H.Supersedes, H.SupersedesFrom});
    }
    for (const eval::EditionProblem &P : eval::checkEditions(Facts)) {
      const ast::PolicyHeader &Later = *Files[Group.second[P.Second]].Header;
      const ast::PolicyHeader &Other = *Files[Group.second[P.First]].Header;
      bool AtSupersedes = P.K != eval::EditionProblem::Kind::Undated && Later.SupersedesRange.isValid();
      Diags.report(diag::EditionsInconsistent, AtSupersedes ? Later.SupersedesRange : Later.Range,
                   eval::describeEditionProblem(P, Facts, Group.first()));
      if (P.First != P.Second)
        Diags.note(Other.Range, "the other edition's header");
    }
  }
}
} // namespace

int runCheck(const char *Argv0) {
  std::string Stdlib = findStdlibDir(StdlibOption, Argv0);
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  Diags.setWarningsAsErrors(WarningsAsErrors);
  Diags.setErrorLimit(ErrorLimitOption);
  std::vector<unsigned> RootBuffers;
  for (const std::string &File : CheckFiles)
    if (!Diags.limitReached()) {
      unsigned Before = SM.getNumBuffers();
      compilePolicy(File, Stdlib, Diags, CheckMode::Fragment);
      // The root file is the first buffer its load adds (none: unreadable).
      if (SM.getNumBuffers() > Before)
        RootBuffers.push_back(Before + 1);
    }
  checkEditionSets(RootBuffers, Diags);
  if (CheckFormat == OutputFormat::Json)
    Diags.printJson(llvm::outs());
  else
    Diags.printText(llvm::errs(), !NoColor && llvm::sys::Process::StandardErrHasColors());
  return Diags.hasErrors() ? 1 : 0;
}

} // namespace certc
