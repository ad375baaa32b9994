/* the driver's interface; included as "msrdrv.h" */
#define IOCTL_READ_MSR CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
typedef struct _MSR_REQUEST {
    ULONG Register;
} MSR_REQUEST, *PMSR_REQUEST;
