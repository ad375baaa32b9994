/* only reachable by repository search */
typedef ULONG SHARED_COUNT;
