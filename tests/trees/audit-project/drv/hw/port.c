#include "port.h"

VOID ProjWritePort(PPROJ_REQ req)
{
    __outbyte(req->Port, req->Value); /* ioctl: IOCTL_PROJ_WRITE */ // expect: port-write
}
