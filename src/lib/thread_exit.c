/* One pthread key whose destructor runs the functions registered by the
 * thread; glibc runs key destructors before it frees the thread's
 * _Thread_local storage, so they can still reach it. */
#include "lib/thread_exit.h"

#include <pthread.h>
#include <stddef.h>

typedef void (*ExitFn)(void);

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static _Thread_local ExitFn fns[THREAD_EXIT_MAX];
static _Thread_local size_t n_fns;

static void run_all(void *unused)
{
    (void)unused;
    for (size_t i = n_fns; i > 0; i--)
        fns[i - 1]();
    n_fns = 0;
}

static void make_key(void)
{
    pthread_key_create(&key, run_all);
}

void thread_exit_call(void (*fn)(void))
{
    for (size_t i = 0; i < n_fns; i++)
        if (fns[i] == fn)
            return;
    if (n_fns == THREAD_EXIT_MAX)
        return;
    pthread_once(&key_once, make_key);
    fns[n_fns++] = fn;
    pthread_setspecific(key, &key); /* any non-NULL value arms the destructor */
}
