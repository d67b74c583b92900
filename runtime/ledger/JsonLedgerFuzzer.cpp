// libFuzzer target for the JSON ledger reader against the CMC schema. Besides
// not crashing, it checks the promise `certc run` relies on to write reports
// early: when the member-id scan finds no repeat, the reader withdraws nothing.
#include "ledger/FuzzSchema.inc"

#include <cstdio>
#include <cstdlib>

using namespace certc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  size_t Handed = 0;
  ledger::StreamResult R =
      ledger::streamJsonLedger(ledger::fuzzSchema(), "fuzz.json", Text, {}, [&](ledger::Member &&) { ++Handed; });
  if (!R.Withdrawn.empty() && ledger::jsonMemberIdsAreDistinct(Text)) {
    fprintf(stderr, "the member-id scan found no repeat, but the reader withdrew %zu of %zu members\n",
            R.Withdrawn.size(), Handed);
    abort();
  }
  return 0;
}
