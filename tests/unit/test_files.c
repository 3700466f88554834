/* Uploaded files: binary data through db.h (stmt_blob, col_blob) on both
 * engines, NUL bytes and all, and the store's file functions; the photo
 * checks of domain/files.h. PostgreSQL is tested when WIJZER_TEST_PG
 * holds a server's base URL; without it those tests are skipped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/files.h"
#include "lib/arena.h"
#include "store/store.h"
#include "store/store_files.h"
#include "testdb.h"

/* ---------- round trips ---------- */

typedef struct Opened {
    Store *s;
    Db *db;
    int64_t tenant;
} Opened;

static Opened open_migrated(const char *url)
{
    Opened o;
    char err[512];
    if (store_open(url, &o.s, err, sizeof err) != DB_OK)
        fail_msg("open %s: %s", url, err);
    o.db = store_acquire(o.s);
    assert_non_null(o.db);
    if (store_migrate(o.db, err, sizeof err) < 1)
        fail_msg("migrate %s: %s", url, err);
    Stmt *st = db_stmt(o.db, Q_TENANT_INSERT);
    stmt_text(st, "t");
    stmt_text(st, "T");
    stmt_null(st);
    assert_int_equal(stmt_run(st), DB_OK);
    st = db_stmt(o.db, Q_TENANT_BY_CODE);
    stmt_text(st, "t");
    assert_int_equal(stmt_step(st), DB_ROW);
    o.tenant = col_int(st, 0);
    stmt_reset(st);
    return o;
}

static void close_opened(Opened *o)
{
    store_release(o->s, o->db);
    store_close(o->s);
}

/* Inserts len bytes with stmt_blob and reads them back with col_blob,
 * straight through db.h and through store/files.c. */
static int64_t round_trip(Opened *o, Arena *a, const unsigned char *data, size_t len)
{
    FileInfo f = { .kind = FILE_KIND_REPORT_PHOTO, .owner_id = 42, .content_type = "image/png",
                   .name = "tuin.png", .created_at = 1700000000 };
    int64_t id = 0;
    assert_int_equal(store_file_insert(o->db, o->tenant, &f, data, len, &id), DB_OK);
    assert_true(id > 0);

    Stmt *st = db_stmt(o->db, Q_FILE_DATA);
    stmt_int(st, o->tenant);
    stmt_int(st, id);
    assert_int_equal(stmt_step(st), DB_ROW);
    size_t n = 99;
    const void *p = col_blob(st, 0, &n);
    assert_non_null(p); /* an empty value is not NULL */
    assert_int_equal(n, len);
    if (len)
        assert_memory_equal(p, data, len);
    /* Asking again gives the same bytes. */
    size_t n2 = 0;
    assert_ptr_equal(col_blob(st, 0, &n2), p);
    assert_int_equal(n2, len);
    assert_int_equal(stmt_step(st), DB_DONE);
    stmt_reset(st);

    const unsigned char *back = NULL;
    size_t blen = 0;
    assert_int_equal(store_file_data(o->db, a, o->tenant, id, &back, &blen), DB_OK);
    assert_int_equal(blen, len);
    if (len)
        assert_memory_equal(back, data, len);
    FileInfo g;
    memset(&g, 0, sizeof g);
    assert_int_equal(store_file_get(o->db, a, o->tenant, id, &g), DB_OK);
    assert_int_equal(g.id, id);
    assert_string_equal(g.kind, FILE_KIND_REPORT_PHOTO);
    assert_int_equal(g.owner_id, 42);
    assert_int_equal(g.uploader_id, 0);
    assert_string_equal(g.content_type, "image/png");
    assert_string_equal(g.name, "tuin.png");
    assert_int_equal(g.size, (int64_t)len);
    assert_int_equal(g.created_at, 1700000000);
    /* Another tenant sees nothing. */
    assert_int_equal(store_file_get(o->db, a, o->tenant + 1, id, &g), DB_DONE);
    assert_int_equal(store_file_data(o->db, a, o->tenant + 1, id, &back, &blen), DB_DONE);
    return id;
}

static void blobs_on(const char *url)
{
    Opened o = open_migrated(url);
    Arena *a = arena_new();
    /* Every byte value, NUL first, then a run of NULs and high bytes. */
    unsigned char all[512];
    for (size_t i = 0; i < sizeof all; i++)
        all[i] = (unsigned char)(i < 256 ? i : (i * 7) & 0xff);
    memset(all + 300, 0, 20);
    round_trip(&o, a, all, sizeof all);
    round_trip(&o, a, (const unsigned char *)"", 0);
    const unsigned char nul[1] = { 0 };
    round_trip(&o, a, nul, 1);
    /* A photo-sized one: 5 MB of varied bytes with NULs throughout. */
    size_t big_len = PHOTO_BYTES_MAX;
    unsigned char *big = xmalloc(big_len);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < big_len; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        big[i] = (unsigned char)(i % 97 == 0 ? 0 : x);
    }
    int64_t big_id = round_trip(&o, a, big, big_len);
    free(big);

    /* Listed per owner without bytes, oldest first; deleted per owner. */
    FileInfo *v;
    size_t n = 0;
    assert_int_equal(store_file_list(o.db, a, o.tenant, FILE_KIND_REPORT_PHOTO, 42, &v, &n), DB_OK);
    assert_int_equal(n, 4);
    assert_true(v[0].id < v[3].id);
    assert_int_equal(v[3].id, big_id);
    assert_int_equal(v[3].size, (int64_t)big_len);
    assert_int_equal(store_file_list(o.db, a, o.tenant, FILE_KIND_REPORT_PHOTO, 43, &v, &n), DB_OK);
    assert_int_equal(n, 0);
    assert_int_equal(store_file_delete(o.db, o.tenant, FILE_KIND_REPORT_PHOTO, 43, big_id), DB_DONE);
    assert_int_equal(store_file_delete(o.db, o.tenant, FILE_KIND_REPORT_PHOTO, 42, big_id), DB_OK);
    assert_int_equal(store_file_list(o.db, a, o.tenant, FILE_KIND_REPORT_PHOTO, 42, &v, &n), DB_OK);
    assert_int_equal(n, 3);

    arena_free(a);
    close_opened(&o);
}

static void test_sqlite_blob_round_trip(void **state)
{
    (void)state;
    char path[] = "/tmp/wz-files-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    blobs_on(path);
    char wal[64];
    unlink(path);
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
}

static void test_pg_blob_round_trip(void **state)
{
    (void)state;
    char url[512];
    const char *name = testdb_pg_fresh("files_blob", url, sizeof url);
    if (!name)
        skip();
    blobs_on(url);
    testdb_pg_drop(name);
}

/* ---------- photo checks ---------- */

static void test_photo_type_by_bytes(void **state)
{
    (void)state;
    const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 };
    const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0 };
    assert_string_equal(photo_type(png, sizeof png), "image/png");
    assert_string_equal(photo_type(jpeg, sizeof jpeg), "image/jpeg");
    assert_null(photo_type(png, 7));
    assert_null(photo_type(jpeg, 2));
    assert_null(photo_type("Dit is tekst, geen foto.", 24));
    assert_null(photo_type("%PDF-1.4", 8));
    assert_null(photo_type("GIF89a", 6));
    assert_null(photo_type(NULL, 0));
}

static void test_file_clean_name(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_string_equal(file_clean_name(a, "tuin.jpg"), "tuin.jpg");
    assert_string_equal(file_clean_name(a, "C:\\fakepath\\plein.jpg"), "plein.jpg");
    assert_string_equal(file_clean_name(a, "../../etc/passwd"), "passwd");
    assert_string_equal(file_clean_name(a, "a\x01" "b\x7f.png"), "ab.png");
    assert_string_equal(file_clean_name(a, "caf\xc3\xa9 \xff.png"), "caf\xc3\xa9 .png");
    assert_string_equal(file_clean_name(a, NULL), "");
    assert_string_equal(file_clean_name(a, "  "), "");
    char longname[400];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    assert_int_equal(strlen(file_clean_name(a, longname)), FILE_NAME_MAX);
    arena_free(a);
}

static void test_photos_check(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Ctx c = { .arena = a };
    const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0 };
    PhotoInput ok = { .filename = "tuin.jpg", .data = jpeg, .len = sizeof jpeg };
    PhotoInput txt = { .filename = "lijst.jpg", .data = (const unsigned char *)"boodschappen", .len = 12 };
    PhotoInput empty = { .filename = "leeg.png", .data = jpeg, .len = 0 };
    PhotoInput big = { .filename = "groot.jpg", .data = jpeg, .len = PHOTO_BYTES_MAX + 1 };
    PhotoInput five[5] = { ok, ok, ok, ok, ok }, six[6] = { ok, ok, ok, ok, ok, ok };

    FieldErrors e = { 0 };
    assert_int_equal(photos_check(&c, five, 5, 0, &e), 0);
    assert_int_equal(e.n, 0);
    assert_int_equal(photos_check(&c, NULL, 0, 5, &e), 0);

    e = (FieldErrors){ 0 };
    assert_int_equal(photos_check(&c, six, 6, 0, &e), 1);
    assert_non_null(strstr(errors_get(&e, "photos"), "hoogstens 5 foto's"));

    e = (FieldErrors){ 0 };
    assert_int_equal(photos_check(&c, five, 2, 4, &e), 1);
    assert_non_null(strstr(errors_get(&e, "photos"), "nog 1 bijdoen"));

    e = (FieldErrors){ 0 };
    PhotoInput mixed[4] = { ok, txt, empty, big };
    assert_int_equal(photos_check(&c, mixed, 4, 0, &e), 3);
    assert_int_equal(e.n, 1); /* one message for the field, naming each file */
    const char *m = errors_get(&e, "photos");
    assert_non_null(strstr(m, "‘lijst.jpg’ is geen foto in JPG of PNG"));
    assert_non_null(strstr(m, "‘leeg.png’ is leeg"));
    assert_non_null(strstr(m, "‘groot.jpg’ is te groot"));
    assert_null(strstr(m, "tuin.jpg"));
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sqlite_blob_round_trip),
        cmocka_unit_test(test_pg_blob_round_trip),
        cmocka_unit_test(test_photo_type_by_bytes),
        cmocka_unit_test(test_file_clean_name),
        cmocka_unit_test(test_photos_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
