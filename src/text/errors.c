/* errors.c - status names and ng_error filling. */
#include "errors.h"

const char *ng_strerror(int code) {
  switch (code) {
  case NG_OK: return "success";
  case NG_ENOMEM: return "out of memory";
  case NG_EINVAL: return "invalid argument";
  case NG_EUTF8: return "invalid UTF-8";
  case NG_ETOOBIG: return "input too large";
  case NG_EEMPTY: return "no text";
  case NG_EBINARY: return "binary input";
  case NG_ECANCELED: return "canceled";
  case NG_EPARSE: return "parse error";
  case NG_EDEPTH: return "nesting too deep";
  case NG_EENCODING: return "unknown character encoding";
  default: return "unknown error";
  }
}

int ng_fail(ng_error *err, int code, const char *msg, size_t offset) {
  if (err) {
    err->code = code;
    err->msg = msg ? msg : ng_strerror(code);
    err->offset = offset;
  }
  return code;
}

const char *ng_version(void) { return NG_VERSION_STRING; }
