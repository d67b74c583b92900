// Runs the phases in order and stops at the first that fails.
#include "driver/Pipeline.h"
#include "ir/Hash.h"
#include "ir/IRJson.h"
#include "ir/Verifier.h"
#include "load/ModuleLoader.h"
#include "lower/Lower.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

#ifndef CERTC_SOURCE_STDLIB_DIR
#error "CERTC_SOURCE_STDLIB_DIR must name the source tree's stdlib/"
#endif

namespace certc {

std::string findStdlibDir(llvm::StringRef Option, const char *Argv0) {
  if (!Option.empty())
    return Option.str();
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&findStdlibDir));
  llvm::SmallString<256> Installed(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Installed, "share", "certc", "stdlib");
  if (llvm::sys::fs::is_directory(Installed))
    return std::string(Installed);
  return CERTC_SOURCE_STDLIB_DIR;
}

std::optional<ir::Policy> compilePolicy(llvm::StringRef Path, llvm::StringRef StdlibDir,
                                        DiagnosticEngine &Diags, CheckMode Mode) {
  std::optional<LoadedModule> Module = loadModule(Path, StdlibDir, Diags);
  if (!Module)
    return std::nullopt;
  if (Mode == CheckMode::Fragment && Module->Files.back().Header)
    Mode = CheckMode::Policy;
  std::unique_ptr<sema::Sema> S = checkModule(*Module, Mode, Diags);
  if (!S || Mode == CheckMode::Fragment)
    return std::nullopt;
  ir::Policy P = lowerPolicy(*S, Diags.sourceMgr(), StdlibDir);
  if (llvm::Error E = ir::verifyPolicy(P)) {
    Diags.report(diag::IrVerificationFailed, S->Header->Range, llvm::toString(std::move(E)));
    return std::nullopt;
  }
  P.ContentHash = ir::computeContentHash(P);
  return P;
}

std::optional<ir::Policy> loadPolicy(llvm::StringRef Path, llvm::StringRef StdlibDir, unsigned ErrorLimit,
                                     std::vector<std::string> *FilesRead) {
  if (FilesRead)
    FilesRead->push_back(Path.str());
  if (!Path.endswith(".json")) {
    llvm::SourceMgr SM;
    DiagnosticEngine Diags(SM);
    Diags.setErrorLimit(ErrorLimit);
    auto P = compilePolicy(Path, StdlibDir, Diags, CheckMode::Policy);
    Diags.printText(llvm::errs(), llvm::sys::Process::StandardErrHasColors());
    // Buffer 1 is the policy itself.
    for (unsigned Id = 2; FilesRead && Id <= SM.getNumBuffers(); ++Id)
      FilesRead->push_back(SM.getMemoryBuffer(Id)->getBufferIdentifier().str());
    return P;
  }
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> Buffer = ir::readIRFile(Path);
  if (!Buffer) {
    llvm::WithColor::error(llvm::errs(), "certc") << llvm::toString(Buffer.takeError()) << "\n";
    return std::nullopt;
  }
  llvm::Expected<ir::Policy> P = ir::readPolicyJson((*Buffer)->getBuffer(), Path);
  if (!P) {
    llvm::WithColor::error(llvm::errs(), "certc") << llvm::toString(P.takeError()) << "\n";
    return std::nullopt;
  }
  if (llvm::Error E = ir::verifyPolicy(*P)) {
    llvm::WithColor::error(llvm::errs(), "certc") << Path << ": IR rejected: " << llvm::toString(std::move(E)) << "\n";
    return std::nullopt;
  }
  return std::move(*P);
}

} // namespace certc
