package frameiotest

import (
	"cmp"
	"maps"
	"slices"
	"time"
)

// Resource kinds held by the store.
const (
	kindAccount      = "account"
	kindUser         = "user"
	kindWorkspace    = "workspace"
	kindProject      = "project"
	kindFolder       = "folder"
	kindFile         = "file"
	kindVersionStack = "version_stack"
	kindComment      = "comment"
	kindShare        = "share"
	kindWebhook      = "webhook"
	kindFieldDef     = "field_definition"
)

// record is one stored resource. attrs is its JSON representation (the
// "data" object of responses) without minimal-value filling.
type record struct {
	kind     string
	id       string
	parentID string // the container: account, workspace, folder, file, project...
	seq      uint64
	attrs    map[string]any
	file     *fileState // kind file only
	share    *shareState
}

// shareState holds the members of a share.
type shareState struct {
	assets    []string
	reviewers []string
}

// fileState is the upload and transcode state of a file.
type fileState struct {
	partSizes   []int64
	parts       map[int][]byte
	content     []byte
	urlsExpired bool
	urlExpiry   time.Time
	remote      string
	pending     []byte // content of a remote or imported upload, applied on first poll
	uploadedAt  time.Time
	polls       int
	transcoded  bool
}

// store is the in-memory state; the Server's mutex guards it.
type store struct {
	seq  uint64
	recs map[string]*record
	// kids indexes the records under each parent id in creation (seq)
	// order, so a listing reads its children without scanning the store.
	kids map[string][]*record
	seed Seed
	// roles maps an account, workspace, project or folder id to its
	// users' roles (user id -> role).
	roles map[string]map[string]string
}

func newStore() *store {
	return &store{recs: map[string]*record{}, kids: map[string][]*record{}, roles: map[string]map[string]string{}}
}

func (st *store) put(kind, id, parentID string, attrs map[string]any) *record {
	st.seq++
	attrs["id"] = id
	rec := &record{kind: kind, id: id, parentID: parentID, seq: st.seq, attrs: attrs}
	st.recs[id] = rec
	st.kids[parentID] = append(st.kids[parentID], rec)
	return rec
}

// setParent moves rec under parentID; with last, rec also becomes the
// newest record (it then lists after every existing one).
func (st *store) setParent(rec *record, parentID string, last bool) {
	st.unlink(rec)
	if last {
		st.seq++
		rec.seq = st.seq
	}
	rec.parentID = parentID
	kids := st.kids[parentID]
	i, _ := slices.BinarySearchFunc(kids, rec.seq, func(r *record, seq uint64) int { return cmp.Compare(r.seq, seq) })
	st.kids[parentID] = slices.Insert(kids, i, rec)
}

// unlink removes rec from its parent's index.
func (st *store) unlink(rec *record) {
	kids := st.kids[rec.parentID]
	if i := slices.Index(kids, rec); i >= 0 {
		kids = slices.Delete(kids, i, i+1)
	}
	if len(kids) == 0 {
		delete(st.kids, rec.parentID)
	} else {
		st.kids[rec.parentID] = kids
	}
}

// get returns the record id if it has one of kinds.
func (st *store) get(id string, kinds ...string) *record {
	rec := st.recs[id]
	if rec == nil || (len(kinds) > 0 && !slices.Contains(kinds, rec.kind)) {
		return nil
	}
	return rec
}

// children returns the records of kinds under parentID in creation order.
func (st *store) children(parentID string, kinds ...string) []*record {
	var out []*record
	for _, rec := range st.kids[parentID] {
		if slices.Contains(kinds, rec.kind) {
			out = append(out, rec)
		}
	}
	return out
}

// ofKind returns all records of kind in creation order.
func (st *store) ofKind(kind string) []*record {
	var out []*record
	for _, rec := range st.recs {
		if rec.kind == kind {
			out = append(out, rec)
		}
	}
	slices.SortFunc(out, func(a, b *record) int { return cmp.Compare(a.seq, b.seq) })
	return out
}

// remove deletes id and everything below it.
func (st *store) remove(id string) {
	if rec := st.recs[id]; rec != nil {
		st.unlink(rec)
	}
	st.drop(id)
}

// drop deletes id and everything below it, leaving id's parent's list of
// children as it is: the children's lists go whole, with their owners.
func (st *store) drop(id string) {
	for _, child := range st.kids[id] {
		st.drop(child.id)
	}
	delete(st.kids, id)
	delete(st.recs, id)
}

// view returns a copy of rec's attributes, safe to hand out.
func (rec *record) view() map[string]any {
	m, _ := generic(rec.attrs).(map[string]any)
	if m == nil {
		m = maps.Clone(rec.attrs)
	}
	return m
}

// str returns the string attribute key of rec.
func (rec *record) str(key string) string {
	v, _ := rec.attrs[key].(string)
	return v
}
