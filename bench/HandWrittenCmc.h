// A straightforward hand-written C++ audit of the main IIMC CMC point rules: the
// speed floor the interpreter is compared with (bench only; not a reference for
// correctness: it allocates either-or items greedily).
#ifndef CERTC_BENCH_HANDWRITTENCMC_H
#define CERTC_BENCH_HANDWRITTENCMC_H

#include "ledger/Ledger.h"

namespace certc::bench {

struct HandWrittenCmc {
  explicit HandWrittenCmc(const ir::Policy &P);
  /// Returns whether Education >= 60 and Experience (with excess) >= 50.
  bool audit(const ledger::Member &M, Date AsOf) const;

private:
  const ir::Policy &P;
  uint32_t field(uint32_t Kind, const char *Name) const;
  uint32_t KindInstitute, KindState, KindConference, KindAthenian, KindEmployment, KindOnline;
  ir::SymbolId FullTime = ir::None;
};

} // namespace certc::bench

#endif
