// SHA-256 over the canonical JSON, the one serialisation that is byte-stable.
#include "ir/Hash.h"

#include "ir/IRJson.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

namespace certc::ir {

std::string computeContentHash(const Policy &P) {
  Policy Unhashed = P;
  Unhashed.ContentHash.clear();
  llvm::SHA256 Hasher;
  Hasher.update(writePolicyJson(Unhashed));
  return llvm::toHex(Hasher.final(), /*LowerCase=*/true);
}

} // namespace certc::ir
