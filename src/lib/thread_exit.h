/* Per-thread memos (the tenant of a host, reference names, settings) keep
 * heap memory in _Thread_local variables; a server thread that ends would
 * leave it behind. thread_exit_call registers a function that frees the
 * calling thread's memo when that thread ends. */
#ifndef WIJZER_THREAD_EXIT_H
#define WIJZER_THREAD_EXIT_H

/* Calls fn in this thread when it ends; registering the same fn twice in
 * one thread calls it once. At most THREAD_EXIT_MAX functions per thread;
 * more are ignored (their memory is then kept until the process ends). */
enum { THREAD_EXIT_MAX = 8 };
void thread_exit_call(void (*fn)(void));

#endif
