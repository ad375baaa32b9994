/* xfilter.h - drvtaint WDK shim: the Ethernet address helpers of the NDIS filter library, written
 * from the documented macro behaviour (6-byte addresses, group bit 0x01 of the first byte,
 * locally administered bit 0x02, broadcast = all ones); the comparisons set Result to 0 when the
 * addresses are equal, as the WDK's do. */
#pragma once
#include "ndis.h"
#define ETH_LENGTH_OF_ADDRESS 6
#define ETH_IS_BROADCAST(Address) \
    ((((PUCHAR)(Address))[0] == (UCHAR)0xff) && (((PUCHAR)(Address))[1] == (UCHAR)0xff) && \
     (((PUCHAR)(Address))[2] == (UCHAR)0xff) && (((PUCHAR)(Address))[3] == (UCHAR)0xff) && \
     (((PUCHAR)(Address))[4] == (UCHAR)0xff) && (((PUCHAR)(Address))[5] == (UCHAR)0xff))
#define ETH_IS_MULTICAST(Address) ((BOOLEAN)(((PUCHAR)(Address))[0] & ((UCHAR)0x01)))
#define ETH_IS_LOCALLY_ADMINISTERED(Address) ((BOOLEAN)(((PUCHAR)(Address))[0] & ((UCHAR)0x02)))
#define ETH_COPY_NETWORK_ADDRESS(_D, _S) RtlCopyMemory((PUCHAR)(_D), (PUCHAR)(_S), ETH_LENGTH_OF_ADDRESS)
#define ETH_COMPARE_NETWORK_ADDRESSES_EQ(_A, _B, _Result) \
    (*(_Result) = (RtlCompareMemory((PUCHAR)(_A), (PUCHAR)(_B), ETH_LENGTH_OF_ADDRESS) == ETH_LENGTH_OF_ADDRESS) ? 0 : 1)
#define ETH_COMPARE_NETWORK_ADDRESSES(_A, _B, _Result) \
    (*(_Result) = memcmp((PUCHAR)(_A), (PUCHAR)(_B), ETH_LENGTH_OF_ADDRESS) > 0 ? 1 : \
                  (memcmp((PUCHAR)(_A), (PUCHAR)(_B), ETH_LENGTH_OF_ADDRESS) < 0 ? -1 : 0))
