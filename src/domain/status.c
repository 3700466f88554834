#include "domain/status.h"

#include <string.h>

#include "store/db.h"

void errors_add(FieldErrors *e, const char *field, const char *message)
{
    if (!e || errors_get(e, field) || e->n == FIELD_ERRORS_MAX)
        return; /* the first problem with a field is the one to show */
    e->field[e->n] = field;
    e->message[e->n] = message;
    e->n++;
}

const char *errors_get(const FieldErrors *e, const char *field)
{
    for (size_t i = 0; e && i < e->n; i++)
        if (strcmp(e->field[i], field) == 0)
            return e->message[i];
    return NULL;
}

Status status_from_db(int rc)
{
    if (rc == DB_OK)
        return STATUS_OK;
    if (rc == DB_DONE)
        return ERR_NOT_FOUND;
    return ERR_INTERNAL;
}
