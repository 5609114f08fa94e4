/*
 * xabi test kernel: the Xous system-call ABI as the kernel and its processes share it.
 * Numbers and result tags follow xous-rs (syscall.rs, definitions.rs); see ../../../../../../README.md.
 */
#ifndef XABI_H
#define XABI_H

#include <stdint.h>

typedef uint32_t u32;
typedef uint8_t u8;

enum syscall_number {
    SYS_MAP_MEMORY = 2,
    SYS_YIELD = 3,
    SYS_INCREASE_HEAP = 10,
    SYS_CREATE_SERVER_WITH_ADDRESS = 14,
    SYS_RECEIVE_MESSAGE = 15,
    SYS_SEND_MESSAGE = 16,
    SYS_CONNECT = 17,
    SYS_CREATE_THREAD = 18,
    SYS_UNMAP_MEMORY = 19,
    SYS_RETURN_MEMORY = 20,
    SYS_TERMINATE_PROCESS = 22,
    SYS_TRY_SEND_MESSAGE = 24,
    SYS_TRY_CONNECT = 25,
    SYS_RETURN_SCALAR1 = 26,
    SYS_RETURN_SCALAR2 = 27,
    SYS_CREATE_SERVER = 29,
    SYS_GET_THREAD_ID = 32,
    SYS_GET_PROCESS_ID = 33,
    SYS_SET_EXCEPTION_HANDLER = 37,
    SYS_RETURN_SCALAR5 = 40,
};

enum result_tag {
    RES_OK = 0, RES_ERROR = 1, RES_MEMORY_ADDRESS = 2, RES_MEMORY_RANGE = 3,
    RES_NEW_SERVER_ID = 8, RES_MESSAGE_ENVELOPE = 9, RES_CONNECTION_ID = 7, RES_THREAD_ID = 10,
    RES_PROCESS_ID = 11, RES_SCALAR1 = 14, RES_SCALAR2 = 15, RES_MEMORY_RETURNED = 18, RES_SCALAR5 = 20,
};

enum error_code {
    ERR_BAD_ALIGNMENT = 1, ERR_BAD_ADDRESS = 2, ERR_OUT_OF_MEMORY = 3, ERR_MEMORY_IN_USE = 4,
    ERR_SERVER_EXISTS = 8, ERR_SERVER_NOT_FOUND = 9, ERR_PROCESS_NOT_FOUND = 10, ERR_INTERNAL = 14,
    ERR_SERVER_QUEUE_FULL = 15, ERR_THREAD_NOT_AVAILABLE = 16, ERR_UNHANDLED_SYSCALL = 17,
    ERR_SHARE_VIOLATION = 19, ERR_INVALID_THREAD = 20, ERR_DOUBLE_FREE = 25, ERR_INVALID_ARGUMENT = 32,
};

/* Message kinds as SendMessage takes them (1-based); envelopes carry kind - 1. */
enum message_kind {
    MSG_MUTABLE_BORROW = 1, MSG_BORROW = 2, MSG_MOVE = 3, MSG_SCALAR = 4, MSG_BLOCKING_SCALAR = 5,
};

/* MapMemory / IncreaseHeap flags. */
#define MEMF_RESERVE 0x01
#define MEMF_R 0x02
#define MEMF_W 0x04
#define MEMF_X 0x08

/* Exception types handed to a process's exception handler in a0. */
enum exception_type { EXC_INSTRUCTION_PAGE_FAULT = 7, EXC_LOAD_PAGE_FAULT = 8, EXC_STORE_PAGE_FAULT = 9 };

/* Sentinel return address of an exception handler. */
#define RETURN_FROM_EXCEPTION_HANDLER 0xFF804000u
/* Sentinel return address of a thread's entry function. */
#define EXIT_THREAD 0xFF803000u

/* Virtual memory map (the Xous layout). */
#define HEAP_BASE 0x20000000u
#define MESSAGE_WINDOW 0x40000000u
#define MESSAGE_WINDOW_PAGES 1024u
#define MAPMEM_BASE 0x60000000u
#define USER_AREA_END 0xFF000000u
#endif
