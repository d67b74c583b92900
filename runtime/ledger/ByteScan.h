// Tight byte-skipping loops shared by the passes that look at a JSON ledger's
// structure without tokenising it (the member-id scan, the splitter).
#ifndef CERTC_LEDGER_BYTESCAN_H
#define CERTC_LEDGER_BYTESCAN_H

namespace certc::ledger::detail {

/// A set of bytes to stop at.
struct ByteSet {
  bool Has[256] = {};
  constexpr ByteSet(const char *Bytes) {
    for (; *Bytes; ++Bytes)
      Has[static_cast<unsigned char>(*Bytes)] = true;
  }
};

/// The first byte from P on that is in Stops, or End.
inline const char *skipTo(const char *P, const char *End, const ByteSet &Stops) {
  while (P != End && !Stops.Has[static_cast<unsigned char>(*P)])
    ++P;
  return P;
}

inline const char *skipSpace(const char *P, const char *End) {
  while (P != End && (*P == ' ' || *P == '\n' || *P == '\r' || *P == '\t'))
    ++P;
  return P;
}

} // namespace certc::ledger::detail

#endif
