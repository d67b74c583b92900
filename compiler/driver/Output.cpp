#include "driver/Output.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace certc {

namespace {
llvm::raw_ostream &error() { return llvm::WithColor::error(llvm::errs(), "certc"); }
} // namespace

std::unique_ptr<OutputFile> OutputFile::open(llvm::StringRef Path, llvm::ArrayRef<std::string> Inputs) {
  for (const std::string &In : Inputs)
    if (llvm::sys::fs::equivalent(In, Path)) {
      error() << "-o `" << Path << "` is an input (`" << In << "`): writing it would destroy it\n";
      return nullptr;
    }
  struct stat Existing;
  bool Exists = ::stat(Path.str().c_str(), &Existing) == 0;
  int FD = -1;
  std::error_code EC;
  if (Exists && !S_ISREG(Existing.st_mode)) {
    EC = llvm::sys::fs::openFileForWrite(Path, FD, llvm::sys::fs::CD_OpenAlways);
    if (EC) {
      error() << "cannot write `" << Path << "`: " << EC.message() << "\n";
      return nullptr;
    }
    return std::unique_ptr<OutputFile>(new OutputFile(Path.str(), "", FD));
  }
  llvm::SmallString<256> Model(llvm::sys::path::parent_path(Path));
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Path) + ".tmp-%%%%%%");
  llvm::SmallString<256> Temp;
  EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp);
  if (EC) {
    error() << "cannot write `" << Path << "`: " << EC.message() << "\n";
    return nullptr;
  }
  // A replaced file keeps its permissions, as when it was written in place.
  if (Exists)
    (void)::fchmod(FD, Existing.st_mode & 07777);
  return std::unique_ptr<OutputFile>(new OutputFile(Path.str(), std::string(Temp), FD));
}

OutputFile::OutputFile(std::string Path, std::string TempPath, int FD)
    : Path(std::move(Path)), TempPath(std::move(TempPath)), FD(FD),
      OS(std::make_unique<llvm::raw_fd_ostream>(FD, /*shouldClose=*/false)) {}

OutputFile::~OutputFile() {
  OS->clear_error();
  OS.reset();
  ::close(FD);
  if (!Committed && !TempPath.empty())
    llvm::sys::fs::remove(TempPath);
}

bool OutputFile::commit() {
  OS->flush();
  std::error_code EC = OS->error();
  // fsync before the rename: otherwise a crash of the machine can leave FILE
  // renamed but empty. Devices and pipes cannot be synced, and need not be.
  if (!EC && !TempPath.empty() && ::fsync(FD) != 0)
    EC = std::error_code(errno, std::generic_category());
  if (!EC && !TempPath.empty())
    EC = llvm::sys::fs::rename(TempPath, Path);
  if (EC) {
    OS->clear_error();
    error() << "cannot write `" << Path << "`: " << EC.message() << "\n";
    return false;
  }
  Committed = true;
  return true;
}

int finishStandardStreams(int Status) {
  llvm::outs().flush();
  std::error_code Out = llvm::outs().error(), Err = llvm::errs().error();
  llvm::outs().clear_error();
  llvm::errs().clear_error();
  if (Out && Out != std::errc::broken_pipe) {
    error() << "cannot write the output: " << Out.message() << "\n";
    llvm::errs().clear_error();
  }
  // A closed pipe ends the output quietly, but the run did not deliver all of
  // it, so the status is 1 (docs/run-output.md).
  return Out || Err ? 1 : Status;
}

} // namespace certc
