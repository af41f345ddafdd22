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

// replyList replies with one page of items, honouring after, page_size and
// include_total_count, and links.next as a relative URL that keeps every
// other query parameter of the request.
func (s *Server) replyList(w http.ResponseWriter, r *http.Request, items []any) {
	q := r.URL.Query()
	size := defaultPageSize
	if v := q.Get("page_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPageSize {
			s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid page_size", "page_size must be between 1 and 100", "page_size")
			return
		}
		size = n
	}
	offset := 0
	if q.Has("after") {
		off, err := s.decodeCursor(r.URL.Path, q.Get("after"))
		if err != nil {
			s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid cursor", err.Error(), "after")
			return
		}
		offset = min(off, len(items))
	}
	end := min(offset+size, len(items))
	var next any
	if end < len(items) {
		q.Set("after", s.encodeCursor(r.URL.Path, end))
		next = r.URL.Path + "?" + q.Encode()
	}
	body := map[string]any{"data": items[offset:end], "links": map[string]any{"next": next}}
	if v, _ := strconv.ParseBool(q.Get("include_total_count")); v {
		body["total_count"] = len(items)
	}
	s.reply(w, r, http.StatusOK, body)
}

// replyRecords renders records and replies with one page of them.
func (s *Server) replyRecords(w http.ResponseWriter, r *http.Request, recs []*record) {
	items := make([]any, len(recs))
	for i, rec := range recs {
		items[i] = s.render(r, rec)
	}
	s.replyList(w, r, items)
}
