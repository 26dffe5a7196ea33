// The persistent worker pool (see CKernels.h).
//
// A run is published as one 64-bit word: generation (high 32 bits), the run's chunk count (16
// bits) and the next unclaimed chunk (low 16 bits). Workers claim chunks with compare-and-swap on
// that word alone, so a worker that wakes late can never claim a chunk of a run that has ended:
// whether chunks are left is decided from the word it swaps, never from the separately stored
// fields, which the next run may already have overwritten before it publishes its word. (An
// earlier layout kept the count outside the word; a worker descheduled after reading an exhausted
// word could then read the next run's larger count, win its compare-and-swap on the old word and
// run a chunk twice, counting it towards the next run's `done`, so that run could return while a
// chunk was still executing. Tests/EngineTests/WorkerPoolStressTests reproduces that schedule.)
// The task and context are read only after a successful claim, when the run cannot have ended.
// The caller claims chunks too and then waits for the chunks still running on other threads; a
// worker that is not scheduled never delays a run.
#include "CKernels.h"

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(__x86_64__) || defined(__i386__)
#define CK_PAUSE() __builtin_ia32_pause()
#elif defined(__aarch64__)
#define CK_PAUSE() __asm__ volatile("yield")
#else
#define CK_PAUSE() ((void)0)
#endif

/// Spin iterations (pause instructions) before a waiting thread sleeps or yields: roughly 5-30
/// microseconds, enough to catch the next operation of a training step. Longer spins were slower
/// when other processes compete for the cores (measured 2-thread step medians: 4000 -> 3.2 ms,
/// 500 -> 2.8-2.9 ms, 50 -> 2.5-2.8 ms at load average 3.4 on 2 cores).
#define CK_SPIN 500

struct ck_pool {
    int size;
    pthread_t *threads;
    struct ck_worker *workers;
    _Alignas(64) uint64_t word;          // generation << 32 | chunks << 16 | next chunk
    _Alignas(64) long done;              // chunks finished in the current run
    ck_task task;                        // the current run, valid while its chunks are unfinished
    void *context;
    int active;                          // threads allowed to take part
    int stop;
    int sleepers;
    pthread_mutex_t lock;                // sleeping workers and the caller's exclusive use
    pthread_cond_t wake;
    pthread_mutex_t busy;
};

struct ck_worker {
    ck_pool *pool;
    int index;
};

static inline uint32_t ck_generation(uint64_t word) { return (uint32_t)(word >> 32); }
static inline long ck_chunks(uint64_t word) { return (long)((word >> 16) & 0xFFFF); }
static inline long ck_next(uint64_t word) { return (long)(word & 0xFFFF); }

/// The most chunks one run can publish (the width of the word's count field); larger runs are
/// done by the caller alone.
#define CK_MAX_CHUNKS 0xFFFF

/// Claims and runs chunks of generation `generation` until none are left.
static void ck_work(ck_pool *pool, uint32_t generation, long worker) {
    uint64_t word = __atomic_load_n(&pool->word, __ATOMIC_ACQUIRE);
    for (;;) {
        if (ck_generation(word) != generation) return;
        long next = ck_next(word);
        if (next >= ck_chunks(word)) return;
        if (!__atomic_compare_exchange_n(&pool->word, &word, word + 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            continue;   // word reloaded
        // Chunk `next` of this generation is ours and unfinished, so the run is still in progress
        // and its task and context (published before the word, read after the acquire) are current.
        ck_task task = __atomic_load_n(&pool->task, __ATOMIC_RELAXED);
        void *context = __atomic_load_n(&pool->context, __ATOMIC_RELAXED);
        task(context, next, worker);
        __atomic_fetch_add(&pool->done, 1, __ATOMIC_RELEASE);
        word = __atomic_load_n(&pool->word, __ATOMIC_ACQUIRE);
    }
}

static void *ck_worker_main(void *argument) {
    struct ck_worker *self = argument;
    ck_pool *pool = self->pool;
    uint32_t seen = 0;
    for (;;) {
        uint64_t word = __atomic_load_n(&pool->word, __ATOMIC_ACQUIRE);
        for (int spin = 0; ck_generation(word) == seen && spin < CK_SPIN; spin++) {
            CK_PAUSE();
            word = __atomic_load_n(&pool->word, __ATOMIC_ACQUIRE);
        }
        if (ck_generation(word) == seen) {
            pthread_mutex_lock(&pool->lock);
            __atomic_fetch_add(&pool->sleepers, 1, __ATOMIC_SEQ_CST);
            while (ck_generation(__atomic_load_n(&pool->word, __ATOMIC_SEQ_CST)) == seen &&
                   !__atomic_load_n(&pool->stop, __ATOMIC_SEQ_CST))
                pthread_cond_wait(&pool->wake, &pool->lock);
            __atomic_fetch_sub(&pool->sleepers, 1, __ATOMIC_SEQ_CST);
            pthread_mutex_unlock(&pool->lock);
            word = __atomic_load_n(&pool->word, __ATOMIC_ACQUIRE);
        }
        if (__atomic_load_n(&pool->stop, __ATOMIC_ACQUIRE)) return NULL;
        seen = ck_generation(word);
        if (self->index < __atomic_load_n(&pool->active, __ATOMIC_RELAXED)) ck_work(pool, seen, self->index);
    }
}

ck_pool *ck_pool_create(int threads) {
    if (threads < 1) threads = 1;
    ck_pool *pool = calloc(1, sizeof *pool);
    if (!pool) return NULL;
    pool->size = threads;
    pthread_mutex_init(&pool->lock, NULL);
    pthread_mutex_init(&pool->busy, NULL);
    pthread_cond_init(&pool->wake, NULL);
    pool->threads = calloc((size_t)threads, sizeof(pthread_t));
    pool->workers = calloc((size_t)threads, sizeof(struct ck_worker));
    if (!pool->threads || !pool->workers) { ck_pool_destroy(pool); return NULL; }
    for (int i = 1; i < threads; i++) {
        pool->workers[i].pool = pool;
        pool->workers[i].index = i;
        if (pthread_create(&pool->threads[i], NULL, ck_worker_main, &pool->workers[i]) != 0) {
            pool->size = i;   // destroy joins the ones started
            ck_pool_destroy(pool);
            return NULL;
        }
    }
    return pool;
}

void ck_pool_destroy(ck_pool *pool) {
    if (!pool) return;
    pthread_mutex_lock(&pool->lock);
    __atomic_store_n(&pool->stop, 1, __ATOMIC_SEQ_CST);
    // Moving the generation on wakes spinning workers too.
    __atomic_add_fetch(&pool->word, (uint64_t)1 << 32, __ATOMIC_SEQ_CST);
    pthread_cond_broadcast(&pool->wake);
    pthread_mutex_unlock(&pool->lock);
    for (int i = 1; i < pool->size; i++)
        if (pool->threads && pool->threads[i]) pthread_join(pool->threads[i], NULL);
    pthread_cond_destroy(&pool->wake);
    pthread_mutex_destroy(&pool->lock);
    pthread_mutex_destroy(&pool->busy);
    free(pool->threads);
    free(pool->workers);
    free(pool);
}

int ck_pool_size(const ck_pool *pool) { return pool ? pool->size : 1; }

void ck_pool_run(ck_pool *pool, long chunks, int threads, ck_task task, void *context) {
    if (chunks <= 0) return;
    if (!pool || threads <= 1 || chunks == 1 || chunks > CK_MAX_CHUNKS || pool->size <= 1 ||
        pthread_mutex_trylock(&pool->busy) != 0) {
        for (long c = 0; c < chunks; c++) task(context, c, 0);
        return;
    }
    // Publish the run: fields first, then the word with a new generation, the count and chunk 0.
    __atomic_store_n(&pool->task, task, __ATOMIC_RELAXED);
    __atomic_store_n(&pool->context, context, __ATOMIC_RELAXED);
    __atomic_store_n(&pool->active, threads < pool->size ? threads : pool->size, __ATOMIC_RELAXED);
    __atomic_store_n(&pool->done, 0, __ATOMIC_RELAXED);
    uint64_t word = __atomic_load_n(&pool->word, __ATOMIC_RELAXED);
    uint32_t generation = ck_generation(word) + 1;
    __atomic_store_n(&pool->word, (uint64_t)generation << 32 | (uint64_t)chunks << 16, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&pool->sleepers, __ATOMIC_SEQ_CST) > 0) {
        pthread_mutex_lock(&pool->lock);
        pthread_cond_broadcast(&pool->wake);
        pthread_mutex_unlock(&pool->lock);
    }
    ck_work(pool, generation, 0);
    for (long spin = 0; __atomic_load_n(&pool->done, __ATOMIC_ACQUIRE) < chunks; spin++) {
        if (spin < CK_SPIN) CK_PAUSE(); else sched_yield();
    }
    pthread_mutex_unlock(&pool->busy);
}
