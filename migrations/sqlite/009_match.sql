-- The matching engine (issue 5, domain/match.h) weighs the words of an
-- initiative by how rare they are: in how many initiatives each stemmed
-- word occurs. fts5vocab reads that from the full-text index itself; it
-- stores nothing. (PostgreSQL counts with its GIN index instead.)
CREATE VIRTUAL TABLE initiatives_fts_vocab USING fts5vocab(initiatives_fts, 'row');
