package pgstore

import (
	"context"
	"time"
)

// Watch calls changed with the ID of every client or dossier that anyone saves, deletes or
// restores in the library (PostgreSQL LISTEN/NOTIFY on "hoso_changes"), until ctx ends. A lost
// connection is opened again after a pause; changed("") then says "reload everything", since
// notifications sent meanwhile are lost. It runs on its own connection; call it in a goroutine.
func (s *Store) Watch(ctx context.Context, changed func(id string)) error {
	lost := false
	for {
		err := s.listen(ctx, changed, &lost)
		if ctx.Err() != nil {
			return nil
		}
		_ = err
		lost = true
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(2 * time.Second):
		}
	}
}

func (s *Store) listen(ctx context.Context, changed func(id string), lost *bool) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN hoso_changes"); err != nil {
		return err
	}
	defer conn.Exec(context.Background(), "UNLISTEN hoso_changes")
	if *lost {
		*lost = false
		changed("")
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			return err
		}
		changed(n.Payload)
	}
}
