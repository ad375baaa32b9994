#include <ntddk.h>
#include <intrin.h>
#define IOCTL_PROJ_WRITE CTL_CODE(0x8000, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
typedef struct _PROJ_REQ { USHORT Port; UCHAR Value; } PROJ_REQ, *PPROJ_REQ;
VOID ProjWritePort(PPROJ_REQ req);
