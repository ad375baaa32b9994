/* intrinsics.h - the state intrinsics drvtaint understands (src/analysis/checkers/intrinsics.c).
 * Unprototyped, so the argument reaches them as written (no conversion to a parameter type).
 * Each call carries the expected text in a `// state:` comment on its line. */
#ifndef DRVTAINT_STATE_INTRINSICS_H
#define DRVTAINT_STATE_INTRINSICS_H

void __drvtaint_range();     /* the interval: "[0, 15]", "0x1b", "any 32-bit unsigned value" */
void __drvtaint_tainted();   /* "user value, bounded" / "user value, unbounded" / "user contents" / "trusted" */
void __drvtaint_relations(); /* "copy-of=x", "alloc-size=len", "result-of=Check(x)", "names=ExAllocatePool2",
                                 "buffer-length=len", "at-most=bufLen - off", "none" */
void __drvtaint_state();     /* the whole fact */

#endif
