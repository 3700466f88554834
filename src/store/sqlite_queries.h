#ifndef WIJZER_SQLITE_QUERIES_H
#define WIJZER_SQLITE_QUERIES_H

#include "store/queries.h"

extern const char *const sqlite_queries[Q_COUNT_];

#endif
