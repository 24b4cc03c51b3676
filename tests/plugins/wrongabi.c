/*
 * A plugin built for a future ABI: only the first field is laid out as
 * every ABI lays it out, the rest must never be read.
 */
#include <entx/common.h>

struct future_desc {
	uint32_t abi_version;
	double something_else;
};

ENTX_EXPORT const struct future_desc *entx_plugin_get_desc(void);
const struct future_desc *entx_plugin_get_desc(void)
{
	static const struct future_desc d = {999, 1.0};
	return &d;
}
