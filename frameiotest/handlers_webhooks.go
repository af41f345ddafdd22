package frameiotest

import (
	"encoding/hex"
	"net/http"

	"github.com/frameio-go/frameio-go/gen"
)

// WebhooksCreate creates a webhook in a workspace; the response carries
// its signing secret.
func (h *handlers) WebhooksCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, workspaceID gen.UUID) {
	d := decodeData(r)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.st.get(workspaceID, kindWorkspace) == nil {
		h.s.notFound(w, r, "Workspace", workspaceID)
		return
	}
	a := h.s.base(str(d, "name"))
	a["url"], a["events"], a["workspace_id"], a["active"] = d["url"], d["events"], workspaceID, true
	rec := h.s.st.put(kindWebhook, newID(), workspaceID, a)
	v := rec.view()
	v["secret"] = hex.EncodeToString([]byte(rec.id))[:32]
	h.s.replyData(w, r, v)
}

// WebhooksIndex lists the webhooks of a workspace.
func (h *handlers) WebhooksIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, workspaceID gen.UUID, _ gen.WebhooksIndexParams) {
	h.s.listChildrenOf(w, r, workspaceID, kindWorkspace, "Workspace", kindWebhook)
}

// WebhooksShow shows a webhook.
func (h *handlers) WebhooksShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID, _ gen.WebhooksShowParams) {
	h.s.showKind(w, r, kindWebhook, id)
}

// WebhooksUpdate updates a webhook.
func (h *handlers) WebhooksUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.updateKind(w, r, kindWebhook, id, "workspace_id")
}

// WebhooksDelete deletes a webhook.
func (h *handlers) WebhooksDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.deleteKind(w, r, kindWebhook, id)
}
