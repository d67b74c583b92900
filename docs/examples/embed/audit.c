/* Audits the members of a JSON ledger against a compiled policy with the C API
 * and prints the JSON report, one line per member.
 *   embed_audit_c POLICY.ir.json LEDGER.json [--as-of YYYY-MM-DD] */
#include <certc/certc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a whole file into a malloc'd buffer; NULL on failure. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *text = NULL;
  size_t cap = 0, n = 0, got;
  if (!f)
    return NULL;
  do {
    if (n == cap) {
      char *grown = realloc(text, cap = cap ? cap * 2 : 65536);
      if (!grown) {
        free(text);
        fclose(f);
        return NULL;
      }
      text = grown;
    }
    got = fread(text + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  fclose(f);
  *len = n;
  return text;
}

int main(int argc, char **argv) {
  const char *policy_path = NULL, *ledger_path = NULL, *as_of = NULL; /* NULL: today */
  char *ir, *ledger, *lines = NULL, *errors = NULL;
  size_t ir_len, ledger_len;
  certc_policy *policy;
  int i, status;

  for (i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "--as-of") && i + 1 < argc)
      as_of = argv[++i];
    else if (!policy_path)
      policy_path = argv[i];
    else if (!ledger_path)
      ledger_path = argv[i];
  }
  if (!policy_path || !ledger_path) {
    fprintf(stderr, "usage: embed_audit_c POLICY.ir.json LEDGER.json [--as-of YYYY-MM-DD]\n");
    return 2;
  }

  if (!(ir = read_file(policy_path, &ir_len))) {
    fprintf(stderr, "cannot read %s\n", policy_path);
    return 1;
  }
  policy = certc_policy_load(ir, ir_len, &errors);
  free(ir);
  if (!policy) {
    fprintf(stderr, "%s\n", errors);
    certc_string_free(errors);
    return 1;
  }

  if (!(ledger = read_file(ledger_path, &ledger_len))) {
    fprintf(stderr, "cannot read %s\n", ledger_path);
    certc_policy_free(policy);
    return 1;
  }
  status = certc_audit_json(policy, ledger, ledger_len, as_of, &lines, &errors);
  free(ledger);
  if (lines)
    fputs(lines, stdout);
  if (errors)
    fputs(errors, stderr);
  certc_string_free(lines);
  certc_string_free(errors);
  certc_policy_free(policy);
  return status;
}
