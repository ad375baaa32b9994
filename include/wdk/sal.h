/* sal.h - drvtaint WDK shim: SAL annotations, all empty (they only guide static checkers). */
#pragma once
#define _In_
#define _In_opt_
#define _In_z_
#define _In_opt_z_
#define _Inout_
#define _Inout_opt_
#define _Inout_z_
#define _Out_
#define _Out_opt_
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_result_maybenull_
#define _Outptr_opt_result_maybenull_
#define _Outptr_result_buffer_(s)
#define _Outptr_result_bytebuffer_(s)
#define _Outptr_opt_result_bytebuffer_(s)
#define _Outptr_result_nullonfailure_
#define _Outptr_result_z_
#define _COM_Outptr_
#define _In_reads_(s)
#define _In_reads_opt_(s)
#define _In_reads_bytes_(s)
#define _In_reads_bytes_opt_(s)
#define _In_reads_z_(s)
#define _In_reads_or_z_(s)
#define _Out_writes_(s)
#define _Out_writes_opt_(s)
#define _Out_writes_bytes_(s)
#define _Out_writes_bytes_opt_(s)
#define _Out_writes_bytes_to_(s, c)
#define _Out_writes_bytes_to_opt_(s, c)
#define _Out_writes_bytes_all_(s)
#define _Out_writes_to_(s, c)
#define _Out_writes_to_opt_(s, c)
#define _Out_writes_z_(s)
#define _Out_writes_all_(s)
#define _Inout_updates_(s)
#define _Inout_updates_opt_(s)
#define _Inout_updates_bytes_(s)
#define _Inout_updates_bytes_opt_(s)
#define _Inout_updates_z_(s)
#define _Inout_updates_to_(s, c)
#define _Field_size_(s)
#define _Field_size_opt_(s)
#define _Field_size_bytes_(s)
#define _Field_size_bytes_opt_(s)
#define _Field_size_part_(s, c)
#define _Field_size_bytes_part_(s, c)
#define _Field_range_(a, b)
#define _Field_z_
#define _Struct_size_bytes_(s)
#define _Ret_
#define _Ret_maybenull_
#define _Ret_notnull_
#define _Ret_z_
#define _Ret_range_(a, b)
#define _Ret_writes_(s)
#define _Ret_writes_bytes_(s)
#define _Ret_writes_bytes_maybenull_(s)
#define _Ret_writes_maybenull_(s)
#define _Result_nullonfailure_
#define _Result_zeroonfailure_
#define _Must_inspect_result_
#define _Check_return_
#define _Success_(e)
#define _Return_type_success_(e)
#define _Use_decl_annotations_
#define _When_(a, b)
#define _At_(a, b)
#define _At_buffer_(a, b, c, d)
#define _Pre_
#define _Post_
#define _Pre_satisfies_(e)
#define _Post_satisfies_(e)
#define _Pre_notnull_
#define _Pre_maybenull_
#define _Pre_null_
#define _Post_invalid_
#define _Post_ptr_invalid_
#define _Post_null_
#define _Post_notnull_
#define _Post_maybenull_
#define _Post_readable_byte_size_(s)
#define _Post_writable_byte_size_(s)
#define _Post_equal_to_(e)
#define _Post_z_
#define _Notnull_
#define _Maybenull_
#define _Null_terminated_
#define _NullNull_terminated_
#define _Printf_format_string_
#define _Printf_format_string_params_(x)
#define _In_range_(a, b)
#define _Out_range_(a, b)
#define _Deref_in_range_(a, b)
#define _Deref_out_range_(a, b)
#define _Deref_out_
#define _Deref_out_opt_
#define _Deref_pre_maybenull_
#define _Deref_post_maybenull_
#define _Readable_bytes_(s)
#define _Writable_bytes_(s)
#define _Readable_elements_(s)
#define _Writable_elements_(s)
#define _Analysis_assume_(e)
#define _Analysis_mode_(m)
#define _Analysis_noreturn_
#define _Frees_ptr_
#define _Frees_ptr_opt_
#define _Post_ptr_invalid_
#define _Reserved_
#define _Const_
#define _Literal_
#define _Strict_type_match_
#define _Points_to_data_
#define _Interlocked_operand_
#define _IRQL_requires_(x)
#define _IRQL_requires_max_(x)
#define _IRQL_requires_min_(x)
#define _IRQL_requires_same_
#define _IRQL_raises_(x)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(a, b)
#define _IRQL_restores_global_(a, b)
#define _IRQL_always_function_max_(x)
#define _IRQL_always_function_min_(x)
#define _IRQL_uses_cancel_
#define _IRQL_is_cancel_
#define _IRQL_requires_restored_
#define _Kernel_clear_do_init_(x)
#define _Kernel_float_saved_
#define _Kernel_float_restored_
#define _Kernel_float_used_
#define _Kernel_requires_resource_held_(x)
#define _Kernel_requires_resource_not_held_(x)
#define _Kernel_acquires_resource_(x)
#define _Kernel_releases_resource_(x)
#define _Dispatch_type_(x)
#define _Function_class_(x)
#define _Requires_lock_held_(x)
#define _Requires_lock_not_held_(x)
#define _Requires_exclusive_lock_held_(x)
#define _Requires_shared_lock_held_(x)
#define _Acquires_lock_(x)
#define _Releases_lock_(x)
#define _Acquires_exclusive_lock_(x)
#define _Releases_exclusive_lock_(x)
#define _Acquires_shared_lock_(x)
#define _Releases_shared_lock_(x)
#define _Guarded_by_(x)
#define _Interlocked_
#define _No_competing_thread_
#define _Benign_race_begin_
#define _Benign_race_end_
#define _Enum_is_bitflag_
#define _Inexpressible_(x)
#define _Pre_defensive_
#define _Post_defensive_
#define _Unreferenced_parameter_
#define _Must_inspect_impl_
#define _Outref_
#define _Outref_result_maybenull_
#define _Inout_cap_(s)
#define _In_count_(s)
#define _In_bcount_(s)
#define _Out_cap_(s)
#define _Out_bcount_(s)
#define _Out_bcount_opt_(s)
#define _Deref_out_bcount_(s)
#define _Ret_bytecap_(s)
#define _Ret_opt_bytecap_(s)
#define __in
#define __in_opt
#define __out
#define __out_opt
#define __inout
#define __inout_opt
#define __in_bcount(s)
#define __in_ecount(s)
#define __out_bcount(s)
#define __out_ecount(s)
#define __out_bcount_opt(s)
#define __inout_bcount(s)
#define __deref_out
#define __deref_out_opt
#define __checkReturn
#define __success(x)
#define __field_bcount(s)
#define __field_ecount(s)
#define __nullterminated
#define __reserved
#define __callback
#define __format_string
#define __drv_Mode_impl(x)
