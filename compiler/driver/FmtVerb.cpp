// `certc fmt [--check | -i] PATH...`: the canonical layout of .cert files
// (compiler/format). Folders are searched for .cert files, recursively.
#include "driver/Output.h"
#include "driver/Verbs.h"
#include "format/Format.h"
#include "load/ModuleLoader.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

#include <algorithm>

namespace certc {

namespace {
namespace cl = llvm::cl;
cl::list<std::string> FmtPaths(cl::Positional, cl::OneOrMore, cl::desc("<.cert files or folders>"),
                               cl::sub(FmtCommand));
cl::opt<bool> FmtCheck("check", cl::desc("Change nothing; list the files whose layout would change, exit 1 if any"),
                       cl::sub(FmtCommand));
cl::opt<bool> FmtInPlace("i", cl::desc("Rewrite the files whose layout changes, each atomically"),
                         cl::sub(FmtCommand));

llvm::raw_ostream &error() { return llvm::WithColor::error(llvm::errs(), "certc"); }

/// The .cert files a path names: itself, or those under a folder, sorted.
bool expandPath(const std::string &Path, std::vector<std::string> &Files) {
  if (!llvm::sys::fs::is_directory(Path)) {
    Files.push_back(Path);
    return true;
  }
  std::vector<std::string> Found;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Path, EC), End; It != End && !EC; It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".cert" && !llvm::sys::fs::is_directory(It->path()))
      Found.push_back(It->path());
  if (EC) {
    error() << "cannot read the folder `" << Path << "`: " << EC.message() << "\n";
    return false;
  }
  llvm::sort(Found);
  Files.insert(Files.end(), Found.begin(), Found.end());
  return true;
}

/// Formats one file as the options ask; false when it failed or, with
/// --check, would change.
bool formatFile(const std::string &Path, DiagnosticEngine &Diags) {
  std::optional<unsigned> Id = addPolicyFile(Path, llvm::SMRange(), Diags);
  if (!Id)
    return false;
  FormatResult Result = formatBuffer(*Id, Diags);
  if (Result.Result == FormatResult::Outcome::SyntaxErrors)
    return false;
  if (Result.Result == FormatResult::Outcome::LayoutChangedTokens) {
    error() << "internal error: the layout of `" << Path << "` would change its text (" << Result.Text
            << "); the file is left as it was\n";
    return false;
  }
  bool Changes = Diags.sourceMgr().getMemoryBuffer(*Id)->getBuffer() != Result.Text;
  if (FmtCheck) {
    if (Changes)
      llvm::outs() << Path << "\n";
    return !Changes;
  }
  if (!FmtInPlace) {
    llvm::outs() << Result.Text;
    return true;
  }
  if (!Changes)
    return true;
  std::unique_ptr<OutputFile> Out = OutputFile::open(Path, {});
  if (!Out)
    return false;
  Out->os() << Result.Text;
  return Out->commit();
}
} // namespace

int runFmt(const char *) {
  if (FmtCheck && FmtInPlace) {
    error() << "--check and -i exclude each other: --check changes nothing\n";
    return 1;
  }
  std::vector<std::string> Files;
  bool Ok = true;
  for (const std::string &Path : FmtPaths)
    Ok &= expandPath(Path, Files);
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  for (const std::string &File : Files)
    Ok &= formatFile(File, Diags);
  Diags.printText(llvm::errs(), llvm::sys::Process::StandardErrHasColors());
  return Ok ? 0 : 1;
}

} // namespace certc
