/* xabi driver scenario table: what the driver process does, step by step (see the module README). */
#ifndef SCENARIO_H
#define SCENARIO_H
#include "../xabi.h"

#define SCENARIO_STEPS 64

struct step { u32 op, a, b, c; };

enum scenario_op {
    OP_END = 0,
    OP_SCALAR = 1,            /* a = message id: Scalar to echo, args id*16+1..4 */
    OP_BLOCKING_SCALAR = 2,   /* a = 1, 2 or 5: BlockingScalar answered by ReturnScalar1/2/5 */
    OP_BORROW = 3,            /* a = id, b = pages: Borrow a heap buffer to echo */
    OP_MUTABLE_BORROW = 4,    /* a = id, b = pages: MutableBorrow, echo rewrites it */
    OP_MOVE = 5,              /* a = id, b = pages: Move, then touch the moved page (handler) */
    OP_UNALIGNED = 6,         /* a = kind: lend/move a buffer at a non-page-aligned address */
    OP_CONNECT_UNKNOWN = 7,   /* TryConnect to a SID nobody serves */
    OP_QUEUE_FULL = 8,        /* TrySendMessage to a server that never receives until the queue is full */
    OP_HANDLED_FAULT = 9,     /* a = address, b = 1 for a store: fault handled by the exception handler */
    OP_LENT_ACCESS = 10,      /* a = id: a second thread loads from a buffer while it is lent */
    OP_HEAP_TOUCH = 11,       /* a = pages: IncreaseHeap and touch each page */
    OP_MAP_TOUCH = 12,        /* a = pages: MapMemory (reserve), touch, UnmapMemory */
    OP_SPIN = 13,             /* ask the spinner to spin 12 ms in two threads (the timer must preempt) */
    OP_VICTIM = 14,           /* a = fault kind 1..5: the victim faults and is terminated */
    OP_ALIVE = 15,            /* BlockingScalar to echo after a termination */
};
#endif
