#pragma prefast(suppress: msr-read, "board bring-up only")
#pragma prefast(suppress: 6011, "a PREfast warning number")
#pragma prefast(suppress:port-write,"")
#pragma prefast(suppress: port-read "no comma")
#pragma prefast(suppress: copy-size, "unterminated)
#pragma prefast(push)
#pragma warning(suppress: 4201)
#pragma prefast suppress
