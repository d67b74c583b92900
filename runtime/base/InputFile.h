// The one way certc reads an input file (policy, import, IR, ledger, test
// file): only a regular file, and its size checked before a byte is read, so a
// device (/dev/zero), a FIFO with no writer or a huge file costs neither
// memory nor a hang.
#ifndef CERTC_BASE_INPUTFILE_H
#define CERTC_BASE_INPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <memory>
#include <string>

namespace certc {

struct InputFile {
  std::unique_ptr<llvm::MemoryBuffer> Buffer; ///< null when the file was not read
  /// Why not, naming no path (callers place it): the system's reason, or
  /// "not a regular file (it is a FIFO)"; empty when Buffer is set.
  std::string Error;
  /// Set (with Error empty) when the file is larger than the limit; Size is
  /// its size, so callers can word the limit as their format does.
  bool TooLarge = false;
  uint64_t Size = 0;
};

/// Reads Path whole when it is a regular file of at most MaxBytes bytes. The
/// file is opened without blocking (a FIFO) and its type and size come from
/// the open descriptor, so they are those of the file read.
InputFile readInputFile(llvm::StringRef Path, uint64_t MaxBytes);

/// Lets the system take back the pages of a mapped Buffer that lie wholly
/// within the bytes [Begin, End): touched again, they are read again from the
/// file (the page cache). Nothing for a buffer in memory of its own, whose
/// pages are its only copy. A pass over a large ledger so keeps only what it
/// is reading in memory, not the whole file.
void releaseMappedPages(const llvm::MemoryBuffer &Buffer, size_t Begin, size_t End);

/// Releases a mapped buffer's pages behind passes that move forward through
/// it, a megabyte or more at a time.
class ReleaseBehind {
public:
  explicit ReleaseBehind(const llvm::MemoryBuffer &Buffer) : Buffer(Buffer) {}
  /// The pass is done with the bytes before Offset; an offset below the last
  /// one starts a new pass.
  void doneUpTo(size_t Offset);

private:
  const llvm::MemoryBuffer &Buffer;
  size_t Released = 0;
};

} // namespace certc

#endif
