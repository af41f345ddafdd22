package auth

import (
	"crypto/subtle"
	"net/url"
)

// readCallback reads the query of an authorization redirect for the
// sign-in whose state is state. ours is false when the query does not carry
// that state (compared in constant time): the request is then not this
// sign-in's redirect (a forged or stale one) and says nothing about it.
// Otherwise it returns the authorization code, or a *CallbackError when IMS
// redirected with an error or without a code.
func readCallback(q url.Values, state string) (code string, ours bool, err error) {
	if state == "" || subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(state)) != 1 {
		return "", false, nil
	}
	switch code = q.Get("code"); {
	case q.Get("error") != "":
		return "", true, &CallbackError{Code: q.Get("error"), Description: q.Get("error_description")}
	case code == "":
		return "", true, &CallbackError{Description: "redirect carried no authorization code"}
	}
	return code, true, nil
}
