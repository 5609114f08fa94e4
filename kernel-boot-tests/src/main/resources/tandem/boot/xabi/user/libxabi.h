/* xabi test processes: system-call wrappers and the logging client. */
#ifndef LIBXABI_H
#define LIBXABI_H
#include "../xabi.h"

struct result { u32 a[8]; };

struct result xcall(u32 n, u32 a1, u32 a2, u32 a3, u32 a4, u32 a5, u32 a6, u32 a7);

/* A server ID from a 16-character name, as four little-endian words. */
void sid_of(const char *name, u32 sid[4]);
/* Connect (retrying until the server exists); returns the CID. */
u32 connect_to(const char *name);
/* Creates a server at the given name's SID; returns 0 or the error code. */
u32 create_server(const char *name, u32 sid[4]);
struct result receive(const u32 sid[4]);
struct result send(u32 cid, u32 kind, u32 id, u32 a4, u32 a5, u32 a6, u32 a7);
struct result map_memory(u32 phys, u32 virt, u32 size, u32 flags);
void yield(void);

/* Formats one line and lends it to the log server (Borrow of a page). */
void log_line(const char *fmt, ...);
/* Logs "CHECK <name> PASS|FAIL <details>". */
int check(int ok, const char *name, const char *fmt, ...);
int format(char *out, int cap, const char *fmt, __builtin_va_list ap);

#define LOG_SERVER "xabi-log-server!"
#define ECHO_SERVER "xabi-echo-server"
#define VICTIM_SERVER "xabi-victim-srv!"
#define SPIN_SERVER "xabi-spin-server"
#endif
