/* wdk_sensors.h - drvtaint WDK shim: the sensor class extension for UMDF 2 sensor drivers
 * (SensorsCx.h) and its helper library (SensorsUtils.h), with the property-store types they are
 * built on (PROPERTYKEY, PROPVARIANT and the InitPropVariantFrom* helpers of propvarutil.h).
 * Written from the sensorscx.h and sensorsutils.h reference pages and the PROPVARIANT page.
 * The PKEY_* and GUID_Sensor* names are declared without values (as without initguid.h). */
#pragma once
#include "wdk_base.h"
#include "wdf.h"
#include "wdk_win32.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Windows SDK base types the sensor headers rely on (windef.h, wtypes.h, propidl.h); repeated
 * typedefs of the same type are allowed in C11 and C++ */
typedef float FLOAT;
typedef double DOUBLE;
typedef unsigned short VARTYPE;
typedef short VARIANT_BOOL;
#ifndef VARIANT_TRUE
#define VARIANT_TRUE ((VARIANT_BOOL)-1)
#define VARIANT_FALSE ((VARIANT_BOOL)0)
#endif

#ifndef DRVTAINT_PROPVARIANT_DEFINED
#define DRVTAINT_PROPVARIANT_DEFINED
typedef struct _tagpropertykey {
    GUID fmtid;
    DWORD pid;
} PROPERTYKEY;
#define REFPROPERTYKEY const PROPERTYKEY &
typedef const PROPERTYKEY *PCPROPERTYKEY;

enum VARENUM {
    VT_EMPTY = 0, VT_NULL = 1, VT_I2 = 2, VT_I4 = 3, VT_R4 = 4, VT_R8 = 5, VT_CY = 6, VT_DATE = 7, VT_BSTR = 8,
    VT_DISPATCH = 9, VT_ERROR = 10, VT_BOOL = 11, VT_VARIANT = 12, VT_UNKNOWN = 13, VT_DECIMAL = 14, VT_I1 = 16,
    VT_UI1 = 17, VT_UI2 = 18, VT_UI4 = 19, VT_I8 = 20, VT_UI8 = 21, VT_INT = 22, VT_UINT = 23, VT_VOID = 24,
    VT_HRESULT = 25, VT_PTR = 26, VT_LPSTR = 30, VT_LPWSTR = 31, VT_FILETIME = 64, VT_BLOB = 65, VT_CLSID = 72,
    VT_VECTOR = 0x1000, VT_ARRAY = 0x2000, VT_BYREF = 0x4000
};

typedef struct tagBLOB {
    ULONG cbSize;
    BYTE *pBlobData;
} BLOB, *LPBLOB;
typedef struct tagCAUB { ULONG cElems; UCHAR *pElems; } CAUB;
typedef struct tagCAUI { ULONG cElems; USHORT *pElems; } CAUI;
typedef struct tagCAL { ULONG cElems; LONG *pElems; } CAL;
typedef struct tagCAUL { ULONG cElems; ULONG *pElems; } CAUL;
typedef struct tagCAFLT { ULONG cElems; FLOAT *pElems; } CAFLT;
typedef struct tagCADBL { ULONG cElems; DOUBLE *pElems; } CADBL;
typedef struct tagCACLSID { ULONG cElems; GUID *pElems; } CACLSID;
typedef struct tagCALPWSTR { ULONG cElems; LPWSTR *pElems; } CALPWSTR;

typedef struct tagPROPVARIANT {
    VARTYPE vt;
    WORD wReserved1;
    WORD wReserved2;
    WORD wReserved3;
    union {
        CHAR cVal;
        UCHAR bVal;
        SHORT iVal;
        USHORT uiVal;
        LONG lVal;
        ULONG ulVal;
        INT intVal;
        UINT uintVal;
        LARGE_INTEGER hVal;
        ULARGE_INTEGER uhVal;
        FLOAT fltVal;
        DOUBLE dblVal;
        VARIANT_BOOL boolVal;
        LONG scode;
        FILETIME filetime;
        GUID *puuid;
        LPSTR pszVal;
        LPWSTR pwszVal;
        BLOB blob;
        CAUB caub;
        CAUI caui;
        CAL cal;
        CAUL caul;
        CAFLT caflt;
        CADBL cadbl;
        CACLSID cauuid;
        CALPWSTR calpwstr;
    };
} PROPVARIANT, *LPPROPVARIANT;
typedef const PROPVARIANT *REFPROPVARIANT_PTR;
#ifdef __cplusplus
} /* extern "C" */
/* propkeydef.h: property keys compare by value in C++ */
inline bool operator==(const PROPERTYKEY &a, const PROPERTYKEY &b)
{
    return a.pid == b.pid && memcmp(&a.fmtid, &b.fmtid, sizeof(GUID)) == 0;
}
inline bool operator!=(const PROPERTYKEY &a, const PROPERTYKEY &b) { return !(a == b); }
extern "C" {
#endif
#define IsEqualPropertyKey(a, b) (((a).pid == (b).pid) && memcmp(&(a).fmtid, &(b).fmtid, sizeof(GUID)) == 0)

/* propvarutil.h / propidl.h */
HRESULT PropVariantClear(PROPVARIANT *pvar);
HRESULT PropVariantCopy(PROPVARIANT *pvarDest, const PROPVARIANT *pvarSrc);
VOID PropVariantInit(PROPVARIANT *pvar);
HRESULT InitPropVariantFromBoolean(BOOL fVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromInt16(SHORT nVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromUInt16(USHORT uiVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromInt32(LONG lVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromUInt32(ULONG ulVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromInt64(LONGLONG llVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromUInt64(ULONGLONG ullVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromDouble(DOUBLE dblVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromString(PCWSTR psz, PROPVARIANT *ppropvar);
#ifdef __cplusplus
HRESULT InitPropVariantFromCLSID(const GUID &clsid, PROPVARIANT *ppropvar);
#else
HRESULT InitPropVariantFromCLSID(const GUID *clsid, PROPVARIANT *ppropvar);
#endif
HRESULT InitPropVariantFromGUIDAsString(const GUID *guid, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromFileTime(const FILETIME *pftIn, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromBuffer(const VOID *pv, UINT cb, PROPVARIANT *ppropvar);
HRESULT PropVariantToBoolean(const PROPVARIANT *propvarIn, BOOL *pfRet);
HRESULT PropVariantToUInt32(const PROPVARIANT *propvarIn, ULONG *pulRet);
HRESULT PropVariantToDouble(const PROPVARIANT *propvarIn, DOUBLE *pdblRet);
HRESULT PropVariantToGUID(const PROPVARIANT *propvarIn, GUID *pguid);
#endif

/* sensorsstructures.h */
typedef struct {
    float X;
    float Y;
    float Z;
} VEC3D, *PVEC3D;
typedef struct {
    float X;
    float Y;
    float Z;
    float W;
} QUATERNION, *PQUATERNION;

/* SensorsCx.h */
WDF_DECLARE_HANDLE(SENSOROBJECT);
typedef SENSOROBJECT *PSENSOROBJECT;

typedef struct _SENSOR_VALUE_PAIR {
    PROPERTYKEY Key;
    PROPVARIANT Value;
} SENSOR_VALUE_PAIR, *PSENSOR_VALUE_PAIR;

typedef struct _SENSOR_COLLECTION_LIST {
    ULONG AllocatedSizeInBytes;
    ULONG Count;
    SENSOR_VALUE_PAIR List[ANYSIZE_ARRAY];
} SENSOR_COLLECTION_LIST, *PSENSOR_COLLECTION_LIST;

typedef struct _SENSOR_PROPERTY_LIST {
    ULONG AllocatedSizeInBytes;
    ULONG Count;
    PROPERTYKEY List[ANYSIZE_ARRAY];
} SENSOR_PROPERTY_LIST, *PSENSOR_PROPERTY_LIST;

#define SENSOR_COLLECTION_LIST_HEADER_SIZE ((ULONG)FIELD_OFFSET(SENSOR_COLLECTION_LIST, List))
#define SENSOR_COLLECTION_LIST_SIZE(Count) \
    ((ULONG)(SENSOR_COLLECTION_LIST_HEADER_SIZE + (ULONG)(Count) * sizeof(SENSOR_VALUE_PAIR)))
#define SENSOR_PROPERTY_LIST_HEADER_SIZE ((ULONG)FIELD_OFFSET(SENSOR_PROPERTY_LIST, List))
#define SENSOR_PROPERTY_LIST_SIZE(Count) \
    ((ULONG)(SENSOR_PROPERTY_LIST_HEADER_SIZE + (ULONG)(Count) * sizeof(PROPERTYKEY)))

FORCEINLINE VOID SENSOR_COLLECTION_LIST_INIT(PSENSOR_COLLECTION_LIST pList, ULONG Size)
{
    memset(pList, 0, Size);
    pList->AllocatedSizeInBytes = Size;
}
FORCEINLINE VOID SENSOR_PROPERTY_LIST_INIT(PSENSOR_PROPERTY_LIST pList, ULONG Size)
{
    memset(pList, 0, Size);
    pList->AllocatedSizeInBytes = Size;
}

/* the driver's callbacks */
typedef NTSTATUS EVT_SENSOR_DRIVER_START_SENSOR(SENSOROBJECT Sensor);
typedef EVT_SENSOR_DRIVER_START_SENSOR *PFN_SENSOR_DRIVER_START_SENSOR;
typedef NTSTATUS EVT_SENSOR_DRIVER_STOP_SENSOR(SENSOROBJECT Sensor);
typedef EVT_SENSOR_DRIVER_STOP_SENSOR *PFN_SENSOR_DRIVER_STOP_SENSOR;
typedef NTSTATUS EVT_SENSOR_DRIVER_GET_SUPPORTED_DATA_FIELDS(SENSOROBJECT Sensor, PSENSOR_PROPERTY_LIST pFields,
                                                               PULONG pSize);
typedef EVT_SENSOR_DRIVER_GET_SUPPORTED_DATA_FIELDS *PFN_SENSOR_DRIVER_GET_SUPPORTED_DATA_FIELDS;
typedef NTSTATUS EVT_SENSOR_DRIVER_GET_DATA_FIELD_PROPERTIES(SENSOROBJECT Sensor, const PROPERTYKEY *DataField,
                                                               PSENSOR_COLLECTION_LIST pProperties, PULONG pSize);
typedef EVT_SENSOR_DRIVER_GET_DATA_FIELD_PROPERTIES *PFN_SENSOR_DRIVER_GET_DATA_FIELD_PROPERTIES;
typedef NTSTATUS EVT_SENSOR_DRIVER_GET_DATA_INTERVAL(SENSOROBJECT Sensor, PULONG DataRateMs);
typedef EVT_SENSOR_DRIVER_GET_DATA_INTERVAL *PFN_SENSOR_DRIVER_GET_DATA_INTERVAL;
typedef NTSTATUS EVT_SENSOR_DRIVER_SET_DATA_INTERVAL(SENSOROBJECT Sensor, ULONG DataRateMs);
typedef EVT_SENSOR_DRIVER_SET_DATA_INTERVAL *PFN_SENSOR_DRIVER_SET_DATA_INTERVAL;
typedef NTSTATUS EVT_SENSOR_DRIVER_GET_DATA_THRESHOLDS(SENSOROBJECT Sensor, PSENSOR_COLLECTION_LIST pThresholds,
                                                         PULONG pSize);
typedef EVT_SENSOR_DRIVER_GET_DATA_THRESHOLDS *PFN_SENSOR_DRIVER_GET_DATA_THRESHOLDS;
typedef NTSTATUS EVT_SENSOR_DRIVER_SET_DATA_THRESHOLDS(SENSOROBJECT Sensor, PSENSOR_COLLECTION_LIST pThresholds);
typedef EVT_SENSOR_DRIVER_SET_DATA_THRESHOLDS *PFN_SENSOR_DRIVER_SET_DATA_THRESHOLDS;
typedef NTSTATUS EVT_SENSOR_DRIVER_GET_PROPERTIES(SENSOROBJECT Sensor, PSENSOR_COLLECTION_LIST pProperties,
                                                    PULONG pSize);
typedef EVT_SENSOR_DRIVER_GET_PROPERTIES *PFN_SENSOR_DRIVER_GET_PROPERTIES;
typedef NTSTATUS EVT_SENSOR_DRIVER_DEVICE_IO_CONTROL(SENSOROBJECT Sensor, WDFREQUEST Request, size_t OutputBufferLength,
                                                       size_t InputBufferLength, ULONG IoControlCode);
typedef EVT_SENSOR_DRIVER_DEVICE_IO_CONTROL *PFN_SENSOR_DRIVER_DEVICE_IO_CONTROL;
typedef NTSTATUS EVT_SENSOR_DRIVER_START_SENSOR_HISTORY(SENSOROBJECT Sensor);
typedef EVT_SENSOR_DRIVER_START_SENSOR_HISTORY *PFN_SENSOR_DRIVER_START_SENSOR_HISTORY;
typedef NTSTATUS EVT_SENSOR_DRIVER_STOP_SENSOR_HISTORY(SENSOROBJECT Sensor);
typedef EVT_SENSOR_DRIVER_STOP_SENSOR_HISTORY *PFN_SENSOR_DRIVER_STOP_SENSOR_HISTORY;
typedef NTSTATUS EVT_SENSOR_DRIVER_CLEAR_SENSOR_HISTORY(SENSOROBJECT Sensor);
typedef EVT_SENSOR_DRIVER_CLEAR_SENSOR_HISTORY *PFN_SENSOR_DRIVER_CLEAR_SENSOR_HISTORY;
typedef NTSTATUS EVT_SENSOR_DRIVER_START_HISTORY_RETRIEVAL(SENSOROBJECT Sensor, PSENSOR_COLLECTION_LIST pHistoryBuffer,
                                                             ULONG HistorySizeInBytes);
typedef EVT_SENSOR_DRIVER_START_HISTORY_RETRIEVAL *PFN_SENSOR_DRIVER_START_HISTORY_RETRIEVAL;
typedef NTSTATUS EVT_SENSOR_DRIVER_CANCEL_HISTORY_RETRIEVAL(SENSOROBJECT Sensor, PULONG pBytesWritten);
typedef EVT_SENSOR_DRIVER_CANCEL_HISTORY_RETRIEVAL *PFN_SENSOR_DRIVER_CANCEL_HISTORY_RETRIEVAL;
typedef NTSTATUS EVT_SENSOR_DRIVER_ENABLE_WAKE(SENSOROBJECT Sensor);
typedef EVT_SENSOR_DRIVER_ENABLE_WAKE *PFN_SENSOR_DRIVER_ENABLE_WAKE;
typedef NTSTATUS EVT_SENSOR_DRIVER_DISABLE_WAKE(SENSOROBJECT Sensor);
typedef EVT_SENSOR_DRIVER_DISABLE_WAKE *PFN_SENSOR_DRIVER_DISABLE_WAKE;

typedef struct _SENSOR_CONTROLLER_CONFIG {
    ULONG Size;
    WDF_TRI_STATE DriverIsPowerPolicyOwner;
    PFN_SENSOR_DRIVER_START_SENSOR EvtSensorStart;
    PFN_SENSOR_DRIVER_STOP_SENSOR EvtSensorStop;
    PFN_SENSOR_DRIVER_GET_SUPPORTED_DATA_FIELDS EvtSensorGetSupportedDataFields;
    PFN_SENSOR_DRIVER_GET_DATA_FIELD_PROPERTIES EvtSensorGetDataFieldProperties;
    PFN_SENSOR_DRIVER_GET_DATA_INTERVAL EvtSensorGetDataInterval;
    PFN_SENSOR_DRIVER_SET_DATA_INTERVAL EvtSensorSetDataInterval;
    PFN_SENSOR_DRIVER_GET_DATA_THRESHOLDS EvtSensorGetDataThresholds;
    PFN_SENSOR_DRIVER_SET_DATA_THRESHOLDS EvtSensorSetDataThresholds;
    PFN_SENSOR_DRIVER_GET_PROPERTIES EvtSensorGetProperties;
    PFN_SENSOR_DRIVER_DEVICE_IO_CONTROL EvtSensorDeviceIoControl;
    PFN_SENSOR_DRIVER_START_SENSOR_HISTORY EvtSensorStartHistory;
    PFN_SENSOR_DRIVER_STOP_SENSOR_HISTORY EvtSensorStopHistory;
    PFN_SENSOR_DRIVER_CLEAR_SENSOR_HISTORY EvtSensorClearHistory;
    PFN_SENSOR_DRIVER_START_HISTORY_RETRIEVAL EvtSensorStartHistoryRetrieval;
    PFN_SENSOR_DRIVER_CANCEL_HISTORY_RETRIEVAL EvtSensorCancelHistoryRetrieval;
    PFN_SENSOR_DRIVER_ENABLE_WAKE EvtSensorEnableWake;
    PFN_SENSOR_DRIVER_DISABLE_WAKE EvtSensorDisableWake;
} SENSOR_CONTROLLER_CONFIG, *PSENSOR_CONTROLLER_CONFIG;

FORCEINLINE VOID SENSOR_CONTROLLER_CONFIG_INIT(PSENSOR_CONTROLLER_CONFIG pConfig)
{
    memset(pConfig, 0, sizeof(*pConfig));
    pConfig->Size = sizeof(*pConfig);
    pConfig->DriverIsPowerPolicyOwner = WdfUseDefault;
}

typedef struct _SENSOR_CONFIG {
    ULONG Size;
    PSENSOR_COLLECTION_LIST pEnumerationList;
} SENSOR_CONFIG, *PSENSOR_CONFIG;

FORCEINLINE VOID SENSOR_CONFIG_INIT(PSENSOR_CONFIG pConfig)
{
    memset(pConfig, 0, sizeof(*pConfig));
    pConfig->Size = sizeof(*pConfig);
}

NTSTATUS SensorsCxDeviceInitConfig(PWDFDEVICE_INIT pWdfDeviceInit, PWDF_OBJECT_ATTRIBUTES pFDOAttributes, ULONG Flags);
NTSTATUS SensorsCxDeviceInitialize(WDFDEVICE FxDevice, PSENSOR_CONTROLLER_CONFIG pConfig);
NTSTATUS SensorsCxSensorCreate(WDFDEVICE FxDevice, PWDF_OBJECT_ATTRIBUTES pSensorAttributes, SENSOROBJECT *pSensor);
NTSTATUS SensorsCxSensorInitialize(SENSOROBJECT Sensor, PSENSOR_CONFIG pSensorConfig);
NTSTATUS SensorsCxSensorDataReady(SENSOROBJECT Sensor, PSENSOR_COLLECTION_LIST pSensorData);
NTSTATUS SensorsCxDeviceGetSensorList(WDFDEVICE FxDevice, SENSOROBJECT *pSensors, PULONG pSensorCount);
NTSTATUS SensorsCxSensorHistoryRetrievalCompleted(SENSOROBJECT Sensor, ULONG DataSizeInBytes, NTSTATUS Status);
NTSTATUS SensorsCxSensorThresholdsChanged(SENSOROBJECT Sensor);
NTSTATUS SensorsCxSensorDeviceReady(SENSOROBJECT Sensor);

/* the sensor property keys and type/category GUIDs the samples use (sensors.h, SensorsDef.h) */
#define DRVTAINT_PKEY(n) extern const PROPERTYKEY n;
DRVTAINT_PKEY(PKEY_Sensor_Type) DRVTAINT_PKEY(PKEY_Sensor_State) DRVTAINT_PKEY(PKEY_Sensor_Category)
DRVTAINT_PKEY(PKEY_Sensor_ConnectionType) DRVTAINT_PKEY(PKEY_Sensor_IsPrimary) DRVTAINT_PKEY(PKEY_Sensor_Manufacturer)
DRVTAINT_PKEY(PKEY_Sensor_Model) DRVTAINT_PKEY(PKEY_Sensor_PersistentUniqueId) DRVTAINT_PKEY(PKEY_Sensor_FriendlyName)
DRVTAINT_PKEY(PKEY_Sensor_VendorDefinedSubType) DRVTAINT_PKEY(PKEY_Sensor_MinimumDataInterval_Ms)
DRVTAINT_PKEY(PKEY_Sensor_MaximumDataFieldSize_Bytes) DRVTAINT_PKEY(PKEY_Sensor_Power_Milliwatts)
DRVTAINT_PKEY(PKEY_Sensor_WakeCapable) DRVTAINT_PKEY(PKEY_Sensor_ReportingMode)
DRVTAINT_PKEY(PKEY_SensorDataField_Resolution) DRVTAINT_PKEY(PKEY_SensorDataField_RangeMinimum)
DRVTAINT_PKEY(PKEY_SensorDataField_RangeMaximum)
DRVTAINT_PKEY(PKEY_SensorHistory_Interval_Ms) DRVTAINT_PKEY(PKEY_SensorHistory_MaxSize_Bytes)
DRVTAINT_PKEY(PKEY_SensorHistory_MaximumRecordSize_Bytes)
DRVTAINT_PKEY(PKEY_SensorData_Timestamp) DRVTAINT_PKEY(PKEY_SensorData_IsValid)
DRVTAINT_PKEY(PKEY_SensorData_AccelerationX_Gs) DRVTAINT_PKEY(PKEY_SensorData_AccelerationY_Gs)
DRVTAINT_PKEY(PKEY_SensorData_AccelerationZ_Gs) DRVTAINT_PKEY(PKEY_SensorData_Shake)
DRVTAINT_PKEY(PKEY_SensorData_LinearAccelerationX_Gs) DRVTAINT_PKEY(PKEY_SensorData_LinearAccelerationY_Gs)
DRVTAINT_PKEY(PKEY_SensorData_LinearAccelerationZ_Gs)
DRVTAINT_PKEY(PKEY_SensorData_AngularVelocityX_DegreesPerSecond)
DRVTAINT_PKEY(PKEY_SensorData_AngularVelocityY_DegreesPerSecond)
DRVTAINT_PKEY(PKEY_SensorData_AngularVelocityZ_DegreesPerSecond)
DRVTAINT_PKEY(PKEY_SensorData_CorrectedAngularVelocityX_DegreesPerSecond)
DRVTAINT_PKEY(PKEY_SensorData_CorrectedAngularVelocityY_DegreesPerSecond)
DRVTAINT_PKEY(PKEY_SensorData_CorrectedAngularVelocityZ_DegreesPerSecond)
DRVTAINT_PKEY(PKEY_SensorData_MagneticFieldStrengthX_Microteslas)
DRVTAINT_PKEY(PKEY_SensorData_MagneticFieldStrengthY_Microteslas)
DRVTAINT_PKEY(PKEY_SensorData_MagneticFieldStrengthZ_Microteslas) DRVTAINT_PKEY(PKEY_SensorData_MagnetometerAccuracy)
DRVTAINT_PKEY(PKEY_SensorData_QuaternionW) DRVTAINT_PKEY(PKEY_SensorData_QuaternionX)
DRVTAINT_PKEY(PKEY_SensorData_QuaternionY) DRVTAINT_PKEY(PKEY_SensorData_QuaternionZ)
DRVTAINT_PKEY(PKEY_SensorData_RotationAngle_Degrees) DRVTAINT_PKEY(PKEY_SensorData_DeclinationAngle_Degrees)
DRVTAINT_PKEY(PKEY_SensorData_LightLevel_Lux) DRVTAINT_PKEY(PKEY_SensorData_LightTemperature_Kelvins)
DRVTAINT_PKEY(PKEY_SensorData_LightChromaticityX) DRVTAINT_PKEY(PKEY_SensorData_LightChromaticityY)
DRVTAINT_PKEY(PKEY_SensorData_LightLevel_Lux_Threshold_AbsoluteDifference)
DRVTAINT_PKEY(PKEY_SensorData_LightLevel_Lux_Threshold_RelativeDifference)
DRVTAINT_PKEY(PKEY_SensorData_AtmosphericPressure_Bars) DRVTAINT_PKEY(PKEY_SensorData_ProximityDetection)
DRVTAINT_PKEY(PKEY_SensorData_ProximityDistanceMillimeters) DRVTAINT_PKEY(PKEY_SensorData_SimpleDeviceOrientation)
DRVTAINT_PKEY(PKEY_SensorData_PedometerStepCount) DRVTAINT_PKEY(PKEY_SensorData_PedometerStepType)
DRVTAINT_PKEY(PKEY_SensorData_PedometerStepDuration_Ms) DRVTAINT_PKEY(PKEY_SensorData_PedometerReset)
DRVTAINT_PKEY(PKEY_SensorData_SupportedStepTypes) DRVTAINT_PKEY(PKEY_SensorData_CurrentActivityState)
DRVTAINT_PKEY(PKEY_SensorData_CurrentActivityStateConfidence_Percentage)
DRVTAINT_PKEY(PKEY_SensorData_SupportedActivityStates) DRVTAINT_PKEY(PKEY_SensorData_SubscribedActivityStates)
DRVTAINT_PKEY(PKEY_SensorData_ConfidenceThreshold_Percentage) DRVTAINT_PKEY(PKEY_SensorData_ActivityStream)
DRVTAINT_PKEY(PKEY_OrientationSensor_GyroscopeUsed) DRVTAINT_PKEY(PKEY_LightSensor_ResponseCurve)
DRVTAINT_PKEY(PKEY_LightSensor_ColorCapable)
/* the device-property forms of the enumeration keys (DEVPKEY_Sensor_*), which drivers store in
 * SENSOR_VALUE_PAIR.Key */
DRVTAINT_PKEY(DEVPKEY_Sensor_Type) DRVTAINT_PKEY(DEVPKEY_Sensor_Category) DRVTAINT_PKEY(DEVPKEY_Sensor_ConnectionType)
DRVTAINT_PKEY(DEVPKEY_Sensor_IsPrimary) DRVTAINT_PKEY(DEVPKEY_Sensor_Manufacturer) DRVTAINT_PKEY(DEVPKEY_Sensor_Model)
DRVTAINT_PKEY(DEVPKEY_Sensor_Name) DRVTAINT_PKEY(DEVPKEY_Sensor_PersistentUniqueId)
DRVTAINT_PKEY(DEVPKEY_Sensor_ProximityType) DRVTAINT_PKEY(DEVPKEY_Sensor_VendorDefinedSubType)
#undef DRVTAINT_PKEY
#define DRVTAINT_SENSOR_GUID(n) extern const GUID n;
DRVTAINT_SENSOR_GUID(GUID_SensorCategory_All) DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Biometric)
DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Environmental) DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Light)
DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Location) DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Mechanical)
DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Motion) DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Orientation)
DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Other) DRVTAINT_SENSOR_GUID(GUID_SensorCategory_Scanner)
DRVTAINT_SENSOR_GUID(GUID_SensorType_Accelerometer3D) DRVTAINT_SENSOR_GUID(GUID_SensorType_ActivityDetection)
DRVTAINT_SENSOR_GUID(GUID_SensorType_AmbientLight) DRVTAINT_SENSOR_GUID(GUID_SensorType_Barometer)
DRVTAINT_SENSOR_GUID(GUID_SensorType_Custom) DRVTAINT_SENSOR_GUID(GUID_SensorType_GeomagneticOrientation)
DRVTAINT_SENSOR_GUID(GUID_SensorType_GravityVector) DRVTAINT_SENSOR_GUID(GUID_SensorType_Gyrometer3D)
DRVTAINT_SENSOR_GUID(GUID_SensorType_LinearAccelerometer) DRVTAINT_SENSOR_GUID(GUID_SensorType_Magnetometer3D)
DRVTAINT_SENSOR_GUID(GUID_SensorType_Orientation) DRVTAINT_SENSOR_GUID(GUID_SensorType_Pedometer)
DRVTAINT_SENSOR_GUID(GUID_SensorType_Proximity) DRVTAINT_SENSOR_GUID(GUID_SensorType_RelativeOrientation)
DRVTAINT_SENSOR_GUID(GUID_SensorType_SimpleDeviceOrientation)
#undef DRVTAINT_SENSOR_GUID

/* sensor enumerations (sensors.h); SensorState and SensorConnectionType are left to the drivers,
 * which define them themselves (the sensor samples do, as scoped enums) */
typedef enum MagnetometerAccuracy {
    MagnetometerAccuracy_Unknown = 0, MagnetometerAccuracy_Unreliable = 1, MagnetometerAccuracy_Approximate = 2,
    MagnetometerAccuracy_High = 3
} MagnetometerAccuracy;
typedef enum PedometerStepType {
    PedometerStepType_Unknown = 0x00, PedometerStepType_Walking = 0x01, PedometerStepType_Running = 0x02
} PedometerStepType;
typedef enum ActivityState {
    ActivityState_Unknown = 0x01, ActivityState_Stationary = 0x02, ActivityState_Fidgeting = 0x04,
    ActivityState_Walking = 0x08, ActivityState_Running = 0x10, ActivityState_InVehicle = 0x20,
    ActivityState_Biking = 0x40, ActivityState_Idle = 0x80
} ActivityState;
typedef enum SimpleDeviceOrientation {
    SimpleDeviceOrientation_NotRotated = 0, SimpleDeviceOrientation_Rotated90DegreesCounterclockwise = 1,
    SimpleDeviceOrientation_Rotated180DegreesCounterclockwise = 2,
    SimpleDeviceOrientation_Rotated270DegreesCounterclockwise = 3, SimpleDeviceOrientation_Faceup = 4,
    SimpleDeviceOrientation_Facedown = 5
} SimpleDeviceOrientation;

/* SensorsUtils.h: property and collection list helpers */
NTSTATUS PropKeyFindKeyGetPropVariant(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, BOOLEAN TypeCheck,
                                      PROPVARIANT *pValue);
NTSTATUS PropKeyFindKeySetPropVariant(PSENSOR_COLLECTION_LIST pList, const PROPERTYKEY *pKey, BOOLEAN TypeCheck,
                                      PROPVARIANT *pValue);
NTSTATUS PropKeyFindKeyGetBool(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, BOOL *pRetValue);
NTSTATUS PropKeyFindKeyGetFloat(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, FLOAT *pRetValue);
NTSTATUS PropKeyFindKeyGetDouble(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, DOUBLE *pRetValue);
NTSTATUS PropKeyFindKeyGetInt32(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, LONG *pRetValue);
NTSTATUS PropKeyFindKeyGetInt64(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, LONGLONG *pRetValue);
NTSTATUS PropKeyFindKeyGetUlong(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, ULONG *pRetValue);
NTSTATUS PropKeyFindKeyGetUshort(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, USHORT *pRetValue);
NTSTATUS PropKeyFindKeyGetUlonglong(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey,
                                    ULONGLONG *pRetValue);
NTSTATUS PropKeyFindKeyGetGuid(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, GUID *pRetValue);
NTSTATUS PropKeyFindKeyGetFileTime(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey,
                                   PFILETIME pRetValue);
NTSTATUS PropKeyFindKeyGetNthUlong(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, ULONG Occurrence,
                                   ULONG *pRetValue);
NTSTATUS PropKeyFindKeyGetNthUshort(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, ULONG Occurrence,
                                    USHORT *pRetValue);
NTSTATUS PropKeyFindKeyGetNthInt64(const SENSOR_COLLECTION_LIST *pList, const PROPERTYKEY *pKey, ULONG Occurrence,
                                   LONGLONG *pRetValue);
ULONG CollectionsListGetMarshalledSize(const SENSOR_COLLECTION_LIST *Collection);
ULONG CollectionsListGetMarshalledSizeWithoutSerialization(const SENSOR_COLLECTION_LIST *Collection);
NTSTATUS CollectionsListCopyAndMarshall(PSENSOR_COLLECTION_LIST Target, const SENSOR_COLLECTION_LIST *Source);
NTSTATUS CollectionsListMarshall(PSENSOR_COLLECTION_LIST Target);
ULONG CollectionsListGetSerializedSize(const SENSOR_COLLECTION_LIST *Collection);
NTSTATUS CollectionsListSerializeToBuffer(const SENSOR_COLLECTION_LIST *SourceCollection, ULONG TargetBufferSizeInBytes,
                                          BYTE *TargetBuffer);
NTSTATUS CollectionsListAllocateBufferAndSerialize(const SENSOR_COLLECTION_LIST *SourceCollection,
                                                   PULONG pTargetBufferSizeInBytes, PBYTE *pTargetBuffer);
NTSTATUS CollectionsListDeserializeFromBuffer(ULONG SourceBufferSizeInBytes, const BYTE *SourceBuffer,
                                              PSENSOR_COLLECTION_LIST TargetCollection);
ULONG CollectionsListGetFillableCount(ULONG BufferSizeBytes);
NTSTATUS CollectionsListSortSubscribedActivitiesByConfidence(PSENSOR_COLLECTION_LIST ThresholdsList,
                                                             PSENSOR_COLLECTION_LIST CollectionList);
NTSTATUS CollectionsListUpdateMarshalledPointer(PSENSOR_COLLECTION_LIST Collection);
NTSTATUS PropertiesListCopy(PSENSOR_PROPERTY_LIST Target, const SENSOR_PROPERTY_LIST *Source);
ULONG PropertiesListGetFillableCount(ULONG BufferSizeBytes);
BOOLEAN IsKeyPresentInPropertyList(PSENSOR_PROPERTY_LIST pList, const PROPERTYKEY *pKey);
BOOLEAN IsKeyPresentInCollectionList(PSENSOR_COLLECTION_LIST pList, const PROPERTYKEY *pKey);
BOOLEAN IsCollectionListSame(PSENSOR_COLLECTION_LIST ListA, PSENSOR_COLLECTION_LIST ListB);
BOOLEAN IsSensorSubscribed(PSENSOR_COLLECTION_LIST pSubscriptionList, GUID SensorUniqueId);
HRESULT InitPropVariantFromFloat(FLOAT fltVal, PROPVARIANT *ppropvar);
HRESULT InitPropVariantFromCLSIDArray(GUID *members, ULONG size, PROPVARIANT *ppropvar);

#ifdef __cplusplus
}
#endif
