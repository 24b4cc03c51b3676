/*
 * entx - entity extraction framework. The umbrella header: include this
 * one (or just <entx/plugin.h> in a plugin).
 */
#ifndef ENTX_ENTX_H
#define ENTX_ENTX_H

#include <entx/common.h>
#include <entx/version.h>
#include <entx/doc.h>
#include <entx/mention.h>
#include <entx/plugin.h>
#include <entx/engine.h>
#include <entx/rules.h>
#include <entx/gazetteer.h>

#endif /* ENTX_ENTX_H */
