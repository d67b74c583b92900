// The generated .cert lexer and parser and ANTLR's runtime, behind the pragmas
// that silence their warnings. Included only by compiler/parse's own files.
#ifndef CERTC_PARSE_ANTLR_H
#define CERTC_PARSE_ANTLR_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#include "CertLexer.h"
#include "CertParser.h"
#include "antlr4-runtime.h"
#pragma GCC diagnostic pop

#endif
