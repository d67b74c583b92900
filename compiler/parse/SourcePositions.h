// Maps ANTLR's code-point indices back to byte positions in the SourceMgr buffer.
#ifndef CERTC_PARSE_SOURCEPOSITIONS_H
#define CERTC_PARSE_SOURCEPOSITIONS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <vector>

namespace certc {

class SourcePositions {
public:
  explicit SourcePositions(llvm::StringRef Text);
  /// Location of the code point with index CodePoint (the end of text past it).
  llvm::SMLoc at(size_t CodePoint) const;
  /// Range covering code points [First, Last].
  llvm::SMRange range(size_t First, size_t Last) const;

private:
  llvm::StringRef Text;
  std::vector<uint32_t> ByteOffsets; ///< empty when the text is ASCII
};

} // namespace certc

#endif
