// libFuzzer target for the CSV ledger reader: the input is split at its first
// form feed into the members file and the activities file.
#include "ledger/FuzzSchema.inc"

using namespace certc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto [Members, Activities] = Text.split('\f');
  ledger::readCsvLedger(ledger::fuzzSchema(), "fuzz.members.csv", Members, "fuzz.activities.csv", Activities);
  return 0;
}
