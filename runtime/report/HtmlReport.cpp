// The member's report as a page. Every text from the policy or the ledger goes
// through escapeHtml; the numbers in the text are the exact ones of the status
// update, and only the bars' attributes round (down, to hundredths).
#include "report/HtmlReport.h"
#include "report/Words.h"

#include "base/Escape.h"

#include "llvm/ADT/StringExtras.h"

namespace certc::report {

namespace {
// Dark text on white (over 10:1); status colours and the bars' fill reach at
// least 4.5:1 against their background; status is never told by colour alone.
const char *const Style = R"css(
:root{color-scheme:light}
body{font:16px/1.5 "DejaVu Sans",system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:62rem;padding:1.5rem}
header{border-bottom:3px solid #1f4e79;padding-bottom:.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
header p{margin:.2rem 0;color:#404040}
section.member{margin-top:2rem}
h2{font-size:1.4rem;margin:0 0 .5rem;color:#1f4e79}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #b0b0b0}
h4{font-size:1rem;margin:0}
p.verdict{font-size:1.1rem;padding:.5rem .75rem;border-left:6px solid;margin:.5rem 0}
p.verdict.eligible{border-color:#1b5e20;background:#e8f5e9}
p.verdict.not-eligible{border-color:#8a4b00;background:#fff4e5}
.requirement{margin:.75rem 0 1.25rem}
.bar{height:1.1rem;border:1px solid #4d4d4d;background:#e6e6e6;border-radius:3px;overflow:hidden;margin:.3rem 0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fill{display:block;height:100%;background:#1f5f99}
.requirement.met .fill{background:#1b5e20}
.requirement.not-applying h4{color:#555}
.state{font-weight:bold}
.met .state{color:#1b5e20}
.unmet .state{color:#a00000}
.numbers{margin:.2rem 0}
.cite{font-size:.9rem;color:#404040;margin:.25rem 0}
td .cite{margin:0 0 .25rem}
ul.prerequisites{list-style:none;padding:0;margin:0}
ul.prerequisites li{margin:.5rem 0}
.mark{display:inline-block;width:1.3em;font-weight:bold}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.25rem 0}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #b0b0b0;padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:#eef1f5}
td.num{text-align:right;white-space:nowrap}
.note{margin:.25rem 0 0;color:#5c3d00}
code{font-size:.9em}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
section.member{break-before:page;margin-top:0}
section.member:first-of-type{break-before:auto}
tr,.requirement,ul.prerequisites li{break-inside:avoid}
h2,h3,h4{break-after:avoid}
thead{display:table-header-group}
}
)css";

std::string esc(llvm::StringRef S) { return escapeHtml(S); }

/// An id attribute for the member: letters, digits, `-` and `_` kept, every
/// other byte as `.XX`, so any member id gives a valid, distinct anchor.
std::string anchorOf(llvm::StringRef MemberId) {
  std::string Out = "member-";
  for (char C : MemberId) {
    if (llvm::isAlnum(C) || C == '-' || C == '_') {
      Out += C;
    } else {
      Out += '.';
      Out += llvm::hexdigit(static_cast<unsigned char>(C) >> 4, /*LowerCase=*/true);
      Out += llvm::hexdigit(static_cast<unsigned char>(C) & 15, /*LowerCase=*/true);
    }
  }
  return Out;
}

/// A number for an attribute: exact when it has a finite decimal, else rounded
/// down to hundredths (the text beside it gives the exact value).
std::string attributeNumber(const Rational &R) {
  if (R.hasFiniteDecimal())
    return R.str();
  std::optional<Rational> Down = R.floorTo(*Rational::make(1, 100));
  return Down ? Down->str() : "0";
}

void citations(llvm::raw_ostream &OS, llvm::ArrayRef<ir::Citation> Cites) {
  for (const ir::Citation &C : Cites)
    OS << "<p class=\"cite\">Guideline: <cite>" << esc(C.Document) << "</cite>, section \u201c" << esc(C.Section)
       << "\u201d: <q>" << esc(C.Quote) << "</q></p>\n";
}

void pointRequirement(llvm::raw_ostream &OS, const eval::RequirementResult &R, const std::string &Id) {
  if (!R.Applies) {
    OS << "<div class=\"requirement not-applying\">\n<h4 id=\"" << Id << "\">" << esc(R.Title) << "</h4>\n";
    OS << "<p class=\"numbers\"><span class=\"state\">Does not apply</span>: " << esc(R.Detail) << "</p>\n";
    citations(OS, R.Cites);
    OS << "</div>\n";
    return;
  }
  const char *State = R.Met ? "met" : "unmet";
  Rational Shown = R.Points > R.Required ? R.Required : R.Points;
  OS << "<div class=\"requirement " << State << "\">\n<h4 id=\"" << Id << "\">" << esc(R.Title) << "</h4>\n";
  OS << "<div class=\"bar\" role=\"progressbar\" aria-labelledby=\"" << Id << "\" aria-valuemin=\"0\" aria-valuemax=\""
     << attributeNumber(R.Required) << "\" aria-valuenow=\"" << attributeNumber(Shown) << "\" aria-valuetext=\""
     << esc(R.Detail) << "\"><span class=\"fill\" style=\"width:" << percentReached(R.Points, R.Required)
     << "%\"></span></div>\n";
  OS << "<p class=\"numbers\"><span class=\"state\">" << (R.Met ? "Met" : "Not met") << "</span>: "
     << esc(R.Detail) << "</p>\n";
  citations(OS, R.Cites);
  OS << "</div>\n";
}

void pointRequirements(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A, const std::string &Anchor) {
  OS << "<h3>" << esc(unitHeading(P, /*Plural=*/false)) << " requirements</h3>\n";
  bool Any = false;
  for (size_t I = 0; I < A.Requirements.size(); ++I)
    if (!A.Requirements[I].IsPrerequisite) {
      Any = true;
      pointRequirement(OS, A.Requirements[I], Anchor + "-req-" + std::to_string(I));
    }
  if (!Any)
    OS << "<p>This policy has no " << esc(eval::countingUnitName(P, /*Plural=*/false)) << " requirement.</p>\n";
}

void prerequisites(llvm::raw_ostream &OS, const eval::Audit &A) {
  OS << "<h3>Prerequisites</h3>\n";
  bool Any = false;
  for (const eval::RequirementResult &R : A.Requirements) {
    if (!R.IsPrerequisite)
      continue;
    if (!Any)
      OS << "<ul class=\"prerequisites\">\n";
    Any = true;
    OS << "<li class=\"" << (R.Met ? "met" : "unmet") << "\"><span class=\"mark\" aria-hidden=\"true\">"
       << (R.Met ? "\u2713" : "\u2717") << "</span><span class=\"state\">" << (R.Met ? "Met" : "Not met")
       << "</span>: " << esc(R.Title);
    if (!R.Detail.empty())
      OS << " \u2014 " << esc(R.Detail);
    OS << "\n";
    citations(OS, R.Cites);
    OS << "</li>\n";
  }
  OS << (Any ? "</ul>\n" : "<p>This policy has no prerequisite.</p>\n");
}

/// `<table class="CLASS">`, a header row of Columns (each `<th scope="col">`), `<tbody>`.
void beginTable(llvm::raw_ostream &OS, const char *Class, std::initializer_list<const char *> Columns) {
  OS << "<table class=\"" << Class << "\">\n<thead><tr>";
  for (const char *Column : Columns)
    OS << "<th scope=\"col\">" << Column << "</th>";
  OS << "</tr></thead>\n<tbody>\n";
}

void categories(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A) {
  std::string Unit = esc(unitHeading(P, /*Plural=*/true));
  OS << "<h3>" << Unit << " by category</h3>\n";
  beginTable(OS, "categories", {"Category", Unit.c_str(), "Required", "Note"});
  for (const eval::CategoryResult &C : A.Categories) {
    OS << "<tr><th scope=\"row\">" << esc(C.Name) << "</th><td class=\"num\">" << C.Points.str()
       << "</td><td class=\"num\">" << (C.Required ? C.Required->str() : "") << "</td><td>";
    if (!C.SpilledIn.isZero())
      OS << "includes " << esc(eval::pointsText(P, C.SpilledIn)) << " of excess from another category";
    if (!C.CarriedIn.isZero())
      OS << (C.SpilledIn.isZero() ? "" : "; ") << "includes " << esc(eval::pointsText(P, C.CarriedIn))
         << " carried over from the previous period";
    OS << "</td></tr>\n";
  }
  OS << "</tbody>\n</table>\n";
}

/// `<code>course</code>`, and for a part of an item credited in parts "part
/// <code>ethics_hours</code>" below it.
std::string kindCell(const eval::ItemResult &I) {
  std::string Cell = "<code>" + esc(I.Kind) + "</code>";
  if (std::string Part = eval::partLabel(I); !Part.empty())
    Cell += "<br>part <code>" + esc(Part) + "</code>";
  return Cell;
}

void creditedItems(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A) {
  OS << "<h3>Credited items</h3>\n";
  bool Any = false;
  for (const eval::ItemResult &I : A.Items) {
    if (!I.Credited)
      continue;
    if (!Any)
      beginTable(OS, "credited", {"Activity", "Kind", esc(unitHeading(P, /*Plural=*/true)).c_str(), "Category",
                                  "How it counts", "Guideline"});
    Any = true;
    OS << "<tr><th scope=\"row\">" << esc(I.Id) << "</th><td>" << kindCell(I) << "</td><td class=\"num\">"
       << I.Points.str() << "</td><td>" << esc(I.Category) << "</td><td>rule <code>" << esc(I.Rule)
       << "</code>: " << esc(eval::derivationText(P, I));
    if (std::string Note = eval::reasonText(P, A, I); !Note.empty())
      OS << "<p class=\"note\">Note: " << htmlExplanation(Note) << "</p>";
    OS << "</td><td>";
    citations(OS, I.Cites);
    OS << "</td></tr>\n";
  }
  OS << (Any ? "</tbody>\n</table>\n" : "<p>No item was credited.</p>\n");
}

void notCreditedItems(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A) {
  bool Any = false;
  for (const eval::ItemResult &I : A.Items) {
    if (I.Credited)
      continue;
    if (!Any) {
      OS << "<h3>Not credited</h3>\n";
      beginTable(OS, "not-credited", {"Activity", "Kind", "Reason", "Guideline"});
    }
    Any = true;
    OS << "<tr><th scope=\"row\">" << esc(I.Id) << "</th><td>" << kindCell(I) << "</td><td>"
       << htmlExplanation(eval::reasonText(P, A, I)) << "</td><td>";
    citations(OS, I.Cites);
    OS << "</td></tr>\n";
  }
  if (Any)
    OS << "</tbody>\n</table>\n";
}
} // namespace

std::string escapeHtml(llvm::StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  for (char C : S) {
    switch (C) {
    case '&': Out += "&amp;"; break;
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '"': Out += "&quot;"; break;
    case '\'': Out += "&#39;"; break;
    default:
      if (isControlByte(C))
        Out += escapeControls(llvm::StringRef(&C, 1));
      else
        Out += C;
    }
  }
  return Out;
}

std::string htmlExplanation(llvm::StringRef S) {
  std::string Out;
  bool InCode = false;
  for (llvm::StringRef Rest = S; !Rest.empty();) {
    auto [Piece, After] = Rest.split('`');
    Out += esc(Piece);
    if (Piece.size() == Rest.size())
      break;
    // An unpaired backtick stays as it is.
    if (!InCode && !After.contains('`')) {
      Out += '`';
    } else {
      Out += InCode ? "</code>" : "<code>";
      InCode = !InCode;
    }
    Rest = After;
  }
  return Out;
}

unsigned percentReached(const Rational &Points, const Rational &Required) {
  if (Points >= Required)
    return 100;
  if (!Points.isNegative() && !Points.isZero() && Required > Rational(0))
    if (std::optional<Rational> Share = Points.div(Required))
      if (std::optional<Rational> Percent = Share->mul(100))
        if (std::optional<Rational> Whole = Percent->floorTo(1))
          return static_cast<unsigned>(Whole->num());
  return 0;
}

void beginHtmlPage(llvm::raw_ostream &OS, const ir::Policy &P, Date AsOf) {
  std::string Heading = esc(programHeading(P));
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
     << Heading << " \u2014 status update as of " << AsOf.str() << "</title>\n<style>" << Style
     << "</style>\n</head>\n<body>\n<header>\n<h1>" << Heading << "</h1>\n<p>Status update as of <time datetime=\""
     << AsOf.str() << "\">" << AsOf.str() << "</time>";
  if (!P.Edition.empty())
    OS << ", guidelines edition " << esc(P.Edition);
  OS << ".</p>\n<p class=\"cite\">Policy <code>" << esc(P.ContentHash) << "</code></p>\n</header>\n<main>\n";
}

void printHtmlReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A) {
  std::string Anchor = anchorOf(A.Member);
  OS << "<section class=\"member\" aria-labelledby=\"" << Anchor << "\">\n<h2 id=\"" << Anchor << "\">Member "
     << esc(A.Member) << "</h2>\n";
  OS << "<p class=\"verdict " << (A.Eligible ? "eligible" : "not-eligible") << "\">Verdict: <strong>"
     << esc(verdictWords(P, A.Eligible, VerdictCase::Sentence)) << "</strong>";
  // "Eligible for the CMC": the default words name what the member is eligible for.
  if (P.VerdictMet.empty() && !A.Designation.empty())
    OS << " for the " << esc(A.Designation);
  OS << " as of " << A.AsOf.str() << "</p>\n";
  if (A.Period) {
    OS << "<p class=\"period\">Compliance period: <time datetime=\"" << A.Period->Start << "\">" << A.Period->Start
       << "</time> to <time datetime=\"" << A.Period->lastDay() << "\">" << A.Period->lastDay() << "</time>";
    if (A.Period->hasGrace())
      OS << " (grace to <time datetime=\"" << A.Period->lastGraceDay() << "\">" << A.Period->lastGraceDay()
         << "</time>)";
    OS << "</p>\n";
  }
  for (const eval::CarriedCredit &C : A.CarriedIn)
    OS << "<p class=\"carried\">Credit " << esc(eval::carriedText(P, A, C)) << "</p>\n";
  if (!A.Missing.empty()) {
    OS << "<h3>Still needed</h3>\n<ul class=\"missing\">\n";
    for (const std::string &M : A.Missing)
      OS << "<li>" << esc(M) << "</li>\n";
    OS << "</ul>\n";
  }
  pointRequirements(OS, P, A, Anchor);
  prerequisites(OS, A);
  categories(OS, P, A);
  creditedItems(OS, P, A);
  notCreditedItems(OS, P, A);
  OS << "</section>\n";
}

void endHtmlPage(llvm::raw_ostream &OS, size_t MembersShown) {
  if (MembersShown == 0)
    OS << "<p>No member was audited.</p>\n";
  OS << "</main>\n</body>\n</html>\n";
}

} // namespace certc::report
