// Reading an exceptions file from disk, and finding a member's exceptions.
#include "exceptions/Exceptions.h"

#include "base/InputFile.h"

#include <algorithm>

namespace certc::exceptions {

llvm::ArrayRef<eval::StaffException> ExceptionsFile::of(llvm::StringRef Member) const {
  auto At = Ranges.find(Member);
  if (At == Ranges.end())
    return {};
  return llvm::makeArrayRef(Exceptions).slice(At->second.first, At->second.second);
}

void ExceptionsFile::groupByMember() {
  std::stable_sort(Exceptions.begin(), Exceptions.end(),
                   [](const eval::StaffException &A, const eval::StaffException &B) { return A.Member < B.Member; });
  Ranges.clear();
  for (size_t I = 0; I < Exceptions.size();) {
    size_t End = I;
    while (End < Exceptions.size() && Exceptions[End].Member == Exceptions[I].Member)
      ++End;
    Ranges[Exceptions[I].Member] = {I, End - I};
    I = End;
  }
}

ExceptionsFile readExceptionsFile(const ir::Policy &P, llvm::StringRef Path, uint64_t MaxBytes) {
  InputFile In = readInputFile(Path, MaxBytes);
  if (!In.Buffer) {
    ExceptionsFile Out;
    ledger::LedgerError E;
    E.File = Path.str();
    E.Message = In.TooLarge ? "the file is larger than " + std::to_string(MaxBytes) + " bytes"
                            : "cannot read: " + In.Error;
    Out.Errors.push_back(std::move(E));
    Out.Unreadable = true;
    return Out;
  }
  if (Path.endswith(".csv"))
    return readExceptionsCsv(P, Path, In.Buffer->getBuffer());
  return readExceptionsJson(P, Path, In.Buffer->getBuffer());
}

} // namespace certc::exceptions
