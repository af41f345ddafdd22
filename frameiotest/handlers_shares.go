package frameiotest

import (
	"net/http"
	"slices"

	"github.com/frameio-go/frameio-go/gen"
)

// setShare copies share attributes from request data d into a.
func (s *Server) setShare(a, d map[string]any) {
	for _, k := range [...]string{"name", "access", "description", "expiration", "passphrase"} {
		if v, ok := d[k]; ok {
			a[k] = v
		}
	}
	if v, ok := d["downloading_enabled"].(bool); ok {
		a["downloading_enabled"] = v
	}
}

// SharesCreate creates a share in a project.
func (h *handlers) SharesCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, projectID gen.FrameOrAdobeID) {
	d := decodeData(r)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.st.get(projectID, kindProject) == nil {
		h.s.notFound(w, r, "Project", projectID)
		return
	}
	id := newID()
	a := h.s.base("")
	a["description"], a["expiration"], a["last_viewed_at"] = nil, nil, nil
	a["enabled"], a["commenting_enabled"], a["downloading_enabled"] = true, true, true
	a["short_url"] = "https://f.io/" + id[:8]
	a["collection_id"] = newID()
	h.s.setShare(a, d)
	rec := h.s.st.put(kindShare, id, projectID, a)
	rec.share = &shareState{}
	if ids, ok := d["asset_ids"].([]any); ok {
		for _, v := range ids {
			rec.share.assets = append(rec.share.assets, v.(string))
		}
	}
	h.s.replyData(w, r, rec.view())
}

// SharesIndex lists the shares of a project.
func (h *handlers) SharesIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, projectID gen.FrameOrAdobeID, _ gen.SharesIndexParams) {
	h.s.listChildrenOf(w, r, projectID, kindProject, "Project", kindShare)
}

// SharesShow shows a share.
func (h *handlers) SharesShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.showKind(w, r, kindShare, id)
}

// SharesUpdate updates a share.
func (h *handlers) SharesUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	d := decodeData(r)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	rec := h.s.st.get(id, kindShare)
	if rec == nil {
		h.s.notFound(w, r, "Share", id)
		return
	}
	h.s.setShare(rec.attrs, d)
	rec.attrs["updated_at"] = h.s.stamp()
	h.s.replyData(w, r, rec.view())
}

// SharesDelete deletes a share.
func (h *handlers) SharesDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.deleteKind(w, r, kindShare, id)
}

// withShare runs fn on share id under the lock, or replies 404.
func (s *Server) withShare(w http.ResponseWriter, r *http.Request, id string, fn func(*record)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(id, kindShare)
	if rec == nil {
		s.notFound(w, r, "Share", id)
		return
	}
	fn(rec)
}

// SharesAddAsset adds an asset to a share.
func (h *handlers) SharesAddAsset(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	d := decodeData(r)
	h.s.withShare(w, r, id, func(rec *record) {
		aid := str(d, "asset_id")
		if h.s.st.get(aid, kindFile, kindFolder, kindVersionStack) == nil {
			h.s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid asset_id", "no asset "+aid, "/data/asset_id")
			return
		}
		if !slices.Contains(rec.share.assets, aid) {
			rec.share.assets = append(rec.share.assets, aid)
		}
		h.s.replyEmpty(w, r)
	})
}

// SharesRemoveAsset removes an asset from a share.
func (h *handlers) SharesRemoveAsset(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID, assetID gen.FrameOrAdobeID) {
	h.s.withShare(w, r, id, func(rec *record) {
		i := slices.Index(rec.share.assets, assetID)
		if i < 0 {
			h.s.notFound(w, r, "Share asset", assetID)
			return
		}
		rec.share.assets = slices.Delete(rec.share.assets, i, i+1)
		h.s.replyEmpty(w, r)
	})
}

// reviewerKeys lists the reviewer identifiers of request data d.
func reviewerKeys(d map[string]any) []string {
	rv, _ := d["reviewers"].(map[string]any)
	var out []string
	for _, k := range [...]string{"user_ids", "emails", "adobe_user_ids"} {
		list, _ := rv[k].([]any)
		for _, v := range list {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// SharesAddReviewers adds reviewers (by user id, email or Adobe id).
func (h *handlers) SharesAddReviewers(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	d := decodeData(r)
	h.s.withShare(w, r, id, func(rec *record) {
		for _, k := range reviewerKeys(d) {
			if !slices.Contains(rec.share.reviewers, k) {
				rec.share.reviewers = append(rec.share.reviewers, k)
			}
		}
		h.s.replyEmpty(w, r)
	})
}

// SharesRemoveReviewers removes reviewers.
func (h *handlers) SharesRemoveReviewers(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	d := decodeData(r)
	h.s.withShare(w, r, id, func(rec *record) {
		for _, k := range reviewerKeys(d) {
			if i := slices.Index(rec.share.reviewers, k); i >= 0 {
				rec.share.reviewers = slices.Delete(rec.share.reviewers, i, i+1)
			}
		}
		h.s.replyEmpty(w, r)
	})
}

// SharesListReviewers lists the reviewers of a share.
func (h *handlers) SharesListReviewers(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID, _ gen.SharesListReviewersParams) {
	h.s.withShare(w, r, id, func(rec *record) {
		items := make([]any, len(rec.share.reviewers))
		for i, k := range rec.share.reviewers {
			items[i] = map[string]any{"email": k}
		}
		h.s.replyList(w, r, items)
	})
}

// SharesListAssets lists the assets of a share: each shared asset and,
// recursively, everything inside the shared folders and version stacks,
// in one flat list.
func (h *handlers) SharesListAssets(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID, _ gen.SharesListAssetsParams) {
	h.s.withShare(w, r, id, func(rec *record) {
		var recs []*record
		var walk func(a *record)
		walk = func(a *record) {
			recs = append(recs, a)
			for _, c := range h.s.st.children(a.id, kindFolder, kindFile, kindVersionStack) {
				walk(c)
			}
		}
		for _, aid := range rec.share.assets {
			if a := h.s.st.get(aid, kindFile, kindFolder, kindVersionStack); a != nil {
				walk(a)
			}
		}
		h.s.replyRecords(w, r, recs)
	})
}

// SharesListActivities lists a share's activity. The fake records none,
// so the list is empty.
func (h *handlers) SharesListActivities(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID, _ gen.SharesListActivitiesParams) {
	h.s.withShare(w, r, id, func(*record) { h.s.replyList(w, r, nil) })
}
