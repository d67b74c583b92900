// Where the verbs' output goes: `-o FILE`, written whole or not at all, and
// the standard streams, whose failed writes are reported instead of crashing.
#ifndef CERTC_DRIVER_OUTPUT_H
#define CERTC_DRIVER_OUTPUT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>

namespace certc {

/// An `-o FILE`. A regular file (or a new one) is written to a temporary file
/// in the same folder, synced and renamed over FILE on commit, so FILE holds
/// the old content or the complete new one, whatever happens to the process
/// (kill -9, a full disk, a signal); no signal handler deletes anything. A
/// FILE that exists and is not a regular file (/dev/stdout, a FIFO) is written
/// directly.
class OutputFile {
public:
  /// Refuses a FILE that is one of Inputs (the same file, through links too:
  /// writing it would destroy the input) and one that cannot be created.
  /// Prints the error and returns null.
  static std::unique_ptr<OutputFile> open(llvm::StringRef Path, llvm::ArrayRef<std::string> Inputs);
  /// Removes the temporary file unless committed.
  ~OutputFile();

  llvm::raw_ostream &os() { return *OS; }
  /// Flushes, syncs and renames into place. Prints the error and returns
  /// false when any write failed; FILE is then left as it was.
  bool commit();

private:
  OutputFile(std::string Path, std::string TempPath, int FD);

  std::string Path, TempPath; ///< TempPath empty when writing Path directly
  int FD;
  std::unique_ptr<llvm::raw_fd_ostream> OS;
  bool Committed = false;
};

/// Ends the process's use of stdout and stderr: a write that failed (a full
/// disk, a closed pipe) is reported as "cannot write the output: REASON" and
/// makes the status 1, instead of LLVM's fatal error when the streams are
/// destroyed. A closed pipe (the reader stopped: `| head`) is not reported.
/// Returns the exit status to use.
int finishStandardStreams(int Status);

} // namespace certc

#endif
