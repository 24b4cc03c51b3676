/*
 * entx - entity extraction framework
 * common.h: export macro, error domain and codes shared by every header.
 *
 * Error conventions: functions that can fail either return an int (0 on
 * success, a negative ENTX_ERR_* code on failure) or take a trailing
 * GError ** (at the plugin-loading and configuration boundary), in which
 * case they return NULL or FALSE on failure and set the error.
 */
#ifndef ENTX_COMMON_H
#define ENTX_COMMON_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define ENTX_EXPORT __attribute__((visibility("default")))
#else
#define ENTX_EXPORT
#endif

/*
 * Error codes. Returned negated-free: every code is negative so that
 * "ret < 0" is the only test a caller needs.
 */
enum {
	ENTX_OK = 0,
	ENTX_ERR_NOMEM = -1,      /* allocation failed */
	ENTX_ERR_INVALID = -2,    /* an argument is out of range or malformed */
	ENTX_ERR_UTF8 = -3,       /* input is not valid UTF-8 (strict mode) */
	ENTX_ERR_LOAD = -4,       /* a plugin file could not be loaded */
	ENTX_ERR_ABI = -5,        /* a plugin was built for another ABI */
	ENTX_ERR_PLUGIN = -6,     /* a plugin's create or extract failed */
	ENTX_ERR_CONFIG = -7,     /* bad option, rules file or directory */
	ENTX_ERR_NOTFOUND = -8,   /* a named plugin or file does not exist */
	ENTX_ERR_LIMIT = -9,      /* a configured limit was exceeded */
	ENTX_ERR_IO = -10         /* reading or writing failed */
};

/*
 * entx_strerror:
 * Returns a static, lowercase English description of an ENTX_ERR_* code
 * ("unknown error" for anything else). Never NULL; do not free.
 */
ENTX_EXPORT const char *entx_strerror(int code);

/*
 * ENTX_ERROR:
 * The GError domain of errors reported by entx and its plugins. The
 * GError code is one of the ENTX_ERR_* values above.
 */
#define ENTX_ERROR (entx_error_quark())
ENTX_EXPORT GQuark entx_error_quark(void);

#ifdef __cplusplus
}
#endif

#endif /* ENTX_COMMON_H */
