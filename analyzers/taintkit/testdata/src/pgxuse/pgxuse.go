package pgxuse

import (
	"context"
	"fmt"

	pgx4 "github.com/jackc/pgx/v4"
	pool4 "github.com/jackc/pgx/v4/pgxpool"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func reported(ctx context.Context, conn *pgx.Conn, pool *pgxpool.Pool, tx pgx.Tx, c4 *pgx4.Conn, p4 *pool4.Pool, owner, table string) {
	q := fmt.Sprintf("SELECT * FROM items WHERE owner = '%s'", owner)
	conn.Exec(ctx, q)                          // want `SQL passed to pgx Conn.Exec is built from non-constant values`
	conn.Query(ctx, q)                         // want `pgx Conn.Query`
	conn.QueryRow(ctx, "SELECT 1 FROM "+table) // want `pgx Conn.QueryRow`
	conn.Prepare(ctx, "stmt", q)               // want `pgx Conn.Prepare`
	pool.Exec(ctx, q)                          // want `pgx Pool.Exec`
	pool.Query(ctx, q)                         // want `pgx Pool.Query`
	pool.QueryRow(ctx, q)                      // want `pgx Pool.QueryRow`
	tx.Exec(ctx, q)                            // want `pgx Tx.Exec`
	tx.Query(ctx, q)                           // want `pgx Tx.Query`
	b := &pgx.Batch{}
	b.Queue(q)                                           // want `pgx Batch.Queue`
	conn.PgConn().Exec(ctx, q)                           // want `pgx PgConn.Exec`
	conn.PgConn().ExecParams(ctx, q, nil, nil, nil, nil) // want `pgx PgConn.ExecParams`
	pc, _ := pool.Acquire(ctx)
	pc.Exec(ctx, q)                     // want `pgx Conn.Exec`
	c4.Exec(ctx, q)                     // want `pgx Conn.Exec`
	c4.QueryFunc(ctx, q, nil, nil, nil) // want `pgx Conn.QueryFunc`
	p4.Query(ctx, q)                    // want `pgx Pool.Query`
	b4 := &pgx4.Batch{}
	b4.Queue(q) // want `pgx Batch.Queue`
}

func quiet(ctx context.Context, conn *pgx.Conn, pool *pgxpool.Pool, owner, table string) {
	conn.Exec(ctx, "DELETE FROM items WHERE owner = $1", owner)
	conn.Prepare(ctx, owner, "SELECT * FROM items WHERE id = $1") // the statement name is not SQL
	pool.Query(ctx, "SELECT * FROM "+pgx.Identifier{table}.Sanitize()+" WHERE owner = $1", owner)
	pool.QueryRow(ctx, fmt.Sprintf("SELECT * FROM %s", pgx4.Identifier{"public", table}.Sanitize()))
	conn.PgConn().ExecPrepared(ctx, owner, nil, nil, nil)
	b := &pgx.Batch{}
	b.Queue("INSERT INTO items (owner) VALUES ($1)", owner)
}
