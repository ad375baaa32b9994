/* reached by file name alone: the include names folders that moved */
typedef ULONG STATS_COUNT;
