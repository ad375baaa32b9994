/* module.c - the same driver ported to Linux: no Windows driver, left out of a folder scan */
#include <linux/module.h>
#include <linux/fs.h>

static long port_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
    return 0;
}
