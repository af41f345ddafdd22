package frameiotest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"net/http"
	"strconv"
)

// Page sizes, as documented: 1-100, default 50.
const (
	defaultPageSize = 50
	maxPageSize     = 100
)

// cursorMagic starts every cursor; it encodes as "++++" in standard base64,
// so a client that decodes links.next and re-encodes it carelessly (or
// sends '+' unescaped, which servers read as a space) breaks the cursor.
const cursorMagic = "\xfb\xef\xbe"

// encodeCursor returns the opaque cursor for offset in the list at path:
// magic(3) version(1) offset(4) mac(8) = 16 bytes, i.e. 24 base64
// characters ending in "==". The MAC binds it to the server and the path.
func (s *Server) encodeCursor(path string, offset int) string {
	b := make([]byte, 0, 16)
	b = append(b, cursorMagic...)
	b = append(b, 1)
	b = binary.BigEndian.AppendUint32(b, uint32(offset))
	b = append(b, s.cursorMAC(path, b)...)
	return base64.StdEncoding.EncodeToString(b)
}

func (s *Server) cursorMAC(path string, head []byte) []byte {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(path))
	m.Write(head)
	return m.Sum(nil)[:8]
}

var errBadCursor = errors.New("invalid 'after' cursor: it must be passed exactly as received in links.next")

// decodeCursor returns the offset in cursor, checking it belongs to path.
func (s *Server) decodeCursor(path, cursor string) (int, error) {
	b, err := base64.StdEncoding.Strict().DecodeString(cursor)
	if err != nil || len(b) != 16 || string(b[:3]) != cursorMagic || b[3] != 1 {
		return 0, errBadCursor
	}
	if !hmac.Equal(b[8:], s.cursorMAC(path, b[:8])) {
		return 0, errBadCursor
	}
	return int(binary.BigEndian.Uint32(b[4:8])), nil
}

// pageOf is the page of a list of n items that r asks for.
type pageOf struct {
	start, end int
	next       any // links.next: a relative URL, or nil on the last page
	total      int
	withTotal  bool
}

// cut reads after, page_size and include_total_count from r for a list of
// n items, or replies 422 and returns false. links.next is a relative URL
// that keeps every other query parameter of the request.
func (s *Server) cut(w http.ResponseWriter, r *http.Request, n int) (pageOf, bool) {
	q := r.URL.Query()
	size := defaultPageSize
	if v := q.Get("page_size"); v != "" {
		sz, err := strconv.Atoi(v)
		if err != nil || sz < 1 || sz > maxPageSize {
			s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid page_size", "page_size must be between 1 and 100", "page_size")
			return pageOf{}, false
		}
		size = sz
	}
	p := pageOf{total: n}
	if q.Has("after") {
		off, err := s.decodeCursor(r.URL.Path, q.Get("after"))
		if err != nil {
			s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid cursor", err.Error(), "after")
			return pageOf{}, false
		}
		p.start = min(off, n)
	}
	p.end = min(p.start+size, n)
	if p.end < n {
		q.Set("after", s.encodeCursor(r.URL.Path, p.end))
		p.next = r.URL.Path + "?" + q.Encode()
	}
	p.withTotal, _ = strconv.ParseBool(q.Get("include_total_count"))
	return p, true
}

// replyPage replies with the items of page p.
func (s *Server) replyPage(w http.ResponseWriter, r *http.Request, p pageOf, items []any) {
	body := map[string]any{"data": items, "links": map[string]any{"next": p.next}}
	if p.withTotal {
		body["total_count"] = p.total
	}
	s.reply(w, r, http.StatusOK, body)
}

// replyList replies with one page of items, honouring after, page_size and
// include_total_count (see cut).
func (s *Server) replyList(w http.ResponseWriter, r *http.Request, items []any) {
	if p, ok := s.cut(w, r, len(items)); ok {
		s.replyPage(w, r, p, items[p.start:p.end])
	}
}

// replyRecords replies with one page of recs, rendering only the records
// of that page.
func (s *Server) replyRecords(w http.ResponseWriter, r *http.Request, recs []*record) {
	s.replyRecordsThen(w, r, recs, nil)
}

// replyRecordsThen is replyRecords calling each, when not nil, on every
// record of the page before rendering it.
func (s *Server) replyRecordsThen(w http.ResponseWriter, r *http.Request, recs []*record, each func(*record)) {
	p, ok := s.cut(w, r, len(recs))
	if !ok {
		return
	}
	inc := includes(r)
	items := make([]any, 0, p.end-p.start)
	for _, rec := range recs[p.start:p.end] {
		if each != nil {
			each(rec)
		}
		items = append(items, s.renderWith(inc, rec))
	}
	s.replyPage(w, r, p, items)
}
