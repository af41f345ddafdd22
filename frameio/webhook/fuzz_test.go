package webhook_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

// FuzzVerify checks that the verifier never panics on arbitrary headers and
// bodies, accepts only what an independent HMAC computation accepts, and
// always accepts what Sign produces.
func FuzzVerify(f *testing.F) {
	valid := signedHeader(testSecret, testNow, vectorBody)
	f.Add(valid.Get(webhook.HeaderTimestamp), valid.Get(webhook.HeaderSignature), vectorBody)
	f.Add("", "", []byte{})
	f.Add("1604004499", "v0=", []byte("{}"))
	f.Add("1604004499", "v1="+strings.Repeat("ab", 32), []byte("{}"))
	f.Add("-1", "v0=zz", []byte(nil))
	f.Add("99999999999999999999", "=", []byte("\x00\xff"))
	f.Add("1604004499.5", "v0="+strings.Repeat("A", 64), []byte("x"))
	f.Add("0", "v0==v0=", []byte("x"))

	v := newVerifier(f, webhook.WithMaxBodySize(4096))
	f.Fuzz(func(t *testing.T, ts, sig string, body []byte) {
		h := http.Header{}
		h.Set(webhook.HeaderTimestamp, ts)
		h.Set(webhook.HeaderSignature, sig)
		err := v.Verify(h, body)
		if err == nil && !strings.EqualFold(h.Get(webhook.HeaderSignature), hmacHex(testSecret, h.Get(webhook.HeaderTimestamp), body)) {
			t.Fatalf("accepted forged signature %q for timestamp %q", sig, ts)
		}
		if err != nil && webhook.StatusCode(err) != http.StatusUnauthorized && webhook.StatusCode(err) != http.StatusRequestEntityTooLarge {
			t.Fatalf("unexpected error class: %v", err)
		}
		if len(body) > 4096 {
			return
		}
		signed := http.Header{}
		webhook.SignHeader(signed, testSecret, testNow.Add(-time.Duration(len(body)%300)*time.Second), body)
		if err := v.Verify(signed, body); err != nil {
			t.Fatalf("rejected a valid signature: %v", err)
		}
		if err := v.Verify(signed, append(append([]byte{}, body...), '!')); err == nil {
			t.Fatal("accepted a tampered body")
		}
	})
}

// FuzzDecodeEvent checks that the webhook payload decoder never panics and
// only returns events with a type and a resource ID.
func FuzzDecodeEvent(f *testing.F) {
	f.Add([]byte(docEventPayload))
	f.Add([]byte(`{"type":"x","resource":{"id":"y"}}`))
	f.Add([]byte(`{"type":"x","resource":null}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"type":"\ud800","resource":{"id":"\u0000"}}`))
	f.Add([]byte(`[{"type":"x"}]`))
	f.Add([]byte(`{"type":"file.ready","resource":{"id":"1"},"type":"dup"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e, err := webhook.DecodeEvent(body)
		if err != nil {
			if e != nil {
				t.Fatal("event returned with error")
			}
			if webhook.StatusCode(err) != http.StatusBadRequest {
				t.Fatalf("decode error not a 400: %v", err)
			}
			return
		}
		if e.Type == "" || e.Resource.ID == "" {
			t.Fatalf("accepted incomplete event %+v", e)
		}
		_ = e.IdempotencyKey()
		_ = e.Type.Known()
	})
}

// FuzzDecodeAction checks that the custom action decoder and the form data
// accessors never panic.
func FuzzDecodeAction(f *testing.F) {
	f.Add([]byte(docActionMultiAsset))
	f.Add([]byte(docActionLegacy))
	f.Add([]byte(docActionSubmission))
	f.Add([]byte(`{"interaction_id":"i","data":{"a":[1,"b",null,{"c":true}],"b":1e308,"c":false}}`))
	f.Add([]byte(`{"interaction_id":"i","resource":null,"resources":[]}`))
	f.Add([]byte(`{"interaction_id":""}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e, err := webhook.DecodeAction(body)
		if err != nil {
			if e != nil || webhook.StatusCode(err) != http.StatusBadRequest {
				t.Fatalf("bad error result: %v", err)
			}
			return
		}
		if e.InteractionID == "" || e.Data == nil {
			t.Fatalf("accepted incomplete action %+v", e)
		}
		for name := range e.Data {
			_ = e.Data.String(name)
			_ = e.Data.Bool(name)
			_ = e.Data.Strings(name)
		}
		_ = e.IsSubmission()
	})
}
