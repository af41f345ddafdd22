package c2ctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path"
	"sort"
	"strings"
	"time"

	gen "github.com/frameio-go/frameio-go/gen/c2c"
)

const (
	objectPrefix = "/objects/"
	minPart      = 5_242_880
	maxParts     = 10_000
	maxFile      = 5_497_558_138_880
)

type asset struct {
	id, name, filetype string
	realtime           bool
	size               int64           // declared (regular) or asset_filesize (real-time, once final)
	parts              map[int]*object // by part number
	final              int             // number of the final part, 0 until requested
	order              []int           // regular: chunk numbers in URL order
	created            time.Time
}

type object struct {
	assetID   string
	number    int
	size      int64 // expected size (real-time parts); -1 for regular chunks
	signature string
	data      []byte
	uploaded  bool
}

func (s *Server) newObjectLocked(a *asset, number int, size int64) string {
	o := &object{assetID: a.id, number: number, size: size, signature: randomHex(16)}
	key := a.id + "/" + fmt.Sprint(number) + "-" + randomHex(4)
	s.st.objects[key] = o
	a.parts[number] = o
	return fmt.Sprintf("%s%s%s?X-Amz-Expires=3600&X-Amz-Signature=%s", s.URL(), objectPrefix, key, o.signature)
}

func (s *Server) createAsset(w http.ResponseWriter, r *http.Request, _ map[string]string) {
	var in gen.AssetCreateParams
	if json.NewDecoder(r.Body).Decode(&in) != nil || in.Filetype == nil {
		writeJSON(w, http.StatusUnprocessableEntity, detailed(422, "Invalid Argument", "filetype is required"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	created := s.now()
	if in.Offset != nil {
		created = created.Add(-time.Duration(*in.Offset) * time.Second)
	}
	if s.st.pausedAt(created) {
		writeJSON(w, http.StatusConflict, channelPaused())
		return
	}
	a := &asset{id: newID(), filetype: *in.Filetype, parts: map[int]*object{}, created: created}
	if in.Name != nil {
		a.name = *in.Name
	}
	if in.IsRealtimeUpload != nil && *in.IsRealtimeUpload {
		a.realtime = true
		switch {
		case in.Extension != nil && strings.HasPrefix(*in.Extension, "."):
			if a.name == "" {
				a.name = "[new file]" + *in.Extension
			}
		case path.Ext(a.name) == "":
			writeJSON(w, http.StatusUnprocessableEntity, detailed(422, "Invalid Argument", "a real-time asset needs an extension"))
			return
		}
		s.st.assets[a.id] = a
		writeJSON(w, http.StatusOK, map[string]any{"id": a.id, "name": a.name})
		return
	}
	if a.name == "" || in.Filesize == nil || *in.Filesize < 0 || *in.Filesize > maxFile {
		writeJSON(w, http.StatusUnprocessableEntity, detailed(422, "Invalid Argument", "name and filesize are required"))
		return
	}
	a.size = *in.Filesize
	n := int((a.size + s.cfg.chunkSize - 1) / s.cfg.chunkSize)
	if in.Parts != nil {
		n = *in.Parts
	}
	if n < 1 || n > maxParts || (n > 1 && (a.size+int64(n)-1)/int64(n) < minPart) {
		writeJSON(w, http.StatusInternalServerError, detailed(500, "Something went wrong", "There was a problem with your request"))
		return
	}
	urls := make([]string, n)
	for i := range urls {
		urls[i] = s.newObjectLocked(a, i+1, -1)
		a.order = append(a.order, i+1)
	}
	s.st.assets[a.id] = a
	writeJSON(w, http.StatusOK, map[string]any{"_type": "file", "id": a.id, "name": a.name, "filetype": a.filetype,
		"filesize": a.size, "upload_urls": urls})
}

func (s *Server) realtimeParts(w http.ResponseWriter, r *http.Request, p map[string]string) {
	var in gen.RealtimeUploadParams
	if json.NewDecoder(r.Body).Decode(&in) != nil {
		writeJSON(w, http.StatusBadRequest, detailed(400, "Invalid Argument", "body"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.st.assets[p["asset_id"]]
	if a == nil || !a.realtime {
		writeJSON(w, http.StatusNotFound, detailed(http.StatusNotFound, "Not Found", "no such real-time asset"))
		return
	}
	for _, part := range in.Parts {
		bad := ""
		switch {
		case part.Number < 1 || part.Number > maxParts:
			bad = "part number out of range"
		case !part.IsFinal && part.Size < minPart:
			bad = "a part before the final one is smaller than 5 MiB"
		case part.IsFinal && (in.AssetFilesize == nil || *in.AssetFilesize > maxFile || *in.AssetFilesize < 1):
			bad = "asset_filesize is required with a final part and at most 5 TiB"
		case a.final != 0 && part.Number > a.final:
			bad = "part after the final part"
		}
		if bad != "" {
			writeJSON(w, http.StatusBadRequest, detailed(http.StatusBadRequest, "Invalid Argument", bad))
			return
		}
	}
	urls := make([]string, 0, len(in.Parts))
	for _, part := range in.Parts {
		urls = append(urls, s.newObjectLocked(a, part.Number, part.Size))
		if part.IsFinal {
			a.final, a.size = part.Number, *in.AssetFilesize
			if in.AssetName != nil && strings.HasPrefix(a.name, "[new file]") {
				a.name = *in.AssetName
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"upload_urls": urls})
}

// serveObject is the object store: PUT of one chunk to a presigned URL.
func (s *Server) serveObject(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimPrefix(r.URL.Path, objectPrefix)
	body, err := io.ReadAll(r.Body)
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.st.objects[key]
	switch {
	case r.Method != http.MethodPut:
		writeS3(w, http.StatusMethodNotAllowed, "MethodNotAllowed", "only PUT")
	case o == nil || r.URL.Query().Get("X-Amz-Signature") != o.signature:
		writeS3(w, http.StatusForbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
	case r.Header.Get("Authorization") != "":
		writeS3(w, http.StatusBadRequest, "InvalidArgument", "Only one auth mechanism allowed; presigned URLs take no Authorization header")
	case r.Header.Get("x-amz-acl") != "private":
		writeS3(w, http.StatusForbidden, "AccessDenied", "x-amz-acl must be private")
	case r.Header.Get("Content-Type") != s.st.assets[o.assetID].filetype:
		writeS3(w, http.StatusForbidden, "SignatureDoesNotMatch", "Content-Type differs from the asset's filetype")
	case err != nil:
		writeS3(w, http.StatusBadRequest, "IncompleteBody", "the body ended early")
	case o.size >= 0 && int64(len(body)) != o.size:
		writeS3(w, http.StatusBadRequest, "IncompleteBody", fmt.Sprintf("part %d: got %d bytes, registered %d", o.number, len(body), o.size))
	default:
		o.data, o.uploaded = body, true
		w.Header().Set("ETag", `"`+randomHex(16)+`"`)
		w.WriteHeader(http.StatusOK)
	}
}

// AssetInfo is what the server holds for an asset.
type AssetInfo struct {
	ID, Name, Filetype string
	Realtime           bool
	// CreatedAt is when the media was created, from the offset sent.
	CreatedAt time.Time
	// Complete tells whether every part arrived (for real-time assets: the
	// final part was requested and every requested part uploaded) and the
	// sizes add up.
	Complete bool
	// Data is the assembled file (parts in number order) once Complete.
	Data []byte
	// Parts is the number of parts uploaded so far.
	Parts int
}

// Asset returns what the server holds for an asset, or false.
func (s *Server) Asset(id string) (AssetInfo, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.st.assets[id]
	if a == nil {
		return AssetInfo{}, false
	}
	info := AssetInfo{ID: a.id, Name: a.name, Filetype: a.filetype, Realtime: a.realtime, CreatedAt: a.created}
	nums := make([]int, 0, len(a.parts))
	all := true
	for n, o := range a.parts {
		nums = append(nums, n)
		if o.uploaded {
			info.Parts++
		} else {
			all = false
		}
	}
	sort.Ints(nums)
	if !all || (a.realtime && a.final == 0) {
		return info, true
	}
	var buf bytes.Buffer
	for _, n := range nums {
		buf.Write(a.parts[n].data)
	}
	if int64(buf.Len()) == a.size {
		info.Complete, info.Data = true, buf.Bytes()
	}
	return info, true
}

// Assets returns the ids of all assets, in no particular order.
func (s *Server) Assets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(s.st.assets))
	for id := range s.st.assets {
		ids = append(ids, id)
	}
	return ids
}
