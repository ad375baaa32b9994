/* wdk_wdi.h - drvtaint WDK shim: the WLAN Device Driver Interface (dot11wdi.h) for WDI
 * miniports: the message header of WDI OIDs, the data-path identifiers and frame metadata, the
 * MINIPORT_WDI_* control and data-path handler roles with the records that register them
 * (NDIS_MINIPORT_DRIVER_WDI_CHARACTERISTICS, NDIS_MINIPORT_WDI_DATA_HANDLERS), the NDIS_WDI_DATA_API
 * callbacks NDIS hands the miniport, NdisMRegisterWdiMiniportDriver, and the WDI enums (auth and
 * cipher algorithms, PHY types, operation modes). Written from the dot11wdi.h reference pages on
 * learn.microsoft.com; the TLV records are in wditypes.hpp (wdk_wditlv.h). */
#pragma once
#include "wdk_dot11.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef UINT16 WDI_PORT_ID, *PWDI_PORT_ID;
typedef UINT16 WDI_PEER_ID, *PWDI_PEER_ID;
typedef UINT8 WDI_EXTENDED_TID, *PWDI_EXTENDED_TID;
typedef UINT16 WDI_FRAME_ID, *PWDI_FRAME_ID;
typedef UINT32 WDI_OPERATION_MODE;
typedef PVOID TAL_TXRX_HANDLE, *PTAL_TXRX_HANDLE;
typedef struct _WDI_MAC_ADDRESS {
    UINT8 Address[6];
} WDI_MAC_ADDRESS, *PWDI_MAC_ADDRESS;

#define WDI_PORT_ANY ((WDI_PORT_ID)0xffff)
#define WDI_PEER_ANY ((WDI_PEER_ID)0xffff)
#define WDI_EXT_TID_UNKNOWN ((WDI_EXTENDED_TID)0x11)
#define WDI_EXT_TID_NON_QOS ((WDI_EXTENDED_TID)0x10)
#define WDI_QUANTUM_INVALID 0
#define WDI_TX_MAX_FRAME_COUNT_INVALID 0
#define WDI_MAX_MCAST_LIST_NUM 32

#define WDI_OPERATION_MODE_STA 0x00000001
#define WDI_OPERATION_MODE_AP 0x00000002
#define WDI_OPERATION_MODE_P2P_DEVICE 0x00000004
#define WDI_OPERATION_MODE_P2P_GO 0x00000008
#define WDI_OPERATION_MODE_P2P_CLIENT 0x00000010
#define WDI_OPERATION_MODE_MANUFACTURING 0x40000000
#define WDI_OPERATION_MODE_NETMON 0x80000000

/* The header every WDI command, task and indication starts with. */
typedef struct _WDI_MESSAGE_HEADER {
    WDI_PORT_ID PortId;
    UINT16 Reserved;
    NDIS_STATUS Status;
    UINT32 TransactionId;
    UINT32 IhvSpecificId;
} WDI_MESSAGE_HEADER, *PWDI_MESSAGE_HEADER;

typedef enum _WDI_TX_FRAME_STATUS {
    WDI_TxFrameStatus_Ok = 0,
    WDI_TxFrameStatus_TransferFailed = 1,
    WDI_TxFrameStatus_Aborted = 2,
    WDI_TxFrameStatus_Dropped = 3,
    WDI_TxFrameStatus_TransmitFailed = 4
} WDI_TX_FRAME_STATUS;

typedef enum _WDI_TX_PAUSE_REASON {
    WDI_TX_PAUSE_REASON_CREDIT = 0x1,
    WDI_TX_PAUSE_REASON_PS = 0x2,
    WDI_TX_PAUSE_REASON_HANDSHAKE = 0x4,
    WDI_TX_PAUSE_REASON_CHANNEL_SWITCH = 0x8,
    WDI_TX_PAUSE_REASON_DEBUG = 0x10
} WDI_TX_PAUSE_REASON;

typedef enum _WDI_RX_THROTTLE_LEVEL {
    WDI_RX_THROTTLE_LEVEL_NONE = 0,
    WDI_RX_THROTTLE_LEVEL_LOW = 1,
    WDI_RX_THROTTLE_LEVEL_MEDIUM = 2,
    WDI_RX_THROTTLE_LEVEL_HIGH = 3
} WDI_RX_THROTTLE_LEVEL;

typedef enum _WDI_RX_INDICATION_LEVEL {
    WDI_RX_INDICATION_DISPATCH_GENERAL = 0,
    WDI_RX_INDICATION_PASSIVE = 1,
    WDI_RX_INDICATION_DISPATCH_FLUSH = 2,
    WDI_RX_INDICATION_DISPATCH_GENERAL_WITH_LOW_RESOURCES = 3,
    WDI_RX_INDICATION_PASSIVE_WITH_LOW_RESOURCES = 4,
    WDI_RX_INDICATION_FLUSH = 5
} WDI_RX_INDICATION_LEVEL;

typedef enum _WDI_FRAME_PAYLOAD_TYPE {
    WDI_FRAME_MSDU = 0,
    WDI_FRAME_AMSDU = 1
} WDI_FRAME_PAYLOAD_TYPE;

typedef enum _WDI_EXEMPTION_ACTION_TYPE {
    WDI_EXEMPT_ACTION_TYPE_AUTOMATIC = 0,
    WDI_EXEMPT_ACTION_TYPE_ENCRYPT = 1,
    WDI_EXEMPT_ACTION_TYPE_NO_ENCRYPT = 2,
    WDI_EXEMPT_ACTION_TYPE_KEY_MAPPING_KEY_UNAVAILABLE = 3
} WDI_EXEMPTION_ACTION_TYPE;

typedef enum _WDI_INTERCONNECT_TYPE {
    WDI_INTERCONNECT_MESSAGE_BASED = 0,
    WDI_INTERCONNECT_MEMORY_MAPPED = 1
} WDI_INTERCONNECT_TYPE;

typedef enum _WDI_RECEIVE_FILTER {
    WDI_RECEIVE_FILTER_VM_QUEUES_ENABLE = 1
} WDI_RECEIVE_FILTER;

typedef struct _WDI_TX_METADATA {
    WDI_PORT_ID PortID;
    WDI_PEER_ID PeerID;
    WDI_EXTENDED_TID ExTID;
    UINT16 TxCost;
    UINT8 AddressMap;
    BOOLEAN bIsUnicast;
    BOOLEAN bTxCompleteRequired;
    BOOLEAN bRobustnessFlag;
    WDI_EXEMPTION_ACTION_TYPE ExemptionAction;
    UINT32 FrameType;
} WDI_TX_METADATA, *PWDI_TX_METADATA;

typedef struct _WDI_RX_METADATA {
    WDI_FRAME_PAYLOAD_TYPE PayloadType;
    UINT32 ReceiveFlags;
    UINT32 Rssi;
    UINT32 DataRate;
} WDI_RX_METADATA, *PWDI_RX_METADATA;

/* Per-frame data the data path keeps with a NET_BUFFER_LIST. */
typedef struct _WDI_FRAME_METADATA {
    LIST_ENTRY Linkage;
    WDI_FRAME_ID FrameID;
    UINT16 Reserved;
    PNET_BUFFER_LIST pNBL;
    union {
        WDI_TX_METADATA txMetaData;
        WDI_RX_METADATA rxMetaData;
    } u;
} WDI_FRAME_METADATA, *PWDI_FRAME_METADATA, WIFI_FRAME_METADATA, *PWIFI_FRAME_METADATA;

typedef struct _WDI_TXRX_TARGET_CONFIGURATION {
    UINT32 TargetPriorityQueueing;
    UINT32 MaxNumPorts;
    UINT32 MaxNumPeers;
    WDI_INTERCONNECT_TYPE InterconnectType;
} WDI_TXRX_TARGET_CONFIGURATION, *PWDI_TXRX_TARGET_CONFIGURATION;

typedef struct _WDI_TXRX_PEER_CFG {
    UINT32 DataLinkQoSCapability;
} WDI_TXRX_PEER_CFG, *PWDI_TXRX_PEER_CFG;

typedef struct _TAL_TXRX_PARAMETERS {
    UINT8 TransferUnitPriorityQueueing;
    UINT32 MaxOutstandingTransfers;
    UINT32 TxMaxBufferSize;
    UINT32 TxPause;
} TAL_TXRX_PARAMETERS, *PTAL_TXRX_PARAMETERS;

typedef enum _eDiagnoseLevel {
    DiagnoseLevelHardwareRegisters = 1,
    DiagnoseLevelFirmwareImageDump = 2,
    DiagnoseLevelFullDump = 3
} eDiagnoseLevel;

/* NDIS's completion calls for the open and close tasks, handed to MINIPORT_WDI_ALLOCATE_ADAPTER. */
typedef VOID NDIS_WDI_OPEN_ADAPTER_COMPLETE(NDIS_HANDLE NdisMiniportHandle, NDIS_STATUS Status);
typedef VOID NDIS_WDI_CLOSE_ADAPTER_COMPLETE(NDIS_HANDLE NdisMiniportHandle, NDIS_STATUS Status);
typedef struct _NDIS_WDI_INIT_PARAMETERS {
    NDIS_OBJECT_HEADER Header;
    UINT32 WdiVersion;
    NDIS_WDI_OPEN_ADAPTER_COMPLETE *OpenAdapterCompleteHandler;
    NDIS_WDI_CLOSE_ADAPTER_COMPLETE *CloseAdapterCompleteHandler;
} NDIS_WDI_INIT_PARAMETERS, *PNDIS_WDI_INIT_PARAMETERS;

/* Control-path roles. */
typedef NDIS_STATUS MINIPORT_WDI_ALLOCATE_ADAPTER(NDIS_HANDLE NdisMiniportHandle, NDIS_HANDLE MiniportDriverContext,
                                                  PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters,
                                                  PNDIS_WDI_INIT_PARAMETERS NdisWdiInitParameters,
                                                  PNDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegistrationAttributes);
typedef MINIPORT_WDI_ALLOCATE_ADAPTER *MINIPORT_WDI_ALLOCATE_ADAPTER_HANDLER;
typedef VOID MINIPORT_WDI_FREE_ADAPTER(NDIS_HANDLE MiniportAdapterContext);
typedef MINIPORT_WDI_FREE_ADAPTER *MINIPORT_WDI_FREE_ADAPTER_HANDLER;
typedef NDIS_STATUS MINIPORT_WDI_OPEN_ADAPTER(NDIS_HANDLE MiniportAdapterContext,
                                              PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters);
typedef MINIPORT_WDI_OPEN_ADAPTER *MINIPORT_WDI_OPEN_ADAPTER_HANDLER;
typedef NDIS_STATUS MINIPORT_WDI_CLOSE_ADAPTER(NDIS_HANDLE MiniportAdapterContext);
typedef MINIPORT_WDI_CLOSE_ADAPTER *MINIPORT_WDI_CLOSE_ADAPTER_HANDLER;
typedef NDIS_STATUS MINIPORT_WDI_START_ADAPTER_OPERATION(NDIS_HANDLE MiniportAdapterContext);
typedef MINIPORT_WDI_START_ADAPTER_OPERATION *MINIPORT_WDI_START_ADAPTER_OPERATION_HANDLER;
typedef VOID MINIPORT_WDI_STOP_ADAPTER_OPERATION(NDIS_HANDLE MiniportAdapterContext);
typedef MINIPORT_WDI_STOP_ADAPTER_OPERATION *MINIPORT_WDI_STOP_ADAPTER_OPERATION_HANDLER;
typedef NDIS_STATUS MINIPORT_WDI_ADAPTER_HANG_DIAGNOSE(NDIS_HANDLE MiniportDriverContext, eDiagnoseLevel DiagnoseLevel,
                                                       UINT32 BufferSize, UINT8 *FirmwareBlob, UINT32 *pOutputSize);
typedef MINIPORT_WDI_ADAPTER_HANG_DIAGNOSE *MINIPORT_WDI_ADAPTER_HANG_DIAGNOSE_HANDLER;
typedef VOID MINIPORT_WDI_TAL_TXRX_DEINITIALIZE(TAL_TXRX_HANDLE MiniportTalTxRxContext);
typedef MINIPORT_WDI_TAL_TXRX_DEINITIALIZE *MINIPORT_WDI_TAL_TXRX_DEINITIALIZE_HANDLER;

/* Data-path roles. */
typedef VOID MINIPORT_WDI_TX_ABORT(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId, WDI_PEER_ID PeerId,
                                   PNDIS_STATUS pWifiStatus);
typedef VOID MINIPORT_WDI_TX_TARGET_DESC_INIT(TAL_TXRX_HANDLE MiniportTalTxRxContext, PNET_BUFFER_LIST pNBL,
                                              PNDIS_STATUS pWifiStatus);
typedef VOID MINIPORT_WDI_TX_TARGET_DESC_DEINIT(TAL_TXRX_HANDLE MiniportTalTxRxContext, PNET_BUFFER_LIST pNBL);
typedef VOID MINIPORT_WDI_TX_DATA_SEND(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId, WDI_PEER_ID PeerId,
                                       WDI_EXTENDED_TID ExTid, UINT16 NumQueueFrames, UINT32 NumActiveFrames,
                                       BOOLEAN bRobustnessFlag);
typedef VOID MINIPORT_WDI_TX_TAL_SEND(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId, WDI_PEER_ID PeerId,
                                      WDI_EXTENDED_TID ExTid, UINT16 NumQueueFrames, UINT32 NumActiveFrames,
                                      BOOLEAN bRobustnessFlag);
typedef VOID MINIPORT_WDI_TX_TAL_SEND_COMPLETE(TAL_TXRX_HANDLE MiniportTalTxRxContext, PNET_BUFFER_LIST pNBL,
                                               WDI_TX_FRAME_STATUS TxFrameStatus);
typedef VOID MINIPORT_WDI_TX_TAL_QUEUE_IN_ORDER(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PEER_ID PeerId,
                                                UINT32 ExTidBitmask);
typedef VOID MINIPORT_WDI_TX_PEER_BACKLOG(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId,
                                          WDI_PEER_ID PeerId, BOOLEAN bBacklogged);
typedef VOID MINIPORT_WDI_RX_STOP(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId, PNDIS_STATUS pWifiStatus);
typedef VOID MINIPORT_WDI_RX_FLUSH(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId);
typedef VOID MINIPORT_WDI_RX_RESTART(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId);
typedef VOID MINIPORT_WDI_RX_GET_MPDUS(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PEER_ID PeerId,
                                       WDI_EXTENDED_TID ExTid, PNET_BUFFER_LIST *ppNBL);
typedef VOID MINIPORT_WDI_RX_RETURN_FRAMES(TAL_TXRX_HANDLE MiniportTalTxRxContext, PNET_BUFFER_LIST pNBL);
typedef VOID MINIPORT_WDI_RX_RESUME(TAL_TXRX_HANDLE MiniportTalTxRxContext);
typedef VOID MINIPORT_WDI_RX_THROTTLE(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_RX_THROTTLE_LEVEL RxThrottleLevel);
typedef VOID MINIPORT_WDI_RX_PPDU_RSSI(TAL_TXRX_HANDLE MiniportTalTxRxContext, PNET_BUFFER_LIST pNBL, UINT8 *pRssi);
typedef NDIS_STATUS MINIPORT_WDI_TAL_TXRX_START(TAL_TXRX_HANDLE MiniportTalTxRxContext,
                                                PWDI_TXRX_TARGET_CONFIGURATION pWifiTxRxConfiguration,
                                                PTAL_TXRX_PARAMETERS pTalTxRxParameters);
typedef VOID MINIPORT_WDI_TAL_TXRX_STOP(TAL_TXRX_HANDLE MiniportTalTxRxContext);
typedef VOID MINIPORT_WDI_TAL_TXRX_ADD_PORT(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId,
                                            WDI_OPERATION_MODE OpMode);
typedef VOID MINIPORT_WDI_TAL_TXRX_DELETE_PORT(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId);
typedef VOID MINIPORT_WDI_TAL_TXRX_SET_PORT_OPMODE(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId,
                                                   WDI_OPERATION_MODE OpMode);
typedef VOID MINIPORT_WDI_TAL_TXRX_RESET_PORT(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId);
typedef VOID MINIPORT_WDI_TAL_TXRX_PEER_CONFIG(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId,
                                               WDI_PEER_ID PeerId, PWDI_TXRX_PEER_CFG pPeerCfg);
typedef VOID MINIPORT_WDI_TAL_TXRX_PEER_DELETE_CONFIRM(TAL_TXRX_HANDLE MiniportTalTxRxContext, WDI_PORT_ID PortId,
                                                       WDI_PEER_ID PeerId);

typedef struct _NDIS_MINIPORT_WDI_DATA_HANDLERS {
    NDIS_OBJECT_HEADER Header;
    MINIPORT_WDI_TX_ABORT *TxAbortHandler;
    MINIPORT_WDI_TX_TARGET_DESC_INIT *TxTargetDescInitHandler;
    MINIPORT_WDI_TX_TARGET_DESC_DEINIT *TxTargetDescDeInitHandler;
    MINIPORT_WDI_TX_DATA_SEND *TxDataSendHandler;
    MINIPORT_WDI_TX_TAL_SEND *TxTalSendHandler;
    MINIPORT_WDI_TX_TAL_SEND_COMPLETE *TxTalSendCompleteHandler;
    MINIPORT_WDI_TX_TAL_QUEUE_IN_ORDER *TxTalQueueInOrderHandler;
    MINIPORT_WDI_TX_PEER_BACKLOG *TxPeerBacklogHandler;
    MINIPORT_WDI_RX_STOP *RxStopHandler;
    MINIPORT_WDI_RX_FLUSH *RxFlushHandler;
    MINIPORT_WDI_RX_RESTART *RxRestartHandler;
    MINIPORT_WDI_RX_GET_MPDUS *RxGetMpdusHandler;
    MINIPORT_WDI_RX_RETURN_FRAMES *RxReturnFramesHandler;
    MINIPORT_WDI_RX_RESUME *RxResumeHandler;
    MINIPORT_WDI_RX_THROTTLE *RxThrottleHandler;
    MINIPORT_WDI_RX_PPDU_RSSI *RxPpduRssiHandler;
    MINIPORT_WDI_TAL_TXRX_START *TalTxRxStartHandler;
    MINIPORT_WDI_TAL_TXRX_STOP *TalTxRxStopHandler;
    MINIPORT_WDI_TAL_TXRX_ADD_PORT *TalTxRxAddPortHandler;
    MINIPORT_WDI_TAL_TXRX_DELETE_PORT *TalTxRxDeletePortHandler;
    MINIPORT_WDI_TAL_TXRX_SET_PORT_OPMODE *TalTxRxSetPortOpModeHandler;
    MINIPORT_WDI_TAL_TXRX_RESET_PORT *TalTxRxResetPortHandler;
    MINIPORT_WDI_TAL_TXRX_PEER_CONFIG *TalTxRxPeerConfigHandler;
    MINIPORT_WDI_TAL_TXRX_PEER_DELETE_CONFIRM *TalTxRxPeerDeleteConfirmHandler;
} NDIS_MINIPORT_WDI_DATA_HANDLERS, *PNDIS_MINIPORT_WDI_DATA_HANDLERS;
#define NDIS_OBJECT_TYPE_WDI_DATA_HANDLERS_REVISION_1 1

/* What NDIS gives the data path (NDIS_WDI_DATA_API). */
typedef VOID NDIS_WDI_TX_DEQUEUE_IND(NDIS_HANDLE NdisMiniportDataPathHandle, UINT32 Quantum, UINT8 MaxNumFrames,
                                     UINT8 CreditAvailable, PNET_BUFFER_LIST *ppNBL);
typedef VOID NDIS_WDI_TX_TRANSFER_COMPLETE_IND(NDIS_HANDLE NdisMiniportDataPathHandle, WDI_TX_FRAME_STATUS WifiTxFrameStatus,
                                               PNET_BUFFER_LIST pNBL);
typedef VOID NDIS_WDI_TX_SEND_COMPLETE_IND(NDIS_HANDLE NdisMiniportDataPathHandle, WDI_TX_FRAME_STATUS WifiTxFrameStatus,
                                           UINT16 NumFrames, WDI_FRAME_ID *pFrameIdArray, UINT32 *pTxCostArray);
typedef VOID NDIS_WDI_TX_SEND_PAUSE_IND(NDIS_HANDLE NdisMiniportDataPathHandle, WDI_PORT_ID PortId, WDI_PEER_ID PeerId,
                                        WDI_EXTENDED_TID ExTid, WDI_TX_PAUSE_REASON TxPauseReason);
typedef VOID NDIS_WDI_TX_SEND_RESTART_IND(NDIS_HANDLE NdisMiniportDataPathHandle, WDI_PORT_ID PortId, WDI_PEER_ID PeerId,
                                          WDI_EXTENDED_TID ExTid, WDI_TX_PAUSE_REASON TxPauseReason);
typedef VOID NDIS_WDI_TX_RELEASE_FRAMES_IND(NDIS_HANDLE NdisMiniportDataPathHandle, WDI_PORT_ID PortId,
                                            WDI_PEER_ID PeerId, UINT32 ExTidBitmask, UINT8 MaxNumFrames,
                                            UINT16 *pNumFramesQueued);
typedef VOID NDIS_WDI_TX_INJECT_FRAME_IND(NDIS_HANDLE NdisMiniportDataPathHandle, WDI_PORT_ID PortId,
                                          WDI_PEER_ID PeerId, WDI_EXTENDED_TID ExTid, PNET_BUFFER_LIST pNBL,
                                          BOOLEAN bIsUnicast, BOOLEAN bUseLegacyRates, UINT16 Hw4Mpdu,
                                          UINT8 TxFrameType);
typedef VOID NDIS_WDI_TX_ABORT_CONFIRM(NDIS_HANDLE NdisMiniportDataPathHandle);
typedef VOID NDIS_WDI_RX_INORDER_DATA_IND(NDIS_HANDLE NdisMiniportDataPathHandle,
                                          WDI_RX_INDICATION_LEVEL IndicationLevel, WDI_PEER_ID PeerId,
                                          WDI_EXTENDED_TID ExTid, struct _NDIS_RECEIVE_THROTTLE_PARAMETERS *pRxThrottleParams,
                                          PNDIS_STATUS pWifiStatus);
typedef VOID NDIS_WDI_RX_STOP_CONFIRM(NDIS_HANDLE NdisMiniportDataPathHandle);
typedef VOID NDIS_WDI_RX_FLUSH_CONFIRM(NDIS_HANDLE NdisMiniportDataPathHandle);
typedef VOID NDIS_WDI_PEER_CREATE_IND(NDIS_HANDLE NdisMiniportDataPathHandle, WDI_PORT_ID PortId, WDI_PEER_ID PeerId,
                                      WDI_MAC_ADDRESS PeerAddr);
typedef VOID NDIS_WDI_PEER_DELETE_IND(NDIS_HANDLE NdisMiniportDataPathHandle, WDI_PORT_ID PortId, WDI_PEER_ID PeerId,
                                      PNDIS_STATUS pWifiStatus);
typedef PWDI_FRAME_METADATA NDIS_WDI_ALLOCATE_WDI_FRAME_METADATA(NDIS_HANDLE NdisMiniportDataPathHandle);
typedef VOID NDIS_WDI_FREE_WDI_FRAME_METADATA(NDIS_HANDLE NdisMiniportDataPathHandle, PWDI_FRAME_METADATA pWiFiFrameMetaData);

typedef struct _NDIS_WDI_DATA_API {
    NDIS_OBJECT_HEADER Header;
    NDIS_WDI_TX_DEQUEUE_IND *TxDequeueIndication;
    NDIS_WDI_TX_TRANSFER_COMPLETE_IND *TxTransferCompleteIndication;
    NDIS_WDI_TX_SEND_COMPLETE_IND *TxSendCompleteIndication;
    NDIS_WDI_TX_SEND_PAUSE_IND *TxSendPauseIndication;
    NDIS_WDI_TX_SEND_RESTART_IND *TxSendRestartIndication;
    NDIS_WDI_TX_RELEASE_FRAMES_IND *TxReleaseFrameIndication;
    NDIS_WDI_TX_INJECT_FRAME_IND *TxInjectFrameIndication;
    NDIS_WDI_TX_ABORT_CONFIRM *TxAbortConfirm;
    NDIS_WDI_RX_INORDER_DATA_IND *RxInorderDataIndication;
    NDIS_WDI_RX_STOP_CONFIRM *RxStopConfirm;
    NDIS_WDI_RX_FLUSH_CONFIRM *RxFlushConfirm;
    NDIS_WDI_PEER_CREATE_IND *PeerCreateIndication;
    NDIS_WDI_PEER_DELETE_IND *PeerDeleteIndication;
    NDIS_WDI_ALLOCATE_WDI_FRAME_METADATA *AllocateWiFiFrameMetaData;
    NDIS_WDI_FREE_WDI_FRAME_METADATA *FreeWiFiFrameMetaData;
} NDIS_WDI_DATA_API, *PNDIS_WDI_DATA_API;

typedef NDIS_STATUS MINIPORT_WDI_TAL_TXRX_INITIALIZE(NDIS_HANDLE MiniportAdapterContext,
                                                     NDIS_HANDLE NdisMiniportDataPathHandle,
                                                     PNDIS_WDI_DATA_API NdisWdiDataPathApi,
                                                     PTAL_TXRX_HANDLE pMiniportTalTxRxContext,
                                                     PNDIS_MINIPORT_WDI_DATA_HANDLERS pMiniportDataHandlers,
                                                     UINT32 *pMiniportWdiFrameMetaDataExtraSpace);
typedef MINIPORT_WDI_TAL_TXRX_INITIALIZE *MINIPORT_WDI_TAL_TXRX_INITIALIZE_HANDLER;

typedef struct _NDIS_MINIPORT_DRIVER_WDI_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    UINT32 WdiVersion;
    MINIPORT_WDI_ALLOCATE_ADAPTER_HANDLER AllocateAdapterHandler;
    MINIPORT_WDI_FREE_ADAPTER_HANDLER FreeAdapterHandler;
    MINIPORT_WDI_OPEN_ADAPTER_HANDLER OpenAdapterHandler;
    MINIPORT_WDI_CLOSE_ADAPTER_HANDLER CloseAdapterHandler;
    MINIPORT_WDI_START_ADAPTER_OPERATION_HANDLER StartOperationHandler;
    MINIPORT_WDI_STOP_ADAPTER_OPERATION_HANDLER StopOperationHandler;
    PVOID StartOperationCompleteHandler; /* reserved in the documented record */
    MINIPORT_WDI_ADAPTER_HANG_DIAGNOSE_HANDLER HangDiagnoseHandler;
    MINIPORT_WDI_TAL_TXRX_INITIALIZE_HANDLER TalTxRxInitializeHandler;
    MINIPORT_WDI_TAL_TXRX_DEINITIALIZE_HANDLER TalTxRxDeinitializeHandler;
} NDIS_MINIPORT_DRIVER_WDI_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_WDI_CHARACTERISTICS;
#define NDIS_MINIPORT_DRIVER_WDI_CHARACTERISTICS_REVISION_1 1
#define NDIS_OBJECT_TYPE_MINIPORT_DRIVER_WDI_CHARACTERISTICS 0xD0

NDIS_STATUS NdisMRegisterWdiMiniportDriver(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath,
                                           NDIS_HANDLE MiniportDriverContext,
                                           PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
                                           PNDIS_MINIPORT_DRIVER_WDI_CHARACTERISTICS MiniportWdiCharacteristics,
                                           PNDIS_HANDLE NdisMiniportDriverHandle);

#ifdef __cplusplus
}
#endif
