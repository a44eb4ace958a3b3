/* The hold model in plain C: the reference that benchmarks/run.sh measures in the same run as
 * cohortsim, on the same machine, to show what the event kernel costs over hand-written code.
 *
 * N events wait in a binary min-heap of (time, seq) ordered by time, then by seq (insertion
 * order, as in cohortsim's calendar). Each executed event draws an exponential(1) delay with
 * GSL's gsl_ran_exponential from an mt19937 generator and schedules itself again at now + delay.
 * Like the Swift kernel, an event is one remove-min followed by one insert (not a single
 * replace-top), and both sift with a moving hole rather than swaps.
 *
 * Build: gcc -O2 -o hold_c hold_c.c -lgsl -lgslcblas -lm
 * Usage: hold_c [--pending N] [--events E] [--seed S]
 * Last line: hold pending=N events=E seconds=S events_per_s=X
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  double time;
  uint64_t seq;
} entry;

static entry *heap;
static size_t count;

static inline int precedes(const entry *a, const entry *b) {
  return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}

static void push(entry moving) {
  size_t hole = count++;
  while (hole > 0) {
    size_t parent = (hole - 1) / 2;
    if (!precedes(&moving, &heap[parent])) break;
    heap[hole] = heap[parent];
    hole = parent;
  }
  heap[hole] = moving;
}

static entry pop(void) {
  entry top = heap[0];
  entry moving = heap[--count];
  if (count > 0) {
    size_t hole = 0;
    for (;;) {
      size_t child = 2 * hole + 1;
      if (child >= count) break;
      if (child + 1 < count && precedes(&heap[child + 1], &heap[child])) child++;
      if (!precedes(&heap[child], &moving)) break;
      heap[hole] = heap[child];
      hole = child;
    }
    heap[hole] = moving;
  }
  return top;
}

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long long argument(int argc, char **argv, const char *name, long long fallback) {
  for (int i = 1; i + 1 < argc; i++) {
    if (strcmp(argv[i], name) == 0) return atoll(argv[i + 1]);
  }
  return fallback;
}

int main(int argc, char **argv) {
  long long pending = argument(argc, argv, "--pending", 1000);
  long long events = argument(argc, argv, "--events", 20000000);
  unsigned long seed = (unsigned long)argument(argc, argv, "--seed", 1);
  if (pending < 1 || events < 1) {
    fprintf(stderr, "usage: hold_c [--pending N>=1] [--events E>=1] [--seed S]\n");
    return 2;
  }
  gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(rng, seed);
  heap = malloc(sizeof(entry) * (size_t)(pending + 1));
  if (!rng || !heap) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }

  double start = seconds_now();
  uint64_t seq = 0;
  for (long long i = 0; i < pending; i++) {
    push((entry){gsl_ran_exponential(rng, 1.0), seq++});
  }
  double checksum = 0;
  for (long long i = 0; i < events; i++) {
    entry next = pop();
    double now = next.time;
    checksum += now;
    push((entry){now + gsl_ran_exponential(rng, 1.0), seq++});
  }
  double seconds = seconds_now() - start;

  printf("checksum=%.6e executed=%lld\n", checksum, events);
  printf("hold pending=%lld events=%lld seconds=%.3f events_per_s=%.0f\n", pending, events, seconds,
         (double)events / seconds);
  free(heap);
  gsl_rng_free(rng);
  return 0;
}
