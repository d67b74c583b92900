// Code point to byte offset mapping; ASCII text (the usual case) needs no table.
#include "parse/SourcePositions.h"

namespace certc {

SourcePositions::SourcePositions(llvm::StringRef Text) : Text(Text) {
  bool Ascii = true;
  for (char C : Text)
    Ascii &= static_cast<unsigned char>(C) < 0x80;
  if (Ascii)
    return;
  for (size_t I = 0; I < Text.size(); ++I)
    if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
      ByteOffsets.push_back(static_cast<uint32_t>(I));
}

llvm::SMLoc SourcePositions::at(size_t CodePoint) const {
  size_t Byte = CodePoint;
  if (!ByteOffsets.empty())
    Byte = CodePoint < ByteOffsets.size() ? ByteOffsets[CodePoint] : Text.size();
  if (Byte > Text.size())
    Byte = Text.size();
  return llvm::SMLoc::getFromPointer(Text.begin() + Byte);
}

llvm::SMRange SourcePositions::range(size_t First, size_t Last) const {
  if (Last < First)
    Last = First;
  return {at(First), at(Last + 1)};
}

} // namespace certc
