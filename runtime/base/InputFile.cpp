#include "base/InputFile.h"

#include "llvm/Support/Process.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace certc {

namespace {
const char *kindOf(mode_t Mode) {
  if (S_ISDIR(Mode))
    return "a folder";
  if (S_ISFIFO(Mode))
    return "a FIFO";
  if (S_ISSOCK(Mode))
    return "a socket";
  if (S_ISCHR(Mode) || S_ISBLK(Mode))
    return "a device";
  return "not a file";
}

std::string systemMessage(int Errno) { return std::error_code(Errno, std::generic_category()).message(); }
} // namespace

InputFile readInputFile(llvm::StringRef Path, uint64_t MaxBytes) {
  InputFile R;
  // O_NONBLOCK: opening a FIFO waits for a writer otherwise; the type check
  // below refuses it before any read.
  int FD = ::open(Path.str().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (FD < 0) {
    R.Error = systemMessage(errno);
    return R;
  }
  struct stat St;
  if (::fstat(FD, &St) != 0) {
    R.Error = systemMessage(errno);
  } else if (!S_ISREG(St.st_mode)) {
    R.Error = std::string("not a regular file (it is ") + kindOf(St.st_mode) + ")";
  } else if (static_cast<uint64_t>(St.st_size) > MaxBytes) {
    R.TooLarge = true;
    R.Size = static_cast<uint64_t>(St.st_size);
  } else {
    // Exactly the size seen: a file growing meanwhile is not read past it.
    auto Buffer = llvm::MemoryBuffer::getOpenFile(FD, Path, static_cast<uint64_t>(St.st_size));
    if (Buffer)
      R.Buffer = std::move(*Buffer);
    else
      R.Error = Buffer.getError().message();
  }
  ::close(FD);
  return R;
}

void releaseMappedPages(const llvm::MemoryBuffer &Buffer, size_t Begin, size_t End) {
  if (Buffer.getBufferKind() != llvm::MemoryBuffer::MemoryBuffer_MMap)
    return;
  const uintptr_t Page = llvm::sys::Process::getPageSizeEstimate();
  End = std::min(End, Buffer.getBufferSize());
  if (Begin >= End)
    return;
  // Only whole pages: the bytes around the range may still be read.
  uintptr_t From = reinterpret_cast<uintptr_t>(Buffer.getBufferStart() + Begin);
  uintptr_t To = reinterpret_cast<uintptr_t>(Buffer.getBufferStart() + End);
  From = (From + Page - 1) & ~(Page - 1);
  To &= ~(Page - 1);
  // Advice, not a duty: where it fails the pages simply stay.
  if (From < To)
    (void)::madvise(reinterpret_cast<void *>(From), To - From, MADV_DONTNEED);
}

void ReleaseBehind::doneUpTo(size_t Offset) {
  constexpr size_t Step = 1 << 20;
  if (Offset < Released)
    Released = 0;
  if (Offset - Released < Step)
    return;
  releaseMappedPages(Buffer, Released, Offset);
  Released = Offset;
}

} // namespace certc
