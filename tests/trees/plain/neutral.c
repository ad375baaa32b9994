/* neutral.c - includes neither windows.h nor a kernel header: kept (dropping driver code would
 * cost more than analysing a tool). */
int PlainHelper(int x)
{
    return x + 1;
}
