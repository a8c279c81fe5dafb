/* errors.h - filling ng_error and the single-exit helpers.
 *
 * Functions that can fail keep one exit (`done:`) and use these macros so
 * cleanup runs on every path:
 *
 *   int rc = NG_OK;
 *   NG_TRY(step_one(...));
 *   NG_CHECK_ALLOC(p = ng_arena_alloc(...));
 * done:
 *   cleanup; return rc;
 */
#ifndef NG_TEXT_ERRORS_H
#define NG_TEXT_ERRORS_H

#include "nutgraf.h"

/* Sets *err (if non-NULL) and returns code, so callers can `return ng_fail(...)`. */
int ng_fail(ng_error *err, int code, const char *msg, size_t offset);

#define NG_TRY(expr)           \
  do {                         \
    rc = (expr);               \
    if (rc < 0) goto done;     \
  } while (0)

#define NG_CHECK_ALLOC(expr)   \
  do {                         \
    if (!(expr)) {             \
      rc = ng_fail(err, NG_ENOMEM, "out of memory", 0); \
      goto done;               \
    }                          \
  } while (0)

#endif
