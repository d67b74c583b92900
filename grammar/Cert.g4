// The .cert policy language: declarations a certification committee can read aloud.
// Reference: docs/language.md. Only compiler/parse/ sees the code generated from this.
grammar Cert;

file : decl* EOF ;

decl
  : policyHeader
  | importDecl
  | sourceDecl
  | unitDecl
  | enumDecl
  | designationDecl
  | memberDecl
  | activityDecl
  | commonFieldsDecl
  | categoryDecl
  | limitDecl
  | requirementDecl
  | spillDecl
  | prerequisiteDecl
  | compliancePeriodDecl
  | carryOverDecl
  | everyItemDecl
  | groupDecl
  | ruleDecl
  ;

// policy "IIMC Certified Municipal Clerk" for CMC edition "2017" effective 2017-05-20 source guidelines.
// An edition may replace another: supersedes "2009" from 2013-11-23, governed by cmc_applied.
// A maintenance program awards no designation: `for CMC` may be left out.
policyHeader : 'policy' title=STRING ('for' designation=ident)? headerClause* '.' ;
headerClause
  : 'edition' STRING        # editionClause
  | 'effective' DATE        # effectiveClause
  | 'source' ident          # headerSourceClause
  | 'supersedes' STRING 'from' DATE   # supersedesClause
  | 'governed' 'by' ident   # governedByClause
  | 'verdict' met=STRING 'else' notMet=STRING   # verdictClause
  ;

importDecl : 'import' STRING '.' ;
sourceDecl : 'source' ident ':' title=STRING 'file' path=STRING '.' ;

// unit contact_hour, contact_hours = 50 minutes.
unitDecl : 'unit' singular=ident ',' plural=ident ('=' amount baseUnit=ident)? '.' ;
enumDecl : 'enum' enumName=ident ':' values+=ident (',' values+=ident)* '.' ;
designationDecl : 'designation' ident STRING '.' ;

memberDecl : 'member' '{' fieldDecl* '}' ;
activityDecl : 'activity' ident period='period'? '{' fieldDecl* '}' ;
commonFieldsDecl : 'every' 'activity' '{' fieldDecl* '}' ;

fieldDecl : ident ':' typeRef fieldModifier* ;
typeRef
  : ident ('from' lowest=amount 'to' highest=amount)?     # namedType
  | 'set' 'of' ident                       # setType
  | 'list' 'of' ident                      # listType
  ;
fieldModifier
  : 'required'                # requiredModifier
  | 'default' literal         # defaultModifier
  ;
literal
  : 'true' | 'false' | amount | DATE | STRING | symbol=ident
  | '{' (members+=ident (',' members+=ident)*)? '}'
  ;

// category Giving Back at most 25 points.   category Bias = Implicit Bias + Other Bias.
categoryDecl : 'category' categoryName=name ('=' members+=name ('+' members+=name)*)? ('at' 'most' quantity)? cite* '.' ;
// limit self_study: at most 12.5 points of Education where self_reported.
// limit participatory: at most half of Education where self_reported.
limitDecl : 'limit' limitName=ident title=STRING? ':' 'at' 'most' limitAmount 'of' of=name ('where' expr)? cite* '.' ;
limitAmount
  : quantity              # absoluteLimit
  | 'half'                # halfShare
  | amount 'percent'      # percentShare
  | amount                # fractionShare
  ;
// requirement education "Education points": Education at least 60 points.
// Amounts may depend on the member: dated by the period's start, pro-rated by
// months, waived `when` a condition fails, or asked `every 3rd period`.
requirementDecl
  : 'requirement' requirementName=ident title=STRING? ':' name ('+' name)* 'at' 'least'
    requiredAmount (',' requiredAmount)* proRating? requirementScope* cite* '.' ;
requiredAmount : quantity window? ;
// per month from member.licensed to period end, rounded up, at most 24 points
proRating
  : 'per' perUnit=ident 'from' from=operand 'to' to=operand ','
    'rounded' direction=('up' | 'down') (',' 'at' 'most' most=quantity)? ;
requirementScope
  : 'when' expr                                       # requirementWhen
  | 'every' ordinal=NUMBER suffix=ident 'period'      # requirementEveryNth
  ;
// carry over: excess total up to 16 points into General from the last 6 months.
carryOverDecl
  : 'carry' 'over' ':' 'excess' source=name 'up' 'to' upTo=quantity
    (',' keep='keeping' 'its' 'category' | 'into' target=name)
    ('from' 'the' 'last' months=quantity)? cite* '.' ;
// excess Education counts toward Experience.
spillDecl : 'excess' source=name 'counts' 'toward' target=name cite* '.' ;
// `not waivable`: staff exceptions may not waive it (docs/exceptions-format.md).
prerequisiteDecl
  : 'prerequisite' prerequisiteName=ident title=STRING? ':' expr 'else' reason=STRING
    (notWaivable='not' 'waivable')? cite* '.' ;
// compliance period: 2 years from 2022-01-01, with 4 months of grace.
// compliance period: 3 years from member.certified when member.group = B.
compliancePeriodDecl
  : 'compliance' 'period' ':' length=quantity 'from' anchor=operand
    (',' 'with' grace=quantity 'of' 'grace')? ('when' when=expr)? cite* '.' ;
everyItemDecl : 'every' 'item' itemClause+ cite* '.' ;
itemClause : condition | countedPart ;
// A period counts only its part from a date: `counts only from awarded CMC`.
// `counts only from awarded CMC, in whole months`: the part counted in whole months.
countedPart : 'counts' 'only' 'from' operand (',' 'in' 'whole' measure=ident)? ;

groupDecl : 'group' ident ('where' expr)? ('at' 'most' quantity)? cite* '{' groupMember* '}' ;
groupMember : everyItemDecl | ruleDecl | groupDecl ;

ruleDecl : 'rule' ruleName=ident ':' 'each' kind=ident ('where' expr)? ruleClause* '.' ;
ruleClause
  : condition                                         # conditionClause
  | 'earns' datedEarning (',' datedEarning)*          # earnsClause
  | 'earns' splitPart (',' splitPart)*                # splitClause
  | 'rounded' direction=('down' | 'up' | 'nearest') 'to' quantity   # roundingClause
  | 'into' name ('or' name)*                          # intoClause
  | 'at' 'most' limit (',' limit)*                    # limitClause
  | 'priority' amount                                 # priorityClause
  | cite                                              # citeClause
  | countedPart                                       # countedPartClause
  ;
condition : 'requires' expr 'else' STRING ;
// `earns 5 points per year, pro rata by month`: a period counted in whole months.
datedEarning : earning (',' 'pro' 'rata' 'by' proRata=ident)? window? ;
// One part of a split: `ethics_hours into Ethics`, `the rest of hours into General`.
splitPart : (rest='the' 'rest' 'of')? field=ident 'into' name ('or' name)* ;
earning
  : quantity ('per' perAmount=amount? perUnit=ident ('of' ofField=ident)?)?     # fixedOrRate
  | ident 'as' 'awarded'                              # awarded
  ;
limit : quantity each='each'? window? ;
window
  : 'before' DATE                                     # beforeWindow
  | 'from' fromDate=DATE (endKind=('through' | 'before') endDate=DATE)?        # fromWindow
  ;
cite : 'cite' source=ident ',' section=STRING ',' quote=STRING ;

expr : andExpr ('or' andExpr)* ;
andExpr : notExpr ('and' notExpr)* ;
notExpr
  : 'not' notExpr         # negation
  | predicate             # predicateExpr
  ;
predicate
  : lhs=operand compareOp rhs=operand                 # comparePredicate
  | operand 'in' '{' ident (',' ident)* '}'           # inSetPredicate
  | operand 'in' low=amount 'to' high=amount          # inRangePredicate
  | operand 'in' lowText=STRING 'to' highText=STRING  # inTextRangePredicate
  | operand 'contains' ident                          # containsPredicate
  | operand 'within' '{' (ident (',' ident)*)? '}'    # withinPredicate
  | operand 'is' neg='not'? 'given'                   # givenPredicate
  | subject=operand 'from' fromDate=operand (endKind=('through' | 'before') endDate=operand)?   # windowPredicate
  | 'holds' ident                                     # holdsPredicate
  | 'no' which=('other' | 'earlier') kind=ident 'with' 'same' fields+=ident (',' fields+=ident)*   # noSamePredicate
  | '(' expr ')'                                      # parenPredicate
  | operand                                           # truthPredicate
  ;
compareOp
  : '=' | '!=' | '<' | '<=' | '>' | '>='
  | 'at' 'least' | 'at' 'most' | 'before' | 'after' | 'on' 'or' 'before' | 'on' 'or' 'after'
  ;
// The month operands come before the shift so that they bind tighter:
// `last day of month of D + 1 day` is the day after the month's last day.
operand
  : edge=('first' | 'last') 'day' 'of' 'month' 'of' operand   # monthEdgeOperand
  | 'month' 'of' operand                              # monthOfOperand
  | operand sign=('+' | '-') quantity                 # shiftOperand
  | 'member' '.' ident                                # memberFieldOperand
  | 'count' 'of' ident                                # countOperand
  | 'number' 'of' '(' ident ('where' expr)? ')'       # numberOfOperand
  | 'number' 'of' 'distinct' '(' kind=ident ('where' expr)? ')'
      'by' fields+=ident (',' fields+=ident)*         # numberOfDistinctOperand
  | 'number' 'of' ident                               # numberOfAllOperand
  | 'years' 'since' operand                           # yearsSinceOperand
  | 'awarded' ident                                   # awardedOperand
  | 'audit' 'date'                                    # auditDateOperand
  | 'period' bound=('start' | 'end')                  # periodBoundOperand
  | 'period' 'number'                                 # periodNumberOperand
  | 'first' 'letter' 'of' operand                     # firstLetterOperand
  | quantity                                          # quantityOperand
  | amount                                            # amountOperand
  | DATE                                              # dateOperand
  | ('true' | 'false')                                # boolOperand
  | STRING                                            # stringOperand
  | ident                                             # nameOperand
  ;

quantity : amount ident ;
amount : NUMBER | FRACTION ;
// A category name may have several words ("Advanced Education"), or be quoted
// when a word is a keyword ("Ways of Working").
name : ID+ | STRING ;
// Words that are keywords only where they start a construct may still name things.
ident
  : ID | 'member' | 'other' | 'period' | 'item' | 'file' | 'number' | 'count' | 'years' | 'activity'
  | 'source' | 'date' | 'designation' | 'audit' | 'priority' | 'unit' | 'category' | 'start' | 'end' | 'waivable'
  | 'first' | 'last' | 'day' | 'month' | 'carry' | 'over' | 'keeping' | 'its' | 'the' | 'group' | 'rest' | 'whole' | 'pro' | 'rata' | 'verdict' | 'letter' | 'limit'
  ;

DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
FRACTION : DIGIT+ '/' DIGIT+ ;
NUMBER : DIGIT+ ('.' DIGIT+)? ;
STRING : '"' (~["\\\r\n] | '\\' ["\\])* '"' ;
// A text whose closing quote is missing: the parser reports it in words.
UNCLOSED_TEXT : '"' (~["\\\r\n] | '\\' ["\\])* ;
ID : [a-zA-Z_] [a-zA-Z_0-9]* ;
// Comments reach the token stream on the hidden channel: the parser never sees
// them, `certc fmt` keeps them (compiler/parse/SyntaxTree.h).
COMMENT : ('//' | '#') ~[\r\n]* -> channel(HIDDEN) ;
WS : [ \t\r\n\f]+ -> skip ;
// Any other character becomes a token the parser rejects with a located error.
STRAY : . ;

fragment DIGIT : [0-9] ;
