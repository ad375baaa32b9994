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

/* the rest of the SAL 2 and SAL 1 families, generated by shape (name and arity) */
#define _Acquires_nonreentrant_lock_(s)
#define _Always_(s)
#define _Analysis_assume_lock_held_(s)
#define _Analysis_assume_lock_not_held_(s)
#define _Analysis_assume_same_lock_(s)
#define _COM_Outptr_opt_
#define _COM_Outptr_opt_result_buffer_(s)
#define _COM_Outptr_opt_result_buffer_all_(s)
#define _COM_Outptr_opt_result_buffer_all_maybenull_(s)
#define _COM_Outptr_opt_result_buffer_maybenull_(s)
#define _COM_Outptr_opt_result_buffer_to_(a0, a1)
#define _COM_Outptr_opt_result_buffer_to_maybenull_(a0, a1)
#define _COM_Outptr_opt_result_bytebuffer_(s)
#define _COM_Outptr_opt_result_bytebuffer_all_(s)
#define _COM_Outptr_opt_result_bytebuffer_all_maybenull_(s)
#define _COM_Outptr_opt_result_bytebuffer_maybenull_(s)
#define _COM_Outptr_opt_result_bytebuffer_to_(a0, a1)
#define _COM_Outptr_opt_result_bytebuffer_to_maybenull_(a0, a1)
#define _COM_Outptr_opt_result_maybenull_
#define _COM_Outptr_opt_result_maybenull_result_nullonfailure_
#define _COM_Outptr_opt_result_maybenull_z_
#define _COM_Outptr_opt_result_nullonfailure_
#define _COM_Outptr_opt_result_z_
#define _COM_Outptr_result_buffer_(s)
#define _COM_Outptr_result_buffer_all_(s)
#define _COM_Outptr_result_buffer_all_maybenull_(s)
#define _COM_Outptr_result_buffer_maybenull_(s)
#define _COM_Outptr_result_buffer_to_(a0, a1)
#define _COM_Outptr_result_buffer_to_maybenull_(a0, a1)
#define _COM_Outptr_result_bytebuffer_(s)
#define _COM_Outptr_result_bytebuffer_all_(s)
#define _COM_Outptr_result_bytebuffer_all_maybenull_(s)
#define _COM_Outptr_result_bytebuffer_maybenull_(s)
#define _COM_Outptr_result_bytebuffer_to_(a0, a1)
#define _COM_Outptr_result_bytebuffer_to_maybenull_(a0, a1)
#define _COM_Outptr_result_maybenull_
#define _COM_Outptr_result_maybenull_result_nullonfailure_
#define _COM_Outptr_result_maybenull_z_
#define _COM_Outptr_result_nullonfailure_
#define _COM_Outptr_result_z_
#define _Create_lock_level_(s)
#define _Curr_
#define _Deref_in_bound_
#define _Deref_inout_range_(a0, a1)
#define _Deref_inout_z_
#define _Deref_opt_out_
#define _Deref_opt_out_opt_
#define _Deref_out_bcount_part_(a0, a1)
#define _Deref_out_bound_
#define _Deref_out_bytecap_(s)
#define _Deref_out_cap_(s)
#define _Deref_out_ecount_(s)
#define _Deref_out_ecount_part_(a0, a1)
#define _Deref_out_z_
#define _Deref_out_z_bytecap_(s)
#define _Deref_out_z_cap_(s)
#define _Deref_out_z_cap_c_(a0, a1)
#define _Deref_post_bytecap_(s)
#define _Deref_post_bytecount_(s)
#define _Deref_post_cap_(s)
#define _Deref_post_count_(s)
#define _Deref_post_notnull_
#define _Deref_post_null_
#define _Deref_post_valid_
#define _Deref_post_z_
#define _Deref_pre_bytecap_(s)
#define _Deref_pre_bytecount_(s)
#define _Deref_pre_cap_(s)
#define _Deref_pre_count_(s)
#define _Deref_pre_notnull_
#define _Deref_pre_null_
#define _Deref_pre_valid_
#define _Deref_pre_z_
#define _Deref_ret_range_(s)
#define _Deref_ret_z_
#define _Field_size_bytes_full_(s)
#define _Field_size_bytes_full_opt_(s)
#define _Field_size_bytes_part_opt_(a0, a1)
#define _Field_size_full_(s)
#define _Field_size_full_opt_(s)
#define _Field_size_part_opt_(a0, a1)
#define _Format_string_impl_(s)
#define _Function_ignore_lock_checking_
#define _Group_(s)
#define _Has_lock_kind_(s)
#define _Has_lock_level_(s)
#define _In_bcount_c_(s)
#define _In_bound_
#define _In_count_c_(s)
#define _In_defensive_
#define _In_opt_bcount_(s)
#define _In_opt_count_(s)
#define _In_reads_or_z_opt_(s)
#define _In_reads_to_ptr_(s)
#define _In_reads_to_ptr_opt_(s)
#define _In_reads_to_ptr_opt_z_(s)
#define _In_reads_to_ptr_z_(s)
#define _In_reads_z_opt_(s)
#define _In_z_bcount_(s)
#define _In_z_count_(s)
#define _Inout_bcount_(s)
#define _Inout_bcount_part_(a0, a1)
#define _Inout_bytecap_(s)
#define _Inout_bytecap_part_(a0, a1)
#define _Inout_cap_part_(a0, a1)
#define _Inout_count_(s)
#define _Inout_count_part_(a0, a1)
#define _Inout_defensive_
#define _Inout_opt_bcount_(s)
#define _Inout_opt_bytecap_(s)
#define _Inout_opt_cap_(s)
#define _Inout_opt_count_(s)
#define _Inout_opt_z_
#define _Inout_updates_all_(s)
#define _Inout_updates_all_opt_(s)
#define _Inout_updates_bytes_all_(s)
#define _Inout_updates_bytes_all_opt_(s)
#define _Inout_updates_bytes_to_(a0, a1)
#define _Inout_updates_bytes_to_opt_(a0, a1)
#define _Inout_updates_to_opt_(a0, a1)
#define _Inout_updates_z_opt_(s)
#define _Inout_z_bytecap_(s)
#define _Inout_z_cap_(s)
#define _Irp_
#define _Kernel_IoGetDmaAdapter_
#define _Kernel_entry_
#define _Kernel_ptr_
#define _Lock_level_order_(a0, a1)
#define _Notref_
#define _Notvalid_
#define _Null_
#define _Nullterm_length_(s)
#define _Old_(s)
#define _On_failure_(s)
#define _Out_bcount_part_(a0, a1)
#define _Out_bound_
#define _Out_bytecap_(s)
#define _Out_bytecap_c_(s)
#define _Out_bytecap_part_(a0, a1)
#define _Out_bytecap_post_bytecount_(a0, a1)
#define _Out_bytecap_x_(a0, a1)
#define _Out_cap_c_(s)
#define _Out_cap_part_(a0, a1)
#define _Out_cap_post_count_(a0, a1)
#define _Out_cap_x_(a0, a1)
#define _Out_capcount_(s)
#define _Out_count_part_(a0, a1)
#define _Out_defensive_
#define _Out_opt_bcount_(s)
#define _Out_opt_bcount_part_(a0, a1)
#define _Out_opt_bytecap_(s)
#define _Out_opt_bytecap_part_(a0, a1)
#define _Out_opt_cap_(s)
#define _Out_opt_cap_part_(a0, a1)
#define _Out_writes_all_opt_(s)
#define _Out_writes_bytes_all_opt_(s)
#define _Out_writes_bytes_to_ptr_(s)
#define _Out_writes_bytes_to_ptr_opt_(s)
#define _Out_writes_to_ptr_(s)
#define _Out_writes_to_ptr_opt_(s)
#define _Out_writes_to_ptr_opt_z_(s)
#define _Out_writes_to_ptr_z_(s)
#define _Out_writes_z_opt_(s)
#define _Out_writes_bytes_opt_z_(s)
#define _In_reads_opt_z_(s)
#define _Inout_updates_opt_z_(s)
#define _Out_writes_opt_z_(s)
#define _Out_z_
#define _Out_z_bytecap_(s)
#define _Out_z_cap_(s)
#define _Out_z_cap_post_count_(a0, a1)
#define _Outptr_opt_result_buffer_(s)
#define _Outptr_opt_result_buffer_all_(s)
#define _Outptr_opt_result_buffer_all_maybenull_(s)
#define _Outptr_opt_result_buffer_maybenull_(s)
#define _Outptr_opt_result_buffer_to_(a0, a1)
#define _Outptr_opt_result_buffer_to_maybenull_(a0, a1)
#define _Outptr_opt_result_bytebuffer_all_(s)
#define _Outptr_opt_result_bytebuffer_all_maybenull_(s)
#define _Outptr_opt_result_bytebuffer_maybenull_(s)
#define _Outptr_opt_result_bytebuffer_to_(a0, a1)
#define _Outptr_opt_result_bytebuffer_to_maybenull_(a0, a1)
#define _Outptr_opt_result_maybenull_result_nullonfailure_
#define _Outptr_opt_result_maybenull_z_
#define _Outptr_opt_result_nullonfailure_
#define _Outptr_opt_result_z_
#define _Outptr_result_buffer_all_(s)
#define _Outptr_result_buffer_all_maybenull_(s)
#define _Outptr_result_buffer_maybenull_(s)
#define _Outptr_result_buffer_to_(a0, a1)
#define _Outptr_result_buffer_to_maybenull_(a0, a1)
#define _Outptr_result_bytebuffer_all_(s)
#define _Outptr_result_bytebuffer_all_maybenull_(s)
#define _Outptr_result_bytebuffer_maybenull_(s)
#define _Outptr_result_bytebuffer_to_(a0, a1)
#define _Outptr_result_bytebuffer_to_maybenull_(a0, a1)
#define _Outptr_result_maybenull_result_nullonfailure_
#define _Outptr_result_maybenull_z_
#define _Outref_result_buffer_(s)
#define _Outref_result_buffer_all_(s)
#define _Outref_result_buffer_all_maybenull_(s)
#define _Outref_result_buffer_maybenull_(s)
#define _Outref_result_buffer_to_(a0, a1)
#define _Outref_result_buffer_to_maybenull_(a0, a1)
#define _Outref_result_bytebuffer_(s)
#define _Outref_result_bytebuffer_all_(s)
#define _Outref_result_bytebuffer_all_maybenull_(s)
#define _Outref_result_bytebuffer_maybenull_(s)
#define _Outref_result_bytebuffer_to_(a0, a1)
#define _Outref_result_bytebuffer_to_maybenull_(a0, a1)
#define _Outref_result_maybenull_result_nullonfailure_
#define _Outref_result_maybenull_z_
#define _Outref_result_nullonfailure_
#define _Outref_result_z_
#define _Param_(s)
#define _Post_count_(s)
#define _Post_readable_size_(s)
#define _Post_same_lock_
#define _Post_valid_
#define _Post_writable_size_(s)
#define _Post_z_bytecount_(s)
#define _Post_z_count_(s)
#define _Pre_count_(s)
#define _Pre_equal_to_(s)
#define _Pre_invalid_
#define _Pre_opt_valid_
#define _Pre_readable_byte_size_(s)
#define _Pre_readable_size_(s)
#define _Pre_valid_
#define _Pre_writable_byte_size_(s)
#define _Pre_writable_size_(s)
#define _Pre_z_
#define _Prepost_z_
#define _Releases_nonreentrant_lock_(s)
#define _Requires_no_locks_held_
#define _Ret_bcount_(s)
#define _Ret_bound_
#define _Ret_cap_(s)
#define _Ret_count_(s)
#define _Ret_maybenull_z_
#define _Ret_notnull_z_
#define _Ret_null_
#define _Ret_opt_
#define _Ret_opt_bcount_(s)
#define _Ret_opt_cap_(s)
#define _Ret_opt_count_(s)
#define _Ret_opt_valid_
#define _Ret_valid_
#define _Ret_writes_bytes_to_(a0, a1)
#define _Ret_writes_bytes_to_maybenull_(a0, a1)
#define _Ret_writes_to_(a0, a1)
#define _Ret_writes_to_maybenull_(a0, a1)
#define _Ret_z_cap_(s)
#define _Satisfies_(s)
#define _Scanf_format_string_
#define _Scanf_s_format_string_
#define _String_length_(s)
#define _Unchanged_(s)
#define _Valid_
#define _Write_guarded_by_(s)
#define __analysis_noreturn
#define __bcount
#define __bound
#define __control_entrypoint
#define __data_entrypoint
#define __deref_in
#define __deref_in_bcount(s)
#define __deref_in_ecount(s)
#define __deref_inout
#define __deref_opt_out
#define __deref_opt_out_bcount(s)
#define __deref_opt_out_opt
#define __deref_out_bcount
#define __deref_out_bcount_opt(s)
#define __deref_out_bcount_part(a0, a1)
#define __deref_out_ecount
#define __deref_out_ecount_opt(s)
#define __deref_out_ecount_part(a0, a1)
#define __deref_out_range(s)
#define __deref_out_z
#define __drv_bcount(s)
#define __drv_ecount(s)
#define __drv_in_deref(s)
#define __drv_isCancelIRQL(s)
#define __drv_maxFunctionIRQL(s)
#define __drv_minFunctionIRQL(s)
#define __drv_out_deref(s)
#define __drv_requiresIRQLGlobal(a0, a1)
#define __drv_setsCancelIRQL(s)
#define __ecount
#define __fallthrough
#define __field_bcount_opt(s)
#define __field_bcount_part(a0, a1)
#define __field_ecount_opt(s)
#define __field_ecount_part(a0, a1)
#define __field_nullterminated
#define __field_range(s)
#define __field_xcount(s)
#define __in_awcount
#define __in_bcount_opt(s)
#define __in_bcount_z(s)
#define __in_ecount_opt(s)
#define __in_ecount_z(s)
#define __in_opt_z
#define __in_range(a0, a1)
#define __in_xcount(s)
#define __in_xcount_opt(s)
#define __in_z
#define __inout_bcount_full(s)
#define __inout_bcount_opt(s)
#define __inout_bcount_part(a0, a1)
#define __inout_bcount_z(s)
#define __inout_ecount(s)
#define __inout_ecount_full(s)
#define __inout_ecount_opt(s)
#define __inout_ecount_part(a0, a1)
#define __inout_ecount_z(s)
#define __inout_opt_z
#define __inout_z
#define __kernel_entry
#define __maybenull
#define __notnull
#define __nullnullterminated
#define __out_awcount
#define __out_bcount_full(s)
#define __out_bcount_full_opt(s)
#define __out_bcount_part(a0, a1)
#define __out_bcount_part_opt(a0, a1)
#define __out_bcount_z(s)
#define __out_ecount_full(s)
#define __out_ecount_full_opt(s)
#define __out_ecount_opt(s)
#define __out_ecount_part(a0, a1)
#define __out_ecount_part_opt(a0, a1)
#define __out_ecount_z(s)
#define __out_opt_z
#define __out_range(a0, a1)
#define __out_xcount(s)
#define __out_xcount_opt(s)
#define __out_z
#define __override
#define __post_invalid
#define __readonly
#define __typefix
/* used by the storage class and miniport samples */
#ifndef _Inout_bytecount_
#define _Inout_bytecount_(s)
#endif
#ifndef __on_failure
#define __on_failure(a)
#endif
#ifndef __analysis_assert
#define __analysis_assert(e)
#endif
#ifndef _Analysis_assume_lock_acquired_
#define _Analysis_assume_lock_acquired_(l)
#endif
#ifndef _Analysis_suppress_lock_checking_
#define _Analysis_suppress_lock_checking_(l)
#endif
#ifndef _Analysis_code_type_user_code_
#define _Analysis_code_type_user_code_
#endif
