package sdknames

// Operation is the tag and operation id an operation has in the SDK's
// document (api/frameio.yaml), which give its service and method:
// tag accountPermissions, id account_permissions_index ->
// client.AccountPermissions.Index.
type Operation struct{ Tag, ID string }

// KeptOperation returns the tag and id the SDK keeps for an operation
// ("GET /v4/accounts/{account_id}/users") where the naming rule of the
// spec builder (<tag>_<operation>, see internal/specbuild) would give
// another for some published form. The docs, the official Python and
// TypeScript SDKs and so this SDK call these three "index" of their
// permissions resource; the published OpenAPI document calls them
// account_user_roles.index (tagged Users), project_user_roles.index and
// workspace_user_roles.index. Keeping the docs' names keeps the methods
// whatever form the spec is built from.
func KeptOperation(methodAndPath string) (Operation, bool) {
	op, ok := keptOperations[methodAndPath]
	return op, ok
}

var keptOperations = map[string]Operation{
	"GET /v4/accounts/{account_id}/users":                           {Tag: "accountPermissions", ID: "account_permissions_index"},
	"GET /v4/accounts/{account_id}/projects/{project_id}/users":     {Tag: "projectPermissions", ID: "project_permissions_index"},
	"GET /v4/accounts/{account_id}/workspaces/{workspace_id}/users": {Tag: "workspacePermissions", ID: "workspace_permissions_index"},
}
