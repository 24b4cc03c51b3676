/*
 * A shared object that is not an entx plugin: no entry symbol.
 */
#include <entx/common.h>

ENTX_EXPORT int not_an_entx_plugin(void);
int not_an_entx_plugin(void)
{
	return 42;
}
