package frameiotest

import (
	"net/http"

	"github.com/frameio-go/frameio-go/gen"
)

// AccountsIndex lists the accounts of the current user.
func (h *handlers) AccountsIndex(w http.ResponseWriter, r *http.Request, _ gen.AccountsIndexParams) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.replyRecords(w, r, h.s.st.ofKind(kindAccount))
}

// UsersShow shows the current user.
func (h *handlers) UsersShow(w http.ResponseWriter, r *http.Request) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.replyData(w, r, h.s.st.get(h.s.st.seed.UserID).view())
}
