/* wdk_net.h - drvtaint WDK shim: the Winsock and IP helper types kernel network drivers share with
 * user mode (ws2def.h, inaddr.h, in6addr.h, ws2ipdef.h, ifdef.h): address families, IPPROTO, IN_ADDR,
 * IN6_ADDR, the SOCKADDR family, SCOPE_ID, WSACMSGHDR, interface and compartment ids, from the
 * Winsock reference on learn.microsoft.com. */
#pragma once
#include "wdk_base.h"

DT_BEGIN

#ifndef AF_INET
typedef USHORT ADDRESS_FAMILY;
#define AF_UNSPEC 0
#define AF_INET 2
#define AF_INET6 23
#define AF_BTH 32
#define PF_INET AF_INET
#define PF_INET6 AF_INET6
#endif
typedef enum {
    IPPROTO_HOPOPTS = 0,
    IPPROTO_ICMP = 1,
    IPPROTO_IGMP = 2,
    IPPROTO_GGP = 3,
    IPPROTO_IPV4 = 4,
    IPPROTO_ST = 5,
    IPPROTO_TCP = 6,
    IPPROTO_CBT = 7,
    IPPROTO_EGP = 8,
    IPPROTO_IGP = 9,
    IPPROTO_PUP = 12,
    IPPROTO_UDP = 17,
    IPPROTO_IDP = 22,
    IPPROTO_RDP = 27,
    IPPROTO_IPV6 = 41,
    IPPROTO_ROUTING = 43,
    IPPROTO_FRAGMENT = 44,
    IPPROTO_ESP = 50,
    IPPROTO_AH = 51,
    IPPROTO_ICMPV6 = 58,
    IPPROTO_NONE = 59,
    IPPROTO_DSTOPTS = 60,
    IPPROTO_ND = 77,
    IPPROTO_ICLFXBM = 78,
    IPPROTO_PIM = 103,
    IPPROTO_PGM = 113,
    IPPROTO_L2TP = 115,
    IPPROTO_SCTP = 132,
    IPPROTO_RAW = 255,
    IPPROTO_MAX = 256,
} IPPROTO, *PIPPROTO;

typedef struct in_addr {
    union {
        struct { UCHAR s_b1, s_b2, s_b3, s_b4; } S_un_b;
        struct { USHORT s_w1, s_w2; } S_un_w;
        ULONG S_addr;
    } S_un;
} IN_ADDR, *PIN_ADDR, *LPIN_ADDR;
#define s_addr S_un.S_addr
typedef struct in6_addr {
    union {
        UCHAR Byte[16];
        USHORT Word[8];
    } u;
} IN6_ADDR, *PIN6_ADDR, *LPIN6_ADDR;
#define s6_bytes u.Byte
#define s6_words u.Word
#define s6_addr u.Byte

typedef struct sockaddr {
    ADDRESS_FAMILY sa_family;
    CHAR sa_data[14];
} SOCKADDR, *PSOCKADDR, *LPSOCKADDR;
typedef struct sockaddr_in {
    ADDRESS_FAMILY sin_family;
    USHORT sin_port;
    IN_ADDR sin_addr;
    CHAR sin_zero[8];
} SOCKADDR_IN, *PSOCKADDR_IN;
typedef union _SCOPE_ID {
    struct { ULONG Zone : 28; ULONG Level : 4; };
    ULONG Value;
} SCOPE_ID, *PSCOPE_ID;
typedef struct sockaddr_in6 {
    ADDRESS_FAMILY sin6_family;
    USHORT sin6_port;
    ULONG sin6_flowinfo;
    IN6_ADDR sin6_addr;
    union {
        ULONG sin6_scope_id;
        SCOPE_ID sin6_scope_struct;
    };
} SOCKADDR_IN6, *PSOCKADDR_IN6;
typedef union _SOCKADDR_INET {
    SOCKADDR_IN Ipv4;
    SOCKADDR_IN6 Ipv6;
    ADDRESS_FAMILY si_family;
} SOCKADDR_INET, *PSOCKADDR_INET;
typedef struct sockaddr_storage {
    ADDRESS_FAMILY ss_family;
    CHAR __ss_pad1[6];
    LONGLONG __ss_align;
    CHAR __ss_pad2[112];
} SOCKADDR_STORAGE, *PSOCKADDR_STORAGE;
typedef struct _WSACMSGHDR {
    SIZE_T cmsg_len;
    INT cmsg_level;
    INT cmsg_type;
} WSACMSGHDR, *PWSACMSGHDR, *LPWSACMSGHDR;
typedef ULONG IF_INDEX, *PIF_INDEX;
typedef ULONG NET_IFINDEX, *PNET_IFINDEX;
typedef ULONG COMPARTMENT_ID, *PCOMPARTMENT_ID;
typedef ULONG NET_IF_COMPARTMENT_ID;
#define UNSPECIFIED_COMPARTMENT_ID 0
#define DEFAULT_COMPARTMENT_ID 1
#define SCOPEID_UNSPECIFIED_INIT {0}
#define INADDR_ANY ((ULONG)0x00000000)
#define INADDR_LOOPBACK 0x7f000001
#define INADDR_BROADCAST ((ULONG)0xffffffff)
#define INADDR_NONE 0xffffffff
#define INET_ADDRSTRLEN 22
#define INET6_ADDRSTRLEN 65

DT_END
