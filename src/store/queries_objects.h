/* The statements of the prepared API objects (initiative_objects,
 * migrations sqlite/013 and pg/014), appended to WIJZER_QUERIES in
 * queries.h; their text (portable, also PostgreSQL's) is in sql_objects.h. */
#ifndef WIJZER_QUERIES_OBJECTS_H
#define WIJZER_QUERIES_OBJECTS_H

#define WIJZER_OBJECT_QUERIES(X) \
    X(Q_OBJECT_GET) X(Q_OBJECT_TODO) X(Q_OBJECT_OTHER_FORMAT) X(Q_OBJECT_PUT) \
    X(Q_OBJECT_FORMAT_GET) X(Q_OBJECT_FORMAT_SET) X(Q_OBJECT_COUNTS)

#endif
