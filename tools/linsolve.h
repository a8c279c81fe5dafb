/* linsolve.h - the dense linear solve behind the tools' Newton steps
 * (tools/train-news.c, tools/train-events.c). Header-only: each tool is
 * a single C file. */
#ifndef NG_TOOLS_LINSOLVE_H
#define NG_TOOLS_LINSOLVE_H

#include <math.h>

/* Solves A x = b (n x n, row-major; A and b are destroyed) by Gaussian
 * elimination with partial pivoting. Returns -1 if A is singular. */
static inline int tc_solve(double *A, double *b, double *x, int n) {
  for (int c = 0; c < n; c++) {
    int p = c;
    for (int r = c + 1; r < n; r++)
      if (fabs(A[r * n + c]) > fabs(A[p * n + c])) p = r;
    if (fabs(A[p * n + c]) < 1e-12) return -1;
    if (p != c) {
      for (int k = 0; k < n; k++) {
        double t = A[c * n + k];
        A[c * n + k] = A[p * n + k];
        A[p * n + k] = t;
      }
      double t = b[c];
      b[c] = b[p];
      b[p] = t;
    }
    for (int r = c + 1; r < n; r++) {
      double f = A[r * n + c] / A[c * n + c];
      for (int k = c; k < n; k++) A[r * n + k] -= f * A[c * n + k];
      b[r] -= f * b[c];
    }
  }
  for (int r = n - 1; r >= 0; r--) {
    double s = b[r];
    for (int k = r + 1; k < n; k++) s -= A[r * n + k] * x[k];
    x[r] = s / A[r * n + r];
  }
  return 0;
}

#endif
