/* The C embedding API, for programs in C and for other languages' foreign
 * function interfaces: load a compiled policy once, audit JSON ledgers against it.
 * Strings in and out are UTF-8; every string the library returns is freed with
 * certc_string_free. Guide: docs/embedding.md; C++ API: certc/Runtime.h. */
#ifndef CERTC_API_CERTC_H
#define CERTC_API_CERTC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A compiled, verified policy. Immutable: one certc_policy may be used by any
 * number of threads at once, until certc_policy_free. */
typedef struct certc_policy certc_policy;

/* The runtime library's version, e.g. "0.1.0". A static string; do not free. */
const char *certc_version(void);

/* Loads compiled policy IR (the JSON `certc build` writes), len bytes at ir_json.
 * Returns the policy, or NULL with *error (if error is not NULL) set to a message
 * to free with certc_string_free. */
certc_policy *certc_policy_load(const char *ir_json, size_t len, char **error);

/* Frees a policy; NULL is ignored. */
void certc_policy_free(certc_policy *policy);

/* Audits every member of a JSON ledger (len bytes at ledger_json: one
 * {"member": ..., "activities": [...]} object or an array of them) as of the date
 * as_of ("YYYY-MM-DD"; NULL means today, UTC).
 *
 * *out_json_lines (if not NULL) receives one JSON object per line per member
 * read without error, in ledger order, byte for byte what
 * `certc run --format json` prints (possibly the empty string).
 * *errors (if not NULL) receives NULL when there was no problem, else one line
 * per problem, "file:line:col: error: member M, activity A, field F: message"
 * (the file is called "ledger").
 *
 * Returns 0 when every member was read and audited, 1 on bad input (a bad
 * policy pointer or date, ledger errors, or a member whose audit failed); the
 * members that could be audited are still in *out_json_lines. Free both strings
 * with certc_string_free. */
int certc_audit_json(const certc_policy *policy, const char *ledger_json, size_t len,
                     const char *as_of, char **out_json_lines, char **errors);

/* Frees a string returned by this library; NULL is ignored. */
void certc_string_free(char *s);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif
