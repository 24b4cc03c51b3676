/*
 * Error codes and the GError domain.
 */
#include <entx/common.h>

const char *entx_strerror(int code)
{
	switch (code) {
	case ENTX_OK:
		return "success";
	case ENTX_ERR_NOMEM:
		return "out of memory";
	case ENTX_ERR_INVALID:
		return "invalid argument";
	case ENTX_ERR_UTF8:
		return "invalid UTF-8";
	case ENTX_ERR_LOAD:
		return "cannot load plugin";
	case ENTX_ERR_ABI:
		return "plugin built for another ABI version";
	case ENTX_ERR_PLUGIN:
		return "plugin failed";
	case ENTX_ERR_CONFIG:
		return "bad configuration";
	case ENTX_ERR_NOTFOUND:
		return "not found";
	case ENTX_ERR_LIMIT:
		return "limit exceeded";
	case ENTX_ERR_IO:
		return "input/output error";
	default:
		return "unknown error";
	}
}

GQuark entx_error_quark(void)
{
	return g_quark_from_static_string("entx-error-quark");
}
