// libFuzzer target for the IR loader: any bytes are read as IR (with and without
// the hash check, so damaged content reaches the verifier); whatever is accepted
// is verified, printed and written again. Nothing may crash or hang.
#include "ir/IRJson.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"

using namespace certc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  for (bool CheckHash : {true, false}) {
    llvm::Expected<ir::Policy> P =
        CheckHash ? ir::readPolicyJson(Text, "fuzz.json") : ir::readPolicyJsonIgnoringHash(Text, "fuzz.json");
    if (!P) {
      llvm::consumeError(P.takeError());
      continue;
    }
    if (llvm::Error E = ir::verifyPolicy(*P)) {
      llvm::consumeError(std::move(E));
      continue;
    }
    (void)ir::printPolicy(*P);
    (void)ir::writePolicyJson(*P);
  }
  return 0;
}
