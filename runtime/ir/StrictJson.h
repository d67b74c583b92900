// A JSON parser as strict as IR files need: bounded depth, unique keys, exact integers.
#ifndef CERTC_IR_STRICTJSON_H
#define CERTC_IR_STRICTJSON_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace certc::ir {

/// Parses RFC 8259 JSON with these restrictions: arrays and objects nest at most
/// MaxDepth deep, object keys are unique, and numbers are integers that fit in
/// int64 (certc IR has no others). Errors read "LINE:COL: message".
/// llvm::json::parse alone recurses without a depth limit (deep input overflows
/// the stack), keeps the last of duplicate keys and clamps large integers.
llvm::Expected<llvm::json::Value> parseStrictJson(llvm::StringRef Text, unsigned MaxDepth);

} // namespace certc::ir

#endif
