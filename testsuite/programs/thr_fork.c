/*
 * fork from a thread other than the first, in a process with several threads: the child's
 * one thread is the forking one; its _exit status, exit status (atexit path), a thread it
 * creates itself, and death by a signal reach the parent's waitpid exactly.  (stdout is
 * flushed before each fork, so no buffered line is printed twice.)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
static void *spin(void *a) { (void)a; for (;;) pause(); return 0; }
static void *forker(void *a) {
  int mode = (int)(long)a;
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    if (mode == 0) _exit(5);
    if (mode == 1) exit(6);
    if (mode == 2) { pthread_t t; pthread_create(&t, 0, spin, 0); exit(7); }
    *(volatile int *)8 = 0;
  }
  int st; waitpid(pid, &st, 0);
  printf("mode %d: exited %d status %d signaled %d sig %d\n", mode, WIFEXITED(st), WIFEXITED(st) ? WEXITSTATUS(st) : -1, WIFSIGNALED(st), WIFSIGNALED(st) ? WTERMSIG(st) : 0);
  return 0;
}
int main(void) {
  pthread_t s; pthread_create(&s, 0, spin, 0);
  for (long m = 0; m < 4; m++) { pthread_t t; pthread_create(&t, 0, forker, (void*)m); pthread_join(t, 0); }
  return 0;
}
