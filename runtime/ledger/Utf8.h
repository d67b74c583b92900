// UTF-8 validation: ledger text is echoed in reports, so only well-formed UTF-8 is read.
#ifndef CERTC_LEDGER_UTF8_H
#define CERTC_LEDGER_UTF8_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>

namespace certc::ledger::detail {

/// Length of the well-formed multi-byte sequence at P (whose first byte is
/// 0x80 or above), or 0 when it is malformed, overlong, a surrogate or
/// truncated by End (RFC 3629, table 3-7 of the Unicode standard).
inline size_t utf8SequenceLength(const unsigned char *P, const unsigned char *End) {
  unsigned char B0 = P[0];
  size_t Len;
  unsigned char Lo = 0x80, Hi = 0xBF; // bounds of the second byte
  if (B0 >= 0xC2 && B0 <= 0xDF)
    Len = 2;
  else if (B0 >= 0xE0 && B0 <= 0xEF) {
    Len = 3;
    if (B0 == 0xE0)
      Lo = 0xA0;
    else if (B0 == 0xED)
      Hi = 0x9F;
  } else if (B0 >= 0xF0 && B0 <= 0xF4) {
    Len = 4;
    if (B0 == 0xF0)
      Lo = 0x90;
    else if (B0 == 0xF4)
      Hi = 0x8F;
  } else
    return 0;
  if (static_cast<size_t>(End - P) < Len || P[1] < Lo || P[1] > Hi)
    return 0;
  for (size_t I = 2; I < Len; ++I)
    if (P[I] < 0x80 || P[I] > 0xBF)
      return 0;
  return Len;
}

/// Offset of the first byte that is not part of well-formed UTF-8, or npos.
inline size_t findInvalidUtf8(llvm::StringRef Text) {
  auto *Begin = reinterpret_cast<const unsigned char *>(Text.data());
  auto *End = Begin + Text.size();
  for (auto *P = Begin; P < End;) {
    if (*P < 0x80) {
      ++P;
      continue;
    }
    size_t Len = utf8SequenceLength(P, End);
    if (Len == 0)
      return static_cast<size_t>(P - Begin);
    P += Len;
  }
  return llvm::StringRef::npos;
}

} // namespace certc::ledger::detail

#endif
