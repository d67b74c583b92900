// Member ledgers and their JSON and CSV readers; the format is in docs/ledger-format.md.
#ifndef CERTC_LEDGER_LEDGER_H
#define CERTC_LEDGER_LEDGER_H

#include "ir/IR.h"
#include "ledger/FieldValue.h"
#include "ledger/LedgerSchema.h"
#include "ledger/ValueStore.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace certc::ledger {

struct Activity {
  std::string Id;
  uint32_t Kind = 0; ///< index into Policy::Kinds
  /// Parallel to Policy::Kinds[Kind].Fields; absent optional fields hold the
  /// field's Default. A view into the member's Store (copyActivities copies
  /// an activity into another member).
  llvm::MutableArrayRef<FieldValue> Fields;
  uint32_t Line = 0, Col = 0; ///< where the activity starts (1-based)
  bool Planned = false; ///< read from a file of planned activities (`--planned`), not the ledger
};

/// A member and its activities. It owns the storage its and its activities'
/// field values live in (Store), so it outlives the text it was read from;
/// it can be moved but not copied.
struct Member {
  std::string Id; ///< a copy of the member field `id`
  /// Parallel to Policy::MemberFields, defaults filled; a view into Store.
  llvm::MutableArrayRef<FieldValue> Fields;
  std::vector<Activity> Activities; ///< in ledger order
  std::string File;
  uint32_t Line = 0, Col = 0;
  ValueStore Store; ///< holds the values of Fields and of every activity's Fields
};

/// Appends copies of Activities (of another member) to Into, their values
/// copied into Into's store.
void copyActivities(Member &Into, llvm::ArrayRef<Activity> Activities);

/// One problem with a ledger. Line and Col are 1-based (0 when not applicable);
/// columns count bytes in JSON and cells in CSV.
struct LedgerError {
  std::string File;
  uint32_t Line = 0, Col = 0;
  std::string Member, Activity, Field, Message;
  /// "file:line:col: error: member M, activity A, field F: message", leaving
  /// out the parts that are empty.
  std::string str() const;
};

/// Members holds only members read without any error: a member with an error
/// is never audited, but each of its errors is in Errors.
struct ReadResult {
  std::vector<Member> Members;
  std::vector<LedgerError> Errors;
};

/// Bounds that keep a hostile or broken ledger from exhausting time or memory.
/// Exceeding one is an ordinary ledger error.
struct LedgerLimits {
  size_t MaxFileBytes = size_t(256) << 20; ///< per file; at most 4 GiB is honoured
  uint32_t MaxDepth = 64;                  ///< JSON nesting of arrays and objects
  size_t MaxActivitiesPerMember = 100000;
  /// Errors beyond this are counted in one final error instead of listed.
  size_t MaxErrors = 10000;
  /// MaxFileBytes as honoured: offsets within a file are 32 bits.
  size_t fileByteLimit() const { return std::min<size_t>(MaxFileBytes, UINT32_MAX); }
};

/// Receives each member as soon as it is read.
using MemberSink = llvm::function_ref<void(Member &&)>;

/// What streaming a ledger leaves besides its members: the errors, and the
/// members withdrawn after they were handed over (numbered from 0 in the order
/// they were handed), because a later record of the file reuses their id.
struct StreamResult {
  std::vector<LedgerError> Errors;
  std::vector<size_t> Withdrawn;
};

/// Reads a JSON ledger member by member, so that a large file is audited while
/// it is read, in memory bounded by one member: OnMember receives every member
/// read without error, in file order. A withdrawn member must not be reported.
StreamResult streamJsonLedger(const LedgerSchema &Schema, llvm::StringRef FileName,
                              llvm::StringRef Text, const LedgerLimits &Limits,
                              MemberSink OnMember);

/// A stretch of a JSON ledger that can be read on its own, so that parts of
/// one large file are read in parallel: the ledger entries (and whatever
/// stands between them) from Begin up to the entry that starts at End. The
/// first part begins at 0; the last ends at the size of the text.
struct JsonLedgerPart {
  uint32_t Begin = 0, End = 0; ///< byte offsets in the text
  uint32_t Line = 1, Col = 1;  ///< where Begin is
};

/// Splits a JSON ledger's top-level array where an entry seems to begin (a
/// `{"member"` after a comma), every PartBytes bytes or a little more. The
/// reader confirms each place: reading the parts in order reports what
/// reading the whole file would, wherever they were split; a wrong place only
/// makes a part read on to the end. A file that is not an array is one part.
/// ScannedUpTo, when given, is told as the scan moves on that the text before
/// an offset will not be read again (so its pages can be released).
std::vector<JsonLedgerPart> splitJsonLedger(llvm::StringRef Text, size_t PartBytes,
                                            llvm::function_ref<void(size_t)> ScannedUpTo = nullptr);

/// What reading one part leaves, to be joined in order (joinJsonLedgerParts).
struct PartResult {
  std::vector<LedgerError> Errors; ///< as reported, at most Limits.MaxErrors
  size_t ErrorCount = 0;           ///< all errors, those not kept included
  std::vector<size_t> Withdrawn;   ///< numbered among this part's members
  size_t Handed = 0;               ///< members handed to OnMember
  /// Reading stopped in this part (a syntax error) or went on past its end:
  /// the parts after it must be neither read nor reported.
  bool EndsReading = false;
};

/// Reads one part of Text, handing each member read without error to
/// OnMember. Parts do not see each other's member ids: read in parts only a
/// file whose member ids are distinct (jsonMemberIdsAreDistinct).
PartResult readJsonLedgerPart(const LedgerSchema &Schema, llvm::StringRef FileName, llvm::StringRef Text,
                              const JsonLedgerPart &Part, const LedgerLimits &Limits, MemberSink OnMember);

/// The parts' results, in order and up to the first that ends the reading,
/// as streamJsonLedger gives them for the whole file: errors sorted by
/// place, the count of those beyond Limits.MaxErrors, withdrawn members
/// numbered in the file.
StreamResult joinJsonLedgerParts(llvm::StringRef FileName, std::vector<PartResult> &&Parts,
                                 const LedgerLimits &Limits);

/// Whether every member record of a JSON ledger has its own id, found without
/// reading the ledger. When true, streamJsonLedger withdraws nothing; false
/// when an id repeats, or may: a key or id the answer depends on is written
/// with escapes.
/// ScannedUpTo as for splitJsonLedger.
bool jsonMemberIdsAreDistinct(llvm::StringRef Text, llvm::function_ref<void(size_t)> ScannedUpTo = nullptr);

/// Removes the withdrawn members from all the members a stream handed over.
void dropWithdrawn(std::vector<Member> &Members, llvm::ArrayRef<size_t> Withdrawn);

/// Reads a JSON ledger: one {"member": {...}, "activities": [...]} object or
/// an array of them.
ReadResult readJsonLedger(const LedgerSchema &Schema, llvm::StringRef FileName,
                          llvm::StringRef Text, const LedgerLimits &Limits = {});
ReadResult readJsonLedger(const ir::Policy &P, llvm::StringRef FileName,
                          llvm::StringRef Text);

/// Reads a CSV ledger: a members file (one row per member) and an activities
/// file (one row per activity, tied to its member by `member_id`).
ReadResult readCsvLedger(const LedgerSchema &Schema, llvm::StringRef MembersFile,
                         llvm::StringRef MembersText, llvm::StringRef ActivitiesFile,
                         llvm::StringRef ActivitiesText, const LedgerLimits &Limits = {});
ReadResult readCsvLedger(const ir::Policy &P, llvm::StringRef MembersFile,
                         llvm::StringRef MembersText, llvm::StringRef ActivitiesFile,
                         llvm::StringRef ActivitiesText);

} // namespace certc::ledger

#endif
