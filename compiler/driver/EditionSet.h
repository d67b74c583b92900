// The editions `certc run` audits against: one policy, or several editions of
// one designation (`--edition`), each member audited against the edition in
// force on its governing date (runtime/eval/Editions.h).
#ifndef CERTC_DRIVER_EDITIONSET_H
#define CERTC_DRIVER_EDITIONSET_H

#include "driver/AuditPipeline.h"
#include "eval/Editions.h"
#include "eval/PolicyIndex.h"
#include "ir/IR.h"
#include "report/ReportFragments.h"

#include <memory>
#include <string>
#include <vector>

namespace certc {

class EditionSet {
public:
  /// Editions given on the command line (Files parallel to Policies). Prints
  /// why they cannot be run together (two designations, two vocabularies or
  /// governing fields, editions that overlap or leave a gap) and returns null.
  static std::unique_ptr<EditionSet> make(std::vector<ir::Policy> Policies, const std::vector<std::string> &Files);

  /// The first edition given: its vocabulary reads the ledgers.
  const ir::Policy &first() const { return Policies.front(); }
  /// The edition in force for M: on its governing date (the policy's
  /// `governed by` field, else AsOf).
  EditionChoice choose(const ledger::Member &M, Date AsOf) const;

private:
  std::vector<ir::Policy> Policies;
  std::vector<std::unique_ptr<eval::PolicyIndex>> Indexes;
  std::vector<std::unique_ptr<report::ReportFragments>> Fragments; ///< for the reports, per edition
  std::vector<eval::EditionFacts> Facts;
};

} // namespace certc

#endif
