// Depth-first import loading with cycle detection on the stack of open files.
#include "load/ModuleLoader.h"
#include "base/InputFile.h"
#include "parse/Parser.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace certc {

namespace {
class ModuleLoader {
public:
  ModuleLoader(llvm::StringRef StdlibDir, DiagnosticEngine &Diags)
      : StdlibDir(StdlibDir), Diags(Diags) {}

  bool load(const std::string &Path, llvm::SMRange ImportedAt,
            std::unique_ptr<llvm::MemoryBuffer> Given = nullptr) {
    std::string Key = canonical(Path);
    if (State[Key] == Done)
      return true;
    if (State[Key] == Open) {
      std::string Cycle;
      bool InCycle = false;
      for (const std::string &P : Stack) {
        InCycle |= P == Key;
        if (InCycle)
          Cycle += llvm::sys::path::filename(P).str() + " -> ";
      }
      Diags.report(diag::ImportCycle, ImportedAt, Cycle + llvm::sys::path::filename(Key).str());
      return false;
    }
    // Each import is a frame of this recursion: a chain of thousands would
    // overflow the stack.
    if (Stack.size() > MaxImportDepth) {
      Diags.report(diag::ImportsNestTooDeep, ImportedAt, MaxImportDepth);
      return false;
    }
    std::optional<unsigned> Id;
    if (Given)
      Id = Diags.sourceMgr().AddNewSourceBuffer(std::move(Given), llvm::SMLoc());
    else
      Id = addPolicyFile(Path, ImportedAt, Diags);
    if (!Id)
      return false;
    std::optional<ast::File> File = parseFile(*Id, Diags);
    if (!File)
      return false;
    State[Key] = Open;
    Stack.push_back(Key);
    bool Ok = true;
    for (const ast::Import &I : File->Imports) {
      std::optional<std::string> Found = resolve(I.Path, Path);
      if (!Found) {
        Diags.report(diag::ImportNotFound, I.Range, I.Path);
        Diags.note({}, fmt::format("looked next to `{}` and in `{}`",
                                   llvm::sys::path::filename(Path).str(), StdlibDir));
        Ok = false;
        continue;
      }
      Ok &= load(*Found, I.Range);
    }
    Stack.pop_back();
    State[Key] = Done;
    Files.push_back(std::move(*File));
    return Ok;
  }

  std::vector<ast::File> Files;

private:
  enum FileState { Unseen, Open, Done };

  static std::string canonical(const std::string &Path) {
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(Path, Real))
      return Path;
    return std::string(Real);
  }

  /// Anything by that name is found (a folder, a FIFO, a symlink loop), so that
  /// reading it says what is wrong rather than "cannot find".
  static bool isThere(const llvm::Twine &Path) {
    std::error_code EC = llvm::sys::fs::access(Path, llvm::sys::fs::AccessMode::Exist);
    return EC != std::errc::no_such_file_or_directory && EC != std::errc::not_a_directory;
  }

  std::optional<std::string> resolve(const std::string &Import, const std::string &From) {
    if (Import.empty() || llvm::sys::path::is_absolute(Import))
      return std::nullopt;
    llvm::SmallString<256> Beside(llvm::sys::path::parent_path(From));
    llvm::sys::path::append(Beside, Import);
    if (isThere(Beside))
      return std::string(Beside);
    llvm::SmallString<256> InStdlib(StdlibDir);
    llvm::sys::path::append(InStdlib, Import);
    if (isThere(InStdlib))
      return std::string(InStdlib);
    return std::nullopt;
  }

  std::string StdlibDir;
  DiagnosticEngine &Diags;
  llvm::StringMap<FileState> State;
  std::vector<std::string> Stack;
};
} // namespace

std::optional<unsigned> addPolicyFile(llvm::StringRef Path, llvm::SMRange At, DiagnosticEngine &Diags) {
  InputFile In = readInputFile(Path, MaxPolicyFileBytes);
  if (In.TooLarge) {
    Diags.report(diag::PolicyFileTooLarge, At, Path, In.Size, MaxPolicyFileBytes);
    return std::nullopt;
  }
  if (!In.Buffer) {
    Diags.report(diag::CannotReadFile, At, Path, In.Error);
    return std::nullopt;
  }
  return Diags.sourceMgr().AddNewSourceBuffer(std::move(In.Buffer), llvm::SMLoc());
}

std::optional<LoadedModule> loadModule(llvm::StringRef RootPath, llvm::StringRef StdlibDir,
                                       DiagnosticEngine &Diags) {
  ModuleLoader Loader(StdlibDir, Diags);
  if (!Loader.load(RootPath.str(), {}))
    return std::nullopt;
  return LoadedModule{std::move(Loader.Files)};
}

std::optional<LoadedModule> loadModuleFromText(llvm::StringRef RootPath, llvm::StringRef Text,
                                               llvm::StringRef StdlibDir, DiagnosticEngine &Diags) {
  ModuleLoader Loader(StdlibDir, Diags);
  if (!Loader.load(RootPath.str(), {}, llvm::MemoryBuffer::getMemBufferCopy(Text, RootPath)))
    return std::nullopt;
  return LoadedModule{std::move(Loader.Files)};
}

} // namespace certc
