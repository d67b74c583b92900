// libFuzzer target for the JSON ledger reader against the CMC schema.
#include "ledger/FuzzSchema.inc"

using namespace certc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ledger::readJsonLedger(ledger::fuzzSchema(), "fuzz.json",
                         llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  return 0;
}
