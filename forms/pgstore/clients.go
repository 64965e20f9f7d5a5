package pgstore

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
)

// SaveClient creates (empty ID: one is assigned) or updates a client, in one transaction. The
// recycle-bin state and CreatedAt are kept as stored.
func (s *Store) SaveClient(c *forms.Client) error {
	if c == nil {
		return errors.New("không có khách hàng để lưu")
	}
	in := *c
	in.Enterprise.Name = forms.Clean(in.Enterprise.Name)
	in.Enterprise.ShortName = forms.Clean(in.Enterprise.ShortName)
	in.Enterprise.TaxCode = forms.NormaliseTaxCode(in.Enterprise.TaxCode)
	in.Notes = forms.NFC(in.Notes)
	if in.Enterprise.Name == "" {
		return errors.New("chưa có tên khách hàng: hãy nhập tên doanh nghiệp, hợp tác xã hoặc hộ kinh doanh trước khi lưu")
	}
	var out forms.Client
	err := s.tx(func(ctx context.Context, tx pgx.Tx) error {
		out = in
		return putClient(ctx, tx, &out, s.now())
	})
	if err != nil {
		return err
	}
	*c = out
	return nil
}

// putClient writes a client in tx: assigns an ID, keeps CreatedAt and DeletedAt of the stored record.
func putClient(ctx context.Context, tx pgx.Tx, c *forms.Client, now time.Time) error {
	if c.ID == "" {
		c.ID = newID()
	} else if err := checkID(c.ID); err != nil {
		return err
	}
	old, err := getClient(ctx, tx, c.ID, true)
	switch {
	case err == nil:
		c.CreatedAt, c.DeletedAt = old.CreatedAt, old.DeletedAt
	case !errors.Is(err, forms.ErrNotFound):
		return err
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = now
	}
	c.UpdatedAt = now
	return writeClient(ctx, tx, c)
}

// writeClient stores the client record as it is.
func writeClient(ctx context.Context, tx pgx.Tx, c *forms.Client) error {
	data, sum, err := encode(c)
	if err != nil {
		return err
	}
	search := forms.FoldSearch(strings.Join([]string{c.Enterprise.Name, c.Enterprise.ShortName, c.Enterprise.TaxCode}, "\n"))
	_, err = tx.Exec(ctx, `INSERT INTO clients (id, name, tax_code, search, created_at, deleted_at, data, sha256)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (id) DO UPDATE SET name = $2, tax_code = $3, search = $4, created_at = $5, deleted_at = $6, data = $7, sha256 = $8`,
		c.ID, c.Enterprise.Name, forms.NormaliseTaxCode(c.Enterprise.TaxCode), search, c.CreatedAt, nullTime(c.DeletedAt), data, sum)
	return err
}

func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// querier is a pool or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// getClient reads and checks a client; forUpdate locks its row until the end of tx.
func getClient(ctx context.Context, q querier, id string, forUpdate bool) (*forms.Client, error) {
	sql := "SELECT data, sha256 FROM clients WHERE id = $1"
	if forUpdate {
		sql += " FOR UPDATE"
	}
	var data string
	var sum []byte
	err := q.QueryRow(ctx, sql, id).Scan(&data, &sum)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("khách hàng", id)
	}
	if err != nil {
		return nil, err
	}
	c := new(forms.Client)
	if err := decode(data, sum, c, "khách hàng", id); err != nil {
		return nil, err
	}
	return c, nil
}

// Client returns a client, also one in the recycle bin (DeletedAt set).
func (s *Store) Client(id string) (*forms.Client, error) {
	return getClient(context.Background(), s.pool, id, false)
}

// Clients lists clients sorted by name with the Vietnamese collator. q.Text matches name, short
// name or tax code ignoring case and diacritics; q.Programme, q.Year and q.Status keep the
// clients with a dossier (outside the bin) matching them; q.Deleted lists the recycle bin.
func (s *Store) Clients(q forms.Query) ([]forms.Client, error) {
	where := []string{"(deleted_at IS NOT NULL) = $1"}
	args := []any{q.Deleted}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.ClientID != "" {
		where = append(where, "id = "+arg(q.ClientID))
	}
	for _, w := range searchWords(q.Text) {
		where = append(where, "strpos(search, "+arg(w)+") > 0")
	}
	if q.Programme != "" || q.Year != 0 || q.Status != "" {
		sub := []string{"a.client_id = clients.id", "a.deleted_at IS NULL"}
		if q.Programme != "" {
			sub = append(sub, "a.programme = "+arg(string(q.Programme)))
		}
		if q.Year != 0 {
			sub = append(sub, "a.year = "+arg(q.Year))
		}
		if q.Status != "" {
			sub = append(sub, "a.status = "+arg(string(q.Status)))
		}
		where = append(where, "EXISTS (SELECT 1 FROM applications a WHERE "+strings.Join(sub, " AND ")+")")
	}
	rows, err := s.pool.Query(context.Background(), "SELECT id, data, sha256 FROM clients WHERE "+strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []forms.Client
	for rows.Next() {
		var id, data string
		var sum []byte
		if err := rows.Scan(&id, &data, &sum); err != nil {
			return nil, err
		}
		var c forms.Client
		if err := decode(data, sum, &c, "khách hàng", id); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	order := forms.VietnameseOrder(len(out), func(i int) string { return out[i].Enterprise.Name },
		func(i, j int) bool { return out[i].ID < out[j].ID })
	sorted := make([]forms.Client, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted, nil
}

// DeleteClient moves a client and its dossiers to the recycle bin; Restore brings back the client
// with the dossiers deleted together with it.
func (s *Store) DeleteClient(id string) error {
	return s.tx(func(ctx context.Context, tx pgx.Tx) error {
		c, err := getClient(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !c.DeletedAt.IsZero() {
			return nil
		}
		now := s.now()
		c.DeletedAt = now
		if err := writeClient(ctx, tx, c); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "UPDATE applications SET deleted_at = $2 WHERE client_id = $1 AND deleted_at IS NULL", id, now)
		return err
	})
}
