package frameiotest

import (
	"net/http"

	"github.com/frameio-go/frameio-go/gen"
)

// VersionStacksCreate stacks files of a folder into a new version stack.
func (h *handlers) VersionStacksCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, folderID gen.FrameOrAdobeID) {
	d := decodeData(r)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	parent := h.s.folderOr404(w, r, folderID)
	if parent == nil {
		return
	}
	ids, _ := d["file_ids"].([]any)
	var files []*record
	for _, v := range ids {
		id, _ := v.(string)
		f := h.s.st.get(id, kindFile)
		if f == nil {
			h.s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid file_ids", "no file "+id, "/data/file_ids")
			return
		}
		files = append(files, f)
	}
	id := newID()
	name := "Version stack"
	if len(files) > 0 {
		name = files[len(files)-1].str("name")
	}
	a := h.s.base(name)
	a["type"] = "version_stack"
	a["parent_id"] = parent.id
	a["project_id"] = parent.str("project_id")
	a["view_url"] = "https://next.frame.io/project/" + parent.str("project_id") + "/view/" + id
	vs := h.s.st.put(kindVersionStack, id, parent.id, a)
	for _, f := range files {
		h.s.st.setParent(f, vs.id, true)
		f.attrs["parent_id"] = vs.id
	}
	h.s.replyData(w, r, h.s.render(r, vs))
}

// VersionStacksList lists the version stacks of a folder.
func (h *handlers) VersionStacksList(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, folderID gen.FrameOrAdobeID, _ gen.VersionStacksListParams) {
	h.s.listChildrenOf(w, r, folderID, kindFolder, "Folder", kindVersionStack)
}

// VersionStacksShow shows a version stack with its head version.
func (h *handlers) VersionStacksShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.VersionStacksShowParams) {
	h.s.showKind(w, r, kindVersionStack, id)
}

// VersionStacksIndex lists the files of a version stack.
func (h *handlers) VersionStacksIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.VersionStacksIndexParams) {
	h.s.listChildrenOf(w, r, id, kindVersionStack, "Version stack", kindFile)
}

// VersionStacksCopy copies a version stack.
func (h *handlers) VersionStacksCopy(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.VersionStacksCopyParams) {
	h.s.copyAsset(w, r, id, kindVersionStack)
}

// VersionStacksMove moves a version stack to another folder.
func (h *handlers) VersionStacksMove(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.move(w, r, id, kindVersionStack)
}
