/* acpitabl.h - drvtaint WDK shim: the _PLD (physical location of device) buffers that camera and
 * USB drivers fill, and their panel, position and rotation enumerations, as the acpitabl.h
 * reference pages (ACPI_PLD_BUFFER, ACPI_PLD_V2_BUFFER, ACPI_PLD_*) lay them out. */
#pragma once
#include "wdk_base.h"
typedef struct _ACPI_PLD_BUFFER {
    UINT32 Revision : 7;
    UINT32 IgnoreColor : 1;
    UINT32 Color : 24;
    UINT32 Width : 16;
    UINT32 Height : 16;
    UINT32 UserVisible : 1;
    UINT32 Dock : 1;
    UINT32 Lid : 1;
    UINT32 Panel : 3;
    UINT32 VerticalPosition : 2;
    UINT32 HorizontalPosition : 2;
    UINT32 Shape : 4;
    UINT32 GroupOrientation : 1;
    UINT32 GroupToken : 8;
    UINT32 GroupPosition : 8;
    UINT32 Bay : 1;
    UINT32 Ejectable : 1;
    UINT32 EjectionRequired : 1;
    UINT32 CabinetNumber : 8;
    UINT32 CardCageNumber : 8;
    UINT32 Reference : 1;
    UINT32 Rotation : 4;
    UINT32 Order : 5;
    UINT32 Reserved : 4;
} ACPI_PLD_BUFFER, *PACPI_PLD_BUFFER;
typedef struct _ACPI_PLD_V2_BUFFER {
    UINT32 Revision : 7;
    UINT32 IgnoreColor : 1;
    UINT32 Color : 24;
    UINT32 Width : 16;
    UINT32 Height : 16;
    UINT32 UserVisible : 1;
    UINT32 Dock : 1;
    UINT32 Lid : 1;
    UINT32 Panel : 3;
    UINT32 VerticalPosition : 2;
    UINT32 HorizontalPosition : 2;
    UINT32 Shape : 4;
    UINT32 GroupOrientation : 1;
    UINT32 GroupToken : 8;
    UINT32 GroupPosition : 8;
    UINT32 Bay : 1;
    UINT32 Ejectable : 1;
    UINT32 EjectionRequired : 1;
    UINT32 CabinetNumber : 8;
    UINT32 CardCageNumber : 8;
    UINT32 Reference : 1;
    UINT32 Rotation : 4;
    UINT32 Order : 5;
    UINT32 Reserved : 4;
    UINT32 VerticalOffset : 16;
    UINT32 HorizontalOffset : 16;
} ACPI_PLD_V2_BUFFER, *PACPI_PLD_V2_BUFFER;
typedef enum _ACPI_PLD_PANEL {
    AcpiPldPanelTop,
    AcpiPldPanelBottom,
    AcpiPldPanelLeft,
    AcpiPldPanelRight,
    AcpiPldPanelFront,
    AcpiPldPanelBack,
    AcpiPldPanelUnknown
} ACPI_PLD_PANEL, *PACPI_PLD_PANEL;
typedef enum _ACPI_PLD_VERTICAL_POSITION { AcpiPldVPosUpper, AcpiPldVPosCenter, AcpiPldVPosLower } ACPI_PLD_VERTICAL_POSITION, *PACPI_PLD_VERTICAL_POSITION;
typedef enum _ACPI_PLD_HORIZONTAL_POSITION { AcpiPldHPosLeft, AcpiPldHPosCenter, AcpiPldHPosRight } ACPI_PLD_HORIZONTAL_POSITION, *PACPI_PLD_HORIZONTAL_POSITION;
typedef enum _ACPI_PLD_ROTATION {
    AcpiPldRotation0,
    AcpiPldRotation45,
    AcpiPldRotation90,
    AcpiPldRotation135,
    AcpiPldRotation180,
    AcpiPldRotation225,
    AcpiPldRotation270,
    AcpiPldRotation315
} ACPI_PLD_ROTATION, *PACPI_PLD_ROTATION;
