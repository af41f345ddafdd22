package frameiotest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// objectPrefix is the path prefix of the fake object store (upload parts
// and media downloads); it is not part of the API and is not validated.
const objectPrefix = "/_objects/"

const amzDate = "20060102T150405Z"

// partSizes splits size into parts as the docs' example does: the part
// count is ceil(size/partSize) and every part but the last has
// ceil(size/count) bytes.
func partSizes(size, partSize int64) []int64 {
	if size <= 0 {
		return []int64{0}
	}
	n := (size + partSize - 1) / partSize
	chunk := (size + n - 1) / n
	out := make([]int64, 0, n)
	for rest := size; rest > 0; rest -= chunk {
		out = append(out, min(chunk, rest))
	}
	return out
}

// presign returns a presigned-looking URL for method on path.
func (s *Server) presign(method, path string, ttl time.Duration, extra ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(extra); i += 2 {
		q.Set(extra[i], extra[i+1])
	}
	q.Set("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
	q.Set("X-Amz-Credential", "FRAMEIOTEST/"+s.now().UTC().Format("20060102")+"/us-east-1/s3/aws4_request")
	q.Set("X-Amz-Date", s.now().UTC().Format(amzDate))
	q.Set("X-Amz-Expires", strconv.Itoa(int(ttl/time.Second)))
	q.Set("X-Amz-SignedHeaders", "content-type;host;x-amz-acl")
	q.Set("X-Amz-Signature", s.signature(method, path, q))
	return s.URL() + path + "?" + q.Encode()
}

func (s *Server) signature(method, path string, q url.Values) string {
	signed := url.Values{}
	for k, v := range q {
		if k != "X-Amz-Signature" {
			signed[k] = v
		}
	}
	m := hmac.New(sha256.New, s.secret)
	fmt.Fprintf(m, "%s\n%s\n%s", method, path, signed.Encode())
	return hex.EncodeToString(m.Sum(nil))
}

// checkPresigned verifies the signature and expiry of an object-store URL.
func (s *Server) checkPresigned(r *http.Request) (code, msg string) {
	q := r.URL.Query()
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	if !hmac.Equal([]byte(q.Get("X-Amz-Signature")), []byte(s.signature(method, r.URL.Path, q))) {
		return "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."
	}
	issued, err := time.Parse(amzDate, q.Get("X-Amz-Date"))
	secs, err2 := strconv.Atoi(q.Get("X-Amz-Expires"))
	if err != nil || err2 != nil || s.now().After(issued.Add(time.Duration(secs)*time.Second)) {
		return "AccessDenied", "Request has expired"
	}
	return "", ""
}

// s3Error writes an S3-style XML error.
func s3Error(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%s</Code><Message>%s</Message></Error>", code, msg)
}

// serveObject serves the fake object store: PUT /_objects/uploads/{file}/part_{n}
// and GET /_objects/media/{file}/original.
func (s *Server) serveObject(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, objectPrefix), "/")
	switch {
	case len(parts) == 3 && parts[0] == "uploads":
		s.putPart(w, r, parts[1], parts[2])
	case len(parts) == 3 && parts[0] == "media" && parts[2] == "original":
		s.getMedia(w, r, parts[1])
	default:
		s3Error(w, http.StatusNotFound, "NoSuchKey", "The specified key does not exist.")
	}
}

// putPart stores one upload part after enforcing the upload rules of the
// docs: PUT, x-amz-acl: private, Content-Type = media_type, no
// Authorization header, exactly the part's size.
func (s *Server) putPart(w http.ResponseWriter, r *http.Request, fileID, partName string) {
	if r.Method != http.MethodPut {
		s3Error(w, http.StatusMethodNotAllowed, "MethodNotAllowed", "The specified method is not allowed against this resource.")
		return
	}
	if code, msg := s.checkPresigned(r); code != "" {
		s3Error(w, http.StatusForbidden, code, msg)
		return
	}
	if r.Header.Get("Authorization") != "" {
		s3Error(w, http.StatusBadRequest, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified")
		return
	}
	if f := s.faults.takeUpload(); f != nil {
		s3Error(w, f.status, "InternalError", "injected upload fault")
		return
	}
	idx, err := strconv.Atoi(strings.TrimPrefix(partName, "part_"))
	body, rerr := io.ReadAll(r.Body)

	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(fileID, kindFile)
	if rec == nil || rec.file == nil || err != nil || idx < 1 || idx > len(rec.file.partSizes) {
		s3Error(w, http.StatusNotFound, "NoSuchUpload", "The specified upload does not exist.")
		return
	}
	fs := rec.file
	switch {
	case fs.urlsExpired:
		s3Error(w, http.StatusForbidden, "AccessDenied", "Request has expired")
	case r.Header.Get("x-amz-acl") != "private":
		s3Error(w, http.StatusForbidden, "AccessDenied", "x-amz-acl must be 'private' (it is a signed header)")
	case r.Header.Get("Content-Type") != rec.str("media_type"):
		s3Error(w, http.StatusForbidden, "SignatureDoesNotMatch", fmt.Sprintf("Content-Type must be %q (the file's media_type)", rec.str("media_type")))
	case rerr != nil:
		s3Error(w, http.StatusBadRequest, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header.")
	case int64(len(body)) != fs.partSizes[idx-1]:
		s3Error(w, http.StatusBadRequest, "InvalidPartSize", fmt.Sprintf("part %d must be exactly %d bytes, got %d", idx, fs.partSizes[idx-1], len(body)))
	case fs.content != nil:
		s3Error(w, http.StatusConflict, "UploadAlreadyCompleted", "all parts of this file were already uploaded")
	default:
		fs.parts[idx] = body
		sum := sha256.Sum256(body)
		w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
		w.WriteHeader(http.StatusOK)
		if len(fs.parts) == len(fs.partSizes) {
			var buf bytes.Buffer
			for i := 1; i <= len(fs.partSizes); i++ {
				buf.Write(fs.parts[i])
			}
			s.completeUpload(rec, buf.Bytes())
		}
	}
}

// completeUpload stores content and moves the file to "uploaded" (or
// straight to "transcoded" with WithTranscodeAfterPolls(0)).
func (s *Server) completeUpload(rec *record, content []byte) {
	if content == nil {
		content = []byte{} // an empty file: non-nil content marks the upload complete
	}
	fs := rec.file
	fs.content = content
	fs.parts = nil
	fs.uploadedAt = s.now()
	rec.attrs["status"] = "uploaded"
	rec.attrs["file_size"] = len(content)
	rec.attrs["updated_at"] = s.stamp()
	s.advance(rec, false)
}

// advance moves an uploaded file to transcoded when its rule says so;
// poll counts one status poll.
func (s *Server) advance(rec *record, poll bool) {
	fs := rec.file
	if fs != nil && fs.pending != nil && poll {
		content := fs.pending
		fs.pending = nil
		s.completeUpload(rec, content)
	}
	if fs == nil || fs.transcoded || fs.uploadedAt.IsZero() {
		return
	}
	switch {
	case s.cfg.manualTranscode:
		return
	case s.cfg.transcodeDelay > 0:
		if !s.now().Before(fs.uploadedAt.Add(s.cfg.transcodeDelay)) {
			s.markTranscoded(rec)
		}
		return
	}
	if fs.polls >= s.cfg.transcodePolls {
		s.markTranscoded(rec)
		return
	}
	if poll {
		fs.polls++
	}
}

func (s *Server) markTranscoded(rec *record) {
	rec.file.transcoded = true
	rec.attrs["status"] = "transcoded"
	rec.attrs["updated_at"] = s.stamp()
}

// Transcode moves an uploaded file to "transcoded" now.
func (s *Server) Transcode(fileID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(fileID, kindFile)
	if rec == nil || rec.file.content == nil {
		return fmt.Errorf("frameiotest: file %s does not exist or is not uploaded", fileID)
	}
	s.markTranscoded(rec)
	return nil
}

// FileContent returns the bytes of an uploaded file (nil until every part
// has arrived).
func (s *Server) FileContent(fileID string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(fileID, kindFile)
	if rec == nil || rec.file == nil {
		return nil
	}
	return append([]byte(nil), rec.file.content...)
}

// FileStatus returns the status of a file ("created", "uploaded",
// "transcoded") without counting as a poll, or "" if it does not exist.
func (s *Server) FileStatus(fileID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(fileID, kindFile)
	if rec == nil {
		return ""
	}
	s.advance(rec, false)
	return rec.str("status")
}

// ExpireUploadURLs makes every upload URL issued so far answer 403
// AccessDenied "Request has expired".
func (s *Server) ExpireUploadURLs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, rec := range s.st.ofKind(kindFile) {
		rec.file.urlsExpired = true
	}
}

// getMedia serves the original bytes of a transcoded file, with Range
// support; ?disposition=inline selects an inline Content-Disposition.
func (s *Server) getMedia(w http.ResponseWriter, r *http.Request, fileID string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s3Error(w, http.StatusMethodNotAllowed, "MethodNotAllowed", "The specified method is not allowed against this resource.")
		return
	}
	if code, msg := s.checkPresigned(r); code != "" {
		s3Error(w, http.StatusForbidden, code, msg)
		return
	}
	s.mu.Lock()
	rec := s.st.get(fileID, kindFile)
	var content []byte
	var name, mediaType string
	var modified time.Time
	if rec != nil && rec.file.transcoded {
		content, name, mediaType, modified = rec.file.content, rec.str("name"), rec.str("media_type"), rec.file.uploadedAt
	}
	s.mu.Unlock()
	if content == nil {
		s3Error(w, http.StatusNotFound, "NoSuchKey", "The specified key does not exist.")
		return
	}
	disp := "attachment"
	if r.URL.Query().Get("disposition") == "inline" {
		disp = "inline"
	}
	w.Header().Set("Content-Type", mediaType)
	w.Header().Set("Content-Disposition", disp+";filename="+strconv.Quote(name))
	http.ServeContent(w, r, name, modified, bytes.NewReader(content))
}
