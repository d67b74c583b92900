// Text from input files made safe to print: a control character in an id
// could start a line of its own (forging a "Verdict:" line in a report) or
// drive the terminal (ESC sequences).
#ifndef CERTC_BASE_ESCAPE_H
#define CERTC_BASE_ESCAPE_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace certc {

/// True for the bytes escapeControls rewrites: below 0x20, and DEL (0x7f).
inline bool isControlByte(char C) {
  unsigned char U = static_cast<unsigned char>(C);
  return U < 0x20 || U == 0x7f;
}

/// Text with every control byte written as \xNN; other bytes unchanged.
std::string escapeControls(llvm::StringRef Text);

} // namespace certc

#endif
