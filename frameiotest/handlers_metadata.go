package frameiotest

import (
	"net/http"

	"github.com/frameio-go/frameio-go/gen"
)

// MetadataFieldsMetadataFieldDefinitionsCreate creates a field definition.
func (h *handlers) MetadataFieldsMetadataFieldDefinitionsCreate(w http.ResponseWriter, r *http.Request, accountID gen.FrameOrAdobeID) {
	d := decodeData(r)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.st.get(accountID, kindAccount) == nil {
		h.s.notFound(w, r, "Account", accountID)
		return
	}
	a := h.s.base(str(d, "name"))
	a["field_type"] = d["field_type"]
	if c, ok := d["field_configuration"]; ok {
		a["field_configuration"] = c
	}
	a["creator_id"], a["mutable"] = h.s.st.seed.UserID, true
	h.s.replyData(w, r, h.s.st.put(kindFieldDef, newID(), accountID, a).view())
}

// MetadataFieldsMetadataFieldDefinitionsIndex lists field definitions.
func (h *handlers) MetadataFieldsMetadataFieldDefinitionsIndex(w http.ResponseWriter, r *http.Request, accountID gen.FrameOrAdobeID, _ gen.MetadataFieldsMetadataFieldDefinitionsIndexParams) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.replyRecords(w, r, h.s.st.children(accountID, kindFieldDef))
}

// MetadataFieldsMetadataFieldDefinitionsUpdate updates a field definition.
func (h *handlers) MetadataFieldsMetadataFieldDefinitionsUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.updateKind(w, r, kindFieldDef, id, "field_type")
}

// MetadataFieldsMetadataFieldDefinitionsDelete deletes a field definition.
func (h *handlers) MetadataFieldsMetadataFieldDefinitionsDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.deleteKind(w, r, kindFieldDef, id)
}
