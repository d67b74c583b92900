#include "report/JsonString.h"

#include "llvm/Support/Format.h"

#include <cstdint>
#include <cstring>

namespace certc::report {

namespace {
bool needsEscape(unsigned char C) { return C < 0x20 || C == '"' || C == '\\'; }

/// Whether any of eight bytes needs an escape, by word arithmetic (the
/// "has a byte less than n" and "has a zero byte" tests, exact as booleans).
bool anyNeedsEscape(uint64_t X) {
  constexpr uint64_t Ones = 0x0101010101010101, Highs = 0x8080808080808080;
  uint64_t Quote = X ^ (Ones * '"'), Backslash = X ^ (Ones * '\\');
  uint64_t Control = X - Ones * 0x20;
  return ((Control & ~X) | ((Quote - Ones) & ~Quote) | ((Backslash - Ones) & ~Backslash)) & Highs;
}

size_t findEscape(llvm::StringRef S, size_t From) {
  size_t I = From;
  for (; I + 8 <= S.size(); I += 8) {
    uint64_t X;
    std::memcpy(&X, S.data() + I, 8);
    if (anyNeedsEscape(X))
      break;
  }
  for (; I < S.size(); ++I)
    if (needsEscape(static_cast<unsigned char>(S[I])))
      return I;
  return S.size();
}

/// S escaped, without the quotes.
void writeEscaped(llvm::raw_ostream &OS, llvm::StringRef S) {
  size_t Run = 0;
  for (size_t I = findEscape(S, 0); I < S.size(); I = findEscape(S, Run)) {
    OS << S.slice(Run, I);
    Run = I + 1;
    switch (unsigned char C = S[I]) {
    case '"': OS << "\\\""; break;
    case '\\': OS << "\\\\"; break;
    case '\n': OS << "\\n"; break;
    case '\r': OS << "\\r"; break;
    case '\t': OS << "\\t"; break;
    default: OS << llvm::format("\\u%04x", C);
    }
  }
  OS << S.substr(Run);
}
} // namespace

void writeJsonString(llvm::raw_ostream &OS, llvm::StringRef S) {
  OS << '"';
  writeEscaped(OS, S);
  OS << '"';
}

JsonStringStream::JsonStringStream(llvm::raw_ostream &Out) : Out(Out) {
  SetBuffer(Buffer, sizeof(Buffer));
}

JsonStringStream::~JsonStringStream() { flush(); }

void JsonStringStream::begin() {
  Opened = false;
  Written = 0;
}

void JsonStringStream::end(bool EmptyIsNull) {
  flush();
  if (Opened)
    Out << '"';
  else
    Out << (EmptyIsNull ? "null" : "\"\"");
}

void JsonStringStream::write_impl(const char *Ptr, size_t Size) {
  if (Size == 0)
    return;
  if (!Opened) {
    Out << '"';
    Opened = true;
  }
  Written += Size;
  // Escapes are per byte, so a literal may be escaped in pieces.
  writeEscaped(Out, llvm::StringRef(Ptr, Size));
}

} // namespace certc::report
