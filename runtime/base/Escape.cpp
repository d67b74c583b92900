#include "base/Escape.h"

#include <algorithm>

namespace certc {

std::string escapeControls(llvm::StringRef Text) {
  if (std::none_of(Text.begin(), Text.end(), isControlByte))
    return Text.str();
  std::string Out;
  Out.reserve(Text.size() + 8);
  static const char Hex[] = "0123456789ABCDEF";
  for (char C : Text) {
    if (!isControlByte(C)) {
      Out += C;
      continue;
    }
    unsigned char U = static_cast<unsigned char>(C);
    Out += "\\x";
    Out += Hex[U >> 4];
    Out += Hex[U & 15];
  }
  return Out;
}

} // namespace certc
