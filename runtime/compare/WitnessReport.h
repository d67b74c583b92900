// The witness search's result as `certc diff` prints it.
#ifndef CERTC_COMPARE_WITNESSREPORT_H
#define CERTC_COMPARE_WITNESSREPORT_H

#include "compare/Witness.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace certc::compare {

void printWitnessText(const WitnessResult &R, const WitnessBounds &B, llvm::raw_ostream &OS);
/// The result as the `witness` member of a JSON object being written.
void writeWitnessJson(const WitnessResult &R, const WitnessBounds &B, llvm::json::OStream &J);

} // namespace certc::compare

#endif
