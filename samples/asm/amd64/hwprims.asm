; hwprims.asm - hardware primitives in x64 MASM, as hardware tools write them (x64 MSVC has no
; inline assembly). Arguments arrive in rcx, rdx, r8, r9.
.code

; ULONG64 AsmReadMsr(ULONG Index)
AsmReadMsr PROC
    rdmsr               ; the index is ecx: argument 0
    shl rdx, 32
    or rax, rdx
    ret
AsmReadMsr ENDP

; VOID AsmWritePort(UCHAR Value, USHORT Port)
AsmWritePort PROC FRAME
    push rax
    .ALLOCSTACK 8
    .endprolog
    mov rax, rcx        ; the value
    out dx, al          ; the port is dx: argument 1
    pop rax
    ret
AsmWritePort ENDP

; ULONG AsmReadPciDword(ULONG Address): the ports are fixed (0xCF8/0xCFC), not the caller's
AsmReadPciDword PROC
    mov eax, ecx
    mov dx, 0CF8h
    out dx, eax
    mov dx, 0CFCh
    in eax, dx
    ret
AsmReadPciDword ENDP
END
