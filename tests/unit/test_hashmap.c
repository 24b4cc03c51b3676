/*
 * The plugins' hashmap (plugins/common/hashmap.h): a map started in the
 * caller's storage keeps its keys when it outgrows it onto the heap, and
 * never frees that storage.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "hashmap.h"

/* Distinct keys, none 0 but the first (stored as 1 internally). */
static uint64_t key_of(uint32_t i)
{
	return i == 0 ? 0 : (uint64_t)i * UINT64_C(0x100000001b3);
}

static void test_heap_map(void **state)
{
	(void)state;
	hashmap m = {0};
	assert_null(hashmap_get(&m, key_of(7)));
	for (uint32_t i = 0; i < 500; i++)
		hashmap_put(&m, key_of(i), i + 10);
	for (uint32_t i = 0; i < 500; i++) {
		const uint32_t *v = hashmap_get(&m, key_of(i));
		assert_non_null(v);
		assert_int_equal(*v, i + 10);
	}
	assert_null(hashmap_get(&m, key_of(500)));
	hashmap_free(&m);
}

static void test_borrowed_storage(void **state)
{
	(void)state;
	uint64_t storage[HASHMAP_STORAGE_WORDS(64)];
	/* Garbage in the storage must not read as keys. */
	memset(storage, 0xa5, sizeof storage);
	hashmap m;
	hashmap_init_in(&m, storage, 64);
	assert_null(hashmap_get(&m, key_of(3)));
	hashmap_put(&m, key_of(3), 33);
	hashmap_put(&m, key_of(3), 34);
	assert_int_equal(*hashmap_get(&m, key_of(3)), 34);
	assert_int_equal(m.n, 1);
	/* hashmap_put_new() keeps the first value, adds a new key. */
	hashmap_put_new(&m, key_of(3), 35);
	hashmap_put_new(&m, key_of(0), 1);
	assert_int_equal(*hashmap_get(&m, key_of(3)), 34);
	assert_int_equal(*hashmap_get(&m, key_of(0)), 1);
	assert_int_equal(m.n, 2);
	hashmap_free(&m);
}

static void test_outgrowing_borrowed_storage(void **state)
{
	(void)state;
	uint64_t storage[HASHMAP_STORAGE_WORDS(64)];
	hashmap m;
	hashmap_init_in(&m, storage, 64);
	/* Past half of 64 slots, then past the first heap table too. */
	for (uint32_t i = 0; i < 200; i++) {
		hashmap_put(&m, key_of(i), i);
		if (i == 31)
			assert_ptr_equal(m.keys, storage);
	}
	assert_ptr_not_equal(m.keys, storage);
	for (uint32_t i = 0; i < 200; i++) {
		const uint32_t *v = hashmap_get(&m, key_of(i));
		assert_non_null(v);
		assert_int_equal(*v, i);
	}
	assert_null(hashmap_get(&m, key_of(200)));
	hashmap_free(&m);
	/* A map started again in the same storage is empty. */
	hashmap_init_in(&m, storage, 64);
	assert_null(hashmap_get(&m, key_of(5)));
	hashmap_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heap_map),
		cmocka_unit_test(test_borrowed_storage),
		cmocka_unit_test(test_outgrowing_borrowed_storage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
