/* one of two equally near dup.h */
typedef int DUP_X;
