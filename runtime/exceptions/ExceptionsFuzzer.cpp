// libFuzzer target for the exceptions readers against the CMC policy: the
// bytes as a JSON exceptions file and as a CSV one. Besides not crashing, a
// record read without error must name a member, and an error-free file must
// not be marked unreadable.
#include "exceptions/Exceptions.h"
#include "ledger/FuzzSchema.inc"

#include <cstdio>
#include <cstdlib>

using namespace certc;

namespace {
void check(const exceptions::ExceptionsFile &F) {
  for (const eval::StaffException &E : F.Exceptions)
    if (E.Member.empty() || E.By.empty() || E.Reason.empty()) {
      fprintf(stderr, "an exception without member, by or reason was accepted\n");
      abort();
    }
  if (F.Unreadable && F.Errors.empty()) {
    fprintf(stderr, "the file was marked unreadable without an error\n");
    abort();
  }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  const ir::Policy &P = ledger::fuzzSchema().policy();
  check(exceptions::readExceptionsJson(P, "fuzz.json", Text));
  check(exceptions::readExceptionsCsv(P, "fuzz.csv", Text));
  return 0;
}
