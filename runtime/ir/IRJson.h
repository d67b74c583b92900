// The IR's on-disk form: canonical, pretty-printed JSON. Format: docs/ir.md.
#ifndef CERTC_IR_IRJSON_H
#define CERTC_IR_IRJSON_H

#include "ir/IR.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace certc::ir {

/// The "format" tag every IR file starts with.
inline constexpr const char *FormatTag = "certc-ir";
/// Larger inputs are rejected before parsing, so reading is bounded in time and memory.
inline constexpr size_t MaxIRFileBytes = size_t(64) << 20;
/// Reading an IR file builds an llvm::json tree whose every object costs
/// about 4 KiB (a DenseMap starts at 64 buckets) however few keys it has, so
/// the objects, not the bytes, bound its memory: at most 1.1 GiB this way. A
/// compiled rule takes about 9 objects.
inline constexpr size_t MaxIRObjects = size_t(1) << 18;
/// The IR's own nesting is 8 deep; anything much deeper is not an IR file.
inline constexpr unsigned MaxJsonDepth = 16;

/// An error naming FileName when Bytes is over MaxIRFileBytes: the one check
/// and message of the IR reader, of reading an IR file, and of `certc build`,
/// which must not write an IR that `certc run` refuses.
llvm::Error checkIRSize(uint64_t Bytes, llvm::StringRef FileName);

/// checkIRSize, and at most MaxIRObjects objects in Text: what the reader
/// checks before parsing, and `certc build` before writing.
llvm::Error checkIRText(llvm::StringRef Text, llvm::StringRef FileName);

/// Reads an IR file: a regular file within MaxIRFileBytes, checked before a
/// byte is read. The error names the file and why.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readIRFile(llvm::StringRef Path);

/// Serialises P deterministically: equal policies give byte-identical text.
/// Writes P.ContentHash as it is (see computeContentHash). Never fails; values
/// outside their enumerations are written as "invalid", which the reader rejects.
std::string writePolicyJson(const Policy &P);

/// Parses an IR file. Any input yields a Policy or an Error naming the file and
/// the JSON path of the problem (e.g. "rules[3].earnings[0].points"); checks the
/// content hash. The result is well-formed, not verified: call verifyPolicy.
llvm::Expected<Policy> readPolicyJson(llvm::StringRef Text, llvm::StringRef FileName);

/// readPolicyJson without the content hash check, for tools that inspect
/// damaged files and for tests that feed the verifier arbitrary policies.
llvm::Expected<Policy> readPolicyJsonIgnoringHash(llvm::StringRef Text, llvm::StringRef FileName);

} // namespace certc::ir

#endif
