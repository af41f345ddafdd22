package frameio

import (
	"context"
	"iter"

	"github.com/frameio-go/frameio-go/gen"
)

// AccountWebhook is a webhook with the workspace it belongs to.
type AccountWebhook struct {
	// WorkspaceID is the workspace the webhook was listed in.
	WorkspaceID string
	// Webhook is the webhook as the API returns it.
	Webhook gen.WebhookWithIncludes
}

// ListAccount iterates over the webhooks of every workspace of an account:
// Frame.io lists webhooks per workspace only. Workspaces and webhooks are
// fetched page by page as the loop advances; the first error ends it.
func (s *WebhooksService) ListAccount(ctx context.Context, accountID string, opts ...RequestOption) iter.Seq2[AccountWebhook, error] {
	return func(yield func(AccountWebhook, error) bool) {
		for ws, err := range s.c.Workspaces.IndexAll(ctx, accountID, nil, opts...) {
			if err != nil {
				yield(AccountWebhook{}, err)
				return
			}
			for wh, err := range s.IndexAll(ctx, accountID, ws.ID, nil, opts...) {
				if err != nil {
					yield(AccountWebhook{WorkspaceID: ws.ID}, err)
					return
				}
				if !yield(AccountWebhook{WorkspaceID: ws.ID, Webhook: wh}, nil) {
					return
				}
			}
		}
	}
}
