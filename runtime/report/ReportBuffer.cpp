// ReportBuffer: raw_ostream's buffer is lent the text's free space
// (SetBuffer, meant for this), so a flush only counts what is already there.
#include "report/ReportBuffer.h"

#include <algorithm>
#include <cstring>

namespace certc::report {

namespace {
/// The least free space lent to the stream: a report's small writes then go
/// straight into place, and growing is rare.
constexpr size_t MinFree = 16 << 10;
} // namespace

ReportBuffer::ReportBuffer() { lendFreeSpace(MinFree); }

ReportBuffer::~ReportBuffer() { flush(); }

llvm::StringRef ReportBuffer::text() {
  flush();
  return llvm::StringRef(Data.get(), Used);
}

void ReportBuffer::reserve(size_t Bytes) {
  flush();
  lendFreeSpace(Bytes > Used ? Bytes - Used : 0);
}

void ReportBuffer::clear() {
  flush();
  Used = 0;
  lendFreeSpace(MinFree);
}

void ReportBuffer::write_impl(const char *Ptr, size_t Size) {
  // raw_ostream hands over either its buffer, which starts at the end of the
  // text, or (with the buffer empty) a write too large for it.
  if (Ptr != Data.get() + Used) {
    lendFreeSpace(Size);
    std::memcpy(Data.get() + Used, Ptr, Size);
  }
  Used += Size;
  lendFreeSpace(MinFree);
}

void ReportBuffer::lendFreeSpace(size_t Free) {
  Free = std::max(Free, MinFree);
  if (Capacity - Used < Free) {
    size_t Grown = std::max(Capacity * 2, Used + Free);
    // Not value-initialised: the text is copied, the rest written before read.
    std::unique_ptr<char[]> Bigger(new char[Grown]);
    if (Used)
      std::memcpy(Bigger.get(), Data.get(), Used);
    Data = std::move(Bigger);
    Capacity = Grown;
  }
  SetBuffer(Data.get() + Used, Capacity - Used);
}

} // namespace certc::report
