/* hardware helpers; included as "..\common\hw.h" */
typedef ULONG HW_PORT;
