#ifndef COHORTSIM_CGSL_SHIM_H
#define COHORTSIM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_rstat.h>
#include <gsl/gsl_qrng.h>

/* Swift 6 rejects reads of mutable C globals such as gsl_rng_mt19937 as not
   concurrency-safe. GSL never writes these after load, so reading them through
   an accessor function is safe; the accessors are the only way Swift sees them. */
static inline const gsl_rng_type *cohortsim_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cohortsim_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cohortsim_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_qrng_type *cohortsim_qrng_sobol(void) { return gsl_qrng_sobol; }

#endif
