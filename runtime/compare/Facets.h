// A policy's declarations in committee language, aspect by aspect ("earns",
// "at most each", "condition", ...), so that two editions can be compared
// aspect by aspect whatever their tables' indices.
#ifndef CERTC_COMPARE_FACETS_H
#define CERTC_COMPARE_FACETS_H

#include "ir/IR.h"

#include <string>
#include <vector>

namespace certc::compare {

/// One aspect of a declaration: a single value ("earns": "2 points before
/// 2013-11-23, 3 points from 2013-11-23") or a list whose items are compared
/// one by one (conditions, citations).
struct Facet {
  std::string Aspect;
  std::vector<std::string> Items;
  bool IsList = false;
};

/// The aspects of a declaration, in a fixed order.
using Facets = std::vector<Facet>;

/// A named declaration and its aspects.
struct Described {
  std::string Name;
  Facets Aspects;
};

Facets describeRule(const ir::Policy &P, const ir::Rule &R);
Facets describeRequirement(const ir::Policy &P, const ir::Requirement &R);
Facets describePrerequisite(const ir::Policy &P, const ir::Prerequisite &Pr);
Facets describePeriod(const ir::Policy &P, const ir::CompliancePeriod &Pe);
Facets describeCap(const ir::Policy &P, const ir::Cap &C);
Facets describeLimit(const ir::Policy &P, const ir::Limit &L);
Facets describeSpillover(const ir::Policy &P, const ir::Spillover &S);
Facets describeCarryOver(const ir::Policy &P, const ir::CarryOver &C);
/// The heading: title, edition, effective date, designation, sources.
Facets describeHeading(const ir::Policy &P);
/// The ledger vocabulary: member fields, activity kinds and their fields,
/// enumerations and units, each an item of a list.
Facets describeVocabulary(const ir::Policy &P);

/// Whether ledgers read under A's schema are members of B's too: the same
/// vocabulary in the same order and the same symbols.
bool sameLedgerVocabulary(const ir::Policy &A, const ir::Policy &B);

/// "" (always), "before D", "from D", "from D before E".
std::string windowText(const ir::DateWindow &W);

} // namespace certc::compare

#endif
